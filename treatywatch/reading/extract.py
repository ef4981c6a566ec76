"""Stage: the two passes that read a text's claims.

Pass 1 runs the word patterns (``claims.py``) sentence by sentence, with the discourse
(``discourse.py``) carried along, and keeps for each sentence what the parse-based readers
need of the discourse as it stood there. Pass 2 sends, in one batch, the sentences where a
reader of ``structure.py`` can add a state the patterns did not read to the parser, and
turns what those readers find into claims, dated as a pattern's would be. A claim made
twice (a headline and its body; two speakers) is kept once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from treatywatch.reading import structure
from treatywatch.reading.claims import (
    _PERFECT,
    _SIEVE,
    ALLIANCES,
    MAX_CANDIDATES,
    Claim,
    _anchors,
    _claim_day,
    _date_for,
    _dates_agree,
    _Found,
    _gist,
    _index_of,
    _Screened,
    _sentence_claims,
    _treaty_year,
    filing_prefix,
)
from treatywatch.reading.discourse import Context as _Context
from treatywatch.reading.gazetteer import Gazetteer, Mention
from treatywatch.reading.parse import parse_many
from treatywatch.reading.screen import spaced
from treatywatch.reading.subjects import first_pair
from treatywatch.reading.text import parse_number, sentences
from treatywatch.reading.triggers import CHAMBER, FOLDED, PARLIAMENTS
from treatywatch.reading.when import DateMention, find_dates, tensed

#: Sentences per text read from the parse by the structure readers (a real report has one
#: or two; the bound keeps reading linear and the parser's share of it small).
MAX_PARSED = 200


def extract(
    text: str, published: date | None, gaz: Gazetteer, notes: list[str] | None = None
) -> list[Claim]:
    """Every claim in ``text``, in order of appearance. A text with more than
    MAX_CANDIDATES trigger matches is read up to there, with a line in ``notes``."""
    doc = _Found(*gaz.mentions(text))
    ctx = _Context(budget=MAX_CANDIDATES)
    ctx.pair = first_pair(text, doc.states)
    every = [t.codes[0] for t in doc.treaties if t.kind == "treaty"]
    # The text's treaty: the one it names most (ties: the first named); an alliance only
    # when it names nothing else (otherwise "NATO member Poland" is a descriptor).
    named = [t for t in every if t not in ALLIANCES] or every
    ctx.treaty = max(dict.fromkeys(named), key=named.count) if named else None
    ctx.treaties_named = len({t for t in every if t not in ALLIANCES})
    out: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    alike: dict[tuple[object, ...], list[Claim]] = {}
    headline: set[int] = set()  # claims made in a headline (the first line, unpunctuated)
    spans = list(sentences(text))
    # (a curly apostrophe read as a straight one: "isn’t" is "isn't"; same length, same
    # offsets)
    parts = [text[s:e].lower().replace("’", "'") for s, e in spans]
    # Trigger patterns first, then date patterns, in order (screens read spaced text).
    passed = _SIEVE([spaced(p) for p in parts])
    found_in = doc.split(spans)
    # Pass 1: the trigger patterns, sentence by sentence, with the discourse carried along.
    # What each sentence's structure readers need from the discourse is kept with it.
    readings: list[_Reading] = []
    table: str | None = None  # the year of a table of defence spending being read
    for index, (s_start, s_end) in enumerate(spans):
        sentence = text[s_start:s_end]
        cut = bisect.bisect_left(passed[index], len(FOLDED), key=_index_of)
        screened = _Screened(
            parts[index],
            [FOLDED[i] for i, _ in passed[index][:cut]],
            [p for _, p in passed[index][cut:] if p is not None],
        )
        ctx.index = index
        filed = filing_prefix(sentence, s_start, found_in[index].states, gaz.own_names)
        for m in found_in[index].states:
            m.place = m.start < filed or _a_place(sentence, m, gaz.capitals)
        if ctx.budget <= 0:
            if notes is not None:
                notes.append(
                    f"read up to offset {s_start} only: the text holds more than "
                    f"{MAX_CANDIDATES} candidate claims"
                )
            break
        view = _View(ctx.treaty, tuple(ctx.subjects), index, ctx.treaties_named)
        made = [
            _as_standing(_chamber_step(c), published)
            for c in _sentence_claims(
                sentence, s_start, published, gaz, ctx, found_in[index], screened
            )
        ]
        table = _spending_table(parts[index], table)
        if table is not None and not made:
            made = _spending_row(sentence, s_start, found_in[index].states, table)
        readers = _readers(parts[index], found_in[index], made)
        readings.append(_Reading(sentence, s_start, index, made, view, readers))
    # Pass 2: the sentences where the parse can add what the patterns missed, parsed in one
    # batch (several times faster than one at a time), then read.
    wanted = [r for r in readings if r.readers]
    if len(wanted) > MAX_PARSED:
        # (a real report has a few such sentences; a hostile text of repeated ones would
        # make the parser, not the patterns, the cost of reading it)
        for r in wanted[MAX_PARSED:]:
            r.readers = []
        if notes is not None:
            notes.append(
                f"read from the parse up to {MAX_PARSED} sentences only: the text holds "
                f"{len(wanted)} that could hold claims the word patterns miss"
            )
    parse_many(r.sentence for r in readings if r.readers)
    for r in readings:
        here = found_in[r.index]
        made = r.made
        for reader in r.readers:
            made += reader(r.sentence, r.offset, published, r.view, here, made)
        for claim in made:
            _for_another_joining(claim, r.sentence, here.states)
            k = claim.key()
            if k in seen:
                continue
            seen.add(k)
            # The same assertion made earlier (a headline and its body; two phrasings).
            # A headline names no speaker; the body may: the same claim.
            earlier = alike.setdefault(_gist(claim), [])
            same = next(
                (
                    c
                    for c in earlier
                    # one event, one claim, whoever tells it (claim_guidelines.md E)
                    if _dates_agree(c, claim)
                ),
                None,
            )
            if same is not None:
                if (same.date is None or same.date_assumed) and not (
                    claim.date is None or claim.date_assumed
                ):
                    same.date, same.date_relative = claim.date, claim.date_relative
                    same.date_assumed = False
                if same.speaker is None and claim.speaker is not None:
                    same.speaker = claim.speaker
                continue
            earlier.append(claim)
            out.append(claim)
            if r.index == 0 and not r.sentence.rstrip().endswith((".", "!", "?", '"', "”")):
                headline.add(id(claim))
    return out


#: A table's header: "defence expenditures for 2024, as a percentage of their GDP:".
_TABLE_HEAD = re.compile(
    r"\b((?:19|20)\d\d)\b[^.]{0,80}\b(?:percentage|per ?cent|%)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:gdp|gross domestic product)[^.]{0,20}:\s*$"
    r"|\b(?:percentage|per ?cent|%)\s+of\s+(?:\w+\s+){0,2}?(?:gdp|gross domestic product)"
    r"[^.]{0,40}\b((?:19|20)\d\d)\b[^.]{0,20}:\s*$"
)
#: A row of such a table: "Poland: 4.12".
_TABLE_ROW = re.compile(r"\s*([A-Z][\w .'’-]{1,40}?)\s*:\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*%?\s*$")


def _spending_table(low: str, year: str | None) -> str | None:
    """The year of the spending table a sentence opens or continues (None: no table)."""
    head = _TABLE_HEAD.search(low)
    if head is not None:
        return head.group(1) or head.group(2)
    return year if _TABLE_ROW.match(low.title()) else None


def _spending_row(sentence: str, offset: int, states: list[Mention], year: str) -> list[Claim]:
    """A row of a table of defence spending as a share of GDP: the state's figure for the
    table's year ("Here are the NATO countries' defence expenditures for 2024, as a
    percentage of their GDP:" then "Poland: 4.12")."""
    row = _TABLE_ROW.match(sentence)
    if row is None:
        return []
    named = [m for m in states if m.start < row.end(1)]
    if len(named) != 1 or len(named[0].codes) != 1:
        return []
    value = parse_number(row.group(2).replace(",", "."))
    return [
        Claim(
            kind="spending_target",
            action=None,
            state=named[0].codes[0],
            treaty=None,
            date=year,
            value=value,
            unit="percent",
            evidence={"start": offset, "end": offset + len(sentence), "text": sentence},
            cue=sentence.strip(),
            anchors={"cue": (0, len(sentence)), "state": (named[0].start, named[0].end)},
        )
    ]


