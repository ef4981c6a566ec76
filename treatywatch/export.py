"""Exports of the record: deterministic bytes (same record -> same bytes) that diff well.

Formats: csv, json, jsonl, parquet, sqlite, ics, atom. csv/jsonl/parquet hold one table
(`acts`, `spans` or `status` on a date); json holds acts, spans and sources together;
sqlite holds every table with foreign keys (it opens in Datasette with labels); ics has one
event per upcoming effective date; atom one entry per status change, newest first.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from treatywatch.errors import UsageError
from treatywatch.ledger import Change, Ledger
from treatywatch.model import ACT_FIELDS
from treatywatch.render import answer_dict

FORMATS = ("csv", "json", "jsonl", "parquet", "sqlite", "ics", "atom")
TABLES = ("acts", "spans", "status")
ACT_COLUMNS = list(ACT_FIELDS)
SPAN_COLUMNS = [
    "treaty",
    "state",
    "status",
    "start",
    "end",
    "bound",
    "contested",
    "reason",
    "article",
    "sources",
]
STATUS_COLUMNS = [
    "treaty",
    "state",
    "on",
    "status",
    "since",
    "until",
    "bound",
    "contested",
    "reason",
    "article",
    "sources",
]


def acts(ledger: Ledger, treaty: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for a in ledger.dataset.acts:
        if treaty and a.treaty != treaty:
            continue
        rows.append(
            {
                "id": a.id,
                "treaty": a.treaty,
                "state": a.state,
                "kind": a.kind.value,
                "date": str(a.date),
                "effective": str(a.effective) if a.effective else "",
                "depositary": a.depositary,
                "reading": "alternate" if a.alternate else "",
                "sources": ";".join(a.sources),
                "note": a.note,
            }
        )
    return sorted(rows, key=lambda r: (r["treaty"], r["state"], r["date"], r["kind"], r["id"]))


def spans(ledger: Ledger, treaty: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for (state, tid), items in ledger._spans.items():
        if treaty and tid != treaty:
            continue
        for s in items:
            opened = next(
                (r for r in reversed(s.reasons) if r.date == s.start),
                s.reasons[-1] if s.reasons else None,
            )
            rows.append(
                {
                    "treaty": tid,
                    "state": state,
                    "status": s.status.value,
                    "start": s.start.isoformat(),
                    "end": s.end.isoformat() if s.end else "",
                    "bound": s.bound,
                    "contested": s.contested,
                    "reason": opened.text if opened else "",
                    "article": opened.article if opened else "",
                    "sources": ";".join(sorted({x for r in s.reasons for x in r.sources})),
                }
            )
    return sorted(rows, key=lambda r: (r["treaty"], r["state"], r["start"]))


def status(ledger: Ledger, on: date, treaty: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for tid in sorted(ledger.treaties):
        if treaty and tid != treaty:
            continue
        for ans in ledger.parties(tid, on, set(ledger_statuses())):
            d = answer_dict(ledger, ans)
            last = d["reasons"][-1] if d["reasons"] else {"text": "", "article": ""}
            rows.append(
                {
                    "treaty": tid,
                    "state": d["state"],
                    "on": d["on"],
                    "status": d["status"],
                    "since": d["since"] or "",
                    "until": d["until"] or "",
                    "bound": d["bound"],
                    "contested": d["contested"],
                    "reason": last["text"],
                    "article": last["article"],
                    "sources": ";".join(s["url"] for s in d["sources"]),
                }
            )
    return sorted(rows, key=lambda r: (r["treaty"], r["state"]))


def ledger_statuses() -> Iterable[Any]:
    from treatywatch.model import Status

    return [s for s in Status if s is not Status.NOT_PARTY]


def sources(ledger: Ledger) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "url": s.url,
            "publisher": s.publisher,
            "title": s.title,
            "published": s.published or "",
            "accessed": s.accessed or "",
        }
        for s in sorted(ledger.sources.values(), key=lambda s: s.id)
    ]


def _table(
    ledger: Ledger, table: str, treaty: str | None, on: date | None
) -> tuple[list[str], list[dict[str, Any]]]:
    if table == "acts":
        return ACT_COLUMNS, acts(ledger, treaty)
    if table == "spans":
        return SPAN_COLUMNS, spans(ledger, treaty)
    if table == "status":
        if on is None:
            raise UsageError("the status table needs --on DATE")
        return STATUS_COLUMNS, status(ledger, on, treaty)
    raise UsageError(f"unknown table {table!r} (one of {', '.join(TABLES)})")


def export(
    ledger: Ledger,
    fmt: str,
    *,
    table: str = "acts",
    treaty: str | None = None,
    on: date | None = None,
    after: date | None = None,
) -> bytes:
    """The record (or one treaty of it) in ``fmt``, as bytes."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "csv":
        cols, rows = _table(ledger, table, treaty, on)
        buf = io.StringIO()
        w = csv.DictWriter(buf, cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "jsonl":
        _, rows = _table(ledger, table, treaty, on)
        return "".join(
            json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows
        ).encode("utf-8")
    if fmt == "json":
        doc: dict[str, Any] = {
            "acts": acts(ledger, treaty),
            "spans": spans(ledger, treaty),
            "sources": sources(ledger),
        }
        if on is not None:
            doc["status"] = status(ledger, on, treaty)
        return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    if fmt == "parquet":
        return _parquet(*_table(ledger, table, treaty, on))
    if fmt == "sqlite":
        return _sqlite(ledger, treaty)
    if fmt == "ics":
        return _ics(ledger, after or date.today(), treaty)
    return _atom(ledger, treaty)


def _parquet(cols: list[str], rows: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - pyarrow is a declared dependency
        raise UsageError("parquet needs pyarrow (pip install pyarrow)") from None
    table = pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: [] for c in cols})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", write_statistics=False)
    return buf.getvalue()


