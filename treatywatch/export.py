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
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from treatywatch.dates import PartialDate
from treatywatch.errors import FileError, Problem, UsageError
from treatywatch.ledger import Change, Ledger
from treatywatch.render import answer_dict

FORMATS = ("csv", "json", "jsonl", "parquet", "sqlite", "ics", "atom")
TABLES = ("acts", "spans", "status")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported table: its name, type, whether it may be empty (null),
    and what it means. The one schema behind every format (see docs/exports.md)."""

    name: str
    type: str  # "string" | "date" | "bool"
    nullable: bool
    doc: str


def _date_columns(name: str, what: str, nullable: bool) -> tuple[Column, list[Column]]:
    """A date column as recorded, and its typed companions (added after the columns the
    acts table always had, so that readers by position keep working)."""
    text = Column(
        name,
        "string",
        nullable,
        f"{what} as recorded: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a range `YYYY-MM-DD/YYYY-MM-DD`",
    )
    typed = [
        Column(f"{name}_start", "date", nullable, f"first day {what} may have been"),
        Column(f"{name}_end", "date", nullable, f"last day {what} may have been"),
        Column(
            f"{name}_precision",
            "string",
            nullable,
            f"`day`, `month`, `year` or `range`: how much of {what} the sources give",
        ),
    ]
    return text, typed


_DATE, _DATE_TYPED = _date_columns("date", "the act's date", False)
_EFFECTIVE, _EFFECTIVE_TYPED = _date_columns("effective", "the recorded day it took effect", True)


SCHEMAS: dict[str, list[Column]] = {
    "acts": [
        Column("id", "string", False, "stable id of the act (a hash of its fields)"),
        Column("treaty", "string", False, "treaty id (`apmbc`, `ccm`, …)"),
        Column("state", "string", False, "ISO 3166 alpha-3 (historic states: ISO 3166-3)"),
        Column("kind", "string", False, "act kind: `signature`, `ratification`, …"),
        _DATE,
        _EFFECTIVE,
        Column("depositary", "string", True, "the depositary that received it, where recorded"),
        Column("reading", "string", True, "`alternate`: a reading the record does not follow"),
        Column("sources", "string", False, "source ids, `;`-separated (see `sources`)"),
        Column("note", "string", True, "free text"),
        *_DATE_TYPED,
        *_EFFECTIVE_TYPED,
    ],
    "spans": [
        Column("treaty", "string", False, "treaty id"),
        Column("state", "string", False, "ISO alpha-3"),
        Column("status", "string", False, "the status during the span (docs/json.md)"),
        Column("start", "date", False, "first day of the span"),
        Column("end", "date", True, "first day after the span; null: still open"),
        Column("bound", "bool", False, "bound by the treaty during the span"),
        Column("contested", "bool", False, "rests on a declaration others dispute"),
        Column("reason", "string", True, "the step that opened the span"),
        Column("article", "string", True, "the article applied"),
        Column("sources", "string", True, "source ids behind the span, `;`-separated"),
    ],
    "status": [
        Column("treaty", "string", False, "treaty id"),
        Column("state", "string", False, "ISO alpha-3"),
        Column("on", "date", False, "the day asked about"),
        Column("status", "string", False, "the status that day"),
        Column("since", "date", True, "first day of this status"),
        Column("until", "date", True, "first day of the next status, when determined"),
        Column("bound", "bool", False, "bound that day"),
        Column("contested", "bool", False, "rests on a declaration others dispute"),
        Column("reason", "string", True, "the last step up to that day"),
        Column("article", "string", True, "the article applied"),
        Column("sources", "string", True, "source URLs, `;`-separated"),
    ],
    "sources": [
        Column("id", "string", False, "source id"),
        Column("url", "string", False, "http(s) address"),
        Column("publisher", "string", False, "who published it"),
        Column("title", "string", False, "its title"),
        Column("published", "string", True, "when, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`"),
        Column("accessed", "string", True, "when it was read, `YYYY-MM-DD`"),
    ],
}
ACT_COLUMNS = [c.name for c in SCHEMAS["acts"]]
SPAN_COLUMNS = [c.name for c in SCHEMAS["spans"]]
STATUS_COLUMNS = [c.name for c in SCHEMAS["status"]]


def _opt(value: str) -> str | None:
    return value or None


def _dates(name: str, pd: PartialDate | None) -> dict[str, Any]:
    if pd is None:
        return {name: None, f"{name}_start": None, f"{name}_end": None, f"{name}_precision": None}
    return {
        name: str(pd),
        f"{name}_start": pd.earliest,
        f"{name}_end": pd.latest,
        f"{name}_precision": pd.precision,
    }


def acts(ledger: Ledger, treaty: str | None = None) -> list[dict[str, Any]]:
    """The acts table: one row per act, dates as ``date`` objects, missing values None."""
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
                **_dates("date", a.date),
                **_dates("effective", a.effective),
                "depositary": _opt(a.depositary),
                "reading": "alternate" if a.alternate else None,
                "sources": ";".join(a.sources),
                "note": _opt(a.note),
            }
        )
    return sorted(rows, key=lambda r: (r["treaty"], r["state"], r["date"], r["kind"], r["id"]))


def spans(ledger: Ledger, treaty: str | None = None) -> list[dict[str, Any]]:
    """The spans table: every state's status under every treaty, span by span."""
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
                    "start": s.start,
                    "end": s.end,
                    "bound": s.bound,
                    "contested": s.contested,
                    "reason": _opt(opened.text) if opened else None,
                    "article": _opt(opened.article) if opened else None,
                    "sources": _opt(";".join(sorted({x for r in s.reasons for x in r.sources}))),
                }
            )
    return sorted(rows, key=lambda r: (r["treaty"], r["state"], r["start"]))


