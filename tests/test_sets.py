"""Borders and composable queries on the bundled record."""

from __future__ import annotations

import json
from datetime import date

from treatywatch.docgen import run
from treatywatch.ledger import Ledger

D = date.fromisoformat


def test_exclaves_count_as_borders(ledger: Ledger) -> None:
    assert "RUS" in ledger.neighbours("LTU")  # Kaliningrad
    assert "RUS" in ledger.neighbours("POL")
    assert "LTU" in ledger.neighbours("RUS")


def test_disagreeing_lengths_are_all_kept(ledger: Ledger) -> None:
    lengths = {b.length_km for b in ledger.neighbours("LTU")["RUS"]}
    assert {261.0, 274.9} <= lengths
    fin = {b.length_km for b in ledger.neighbours("FIN")["RUS"]}
    assert {1309.0, 1340.0} <= fin


def test_select_composes_party_border_and_exit(ledger: Ledger) -> None:
    on = D("2026-03-01")
    left = ledger.select(on, party_of=["rome_statute"], borders=["RUS"], not_party_of=["apmbc"])
    assert {"EST", "FIN", "LVA", "LTU", "POL"} <= left
    assert "NOR" not in left  # Norway borders Russia but is still bound by the Mine Ban
    before = ledger.select(
        D("2025-01-01"), party_of=["rome_statute"], borders=["RUS"], not_party_of=["apmbc"]
    )
    assert not {"EST", "FIN", "LVA", "LTU", "POL"} & before


def test_select_without_filters_is_everyone(ledger: Ledger) -> None:
    assert ledger.select(D("2026-03-01")) == set(ledger.states)


def test_cli_composed_parties_and_borders() -> None:
    code, out = run(
        [
            "parties",
            "ccm",
            "--on",
            "2026-03-01",
            "--borders",
            "Russia",
            "--status",
            "any",
            "--format",
            "json",
        ]
    )
    assert code == 0
    assert {r["state"]: r["status"] for r in json.loads(out)} == {
        "LTU": "withdrawn",
        "NOR": "party",
    }
    code, out = run(["borders", "LTU", "--json"])
    data = json.loads(out)
    assert code == 0 and data["state"] == "LTU"
    rus = next(n for n in data["neighbours"] if n["state"] == "RUS")
    assert all(x["sources"] for x in rus["lengths_km"])
