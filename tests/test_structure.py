"""Intentions read from the parse (reading/structure.py): the forms a trigger window misses,
and the ones that must not be read as a state's intention."""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.ledger import Ledger
from treatywatch.reading import parse
from treatywatch.reading.pipeline import check_text

pytestmark = pytest.mark.skipif(not parse.available(), reason="parser not built (make model)")

PUBLISHED = date(2025, 9, 23)
TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a possessor of the intention, announced
        (
            "US President Donald Trump on Thursday announced Washington's intention to "
            "withdraw from the Open Skies Treaty.",
            {("USA", "withdrawal", "open_skies")},
        ),
        # a saying whose complement is the step, with a list of subjects
        (
            "Burkina Faso, Mali and Niger declared on Monday that they are withdrawing from "
            "the International Criminal Court.",
            {(s, "withdrawal", "rome_statute") for s in ("BFA", "MLI", "NER")},
        ),
        # a bid launched, an alliance to join
        (
            "Sweden launched its bid to join NATO in May 2022.",
            {("SWE", "accession", "nato")},
        ),
        # a decree signed by the state's president
        (
            "President Volodymyr Zelenskyy signed a decree to withdraw from the Ottawa "
            "Convention on June 29.",
            {("UKR", "withdrawal", "apmbc")},
        ),
        # presupposed: a decision condemned, or the subject of another verb
        ("Allies condemn Russia's decision to withdraw from the CFE Treaty.", set()),
        (
            "Lithuania's decision to withdraw from the Ottawa Convention struck a blow to "
            "the treaty.",
            set(),
        ),
        # a parliament's decision is its vote (the trigger patterns read it so)
        ("The Seimas of Lithuania has decided to denounce the Ottawa Convention.", set()),
        # through a verb that is no step: revoking a ratification is no intention to ratify
        # (the patterns read the revocation as an exit)
        (
            "Putin on Thursday announced a law to revoke the ratification of the CTBT.",
            {("RUS", "withdrawal", "ctbt")},
        ),
        # negated (the patterns read a negated intention; none is asserted)
        ("Poland did not announce any plan to withdraw from the Ottawa Convention.", set()),
    ],
)
def test_intentions_from_the_parse(
    ledger: Ledger, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    claims = check_text(ledger, sentence, PUBLISHED, TODAY).claims
    got = {
        (c.state, c.action, c.treaty)
        for c in claims
        if c.kind == "intent" and c.modality == "asserted"
    }
    assert got == expected


def test_an_intention_keeps_the_date_of_its_saying(ledger: Ledger) -> None:
    text = (
        "Burkina Faso, Mali and Niger declared on Monday, September 22, that they are "
        "withdrawing from the International Criminal Court."
    )
    claims = [c for c in check_text(ledger, text, PUBLISHED, TODAY).claims if c.kind == "intent"]
    assert {c.date for c in claims} == {"2025-09-22"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a predicate noun, a count with "including" as subject, negated
        (
            "According to the ministry, 32 countries, including Russia, the United States "
            "and China, are not members of the Ottawa Convention.",
            {(s, "not_party", "apmbc") for s in ("RUS", "USA", "CHN")},
        ),
        ("Hungary is a founding member of the ICC.", {("HUN", "party", "rome_statute")}),
        # apposition and "as"
        (
            "Hungary, a founding member of the ICC, ratified the Rome Statute in 2001.",
            {("HUN", "party", "rome_statute")},
        ),
        (
            "As a State Party to the Mine Ban Treaty, Belarus had failed to meet its deadline.",
            {("BLR", "party", "apmbc")},
        ),
        # a negated consent verb, its "including" list, and "neither ... nor ... did"
        (
            "About three dozen countries have not joined the Ottawa Convention, including "
            "the United States, China and Russia.",
            {(s, "not_party", "apmbc") for s in ("USA", "CHN", "RUS")},
        ),
        (
            "While Russia ratified the CTBT in 2000, neither the United States nor China ever did.",
            {("USA", "not_party", "ctbt"), ("CHN", "not_party", "ctbt")},
        ),
        ("The U.S. Senate never ratified the Arms Trade Treaty.", {("USA", "not_party", "att")}),
        # not states of affairs: to come, just made, hypothetical, someone else's membership
        ("From tomorrow, Finland will be a full member of NATO.", set()),
        ("The Philippines is no longer a member of the ICC.", set()),
        ("Israel is a signatory to the Chemical Weapons Convention.", set()),
        ("Moscow would not ratify the TPNW.", set()),
        ("Supporting Ukraine is part of our own security, the minister said.", set()),
    ],
)
def test_states_of_affairs_from_the_parse(
    ledger: Ledger, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    claims = check_text(ledger, sentence, PUBLISHED, TODAY).claims
    got = {(c.state, c.action, c.treaty) for c in claims if c.kind == "status"}
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a chamber named for its state, its own date
        (
            "On July 18, the Seimas of Lithuania decided to withdraw from the Convention on "
            "Cluster Munitions.",
            date(2024, 7, 20),
            {("LTU", "withdrawal", "ccm", "2024-07-18")},
        ),
        # a passive with two chambers, each with its day
        (
            "The bill denouncing the CFE Treaty was passed by the State Duma on May 16 and by "
            "the Federation Council on May 24.",
            date(2023, 5, 30),
            {
                ("RUS", "withdrawal", "cfe", "2023-05-16"),
                ("RUS", "withdrawal", "cfe", "2023-05-24"),
            },
        ),
        # the state in the chamber's phrase; the day's news in a lede's present perfect
        (
            "China's top legislative body voted in late June to join the UN Arms Trade Treaty.",
            date(2020, 7, 7),
            {("CHN", "accession", "att", "2020-06")},
        ),
        # not a vote: to come, negated, or no chamber
        (
            "The Senate is expected to consider the bill on the CTBT on June 2.",
            date(2021, 5, 20),
            set(),
        ),
        (
            "Lawmakers did not approve the withdrawal from the Ottawa Convention.",
            date(2025, 5, 1),
            set(),
        ),
    ],
)
def test_votes_from_the_parse(
    ledger: Ledger, sentence: str, published: date, expected: set[tuple[str, str, str, str]]
) -> None:
    claims = check_text(ledger, sentence, published, TODAY).claims
    got = {
        (c.state, c.action, c.treaty, c.date)
        for c in claims
        if c.kind == "parliament_vote" and c.modality == "asserted"
    }
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a relative clause's subject, and its coordinated verbs
        (
            "Moscow wants to match the United States, which signed but never ratified the CTBT.",
            {("signature", "USA", "ctbt")},
        ),
        # a passive's agent (a leader stands for the state), the treaty the subject
        (
            "The INF Treaty was signed by former US President Ronald Reagan and Soviet leader "
            "Mikhail Gorbachev in 1987.",
            {("signature", "USA", "inf")},
        ),
        # on behalf of a state
        (
            "The CTBT was signed on behalf of Russia on September 24, 1996 in New York.",
            {("signature", "RUS", "ctbt")},
        ),
        # negated, a law, or a chamber: no signature or instrument of the state's
        ("The CTBT hasn't been ratified by China, India and Pakistan.", set()),
        ("Putin signed the law on the withdrawal from the Open Skies Treaty.", set()),
    ],
)
def test_signatures_and_instruments_from_the_parse(
    ledger: Ledger, sentence: str, expected: set[tuple[str, str, str]]
) -> None:
    claims = check_text(ledger, sentence, PUBLISHED, TODAY).claims
    got = {
        (c.kind, c.state, c.treaty)
        for c in claims
        if c.kind in ("signature", "deposit") and c.modality == "asserted"
    }
    assert got >= expected
    if not expected:
        assert not got