def status(ledger: Ledger, on: date, treaty: str | None = None) -> list[dict[str, Any]]:
    """The status table: every state with any status under a treaty on one day."""
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
                    "on": on,
                    "status": d["status"],
                    "since": ans.span.start if ans.span else None,
                    "until": ans.span.end if ans.span else None,
                    "bound": d["bound"],
                    "contested": d["contested"],
                    "reason": _opt(last["text"]),
                    "article": _opt(last["article"]),
                    "sources": _opt(";".join(s["url"] for s in d["sources"])),
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
            "published": s.published or None,
            "accessed": s.accessed or None,
        }
        for s in sorted(ledger.sources.values(), key=lambda s: s.id)
    ]


def _table(
    ledger: Ledger, table: str, treaty: str | None, on: date | None
) -> tuple[list[Column], list[dict[str, Any]]]:
    if table == "acts":
        return SCHEMAS["acts"], acts(ledger, treaty)
    if table == "spans":
        return SCHEMAS["spans"], spans(ledger, treaty)
    if table == "status":
        if on is None:
            raise UsageError("the status table needs --on DATE")
        return SCHEMAS["status"], status(ledger, on, treaty)
    raise UsageError(f"unknown table {table!r} (one of {', '.join(TABLES)})")


def _plain(value: Any) -> Any:
    """A value as JSON holds it: a date as ISO text; None stays None (null)."""
    return value.isoformat() if isinstance(value, date) else value


#: The base URL of the web app that Atom entries link to (``serve`` listens here by default).
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def export(
    ledger: Ledger,
    fmt: str,
    *,
    table: str = "acts",
    treaty: str | None = None,
    on: date | None = None,
    after: date | None = None,
    since: date | None = None,
    until: date | None = None,
    base_url: str = DEFAULT_BASE_URL,
    self_url: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The record (or one treaty of it) in ``fmt``, as bytes.

    ``after`` (ics: what takes effect after it, default today), ``since`` and ``until``
    (atom: the window of changes, inclusive; default the year up to today),
    ``base_url`` (atom: entries link to the web app's pages there), ``self_url`` (atom:
    where the feed itself is published), ``stamp`` (ics: DTSTAMP, the time of the export;
    default now). Every other format depends on the record alone: the same record gives
    the same bytes.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "csv":
        cols, rows = _table(ledger, table, treaty, on)
        names = [c.name for c in cols]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(["" if r[n] is None else _plain(r[n]) for n in names])
        return buf.getvalue().encode("utf-8")
    if fmt == "jsonl":
        _, rows = _table(ledger, table, treaty, on)
        return "".join(
            json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False, sort_keys=True)
            + "\n"
            for r in rows
        ).encode("utf-8")
    if fmt == "json":
        doc: dict[str, Any] = {
            "acts": acts(ledger, treaty),
            "spans": spans(ledger, treaty),
            "sources": sources(ledger),
        }
        if on is not None:
            doc["status"] = status(ledger, on, treaty)
        return (
            json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True, default=_plain) + "\n"
        ).encode()
    if fmt == "parquet":
        return _parquet(*_table(ledger, table, treaty, on))
    if fmt == "sqlite":
        return _sqlite(ledger, treaty)
    now = stamp or datetime.now(UTC)
    if fmt == "ics":
        return _ics(ledger, after or now.date(), treaty, now)
    end = until or now.date()
    start = since or end - timedelta(days=365)
    if start > end:
        raise UsageError(f"--since {start} is after the end of the feed's window ({end})")
    if not base_url.startswith(("http://", "https://")):
        raise UsageError(f"--base-url must be an http(s) address, got {base_url!r}")
    return _atom(ledger, treaty, start, end, base_url.rstrip("/"), self_url)


