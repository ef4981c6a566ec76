"""The reader end to end: text (and its publication date) -> checked claims."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from treatywatch.ledger import Ledger
from treatywatch.model import ActKind
from treatywatch.reading import accuse, ground
from treatywatch.reading.check import ADVERSE, Checker, _acts_by_pair
from treatywatch.reading.claims import HEADLINE_PRESENT, PRESENT_COPULA, Claim
from treatywatch.reading.extract import extract
from treatywatch.reading.gazetteer import Gazetteer
from treatywatch.reading.parse import parse_many
from treatywatch.reading.screen import required
from treatywatch.reading.text import alternation
from treatywatch.reading.triggers import TRIGGERS

# One per ledger, for as long as the ledger lives (see check._PAIR_INDEX).
_GAZETTEERS: weakref.WeakKeyDictionary[Ledger, Gazetteer] = weakref.WeakKeyDictionary()

#: A cheap test that an article could hold a claim at all: it names a treaty (or a
#: treaty-like word, or the words a figure is about) and holds a word some trigger
#: pattern cannot match without (see ``screen.required``: derived from the patterns, so
#: no trigger can match an article this rejects).
_TREATY_WORDS = (
    "treat",
    "convention",
    "protocol",
    "statute",
    " ban",
    "accord",
    " pact",
    "ottawa",
    "start",
    "npt",
    "ctbt",
    "tpnw",
    "bwc",
    "cwc",
    "ccw",
    "ccm",
    "agreement",
    "cfe",
    " att",
    "icc",
    "court",
    "nato",
    "alliance",
    "european union",
    " eu ",
    "open skies",
    "landmine",
    " mine",
    "munition",
    "explosive",
    "border",
    "frontier",
    "stockpil",
    "gdp",
    "gross domestic product",
    "economic output",
)
_ACTION = re.compile(
    alternation(frozenset().union(*(required(rx) or frozenset() for _, rx in TRIGGERS)))
)


def _act_from_record(ledger: Ledger, claim: Claim) -> None:
    """ "Became a party"/"joined" name no instrument: take the kind the state really used."""
    if claim.kind != "effective" or claim.action != "accession" or not claim.state:
        return
    for act in _acts_by_pair(ledger).get((claim.state, claim.treaty or ""), []):
        if act.kind in (ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL):
            claim.action = "ratification"
            return


def gazetteer(ledger: Ledger) -> Gazetteer:
    g = _GAZETTEERS.get(ledger)
    if g is None:
        g = _GAZETTEERS[ledger] = Gazetteer(ledger)
    return g


def could_hold_claims(text: str) -> bool:
    """The prefilter: False means no treaty and no state action is mentioned."""
    low = text.lower()
    return any(w in low for w in _TREATY_WORDS) and _ACTION.search(low) is not None


@dataclass
class Report:
    """What ``check`` prints: the publication date used, the cleaned text and the claims."""

    published: str | None
    published_from: str | None  # "option" | "metadata" | None
    text: str
    claims: list[Claim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "published": self.published,
            "published_from": self.published_from,
            "title": self.title,
            "url": self.url,
            "notes": self.notes,
            "claims": [c.to_dict() for c in self.claims],
        }


#: English function words: in the development part's English reports they are 14 % or
#: more of the words, in its reports in other languages 6 % or less.
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "that",
        "was",
        "has",
        "for",
        "on",
        "with",
        "by",
        "its",
        "it",
        "as",
        "from",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def _not_english(text: str) -> bool:
    """Whether a text of some length is plainly not English (its share of English function
    words under 8 %)."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 40:
        return False
    return sum(w in _ENGLISH for w in words) / len(words) < 0.08


def _year_guessed_wrong(claim: Claim) -> bool:
    """A day and month whose year the reader inferred, where the record's fact is the same
    day of another year ("Putin signed the law on November 2", of the year before)."""
    if not claim.date_relative or claim.date_assumed or not claim.date or len(claim.date) != 10:
        return False
    return any(
        str(f.get("date") or "")[4:10] == claim.date[4:10]
        and str(f.get("date") or "")[:4] != claim.date[:4]
        for f in claim.facts
    )


