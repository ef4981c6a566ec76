"""Exports: deterministic bytes, valid formats, faithful to the record."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from treatywatch.export import FORMATS, export
from treatywatch.ledger import Ledger

AFTER = date(2025, 12, 1)
#: The time of the export (ICS DTSTAMP); fixed here so two exports compare byte for byte.
STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_deterministic(ledger: Ledger, fmt: str) -> None:
    a, b = (
        export(
            ledger,
            fmt,
            treaty="apmbc",
            after=AFTER,
            since=date(2020, 1, 1),
            until=AFTER,
            stamp=STAMP,
        )
        for _ in range(2)
    )
    assert a == b and len(a) > 100


def test_csv_acts_are_the_record(ledger: Ledger) -> None:
    rows = list(csv.DictReader(io.StringIO(export(ledger, "csv").decode("utf-8"))))
    assert len(rows) == len(ledger.dataset.acts)
    fin = [r for r in rows if r["state"] == "FIN" and r["treaty"] == "apmbc" and not r["reading"]]
    assert [(r["kind"], r["date"]) for r in fin] == [
        ("accession", "2012-01-09"),
        ("withdrawal", "2025-07-10"),
    ]
    assert all(r["sources"] for r in rows)
    assert all(r["effective"] == "" for r in rows if r["effective_start"] == "")


def test_status_table_needs_a_date(ledger: Ledger) -> None:
    from treatywatch.errors import UsageError

    with pytest.raises(UsageError):
        export(ledger, "csv", table="status")
    rows = list(
        csv.DictReader(
            io.StringIO(
                export(ledger, "csv", table="status", on=date(2026, 3, 1), treaty="apmbc").decode()
            )
        )
    )
    assert {r["state"]: r["status"] for r in rows}["FIN"] == "withdrawn"


def test_json_holds_acts_spans_and_sources(ledger: Ledger) -> None:
    doc = json.loads(export(ledger, "json", treaty="ccm", on=date(2025, 3, 6)))
    assert set(doc) == {"acts", "spans", "sources", "status"}
    assert len([r for r in doc["status"] if r["bound"]]) == 111


def test_sqlite_has_tables_and_intact_foreign_keys(ledger: Ledger, tmp_path: Path) -> None:
    db = tmp_path / "record.db"
    db.write_bytes(export(ledger, "sqlite"))
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    (n,) = con.execute("SELECT count(*) FROM acts").fetchone()
    assert n == len(ledger.dataset.acts)
    row = con.execute(
        "SELECT status, start FROM spans WHERE treaty='apmbc' AND state='FIN' "
        "ORDER BY start DESC LIMIT 1"
    ).fetchone()
    assert row == ("withdrawn", "2026-01-10")


def test_ics_events_are_upcoming_effects(ledger: Ledger) -> None:
    text = export(ledger, "ics", treaty="apmbc", after=AFTER).decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    starts = [line.split(":")[1] for line in text.split("\r\n") if line.startswith("DTSTART")]
    assert {"20251227", "20260110", "20260220"} <= set(starts)
    assert all(s > "20251201" for s in starts)


def test_atom_is_valid_newest_first_with_sources(ledger: Ledger) -> None:
    root = ET.fromstring(
        export(ledger, "atom", treaty="apmbc", since=date(2020, 1, 1), until=date(2026, 3, 1))
    )
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    dates = [e.find("a:updated", ns).text for e in entries]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)
    assert all(e.find("a:link", ns) is not None for e in entries[:20])


def test_parquet_reads_back(ledger: Ledger, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "acts.parquet"
    path.write_bytes(export(ledger, "parquet", treaty="ccm"))
    table = pq.read_table(path)
    assert table.num_rows == len([a for a in ledger.dataset.acts if a.treaty == "ccm"])