@dataclass
class _View:
    """What a sentence's structure readers need of the discourse as it stood there."""

    treaty: str | None  # the text's treaty before the sentence
    subjects: tuple[str, ...]  # the states the text spoke of before it
    index: int  # the sentence's place (0: the headline)
    treaties_named: int


@dataclass
class _Reading:
    """One sentence after the trigger patterns: its claims, and the structure readers that
    may add to them."""

    sentence: str
    offset: int
    index: int
    made: list[Claim]
    view: _View
    readers: list[Any]


def _readers(low: str, here: _Found, made: list[Claim]) -> list[Any]:
    """The structure readers worth running on a sentence: its words could hold what they
    read, and a state it names is not read yet for that kind of claim by the patterns."""
    # (a state named as a place, "talks in Moscow", acts in no claim)
    named = {c for m in here.states if not m.place for c in m.codes}

    def open_for(kinds: tuple[str, ...], dated: bool = False) -> bool:
        # (``dated``: a claim read without its date is still open, for the parse to date it)
        done = {c.state for c in made if c.kind in kinds and not (dated and c.date_assumed)}
        return bool(named - done)

    out: list[Any] = []
    if structure.worth_parsing(low, here.states) and open_for(("intent",)):
        out.append(_intentions)
    if structure.worth_parsing_consent(low, here.states, here.treaties) and (
        open_for(("signature", "deposit"), True)
        # "Ireland signed and ratified on the same day": a deposit read is no signature read
        or ("signed" in low and open_for(("signature",)))
    ):
        out.append(_consents)
    if structure.worth_parsing_instrument(low, here.states) and open_for(("deposit",), True):
        out.append(_instruments)
    if structure.worth_parsing_vote(low) and (
        not any(c.kind == "parliament_vote" for c in made) or low.count(" and by ") > 0
    ):
        out.append(_votes)
    # (a state's standing in several treaties of one phrase: each pair is its own claim)
    treaties = {t.codes[0] for t in here.treaties if t.kind == "treaty"}
    said = {(c.state, c.treaty) for c in made if c.kind == "status"}
    pairs = {(s, t) for s in named for t in treaties}
    if structure.worth_parsing_status(low, here.states, here.treaties) and (
        open_for(("status",)) or (len(treaties) > 1 and bool(pairs - said))
    ):
        out.append(_standings)
    return out


