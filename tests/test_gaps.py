"""Facts the annotators of real news found missing or misdated in the record.

Each case is a claim whose verdict depends on one of those events: before they were
recorded, the reader answered "unverifiable" (no vote recorded), accepted a wrong day
inside a month-only date, or called a right day "imprecise". The sources are in
events.csv and sources.csv (ids prefixed ``gap-``).
"""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.ledger import Ledger
from treatywatch.model import Status
from treatywatch.reading.pipeline import check_text

TODAY = date(2026, 12, 7)

CASES = [
    # text, published, (kind, state, treaty, date), verdict
    (
        "Montenegro's parliament voted on 28 April 2017 to ratify the country's accession to NATO.",
        date(2017, 4, 29),
        ("parliament_vote", "MNE", "nato", "2017-04-28"),
        "supported",
    ),
    (
        "Russia's State Duma ratified the Comprehensive Nuclear-Test-Ban Treaty on 21 April 2000.",
        date(2000, 5, 1),
        ("parliament_vote", "RUS", "ctbt", "2000-04-21"),
        "supported",
    ),
    (
        # The vote was on the 21st: a day inside the month is no longer accepted.
        "Russia's State Duma ratified the Comprehensive Nuclear-Test-Ban Treaty on 1 April 2000.",
        date(2000, 5, 1),
        ("parliament_vote", "RUS", "ctbt", "2000-04-01"),
        "imprecise",
    ),
    (
        "Finland's parliament voted 188-8 on Tuesday in favour of applying for NATO membership.",
        date(2022, 5, 17),
        ("parliament_vote", "FIN", "nato", "2022-05-17"),
        "supported",
    ),
    (
        "Sweden's parliament approved joining NATO on Wednesday.",
        date(2023, 3, 22),
        ("parliament_vote", "SWE", "nato", "2023-03-22"),
        "supported",
    ),
    (
        "Lithuanian President Gitanas Nauseda on Monday signed a decree proposing that the "
        "Seimas denounce the Convention on Cluster Munitions.",
        date(2024, 7, 8),
        # a decree that starts the procedure before parliament acts (claim_guidelines.md B)
        ("intent", "LTU", "ccm", "2024-07-08"),
        "supported",
    ),
]


@pytest.mark.parametrize(("text", "published", "claim", "verdict"), CASES)
def test_claims_that_the_added_steps_decide(
    ledger: Ledger,
    text: str,
    published: date,
    claim: tuple[str, str, str, str],
    verdict: str,
) -> None:
    claims = check_text(ledger, text, published, TODAY).claims
    got = {(c.kind, c.state, c.treaty, c.date): c for c in claims}
    assert claim in got, [(c.kind, c.state, c.treaty, c.date) for c in claims]
    assert got[claim].verdict == verdict, got[claim].explanation


def test_a_first_seimas_vote_known_only_within_days(ledger: Ledger) -> None:
    """The first Seimas vote on leaving the CCM is dated by a range (the 8 July decree to
    the 11 July report): a claim on either end of it holds, the final vote stays apart."""
    votes = [e for e in ledger.events("LTU", "ccm") if e.kind == "parliament_vote"]
    assert [str(v.date) for v in votes] == ["2024-07-08/2024-07-11", "2024-07-18"]
    claims = check_text(
        ledger,
        "Lithuania's Seimas backed the motion to leave the Convention on Cluster Munitions "
        "on Thursday.",
        date(2024, 7, 11),
        TODAY,
    ).claims
    vote = next(c for c in claims if c.kind == "parliament_vote")
    assert (vote.state, vote.date, vote.verdict) == ("LTU", "2024-07-11", "supported")


def test_both_reported_days_of_gambias_announcement_are_kept(ledger: Ledger) -> None:
    said = [e for e in ledger.events("GMB", "rome_statute") if e.kind == "announcement"]
    assert [str(e.date) for e in said] == ["2016-10-25", "2016-10-26"]
    assert all("DISAGREES" in e.note or "previous row" in e.note for e in said)


def test_an_application_to_nato_is_a_step_not_membership(ledger: Ledger) -> None:
    for state, joined in (("FIN", date(2023, 4, 4)), ("SWE", date(2024, 3, 7))):
        applied = [
            e for e in ledger.events(state, "nato") if e.kind == "other" and "Application" in e.note
        ]
        assert [str(e.date) for e in applied] == ["2022-05-18"]
        assert ledger.status(state, "nato", date(2022, 5, 18)).status is Status.NOT_PARTY
        assert ledger.status(state, "nato", joined).status is Status.PARTY


def test_the_land_border_figure_of_the_estonian_border_guard(ledger: Ledger) -> None:
    """135.6 km is the land section only (the lake and river sections are given apart):
    the exact reading's source is the first a claim of that figure cites."""
    readings = ledger.neighbours("EST")["RUS"]
    land = [b for b in readings if b.length_km == 135.6]
    assert len(land) == 1 and "land section only" in land[0].note
    claims = check_text(
        ledger,
        "Estonia's land border with Russia is 135.6 kilometres long, the Police and "
        "Border Guard Board said.",
        date(2018, 2, 6),
        TODAY,
    ).claims
    border = next(c for c in claims if c.kind == "border_length")
    assert (border.state, border.counterpart, border.verdict) == ("EST", "RUS", "supported")
    assert "baltic-course.com" in border.sources[0]["url"]
    assert border.facts[0]["text"].startswith("135.6 km")