def test_a_standing_in_several_treaties_of_one_phrase(ledger: Ledger) -> None:
    """ "party to the CCW and its Amended Protocol II ..., and Protocol V": one claim a treaty;
    "Countries that have shunned the treaty entirely include ...": the list, never parties."""
    text = (
        "Ukraine is party to the Convention on Conventional Weapons (CCW) and its Amended "
        "Protocol II on landmines, and Protocol V on explosive remnants of war (ERW)."
    )
    claims = check_text(ledger, text, date(2022, 11, 17), TODAY).claims
    assert {(c.state, c.treaty, c.action) for c in claims if c.kind == "status"} == {
        ("UKR", t, "party") for t in ("ccw", "ccw_ap2", "ccw_p5")
    }
    text = "Countries that have shunned the Arms Trade Treaty entirely include Russia and Syria."
    claims = check_text(ledger, text, date(2019, 4, 26), TODAY).claims
    assert {(c.state, c.action) for c in claims if c.kind == "status"} == {
        ("RUS", "never_party"),
        ("SYR", "never_party"),
    }


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a step said to be under way or to come is an intention
        (
            "President Vladimir Putin said on Tuesday that Russia was suspending its "
            "participation in the New START treaty.",
            date(2023, 2, 21),
            {("RUS", "suspension", "new_start", "2023-02-21")},
        ),
        # a bill put before parliament
        (
            "On May 10, Russian President Vladimir Putin submitted a draft law on the "
            "denunciation of the CFE Treaty to the lower house of the parliament.",
            date(2023, 5, 11),
            {("RUS", "withdrawal", "cfe", "2023-05-10")},
        ),
        # a step said to be done is no intention
        (
            "Lithuania said on Monday that it had notified the UN of its withdrawal from the "
            "Ottawa Convention.",
            date(2025, 6, 30),
            set(),
        ),
    ],
)
def test_sayings_and_bills(
    ledger: Ledger, sentence: str, published: date, expected: set[tuple[str, str, str, str]]
) -> None:
    claims = check_text(ledger, sentence, published, TODAY).claims
    got = {(c.state, c.action, c.treaty, c.date) for c in claims if c.kind == "intent"}
    assert got == expected