def _parse_date(
    sentence: str,
    dates: list[DateMention],
    holds: tuple[int, ...],
    cue: tuple[int, int],
    kind: str,
    states: list[Mention],
    published: date | None,
) -> tuple[list[DateMention], DateMention | None]:
    """The dates the parse hangs on a reading's words, and the reading's date: the first of
    those, else the one a pattern's claim would take; a guessed year follows the tense."""
    attached = [d for d in dates if structure.dated_by(sentence, (d.start, d.end), holds)]
    chosen = attached[0] if attached else _date_for(dates, cue[0], cue[1], kind, sentence, states)
    return attached, tensed(chosen, sentence, published)


def _parsed_claim(
    kind: str,
    action: str | None,
    state: str,
    treaty: str | None,
    day: str | None,
    when: DateMention | None,
    where: tuple[str, int, tuple[int, int], list[Mention]],
    doubts: list[str],
    *,
    relative: bool = False,
    words: tuple[int, int] | None = None,
    modality: str = "asserted",
) -> Claim:
    """A claim read from the parse, in the form a pattern's takes: ``where`` is the
    sentence, its offset, the words that made the claim and the sentence's states;
    ``relative``: dated by publication as a state of affairs or an intention is; ``words``:
    the claim's words when they run past its cue ("announced ... to withdraw")."""
    sentence, offset, cue, states = where
    shown = words or cue
    return Claim(
        kind=kind,
        action=action,
        state=state,
        treaty=treaty,
        modality=modality,
        date=day,
        date_assumed=when is None,
        date_relative=bool(when and when.relative) or relative,
        evidence={"start": offset, "end": offset + len(sentence), "text": sentence},
        cue=sentence[shown[0] : shown[1]],
        uncertain=list(doubts),
        anchors=_anchors(cue[0], cue[1], state, states, when),
    )