def _sqlite(ledger: Ledger, treaty: str | None) -> bytes:
    fd, tmp = tempfile.mkstemp(suffix=".db")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA foreign_keys = ON;
            CREATE TABLE states (alpha3 TEXT PRIMARY KEY, name TEXT NOT NULL, depositary_name TEXT,
                                 alpha2 TEXT, kind TEXT, capital TEXT, wikidata TEXT);
            CREATE TABLE treaties (id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT,
                                   adopted TEXT, depositary TEXT);
            CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT, url TEXT NOT NULL,
                                  publisher TEXT, published TEXT, accessed TEXT);
            CREATE TABLE acts (id TEXT PRIMARY KEY, treaty TEXT NOT NULL REFERENCES treaties(id),
                               state TEXT NOT NULL REFERENCES states(alpha3), kind TEXT NOT NULL,
                               date TEXT NOT NULL, effective TEXT, depositary TEXT, reading TEXT,
                               note TEXT);
            CREATE TABLE act_sources (act TEXT NOT NULL REFERENCES acts(id),
                                      source TEXT NOT NULL REFERENCES sources(id),
                                      PRIMARY KEY (act, source));
            CREATE TABLE spans (treaty TEXT NOT NULL REFERENCES treaties(id),
                                state TEXT NOT NULL REFERENCES states(alpha3), status TEXT NOT NULL,
                                start TEXT NOT NULL, "end" TEXT, bound INTEGER, contested INTEGER,
                                reason TEXT, article TEXT, PRIMARY KEY (treaty, state, start));
        """)
        con.executemany(
            "INSERT INTO states VALUES (?,?,?,?,?,?,?)",
            [
                (s.alpha3, s.name, s.depositary_name, s.alpha2, s.kind, s.capital, s.wikidata)
                for s in sorted(ledger.states.values(), key=lambda s: s.alpha3)
            ],
        )
        con.executemany(
            "INSERT INTO treaties VALUES (?,?,?,?,?)",
            [
                (t.id, t.short_name, t.full_name, t.adopted.isoformat(), t.depositary)
                for t in sorted(ledger.treaties.values(), key=lambda t: t.id)
            ],
        )
        con.executemany(
            "INSERT INTO sources VALUES (?,?,?,?,?,?)",
            [
                (s["id"], s["title"], s["url"], s["publisher"], s["published"], s["accessed"])
                for s in sources(ledger)
            ],
        )
        rows = acts(ledger, treaty)
        con.executemany(
            "INSERT INTO acts VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    r["id"],
                    r["treaty"],
                    r["state"],
                    r["kind"],
                    r["date"],
                    r["effective"],
                    r["depositary"],
                    r["reading"],
                    r["note"],
                )
                for r in rows
            ],
        )
        con.executemany(
            "INSERT OR IGNORE INTO act_sources VALUES (?,?)",
            [(r["id"], s) for r in rows for s in r["sources"].split(";") if s],
        )
        con.executemany(
            "INSERT INTO spans VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    r["treaty"],
                    r["state"],
                    r["status"],
                    r["start"],
                    r["end"] or None,
                    int(r["bound"]),
                    int(r["contested"]),
                    r["reason"],
                    r["article"],
                )
                for r in spans(ledger, treaty)
            ],
        )
        con.commit()
        con.execute("VACUUM")
        con.close()
        return Path(tmp).read_bytes()
    finally:
        os.unlink(tmp)


def _uid(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:20] + "@treatywatch"


def _ics_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    out, raw = [], line.encode("utf-8")
    while len(raw) > 73:
        cut = 73
        while (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        out.append(raw[:cut].decode())
        raw = raw[cut:]
    out.append(raw.decode())
    return "\r\n ".join(out)


def _ics(ledger: Ledger, after: date, treaty: str | None) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//treatywatch//record//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:treatywatch: what takes effect next",
    ]
    stamp = after.strftime("%Y%m%dT000000Z")
    for c in ledger.upcoming(after, treaty):
        summary = f"{c.state.name}: {c.treaty.short_name} — {c.after.value if c.after else ''}"
        src = ledger.source_list(c.reason.sources)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(c.treaty.id, c.state.alpha3, c.date.isoformat(), str(c.after))}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{c.date.strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(summary.replace('_', ' '))}",
            f"DESCRIPTION:{_ics_text(c.reason.text + ' (' + c.reason.article + ')')}",
        ]
        if src:
            lines.append(f"URL:{src[0].url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(x) for x in lines) + "\r\n").encode("utf-8")


def _atom(ledger: Ledger, treaty: str | None) -> bytes:
    changes: list[Change] = [
        c for c in ledger.changes(date.min, date.max, treaty) if c.type == "status"
    ]
    changes.sort(key=lambda c: (c.date, c.treaty.id, c.state.alpha3), reverse=True)
    updated = changes[0].date.isoformat() if changes else "1970-01-01"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<title>treatywatch: status changes</title>",
        f"<id>urn:treatywatch:changes:{escape(treaty or 'all')}</id>",
        f"<updated>{updated}T00:00:00Z</updated>",
        "<author><name>treatywatch</name></author>",
    ]
    for c in changes:
        src = ledger.source_list(c.reason.sources)
        before = c.before.value if c.before else ""
        after_ = c.after.value if c.after else ""
        title = f"{c.state.name}: {before} -> {after_} ({c.treaty.short_name})"
        out += [
            "<entry>",
            f"<title>{escape(title)}</title>",
            "<id>urn:treatywatch:"
            + _uid(c.treaty.id, c.state.alpha3, c.date.isoformat(), after_)
            + "</id>",
            f"<updated>{c.date.isoformat()}T00:00:00Z</updated>",
            f"<summary>{escape(c.reason.text)} ({escape(c.reason.article)})</summary>",
        ]
        if src:
            out.append(f'<link rel="related" href="{escape(src[0].url, {chr(34): "&quot;"})}"/>')
        out.append("</entry>")
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def write_atomic(data: bytes, path: str) -> None:
    """Write to ``path`` atomically (temporary file + rename); '-' is standard output."""
    if path == "-":
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(
        dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.", suffix=".tmp"
    )
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, target)
