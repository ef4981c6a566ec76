"""Who a claim is about: subjects of a clause, anaphora, lists, per-state dates."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from treatywatch.reading.gazetteer import Mention
from treatywatch.reading.triggers import PARLIAMENTS
from treatywatch.reading.when import DateMention

if TYPE_CHECKING:
    from treatywatch.reading.discourse import Context as _Context


_COMMA = re.compile(r",\s*")
_AND = re.compile(r"\s+and\s+")
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_ITS_STEP = re.compile(
    r"\b(?:the|its|their|this|that|the country's)\s+(?:\w+\s+)?(?:withdrawal|exit|"
    r"departure|denunciation|notice|notification|decision|move|instrument|law|bill|"
    r"ratification|accession|obligations|suspension|parliament|president|"
    r"government|lawmakers|cabinet)\b|\b(?:it|they)\s+\w+",
    re.I,
)
_TWO = re.compile(r"\b(?:two|both)\b", re.I)


def first_pair(text: str, states: list[Mention]) -> tuple[str, ...]:
    """The first "A and B" in the text (not the tail of a longer list), for a "both
    countries" that comes before any state is named."""
    for i, (a, b) in enumerate(itertools.pairwise(states)):
        listed = i > 0 and _COMMA.fullmatch(text, states[i - 1].end, a.start)
        if (
            _AND.fullmatch(text, a.end, b.start)
            and not listed
            and len(a.codes) == len(b.codes) == 1
        ):
            return (a.codes[0], b.codes[0])
    return ()


_CLAUSE_BREAK = re.compile(r";|, which|, who|, while|, whereas|, but\b| but\b")


def clause_start_of(sentence: str, trigger: int, prev_end: int) -> int:
    """Where the clause holding the trigger begins: after the previous trigger, or after a
    ', which' / ';' / ' and ' that starts a new clause with its own subject. A relative
    clause closed before the trigger ("Finland, which borders Russia, joined") is an aside
    in the trigger's clause, not its start."""
    cut = prev_end
    for m in _CLAUSE_BREAK.finditer(sentence, 0, trigger):
        if m.end() > cut and not (
            m.group().endswith(("which", "who")) and _CLOSES.search(sentence, m.end(), trigger)
        ):
            cut = m.end()
    return cut


#: The comma that closes a relative clause (not one between a number's digits).
_CLOSES = re.compile(r"(?<!\d),|,(?!\d)")


def asides(sentence: str, before: int) -> list[tuple[int, int]]:
    """The relative clauses closed before ``before`` (", which ... ,"): what they name is
    not the subject of the verb after them."""
    out: list[tuple[int, int]] = []
    if "wh" not in sentence:  # no "which", no "who"
        return out
    for m in _RELATIVE.finditer(sentence, 0, before):
        close = _CLOSES.search(sentence, m.end(), before)
        if close is not None:
            out.append((m.start(), close.end()))
    return out


_RELATIVE = re.compile(r",\s+(?:which|who)\b")


def _open_relative(sentence: str, before: int) -> int | None:
    """Where the relative clause that holds ``before`` begins (its comma), when one opened
    before it is not closed by then."""
    last = None
    if "wh" not in sentence:
        return None
    for m in _RELATIVE.finditer(sentence, 0, before):
        last = m
    if last is None or _CLOSES.search(sentence, last.end(), before):
        return None
    return last.start()


#: A status trigger whose states follow it ("ratified by", "including", "non-member").
_LISTED_AFTER = re.compile(
    r"(?:\bby|\bincluding|\binclude|\bincludes|\bincluded|"
    r"\bsuch as|\bamong them|\bnamely|\bare|non-members?|^\s*(?:neither|nor)\s+is|"
    r",\s+joining)$",
    re.I,
)
#: What may stand between two states of a list after a trigger.
_AFTER_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+)(?:the\s+)?"
    # (a name in the list that is no state of the record, or an ambiguous one: "Congo")
    r"|\s*,\s*(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s*,\s*){1,2}(?:and\s+)?(?:the\s+)?"
)