def arrow_schema(cols: list[Column]) -> Any:
    """The Arrow schema of a table: dates as date32, flags as bool, text as string."""
    import pyarrow as pa  # type: ignore[import-untyped]

    types = {"string": pa.string(), "date": pa.date32(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in cols])


def _parquet(cols: list[Column], rows: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - pyarrow is a declared dependency
        raise UsageError("parquet needs pyarrow (pip install pyarrow)") from None
    table = pa.Table.from_pylist(rows, schema=arrow_schema(cols))
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", write_statistics=False)
    return buf.getvalue()


def _sql_type(c: Column) -> str:
    # SQLite has no date type: ISO text sorts and compares as dates do.
    kind = {"string": "TEXT", "date": "TEXT", "bool": "INTEGER"}[c.type]
    return kind + ("" if c.nullable else " NOT NULL")


def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    return _plain(value)


def _sqlite(ledger: Ledger, treaty: str | None) -> bytes:
    act_cols = [c for c in SCHEMAS["acts"] if c.name != "sources"]
    span_cols = SCHEMAS["spans"]
    refs = {"treaty": " REFERENCES treaties(id)", "state": " REFERENCES states(alpha3)"}
    acts_ddl = ", ".join(
        f'"{c.name}" {_sql_type(c)}'
        + (" PRIMARY KEY" if c.name == "id" else "")
        + refs.get(c.name, "")
        for c in act_cols
    )
    spans_ddl = ", ".join(f'"{c.name}" {_sql_type(c)}' + refs.get(c.name, "") for c in span_cols)
    fd, tmp = tempfile.mkstemp(suffix=".db")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(f"""
            PRAGMA foreign_keys = ON;
            CREATE TABLE states (alpha3 TEXT PRIMARY KEY, name TEXT NOT NULL, depositary_name TEXT,
                                 alpha2 TEXT, kind TEXT, capital TEXT, wikidata TEXT);
            CREATE TABLE treaties (id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT,
                                   adopted TEXT, depositary TEXT);
            CREATE TABLE sources (id TEXT PRIMARY KEY, title TEXT, url TEXT NOT NULL,
                                  publisher TEXT, published TEXT, accessed TEXT);
            CREATE TABLE acts ({acts_ddl});
            CREATE TABLE act_sources (act TEXT NOT NULL REFERENCES acts(id),
                                      source TEXT NOT NULL REFERENCES sources(id),
                                      PRIMARY KEY (act, source));
            CREATE TABLE spans ({spans_ddl}, PRIMARY KEY (treaty, state, start));
        """)
        con.executemany(
            "INSERT INTO states VALUES (?,?,?,?,?,?,?)",
            [
                (
                    s.alpha3,
                    s.name,
                    s.depositary_name,
                    s.alpha2 or None,
                    s.kind,
                    s.capital or None,
                    s.wikidata or None,
                )
                for s in sorted(ledger.states.values(), key=lambda s: s.alpha3)
            ],
        )
        con.executemany(
            "INSERT INTO treaties VALUES (?,?,?,?,?)",
            [
                (t.id, t.short_name, t.full_name, t.adopted.isoformat(), t.depositary or None)
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
        marks = ",".join("?" * len(act_cols))
        con.executemany(
            f"INSERT INTO acts VALUES ({marks})",
            [tuple(_sql_value(r[c.name]) for c in act_cols) for r in rows],
        )
        con.executemany(
            "INSERT OR IGNORE INTO act_sources VALUES (?,?)",
            [(r["id"], s) for r in rows for s in r["sources"].split(";") if s],
        )
        marks = ",".join("?" * len(span_cols))
        con.executemany(
            f"INSERT INTO spans VALUES ({marks})",
            [tuple(_sql_value(r[c.name]) for c in span_cols) for r in spans(ledger, treaty)],
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


def _ics(ledger: Ledger, after: date, treaty: str | None, stamp: datetime) -> bytes:
    """One VEVENT per status change scheduled after ``after``. A calendar must hold at
    least one component (RFC 5545 §3.6): with nothing scheduled, one VJOURNAL entry says
    so (calendar apps show no event for it). DTSTAMP is the time of the export."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//treatywatch//record//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:treatywatch: what takes effect next",
    ]
    dtstamp = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    upcoming = ledger.upcoming(after, treaty)
    for c in upcoming:
        summary = f"{c.state.name}: {c.treaty.short_name} — {c.after.value if c.after else ''}"
        src = ledger.source_list(c.reason.sources)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(c.treaty.id, c.state.alpha3, c.date.isoformat(), str(c.after))}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{c.date.strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(summary.replace('_', ' '))}",
            f"DESCRIPTION:{_ics_text(c.reason.text + ' (' + c.reason.article + ')')}",
        ]
        if src:
            lines.append(f"URL:{src[0].url}")
        lines.append("END:VEVENT")
    if not upcoming:
        scope = ledger.treaties[treaty].short_name if treaty else "any treaty in the record"
        lines += [
            "BEGIN:VJOURNAL",
            f"UID:{_uid('nothing-scheduled', treaty or 'all', after.isoformat())}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{after.strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(f'treatywatch: no status change scheduled after {after}')}",
            "DESCRIPTION:"
            + _ics_text(
                f"The record holds no status change under {scope} dated after {after} "
                "(only changes already determined, such as withdrawals whose notice has "
                "been received, are scheduled)."
            ),
            "END:VJOURNAL",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(x) for x in lines) + "\r\n").encode("utf-8")


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def entry_url(base_url: str, c: Change) -> str:
    """The web app's page for a change: the state's page on the day of the change."""
    return f"{base_url}/state/{c.state.alpha3}?on={c.date.isoformat()}"


def _atom(
    ledger: Ledger,
    treaty: str | None,
    since: date,
    until: date,
    base_url: str,
    self_url: str | None,
) -> bytes:
    """Status changes dated ``since`` to ``until`` (inclusive), newest first; each entry
    links to its page on the web app at ``base_url`` (rel="alternate") and to its first
    source (rel="related"), and has a summary."""
    changes: list[Change] = [c for c in ledger.changes(since, until, treaty) if c.type == "status"]
    changes.sort(key=lambda c: (c.date, c.treaty.id, c.state.alpha3), reverse=True)
    updated = (changes[0].date if changes else since).isoformat()
    feed_url = self_url or f"{base_url}/changes.atom"
    scope = ledger.treaties[treaty].short_name if treaty else "all treaties"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>treatywatch: status changes ({escape(scope)})</title>",
        f"<subtitle>Status changes dated {since} to {until}</subtitle>",
        f"<id>urn:treatywatch:changes:{escape(treaty or 'all')}</id>",
        f'<link rel="self" type="application/atom+xml" href="{_attr(feed_url)}"/>',
        f'<link rel="alternate" type="text/html" href="{_attr(base_url + "/")}"/>',
        f"<updated>{updated}T00:00:00Z</updated>",
        "<author><name>treatywatch</name></author>",
    ]
    for c in changes:
        src = ledger.source_list(c.reason.sources)
        before = c.before.value if c.before else ""
        after_ = c.after.value if c.after else ""
        title = f"{c.state.name}: {before} -> {after_} ({c.treaty.short_name})"
        article = f" ({c.reason.article})" if c.reason.article else ""
        out += [
            "<entry>",
            f"<title>{escape(title)}</title>",
            f'<link rel="alternate" type="text/html" href="{_attr(entry_url(base_url, c))}"/>',
            "<id>urn:treatywatch:"
            + _uid(c.treaty.id, c.state.alpha3, c.date.isoformat(), after_)
            + "</id>",
            f"<updated>{c.date.isoformat()}T00:00:00Z</updated>",
            f"<summary>{escape(c.reason.text or title)}{escape(article)}</summary>",
        ]
        if src:
            out.append(f'<link rel="related" href="{_attr(src[0].url)}"/>')
        out.append("</entry>")
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def write_atomic(data: bytes, path: str) -> None:
    """Write to ``path`` atomically (temporary file + rename); '-' is standard output.

    A folder, a missing folder or a file that cannot be written is a FileError, and no
    temporary file is left behind.
    """
    if path == "-":
        import sys

        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise FileError(
            Problem(
                "a folder, not a file",
                file=path,
                field="--output",
                value=path,
                hint=f"name a file, e.g. -o {target / 'export'}",
            )
        )
    if not parent.is_dir():
        raise FileError(
            Problem(
                f"the folder {parent} does not exist",
                file=path,
                field="--output",
                value=path,
                hint="create the folder first",
            )
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileError(
            Problem(f"cannot write there ({exc.strerror})", file=path, field="--output", value=path)
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FileError(
            Problem(
                f"cannot write the file ({exc.strerror})", file=path, field="--output", value=path
            )
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
