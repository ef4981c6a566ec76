"""Claims: what a text asserts about states' treaty status, and the figures around it.

Rule-based and explainable: each claim comes from one trigger in one sentence, its
subjects are the states named before the trigger in that clause (or the ones a
"both countries" refers back to), its treaty is the one named nearby or last.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from treatywatch.reading.discourse import Context as _Context
from treatywatch.reading.gazetteer import Gazetteer, Mention
from treatywatch.reading.screen import Folded, Sieve
from treatywatch.reading.subjects import (
    clause_start_of,
    own_date,
    subjects_of,
)
from treatywatch.reading.text import NUMBER, QUALIFIER, parse_number, parse_ordinal
from treatywatch.reading.triggers import (
    CHAMBER,
    EXIT,
    FOLDED,
    PARLIAMENTS,
    PRIORITY,
    SCREENS,
    SUSPEND,
)
from treatywatch.reading.when import PATTERNS as DATE_PATTERNS
from treatywatch.reading.when import SCREENS as DATE_SCREENS
from treatywatch.reading.when import DateMention, find_dates, tensed

KINDS = (
    "intent",
    "parliament_vote",
    "law_signed",
    "deposit",
    "effective",
    "signature",
    "status",
    "production_plan",
    "transfer_plan",
    "stockpile",
    "border_length",
    "spending_target",
)
#: The membership of another state after a verb of consent ("ratify Sweden's membership").
_ANOTHERS_MEMBERSHIP = re.compile(
    r"\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){0,2}?[A-Z][\w-]+['’]s\s+(?:\w+\s+)?"
    r"(?:membership|accession|bid|entry|application)\b"
)
#: Steps still to come, listed ("The next steps ... include").
_NEXT_STEPS = re.compile(r"\bnext steps?\b|\bsteps? (?:that )?remain\b", re.I)
_GENERIC_TREATIES = re.compile(r"\b(?:conventions|treaties|protocols|agreements|accords)\b", re.I)
#: Plans and holdings: what a state makes, sends or keeps.
_HOLDINGS = frozenset({"production_plan", "transfer_plan", "stockpile"})
#: A treaty's own terms: "prohibits", "bans", "requires", "obliges".
_TREATY_DUTY = re.compile(
    r"\b(?:prohibit(?:s|ed|ing)?|bans?|banned|banning|outlaws?|forbids?|requires?|oblige[sd]?|"
    r"commits? (?:states|parties|signatories))\b",
    re.I,
)
#: Figures whose date is when the plan or target is to be met.
_PLANS = frozenset({"spending_target", "production_plan", "transfer_plan"})
FIGURE_KINDS = ("production_plan", "transfer_plan", "stockpile", "border_length", "spending_target")


@dataclass
class Claim:
    kind: str
    action: str | None
    state: str | None
    treaty: str | None
    modality: str = "asserted"
    counterpart: str | None = None
    date: str | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    weapon: str | None = None
    speaker: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    date_relative: bool = False
    cue: str = ""  # the words that made this a claim (not part of the JSON contract)
    verdict: str | None = None
    explanation: str = ""
    # For an adverse verdict: the field the record contradicts (state, treaty, kind, action,
    # date, value, modality).
    conflict: str | None = None
    # Why the reading is not certain (an adverse verdict then becomes "unverifiable").
    uncertain: list[str] = field(default_factory=list)
    # The date is the day of publication, assumed for an undated state of affairs,
    # intention or day's news (not written in the sentence).
    date_assumed: bool = False
    # Where in the evidence sentence the claim's words stand: "cue" (the trigger), "state"
    # (the state's name), "date" (the date's words); offsets into evidence["text"].
    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)
    facts: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)

    def key(self) -> tuple[object, ...]:
        return (
            _chamber(self),
            self.kind,
            self.action,
            self.state,
            self.counterpart,
            self.treaty,
            self.date,
            self.value,
            self.modality,
            self.speaker,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "action": self.action,
            "state": self.state,
            "counterpart": self.counterpart,
            "treaty": self.treaty,
            "date": self.date,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "weapon": self.weapon,
            "modality": self.modality,
            "speaker": self.speaker,
            "evidence": self.evidence,
            "verdict": self.verdict,
            "conflict": self.conflict,
            "explanation": self.explanation,
            "facts": self.facts,
            "sources": self.sources,
        }


_NEGATION = Folded(
    re.compile(
        r"\b(?:not|never|no (?:plans?|intention|notice|notification|instrument|formal|official|decision|such|vote)|none of|n't|neither|nor|refused|rejected|ruled out|denied)\b",
        re.I,
    )
)
_PLANNED = Folded(
    re.compile(
        r"\b(?:will|plans?|planned|planning|intends?|intention|set to|is set|are set|expected|"
        r"due to|preparing|prepares|aims?|going to|shall|is to|are to|would|vowed|pledged|ready to|"
        r"next year|next month|soon|upcoming|scheduled|takes effect|take effect|becomes effective|"
        r"comes into force)\b"
        # "six months after Finland notifies the UN": a step still to come.
        r"|\b(?:after|once|when|until|before|as soon as)\s+(?:[\w'’-]+\s+){0,3}?(?:notifies|"
        r"deposits|submits|files|hands|sends|informs|leaves|withdraws|ratifies|accedes|joins|signs|"
        r"votes|approves)\b",
        re.I,
    )
)
#: "may" the verb, not the month ("in May", "May 9").
_MAY = (  # (the look-behinds after the word: tried only where "may" stands)
    r"may\b(?<!\bin may)(?<!\bof may)(?<!\bsince may)(?<!\buntil may)(?<!\bby may)"
    r"(?<!\bfrom may)(?<!\bearly may)(?<!\blate may)(?<!\bmid-may)(?<!\blast may)"
    r"(?<!\bnext may)(?<!\bthis may)(?<!\bend of may)(?![ \t]+\d)"
)
_CONSIDERED = Folded(
    re.compile(
        r"\b(?:consider\w*|" + _MAY + r"|might|could|mulls?|mulling|weigh\w*|discuss\w*|debat\w*|"
        r"explor\w*|possibl\w*|possibility|option|not ruled out|thinking about|studying|review)\b",
        re.I,
    )
)
_ASSERTED_INTENT = Folded(
    re.compile(
        r"\b(?:decided|decides|decision|announced|announces|began|begun|started|launched|initiated|"
        r"committed)\b",
        re.I,
    )
)
_WEAPON = re.compile(
    r"\b(anti-personnel (?:land)?mines|anti-tank mines|anti-personnel|cluster munitions|"
    r"cluster bombs|landmines|mines)\b",
    re.I,
)
_NOT_YET = Folded(
    re.compile(r"\b(?:has|have) not (?:yet )?(?:left|quit|withdrawn|exited)\b|\bnot yet\b", re.I),
    screened=True,
)
_NOT_UNTIL = Folded(re.compile(r"\b(?:not|n't)\b[^.;]{0,60}\buntil\b"), screened=True)
_DECIDED = Folded(re.compile(r"\bdecided\b", re.I), screened=True)
#: Between two triggers: nothing, or a conjunction, so the second shares the first's subjects.
_GAP_NONE = re.compile(r"[\s,;]*")
_GAP_JOINED = re.compile(r"^[\s,]*(?:and|but|then|yet)\s")
_GAP_TAIL = re.compile(
    r"(?:^|\s)(?:and|but|then|before|after|yet|while|when|as)\s*(?:\w+\s+){0,4}$"
)
_SAID = Folded(re.compile(r"\b(?:said|says|told)\b"), screened=True)
_QUOTE = re.compile(r"[“\"]([^”\"]{8,}?)[”\"]")
_SPEAKER_AFTER = Folded(
    re.compile(
        r"(?:said|says|told \w+|added|stressed|noted|warned|explained)\s*,?\s*"
        r"((?:[A-Z][\w'’.-]+\s){0,3}[A-Z][\w'’-]+)"
    ),
    screened=True,
)
_SPEAKER_BEFORE = Folded(
    re.compile(
        r"((?:[A-Z][\w'’.-]+\s){1,3}[A-Z][\w'’-]+|[A-Z][\w'’-]+)\s*,?\s*(?:[^,]{0,80},\s*)?"
        r"(?:said|says|told|added|stressed|noted|warned|explained)\b"
    ),
    screened=True,
)
_NOT_NAMES = {
    "The",
    "He",
    "She",
    "It",
    "They",
    "A",
    "An",
    "In",
    "On",
    "We",
    "I",
    "But",
    "Representatives",
    "Officials",
    "Ministry",
    "Government",
}


#: A real report holds a few dozen candidate claims; a text with thousands is a list, a
#: dump or an attack. Reading stops after this many trigger matches (and says so), which
#: bounds the time a text can take whatever its content.
MAX_CANDIDATES = 2000


#: A treaty's proper name ("the Bangkok Treaty", "the Protocol to the Southeast Asia Nuclear
#: Weapon-Free Zone", "the Pelindaba Treaty").
_TREATY_PROPER = re.compile(
    r"\b(?:[A-Z][\w-]+\s+){1,6}(?:Treaty|Convention|Protocol|Agreement|Accords?|Charter)\b"
    r"|\b(?:Treaty|Convention|Protocol|Agreement)\s+(?:of|on|to|for)\s+(?:the\s+)?[A-Z][\w-]+"
)


def _unknown_treaty(
    sentence: str, treaties: list[Mention], start: int = 0, end: int | None = None
) -> bool:
    """Whether the sentence (or its part that begins within [start, end)) names a treaty by
    a proper name that is none of the record's."""
    known = [(t.start, t.end) for t in treaties]
    for m in _TREATY_PROPER.finditer(sentence):
        if m.start() < start or (end is not None and m.start() >= end):
            continue
        if any(a < m.end() and m.start() < b for a, b in known):
            continue
        # "the Convention on the Prohibition of ... Bacteriological (Biological) and Toxin
        # Weapons and on their Destruction (BWC)": a known treaty's short name in brackets
        # closes the long one
        if any(
            m.start() < a <= m.end() + 200
            and sentence[a - 1] == "("
            and not _CLAUSE_BREAK.search(sentence, m.end(), a)
            for a, _ in known
        ):
            continue
        return True
    return False