def listed_after(sentence: str, states: list[Mention], end: int) -> list[str]:
    """The states of the list that starts right after ``end`` ("... by China, India and
    Iran"): the first within a few words, then each joined to the last by a list gap."""
    after = sorted((s for s in states if s.start >= end), key=lambda s: s.start)
    if not after or not re.fullmatch(r"\s*(?:the\s+)?", sentence[end : after[0].start], re.I):
        return []
    out = [after[0]]
    for s in after[1:]:
        if not _AFTER_GAP.fullmatch(sentence[out[-1].end : s.start]):
            break
        out.append(s)
    return [c for s in out for c in s.codes]


def subjects_of(
    kind: str,
    sentence: str,
    states: list[Mention],
    anaphora: list[Mention],
    clause_start: int,
    start: int,
    end: int,
    m: re.Match[str],
    ctx: _Context,
    after_verb: bool = False,
) -> tuple[list[str], str | None]:
    """The states a trigger's claim is about, and the other state of a border.
    ``after_verb``: the clause begins where the sentence's previous trigger ends."""
    counterpart: str | None = None
    if kind == "border_length":
        after = [s for s in states if s.start >= m.start() and s.start - m.end() < 40]
        before = [
            s
            for s in states
            if s.start < m.start()
            and not _WITH_BEFORE.search(sentence[max(0, s.start - 6) : s.start])
        ]
        if after:
            counterpart = after[0].codes[0]
            subj = [c for s in before[:1] for c in s.codes if c != counterpart]
        else:  # "its border with Russia, at 1,340 kilometers"
            inner = [s for s in states if m.start() <= s.start < m.end()]
            counterpart = inner[0].codes[0] if inner else None
            subj = [c for s in before if s.start < m.start() for c in s.codes if c != counterpart][
                -1:
            ]
        if not subj and ctx.subjects and len(ctx.subjects) == 1:
            subj = list(ctx.subjects)
        return subj, counterpart
    if kind == "transfer_plan":
        tail = sentence[m.end() : m.end() + 40]
        for s in states:
            if s.start >= m.end() - 1 and sentence[m.end() - 1 : s.start].strip() in ("", "to"):
                counterpart = s.codes[0]
        if counterpart is None:
            for s in states:
                if s.start >= m.end() - 3 and s.start - m.end() < len(tail):
                    counterpart = s.codes[0]
                    break
    if m.group(0).rstrip().endswith((":", "-", "–", "—", "into force for")) or (
        kind in ("status", "deposit", "signature") and _LISTED_AFTER.search(m.group(0).rstrip())
    ):
        listed = listed_after(sentence, states, end)
        if listed or kind != "status":  # ("ratified by their parliaments": no list, no claim)
            return listed, None
    if kind == "deposit" and "notices from" in m.group(0).lower():
        listed = [c for s in states if s.start >= end for c in s.codes]
        if listed:
            return listed, None
    in_clause = [s for s in states if clause_start <= s.start < start]
    if (kind == "law_signed" or m.group(0).lower().startswith("neither")) and not in_clause:
        # "President X signed ...", "Neither Russia nor Ukraine has joined": named within.
        in_clause = [s for s in states if start <= s.start < end]
    if kind == "parliament_vote" and not in_clause:
        in_clause = [s for s in states if start <= s.start < end + 40]
        anaph_in = [a for a in anaphora if start <= a.start < end and a.plural]
        if not in_clause and anaph_in and ctx.subjects:
            return list(ctx.subjects), None
    aside = asides(sentence, start)
    in_clause = [
        s
        for s in in_clause
        if not is_object(sentence, s) and not any(a <= s.start < b for a, b in aside)
    ]
    codes = [c for s in in_clause for c in s.codes if c != counterpart]
    if kind in ("parliament_vote",):
        # The parliaments the trigger names, in order ("Latvia's Saeima and Lithuania's
        # Seimas passed"): each its state's vote; one named overrules the clause's states.
        named = sorted(
            (found.start(), code)
            for rx, code in _PARLIAMENT_NAMES
            if (found := rx.search(m.group(0))) is not None
        )
        parliaments = list(dict.fromkeys(code for _, code in named))
        # (a state the text names for the chamber wins over the chamber's own name: "the
        # Latvian Sejm" is the writer's slip for the Saeima, not Poland's vote)
        if (len(parliaments) > 1 or (parliaments and parliaments[0] not in codes)) and not (
            codes and not set(codes) & set(parliaments)
        ):
            codes = parliaments
    if not codes:
        # ("had left it, and suspended ...": the "it" right after a verb is its object.)
        anaph = [
            a
            for a in anaphora
            if clause_start <= a.start < start
            and not (
                after_verb
                and a.text.lower() in ("it", "them")
                and not sentence[clause_start : a.start].strip()
            )
        ]
        before_clause = [s for s in states if s.end <= clause_start]
        closed = _CLOSED_RELATIVE.search(sentence[:start])
        held = [s for s in states if closed and s.end <= closed.start()]
        relative = _open_relative(sentence, start)
        before_relative = [s for s in states if relative is not None and s.end <= relative]
        if (
            sentence[max(0, clause_start - 8) : clause_start].rstrip().endswith(("which", "who"))
            and before_clause
        ):
            # "Estonia, Latvia and Lithuania, whose withdrawals took effect": the list.
            codes = [c for s in _list_ending(sentence, before_clause) for c in s.codes]
        elif before_relative:
            # "the United States, which signed but never ratified the pact": still the clause.
            codes = [c for s in _list_ending(sentence, before_relative) for c in s.codes]
        elif closed and held and not sentence[held[-1].end : closed.start()].strip():
            # "Ukraine, which announced ..., remains bound": the state before the clause.
            codes = [c for s in _list_ending(sentence, held) for c in s.codes]
        elif anaph and (count := _COUNTED.search(anaph[-1].text)) is not None:
            # "all three governments": the last three states named.
            codes = _last_named(ctx.recent, states, anaph[-1].start, _COUNTS[count.group().lower()])
        elif anaph and ctx.subjects and (len(ctx.subjects) > 1 or not anaph[-1].plural):
            # ("they" needs more than one state to point back to)
            codes = list(ctx.subjects) if anaph[-1].plural else list(ctx.subjects[-1:])
        elif (
            ctx.subjects
            and kind
            in (
                "effective",
                "deposit",
                "parliament_vote",
                "law_signed",
                "intent",
                "join_effective",
                "status",
            )
            and (step := _ITS_STEP.search(sentence[clause_start:end]))
            and not states
            # ("they would suspend" cannot point back to one state)
            and (len(ctx.subjects) > 1 or not step.group().lower().startswith("they"))
        ):
            codes = list(ctx.subjects)
        elif anaph and anaph[-1].plural and ctx.pair:
            two = _TWO.search(anaph[-1].text) or anaph[-1].text.lower() == "they"
            codes = list(ctx.pair) if two else []
        elif (
            kind
            in (
                "effective",
                "signature",
                "status",
                "deposit",
                "intent",
                "join_effective",
                "law_signed",
                "parliament_vote",
                "production_plan",
            )
            and not in_clause
        ):
            after = [s for s in states if end <= s.start and not is_object(sentence, s)]
            if after and kind in ("effective", "status", "signature", "join_effective"):
                codes = [c for c in after[0].codes]
            elif (
                ctx.subjects
                and kind in ("deposit", "law_signed", "parliament_vote")
                and not states
                and not _OTHER_ACTOR.search(sentence[clause_start:start].strip())
            ):
                codes = list(ctx.subjects)
    seen: list[str] = []
    for c in codes:
        if c not in seen:
            seen.append(c)
    return seen, counterpart


