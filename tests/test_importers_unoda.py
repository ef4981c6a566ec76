"""The UNODA importer: reading the harvest, the diff against the record, --apply."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from treatywatch.cli import main
from treatywatch.data import bundled_path
from treatywatch.data import read as read_data
from treatywatch.dates import parse_partial
from treatywatch.errors import DataError, UsageError
from treatywatch.importers import unoda
from treatywatch.ledger import Ledger
from treatywatch.model import Act, ActKind

HARVEST = Path("/work/shared/reference/unoda-harvest-2018/treatydata.json")
NPT = "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)"
needs_harvest = pytest.mark.skipif(not HARVEST.exists(), reason="the shared harvest is absent")


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "treatydata.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def entry(*rows: tuple[str, str, str]) -> dict[str, object]:
    return {
        "actions": [r[0] for r in rows],
        "dates": [r[1] for r in rows],
        "places": [r[2] for r in rows],
    }


def act(kind: str, day: str, depositary: str = "", alternate: bool = False) -> Act:
    return Act(
        "npt",
        "CHN",
        ActKind(kind),
        parse_partial(day),
        ("s",),
        depositary=depositary,
        file="acts/npt.csv",
        line=2,
        alternate=alternate,
    )


def test_reads_one_act_per_depositary_and_unescapes_names(tmp_path: Path, ledger: Ledger) -> None:
    path = write(
        tmp_path,
        {
            "China": {
                NPT: entry(
                    ("Deposit of instruments of accession", "1992-03-12", "Moscow"),
                    ("Deposit of instruments of accession", "1992-03-09", "London"),
                ),
                "signed": 3,  # the harvest's per-state counters are skipped
            },
            "C&ocirc;te d'Ivoire": {"Arms Trade Treaty": entry(("Signature", "2013-06-03", "UN"))},
        },
    )
    acts, problems = unoda.read(path, ledger.states)
    assert problems == []
    got = {(a.treaty, a.state, a.kind.value, a.date.isoformat(), a.depositary) for a in acts}
    assert got == {
        ("npt", "CHN", "accession", "1992-03-12", "Moscow"),
        ("npt", "CHN", "accession", "1992-03-09", "London"),
        ("att", "CIV", "signature", "2013-06-03", ""),  # "UN": the one depositary
    }
    assert all("treatydata.json" in a.line for a in acts)


def test_ccw_protocols_become_their_own_treaties(tmp_path: Path, ledger: Ledger) -> None:
    ccw = entry(("Deposit of instruments of accession", "2013-09-25", "UN"))
    ccw["protocolnames"] = ["Protocol IV on Blinding Laser Weapons"]
    ccw["protocolactions"] = ["Consent to be bound"]
    ccw["protocoldates"] = ["2013-09-25"]
    acts, problems = unoda.read(
        write(tmp_path, {"Zambia": {"Convention on Certain Conventional Weapons": ccw}}),
        ledger.states,
    )
    assert problems == []
    assert {(a.treaty, a.kind) for a in acts} == {
        ("ccw", ActKind.ACCESSION),
        ("ccw_p4", ActKind.ACCEPTANCE),  # a notification of consent (CCW Art. 4(3))
    }


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"Atlantis": {NPT: entry(("Signature", "1968-07-01", "London"))}}, "state"),
        ({"China": {"A Treaty Never Heard Of": entry()}}, "treaty"),
        ({"China": {NPT: entry(("Signature", "1968-13-01", "London"))}}, f'"China" / "{NPT}" #1'),
        (
            {"China": {NPT: entry(("Signed in blood", "1968-07-01", "London"))}},
            f'"China" / "{NPT}" #1',
        ),
    ],
    ids=["unknown state", "unknown treaty", "bad date", "unknown action"],
)
def test_bad_entries_are_problems_with_their_field(
    tmp_path: Path, ledger: Ledger, data: object, field: str
) -> None:
    _, problems = unoda.read(write(tmp_path, data), ledger.states)
    assert [p.field for p in problems] == [field]
    assert problems[0].file == "treatydata.json"


def test_a_file_that_is_not_json_is_one_data_error(tmp_path: Path, ledger: Ledger) -> None:
    path = tmp_path / "treatydata.json"
    path.write_text("<html>", encoding="utf-8")
    with pytest.raises(DataError, match="not a JSON file"):
        unoda.read(path, ledger.states)


def harvest_act(kind: str, day: str, depositary: str) -> unoda.HarvestAct:
    return unoda.HarvestAct(
        "npt", "CHN", ActKind(kind), date.fromisoformat(day), depositary, f"line {day}"
    )


H = harvest_act


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [
        ([act("accession", "1992-03-09", "London")], [H("accession", "1992-03-09", "London")], []),
        # a row that names no depositary matches any capital's copy
        ([act("accession", "1992-03-09")], [H("accession", "1992-03-09", "London")], []),
        (
            [act("accession", "1992-03-10", "London")],
            [H("accession", "1992-03-09", "London")],
            ["date"],
        ),
        ([act("accession", "1992-03")], [H("accession", "1992-03-09", "London")], ["date"]),
        (
            [act("ratification", "1992-03-09", "London")],
            [H("accession", "1992-03-09", "London")],
            ["kind"],
        ),
        (
            [act("accession", "1992-03-09", "London")],
            [H("accession", "1992-03-09", "London"), H("accession", "1992-03-12", "Moscow")],
            ["new"],
        ),
        (
            [act("accession", "1992-03-09", "London"), act("signature", "1970-01-01", "London")],
            [H("accession", "1992-03-09", "London")],
            ["missing"],
        ),
        (
            [
                act("accession", "1992-03-09", "London"),
                act("accession", "1992-03-12", "Moscow", alternate=True),
            ],
            [H("accession", "1992-03-09", "London"), H("accession", "1992-03-12", "Moscow")],
            ["alternate"],
        ),
        # acts after the harvest's day and withdrawals are never compared
        (
            [
                act("accession", "1992-03-09", "London"),
                act("withdrawal", "2003-01-10"),
                act("signature", "2020-01-01", "London"),
            ],
            [H("accession", "1992-03-09", "London")],
            [],
        ),
    ],
    ids=[
        "exact",
        "no depositary",
        "date",
        "month only",
        "kind",
        "new capital",
        "missing",
        "alternate",
        "out of scope",
    ],
)
def test_compare(ours: list[Act], theirs: list[unoda.HarvestAct], expected: list[str]) -> None:
    diffs = unoda.compare(ours, theirs, date(2018, 7, 5))
    assert [d.what for d in diffs] == expected
    for d in diffs:  # every line says where it comes from
        text = d.describe()
        assert ("line " in text) or ("acts/npt.csv:2" in text)


@needs_harvest
@pytest.mark.parametrize(
    "treaty",
    ["npt", "bwc", "enmod", "ptbt", "outer_space", "seabed", "ccw_p4", "ccw_art1", "moon"],
)
def test_loaded_treaties_reproduce_the_harvest(ledger: Ledger, treaty: str) -> None:
    """Every harvest act is in the record or is a recorded decision with its reason (Yemen's
    predecessors' acts held as its succession at the union; states that no longer exist;
    readings kept as alternates). The one exception: Niue's BWC accession of 2018-06-14 came
    after UNODA's Niue page was harvested."""
    harvest, problems = unoda.read(HARVEST, ledger.states)
    assert problems == []
    record = [a for a in ledger.dataset.acts if a.treaty == treaty]
    mine = [h for h in harvest if h.treaty == treaty]
    diffs = unoda.compare(record, mine, unoda.latest(harvest), ledger.states)
    open_ = [(d.what, d.state) for d in diffs if d.what not in ("decision", "alternate")]
    assert open_ == ([("missing", "NIU")] if treaty == "bwc" else [])
    assert all(d.reason for d in diffs if d.what == "decision")