def _week_apart(claim: Claim) -> bool:
    """A day resolved from a relative expression ("last Thursday", "on Monday") that lies
    a week from the record's: "last Thursday" said on a Friday may mean the day before or
    the week before; the reading cannot tell which."""
    if not claim.date_relative or claim.date_assumed or not claim.date or len(claim.date) != 10:
        return False
    said = date.fromisoformat(claim.date)
    for f in claim.facts:
        known = str(f.get("date") or "")
        if len(known) == 10 and abs((date.fromisoformat(known) - said).days) == 7:
            return True
    return False


def check_text(
    ledger: Ledger,
    text: str,
    published: date | None,
    today: date,
    *,
    published_from: str | None = None,
) -> Report:
    """Extract every claim from ``text`` and check each against ``ledger``."""
    report = Report(
        published.isoformat() if published else None, published_from if published else None, text
    )
    if not could_hold_claims(text):
        report.notes.append("no treaty or state action mentioned; nothing to check")
        return report
    if _not_english(text):
        report.notes.append(
            "the text does not look like English: the reader reads English only, so the "
            "claims it makes in another language are not read"
        )
    if published is None:
        report.notes.append(
            "no publication date: relative dates stay unresolved and claims are checked "
            f"against the record as of {today}"
        )
    checker = Checker(ledger, today)
    accusing: list[Claim] = []
    for claim in extract(text, published, gazetteer(ledger), report.notes):
        _act_from_record(ledger, claim)
        if claim.date_relative and claim.date is None:
            claim.explanation = "relative date unresolved (no publication date)"
        checker.check(claim, published)
        if claim.verdict in ADVERSE:
            if claim.conflict == "date" and _year_guessed_wrong(claim):
                claim.uncertain.append(
                    "the year was inferred (the text gives the day and month only) and the "
                    "record holds that day in another year"
                )
            if claim.conflict == "date" and _week_apart(claim):
                claim.uncertain.append(
                    "the day was resolved from a relative expression and the record's is a "
                    "week away (which week 'last Thursday' means is not certain)"
                )
            if not claim.uncertain and not (claim.conflict == "date" and "date" in claim.anchors):
                # no parse can change this accusation's class (only a written date may be
                # detached from the event and the claim judged again, undated)
                withheld = accuse.doubt(claim, published)
                if withheld:
                    claim.uncertain.append(withheld)
            if claim.uncertain:
                checker.withhold(claim, claim.uncertain)
            else:
                accusing.append(claim)
        report.claims.append(claim)
    # Only a claim that would accuse the report, and whose surface reading left no doubt,
    # has its sentence parsed (the article's in one batch) to confirm the reading.
    parse_many(str(c.evidence.get("text", "")) for c in accusing)
    for claim in accusing:
        doubts = ground.reasons(claim)
        if doubts == [ground.DATE_DETACHED]:
            # The date belongs to another verb ("left the court when its notice was
            # deposited in June"): the claim has no date of its own; judge it so.
            claim.date, claim.date_relative = None, False
            claim.anchors.pop("date", None)
            claim.facts, claim.sources = [], []
            checker.check(claim, published)
            doubts = ground.reasons(claim) if claim.verdict in ADVERSE else []
            if (
                claim.verdict in ADVERSE
                and claim.conflict == "date"
                and (PRESENT_COPULA.match(claim.cue) or HEADLINE_PRESENT.search(claim.cue))
            ):
                # undated now and told in the present ("is the second country to leave
                # the ICC after Burundi withdrew in 2017", two days before its exit): the
                # present may tell the decision, not the step
                doubts.append("a verb in the present may report the decision, not the step")
        withheld = (
            accuse.doubt(claim, published) if claim.verdict in ADVERSE and not doubts else None
        )
        if withheld:
            # the reading is certain, but the accusation is of a class that was too often
            # wrong on unseen reports (accuse.py)
            doubts.append(withheld)
        if doubts:
            checker.withhold(claim, doubts)
    return report
