"""A copy of the record, corrupted one way at a time: each gives the project's one error
form (file, line, field, value, hint) with the right exit status, and never a traceback.

Data checks run through ``validate --format json`` so the test reads the exact file, line
and field; the text form is checked too where the message matters.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from treatywatch.data import bundled_path
from treatywatch.docgen import run
from treatywatch.ledger import load
from treatywatch.store import Store

Problem = tuple[str | None, int | None, str | None]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(bundled_path(), root)
    return root


def _line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of ``path`` that contains ``text``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return n
    raise AssertionError(f"{text!r} not in {path}")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _validate(*args: str) -> tuple[int, dict[str, Any]]:
    code, out = run(["validate", *args, "--format", "json"])
    assert "Traceback" not in out
    return code, json.loads(out)


def _where(report: dict[str, Any]) -> list[Problem]:
    return [(p["file"], p["line"], p["field"]) for p in report["problems"]]


def test_the_bundled_record_validates_in_json() -> None:
    code, report = _validate()
    assert code == 0 and report["ok"] and report["problems"] == []
    assert report["counts"]["treaties"] >= 16 and report["known_gaps"]


# --- data folders ----------------------------------------------------------------------

CSV_CASES: dict[str, tuple[str, str, str, str, str]] = {
    # name: (file, old text, new text, expected field, words in the message)
    "impossible date": (
        "acts/apmbc.csv",
        "FIN,accession,2012-01-09",
        "FIN,accession,2025-02-30",
        "date",
        "not a date",
    ),
    "placeholder date": (
        "acts/apmbc.csv",
        "FIN,accession,2012-01-09",
        "FIN,accession,9999-12-31",
        "date",
        "after 2199",
    ),
}


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_a_bad_value_in_an_acts_file(data: Path, name: str) -> None:
    file, old, new, field, words = CSV_CASES[name]
    path = data / file
    line = _line_of(path, old)
    _edit(path, old, new)
    code, report = _validate("--data", str(data))
    assert code == 1 and not report["ok"]
    first = report["problems"][0]
    assert (first["file"], first["line"], first["field"]) == (file, line, field)
    assert words in first["message"] and first["value"] == new.split(",")[2]


def test_validate_checks_the_folder_data_names(data: Path) -> None:
    """--data and PATH name the folder validate checks (it used to check the bundled one)."""
    _edit(data / "acts" / "apmbc.csv", "FIN,accession,2012-01-09", "FIN,accession,2025-02-30")
    for args in (["--data", str(data)], [str(data)]):
        code, out = run(["validate", *args])
        assert code == 1 and "acts/apmbc.csv" in out and "2025-02-30" in out


def test_a_misspelt_column_is_an_error_with_a_suggestion(data: Path) -> None:
    path = data / "acts" / "ccm.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    _edit(path, header, header.replace("effective", "efective"))
    code, report = _validate("--data", str(data))
    assert code == 1
    first = report["problems"][0]
    assert (first["file"], first["line"], first["field"]) == ("acts/ccm.csv", 1, "efective")
    assert first["message"] == "unknown column" and first["hint"] == "did you mean effective?"


def test_an_unknown_column_in_states(data: Path) -> None:
    path = data / "states.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    _edit(path, header, header.replace("capital", "captial"))
    code, report = _validate(str(data))
    assert code == 1 and ("states.csv", 1, "captial") in _where(report)


def test_a_misspelt_yaml_key(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    line = _line_of(path, "withdrawal:")
    _edit(path, "\nwithdrawal:", "\nwithdrawl:")
    code, report = _validate(str(data))
    assert code == 1
    first = report["problems"][0]
    assert (first["file"], first["line"], first["field"]) == (
        "treaties/apmbc.yaml",
        line,
        "withdrawl",
    )
    assert first["hint"] == "did you mean withdrawal?"


def test_a_misspelt_nested_yaml_key(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    line = _line_of(path, "  notice:")
    _edit(path, "  notice:", "  notise:")
    code, report = _validate(str(data))
    assert code == 1
    assert ("treaties/apmbc.yaml", line, "withdrawal.notise") in _where(report)


def test_a_repeated_yaml_key(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "adopted: 1997-09-19\n", encoding="utf-8")
    line = text.count("\n") + 1
    code, report = _validate(str(data))
    assert code == 1
    (p,) = [p for p in report["problems"] if p["field"] == "adopted"]
    assert (p["file"], p["line"]) == ("treaties/apmbc.yaml", line)
    assert "key given twice (first on line 22)" in p["message"]


def test_an_impossible_yaml_date(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    line = _line_of(path, "adopted: 1997-09-18")
    _edit(path, "adopted: 1997-09-18", "adopted: 1997-02-30")
    code, report = _validate(str(data))
    assert code == 1
    first = report["problems"][0]
    assert (first["file"], first["line"], first["field"]) == (
        "treaties/apmbc.yaml",
        line,
        "adopted",
    )
    assert first["value"] == "1997-02-30"


def test_a_non_numeric_threshold(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    line = _line_of(path, "threshold: 40")
    _edit(path, "threshold: 40", "threshold: forty")
    code, report = _validate(str(data))
    assert code == 1
    assert ("treaties/apmbc.yaml", line, "entry_into_force.threshold") in _where(report)


def test_a_non_numeric_assertion_count(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    line = _line_of(path, "count: 133")
    _edit(path, "count: 133", "count: many")
    code, report = _validate(str(data))
    assert code == 1 and report["problems"][0]["line"] == line
    assert report["problems"][0]["field"].endswith(".count")


def test_yaml_that_is_not_utf8(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    raw = path.read_bytes()
    line = raw[: raw.index(b"full_name")].count(b"\n") + 1
    path.write_bytes(raw.replace(b"full_name: ", b"full_name: \xe9", 1))
    code, report = _validate(str(data))
    assert code == 1
    first = report["problems"][0]
    assert (first["file"], first["line"]) == ("treaties/apmbc.yaml", line)
    assert "not UTF-8" in first["message"]


def test_broken_yaml_syntax(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "oops: [unclosed\n", encoding="utf-8")
    code, report = _validate(str(data))
    assert code == 1 and report["problems"][0]["file"] == "treaties/apmbc.yaml"
    assert report["problems"][0]["line"] is not None


@pytest.mark.parametrize("name", ["sources.csv", "states.csv"])
def test_a_missing_file(data: Path, name: str) -> None:
    (data / name).unlink()
    code, report = _validate(str(data))
    assert code == 1
    first = report["problems"][0]
    assert (first["file"], first["message"]) == (name, "no such file")


def test_a_folder_where_a_file_should_be(data: Path) -> None:
    (data / "events.csv").unlink()
    (data / "events.csv").mkdir()
    code, report = _validate(str(data))
    assert code == 1
    assert report["problems"][0]["file"] == "events.csv"
    assert "folder" in report["problems"][0]["message"]


def test_a_field_over_128_kib(data: Path) -> None:
    path = data / "acts" / "apmbc.csv"
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(text + 'NOR,withdrawal,2025-06-27,,,unoda-aplc,"' + "x" * 140_000 + '"\n')
    code, report = _validate(str(data))
    assert code == 1
    first = report["problems"][0]
    assert (first["file"], first["line"]) == ("acts/apmbc.csv", line)
    assert "128 KiB" in first["message"]


def test_an_exact_duplicate_act(data: Path) -> None:
    path = data / "acts" / "apmbc.csv"
    text = path.read_text(encoding="utf-8")
    first_line = _line_of(path, "FIN,accession,2012-01-09")
    row = text.splitlines()[first_line - 1]
    path.write_text(text + row + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    code, report = _validate(str(data))
    assert code == 1
    (p,) = report["problems"]
    assert (p["file"], p["line"], p["field"]) == ("acts/apmbc.csv", line, "date")
    assert f"acts/apmbc.csv:{first_line}" in p["message"]


def test_a_bom_is_accepted(data: Path) -> None:
    for name in ("states.csv", "sources.csv", "acts/apmbc.csv"):
        path = data / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, report = _validate(str(data))
    assert code == 0 and report["ok"]


@pytest.mark.parametrize("sep", ["\u2028", "\f", "\u0085"])
def test_a_line_separator_inside_a_quoted_note_stays_in_the_note(data: Path, sep: str) -> None:
    path = data / "acts" / "apmbc.csv"
    line = _line_of(path, "FIN,accession,2012-01-09")
    lines = path.read_text(encoding="utf-8").split("\n")
    fields = next(csv.reader([lines[line - 1]]))
    fields[-1] = f"first part{sep}second part"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(fields)
    lines[line - 1] = buf.getvalue()
    path.write_text("\n".join(lines), encoding="utf-8")
    code, report = _validate(str(data))
    assert code == 0, report["problems"][:3]
    led = load(data, use_cache=False)
    (act,) = [a for a in led.dataset.acts if a.file == "acts/apmbc.csv" and a.line == line]
    assert act.note == f"first part{sep}second part"


def test_many_bad_rows_give_a_capped_report_quickly(data: Path) -> None:
    path = data / "acts" / "apmbc.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "Lituania,withdrawl,2025-13-01,,,no-such-source,\n" * 20_000)
    began = time.perf_counter()
    code, out = run(["validate", str(data)])
    took = time.perf_counter() - began
    assert code == 1 and "Traceback" not in out
    assert out.startswith("treatywatch: 80000 problem(s) in the data:")
    assert "… and 79950 more problem(s)" in out
    assert len(out.splitlines()) == 52
    assert took < 60


# --- the overlay ---------------------------------------------------------------------------


def _bad_overlay(path: Path) -> None:
    """An overlay holding an act the law refuses, written past the validating writer."""
    store = Store(str(path))
    with store.transaction() as con:
        store.insert_sources(
            con,
            [
                {
                    "id": "u-test",
                    "url": "https://example.org/x",
                    "publisher": "example.org",
                    "title": "x",
                    "published": "",
                    "accessed": "2026-01-01",
                }
            ],
        )
        store.insert_acts(
            con,
            [
                {
                    "id": "bad1",
                    "treaty": "apmbc",
                    "state": "USA",
                    "kind": "withdrawal",
                    "date": "2026-01-05",
                    "sources": "u-test",
                }
            ],
            "test",
        )
    store.close()


def test_validate_checks_the_overlay_db_names(tmp_path: Path) -> None:
    db = tmp_path / "overlay.db"
    _bad_overlay(db)
    code, out = run(["status", "USA", "apmbc", "--db", str(db)])
    assert code == 1 and "overlay:1" in out
    code, report = _validate("--db", str(db))
    assert code == 1
    assert report["problems"][0]["file"] == "overlay" and report["problems"][0]["line"] == 1
    code, out = run(["validate", "--db", str(db)])
    assert code == 1 and "overlay:1" in out


def test_reading_never_creates_an_overlay(tmp_path: Path) -> None:
    db = tmp_path / "typo" / "overlay.db"
    for argv in (
        ["status", "FIN", "apmbc", "--db", str(db)],
        ["validate", "--db", str(db)],
        ["audit", "--db", str(db)],
        ["review", "--db", str(db)],
    ):
        code, out = run(argv)
        assert code == 2 and "no such overlay database" in out and "field --db=" in out
    assert not (tmp_path / "typo").exists()


def test_a_db_that_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("these are not the droids\n" * 100, encoding="utf-8")
    code, out = run(["status", "FIN", "apmbc", "--db", str(db)])
    assert code == 2 and "not an overlay database" in out and "Traceback" not in out
    acts = tmp_path / "acts.csv"
    acts.write_text(HEADER + GOOD, encoding="utf-8")
    code, out = run(["import", str(acts), "--db", str(db)])
    assert code == 2 and "not an overlay database" in out and "Traceback" not in out
    code, out = run(["status", "FIN", "apmbc", "--db", str(tmp_path)])
    assert code == 2 and "a folder, not an overlay database" in out


# --- import --------------------------------------------------------------------------------

SRC = "https://example.org/notice"


def _import(tmp_path: Path, content: bytes | str, name: str = "acts.csv") -> tuple[int, str]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    db = tmp_path / "overlay.db"
    code, out = run(["import", str(path), "--db", str(db)])
    assert "Traceback" not in out
    return code, out


HEADER = "treaty,state,kind,date,sources\n"
GOOD = f"ccm,NOR,withdrawal,2027-01-15,{SRC}\n"

IMPORT_CASES: dict[str, tuple[bytes | str, int, list[str]]] = {
    # name: (file content, exit status, words the error must hold)
    "json array": (
        '[{"treaty": "ccm", "state": "NOR"}]',
        2,
        ["acts.csv:1:", "a JSON array", "JSON lines"],
    ),
    "header only": (HEADER, 2, ["acts.csv:1:", "a header and no rows"]),
    "empty": ("", 2, ["nothing to import"]),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, ["binary input"]),
    "latin-1": (
        HEADER.encode() + "ccm,NOR,withdrawal,2027-01-15,café\n".encode("latin-1"),
        2,
        ["acts.csv:2:", "not UTF-8"],
    ),
    "malformed json line": (
        '{"treaty": "ccm", "state": "NOR", "kind": "withdrawal", "date": "2027-01-15", '
        f'"sources": "{SRC}"}}\n{{"treaty": "ccm",\n',
        1,
        ["acts.csv:2:", "not a JSON object"],
    ),
    "misspelt column": (
        HEADER.replace("kind", "knd"),
        1,
        ["acts.csv:1:", "unknown column [field knd='knd']", "did you mean kind?"],
    ),
    "misspelt json field": (
        '{"treaty": "ccm", "state": "NOR", "kind": "withdrawal", "date": "2027-01-15", '
        f'"sources": "{SRC}", "efective": "2027-07-15"}}\n',
        1,
        ["acts.csv:1:", "unknown field [field efective=", "did you mean effective?"],
    ),
    "duplicate row": (HEADER + GOOD + GOOD, 1, ["acts.csv:3:", "duplicate act", "line 2"]),
    "repeats a bundled act": (
        HEADER + "apmbc,FIN,accession,2012-01-09,untc-xxvi5-scrape\n",
        1,
        ["duplicate act", "already recorded at acts/apmbc.csv:"],
    ),
}


@pytest.mark.parametrize("name", sorted(IMPORT_CASES))
def test_import_refuses_bad_input(tmp_path: Path, name: str) -> None:
    content, status, words = IMPORT_CASES[name]
    code, out = _import(tmp_path, content)
    assert code == status, out
    for w in words:
        assert w in out, (w, out)
    db = tmp_path / "overlay.db"
    if status == 2:  # refused before the overlay is opened: nothing created, nothing logged
        assert not db.exists()
    else:
        assert Store(str(db)).acts() == [] and Store(str(db)).audit() == []


def test_import_of_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    db = tmp_path / "overlay.db"
    code, out = run(["import", str(tmp_path / "nope.csv"), "--db", str(db)])
    assert code == 2 and "nope.csv: no such file" in out
    code, out = run(["import", str(tmp_path), "--db", str(db)])
    assert code == 2 and "a folder, not a file" in out
    assert not db.exists()


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with its BOM, as Windows writes "Unicode" text
    ],
    ids=["utf-8 bom", "utf-16 bom"],
)
def test_import_accepts_a_byte_order_mark(tmp_path: Path, encode: Callable[[str], bytes]) -> None:
    code, out = _import(tmp_path, encode(HEADER + GOOD))
    assert code == 0 and "imported 1 act(s)" in out
    assert len(Store(str(tmp_path / "overlay.db")).acts()) == 1


def test_an_exported_acts_file_imports_as_it_is(tmp_path: Path) -> None:
    """The acts export's derived date columns are accepted on import (and ignored)."""
    out_path = tmp_path / "acts.csv"
    assert run(["export", "--format", "csv", "--treaty", "inf", "-o", str(out_path)])[0] == 0
    data = tmp_path / "data"
    shutil.copytree(bundled_path(), data)
    (data / "acts" / "inf.csv").write_text("state,kind,date,sources\n", encoding="utf-8")
    db = tmp_path / "overlay.db"
    code, out = run(["import", str(out_path), "--db", str(db), "--data", str(data)])
    assert code == 0, out