def test_sfry_acts_listed_under_serbia_and_montenegro_are_yugoslavias(
    tmp_path: Path, ledger: Ledger
) -> None:
    ost = "Outer Space Treaty"
    sig = entry(("Signature", "1967-01-27", "London"))
    path = write(tmp_path, {"Serbia": {ost: sig}, "Montenegro": {ost: sig}})
    acts, problems = unoda.read(path, ledger.states)
    assert problems == []
    assert [(a.state, a.date.isoformat()) for a in acts] == [("YUG", "1967-01-27")]


def test_acts_before_a_state_exists_are_decisions_not_new(ledger: Ledger) -> None:
    yem = [harvest_act("ratification", "1986-05-14", "London")]
    yem = [unoda.HarvestAct("npt", "YEM", a.kind, a.date, a.depositary, a.line) for a in yem]
    union = Act("npt", "YEM", ActKind.SUCCESSION, parse_partial("1990-05-22"), ("s",))
    diffs = unoda.compare([union], yem, date(2018, 7, 5), ledger.states)
    assert [(d.what, "succession" in d.reason) for d in diffs] == [
        ("decision", True),
        ("decision", True),
    ]
    gone = Act("enmod", "CSK", ActKind.RATIFICATION, parse_partial("1978-05-12"), ("s",))
    diffs = unoda.compare([gone], [], date(2018, 7, 5), ledger.states)
    assert [d.what for d in diffs] == ["decision"] and "ceased to exist" in diffs[0].reason
    # without the states, the same acts are plain differences
    assert [d.what for d in unoda.compare([gone], [], date(2018, 7, 5))] == ["missing"]