#: What ends a treaty's name before a bracketed short name could close it.
_CLAUSE_BREAK = re.compile(r"[.;:]\s|\)\s*,|,\s+(?:which|who|and|but)\b")


def _gist(c: Claim) -> tuple[object, ...]:
    """What two claims must share to be the same assertion made twice (a vote in each
    chamber is a claim of its own)."""
    return (
        c.kind,
        c.action,
        c.state,
        c.counterpart,
        c.treaty,
        c.modality,
        c.value,
        _chamber(c),
    )


_CHAMBER = re.compile(CHAMBER, re.I)
#: A wire dateline opening a sentence ("GENEVA, June 30 (Wire) - "): the day of filing.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .,'’-]{2,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^)]{1,30}\)\s*)?[-–—]"
    # "Tokyo (Japan), Oct 24: ..."
    r"|\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*(?:\([^)]{1,30}\)\s*)?,\s+[A-Z][a-z]{2,8}\.?"
    r"\s+\d{1,2}\s*:"
)
#: A story's filing prefix: a place, bracketed country or agency names, then a dash.
_WIRE_PREFIX = re.compile(
    r"\s*[A-Z][\w .,'’-]{1,40}?\s*(?:\([^)]{1,30}\)\s*){1,3}[-–—]\s"
    # "Brussels, Belgium - ": a place and its country, then a dash
    r"|\s*[A-Z][a-zA-Z.'’-]+(?: [A-Z][a-zA-Z.'’-]+)?, [A-Z][a-zA-Z.'’-]+(?: [A-Z][a-zA-Z.'’-]+)? [-–—] "
)
#: A place and a dash opening a story ("Washington D.C. – On July 12, ..."), read only
#: near the top of a text, where a dateline stands.
_PLACE_DASH = re.compile(r"\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s+[–—]\s")


def filing_prefix(
    sentence: str, offset: int, states: list[Mention], state_names: frozenset[str]
) -> int:
    """Where a story's filing prefix ends in the sentence (0 if it has none): a wire
    prefix, a dateline, or near the top of a text a place and a dash ("Washington D.C. -- On
    July 12, ..."), unless that place is a state's own name ("Lithuania -- a NATO member --
    has withdrawn"). The states named in it are where the story was filed, not who acted."""
    prefix = _WIRE_PREFIX.match(sentence) or _DATELINE.match(sentence)
    if prefix is not None:
        return prefix.end()
    place = _PLACE_DASH.match(sentence) if offset < 300 else None
    if place is None or any(m.start < place.end() and m.text in state_names for m in states):
        return 0
    return place.end()


#: A page's publication line ("Published on November 23, 2020"): not an event's date.
#: A page's publication line before a date ("Updated: ", "Published on"), at the start of
#: a line or after a byline's bar; "a joint statement published on March 18" dates the
#: statement, and stays.
_PUBLISHED_LINE = re.compile(
    r"(?:^|\n|\||[•·])\s*(?:published|updated|posted|last modified|first published)"
    r"(?:\s+on)?[\s:]*$",
    re.I,
)
#: A speech verb right before a date: the day something was said, not done.
_SAID_ON = re.compile(
    r"\b(?:said|says|told \w+|stated|reported)\s+(?:late\s+|early\s+)?(?:on\s+|in\s+)?$"
)
#: A clause break between a trigger and a later date: the date belongs to the next clause.
_NEW_CLAUSE = re.compile(
    r",\s*(?:and|but|while|whereas|with)\b|;"  # (", with Poland set to")
    r"|\s(?:but|whereas)\s"  # ("would also quit the ICC but Barrow in December said")
)
#: Words between a date and a later trigger that put the trigger before or after it.
_OFFSET = re.compile(r"\b(?:after|before|since|ago)\b", re.I)
#: Words after a trigger that date it by an offset from an earlier date.
_LATER = re.compile(r"\s*(?:it\s+|them\s+|so\s+)?(?:[\w-]+\s+){0,3}(?:later|afterwards)\b", re.I)