def _ranked_treaties(found_in: _Found, span: tuple[int, int] | None = None) -> list[Mention]:
    """The treaties a parse reading may be about, best first: those named inside its own
    phrase (``span``), else the sentence's treaties (an alliance last: "NATO member Poland"
    describes)."""
    named = [t for t in found_in.treaties if t.kind == "treaty"]
    inner = [t for t in named if span and span[0] <= t.start < span[1]]
    return inner or [t for t in named if t.codes[0] not in ALLIANCES] or named


def _doubts_of(ranked: list[Mention]) -> list[str]:
    """A reading whose treaty the sentence does not name may not accuse."""
    return [] if ranked else [_FROM_EARLIER_TREATY]


def _intentions(
    sentence: str,
    offset: int,
    published: date | None,
    ctx: _View,
    found_in: _Found,
    made: list[Claim],
) -> list[Claim]:
    """The intentions the sentence's parse shows (``structure.py``) that its trigger
    patterns did not read: each state's, dated as a trigger's would be."""
    states = _actors(sentence, found_in)
    named = [t for t in found_in.treaties if t.kind == "treaty"]
    dates = [d for d in find_dates(sentence, published) if not _treaty_year(sentence, d)]
    read = {(c.state, c.treaty, c.action) for c in made if c.kind == "intent"}
    out: list[Claim] = []
    for found in structure.intentions(sentence, states):
        inner = [
            t
            for t in named
            if found.treaty_span and found.treaty_span[0] <= t.start < found.treaty_span[1]
        ]
        after = [t for t in named if t.start >= found.event[0]]
        ranked = inner or after or named
        pick = ranked[0] if ranked else None
        treaty = pick.codes[0] if pick is not None else ctx.treaty
        if found.action == "accession" and pick is None and treaty not in ALLIANCES:
            continue  # "joined them": no treaty named to join
        doubts: list[str] = [] if pick is not None else [_FROM_EARLIER_TREATY]
        _, when = _parse_date(sentence, dates, found.holds, found.cue, "intent", states, published)
        for state in found.states:
            if (state, treaty, found.action) in read:
                continue
            out.append(
                _parsed_claim(
                    "intent",
                    found.action,
                    state,
                    treaty,
                    _claim_day(when, "intent", published),
                    when,
                    (sentence, offset, found.cue, states),
                    doubts,
                    relative=when is None,
                    words=(found.cue[0], found.event[1]) if found.cue[0] < found.event[0] else None,
                )
            )
    return out


#: Consent that a negated event denies: the state is not a party (claim_guidelines.md A3).
#: Not a signature: "Finland never signed the Ottawa treaty" is true of a state that acceded
#: without signing, and says nothing of whether it is a party.
_CONSENT_ACTIONS = frozenset({"ratification", "accession"})
_NEVER = re.compile(r"\bnever\b", re.I)
_DENIED = re.compile(r"\b(?:never|not|n't|yet to)\b", re.I)


#: A chamber right before a consent verb: "Armenian parliament ratifies Rome Statute".
_CHAMBER_BEFORE = re.compile(rf"\b(?:{CHAMBER}|majlis)\b[^,.;:]{{0,25}}$", re.I)


_TEMPORARILY = re.compile(r"\btemporar(?:il)?y\b", re.I)


#: Another state's joining named after it: "Sweden's bid", "Finland's NATO membership".
_ITS_JOINING = re.compile(
    r"(?:'s|’s)\s+(?:nato\s+|eu\s+)?(?:bid|membership|accession|application|entry)\b", re.I
)
_LET_JOIN = re.compile(r"\b(?:allow|allowing|let|letting|enable|for)\s+$", re.I)


