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


def test_nato_members_bordering_russia_that_left_the_mine_ban(ledger: Ledger) -> None:
    # The question the project was started for, as one query (issue #3).
    code, out = run(
        [
            "parties",
            "nato",
            "--on",
            "2026-03-01",
            "--borders",
            "RUS",
            "--not-party",
            "apmbc",
            "--format",
            "json",
        ]
    )
    assert code == 0
    assert {r["state"] for r in json.loads(out)} == {"EST", "FIN", "LVA", "LTU", "POL"}
    # Norway is a NATO member bordering Russia and still bound; before 2025 nobody had left.
    assert "NOR" in ledger.select(D("2026-03-01"), party_of=["nato", "apmbc"], borders=["RUS"])
    early = ledger.select(
        D("2025-01-01"), party_of=["nato"], borders=["RUS"], not_party_of=["apmbc"]
    )
    assert early == set()


def test_founders_of_nato_are_bound_from_its_entry_into_force(ledger: Ledger) -> None:
    # Eleven founders' days of deposit are known only as a range ending on 1949-08-24.
    bel = ledger.status("BEL", "nato", D("1949-08-24"))
    assert bel.status.value == "party"
    assert ledger.status("BEL", "nato", D("1949-08-23")).status.value == "signatory"
    assert ledger.status("CAN", "nato", D("1949-06-01")).status.value == "consented"
    assert len(ledger.parties("nato", D("1949-08-24"))) == 12


def test_eu_membership_and_the_united_kingdom(ledger: Ledger) -> None:
    assert len(ledger.parties("eu", D("2007-01-01"))) == 27
    assert len(ledger.parties("eu", D("2013-07-01"))) == 28
    assert len(ledger.parties("eu", D("2020-02-01"))) == 27
    assert ledger.status("GBR", "eu", D("2019-06-01")).status.value == "withdrawal_pending"
    assert ledger.status("GBR", "eu", D("2020-01-31")).status.value == "withdrawal_pending"
    assert ledger.status("GBR", "eu", D("2020-02-01")).status.value == "withdrawn"
    # Denmark's day of deposit is unknown: a member from the date its Treaty of Accession fixed.
    assert ledger.status("DNK", "eu", D("1972-12-31")).status.value == "signatory"
    assert ledger.status("DNK", "eu", D("1973-01-01")).status.value == "party"


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