def _chamber(c: Claim) -> str | None:
    """The chamber a parliament_vote claim names ("the Federation Council"), lower-cased;
    None for words any parliament goes by ("lawmakers", "MPs": the same vote)."""
    found = _CHAMBER.search(c.cue) if c.kind == "parliament_vote" else None
    name = found.group().lower() if found else None
    return None if name in _ANY_CHAMBER else name


_ANY_CHAMBER = {  # and the single chambers of one-chamber parliaments
    "seimas",
    "saeima",
    "riigikogu",
    "eduskunta",
    "verkhovna rada",
    "rada",
    "storting",
    "riksdag",
    "parliament",
    "parliaments",
    "parliamentarians",
    "lawmakers",
    "legislators",
    "mps",
    "deputies",
    "legislature",
    "the chamber",
}


def _dates_agree(a: Claim, b: Claim) -> bool:
    """No date (or only an assumed one), or one date at a finer precision than the other
    ("2025" and "2025-06")."""
    if a.date is None or b.date is None or a.date_assumed or b.date_assumed:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _action(fragment: str, kind: str, ctx: _Context) -> str | None:
    if kind in FIGURE_KINDS:
        return None
    if kind == "signature":
        return "signature"
    low = fragment.lower()
    for rx, action in _ACTION_CUES:
        if rx.holds(low, low):
            return action
    if "no longer" in low or "cease" in low or "out of the" in low:
        return "withdrawal"
    if _RATIFY.holds(low, low):
        return "ratification"
    if _JOIN.search(low):
        return "accession"
    return ctx.action


@functools.lru_cache(maxsize=4096)
def _named_action(cue: str, kind: str) -> str | None:
    """The action a trigger's own words name (the same few words recur: kept)."""
    return _action(cue, kind, _Context())


#: Actions read from the clause around a trigger that its own words, when they name
#: another, overrule.
_ACTIONS_A_CUE_OVERRULES = (
    "withdrawal_revoked",
    "suspension",
    "withdrawal",
    "ratification",
    "accession",
    "signature_withdrawn",
)

#: The action a claim's words name, tried in order on the lower-cased clause (each
#: screened by the words it cannot match without).
_ACTION_CUES = [
    (
        Folded(
            re.compile(
                r"\b(?:revok|rescind|revers|cancel|withdrew|pulled back)\w*\s+(?:its|their|the)\s+"
                r"(?:notice of |notification of )?(?:withdrawal|decision to withdraw|move to "
                r"(?:leave|withdraw|quit))"
                r"|\bwithdrawal\b[^.;]{0,60}?\b(?:was|were|had been|has been)\s+(?:formally\s+)?"
                r"(?:revoked|rescinded|reversed|cancell?ed)\b"
                r"|\b(?:annulment|revocation|rescission|cancell?ation)\s+of\s+(?:its|the|their)\s+"
                r"(?:notice of\s+)?withdrawal\b"
            ),
            screened=True,
        ),
        "withdrawal_revoked",
    ),
    # A law or bill that revokes a ratification is a de-ratification: an exit.
    (
        Folded(
            re.compile(
                r"\b(?:revok|rescind|cancel|undo|undoing|annul|withdr\w*\s+from|de-?ratif)\w*\s+"
                r"(?:of\s+)?(?:[\w’'-]+\s+){0,3}?ratification"
                r"|\bde-?ratif\w*"
            ),
            screened=True,
        ),
        "withdrawal",
    ),
    (Folded(re.compile(SUSPEND), screened=True), "suspension"),
    (
        Folded(
            re.compile(
                r"(?:does|did|do) not intend to become a party|unsign|"
                r"(?:withdr|revok|rescind)\w* (?:its |the |his |their |our )?(?:predecessor's |\w+'s )?"
                r"signature|taking (?:our|its|their) signature back"
            ),
            screened=True,
        ),
        "signature_withdrawn",
    ),
    # A word of its own: not "cleave", "pullover".
    (Folded(re.compile(r"\b" + EXIT), screened=True), "withdrawal"),
]
_RATIFY = Folded(re.compile(r"\bratif\w*"), screened=True)
_JOIN = re.compile(
    r"\b(?:join(?:s|ed|ing)?|acce(?:de|ded|des|ding|ssion)|became|become|becomes|party)\b"
)


def _modality(fragment: str, kind: str) -> str:
    low = fragment.lower()
    if _NOT_UNTIL.holds(low, low):  # "did not ratify it until 2012": it did, in 2012
        return "asserted"
    if (kind != "effective" and _NEGATION.holds(fragment, low)) or _NOT_YET.holds(fragment, low):
        if kind == "status":
            return "asserted"
        return "negated"
    if kind == "intent" and _ASSERTED_INTENT.holds(fragment, low):
        if _CONSIDERED.holds(fragment, low) and not _DECIDED.holds(fragment, low):
            return "considered"
        return "asserted"
    if _CONSIDERED.holds(fragment, low):
        return "considered"
    if _PLANNED.holds(fragment, low):
        return "planned"
    return "asserted"


def _status_action(fragment: str) -> str:
    low = fragment.lower()
    if re.match(r"\s*(?:neither|nor)\s+(?:are|is)\b", low):
        return "not_party"  # "Neither are China and India": as the sentence before
    if "yet to sign" in low:
        return "never_party"  # "the last nation yet to sign and ratify": not even a signatory
    if "signed but" in low or low.startswith(("not ratified", "never ratified")):
        # "signed but never ratified": a signatory, not a party
        return "not_party"
    if _NEVER_PARTY.search(low):
        return "never_party"
    if _NOT_PARTY.search(low):
        return "not_party"
    return "party"


_NEVER_PARTY = re.compile(r"never|\bneither\b|\bnor\b|\brefused\b|\bshunned\b|\bboycotted\b")
_NOT_PARTY = re.compile(
    r"\b(?:not|isn[’']t|aren[’']t|hasn[’']t|haven[’']t|hadn[’']t|outside|non-members?|yet to|"
    r"holdouts?|non-signator(?:y|ies))\b"
)
#: A sentence whose "joining A, B and C" joins states outside a treaty.
_JOINED_OUTSIDE = re.compile(r"\b(?:not|never|non-\w+|outside|holdouts?|refused|rejected)\b", re.I)
_QUOTE_MARK = re.compile(r"[“\"”]")


