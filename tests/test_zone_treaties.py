"""The nuclear-weapon-free-zone treaties beyond Tlatelolco and the protocols for the
nuclear-weapon states, case by case on the real record.

Each case: a state, a treaty, a day, the status the record must give, and the article of the
treaty's own text the status rests on (the reason that opened the span, or its latest reason).
"""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.ledger import Ledger
from treatywatch.model import Status
from treatywatch.render import treaties_list

from .treatycases import Case, case_id, check_case

CASES = [
    # Rarotonga: in force on the deposit of the eighth ratification (Art. 15(1): Australia,
    # 1986-12-11); a later ratifier on its own deposit (Art. 15(2)); signature by Forum
    # members (Art. 12(1)), ratification only (Art. 12(2)).
    Case("rarotonga", "FJI", "1986-12-10", Status.CONSENTED, "Art. 15", "ratified 1985, early"),
    Case("rarotonga", "FJI", "1986-12-11", Status.PARTY, "Art. 15(1)", "the Treaty in force"),
    Case("rarotonga", "AUS", "1986-12-10", Status.SIGNATORY, "Art. 12(1)", "signed 1985"),
    Case("rarotonga", "AUS", "1986-12-11", Status.PARTY, "Art. 15(1)", "the eighth deposit"),
    Case("rarotonga", "NRU", "1987-04-12", Status.SIGNATORY, "Art. 12(1)", "signed 1986"),
    Case("rarotonga", "NRU", "1987-04-13", Status.PARTY, "Art. 15(2)", "bound on its deposit"),
    Case("rarotonga", "TON", "2000-12-18", Status.PARTY, "Art. 15(2)", "the last of the 13"),
    Case("rarotonga", "MHL", "2026-01-01", Status.SIGNATORY, "Art. 12(1)", "signed 2025 only"),
    Case("rarotonga", "PLW", "2026-01-01", Status.NOT_PARTY, "", "a Forum member, no act"),
    # Tlatelolco Additional Protocol II: a ratifier is bound on its deposit (Art. 5); the first,
    # the United Kingdom's, brought it into force. Signatures cite no article (the Protocol
    # has none on signature).
    Case("tlatelolco_ap2", "GBR", "1969-12-10", Status.SIGNATORY, "", "signed 1967"),
    Case("tlatelolco_ap2", "GBR", "1969-12-11", Status.PARTY, "Art. 5", "the first deposit"),
    Case("tlatelolco_ap2", "USA", "1971-05-11", Status.SIGNATORY, "", "signed 1968"),
    Case("tlatelolco_ap2", "USA", "1971-05-12", Status.PARTY, "Art. 5", "bound on its deposit"),
    Case("tlatelolco_ap2", "FRA", "1974-03-22", Status.PARTY, "Art. 5", "bound on its deposit"),
    Case("tlatelolco_ap2", "CHN", "1974-06-11", Status.SIGNATORY, "", "signed 1973"),
    Case("tlatelolco_ap2", "CHN", "1974-06-12", Status.PARTY, "Art. 5", "bound on its deposit"),
    Case("tlatelolco_ap2", "RUS", "1978-05-17", Status.NOT_PARTY, "", "the USSR had not signed"),
    Case("tlatelolco_ap2", "RUS", "1979-01-08", Status.PARTY, "Art. 5", "the USSR's deposit"),
    Case("tlatelolco_ap2", "MEX", "2015-01-01", Status.NOT_PARTY, "", "a zone state, not a NWS"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_status_and_article(ledger: Ledger, case: Case) -> None:
    check_case(ledger, case)


@pytest.mark.parametrize(
    ("treaty", "on", "count"),
    [
        ("rarotonga", "1986-12-10", 0),  # seven ratifications: not yet in force (Art. 15(1))
        ("rarotonga", "1986-12-11", 8),
        ("rarotonga", "2026-12-01", 13),  # rarotonga-cil, rarotonga-mij-2025
        ("tlatelolco_ap2", "1969-12-10", 0),
        ("tlatelolco_ap2", "1969-12-11", 1),  # the United Kingdom's ratification (Art. 5)
        ("tlatelolco_ap2", "1978-12-31", 4),  # the USSR ratified on 1979-01-08
        ("tlatelolco_ap2", "2015-08-17", 5),  # all five (nwfz-protocols-unoda)
    ],
)
def test_parties_on(ledger: Ledger, treaty: str, on: str, count: int) -> None:
    assert len(ledger.parties(treaty, date.fromisoformat(on))) == count


def test_rarotonga_withdrawal_rule(ledger: Ledger) -> None:
    """Art. 13: permanent; a party may withdraw on another's essential violation, giving
    twelve months' notice to the Director (the depositary, Art. 12(2))."""
    t = ledger.treaties["rarotonga"]
    rule = t.withdrawal
    assert (str(rule.notice), rule.article, rule.counted_from) == (
        "12 months",
        "13(1)",
        "depositary_receipt",
    )
    assert not rule.armed_conflict_clause
    assert t.entry is not None and t.entry.threshold == 8


def test_the_marshall_islands_accession_reading_is_kept_not_applied(ledger: Ledger) -> None:
    """survivalscores reads the 2025 act as an accession; the depositary, as a signature."""
    assert [a.kind.value for a in ledger.disputes("MHL", "rarotonga")] == ["accession"]


def test_tlatelolco_additional_protocol_ii_law(ledger: Ledger) -> None:
    """Art. 4 applies the Treaty's denunciation clause (Art. 30: three months after delivery
    to OPANAL's General Secretary, supreme interests) and its ban on reservations (Art. 27);
    Art. 5: in force for each state on its deposit."""
    t = ledger.treaties["tlatelolco_ap2"]
    assert t.parent == "tlatelolco"
    assert t.entry is not None and (t.entry.date.isoformat(), t.entry.threshold) == (
        "1969-12-11",
        1,
    )
    assert (t.late_joiner.kind, t.late_joiner.article) == ("on_deposit", "5")
    rule = t.withdrawal
    assert (str(rule.notice), rule.article, rule.counted_from) == (
        "3 months",
        "4; Treaty Art. 30(1)",
        "depositary_receipt",
    )
    assert not rule.armed_conflict_clause and not rule.fallback
    assert "Art. 27" in t.reservations


def test_tlatelolco_protocol_ii_signatures_have_a_second_source(ledger: Ledger) -> None:
    """The Dutch Treaty Series (Trb. 1998, 199) gives the days of France's, China's and the
    USSR's signatures of Additional Protocol II that UNODA's table gives."""
    got = sorted(
        (a.state, str(a.date))
        for a in ledger.dataset.acts
        if a.treaty == "tlatelolco_ap2" and "tlatelolco-trb-1998-199" in a.sources
    )
    assert got == [("CHN", "1973-08-21"), ("FRA", "1973-07-18"), ("RUS", "1978-05-18")]


def test_a_protocol_names_its_parent_in_the_treaty_list(ledger: Ledger) -> None:
    rows = {r["id"]: r for r in treaties_list(ledger, date(2026, 1, 1))}
    assert rows["tlatelolco_ap2"]["parent"] == "tlatelolco"
    assert rows["tlatelolco"]["parent"] is None
