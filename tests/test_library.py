"""The Python API as a notebook uses it: names as people write them, the CLI's errors,
docstrings, and rows that become a DataFrame."""

from __future__ import annotations

import csv
import inspect
import io
import json
from datetime import date

import pytest

from treatywatch.docgen import run
from treatywatch.errors import NotFound, TreatywatchError
from treatywatch.ledger import ANSWER_COLUMNS, CHANGE_COLUMNS, Ledger
from treatywatch.model import BOUND, Status

DAY = date(2026, 1, 10)


def test_queries_resolve_names_as_the_cli_does(ledger: Ledger) -> None:
    by_code = ledger.parties("apmbc", DAY)
    assert len(by_code) == 162
    assert [a.state.alpha3 for a in ledger.parties("Ottawa Convention", DAY)] == [
        a.state.alpha3 for a in by_code
    ]
    assert ledger.timeline("Finland") == ledger.timeline("FIN") != []
    assert ledger.timeline("Helsinki", "Ottawa Convention") == ledger.timeline("FIN", "apmbc")
    assert ledger.status("Finland", "Mine Ban Convention", DAY).status is Status.WITHDRAWN
    assert ledger.status("fin", "apmbc", DAY) == ledger.status("FIN", "apmbc", DAY)
    assert ledger.changes(date(2025, 1, 1), DAY, "Ottawa Convention") == ledger.changes(
        date(2025, 1, 1), DAY, "apmbc"
    )
    assert ledger.upcoming(date(2025, 12, 1), "Ottawa Convention") == ledger.upcoming(
        date(2025, 12, 1), "apmbc"
    )
    assert ledger.bound_set("Ottawa Convention", DAY) == ledger.bound_set("apmbc", DAY)
    assert ledger.select(DAY, borders=["Russia"]) == ledger.select(DAY, borders=["RUS"])
    assert set(ledger.neighbours("Lithuania")) == set(ledger.neighbours("LTU")) != set()
    assert ledger.spans("Finland", "apmbc") == ledger.spans("FIN", "apmbc")


def test_an_unknown_name_raises_the_projects_error_with_a_suggestion(ledger: Ledger) -> None:
    with pytest.raises(NotFound) as err:
        ledger.status("Finlnd", "apmbc", DAY)
    assert isinstance(err.value, TreatywatchError) and not isinstance(err.value, KeyError)
    assert err.value.suggestions == ["Finland"]
    with pytest.raises(NotFound, match="did you mean apmbc"):
        ledger.parties("ottawa", DAY)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["parties", "ottawa"], ["unknown treaty: 'ottawa'", "did you mean apmbc?"]),
        (["status", "apmbc", "ltu"], ["unknown state: 'apmbc'", "names a treaty"]),
        (["parties", "ltu"], ["unknown treaty: 'ltu'", "names a state (Lithuania)"]),
        (["parties", "mine ban"], ["did you mean apmbc?"]),
    ],
)
def test_the_cli_suggests(argv: list[str], words: list[str]) -> None:
    code, out = run(argv)
    assert code == 2
    for w in words:
        assert w in out


def test_every_public_ledger_method_has_a_docstring() -> None:
    missing = [
        name
        for name, member in inspect.getmembers(Ledger, inspect.isfunction)
        if not name.startswith("_") and not inspect.getdoc(member)
    ]
    assert missing == []


def test_to_records_gives_flat_typed_rows(ledger: Ledger) -> None:
    rows = ledger.to_records(ledger.parties("apmbc", DAY, set(Status) - {Status.NOT_PARTY}))
    assert rows and all(list(r) == ANSWER_COLUMNS for r in rows)
    fin = next(r for r in rows if r["state"] == "FIN")
    assert fin["status"] == "withdrawn" and fin["since"] == DAY and fin["until"] is None
    assert fin["on"] == DAY and fin["bound"] is False and "https://" in fin["sources"]
    changes = ledger.to_records(ledger.timeline("LTU", "ccm"))
    assert changes and all(list(r) == CHANGE_COLUMNS for r in changes)
    assert isinstance(changes[0]["date"], date)
    with pytest.raises(TypeError):
        ledger.to_records(["FIN"])  # type: ignore[list-item]


def test_to_frame_types_the_dates(ledger: Ledger) -> None:
    pd = pytest.importorskip("pandas")
    frame = ledger.to_frame(ledger.parties("apmbc", DAY))
    assert len(frame) == 162 and list(frame.columns) == ANSWER_COLUMNS
    assert str(frame["since"].dtype).startswith("datetime64")
    assert frame["until"].isna().sum() == 162 - frame["until"].notna().sum()
    assert (frame["since"] <= pd.Timestamp(DAY)).all()
    changes = ledger.to_frame(ledger.changes(date(2025, 6, 1), DAY, "apmbc"))
    assert list(changes.columns) == CHANGE_COLUMNS
    assert str(changes["date"].dtype).startswith("datetime64")


# --- one output convention across commands -----------------------------------------------

LISTINGS = [
    ["parties", "apmbc", "--on", "2026-03-01"],
    ["timeline", "FIN", "--treaty", "apmbc"],
    ["changes", "--since", "2025-06-01", "--until", "2026-03-01"],
    ["upcoming", "--after", "2025-12-01"],
    ["borders", "LTU"],
    ["treaties"],
    ["states"],
]


@pytest.mark.parametrize("argv", LISTINGS, ids=[a[0] for a in LISTINGS])
def test_every_listing_takes_format_table_csv_json(argv: list[str]) -> None:
    code, as_json = run([*argv, "--format", "json"])
    assert code == 0
    assert run([*argv, "--json"]) == (0, as_json)  # --json stays a synonym
    data = json.loads(as_json)
    code, as_csv = run([*argv, "--format", "csv"])
    assert code == 0
    rows = list(csv.reader(io.StringIO(as_csv)))
    items = data["neighbours"] if isinstance(data, dict) else data
    if argv[0] == "borders":  # one CSV row per source's reading of a border
        assert len(rows) - 1 == sum(len(n["lengths_km"]) for n in items)
    else:
        assert len(rows) - 1 == len(items)
    code, as_table = run([*argv, "--format", "table"])
    assert code == 0 and as_table.splitlines()[1].startswith("---")


def test_overview_and_validate_have_a_json_form() -> None:
    code, out = run(["overview", "apmbc", "--format", "json"])
    assert code == 0
    obj = json.loads(out)
    assert obj["treaty"] == "apmbc" and obj["on"] == "2026-11-26"
    assert obj["bound"] == sum(n for k, n in obj["statuses"].items() if Status(k) in BOUND)
    code, text = run(["overview", "apmbc"])
    assert f"bound: {obj['bound']} states" in text
    code, out = run(["validate", "--format", "json"])
    assert code == 0 and json.loads(out)["ok"] is True