def test_an_act_before_independence_that_the_record_holds_is_compared(ledger: Ledger) -> None:
    """Kiribati's NPT succession, which UNODA dates 1975-04-18 (before its independence
    on 1979-07-12), is in the record as UNODA gives it: neither a decision nor missing."""
    h = unoda.HarvestAct(
        "npt", "KIR", ActKind.SUCCESSION, date(1975, 4, 18), "London", "line 1975-04-18"
    )
    held = Act(
        "npt", "KIR", ActKind.SUCCESSION, parse_partial("1975-04-18"), ("s",), depositary="London"
    )
    assert unoda.compare([held], [h], date(2018, 7, 5), ledger.states) == []
    # not held: a decision with its reason
    diffs = unoda.compare([], [h], date(2018, 7, 5), ledger.states)
    assert [d.what for d in diffs] == ["decision"] and "before Kiribati" in diffs[0].reason


@needs_harvest
def test_cli_json_and_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "data"
    shutil.copytree(bundled_path(), root)
    (root / "acts" / "bwc.csv").unlink()
    cmd = ["import", "unoda", str(HARVEST), "--treaty", "bwc", "--data", str(root)]
    assert main([*cmd, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["compared"] == ["bwc"] and out["written"] == 0
    assert (
        len([d for d in out["differences"] if d["what"] == "new"]) == 556
    )  # Yemen's three pre-1990 acts are decisions, not written
    assert main([*cmd, "--apply"]) == 0
    assert "written: 556 new act(s)" in capsys.readouterr().out
    dataset, _ = read_data(root)
    assert (
        len([a for a in dataset.acts if a.treaty == "bwc"]) == 556
    )  # Yemen's three pre-1990 acts are decisions, not written
    # a second run finds nothing new: the apply is idempotent
    assert main([*cmd, "--apply"]) == 0
    assert "new" not in capsys.readouterr().out.split("against the record")[1]


def test_apply_needs_the_treaty_file_first(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(bundled_path(), root)
    (root / "treaties" / "bwc.yaml").unlink()
    (root / "acts" / "bwc.csv").unlink()
    kir = entry(("Deposit of instruments of accession", "2025-05-20", "Washington"))
    path = write(tmp_path, {"Kiribati": {"Biological Weapons Convention": kir}})
    with pytest.raises(UsageError, match=r"treaties/bwc\.yaml"):
        unoda.run(path, "bwc", apply=True, root=root)


def test_unknown_treaty_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, {})
    with pytest.raises(UsageError, match="no treaty 'nato'"):
        unoda.run(path, "nato")


def test_each_depositary_copy_has_its_own_act_id(ledger: Ledger) -> None:
    """Denmark deposited its BWC ratification in London, Moscow and Washington on one day:
    three acts, three ids (exports key acts by id); rows naming no depositary keep theirs."""
    ids = [a.id for a in ledger.dataset.acts]
    assert len(ids) == len(set(ids))
    plain = act("accession", "1992-03-09")
    assert plain.id == act("accession", "1992-03-09").id != act("accession", "1992-03-09", "X").id
