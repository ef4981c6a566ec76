"""The certainty gate: a claim may accuse a report only when its sentence's parse
confirms the reading (state an argument of the event, event asserted, date attached)."""

from __future__ import annotations

import pytest

from treatywatch.reading import ground, parse
from treatywatch.reading.claims import Claim

pytestmark = pytest.mark.skipif(not parse.available(), reason="parser not built (make model)")


def _claim(sentence: str, cue: str, state: str, name: str, **kw: object) -> Claim:
    at = sentence.index(cue)
    anchors = {"cue": (at, at + len(cue))}
    if name in sentence:
        s = sentence.index(name)
        anchors["state"] = (s, s + len(name))
    date_words = kw.pop("date_words", None)
    if isinstance(date_words, str):
        d = sentence.index(date_words)
        anchors["date"] = (d, d + len(date_words))
    claim = Claim(
        kind=str(kw.pop("kind", "deposit")),
        action="withdrawal",
        state=state,
        treaty="apmbc",
        evidence={"start": 0, "end": len(sentence), "text": sentence},
        cue=cue,
        anchors=anchors,
    )
    for key, value in kw.items():
        setattr(claim, key, value)
    return claim


@pytest.mark.parametrize(
    ("sentence", "cue", "state", "name", "extra", "certain"),
    [
        # The state is the subject of the event.
        (
            "Finland notified the UN of its withdrawal on 10 July.",
            "notified",
            "FIN",
            "Finland",
            {},
            True,
        ),
        # A list of subjects: each is an argument.
        (
            "Estonia, Latvia and Lithuania notified the UN on 27 June.",
            "notified",
            "LVA",
            "Latvia",
            {},
            True,
        ),
        # A possessor of the event's noun.
        (
            "Lithuania's withdrawal took effect on 27 December.",
            "withdrawal took effect",
            "LTU",
            "Lithuania",
            {"kind": "effective"},
            True,
        ),
        # A control verb shares its subject: "decided to withdraw".
        (
            "Poland decided to withdraw from the convention.",
            "withdraw",
            "POL",
            "Poland",
            {"kind": "intent"},
            True,
        ),
        # Another clause's state is not the event's.
        (
            "Latvia voted to leave, months after Lithuania had notified the UN.",
            "voted",
            "LTU",
            "Lithuania",
            {"kind": "parliament_vote"},
            False,
        ),
        # A condition: nothing is asserted.
        (
            "If Finland notified the UN, the exit would follow six months later.",
            "notified",
            "FIN",
            "Finland",
            {},
            False,
        ),
        # A modal verb hedges the event.
        (
            "Finland could leave the treaty next year.",
            "leave",
            "FIN",
            "Finland",
            {"kind": "effective"},
            False,
        ),
        # Negation the claim did not read.
        ("Finland has not notified the UN.", "notified", "FIN", "Finland", {}, False),
        # A state named nowhere in the sentence.
        ("It notified the UN on Friday.", "notified", "FIN", "Finland", {}, False),
        # A capital named as the place of the event is not the actor (sealed round 1).
        (
            "On 31 January 2020, at midnight in Brussels, the United Kingdom left the Union.",
            "left",
            "BEL",
            "Brussels",
            {"kind": "effective"},
            False,
        ),
        # ... but the agent of a passive is.
        (
            "The convention was ratified by Lithuania in 2003.",
            "ratified",
            "LTU",
            "Lithuania",
            {},
            True,
        ),
        # A state in the phrase of the subject, through a title ("US President Reagan").
        (
            "The treaty was a landmark when Gorbachev and US President Ronald Reagan signed it.",
            "signed",
            "USA",
            "US",
            {"kind": "signature"},
            True,
        ),
        # A verb the parse gives several subjects: only the nearest is the event's.
        (
            "Most members are signatories, but among those that border Russia or Ukraine "
            "only Lithuania has signed it.",
            "signed",
            "UKR",
            "Ukraine",
            {"kind": "signature"},
            False,
        ),
        # A dateline's words before the subject leave the nearest subject right.
        (
            "UNITED NATIONS (AFP) - China signed a global pact Monday.",
            "signed",
            "CHN",
            "China",
            {"kind": "signature"},
            True,
        ),
        # One of alternatives ("have left, or are in the process of withdrawing").
        (
            "This year Poland and Finland have left, or are in the process of withdrawing "
            "from, the convention.",
            "left",
            "POL",
            "Poland",
            {"kind": "effective"},
            False,
        ),
        # A committee's vote is not the chamber's.
        (
            "At the end of April, the Seimas National Security and Defence Committee also "
            "approved this decision.",
            "approved",
            "LTU",
            "Seimas",
            {"kind": "parliament_vote"},
            False,
        ),
        # A subject the parse hung on the auxiliary still makes a clause of its own.
        (
            "Hungary ratified its founding Rome Statute in 2001, but the law has yet to be "
            "formally promulgated.",
            "has yet to be",
            "HUN",
            "Hungary",
            {"kind": "status"},
            False,
        ),
    ],
)
def test_reading_is_grounded_or_not(
    sentence: str, cue: str, state: str, name: str, extra: dict[str, object], certain: bool
) -> None:
    claim = _claim(sentence, cue, state, name, **extra)
    assert (ground.reasons(claim) == []) is certain, ground.reasons(claim)


def test_a_date_on_the_saying_does_not_date_the_event() -> None:
    sentence = "Lithuania said on Monday that it had notified the UN."
    claim = _claim(
        sentence, "notified", "LTU", "Lithuania", date_words="on Monday", conflict="date"
    )
    assert "the parse does not attach the date to the event" in ground.reasons(claim)
    sentence = "Lithuania notified the UN on Monday."
    claim = _claim(
        sentence, "notified", "LTU", "Lithuania", date_words="on Monday", conflict="date"
    )
    assert ground.reasons(claim) == []


def test_a_date_that_bounds_the_event_is_not_its_date() -> None:
    """ "had all joined the convention by 2005": 2005 is a limit, not the day of joining."""
    sentence = "The Baltic nations had all joined the convention by 2005."
    claim = _claim(
        sentence,
        "joined",
        "EST",
        "Baltic",
        date_words="2005",
        conflict="date",
        kind="effective",
    )
    assert ground.DATE_DETACHED in ground.reasons(claim)