def _speaker(sentence: str, gaz: Gazetteer, low: str) -> str | None:
    """The person a sentence attributes its words to ("…," Karolis said; X said that …).
    ``low``: the sentence lower-cased."""
    for rx in (_SPEAKER_AFTER, _SPEAKER_BEFORE):
        for m in rx.finditer(sentence, low):
            name = m.group(1).strip()
            first = name.split()[0]
            if first in _NOT_NAMES or name in gaz.state_names or first in gaz.state_names:
                continue
            if len(name.split()) == 1 and not _QUOTE_MARK.search(sentence):
                continue
            name = _TITLES.sub("", name).strip()
            return name or None
    return None


_TITLES = re.compile(
    r"^(?:(?:Deputy|Vice|Acting|Foreign|Defen[cs]e|Prime|Minister|President|Chairman|Chair|"
    r"Speaker|Ambassador|Spokesperson|Spokesman|Spokeswoman|Secretary|General|Director|"
    r"Head|Chief|Senior|Executive|MP|Sen\.|Rep\.)\s+)+"
)


# One scan of an article for both the trigger and the date patterns' screen words. Items
# are (index, date pattern or None): indices below len(FOLDED) are triggers.
_SIEVE: Sieve[tuple[int, tuple[str, Folded] | None]] = Sieve(
    [(i, None) for i in range(len(FOLDED))]
    + [(len(FOLDED) + i, p) for i, p in enumerate(DATE_PATTERNS)],
    [*SCREENS, *DATE_SCREENS],
)


def _index_of(item: tuple[int, object]) -> int:
    return item[0]


@dataclass
class _Screened:
    """A sentence lower-cased, and the trigger and date patterns whose screens it passes."""

    low: str
    triggers: list[tuple[str, Folded]]
    dates: list[tuple[str, Folded]]


@dataclass
class _Found:
    """Mentions found once in the whole text, handed to each sentence by offset."""

    states: list[Mention]
    treaties: list[Mention]
    anaphora: list[Mention]

    def split(self, spans: list[tuple[int, int]]) -> list[_Found]:
        """For each span (sentence), the mentions lying wholly in it, with offsets made
        relative to it; one pass over each list of mentions."""
        by_span = [_by_span(items, spans) for items in (self.states, self.treaties, self.anaphora)]
        return [_Found(*lists) for lists in zip(*by_span, strict=True)]


def _by_span(items: list[Mention], spans: list[tuple[int, int]]) -> list[list[Mention]]:
    starts = [start for start, _ in spans]
    out: list[list[Mention]] = [[] for _ in spans]
    for m in items:
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0 or m.end > spans[k][1]:
            continue  # between sentences, or across a sentence end
        start = spans[k][0]
        out[k].append(Mention(m.start - start, m.end - start, m.text, m.kind, m.codes, m.plural))
    return out


