"""Bad input: every problem is reported with file, line, field, value and a hint."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from treatywatch.cli import main
from treatywatch.data import bundled_path
from treatywatch.errors import DataError
from treatywatch.ledger import build, load


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(bundled_path(), root)
    return root


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_bundled_record_is_valid() -> None:
    _, problems = build()
    assert problems == []


def test_every_broken_row_is_listed(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acts = data / "acts" / "apmbc.csv"
    l1 = _append(acts, "Lituania,withdrawal,2025-06-27,,,unoda-aplc,")
    l2 = _append(acts, "NOR,withdrawl,2025-06-27,,,unoda-aplc,")
    l3 = _append(acts, "NOR,withdrawal,2025-13-01,,,unoda-aplc,")
    l4 = _append(acts, "NOR,withdrawal,2025-06-27,,,no-such-source,")
    l5 = _append(acts, "USA,withdrawal,2025-06-27,,,unoda-aplc,")
    _, problems = build(data)
    where = {(p.file, p.line, p.field) for p in problems}
    assert ("acts/apmbc.csv", l1, "state") in where
    assert ("acts/apmbc.csv", l2, "kind") in where
    assert ("acts/apmbc.csv", l3, "date") in where
    assert ("acts/apmbc.csv", l4, "sources") in where
    assert ("acts/apmbc.csv", l5, "kind") in where  # the law: withdrawal by a non-party
    hints = " ".join(str(p.hint) for p in problems)
    state_problem = next(p for p in problems if (p.line, p.field) == (l1, "state"))
    assert state_problem.value == "Lituania" and "unknown state" in state_problem.message
    assert "did you mean withdrawal?" in hints
    assert main(["validate", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"acts/apmbc.csv:{l1}" in err and f"acts/apmbc.csv:{l5}" in err


def test_act_before_a_state_existed(data: Path) -> None:
    line = _append(data / "acts" / "ccm.csv", "SUN,signature,2008-12-03,,,unoda-aplc,")
    _, problems = build(data)
    assert any(p.line == line and "no longer existed" in p.message for p in problems)


def test_recorded_entry_into_force_must_match_the_rule(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    path.write_text(path.read_text().replace("date: 1999-03-01", "date: 1999-04-01", 1))
    _, problems = build(data)
    assert any("gives entry into force on 1999-03-01" in p.message for p in problems)


def test_a_wrong_count_fails_the_load(data: Path) -> None:
    path = data / "treaties" / "apmbc.yaml"
    path.write_text(path.read_text().replace("count: 133", "count: 134"))
    with pytest.raises(DataError) as err:
        load(data)
    assert "expected 134" in str(err.value)


def test_a_count_short_only_by_missing_states_is_a_known_gap(data: Path) -> None:
    """CFE without the US deposit (coverage: missing [USA]): 29 states are bound on
    2020-01-01. A published 30 is a known gap; 31, or 28, is wrong data."""
    acts = data / "acts" / "cfe.csv"
    rows = acts.read_text().splitlines(keepends=True)
    acts.write_text("".join(r for r in rows if not r.startswith("USA,ratification,")))
    path = data / "treaties" / "cfe.yaml"
    text = path.read_text().replace(
        "assertions: []", 'coverage: {missing: [USA], note: "test"}\nassertions: []'
    )
    assert "assertions: []" in text and "missing: [USA]" in text
    for count, fails in ((30, False), (31, True), (28, True)):
        path.write_text(
            text.replace("assertions: []", f"assertions: [{{date: 2020-01-01, count: {count}}}]")
        )
        ledger, problems = build(data)
        assert any(f"expected {count}" in p.message for p in problems) is fails, count
        if not fails:
            assert ledger is not None
            assert any(f"expected {count}" in g.message for g in ledger.gaps)


def test_a_signatory_count_counts_states_of_any_listed_kind(data: Path) -> None:
    # CTBT: 187 signatories on 2023-10-18 include Montenegro, which signed by succession.
    path = data / "treaties" / "ctbt.yaml"
    text = path.read_text()
    listed = "{kind: [signature, succession], date: 2023-10-18, count: 187"
    assert listed in text
    _, problems = build(data)
    assert problems == []
    path.write_text(text.replace(listed, "{kind: signature, date: 2023-10-18, count: 187"))
    _, problems = build(data)
    assert any("186 states with acts of kind signature" in p.message for p in problems)
    # A second signature row by the same state does not make a second signatory.
    _append(data / "acts" / "ctbt.csv", "SOM,signature,2023-09-09,,,,ctbt-ctbto-somalia-2023,")
    path.write_text(text)
    _, problems = build(data)
    assert not any("states with acts of kind" in p.message for p in problems)


def test_extra_field_is_not_silently_dropped(data: Path) -> None:
    line = _append(
        data / "sources.csv", "x-1,https://example.org,Pub,Title, with comma,2020,2026-11-26"
    )
    _, problems = build(data)
    assert any(p.line == line and p.file == "sources.csv" for p in problems)


def test_non_utf8_file(data: Path) -> None:
    (data / "events.csv").write_bytes(b"state,treaty,event,date,sources,note\nFIN,apmbc,\xff\n")
    _, problems = build(data)
    assert any(p.file == "events.csv" and "UTF-8" in p.message for p in problems)


def test_a_state_that_ceased_to_exist_holds_no_status_after(data: Path) -> None:
    """Czechoslovakia ratified the CFE Treaty; after 1993-01-01 it is bound by nothing."""
    ledger, _ = build(data)
    assert ledger is not None
    assert ledger.status("CSK", "cfe", date(1992, 12, 31)).status.value == "party"
    assert ledger.status("CSK", "cfe", date(1993, 1, 1)).status.value == "not_party"


@pytest.mark.parametrize(
    ("parent", "message", "hint"),
    [
        ("tlatelolc", "parent: unknown treaty", "did you mean tlatelolco?"),
        ("rarotonga", "parent: a treaty is not its own parent", None),
    ],
)
def test_a_parent_names_another_loaded_treaty(
    data: Path, parent: str, message: str, hint: str | None
) -> None:
    path = data / "treaties" / "rarotonga.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"parent: {parent}\n", encoding="utf-8")
    _, problems = build(data)
    found = [p for p in problems if p.field == "parent"]
    assert [(p.file, p.value, p.message) for p in found] == [
        ("treaties/rarotonga.yaml", parent, message)
    ]
    if hint:
        assert found[0].hint == hint
