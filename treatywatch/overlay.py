"""The ledger with a user overlay, and the validated writes into it.

A write takes the database's write lock first, then validates the bundled record plus the
overlay plus the new acts with the same loader and law as the bundled files, and commits
only if nothing is wrong. So a write that the law forbids never lands, and two writers can
never validate against a state the other has just changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch import data as data_mod
from treatywatch.bulk import paused_gc
from treatywatch.errors import DataError, Problem, UsageError
from treatywatch.ledger import Ledger
from treatywatch.model import ACT_FIELDS, Source
from treatywatch.store import Snapshot, Store


def act_id(row: dict[str, str]) -> str:
    key = "|".join([row["treaty"], row["state"], row["kind"], row["date"], row["sources"]])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def source_for_url(
    url: str, publisher: str = "", title: str = "", published: str = ""
) -> dict[str, str]:
    """A user-supplied source, identified by its URL."""
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"a source needs an http(s) URL, got {url!r}")
    sid = "u-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    return {
        "id": sid,
        "url": url,
        "publisher": publisher or url.split("/")[2],
        "title": title or url,
        "published": published,
        "accessed": date.today().isoformat(),
    }


def _dataset(
    root: Path | None,
    snap: Snapshot,
    extra_acts: list[dict[str, str]],
    extra_sources: list[dict[str, str]],
) -> tuple[data_mod.Dataset, list[Problem]]:
    ds, problems = data_mod.read(root)
    for r in [*snap.sources, *extra_sources]:
        ds.sources.setdefault(
            r["id"],
            Source(
                r["id"],
                r["url"],
                r["publisher"],
                r["title"],
                r.get("published") or None,
                r.get("accessed") or None,
            ),
        )
    sink = data_mod.RowSink("overlay", problems)
    with paused_gc():
        stored = snap.acts
        items = [(i + 1, r) for i, r in enumerate(stored)]
        items += [(len(stored) + i + 1, r) for i, r in enumerate(extra_acts)]
        ds.acts.extend(data_mod.parse_acts(items, sink, None, ds.states, ds.sources, ds.treaties))
    return ds, problems


def load(store: Store, root: Path | None = None) -> Ledger:
    """The bundled record (or ``root``) plus the overlay; DataError if anything is wrong."""
    return load_snapshot(store, root)[0]


def load_snapshot(store: Store, root: Path | None = None) -> tuple[Ledger, int]:
    """``load`` from one consistent snapshot of the overlay, with the snapshot's change
    counter (``Store.change``), so a caller knows exactly which writes it includes."""
    snap = store.snapshot()
    ds, problems = _dataset(root, snap, [], [])
    ledger, found = Ledger.build(ds)
    if problems or found:
        raise DataError(problems + found)
    return ledger, snap.change


_ASCII_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?(?:/[0-9]{4}-[0-9]{2}-[0-9]{2})?")


def _plain(row: dict[str, str], line: int, file: str = "overlay") -> list[Problem]:
    """What the loader would let through but no one means: control characters (NUL) in
    any field, digits of other scripts in a date."""
    out = []
    for key, value in row.items():
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            out.append(
                Problem(
                    "control character (such as NUL) in a field",
                    file,
                    line,
                    key,
                    value[:80],
                    "remove it",
                )
            )
    for key in ("date", "effective"):
        value = row.get(key) or ""
        if value and not _ASCII_DATE.fullmatch(value):
            out.append(
                Problem(
                    "date is not a date",
                    file,
                    line,
                    key,
                    value[:40],
                    "use YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD in ASCII "
                    "digits",
                )
            )
    return out


def add_acts(
    store: Store,
    rows: list[dict[str, str]],
    sources: list[dict[str, str]],
    *,
    who: str,
    why: str = "",
    action: str = "add-act",
    root: Path | None = None,
    detail: dict[str, Any] | None = None,
) -> list[str]:
    """Validate ``rows`` against the law and the record, then write them atomically."""
    clean = []
    early: list[Problem] = []
    for n, r in enumerate(rows, 1):
        row = {f: (r.get(f) or "").strip() for f in ACT_FIELDS}
        row["id"] = row["id"] or act_id(row)
        clean.append(row)
        early += _plain(row, n)
    for n, src in enumerate(sources, 1):
        early += _plain(src, n, "overlay sources")
    if early:
        raise DataError(early)
    with store.transaction() as con:
        snap = store.snapshot()
        have = {a["id"] for a in snap.acts}
        problems = [
            Problem(
                "this act is already in the overlay",
                "overlay",
                n,
                "id",
                row["id"],
                "an act is identified by treaty, state, kind, date and sources",
            )
            for n, row in enumerate(clean, len(snap.acts) + 1)
            if row["id"] in have
        ]
        if problems:
            raise DataError(problems)
        ds, problems = _dataset(root, snap, clean, sources)
        _, found = Ledger.build(ds)
        problems += found
        if problems:
            raise DataError(problems)
        store.insert_sources(con, sources)
        store.insert_acts(con, clean, who)
        subject = clean[0]["id"] if len(clean) == 1 else f"{len(clean)} acts"
        store.log(
            con,
            who,
            action,
            subject,
            detail or {"acts": clean, "sources": [s["id"] for s in sources]},
            why,
        )
    return [r["id"] for r in clean]


def read_import(path: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Acts from CSV (header row) or JSON lines; a source given as a URL becomes a source."""
    text = Path(path).read_text(encoding="utf-8") if path != "-" else sys.stdin.read()
    if not text.strip():
        raise UsageError(f"{path}: nothing to import")
    if text.lstrip().startswith("{"):
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    sources: dict[str, dict[str, str]] = {}
    out = []
    for r in rows:
        row = {f: str(r.get(f) or "") for f in ACT_FIELDS}
        ids = []
        for s in filter(None, row["sources"].split(";")):
            if s.startswith(("http://", "https://")):
                src = source_for_url(s)
                sources[src["id"]] = src
                ids.append(src["id"])
            else:
                ids.append(s)
        row["sources"] = ";".join(ids)
        out.append(row)
    return out, list(sources.values())