def _sentence_claims(
    sentence: str,
    offset: int,
    published: date | None,
    gaz: Gazetteer,
    ctx: _Context,
    found_in: _Found,
    screened: _Screened,
) -> list[Claim]:
    treaties = found_in.treaties
    states = found_in.states
    # The lower-cased sentence where its offsets are the sentence's (else the sentence: the
    # patterns read on it below are lower case, and a rare capital goes unread).
    aligned = screened.low if len(screened.low) == len(sentence) else sentence
    if any(t.kind == "treaty" for t in treaties):  # a state's name inside a treaty's is not one
        states = [
            m
            for m in states
            if not any(t.start <= m.start < t.end for t in treaties if t.kind == "treaty")
        ]
    # A wire prefix ("United Nations (United States) (AFP) - ") names where the story was
    # filed, not who acted.
    cut = filing_prefix(sentence, offset, states, gaz.own_names)
    states = [m for m in states if m.start >= cut]
    anaphora = found_in.anaphora
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, folded in screened.triggers:
        for m in folded.finditer_low(sentence, screened.low):  # (only read without case)
            # A longer reading from the same word at the same rank wins ("have not ratified
            # the treaty, including China, ..." over "have not ratified").
            found = [
                f
                for f in found
                if not (
                    m.start() == f[0]
                    and f[1] <= m.end()
                    and m.end() - m.start() > f[1] - f[0]
                    and _priority(f[2]) == _priority(kind)
                )
            ]
            if any(
                m.start() < e and s < m.end() and (k == kind or _priority(k) <= _priority(kind))
                for s, e, k, _ in found
            ):
                continue
            found = [
                f
                for f in found
                if not (m.start() < f[1] and f[0] < m.end() and _priority(f[2]) > _priority(kind))
            ]
            found.append((m.start(), m.end(), kind, m))
    if not found:
        _carry(ctx, states, treaties, found)
        return []
    ctx.budget -= len(found)
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    verb_starts = [f[0] for f in found]
    # Dates only where a claim may be.
    dates = [
        d
        for d in find_dates(sentence, published, screened.dates, screened.low)
        if not _treaty_year(sentence, d)
        and not _PUBLISHED_LINE.search(sentence, max(0, d.start - 40), d.start)
    ]
    claims: list[Claim] = []
    speaker = (
        _speaker(sentence, gaz, screened.low)
        if _QUOTE.search(sentence) or _SAID.holds(sentence, screened.low)
        else None
    )
    prev_end = 0
    last_subjects: list[str] = []
    # The subjects of the sentence's main clause, and whether the last claim's stretch was a
    # subordinate clause: "Russia withdrew ..., months after the United States had left
    # it, and suspended ...": the third verb is Russia's again.
    main_subjects: list[str] = []
    last_subordinate = False
    sentence_treaty = _treaty_near(treaties, 0, ctx)
    for start, end, kind, m in found:
        if kind == "repeat":  # "Estonia did the same": the last claim's step, for another
            # ... made in this sentence or just before it, not paragraphs earlier.
            if ctx.kind is None or ctx.action is None or offset - ctx.kind_at > 400:
                continue
            kind = ctx.kind
            repeated: str | None = ctx.action
        else:
            repeated = None
        # "had left it": the pronoun points back to the treaty named before.
        treaty = _treaty_near(treaties, start, ctx, end, back=bool(_IT_AFTER.match(sentence, end)))
        subordinate = _SUBORDINATOR.search(aligned, prev_end, start) is not None
        clause_start = clause_start_of(sentence, start, prev_end)
        if _HYPOTHETICAL.search(aligned, clause_start, start):
            continue  # "if Belarus ever decided to leave": no claim that it did or will
        subjects, counterpart = subjects_of(
            kind,
            sentence,
            states,
            anaphora,
            clause_start,
            start,
            end,
            m,
            ctx,
            after_verb=0 < prev_end == clause_start,
        )
        if repeated is not None and not any(clause_start <= s.start < start for s in states):
            continue  # "it does so": only a state named right there repeats the step
        if _COUNT_SUBJECT.search(sentence, clause_start, start) and not any(
            clause_start <= s.start < start for s in states
        ):
            continue  # "110 States Parties have ratified it": a treaty-level count, no claim
        reach = len(sentence) if kind in ("deposit", "parliament_vote", "law_signed") else end + 40
        local = sentence[clause_start : min(len(sentence), reach)]
        gap = sentence[prev_end:start]
        if subjects and not subordinate and not main_subjects:
            main_subjects = list(subjects)
        if (
            not subjects
            and last_subjects
            and (
                _GAP_NONE.fullmatch(gap)
                or _GAP_JOINED.match(gap)
                or _GAP_TAIL.search(gap)
                # "has ratified the convention, becoming the 112th state party": the
                # participle's subject is the clause's
                or (
                    gap.rstrip().endswith(",")
                    and m.group(0).lower().split(" ", 1)[0].endswith("ing")
                )
            )
        ):
            back_to_main = last_subordinate and main_subjects and _AND.search(gap)
            subjects = list(main_subjects if back_to_main else last_subjects)
        real_kind = {"join_effective": "effective", "never_signed": "signature"}.get(kind, kind)
        if real_kind in ("status", "deposit", "signature") and _ANOTHERS_MEMBERSHIP.match(
            sentence, end
        ):
            continue  # "Turkey has refused to ratify Sweden's membership": another's accession
        if real_kind == "deposit" and _NEXT_STEPS.search(sentence, 0, start):
            continue  # "The next steps include ... Finland sending a notice to the UN"
        if _GENERIC_TREATIES.search(sentence, start, min(len(sentence), end + 2)):
            continue  # "with the signing of conventions prohibiting ...": treaties in
            # general, no state's act
        if real_kind in _HOLDINGS and _TREATY_DUTY.search(sentence, clause_start, start):
            continue  # "It prohibits the use, production, transfer and stockpiling of ...":
            # what the treaty forbids or requires, no state's plan or holding
        action = _action(local if kind not in ("join_effective",) else "join", real_kind, ctx)
        # The words that made this a claim name its action best ("Russia's withdrawal ...
        # took effect, years after it suspended ..." is a withdrawal).
        named = _named_action(m.group(0), real_kind) if kind != "join_effective" else None
        if named is not None and named != action and action in _ACTIONS_A_CUE_OVERRULES:
            action = named
        if kind == "join_effective":
            action = "ratification" if "ratif" in m.group(0).lower() else "accession"
        if repeated is not None:
            action = repeated
        # "notified the UN that it did not intend to become a party": the notice is the act;
        # its own "not" negates nothing.
        said_no = action == "signature_withdrawn" and "not intend" in m.group(0).lower()
        # The claim's own date, and its clause with the other claims' dates blanked out
        # ("takes effect on January 10 next year, six months after Finland delivered its
        # instrument on July 10": "next year" is not the delivery's future).
        own_when = _date_for(dates, start, end, real_kind, sentence, states)
        if (
            own_when is None
            and real_kind in _NEWS_EVENTS
            and _PERFECT.search(sentence[clause_start:end]) is not None
        ):
            # "Finland has notified the UN ..., its foreign ministry said late on Thursday":
            # done by the day it was said (claim_guidelines.md D3)
            own_when = next(
                (d for d in dates if _SAID_ON.search(sentence, max(0, d.start - 30), d.start)),
                None,
            )
        plain = _blanked(sentence, dates, own_when)
        modality = _modality(plain[clause_start : start if said_no else end], real_kind)
        if real_kind == "status":
            action = _status_action(m.group(0))
            if (
                action == "party"
                and m.group(0).lstrip(", ").startswith("joining")
                and _JOINED_OUTSIDE.search(sentence)
            ):
                # "opted not to accede, joining India and Israel as non-NPT states": the
                # states joined share the standing the sentence gives
                action = "not_party"
            if action == "never_party":
                modality = "negated"
        if (
            real_kind == "intent"
            and action in ("signature_withdrawn", None)
            and _UNSIGN.search(sentence)
        ):
            action = "withdrawal"
        if real_kind == "intent" and action is None:
            continue
        if (
            modality == "planned"
            and real_kind in ("deposit", "effective", "law_signed", "parliament_vote")
            and _PROCEDURE.match(sentence)
            and not own_when
        ):
            continue  # "Once the decision is promulgated, Hungary will notify the UN": the
            # procedure to come, undated, is no claim (claim_guidelines.md A4)
        opening = _PROCEDURE.match(sentence)
        comma = sentence.find(",")
        if (
            opening is not None
            and 0 <= start < comma
            and _TO_COME.search(sentence, opening.end(), comma) is not None
        ):
            continue  # "Once Sweden becomes a NATO member, it will ...": not yet happened
        if (
            real_kind == "deposit"
            and modality == "planned"
            and not own_when
            and _AWAITED.search(sentence, max(0, clause_start - 40), start)
        ):
            continue  # "takes effect six months after Finland notifies the UN": the step a
            # rule waits for, not a claim that it will happen (claim_guidelines.md A4)
        if real_kind == "effective" and modality == "planned" and not own_when:
            continue  # "The withdrawal will take effect six months after the notice": a rule
            # and a duration, no date (claim_guidelines.md A4, D6)
        if real_kind == "intent" and _PRESUPPOSED.search(sentence[max(0, start - 40) : end]):
            continue  # "Lithuania's decision to withdraw ... struck a blow": presupposed
        claim_date = tensed(own_when, plain[clause_start : end + 30], published)
        value, unit, qualifier = _figure(real_kind, m, sentence)
        ordinal = m.groupdict().get("ordinal") or m.groupdict().get("ordinal2")
        if real_kind in ("deposit", "effective") and ordinal and parse_ordinal(ordinal) is not None:
            # "became the 74th state to ratify": the count is checked too.
            value, unit = float(parse_ordinal(ordinal) or 0), "th state"
        if (
            real_kind in FIGURE_KINDS
            and real_kind not in ("production_plan",)
            and value is None
            and real_kind != "transfer_plan"
        ):
            continue
        weapon = None
        if real_kind in ("production_plan", "transfer_plan", "stockpile"):
            weapon_m = _WEAPON.search(sentence[start : min(len(sentence), end + 80)]) or (
                _WEAPON.search(sentence)
            )
            weapon = weapon_m.group(1).lower() if weapon_m else None
        if (
            real_kind == "spending_target"
            and not subjects
            and ctx.subjects
            and not _ALLIES.search(sentence)
        ):
            subjects = list(ctx.subjects[-1:])
        if not subjects and real_kind not in ("spending_target",):
            continue
        # A purchase names its buyer: the recipient of the transfer, the supplier unknown.
        bought = real_kind == "transfer_plan" and _BOUGHT.search(m.group(0)) is not None
        in_sentence = {c for m in found_in.states for c in m.codes}
        # (a parliament named for its state names the state: "the Federation Council")
        in_sentence.update(code for name, code in PARLIAMENTS.items() if name in screened.low)
        # The day's news: the headline or lede, or a present perfect, with no date given
        # and none counted from another (a plan or a negation is not news of a done step).
        news = (
            modality == "asserted"
            and (
                ctx.index <= 1
                # "we are now a member", "today": the day's news in so many words
                or _NOW.search(sentence, clause_start, end + 20) is not None
                # a paragraph that opens with the story's dateline is its lede
                or _DATELINE.match(sentence) is not None
                or _PERFECT.search(sentence[clause_start:end]) is not None
            )
            and not _COUNTED_FROM.search(
                sentence, max(0, min(clause_start, start - 30)), min(len(sentence), end + 40)
            )
        )
        claim_treaty = None if real_kind in FIGURE_KINDS else (treaty or sentence_treaty)
        treaty_doubt = (
            real_kind not in FIGURE_KINDS
            and ctx.treaties_named > 1
            and not any(claim_treaty in t.codes for t in treaties if t.kind == "treaty")
        )
        if real_kind not in FIGURE_KINDS and (
            (
                not any(claim_treaty in t.codes for t in treaties if t.kind == "treaty")
                and _unknown_treaty(sentence, treaties)
            )
            # "signatories to the Artemis Accords and also Parties to the Moon Agreement":
            # the treaty right after the words is one the record does not hold
            or _unknown_treaty(sentence, treaties, start, end + 40)
        ):
            # "China has pledged to sign the Protocol to the Southeast Asia Nuclear Weapon-
            # Free Zone": a treaty the record does not hold, not the text's other treaty
            claim_treaty = None
        # "acceded in 2003, 2004 and 2005, respectively": the dates pair with the states.
        paired = respectively(sentence, subjects, dates, start)
        for state in subjects or (None,):
            doubts: list[str] = []
            if state is not None and state not in in_sentence:
                doubts.append("the state is not named in the sentence (taken from earlier text)")
            if treaty_doubt:
                doubts.append("the sentence names no treaty and the text names several")
            own = paired.get(state or "") if paired else None
            if own is None and len(subjects) > 1 and real_kind not in FIGURE_KINDS:
                own = tensed(
                    own_date(sentence, state, states, dates, verb_starts),
                    sentence[clause_start : end + 30],
                    published,
                )
            when = own or claim_date
            if (
                real_kind == "parliament_vote"
                and when is None
                and ctx.index == 0
                and _PRESENT_VERB.search(m.group(0))
            ):
                # "Finnish Parliament supports withdrawal", a headline: the day is the page's
                doubts.append("a headline's present gives no day of its own")
            if (
                real_kind in ("effective", "deposit")
                and (when is None or ctx.index == 0)
                and (
                    HEADLINE_PRESENT.search(m.group(0))
                    # "The Philippines is the second country to leave the ICC", two days
                    # before its exit: the present may tell the decision
                    or (
                        (when is None or when.value is None or when.relative)
                        and PRESENT_COPULA.match(m.group(0))
                    )
                )
            ):
                # "Gambia withdraws from ICC", "Ukraine suspends participation": a
                # headline's present may report the decision, not the notice or the effect.
                doubts.append("a verb in the present may report the decision, not the step")
            claims.append(
                Claim(
                    kind=real_kind,
                    action=action,
                    state=None if bought else state,
                    treaty=claim_treaty,
                    modality=modality,
                    counterpart=state if bought else counterpart,
                    date=_claim_day(when, real_kind, published, news),
                    date_assumed=when is None,
                    date_relative=bool(when and when.relative)
                    or (when is None and real_kind in _AS_OF_PUBLICATION),
                    value=value,
                    unit=unit,
                    qualifier=qualifier,
                    weapon=weapon,
                    speaker=speaker,
                    evidence={"start": offset, "end": offset + len(sentence), "text": sentence},
                    cue=m.group(0),
                    uncertain=doubts,
                    anchors=_anchors(start, end, state, states, when, aligned),
                )
            )
        # "Burundi left the court in 2017 and the Philippines in 2019": the verb understood
        # again for a further state and date.
        if claims and claims[-1].cue == m.group(0) and claim_date is not None:
            for code, gapped in _gapped(sentence, claim_date, states, dates):
                again = tensed(gapped, sentence[clause_start : end + 30], published)
                claims.append(
                    replace(
                        claims[-1],
                        state=code,
                        date=str(again.value) if again and again.value else None,
                        date_relative=bool(again and again.relative),
                        uncertain=list(claims[-1].uncertain),
                        anchors=_anchors(start, end, code, states, again, aligned),
                    )
                )
        if subjects:
            last_subjects = list(subjects)
            last_subordinate = subordinate
        if subjects and real_kind not in FIGURE_KINDS:
            ctx.subjects = tuple(subjects)
        if (
            action
            and real_kind not in FIGURE_KINDS
            and real_kind != "status"
            and modality != "negated"  # "which never ratified the pact" sets no topic
            and action not in ("signature", "never_party", "not_party", "party")
        ):
            ctx.action = action
            ctx.kind = real_kind
            ctx.kind_at = offset
        prev_end = end
    _carry(ctx, states, treaties, found)
    return claims