# --- export -o -----------------------------------------------------------------------------


def test_export_to_a_folder_or_a_missing_folder(tmp_path: Path) -> None:
    code, out = run(["export", "--format", "csv", "-o", str(tmp_path)])
    assert code == 2 and "a folder, not a file" in out and "field --output=" in out
    code, out = run(["export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")])
    assert code == 2 and "does not exist" in out
    assert list(tmp_path.iterdir()) == []  # no .tmp left behind


def test_state_sources_rows_are_checked(data: Path) -> None:
    path = data / "state_sources.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "LTX,capital,no-such-source,\nLTU,captal,pycountry-26.2.16,\nLTU,capital,,\n",
        encoding="utf-8",
    )
    n = text.count("\n")
    code, report = _validate(str(data))
    assert code == 1
    where = _where(report)
    assert ("state_sources.csv", n + 1, "alpha3") in where
    assert ("state_sources.csv", n + 1, "sources") in where
    assert ("state_sources.csv", n + 2, "field") in where
    assert ("state_sources.csv", n + 3, "sources") in where


def test_a_law_problem_in_an_import_names_the_line_of_the_file(tmp_path: Path) -> None:
    code, out = _import(tmp_path, HEADER + GOOD + "\n" + GOOD.replace("NOR", "XXX"))
    assert code == 1
    assert "overlay:2: unknown state (the act on" in out and "acts.csv line 4)" in out


def test_utf16_text_with_a_bom_is_text_for_check(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes("Finland withdrew from the Ottawa Convention.\n".encode("utf-16"))
    code, out = run(["check", str(article), "--published", "2026-02-01", "--format", "json"])
    assert code == 0, out
    claims = json.loads(out)["claims"]
    assert [(c["state"], c["treaty"], c["verdict"]) for c in claims] == [
        ("FIN", "apmbc", "supported")
    ]


def test_writing_commands_still_create_the_overlay(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Finland withdrew from the Ottawa Convention.\n", encoding="utf-8")
    db = tmp_path / "queue.db"
    queue = ["--queue", "--source-url", "https://example.org/a", "--db", str(db)]
    code, out = run(["check", str(article), "--published", "2026-02-01", *queue])
    assert code == 0 and "1 claim(s) queued for review" in out
    code, out = run(["review", "--db", str(db), "--format", "json"])
    assert code == 0 and len(json.loads(out)) == 1
    db2 = tmp_path / "acts.db"
    source = ["--source", "https://example.org/n", "--db", str(db2)]
    code, out = run(["add-act", "Norway", "ccm", "withdrawal", "2027-01-15", *source])
    assert code == 0 and db2.exists(), out
