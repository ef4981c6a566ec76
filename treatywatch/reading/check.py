"""Verdicts: each claim compared with the record at the date it speaks about."""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Iterable
from datetime import date, timedelta

from treatywatch.dates import PartialDate, parse_partial
from treatywatch.ledger import Ledger
from treatywatch.model import BOUND, CONSENT, Act, ActKind, Event, Span, Status
from treatywatch.reading.claims import ALLIANCES, FIGURE_KINDS, Claim

#: Verdicts that tell a reader the report is wrong.
ADVERSE = frozenset({"contradicted", "premature", "imprecise"})
#: An exit at the end of a day: the record's first day out is the next.
_END_OF_DAY = (
    "left at the end of {day}: the withdrawal took effect then (the record counts {out} as "
    "the first day without obligations)"
)

#: Tolerance for a border length: whichever is larger.
BORDER_TOLERANCE = (0.015, 5.0)

_ACT_KINDS: dict[str, frozenset[ActKind]] = {
    # A de-ratification is an exit too; a claim that calls it a withdrawal is imprecise.
    "withdrawal": frozenset({ActKind.WITHDRAWAL, ActKind.DERATIFICATION}),
    "suspension": frozenset({ActKind.SUSPENSION}),
    "withdrawal_revoked": frozenset({ActKind.WITHDRAWAL_REVOKED}),
    "signature_withdrawn": frozenset({ActKind.SIGNATURE_WITHDRAWN}),
    "ratification": frozenset({ActKind.RATIFICATION, ActKind.ACCEPTANCE, ActKind.APPROVAL}),
    "accession": CONSENT,
    "signature": frozenset({ActKind.SIGNATURE}),
}
_EXITS = frozenset(
    {ActKind.WITHDRAWAL, ActKind.SUSPENSION, ActKind.DERATIFICATION, ActKind.SIGNATURE_WITHDRAWN}
)
_STEPS = {
    "parliament_vote": ("parliament_vote",),
    "law_signed": ("law_signed",),
    "intent": (
        "government_decision",
        "announcement",
        "parliament_vote",
        "law_signed",
        "decree",
        "instrument_signed",
        "bill_submitted",
    ),
}


#: A word an event's note uses for each action (to find the political steps toward it).
_STEMS = {"suspension": "suspen", "withdrawal": "withdr", "ratification": "ratif"}

_DERATIFY = re.compile(r"de-?ratif|revok\w*\s+(?:\S+\s+)?ratification", re.I)
_NAMED_CHAMBERS = ("senate", "federation council", "upper house", "state duma", "duma")


def _chamber(text: str) -> str | None:
    """The chamber a vote claim names, when it is more specific than 'parliament'."""
    low = text.lower()
    for name in _NAMED_CHAMBERS:
        if name in low:
            return name
    return None


# Per ledger, held only as long as the ledger lives (a ledger rebuilt after a write gets
# its own; an id() key could be reused by a new ledger and hand it a stale index).
_PAIR_INDEX: weakref.WeakKeyDictionary[Ledger, dict[tuple[str, str], list[Act]]] = (
    weakref.WeakKeyDictionary()
)
_SOURCE_FIELDS: weakref.WeakKeyDictionary[Ledger, dict[str, dict[str, str]]] = (
    weakref.WeakKeyDictionary()
)


def _acts_by_pair(ledger: Ledger) -> dict[tuple[str, str], list[Act]]:
    """The record's acts grouped by (state, treaty), oldest first; built once per ledger."""
    index = _PAIR_INDEX.get(ledger)
    if index is None:
        index = {}
        for a in sorted(ledger.dataset.acts, key=lambda a: a.day):
            if not a.alternate:
                index.setdefault((a.state, a.treaty), []).append(a)
        _PAIR_INDEX[ledger] = index
    return index


def _source_fields(ledger: Ledger) -> dict[str, dict[str, str]]:
    """Each source id's URL, publisher and title as a claim lists them; once per ledger."""
    fields = _SOURCE_FIELDS.get(ledger)
    if fields is None:
        fields = {
            i: {"url": s.url, "publisher": s.publisher, "title": s.title}
            for i, s in ledger.sources.items()
        }
        _SOURCE_FIELDS[ledger] = fields
    return fields


def _when(d: PartialDate) -> str:
    """'on 2012-01-09', or for a range 'between 1994-06-24 and 1995-01-01'."""
    if d.until is not None:
        return f"between {d.earliest} and {d.until} (the day is not known)"
    return f"on {d}"


def _a(noun: str) -> str:
    """The noun with its indefinite article ("an accession", "a withdrawal")."""
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


#: A claim's date, parsed (a handful of dates recur in an article; a PartialDate is immutable).
_parsed_date = functools.lru_cache(maxsize=4096)(parse_partial)

#: Words that report a statement ("announced", "said"): the claim's date is when it was voiced.
_VOICED = re.compile(r"\b(?:announc\w*|said|says|declar\w*|vow\w*|pledg\w*|told|stated)\b", re.I)


#: Words of each step in an event's note.
_STEP_WORDS = {
    "withdrawal": (
        *("withdraw", "denounc", "denunciation", "exit", "leav", "quit"),
        *("revok", "de-ratif", "deratif", "repeal"),
    ),
    "ratification": ("ratif",),
    "accession": ("acce", "join", "membership"),
    "suspension": ("suspen",),
}


def _about_another_step(note: str, action: str | None) -> bool:
    """Whether an event's note names a step, and not the claim's."""
    low = note.lower()
    if action not in _STEP_WORDS or not low:
        return False
    own = any(w in low for w in _STEP_WORDS[action])
    other = any(w in low for a, ws in _STEP_WORDS.items() if a != action for w in ws)
    return other and not own