_NOW = re.compile(r"\b(?:now|today)\b", re.I)
#: Words that date a step from another ("a week later", "two days after"): not the
#: day of publication.
_COUNTED_FROM = re.compile(r"\b(?:later|earlier|ago|after|before|previously|since)\b", re.I)
#: A decision named as a thing already known ("Lithuania's decision to withdraw", "their
#: decision to exit") presupposes the intention rather than report it (claim_guidelines.md
#: C: optional); one announced, taken or made is reported.
_PRESUPPOSED = re.compile(
    r"(?<!announced )(?<!announces )(?<!made )(?<!took )(?<!taken )(?<!reached )"
    r"(?<!confirmed )(?<!adopted )(?:[’']s|\b(?:their|its|his|her))\s+(?:\w+\s+)?"
    r"(?:decision|move|plan|bid|intention)\s+to\b",
    re.I,
)
#: A clause whose subject is a count of states ("110 State Parties have ratified it").
_COUNT_SUBJECT = re.compile(
    # (a bare count: not "the three countries", which names states said before)
    r"(?<!the )(?<!these )(?<!those )(?<!all )\b(?:\d{2,}[\d,]*|dozens|hundreds|scores)\s+"
    r"(?:\w+\s+)?(?:states?|countries|nations|state parties|states parties|signatories|"
    r"members|governments)\b",
    re.I,
)
_PRESENT_VERB = re.compile(
    r"\b(?:supports|backs|approves|votes|passes|ratifies|adopts|endorses)\b", re.I
)
PRESENT_COPULA = re.compile(r"\s*(?:is|are|becomes)\b", re.I)
HEADLINE_PRESENT = re.compile(
    r"\b(?:withdraws|quits|leaves|exits|pulls out|ditches|abandons|scraps|drops|suspends|"
    r"denounces|renounces)\b",
    re.I,
)