def _for_another_joining(claim: Claim, sentence: str, states: list[Mention]) -> None:
    """A member's vote, law or instrument on another state's joining an alliance ("Turkey's
    parliament approved a bill to allow Finland to join NATO", "voted to ratify Sweden's bid
    to join"): a ratification whose counterpart is the joining state."""
    if claim.treaty not in ALLIANCES or claim.counterpart is not None:
        return
    if claim.kind not in ("parliament_vote", "deposit", "law_signed"):
        return
    cue_end = claim.anchors.get("cue", (0, 0))[1]
    for m in states:
        code = m.codes[0]
        if code == claim.state or not 0 <= m.start - cue_end <= 60:
            continue  # (the joining named right after the vote or the law, not elsewhere)
        after = sentence[m.end : m.end + 40]
        if _ITS_JOINING.match(after) or (
            _LET_JOIN.search(sentence, max(0, m.start - 12), m.start)
            and re.match(r"\s+to\s+join\b", after)
        ):
            claim.counterpart = code
            if claim.action in (None, "accession"):
                claim.action = "ratification"
            return


def _chamber_step(claim: Claim) -> Claim:
    """A chamber as the subject of "ratifies" or "approves accession" votes; it deposits
    nothing ("Kazakh Parliament Ratifies Nuclear Weapon Ban Treaty": the state's instrument
    came months later)."""
    text = str(claim.evidence.get("text", ""))
    a = claim.anchors.get("cue", (0, 0))[0]
    if claim.action == "withdrawal" and _TEMPORARILY.search(text, max(0, a - 20), a + 40):
        claim.action = "suspension"  # "Russia temporarily withdrew from the treaty in 2007"
    if claim.kind != "deposit" or claim.action not in ("ratification", "accession", "withdrawal"):
        return claim
    if (
        _CHAMBER_BEFORE.search(text, max(0, a - 60), a) is not None
        # "ratified by Parliament in July 2025": the chamber as the passive's agent
        or _BY_CHAMBER.match(text, a) is not None
    ):
        claim.kind = "parliament_vote"
    return claim


_BY_CHAMBER = re.compile(
    rf"\w+\s+(?:only\s+)?by\s+(?:the\s+|its\s+|their\s+|\w+(?:'s|’s)\s+)?(?:{CHAMBER}|majlis)\b",
    re.I,
)


def _as_standing(claim: Claim, published: date | None) -> Claim:
    """A negated consent ("the U.S. Senate never ratified it", "have not joined the
    convention") states who is not a party: a ``status`` claim as of publication ("never
    joined": ``never_party``). Other negated events, a negated signature among them, stay as
    they are."""
    text = str(claim.evidence.get("text", ""))
    a, b = claim.anchors.get("cue", (0, 0))
    if (
        claim.modality != "negated"
        or claim.kind not in ("deposit", "signature", "parliament_vote", "effective")
        or claim.action not in _CONSENT_ACTIONS
        # a chamber that voted ratification down took a step: the vote is the event
        or (claim.kind == "parliament_vote" and not _DENIED.search(text, max(0, a - 20), b))
    ):
        return claim
    never = claim.action == "accession" and _NEVER.search(text, max(0, a - 20), b)
    claim.kind, claim.action = "status", "never_party" if never else "not_party"
    claim.modality = "negated" if never else "asserted"
    # a state of affairs holds as of publication ("signed in 2013, but the Senate never
    # ratified it": 2013 is the signature's)
    claim.date = published.isoformat() if published else None
    claim.date_assumed = claim.date_relative = True
    claim.anchors.pop("date", None)
    return claim


_LOCATIVE = re.compile(r"\b(?:in|at|from|near|outside|to|into|via)\s+$", re.I)


def _a_place(sentence: str, m: Mention, capitals: frozenset[str]) -> bool:
    """A capital after a preposition of place is where something happened, not who did it
    ("at midnight in Brussels, the United Kingdom left"; "talks in Moscow")."""
    return (
        m.text in capitals and _LOCATIVE.search(sentence, max(0, m.start - 10), m.start) is not None
    )


def _actors(sentence: str, found_in: _Found) -> list[Mention]:
    """The states a sentence names that can act: not inside a treaty's name ("the Treaty of
    Rarotonga"), not in a wire prefix or dateline ("Brussels, Belgium - Finland is ...")."""
    named = [t for t in found_in.treaties if t.kind == "treaty"]
    return [
        m
        for m in found_in.states
        if not m.place and not any(t.start <= m.start < t.end for t in named)
    ]


