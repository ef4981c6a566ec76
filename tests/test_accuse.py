"""Which accusations the reader makes (treatywatch/reading/accuse.py): only the classes that
held up on unseen real reports accuse; every other adverse reading is withheld as
``unverifiable``, its reason given and the record's fact still told."""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.ledger import Ledger
from treatywatch.reading.accuse import accusable
from treatywatch.reading.pipeline import check_text

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "published", "verdict", "conflict", "grounds"),
    [
        # a domestic step told as the legal act: the Seimas voted on 8 May 2025; the notice
        # came on 27 June (Mine Ban Convention Art. 20(2))
        (
            "Lithuania has withdrawn from the Ottawa Convention.",
            date(2025, 5, 8),
            "imprecise",
            "kind",
            "a domestic step told as the legal act",
        ),
        # a date written out in the sentence: Armenia signed on 1999-10-01
        (
            "Armenia signed the Rome Statute in 1998.",
            date(2024, 2, 1),
            "imprecise",
            "date",
            "a date written in the sentence",
        ),
        # an exit told before its day: notice received 2025-06-27, in effect 2025-12-27
        # (Mine Ban Convention Art. 20(3), six months)
        (
            "Lithuania has left the Ottawa Convention.",
            date(2025, 7, 15),
            "premature",
            "date",
            "an effect told before its day",
        ),
        # a figure written in the sentence: Sweden was the 32nd member
        (
            "Sweden became NATO's 33rd member on Thursday.",
            date(2024, 3, 7),
            "imprecise",
            "value",
            "a figure written in the sentence",
        ),
    ],
)
def test_the_classes_that_accuse(
    ledger: Ledger, text: str, published: date, verdict: str, conflict: str, grounds: str
) -> None:
    (claim,) = check_text(ledger, text, published, TODAY).claims
    assert (claim.verdict, claim.conflict) == (verdict, conflict)
    assert claim.explanation.startswith(f"{conflict} conflicts with the record: ")
    assert accusable(claim) == grounds


@pytest.mark.parametrize(
    ("text", "published", "reason", "told"),
    [
        # dated by publication only: a day's news may be a day or a step behind
        (
            "Kazakhstan has acceded to the Treaty on the Prohibition of Nuclear Weapons.",
            date(2019, 6, 24),
            "the date is the publication's, not written in the sentence",
            "it came on 2019-08-29",
        ),
        # the year inferred: the vote was on 24 May 2023
        (
            "The Federation Council approved the denunciation of the CFE Treaty on May 25.",
            date(2023, 5, 30),
            "the date was resolved from relative words or an inferred year",
            "2023-05-24",
        ),
        # a kind conflict other than a domestic step: Niue acceded (2020-08-06), never signed
        (
            "Niue signed the Treaty on the Prohibition of Nuclear Weapons in 2019.",
            date(2021, 1, 5),
            "a conflict of kind on a claim of kind signature",
            "accession",
        ),
        # an action conflict: Russia revoked its ratification of the CTBT
        (
            "Russia withdrew from the CTBT in November 2023.",
            date(2025, 10, 1),
            "a conflict of action on a claim of kind effective",
            "not a withdrawal",
        ),
    ],
)
def test_other_adverse_readings_are_withheld_and_explained(
    ledger: Ledger, text: str, published: date, reason: str, told: str
) -> None:
    (claim,) = check_text(ledger, text, published, TODAY).claims
    assert (claim.verdict, claim.conflict) == ("unverifiable", None)
    assert claim.explanation.startswith("reading uncertain (")
    assert reason in claim.explanation
    assert "conflicts with the record" in claim.explanation  # the record's side is still told
    assert told in claim.explanation


def test_a_domestic_step_accuses_only_when_it_is_the_step_told(ledger: Ledger) -> None:
    """ "withdrew from a nuclear deal" in 2018, read against a treaty whose only domestic step
    for that state is a vote of 1969, is no domestic step told as the legal act: withheld."""
    text = (
        "In May 2018, the United States imposed economic sanctions on Iran and withdrew from "
        "a nuclear deal that had been signed in 2015. Iran is a party to the NPT."
    )
    claims = check_text(ledger, text, date(2019, 5, 10), TODAY).claims
    assert not [c for c in claims if c.verdict in ("contradicted", "premature", "imprecise")]


def test_a_programme_of_the_alliance_is_no_membership(ledger: Ledger) -> None:
    text = "North Macedonia joined NATO's Partnership for Peace (PfP) in 1995."
    assert check_text(ledger, text, date(2020, 3, 27), TODAY).claims == []