#: Kinds that, with no date in their sentence, speak of the day of publication: a state of
#: affairs ("Russia is not a party") holds as of then, and an intention reported without a
#: date is the day's news (claim_guidelines.md, D3).
_AS_OF_PUBLICATION = frozenset({"status", "intent"})
#: Events that are the day's news when undated: told in the present perfect ("has signed a
#: law"), or in the headline or lede.
_NEWS_EVENTS = frozenset({"parliament_vote", "law_signed", "deposit", "effective"})
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|ne|gun|ft)\b|\bis officially\b"
)


def _claim_day(
    when: DateMention | None, kind: str, published: date | None, news: bool = False
) -> str | None:
    """The claim's date: its own; else, for a state of affairs, an intention or an event
    told as the day's news (``news``), the day of publication."""
    if when is not None:
        return str(when.value) if when.value else None
    if published is not None and (kind in _AS_OF_PUBLICATION or (news and kind in _NEWS_EVENTS)):
        return published.isoformat()
    return None


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def respectively(
    sentence: str, subjects: list[str], dates: list[DateMention], start: int
) -> dict[str, DateMention]:
    """With "respectively" after the trigger (starting at ``start``), the n dates between
    them go, in order, to the n states of the list; {} when the counts differ or there is
    no "respectively"."""
    word = _RESPECTIVELY.search(sentence, start)
    if word is None or len(subjects) < 2:
        return {}
    after = [d for d in dates if start <= d.start < word.start()]
    if len(after) != len(subjects):
        return {}
    if _NEW_CLAUSE.search(sentence, start, after[0].start):
        return {}  # "had notified ... but reversed their decision in February and March,
        # respectively": the dates are the later verb's
    return dict(zip(subjects, after, strict=True))


def _anchors(
    start: int,
    end: int,
    state: str | None,
    states: list[Mention],
    when: DateMention | None,
    low: str = "",
) -> dict[str, tuple[int, int]]:
    """Where the claim's trigger, state and date stand in its sentence (the state's
    mention nearest the trigger, one before it preferred)."""
    out = {"cue": (start, end)}
    named = [m for m in states if state is not None and state in m.codes]
    if named:
        before = [m for m in named if m.end <= start]
        m = before[-1] if before else min(named, key=lambda m: abs(m.start - start))
        out["state"] = (m.start, m.end)
    elif state is not None and low:
        # a parliament named for its state stands for it ("the Federation Council approved")
        folded = low.lower()
        low = folded if len(folded) == len(low) else low
        for name, code in PARLIAMENTS.items():
            at = low.find(name) if code == state else -1
            if at >= 0:
                out["state"] = (at, at + len(name))
                break
    if when is not None:
        out["date"] = (when.start, when.end)
    return out


def _carry(ctx: _Context, states: list[Mention], treaties: list[Mention], found: list[Any]) -> None:
    """What a sentence leaves for the next: the states it names without a claim (the
    subjects of a "they" to come), and the last treaty it names."""
    if states and not found:
        ctx.subjects = tuple(c for m in states for c in m.codes) or ctx.subjects
    named = [c for m in states for c in m.codes]
    if named:
        ctx.recent = tuple(dict.fromkeys([c for c in ctx.recent if c not in named] + named))
    for t in treaties:
        if t.kind == "treaty" and t.codes[0] not in ALLIANCES:
            ctx.treaty = t.codes[0]


#: A condition before a trigger in its clause ("even if" concedes, "as if" compares); read
#: on the lower-cased sentence, as is _SUBORDINATOR.
#: The step a rule waits for ("six months after Finland notifies the UN").
_AWAITED = re.compile(r"\b(?:after|once|when|until|before|upon)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
#: A sentence that opens with the step a later one waits for: procedure, not news.
_PROCEDURE = re.compile(r"\s*(?:once|when|after|as soon as|upon|until)\b", re.I)
#: A present or future verb in such an opening clause: the step is still to come.
_TO_COME = re.compile(
    r"\b(?:becomes|enters|takes|joins|ratifies|accedes|leaves|withdraws|is|are|will|"
    r"has been|have been)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(r"(?:if|unless)\b(?<!\bas if)(?<!\beven if)(?<![\w-]if)(?<![\w-]unless)")
_UNSIGN = re.compile(r"revok\w*\s+(?:its|the)\s+signature|unsign", re.I)
_ALLIES = re.compile(r"\b(?:NATO|allies|alliance|members|countries|states)\b")
_QUANTITY = re.compile(r"(?:(" + QUALIFIER + r")\s+)?(" + NUMBER + r")\b", re.I)


def _blanked(sentence: str, dates: list[DateMention], keep: DateMention | None) -> str:
    """``sentence`` with each date mention but ``keep`` replaced by spaces (same length)."""
    out = sentence
    for d in dates:
        if d is not keep and d.end <= len(out):
            out = out[: d.start] + " " * (d.end - d.start) + out[d.end :]
    return out


def _treaty_year(sentence: str, d: DateMention) -> bool:
    """A date that names a treaty or tells its own life, not a state's event: "the 1997
    Ottawa Convention", "the arms treaty which came into force in 1997"."""
    if _TREATY_LIFE.search(sentence, max(0, d.start - 60), d.start):
        return True
    return bool(
        len(d.text) == 4
        and d.text.isdigit()
        and _ARTICLE_BEFORE.search(sentence, max(0, d.start - 6), d.start)
        and _TREATY_AFTER.match(sentence, d.end)
    )


#: A treaty's own life told in a relative clause just before a date (claim_guidelines.md A2).
_TREATY_LIFE = re.compile(
    r"\b(?:treaty|convention|ban|accord|pact|agreement|protocol|statute)\b,?\s+(?:which|that)\s+"
    r"(?:first\s+)?(?:came|entered|went|opened|was\s+opened|was\s+adopted|was\s+concluded)"
    r"(?:\s+into\s+(?:force|effect))?(?:\s+for\s+signature)?\s+(?:in|on)\s+$",
    re.I,
)


_ARTICLE_BEFORE = re.compile(r"\b(?:the|its|a)\s+$", re.I)
_TREATY_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:treaty|convention|ban|accord|pact|agreement|protocol|statute)\b",
    re.I,
)


_AND = re.compile(r"\band\b")
_BOUGHT = re.compile(r"\b(?:bu[yi]|bought|purchas|acquir|procur)", re.I)
_IT_AFTER = re.compile(r"\s+(?:it|them)\b(?!\s+(?:to|in|into|on)\b)")
_SUBORDINATOR = re.compile(
    r"(?<![\w-])(?:a(?:fter|lthough|s)|be(?:cause|fore)|once|since|th(?:ough)|until|wh(?:en|ile))\b"
)


def _priority(kind: str) -> int:
    return PRIORITY.get(kind, 5)


ALLIANCES = ("nato", "eu")


