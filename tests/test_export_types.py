"""Exports as the tools that open them read them: typed dates, nulls, a schema per table,
feeds and calendars that validate. Checked with pyarrow, sqlite3, json, csv, feedparser and
icalendar alone (no pandas or DuckDB needed)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from treatywatch.docgen import exports_page, run
from treatywatch.export import SCHEMAS, export
from treatywatch.ledger import Ledger

STAMP = datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)


def _parquet(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data))


def _bound_on(spans: pa.Table, treaty: str, on: date) -> set[str]:
    """States bound by ``treaty`` on ``on``, from the spans table alone."""
    mask = pc.and_(
        pc.and_(pc.equal(spans["treaty"], treaty), spans["bound"]),
        pc.and_(
            pc.less_equal(spans["start"], pa.scalar(on)),
            pc.or_kleene(pc.is_null(spans["end"]), pc.greater(spans["end"], pa.scalar(on))),
        ),
    )
    return set(spans.filter(mask)["state"].to_pylist())


def test_parties_of_apmbc_on_2026_01_10_from_the_parquet_export_alone(ledger: Ledger) -> None:
    """The CLI says 162 (``parties apmbc --on 2026-01-10``); so does the Parquet file."""
    code, out = run(["parties", "apmbc", "--on", "2026-01-10"])
    assert code == 0 and "\n162 state(s)" in out
    spans = _parquet(export(ledger, "parquet", table="spans"))
    assert spans.schema.field("start").type == pa.date32()
    assert spans.schema.field("end").type == pa.date32()
    assert spans.schema.field("bound").type == pa.bool_()
    bound = _bound_on(spans, "apmbc", date(2026, 1, 10))
    assert len(bound) == 162
    assert "FIN" not in bound and "UKR" in bound  # Finland left that day; Ukraine suspended


def test_open_ends_are_nulls_not_empty_strings(ledger: Ledger) -> None:
    spans = _parquet(export(ledger, "parquet", table="spans", treaty="apmbc"))
    ends = spans["end"].to_pylist()
    open_ended = sum(1 for e in ends if e is None)
    assert open_ended >= 162 and "" not in ends
    status = _parquet(export(ledger, "parquet", table="status", on=date(2026, 3, 1)))
    assert status.schema.field("on").type == pa.date32()
    assert status.schema.field("until").type == pa.date32()
    assert status["until"].null_count > 0


def test_partial_and_range_dates_have_typed_start_end_and_precision(ledger: Ledger) -> None:
    acts = _parquet(export(ledger, "parquet", table="acts")).to_pylist()
    for col in ("date_start", "date_end", "effective_start", "effective_end"):
        assert _parquet(export(ledger, "parquet")).schema.field(col).type == pa.date32()
    nato = [a for a in acts if a["treaty"] == "nato" and a["date_precision"] == "range"]
    assert nato, "the NATO founders' deposits are dated by a range"
    a = nato[0]
    assert a["date"] == f"{a['date_start']}/{a['date_end']}"
    assert a["date_start"] < a["date_end"]
    days = [a for a in acts if a["date_precision"] == "day"]
    assert all(a["date_start"] == a["date_end"] for a in days)
    assert all(
        a["effective"] is None and a["effective_start"] is None
        for a in acts[:50]
        if not a["effective"]
    )
    assert {a["reading"] for a in acts} == {None, "alternate"}


def test_json_and_jsonl_use_null(ledger: Ledger) -> None:
    doc = json.loads(export(ledger, "json", treaty="apmbc"))
    fin = [s for s in doc["spans"] if s["state"] == "FIN"]
    assert fin[-1]["end"] is None and fin[0]["end"] == fin[1]["start"]
    assert all(a["effective"] is None or a["effective"] for a in doc["acts"])
    assert "" not in {a["effective"] for a in doc["acts"]}
    rows = [json.loads(x) for x in export(ledger, "jsonl", table="spans").splitlines()]
    assert any(r["end"] is None for r in rows) and not any(r["end"] == "" for r in rows)


def test_sqlite_uses_null(ledger: Ledger, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    db.write_bytes(export(ledger, "sqlite"))
    con = sqlite3.connect(db)
    ((empty,),) = con.execute(
        "SELECT count(*) FROM acts WHERE effective = '' OR note = '' OR reading = ''"
    ).fetchall()
    assert empty == 0
    ((open_,),) = con.execute(
        "SELECT count(*) FROM spans WHERE treaty = 'apmbc' AND \"end\" IS NULL AND bound = 1 "
        "AND start <= '2026-01-10'"
    ).fetchall()
    assert open_ >= 160
    cols = [r[1] for r in con.execute("PRAGMA table_info(acts)")]
    assert {"date_start", "date_end", "date_precision"} <= set(cols)


def test_csv_leaves_missing_values_empty(ledger: Ledger) -> None:
    rows = list(csv.DictReader(io.StringIO(export(ledger, "csv", table="spans").decode())))
    assert {r["end"] for r in rows if not r["end"]} == {""}
    assert "None" not in {r["end"] for r in rows}


@pytest.mark.parametrize("table", ["acts", "spans", "status"])
def test_an_empty_export_keeps_the_typed_schema(ledger: Ledger, table: str) -> None:
    """A treaty with no span on a day long before it: no rows, the same columns and types."""
    on = date(1900, 1, 1)
    full = _parquet(export(ledger, "parquet", table=table, on=on, treaty="apmbc"))
    empty_ledger_table = _parquet(export(ledger, "parquet", table=table, on=on, treaty="nope"))
    assert empty_ledger_table.num_rows == 0
    assert empty_ledger_table.schema == full.schema
    assert [f.name for f in full.schema] == [c.name for c in SCHEMAS[table]]
    text = export(ledger, "csv", table=table, on=on, treaty="nope").decode()
    assert text == ",".join(c.name for c in SCHEMAS[table]) + "\n"


def test_the_exports_page_is_current() -> None:
    doc = Path(__file__).parents[1] / "docs" / "exports.md"
    assert doc.read_text(encoding="utf-8").rstrip() == exports_page().rstrip(), (
        "docs/exports.md is stale: run `make docs`"
    )


# --- feeds and calendars -------------------------------------------------------------------


def test_atom_entries_have_http_links_and_summaries(ledger: Ledger) -> None:
    feedparser = pytest.importorskip("feedparser")
    data = export(
        ledger,
        "atom",
        since=date(2025, 3, 1),
        until=date(2026, 3, 1),
        base_url="https://treatywatch.example.org/",
        self_url="https://treatywatch.example.org/changes.atom",
    )
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries, "the 2025 withdrawals are in the window"
    for e in feed.entries:
        assert e.link.startswith("https://treatywatch.example.org/state/")
        assert e.summary
    self_links = [x.href for x in feed.feed.links if x.rel == "self"]
    assert self_links == ["https://treatywatch.example.org/changes.atom"]
    days = {e.updated[:10] for e in feed.entries}
    assert min(days) >= "2025-03-01" and max(days) <= "2026-03-01"
    assert "2026-01-10" in days  # Finland's withdrawal took effect


def test_the_atom_window_defaults_to_the_last_year(tmp_path: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    out = tmp_path / "changes.atom"
    code, _ = run(["export", "--format", "atom", "-o", str(out)])  # today is 2026-11-26
    assert code == 0
    feed = feedparser.parse(out.read_bytes())
    days = [e.updated[:10] for e in feed.entries]
    assert days and min(days) >= "2025-11-26" and max(days) <= "2026-11-26"
    assert feed.feed.links[0].href == "http://127.0.0.1:8000/changes.atom"
    code, _ = run(["export", "--format", "atom", "--since", "1949-01-01", "-o", str(out)])
    assert len(feedparser.parse(out.read_bytes()).entries) > 10 * len(days)


def test_ics_validates_and_stamps_the_export_time(ledger: Ledger) -> None:
    icalendar = pytest.importorskip("icalendar")
    cal = icalendar.Calendar.from_ical(export(ledger, "ics", after=date(2025, 12, 1), stamp=STAMP))
    events = list(cal.walk("VEVENT"))
    assert events
    for ev in events:
        assert ev.decoded("DTSTAMP") == STAMP
        assert isinstance(ev.decoded("DTSTART"), date)
        assert ev.get("UID") and ev.get("SUMMARY")


def test_an_ics_with_nothing_scheduled_is_not_empty(ledger: Ledger) -> None:
    icalendar = pytest.importorskip("icalendar")
    data = export(ledger, "ics", after=date(2100, 1, 1), stamp=STAMP)
    cal = icalendar.Calendar.from_ical(data)
    assert list(cal.walk("VEVENT")) == []
    (journal,) = cal.walk("VJOURNAL")  # RFC 5545: a calendar holds at least one component
    assert "no status change scheduled after 2100-01-01" in str(journal.get("SUMMARY"))
    assert journal.decoded("DTSTAMP") == STAMP