#: Why a claim read from the parse may not accuse: its treaty is a pronoun's ("It was
#: signed only by Russia, ...": which treaty "it" is, the parse cannot say).
_FROM_EARLIER_TREATY = "the sentence names no treaty (taken from earlier text)"


def _redate(
    made: list[Claim],
    kind: str,
    state: str,
    treaty: str,
    attached: list[DateMention],
    when: DateMention | None,
    published: date | None,
) -> None:
    """A claim the patterns read without its date ("presented the instrument of withdrawal
    from the Ottawa ... Convention on 10 July 2025": the date too far for the window) takes
    the date the parse hangs on the same verb."""
    if not attached or when is None or when.value is None:
        return
    for c in made:
        if (c.kind, c.state, c.treaty) == (kind, state, treaty) and c.date_assumed:
            c.date, c.date_assumed = str(when.value), False
            c.date_relative = when.relative
            c.anchors["date"] = (when.start, when.end)


def _instruments(
    sentence: str,
    offset: int,
    published: date | None,
    ctx: _View,
    found_in: _Found,
    made: list[Claim],
) -> list[Claim]:
    """The instruments deposited that the sentence's parse shows (``structure.py``) and its
    trigger patterns did not read."""
    states = _actors(sentence, found_in)
    ranked = _ranked_treaties(found_in)
    treaty = ranked[0].codes[0] if ranked else ctx.treaty
    if treaty is None:
        return []
    dates = [d for d in find_dates(sentence, published) if not _treaty_year(sentence, d)]
    read = {(c.state, c.treaty) for c in made if c.kind == "deposit"}
    out: list[Claim] = []
    for found in structure.instruments(sentence, states):
        attached, when = _parse_date(
            sentence, dates, found.holds, found.cue, "deposit", states, published
        )
        news = ctx.index <= 1 or _PERFECT.search(sentence) is not None
        for state in found.states:
            if (state, treaty) in read:
                _redate(made, "deposit", state, treaty, attached, when, published)
                continue
            out.append(
                _parsed_claim(
                    "deposit",
                    found.action,
                    state,
                    treaty,
                    _claim_day(when, "deposit", published, news),
                    when,
                    (sentence, offset, found.cue, states),
                    _doubts_of(ranked),
                )
            )
            read.add((state, treaty))
    return out


def _consents(
    sentence: str,
    offset: int,
    published: date | None,
    ctx: _View,
    found_in: _Found,
    made: list[Claim],
) -> list[Claim]:
    """The signatures and instruments the sentence's parse shows (``structure.py``) that
    its trigger patterns did not read, dated as a trigger's would be."""
    states = _actors(sentence, found_in)
    dates = [d for d in find_dates(sentence, published) if not _treaty_year(sentence, d)]
    read = {(c.kind, c.state, c.treaty) for c in made}
    out: list[Claim] = []
    for found in structure.consents(sentence, states):
        span = found.treaty_span
        ranked = _ranked_treaties(found_in, span)
        treaty = ranked[0].codes[0] if ranked else ctx.treaty
        if treaty is None or treaty in ALLIANCES:
            continue
        doubts = _doubts_of(ranked)
        attached, when = _parse_date(
            sentence, dates, found.holds, found.cue, found.kind, states, published
        )
        news = ctx.index <= 1 or _PERFECT.search(sentence) is not None
        for state in found.states:
            if (found.kind, state, treaty) in read:
                _redate(made, found.kind, state, treaty, attached, when, published)
                continue
            out.append(
                _parsed_claim(
                    found.kind,
                    found.action,
                    state,
                    treaty,
                    _claim_day(when, found.kind, published, news),
                    when,
                    (sentence, offset, found.cue, states),
                    doubts,
                )
            )
            read.add((found.kind, state, treaty))
    return out