def _treaty_near(
    treaties: list[Mention], pos: int, ctx: _Context, end: int = -1, back: bool = False
) -> str | None:
    """The treaty a claim is about: one named right after the trigger ("joined NATO in
    2023"), else the nearest non-alliance treaty named in the sentence, else the treaty
    the text was last (or mostly) about. Alliances named as descriptors ("NATO member
    Poland") do not capture the claim. ``back``: the trigger's object is a pronoun ("had
    left it"): the nearest treaty named before it, else the text's."""
    named = [t for t in treaties if t.kind == "treaty"]
    if back:
        before = [t for t in named if t.end <= pos and t.codes[0] not in ALLIANCES]
        return before[-1].codes[0] if before else ctx.treaty
    if end >= 0:
        within = [t for t in named if pos <= t.start and t.end <= end]  # "joined NATO in 2023"
        if within:
            # "became the first European Union member to leave the court": the alliance
            # describes; the treaty named after the verb is left.
            own = [t for t in within if t.codes[0] not in ALLIANCES]
            after = [
                t
                for t in treaties
                if end - 1 <= t.start <= end + 25 and t.kind in ("treaty", "treaty_anaphor")
            ]
            if own:
                return own[0].codes[0]
            if after and after[0].kind == "treaty" and after[0].codes[0] not in ALLIANCES:
                return after[0].codes[0]
            if after and after[0].kind == "treaty_anaphor" and ctx.treaty not in (None, *ALLIANCES):
                return ctx.treaty  # "... to leave the court"
            return within[0].codes[0]
        # An alliance right after the verb ("left the EU"), a treaty a little further on
        # ("withdrew last year from the Ottawa Convention"); an alliance further on is a
        # descriptor ("..., making it the first European Union member to").
        right_after = [
            t for t in named if end - 1 <= t.start <= end + (5 if t.codes[0] in ALLIANCES else 25)
        ]
        if right_after:
            return right_after[0].codes[0]
    treaties_only = [t for t in named if t.codes[0] not in ALLIANCES]
    if treaties_only:
        return min(treaties_only, key=lambda t: abs(t.start - pos)).codes[0]
    if ctx.treaty is None and named:  # an article about an alliance alone
        return min(named, key=lambda t: abs(t.start - pos)).codes[0]
    return ctx.treaty


def _gapped(
    sentence: str, first: DateMention, states: list[Mention], dates: list[DateMention]
) -> list[tuple[str, DateMention]]:
    """The further "and <state> in <date>" pairs right after a claim's date."""
    out: list[tuple[str, DateMention]] = []
    at = first.end
    while True:
        joint = _GAP_AND.match(sentence, at)
        if joint is None:
            return out
        state = next((s for s in states if s.start == joint.end()), None)
        if state is None or len(state.codes) != 1:
            return out
        prep = _GAP_PREP.match(sentence, state.end)
        when = prep and next((d for d in dates if d.start == prep.end()), None)
        if not when:
            return out
        out.append((state.codes[0], when))
        at = when.end


_GAP_AND = re.compile(r"\s*,?\s*(?:and|while)\s+(?:the\s+)?")
_GAP_PREP = re.compile(r"(?:'s|’s)?\s+(?:in|on)\s+")  # "and Poland's on 20 February"


def _date_for(
    dates: list[DateMention],
    start: int,
    end: int,
    kind: str,
    sentence: str = "",
    states: Sequence[Mention] = (),
) -> DateMention | None:
    """The date a claim speaks of: one inside its trigger, else just after, else just
    before -- but not one before it when the words after the trigger count on from that
    date ("the Federation Council approved it a week later") or the words between count
    back from it ("took effect on Saturday, six months after it notified the UN")."""
    if kind in _PLANS:
        # when it is to happen (claim_guidelines.md B): the target year after the figure ("2%
        # of its GDP on defense by 2026"), or a date just before the verb of the plan ("plans
        # to jointly with Finland in 2026 begin producing")
        after = [
            d
            for d in dates
            if d.start >= start
            and d.start - end < 80
            and d.value is not None
            and not _NEW_CLAUSE.search(sentence[end : d.start])
        ]
        before = [
            d
            for d in dates
            if d.end <= start
            and start - d.end < 40
            and d.value is not None
            and not _NEW_CLAUSE.search(sentence[d.end : start])
        ]
        nearest = after or before[::-1]
        return nearest[0] if nearest else None
    if kind in FIGURE_KINDS:
        return None
    dateline = _DATELINE.match(sentence)
    usable = [
        d
        for d in dates
        if (d.value is not None or d.relative)
        and not (
            dateline and d.end <= dateline.end()
        )  # "VILNIUS, March 7 (Wire) -": filed, not done
    ]
    after = [
        d
        for d in usable
        if d.start >= end - 5
        and d.start - end < 70
        and not _NEW_CLAUSE.search(sentence[end : d.start])  # "..., and in 2019 it ..."
        and not _SAID_ON.search(sentence[max(end, d.start - 25) : d.start])  # "said on Monday"
    ]
    inside = [d for d in usable if start <= d.start < end]
    before = []
    if not _LATER.match(sentence[end : end + 40]):
        before = [
            d
            for d in usable
            if d.end <= start
            # (the states of the subject do not count: "On March 18, the defence ministers
            # of Estonia, Latvia, Lithuania and Poland announced" dates all four)
            and start - d.end - sum(m.end - m.start for m in states if d.end <= m.start < start)
            < 60
            and not _OFFSET.search(sentence[d.end : start])
            # "... said on Friday that it had notified the UN": the saying's day (for an
            # intention, the day it was voiced is its day: "Ukraine said in June it would")
            and (kind == "intent" or not _SAID_ON.search(sentence[max(0, d.start - 25) : d.start]))
        ]
    for group in (inside, after, before[::-1]):
        if group:
            return group[0]
    # A date that opens the sentence, set off by a comma, dates its main clause ("In
    # March, the defence ministers of Lithuania, Latvia, Estonia and Poland issued a
    # statement urging ... to withdraw"; claim_guidelines.md D5).
    opening = [
        d
        for d in usable
        if d.start <= 4
        and d.end < start
        and sentence[d.end : d.end + 2].startswith(",")
        and not _OFFSET.search(sentence[d.end : start])
        and not re.search(r";|,\s*(?:but|while|whereas)\b", sentence[d.end + 1 : start])
    ]
    return opening[0] if opening else None


def _figure(
    kind: str, m: re.Match[str], sentence: str
) -> tuple[float | None, str | None, str | None]:
    if kind == "border_length":
        return parse_number(m.group("num")), "km", None
    if kind == "spending_target":
        return parse_number(m.group("num")), "percent", None
    if kind == "stockpile":
        body = m.group(0)
        for nm in _QUANTITY.finditer(body):
            value = parse_number(nm.group(2))
            if value is not None and (value >= 2 or nm.group(1)):
                return value, "mines", (nm.group(1).lower() if nm.group(1) else None)
    return None, None, None