class Checker:
    """Checks claims against one ledger; ``today`` stands in for an unknown publication day."""

    def __init__(self, ledger: Ledger, today: date) -> None:
        self.led = ledger
        self.today = today
        self._by_pair = _acts_by_pair(ledger)
        self._fields = _source_fields(ledger)

    def check(self, claim: Claim, published: date | None) -> None:
        continuing = self._continuing(claim)
        if continuing is None:
            self._check(claim, published)
            if claim.verdict in ADVERSE and self._unnamed_step(claim):
                self._set(claim, "unverifiable", f"the step is not named; {claim.explanation}")
            return
        # "the pact signed by the Soviet Union and the United States in 1987": the record
        # keeps the USSR's acts under Russia, the state that continues it
        said = claim.state or ""
        claim.state = continuing
        self._check(claim, published)
        claim.state = said
        claim.explanation += (
            f" (the record keeps {self.led.states[said].name}'s acts under "
            f"{self.led.states[continuing].name}, the state that continues it)"
        )

    @staticmethod
    def _unnamed_step(claim: Claim) -> bool:
        """A claim whose step is not named ("the government will formally notify the UN of
        the decision"): nothing to hold against the record."""
        return claim.action is None and claim.kind in ("deposit", "effective", "intent")

    def _continuing(self, claim: Claim) -> str | None:
        """The state that continues a historic one, when the record keeps the pair's acts
        under it and none under the historic state."""
        state, treaty = claim.state or "", claim.treaty or ""
        if state not in self.led.states or self._by_pair.get((state, treaty)):
            return None
        for code, st in self.led.states.items():
            if st.continues == state and self._by_pair.get((code, treaty)):
                return code
        return None

    def _check(self, claim: Claim, published: date | None) -> None:
        asof = published or self.today
        if claim.kind in FIGURE_KINDS:
            if claim.kind == "border_length":
                self._border(claim)
            else:
                self._set(
                    claim,
                    "unverifiable",
                    "recorded as reported; the record holds no figure to compare",
                )
            return
        if claim.state is None or claim.state not in self.led.states:
            self._set(claim, "unverifiable", "no state identified")
            return
        if claim.treaty is None or claim.treaty not in self.led.treaties:
            what = claim.treaty or "no treaty named"
            self._set(claim, "unverifiable", f"the record does not hold this treaty ({what})")
            return
        if self._protocol_of_another(claim, asof):
            return
        handler = getattr(self, "_" + claim.kind)
        if claim.date_assumed:
            # A date assumed from the publication (the report gives none) is not the
            # report's word: judge the claim as undated, as of publication.
            shown, claim.date = claim.date, None
            handler(claim, asof, published)
            claim.date = shown
        else:
            handler(claim, asof, published)
        if claim.verdict in ("contradicted",) and not self._complete(claim, asof):
            self._set(
                claim,
                "unverifiable",
                claim.explanation + "; but the record is incomplete here, so it cannot contradict",
            )

    def _protocol_of_another(self, claim: Claim, asof: date) -> bool:
        """A member of an alliance "ratifying" or "voting" on joining is ratifying another
        state's accession protocol (Turkey and Finland's NATO membership), which the
        record does not hold: say so rather than compare with its own accession."""
        if claim.treaty not in ALLIANCES or claim.action not in ("ratification", "accession"):
            return False
        # (not its own joining told as done: "Finland is officially a member", "joined in
        # June 2023" are about its membership, not another's protocol)
        if claim.kind not in ("deposit", "parliament_vote", "law_signed", "intent"):
            return False
        pd = self._claim_date(claim)
        on = pd.earliest if pd is not None else asof
        span = self._span_on(claim, on)
        if span is None or span.status not in BOUND or span.start >= on:
            return False
        self._fact_span(claim, span)
        self._set(
            claim,
            "unverifiable",
            f"{self._name(claim)} was already a member (since {span.start}): a ratification "
            "then concerns another state's accession protocol, which the record does not hold",
        )
        return True

    def withhold(self, claim: Claim, doubts: list[str]) -> None:
        """Only a certain reading may accuse a report: an adverse verdict on a reading with
        doubts becomes ``unverifiable``, saying why and what the record would say."""
        self._set(
            claim,
            "unverifiable",
            f"reading uncertain ({'; '.join(doubts)}); read as it stands, {claim.explanation}",
        )

    # --- helpers ---------------------------------------------------------------------------

    def _complete(self, claim: Claim, asof: date) -> bool:
        t = self.led.treaties[claim.treaty or ""]
        return t.complete_for(claim.state or "", asof)

    def _acts(self, claim: Claim, kinds: Iterable[ActKind] | None = None) -> list[Act]:
        """The pair's acts (not alternate readings), oldest first, of the given kinds."""
        pair = self._by_pair.get((claim.state or "", claim.treaty or ""), [])
        if kinds is None:
            return list(pair)
        wanted = frozenset(kinds)
        return [a for a in pair if a.kind in wanted]

    def _events(self, claim: Claim, kinds: Iterable[str]) -> list[Event]:
        wanted = set(kinds)
        return [e for e in self.led.events(claim.state or "", claim.treaty) if e.kind in wanted]

    def _spans(self, claim: Claim) -> list[Span]:
        return self.led.spans(claim.state or "", claim.treaty or "")

    def _span_on(self, claim: Claim, on: date) -> Span | None:
        return self.led.status(claim.state or "", claim.treaty or "", on).span

    def _name(self, claim: Claim) -> str:
        return self.led.states[claim.state or ""].name

    def _fact_act(self, claim: Claim, act: Act) -> None:
        text = f"{act.kind.value} {act.date}"
        if act.effective is not None:
            text += f" (effective {act.effective})"
        claim.facts.append(
            {
                "date": str(act.date),
                "act": act.kind.value,
                "text": text,
                "sources": list(act.sources),
            }
        )
        self._sources(claim, act.sources)

    def _fact_event(self, claim: Claim, ev: Event) -> None:
        claim.facts.append(
            {"date": str(ev.date), "act": ev.kind, "text": ev.note, "sources": list(ev.sources)}
        )
        self._sources(claim, ev.sources)

    def _fact_span(self, claim: Claim, span: Span) -> None:
        until = f" until {span.end}" if span.end else ""
        claim.facts.append(
            {
                "date": span.start.isoformat(),
                "act": span.status.value,
                "text": f"{span.status.value} from {span.start}{until}",
                "sources": sorted({s for r in span.reasons for s in r.sources}),
            }
        )
        self._sources(claim, [s for r in span.reasons for s in r.sources])

    def _sources(self, claim: Claim, ids: Iterable[str]) -> None:
        """Add the sources ``ids`` name to the claim, in order, each URL once."""
        have = {s["url"] for s in claim.sources}
        for i in ids:
            src = self._fields.get(i)
            if src is not None and src["url"] not in have:
                claim.sources.append(dict(src))
                have.add(src["url"])

    def _not_a_withdrawal(self, claim: Claim, act: Act, more: str = "") -> None:
        """A de-ratification called a withdrawal: the state left but remains a signatory."""
        self._set(
            claim,
            "imprecise",
            f"a de-ratification ({act.date}), not a withdrawal: {self._name(claim)} revoked "
            f"its ratification and remains a signatory{more}",
            field="action",
        )

    def _ordinal(self, claim: Claim, act: Act) -> None:
        """ "Became the 74th state to ratify": count the states whose instruments were in."""
        if claim.value is None or claim.unit != "th state" or not claim.treaty:
            return
        if not self._complete(claim, act.day):
            return
        deposited = BOUND | {Status.CONSENTED}
        count = len(self.led.parties(claim.treaty, act.day, deposited))
        before = len(self.led.parties(claim.treaty, act.day - timedelta(days=1), deposited))
        nth = int(claim.value)
        if before < nth <= count:  # several deposits on one day: any place among them
            claim.explanation += f"; {before} instruments were in before that day, {count} after"
        else:
            self._set(
                claim,
                "imprecise",
                f"received on {act.date}, but the record counts {count} states with "
                f"instruments in that day ({before} the day before), not {nth}",
                field="value",
            )

    @staticmethod
    def _set(claim: Claim, verdict: str, explanation: str, field: str | None = None) -> None:
        """Give the verdict. An adverse one names the claim's field that the record
        contradicts (``field``: state, treaty, kind, action, date, value or modality) and
        says so first in its explanation."""
        if verdict in ADVERSE:
            if field is None:
                raise ValueError(f"an adverse verdict must name its field: {explanation}")
            claim.conflict = field
            explanation = f"{field} conflicts with the record: {explanation}"
        else:
            claim.conflict = None
        claim.verdict = verdict
        claim.explanation = explanation

    @staticmethod
    def _claim_date(claim: Claim) -> PartialDate | None:
        return _parsed_date(claim.date) if claim.date else None

    def _withdrawn_span(self, claim: Claim) -> Span | None:
        """The span in which the state was out: withdrawn, or the treaty's end that came
        with its withdrawal (the INF Treaty ended the day the US withdrawal took effect)."""
        spans = self._spans(claim)
        for i, s in enumerate(spans):
            if s.status is Status.WITHDRAWN:
                return s
            if (
                s.status is Status.ENDED
                and i > 0
                and spans[i - 1].status is Status.WITHDRAWAL_PENDING
            ):
                return s
        return None

    # --- kinds -----------------------------------------------------------------------------

    def _intent(self, claim: Claim, asof: date, published: date | None) -> None:
        name = self._name(claim)
        voiced = self._claim_date(claim)
        begin = end = asof
        if (
            voiced is not None
            and voiced.earliest <= asof
            and (not claim.date_assumed or _VOICED.search(claim.evidence.get("text", "")))
        ):
            # an intention reported with its own date is judged over that period
            begin, end = voiced.earliest, min(voiced.latest, asof)
        kinds = _ACT_KINDS.get(claim.action or "", _EXITS)
        if claim.action == "withdrawal":
            kinds = kinds | {ActKind.DERATIFICATION, ActKind.SIGNATURE_WITHDRAWN}
        acts = self._acts(claim, kinds)
        done = [a for a in acts if a.day < begin or (a.day <= end and begin == end)]
        if claim.modality == "negated":
            # "Moscow could not review its suspension": the negation is often of a step
            # back (a review, a return), not of the act the record holds: said, not accused
            if done:
                self._fact_act(claim, done[0])
                self._set(
                    claim,
                    "unverifiable",
                    f"{name} had acted: {done[0].kind.value} on {done[0].date}",
                )
            else:
                self._set(claim, "unverifiable", "the record holds no act either way")
            return
        if done:
            a = done[-1]
            self._fact_act(claim, a)
            eff = self._withdrawn_span(claim) if claim.action == "withdrawal" else None
            extra = (
                f"; it took effect on {eff.start}"
                if eff and eff.start <= end
                else (f"; it takes effect on {eff.start}" if eff else "")
            )
            # Reporting the intention after the notice is not wrong by itself (the state
            # did intend it; "is leaving" stays true): say what the record holds beyond it.
            self._set(
                claim,
                "supported",
                f"and more than an intention: {name} had already notified the depositary "
                f"({a.kind.value}, {a.date}){extra}",
            )
            return
        other = [a for a in self._acts(claim, _EXITS) if a.day <= end and a.kind not in kinds]
        steps = [e for e in self._events(claim, _STEPS["intent"]) if e.date.earliest <= end]
        for e in steps[-3:]:
            self._fact_event(claim, e)
        later = [a for a in acts if a.day >= begin]
        # An exit of another kind before ("suspended in 2007") says nothing against an
        # intention that the record shows carried out later ("withdrew in 2023").
        if other and claim.action == "withdrawal" and begin == end and not later:
            # An intention is what the state said; that it then notified something else
            # (Ukraine's decree "to withdraw", then a suspension) does not make the report
            # of the intention wrong: say what followed, accuse nobody.
            a = other[-1]
            self._fact_act(claim, a)
            span = self._span_on(claim, asof)
            bound = " and remains bound" if span and span.bound else ""
            said = (
                f"the record holds {_a(steps[-1].kind.replace('_', ' '))} on {steps[-1].date}; "
                if steps
                else ""
            )
            self._set(
                claim,
                "supported" if steps else "unverifiable",
                f"{said}what {name} notified was {_a(a.kind.value)} on {a.date}, not a "
                f"withdrawal{bound}",
            )
            return
        if later:
            self._fact_act(claim, later[0])
            self._set(
                claim,
                "supported",
                f"the record shows the step that followed: {later[0].kind.value} "
                f"on {later[0].date}",
            )
            return
        if steps:
            text = f"the record holds political steps: {steps[-1].kind} on {steps[-1].date}"
            afterwards = [a for a in self._acts(claim, _EXITS) if a.day > end]
            if afterwards:
                a = afterwards[0]
                self._fact_act(claim, a)
                span = self._span_on(claim, self.today)
                bound = "; it remains bound" if span and span.bound else ""
                text += f"; later it notified {_a(a.kind.value)} on {a.date}{bound}"
            self._set(claim, "supported", text)
            return
        self._set(claim, "unverifiable", "no decision or act recorded")

    def _steps(self, claim: Claim, asof: date, kind: str) -> None:
        name = self._name(claim)
        events = every = self._events(claim, _STEPS[kind])
        if kind == "law_signed" and "decree" in claim.cue.lower():
            # "signed a decree": a government decision enacted by decree counts too.
            decreed = [
                e
                for e in self._events(claim, ("government_decision", "decree"))
                if e.kind == "decree" or "decree" in e.note.lower()
            ]
            events = every = sorted(events + decreed, key=lambda e: e.date.earliest)
        chamber = _chamber(claim.cue)
        if chamber and events:
            events = [e for e in events if chamber in e.note.lower()] or (
                [] if chamber in _NAMED_CHAMBERS else events
            )
        # a vote or law on another step is not this one's ("ratified the bill on New
        # START's extension" is no vote on its 2023 suspension)
        events = [e for e in events if not _about_another_step(e.note, claim.action)]
        if claim.modality == "negated":
            done = [e for e in events if e.date.earliest <= asof]
            if done:
                self._fact_event(claim, done[-1])
                self._set(
                    claim,
                    "contradicted",
                    f"it had happened: {done[-1].kind} on {done[-1].date}",
                    field="modality",
                )
            elif events:
                self._fact_event(claim, events[0])
                self._set(claim, "supported", f"not by {asof}; it happened on {events[0].date}")
            else:
                self._set(claim, "unverifiable", "nothing recorded either way")
            return
        if not events and claim.treaty:
            what = kind.replace("_", " ")
            if every:  # votes of another chamber are recorded, not this one's
                self._fact_event(claim, every[-1])
                self._set(
                    claim,
                    "unverifiable",
                    f"no {what} of the {chamber} recorded for {name} (recorded: "
                    + "; ".join(f"{(e.note or e.kind).split(' (')[0]} on {e.date}" for e in every)
                    + ")",
                )
                return
            self._set(claim, "unverifiable", f"no {what} recorded for {name}")
            return
        pd = self._claim_date(claim)
        if pd is not None and claim.modality in ("planned", "considered"):
            after = [e for e in events if e.date.earliest >= asof]
            if after:
                self._fact_event(claim, after[0])
                self._set(claim, "supported", f"it happened on {after[0].date}")
                return
        if pd is not None:
            match = [
                e for e in events if pd.contains(e.date.earliest) or e.date.contains(pd.earliest)
            ]
            if match:
                self._fact_event(claim, match[0])
                self._set(claim, "supported", f"recorded: {match[0].kind} on {match[0].date}")
            else:
                self._fact_event(claim, events[0])
                self._set(
                    claim,
                    "imprecise",
                    f"recorded at another date: {events[0].kind} on {events[0].date}",
                    field="date",
                )
            return
        before = [e for e in events if e.date.earliest <= asof]
        if claim.modality in ("planned", "considered"):
            after = [e for e in events if e.date.earliest > asof]
            if after:
                self._fact_event(claim, after[0])
                self._set(claim, "supported", f"it happened on {after[0].date}")
            elif before:
                self._fact_event(claim, before[-1])
                self._set(
                    claim,
                    "imprecise",
                    f"it had already happened on {before[-1].date}",
                    field="date",
                )
            else:
                self._set(claim, "unverifiable", "nothing recorded")
            return
        if before:
            self._fact_event(claim, before[-1])
            self._set(claim, "supported", f"recorded: {before[-1].kind} on {before[-1].date}")
        else:
            self._fact_event(claim, events[0])
            self._set(claim, "premature", f"it happened only on {events[0].date}", field="date")

    def _parliament_vote(self, claim: Claim, asof: date, published: date | None) -> None:
        self._steps(claim, asof, "parliament_vote")

    def _law_signed(self, claim: Claim, asof: date, published: date | None) -> None:
        self._steps(claim, asof, "law_signed")

    def _deposit(self, claim: Claim, asof: date, published: date | None) -> None:
        name = self._name(claim)
        kinds = _ACT_KINDS.get(claim.action or "", _EXITS | CONSENT)
        acts = self._acts(claim, kinds)
        done = [a for a in acts if a.day <= asof]
        pd = self._claim_date(claim)
        if claim.modality == "negated":
            if done:
                self._fact_act(claim, done[-1])
                self._set(
                    claim,
                    "contradicted",
                    f"{name} had notified: {done[-1].kind.value} on {done[-1].date}",
                    field="modality",
                )
            else:
                self._set(claim, "supported", f"no such notice by {asof}")
            return
        if claim.modality in ("planned", "considered"):
            # "In 2019 it announced it would withdraw its signature": judged as of the day
            # the plan was reported, not today.
            if pd is not None and pd.earliest < asof:
                done = [a for a in acts if a.day < pd.earliest]
                after = [a for a in acts if a.day >= pd.earliest]
            else:
                after = [a for a in acts if a.day > asof]
            if done:
                self._fact_act(claim, done[-1])
                self._set(
                    claim,
                    "imprecise",
                    f"already done: {done[-1].kind.value} received on {done[-1].date}",
                    field="date",
                )
            elif after:
                self._fact_act(claim, after[0])
                self._set(claim, "supported", f"received on {after[0].date}")
            else:
                self._set(claim, "unverifiable", "no such act recorded (yet)")
            return
        if pd is not None:
            match = [
                a
                for a in acts
                if pd.contains(a.day)
                or a.date.contains(pd.earliest)
                # The effect's date, too: "left on Saturday, six months after their notices
                # reached the UN" dates the notices only through the effect, and calling that
                # wrong-step would accuse correct reporting of our reading's shortcut.
                or (a.effective is not None and pd.contains(a.effective.earliest))
            ]
            if not match and pd.precision == "day":
                # A letter dated or sent a few days before the depositary received it.
                match = [a for a in acts if 0 < (a.day - pd.latest).days <= 7]
                if match:
                    self._fact_act(claim, match[0])
                    self._set(
                        claim,
                        "supported",
                        f"sent around then: the depositary received it on {match[0].date}",
                    )
                    return
            if match:
                self._fact_act(claim, match[0])
                said = claim.cue + " " + str(claim.evidence.get("text", ""))
                if match[0].kind is ActKind.DERATIFICATION and not _DERATIFY.search(said):
                    self._not_a_withdrawal(claim, match[0])
                    return
                self._set(claim, "supported", f"received by the depositary on {match[0].date}")
                self._ordinal(claim, match[0])
                return
            home = [
                e
                for e in self._events(claim, ("law_signed", "parliament_vote"))
                if claim.action == "ratification"
                and "ratif" in e.note.lower()
                and (pd.contains(e.date.earliest) or e.date.contains(pd.earliest))
            ]
            if acts and home:
                # "ratified by Russia on May 27, 2000": the day its ratification law was
                # signed (common usage); the instrument reached the depositary later.
                self._fact_event(claim, home[0])
                self._fact_act(claim, acts[0])
                self._set(
                    claim,
                    "supported",
                    f"ratified at home on {home[0].date} ({home[0].kind.replace('_', ' ')}); "
                    f"the instrument was received by the depositary on {acts[0].date}",
                )
                return
            near = [
                e
                for e in self._events(claim, _STEPS["intent"])
                if claim.action == "suspension"
                and abs((e.date.earliest - pd.earliest).days) <= 3 + (pd.latest - pd.earliest).days
            ]
            if near:
                # Suspensions come in steps ("suspended its participation in the Joint
                # Consultative Group on March 11, 2015", years after the 2007 notice).
                self._suspended_at_home(claim, near[-1])
                return
            if acts:
                self._fact_act(claim, acts[0])
                self._set(
                    claim,
                    "imprecise",
                    f"right step, other date: {acts[0].kind.value} received on {acts[0].date}",
                    field="date",
                )
                return
        if done and pd is None:
            self._fact_act(claim, done[-1])
            self._set(claim, "supported", f"received by the depositary on {done[-1].date}")
            return
        if acts and not done and 0 < (acts[0].day - asof).days <= 7:
            # The day's news of a letter sent: it reached the depositary days later.
            self._fact_act(claim, acts[0])
            self._set(claim, "supported", f"the depositary received it on {acts[0].date}")
            return
        if acts and not done:  # the notice came only after the report
            self._fact_act(claim, acts[0])
            self._set(
                claim,
                "contradicted",
                f"no notice by {asof}; it came on {acts[0].date}",
                field="date",
            )
            return
        # No such notice, but the step was taken at home ("Belarus suspended it": by a law
        # its president signed): say so rather than name an old ratification.
        stem = _STEMS.get(claim.action or "")
        steps = [
            e
            for e in self._events(claim, _STEPS["intent"])
            if stem
            and stem in e.note.lower()
            and e.date.earliest <= asof
            and (pd is None or pd.contains(e.date.earliest) or e.date.contains(pd.earliest))
        ]
        if not done and steps and claim.action == "suspension":
            self._suspended_at_home(claim, steps[-1])
            return
        if not done and steps:
            self._fact_event(claim, steps[-1])
            self._set(
                claim,
                "imprecise",
                f"no {claim.action} notified to the depositary is recorded; the record holds "
                f"{_a(steps[-1].kind.replace('_', ' '))} on {steps[-1].date}",
                field="kind",
            )
            return
        other = [
            a for a in self._acts(claim, _EXITS | CONSENT) if a.day <= asof and a.kind not in kinds
        ]
        if other:
            a = other[-1]
            self._fact_act(claim, a)
            if a.kind in CONSENT and claim.action in ("ratification", "accession"):
                # "had ratified" for a state that acceded: news uses the words loosely; both
                # are consent to be bound, and the record's instrument is named
                self._set(
                    claim,
                    "supported",
                    f"consented to be bound: {_a(a.kind.value)} received on {a.date}",
                )
                return
            self._set(
                claim,
                "imprecise",
                f"what {name} notified was {_a(a.kind.value)} ({a.date}), not {_a(claim.action or '')}",
                field="action",
            )
            return
        if acts:
            self._fact_act(claim, acts[0])
            self._set(
                claim,
                "contradicted",
                f"no notice by {asof}; it came on {acts[0].date}",
                field="date",
            )
            return
        pd = self._claim_date(claim)
        steps = [
            e
            for e in self._events(claim, _STEPS["intent"])
            if pd is None or pd.contains(e.date.earliest) or e.date.contains(pd.earliest)
        ]
        if steps:
            # "In 2016, Russia withdrew its signature": the record holds the decision (a
            # decree) but not the day the depositary received it: not wrong, not shown
            self._fact_event(claim, steps[-1])
            self._set(
                claim,
                "unverifiable",
                f"the record holds {_a(steps[-1].kind.replace('_', ' '))} on {steps[-1].date} "
                "but no act received by the depositary",
            )
            return
        self._set(claim, "contradicted", f"the record holds no such act by {name}", field="kind")

    def _suspension_in_effect(self, claim: Claim) -> None:
        """ "Russia temporarily withdrew from the treaty in 2007": a suspension, judged by
        the suspension the record holds (no treaty procedure, so never accused)."""
        pd = self._claim_date(claim)
        acts = self._acts(claim, {ActKind.SUSPENSION})
        fit = [
            a
            for a in acts
            if pd is None
            or pd.contains(a.day)
            or (a.effective is not None and pd.contains(a.effective.earliest))
        ]
        if fit:
            self._fact_act(claim, fit[0])
            self._set(claim, "supported", f"suspension notified on {fit[0].date}")
        elif acts:
            self._fact_act(claim, acts[0])
            self._set(claim, "unverifiable", f"the record holds a suspension on {acts[0].date}")
        else:
            self._set(claim, "unverifiable", "no suspension recorded")

    def _suspended_at_home(self, claim: Claim, step: Event) -> None:
        """A suspension is no treaty procedure: the state's own decision or law is the
        suspension ("Great Britain suspended participation in the CFE Treaty"), and
        suspensions come in steps ("suspended its participation in the Joint Consultative
        Group on March 11, 2015", years after the 2007 notice)."""
        self._fact_event(claim, step)
        self._set(
            claim,
            "supported",
            f"the record holds {_a(step.kind.replace('_', ' '))} on {step.date}; "
            "no note to the depositary is recorded",
        )

    def _effective(self, claim: Claim, asof: date, published: date | None) -> None:
        if claim.action in ("accession", "ratification"):
            self._joined(claim, asof)
            return
        if claim.action == "suspension":
            self._suspension_in_effect(claim)
            return
        name = self._name(claim)
        out = self._withdrawn_span(claim)
        pd = self._claim_date(claim)
        notices = self._acts(claim, {ActKind.WITHDRAWAL})
        for a in notices[-1:]:
            self._fact_act(claim, a)
        revoked = self._acts(claim, {ActKind.DERATIFICATION})
        if out is None and not notices and revoked and claim.modality == "asserted":
            # "Russia withdrew from the CTBT": it revoked its ratification and stays a signatory.
            a = revoked[-1]
            self._fact_act(claim, a)
            wrong_time = pd is not None and not pd.contains(a.day)
            self._not_a_withdrawal(claim, a, "; and not at the date claimed" if wrong_time else "")
            return
        if claim.modality == "negated":
            span = self._span_on(claim, asof)
            if out is not None and out.start <= asof:
                self._set(
                    claim, "contradicted", f"{name} was out from {out.start}", field="modality"
                )
            else:
                status = span.status.value if span else "not_party"
                self._set(claim, "supported", f"on {asof} {name} was {status}")
            return
        if claim.modality in ("planned", "considered") and pd is not None:
            if out is not None and pd.contains(out.start):
                self._set(claim, "supported", f"the withdrawal takes effect on {out.start}")
            elif out is not None:
                self._set(
                    claim, "imprecise", f"the withdrawal takes effect on {out.start}", field="date"
                )
            elif notices:
                self._set(claim, "unverifiable", "notice given; effective date not determined")
            else:
                self._set(claim, "unverifiable", "no notice of withdrawal recorded")
            return
        if claim.modality in ("planned", "considered"):  # "will take effect", no date given
            if out is not None and out.start > asof:
                self._set(claim, "supported", f"the withdrawal takes effect on {out.start}")
            elif out is not None and (published is None or asof - out.start <= timedelta(days=7)):
                # A headline's present tense ("exit takes effect"): the news of the week; or
                # no publication date, so no telling when "will" was written.
                self._set(claim, "supported", f"the withdrawal took effect on {out.start}")
            elif out is not None:
                self._set(
                    claim, "imprecise", f"it had already taken effect, on {out.start}", field="date"
                )
            elif notices:
                self._set(claim, "unverifiable", "notice given; effective date not determined")
            else:
                self._set(claim, "unverifiable", "no notice of withdrawal recorded")
            return
        when = pd.latest if pd is not None else asof
        told = [
            a for a in notices if pd is not None and pd.precision == "day" and pd.contains(a.day)
        ]
        if (
            not told
            and pd is None
            and published is not None
            and claim.modality == "asserted"
            and (out is None or out.start > published)
        ):
            # "The US has formally withdrawn from the INF Treaty", the day's news on the day
            # of its notice: the notice, as "withdrew on <notice day>" is
            told = [a for a in notices if 0 <= (published - a.day).days <= 3]
        if (
            told
            and claim.modality == "asserted"
            and (out is None or not pd or not pd.contains(out.start))
        ):
            # "Finland withdrew from the treaty on July 10, 2025, but ...": the day the notice
            # was received; the report means the notice (claim_guidelines.md B), not the effect.
            claim.kind = "deposit"
            effect = f"; the withdrawal took effect on {out.start}" if out else ""
            self._set(claim, "supported", f"the notice was received on {told[0].date}{effect}")
            return
        if pd is not None and out is not None:
            if pd.contains(out.start):
                self._set(claim, "supported", f"the withdrawal took effect on {out.start}")
            elif pd.precision == "day" and pd.earliest == out.start - timedelta(days=1):
                # "left the EU on 31 January 2020" (at 23:00 GMT): the exit came at the end
                # of that day; the record counts the next as the first day without
                # obligations. Both readings of the same moment are right.
                self._set(claim, "supported", _END_OF_DAY.format(day=pd.earliest, out=out.start))
            elif out.start > pd.latest:
                self._set(
                    claim,
                    "premature" if notices and notices[-1].day <= pd.latest else "imprecise",
                    f"the withdrawal took effect only on {out.start}",
                    field="date",
                )
            else:
                self._set(
                    claim, "imprecise", f"the withdrawal took effect on {out.start}", field="date"
                )
            return
        if out is not None and out.start <= when:
            # out by then: withdrawn, or the treaty ended with its withdrawal (the INF)
            self._fact_span(claim, out)
            ended = "; the treaty then ended" if out.status is Status.ENDED else ""
            self._set(claim, "supported", f"the withdrawal took effect on {out.start}{ended}")
            return
        if out is not None and pd is None and out.start == when + timedelta(days=1):
            # "The UK left the EU at 23:00 GMT", the day's news: the end of that day.
            self._fact_span(claim, out)
            self._set(claim, "supported", _END_OF_DAY.format(day=when, out=out.start))
            return
        span = self._span_on(claim, when)
        if span is not None:
            self._fact_span(claim, span)
        status = span.status if span else Status.NOT_PARTY
        if status in (Status.SIGNATORY, Status.SIGNATURE_WITHDRAWN, Status.NOT_PARTY) and not (
            self._acts(claim, CONSENT)
        ):
            self._unsigned(claim, pd)
            return
        if status is Status.WITHDRAWN:
            self._set(claim, "supported", f"{name} is out since {span.start if span else ''}")
        elif status in (Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_SUSPENDED):
            until = f"; it takes effect on {span.end}" if span and span.end else ""
            self._set(
                claim,
                "premature",
                f"on {when} {name} had given notice but was still bound{until}",
                field="date",
            )
        elif (
            status is Status.ENDED and span is not None and (pd is None or pd.contains(span.start))
        ):
            # "After both Moscow and Washington withdrew from the INF Treaty in 2019": the
            # treaty ended for every party that year; no party was bound by it after
            self._set(claim, "supported", f"the treaty ended on {span.start}; {name} was out")
        elif status is Status.SUSPENDED:
            self._set(
                claim,
                "contradicted",
                f"{name} declared a suspension, contested by other parties; it remains bound",
                field="action",
            )
        elif status in BOUND:
            steps = [e for e in self._events(claim, _STEPS["intent"]) if e.date.earliest <= when]
            if steps:
                self._fact_event(claim, steps[-1])
                self._set(
                    claim,
                    "imprecise",
                    f"a political step, not a withdrawal: "
                    f"{steps[-1].kind} on {steps[-1].date}; no notice had been given and "
                    f"{name} was still a party on {when}",
                    field="kind",
                )
            else:
                self._set(
                    claim,
                    "contradicted",
                    f"on {when} {name} was still a party, no notice given",
                    field="kind",
                )
        else:
            self._set(claim, "contradicted", f"on {when} {name} was {status.value}", field="kind")

    def _unsigned(self, claim: Claim, pd: PartialDate | None) -> None:
        """ "The United States withdrew from the ICC in 2002": a state that never consented
        cannot leave; what news calls its withdrawal is the withdrawal of its signature
        ("unsigning") or a declared intention not to become a party."""
        name = self._name(claim)
        acts = [
            a
            for a in self._acts(claim, {ActKind.SIGNATURE_WITHDRAWN})
            if pd is None or pd.contains(a.day)
        ]
        if acts:
            self._fact_act(claim, acts[0])
            claim.kind, claim.action = "deposit", "signature_withdrawn"
            self._set(
                claim,
                "supported",
                f"{name} was a signatory, never a party: on {acts[0].date} it declared it "
                "would not become a party (its signature withdrawn)",
            )
            return
        steps = [
            e
            for e in self._events(claim, _STEPS["intent"])
            if pd is None or pd.contains(e.date.earliest)
        ]
        if steps:
            self._fact_event(claim, steps[-1])
        said = f"; the record holds {steps[-1].kind} on {steps[-1].date}" if steps else ""
        self._set(
            claim,
            "unverifiable",
            f"{name} was never a party, so it could not withdraw; the report may mean a "
            f"withdrawal of signature or a decision not to join{said}",
        )

    def _joined(self, claim: Claim, asof: date) -> None:
        name = self._name(claim)
        consent = self._acts(claim, _ACT_KINDS.get(claim.action or "accession", CONSENT))
        if not consent:
            consent = self._acts(claim, CONSENT)
        if not consent:
            self._set(
                claim,
                "contradicted",
                f"the record holds no instrument of consent by {name}",
                field="kind",
            )
            return
        act = consent[0]
        self._fact_act(claim, act)
        party = next((s for s in self._spans(claim) if s.status is Status.PARTY), None)
        pd = self._claim_date(claim)
        if claim.modality in ("planned", "considered"):
            # "will ensure that Canada becomes a party": a plan, not a claim that it has.
            if party is not None and party.start > asof:
                self._set(claim, "supported", f"it became a party on {party.start}")
            elif party is not None:
                self._set(claim, "supported", f"a party since {party.start}")
            else:
                self._set(claim, "unverifiable", f"{act.kind.value} deposited {_when(act.date)}")
            return
        bound = f", bound from {party.start}" if party else ""
        if pd is None:
            # "Became a party" on depositing counts as news uses it (the ordinal counts
            # deposits too); premature only if no instrument was in by then.
            ok = act.day <= asof
            pending = party is not None and party.start > asof
            self._set(
                claim,
                "supported" if ok else "premature",
                f"{act.kind.value} deposited {_when(act.date)}{bound}"
                + ("; in force for it only from then" if ok and pending else ""),
                field="date",
            )
            return
        if pd.contains(act.day) or (party is not None and pd.contains(party.start)):
            self._set(claim, "supported", f"{act.kind.value} deposited {_when(act.date)}{bound}")
            self._ordinal(claim, act)
        else:
            self._set(
                claim,
                "imprecise",
                f"{act.kind.value} deposited {_when(act.date)}{bound}, not in {claim.date}",
                field="date",
            )

    def _signature(self, claim: Claim, asof: date, published: date | None) -> None:
        name = self._name(claim)
        sigs = self._acts(claim, {ActKind.SIGNATURE})
        pd = self._claim_date(claim)
        if claim.modality == "negated":
            done = [s for s in sigs if s.day <= asof]
            if done:
                self._fact_act(claim, done[0])
                self._set(
                    claim, "contradicted", f"{name} signed on {done[0].date}", field="modality"
                )
            else:
                self._set(claim, "supported", f"no signature by {name} recorded")
            return
        if not sigs:
            consent = self._acts(claim, CONSENT)
            if consent and claim.treaty in ALLIANCES:
                # "Kristersson signed a document on Sweden's accession to NATO": joining an
                # alliance is signed too, though the treaty has no signature clause for it
                self._fact_act(claim, consent[0])
                self._set(
                    claim,
                    "unverifiable",
                    f"{name} joined by {consent[0].kind.value} on {consent[0].date}",
                )
            elif consent:
                # the state did consent, not by signing: the step is named wrongly
                self._fact_act(claim, consent[0])
                self._set(
                    claim,
                    "imprecise",
                    f"{name} never signed; it joined by "
                    f"{consent[0].kind.value} on {consent[0].date}",
                    field="kind",
                )
            else:
                self._set(claim, "contradicted", f"no signature by {name} recorded", field="kind")
            return
        self._fact_act(claim, sigs[0])
        if pd is None or pd.contains(sigs[0].day):
            self._set(claim, "supported", f"signed on {sigs[0].date}")
        else:
            self._set(
                claim, "imprecise", f"signed on {sigs[0].date}, not in {claim.date}", field="date"
            )

    def _status(self, claim: Claim, asof: date, published: date | None) -> None:
        self._status_claim(claim, asof)

    def _status_claim(self, claim: Claim, asof: date) -> None:
        name = self._name(claim)
        span = self.led.status(claim.state or "", claim.treaty or "", asof).span
        status = span.status if span else Status.NOT_PARTY
        if span is not None:
            self._fact_span(claim, span)
        if claim.action == "never_party":
            consent = [a for a in self._acts(claim, CONSENT) if a.day <= asof]
            if consent:
                self._fact_act(claim, consent[0])
                self._set(
                    claim, "contradicted", f"{name} consented on {consent[0].date}", field="action"
                )
            else:
                self._set(claim, "supported", f"no instrument of consent by {name} recorded")
        elif claim.action == "party":
            if status in BOUND:
                extra = " (its declared suspension is contested)" if span and span.contested else ""
                self._set(claim, "supported", f"{name} is bound ({status.value}){extra}")
            elif status is Status.CONSENTED:
                # "Sri Lanka is the 103rd State Party": treaty bodies count a state from its
                # deposit; the record says when it is bound
                until = f"; bound from {span.end}" if span and span.end else ""
                self._set(
                    claim,
                    "supported",
                    f"{name} has deposited its instrument (counted as a party from then){until}",
                )
            else:
                self._set(
                    claim, "contradicted", f"on {asof} {name} was {status.value}", field="action"
                )
        else:  # not_party
            if status in BOUND:
                self._set(
                    claim, "contradicted", f"on {asof} {name} was {status.value}", field="action"
                )
            else:
                self._set(claim, "supported", f"on {asof} {name} was {status.value}")

    def _border(self, claim: Claim) -> None:
        value = claim.value
        if not claim.state or not claim.counterpart or value is None:
            self._set(claim, "unverifiable", "border not identified")
            return
        readings = self.led.neighbours(claim.state).get(claim.counterpart, [])
        if not readings:
            self._set(claim, "unverifiable", "the record holds no length for this border")
            return
        rel, absolute = BORDER_TOLERANCE
        tol = max(rel * value, absolute)
        close = [b for b in readings if abs(b.length_km - value) <= tol]
        for b in sorted(readings, key=lambda b: abs(b.length_km - value)):
            claim.facts.append(
                {
                    "date": None,
                    "act": "border_length",
                    "text": f"{b.length_km:g} km ({b.note})"[:200],
                    "sources": list(b.sources),
                }
            )
            self._sources(claim, b.sources)
        listed = ", ".join(f"{b.length_km:g}" for b in sorted(readings, key=lambda b: b.length_km))
        if close:
            self._set(
                claim,
                "supported",
                f"within {tol:.0f} km of a source's figure (the record's readings: {listed} km)",
            )
        else:
            self._set(
                claim,
                "contradicted",
                f"no source within {tol:.0f} km (the record's readings: {listed} km)",
                field="value",
            )