def _votes(
    sentence: str,
    offset: int,
    published: date | None,
    ctx: _View,
    found_in: _Found,
    made: list[Claim],
) -> list[Claim]:
    """The chambers' votes the sentence's parse shows (``structure.py``) that its trigger
    patterns did not read: each chamber's state (its own name, a state in its phrase, the
    one state the sentence names), and each its date."""
    states = _actors(sentence, found_in)
    ranked = _ranked_treaties(found_in)
    treaty = ranked[0].codes[0] if ranked else ctx.treaty
    if treaty is None:
        return []
    dates = [d for d in find_dates(sentence, published) if not _treaty_year(sentence, d)]
    read = {(c.state, c.treaty, c.date) for c in made if c.kind == "parliament_vote"}
    voted = {(c.state, c.treaty) for c in made if c.kind == "parliament_vote"}
    in_sentence = list(dict.fromkeys(c for m in states for c in m.codes))
    out: list[Claim] = []
    for vote in structure.votes(sentence, states):
        chamber = sentence[vote.chamber[0] : vote.chamber[1]].lower()
        words = sentence.lower()
        own = [code for name, code in PARLIAMENTS.items() if name in chamber]
        by_name = [code for name, code in PARLIAMENTS.items() if name in words]
        codes = (
            # a state named in the chamber's phrase wins over the chamber's own name ("the
            # Latvian Sejm": the writer's slip for the Saeima, not Poland's vote)
            vote.states[:1]
            or own[:1]
            or (in_sentence if len(in_sentence) == 1 else [])
            or by_name[:1]
            or (list(ctx.subjects) if len(ctx.subjects) == 1 and not in_sentence else [])
        )
        if not codes:
            continue
        when: DateMention | None = None
        if vote.date is not None:
            a, b = vote.date
            inside = [d for d in dates if a <= d.start < b]
            # "on Thursday, December 12, 2025": the written date over the weekday
            when = next((d for d in inside if not d.relative), inside[0] if inside else None)
        if when is None and vote.date is None:
            when = _date_for(dates, vote.cue[0], vote.cue[1], "parliament_vote", sentence, states)
        when = tensed(when, sentence, published)
        # undated, the day's news when told in the headline or lede or a present perfect
        news = ctx.index <= 1 or _PERFECT.search(sentence) is not None
        day = _claim_day(when, "parliament_vote", published, news)
        state = codes[0]
        if (state, treaty, day) in read or (when is None and (state, treaty) in voted):
            continue
        out.append(
            _parsed_claim(
                "parliament_vote",
                vote.action,
                state,
                treaty,
                day,
                when,
                (sentence, offset, vote.cue, states),
                _doubts_of(ranked)
                + (
                    ["a headline's present gives no day of its own"]
                    if ctx.index == 0 and when is None
                    else []
                ),
            )
        )
        read.add((state, treaty, day))
    return out


def _standings(
    sentence: str,
    offset: int,
    published: date | None,
    ctx: _View,
    found_in: _Found,
    made: list[Claim],
) -> list[Claim]:
    """The states of affairs the sentence's parse shows (``structure.py``) that its trigger
    patterns did not read, each as of publication."""
    states = _actors(sentence, found_in)
    named = [t for t in found_in.treaties if t.kind == "treaty"]
    # a negated event the patterns read ("have not signed") is the same state of affairs,
    # and "is the 31st member" the day it joined
    read = {
        (c.state, c.treaty)
        for c in made
        if c.kind in ("status", "effective") or c.modality == "negated"
    }
    out: list[Claim] = []
    for found in structure.standings(sentence, states, found_in.treaties):
        span = found.treaty_span
        inner = [t for t in named if span and span[0] <= t.start < span[1]]
        ranked = _ranked_treaties(found_in, span)
        # "party to the CCW and its Amended Protocol II ..., and Protocol V": each treaty
        # of the phrase; else the one the sentence or the text names
        chosen = list(dict.fromkeys(t.codes[0] for t in inner)) or (
            [ranked[0].codes[0]] if ranked else [ctx.treaty] if ctx.treaty else []
        )
        doubts = _doubts_of(ranked)
        for state, treaty in ((s, t) for t in chosen for s in found.states):
            if (state, treaty) in read:
                continue
            out.append(
                _parsed_claim(
                    "status",
                    found.action,
                    state,
                    treaty,
                    _claim_day(None, "status", published),
                    None,
                    (sentence, offset, found.cue, states),
                    doubts,
                    relative=True,
                    modality="negated" if found.action == "never_party" else "asserted",
                )
            )
    return out