#: Words before a trigger that name an actor other than the state the text is about ("13
#: States have signed but not yet ratified", "President Gustavo Zlauvinen told ..."): a
#: number, a name, or a plural of states; then the step is not the text's state's.
_OTHER_ACTOR = re.compile(
    r"\d|(?<!^)(?<![.!?:] )\b(?!(?:None|No|Neither|Not|It|They|The|But|And|Then|However)\b)"
    r"[A-Z][a-z]+|\b(?:states|countries|nations|parties|members)\b"
)

#: A relative clause closed before a trigger: ", which announced ... treaty, <trigger>".
#: (A comma between digits is a number's: "which shares a 1,340-kilometre border".)
_CLOSED_RELATIVE = re.compile(r",\s+(?:which|who)\b(?:[^,;]|(?<=\d),(?=\d))*,\s*(?:\w+\s+){0,4}$")
_LIST_GAP = re.compile(r",\s*|\s+and\s+|,\s+and\s+")


def _list_ending(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The run of states listed together ("A, B and C") that ends with the last mention."""
    run = [mentions[-1]]
    for prev in reversed(mentions[:-1]):
        if not _LIST_GAP.fullmatch(sentence[prev.end : run[0].start]):
            break
        run.insert(0, prev)
    return run


def is_object(sentence: str, mention: Mention) -> bool:
    """A state named as the object of a preposition is not the subject ("threat from
    Russia", "support Ukraine", "Russia's aggression")."""
    if mention.place:  # "at midnight in Brussels": where, not who
        return True
    before = sentence[max(0, mention.start - 25) : mention.start].lower()
    after = sentence[mention.end : mention.end + 3]
    if _ACTOR_OF.search(before):  # "the defence ministers of Poland": Poland acts
        return False
    if _WITH_ACTOR.search(before):  # "Poland, along with the Baltic states, announced"
        return False
    if _GOVERNED.search(before):
        return True
    return after.startswith(("'s", "’s")) and not _POSSESSOR.match(
        sentence[mention.end + 2 : mention.end + 40]
    )


#: Words before a state that make it an object ("from Russia"), on lower-cased text.
_GOVERNED = re.compile(
    r"\b(?:from|against|with|by|to|on|of|support|supporting|arm|aid|help|accusing|citing|"
    r"blaming|near|along|across|attacking|neighbou?r|neighbou?ring|bordering|border|than|"
    r"including|like|for|toward|towards|about|over|into|invaded|invasion of)\s+(?:the\s+)?$"
)
#: Words that join a state to the actor ("along with", "together with"), set off by a comma:
#: the state acts too.
_WITH_ACTOR = re.compile(
    r",\s+(?:along|together|jointly)\s+with\s+(?:the\s+)?$|,\s+alongside\s+(?:the\s+)?$"
)
#: "<office> of <state>": the state is the actor, not an object.
_ACTOR_OF = re.compile(
    r"\b(?:ministers?|governments?|leaders?|presidents?|parliaments?|officials?|cabinets?|"
    r"delegations?|representatives?|republic|kingdom|principality|sultanate|state|"
    r"federation|commonwealth|permanent mission)\s+of\s+(?:the\s+)?$"
)
#: What may follow "Russia's" with Russia still the actor ("Russia's parliament").
_POSSESSOR = re.compile(
    r"\s*(?:(?:new|former|current|interim|then)\s+)?"
    r"(?:parliament|government|president|prime minister|(?:deputy |vice[ -])?(?:foreign |"
    r"defen[cs]e )?minist\w+|cabinet|decision|withdrawal|exit|seimas|saeima|riigikogu|"
    r"eduskunta|sejm|rada|foreign|defen[cs]e|deputy|chief|top|leaders?|officials?|"
    r"ambassador|envoy|mission|notice|notification|instrument|obligations|follows|followed|"
    r"took|takes|comes|came|own|lawmakers|legislators|MPs)",
    re.I,
)


def own_date(
    sentence: str,
    state: str | None,
    states: list[Mention],
    dates: list[DateMention],
    verbs: Sequence[int] = (),
) -> DateMention | None:
    """In "notices from A and B in June and from C in July" each state takes the date
    named right after it, before the next state is named, and before a verb of its own
    (``verbs``: where the sentence's triggers start) claims it: in "A, B and C left the
    treaty on Saturday, six months after notifying the UN", Saturday dates the leaving."""
    mention = next((m for m in states if state in m.codes), None)
    if mention is None or len(dates) < 2:
        return None
    later = [m.start for m in states if m.start >= mention.end and m is not mention]
    later += [v for v in verbs if v >= mention.end]
    limit = min(later) if later else len(sentence)
    after = [d for d in dates if mention.end <= d.start < limit and d.start - mention.end < 60]
    return after[0] if after else None


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTED = re.compile(r"\b(?:two|three|four|five|six)\b", re.I)


def _last_named(recent: Sequence[str], states: list[Mention], before: int, n: int) -> list[str]:
    """The last ``n`` distinct states named before ``before`` (earlier sentences' first)."""
    order = list(recent)
    for s in states:
        if s.start < before:
            for c in s.codes:
                if c in order:
                    order.remove(c)
                order.append(c)
    return order[-n:] if len(order) >= n else []


_PARLIAMENT_NAMES = [(re.compile(rf"\b{name}\b", re.I), code) for name, code in PARLIAMENTS.items()]
