"""The ledger: every pair's spans, indexed, and the queries people ask of them."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch import cache, law
from treatywatch import data as data_mod
from treatywatch.bulk import paused_gc
from treatywatch.errors import DataError, NotFound, Problem, UsageError
from treatywatch.model import (
    BOUND,
    CONSENT,
    Act,
    ActKind,
    Border,
    Event,
    Reason,
    Source,
    Span,
    State,
    Status,
    Treaty,
)
from treatywatch.names import Index, state_index, treaty_index


@dataclass(frozen=True, slots=True)
class Answer:
    """The status of one state under one treaty on one day, with its why."""

    state: State
    treaty: Treaty
    on: date
    span: Span | None
    events: tuple[Event, ...] = ()

    @property
    def status(self) -> Status:
        return self.span.status if self.span else Status.NOT_PARTY

    @property
    def reasons(self) -> tuple[Reason, ...]:
        if self.span is None:
            return ()
        return tuple(r for r in self.span.reasons if r.date <= self.on)


@dataclass(frozen=True, slots=True)
class Change:
    """A dated entry of ``changes`` and ``upcoming``: a status change, an act or an event."""

    date: date
    state: State
    treaty: Treaty
    type: str  # "status" | "event"
    before: Status | None
    after: Status | None
    reason: Reason


#: The columns of ``Ledger.to_records`` for answers and for changes.
ANSWER_COLUMNS = [
    "state",
    "state_name",
    "treaty",
    "on",
    "status",
    "bound",
    "contested",
    "since",
    "until",
    "reason",
    "article",
    "sources",
]
CHANGE_COLUMNS = [
    "date",
    "state",
    "state_name",
    "treaty",
    "type",
    "from",
    "to",
    "act",
    "article",
    "text",
    "sources",
]

_Pair = tuple[str, str]
#: One span boundary: the pair's status from that day, or None when its last span ends.
_Move = tuple[_Pair, Status | None]


class Ledger:
    """Indexes over derived spans; build once, query many times.

    Every query takes states and treaties as people write them, as the CLI does: an ISO
    code, a name, an alias or a capital (``"Finland"``, ``"fin"``, ``"Helsinki"``), a
    treaty id or alias (``"Ottawa Convention"``). An unknown name raises ``NotFound`` (a
    ``TreatywatchError``) with suggestions. ``to_records`` and ``to_frame`` turn answers
    and changes into rows for pandas.
    """

    def __init__(
        self,
        dataset: data_mod.Dataset,
        spans: dict[tuple[str, str], list[Span]],
        in_force: dict[str, law.InForce],
    ) -> None:
        self.dataset = dataset
        self.states: dict[str, State] = dataset.states
        self.treaties: dict[str, Treaty] = dataset.treaties
        self.sources: dict[str, Source] = dataset.sources
        self.in_force = in_force
        self._spans = spans
        self._starts = {k: [s.start for s in v] for k, v in spans.items()}
        self._by_treaty: dict[str, list[str]] = defaultdict(list)
        self._by_state: dict[str, list[str]] = defaultdict(list)
        for state, treaty in sorted(spans):
            self._by_treaty[treaty].append(state)
            self._by_state[state].append(treaty)
        self._disputes: dict[tuple[str, str], list[Act]] = defaultdict(list)
        for act in dataset.acts:
            if act.alternate:
                self._disputes[(act.state, act.treaty)].append(act)
        self._events: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for ev in sorted(dataset.events, key=lambda e: e.date.earliest):
            self._events[(ev.state, ev.treaty)].append(ev)
        self._change_index: tuple[list[Change], list[date]] | None = None
        self._snapshot_index: (
            tuple[list[date], list[_Move], list[tuple[int, dict[_Pair, Status]]]] | None
        ) = None
        self._state_names: Index[State] | None = None
        self.gaps: list[Problem] = []
        self._neighbours: dict[str, dict[str, list[Border]]] = defaultdict(dict)
        for b in dataset.borders:
            self._neighbours[b.a].setdefault(b.b, []).append(b)
            self._neighbours[b.b].setdefault(b.a, []).append(b)
        self._treaty_names: Index[Treaty] | None = None

    # --- building --------------------------------------------------------------------------

    @classmethod
    def build(cls, dataset: data_mod.Dataset) -> tuple[Ledger, list[Problem]]:
        """Derive every pair's spans from a dataset; return the ledger and every problem
        the law finds (a ledger with problems answers, but ``load`` refuses it)."""
        with paused_gc():
            return cls._build(dataset)

    @classmethod
    def _build(cls, dataset: data_mod.Dataset) -> tuple[Ledger, list[Problem]]:
        problems, repeats = data_mod.duplicate_acts(dataset.acts)
        by_pair: dict[tuple[str, str], list[Act]] = defaultdict(list)
        by_treaty: dict[str, list[Act]] = defaultdict(list)
        for act in dataset.acts:
            if act.alternate or (repeats and id(act) in repeats):
                continue
            by_pair[(act.state, act.treaty)].append(act)
            by_treaty[act.treaty].append(act)
        in_force: dict[str, law.InForce] = {}
        for tid, treaty in dataset.treaties.items():
            in_force[tid], found = law.entry_into_force(treaty, by_treaty.get(tid, []))
            problems.extend(found)
        conflicts = dataset.conflicts
        signatures: dict[tuple[str, str], Act] = {}
        signed = (a for a in dataset.acts if a.kind is ActKind.SIGNATURE and not a.alternate)
        for act in sorted(signed, key=law.act_order):
            signatures.setdefault((act.state, act.treaty), act)
        spans: dict[tuple[str, str], list[Span]] = {}
        for (state, tid), acts in by_pair.items():
            inherited = _predecessor_signature(dataset.states, state, tid, signatures)
            pair_spans, found = law.derive(
                dataset.treaties[tid],
                acts,
                in_force[tid],
                conflicts,
                inherited,
                _succession(dataset.states, state),
            )
            spans[(state, tid)] = _until_state_end(pair_spans, dataset.states[state].end)
            problems.extend(found)
        ledger = cls(dataset, spans, in_force)
        problems.extend(ledger.check_assertions())
        return ledger, problems

    def check_assertions(self) -> list[Problem]:
        """Each treaty's declared data assertions (counts a depositary or monitor published).

        An assertion dated after the day up to which a treaty's record is declared complete
        cannot fail the load; it is listed in ``self.gaps`` instead, so nobody forgets it.
        """
        out: list[Problem] = []
        self.gaps = []
        treaty_acts: dict[str, list[Act]] | None = None
        for treaty in self.treaties.values():
            for i, a in enumerate(treaty.assertions):
                on = a.get("date")
                sink = out
                if (
                    treaty.complete_until is not None
                    and isinstance(on, date)
                    and on > treaty.complete_until
                ):
                    sink = self.gaps
                kind = a.get("kind")
                if kind is not None:  # a count of acts of one or more kinds, e.g. signatures
                    # A list counts states by any of its kinds: a depositary's "signatories"
                    # include successor states that signed by succession (Montenegro, CTBT).
                    kinds = [str(k) for k in kind] if isinstance(kind, list) else [str(kind)]
                    if treaty_acts is None:
                        treaty_acts = defaultdict(list)
                        for x in self.dataset.acts:
                            treaty_acts[x.treaty].append(x)
                    count = len(
                        {
                            x.state
                            for x in treaty_acts[treaty.id]
                            if x.kind in kinds
                            and not x.alternate
                            and (not isinstance(on, date) or x.day <= on)
                            and not _gone(self.states[x.state], on)
                        }
                    )
                    status = f"states with acts of kind {' or '.join(kinds)}"
                elif isinstance(on, date):
                    status = str(a.get("status", "bound"))
                    # "deposited": every state whose instrument is in, bound or not yet --
                    # what the UN's status pages count as "Parties".
                    wanted = (
                        None
                        if status == "bound"
                        else set(BOUND) | {Status.CONSENTED}
                        if status == "deposited"
                        else {Status(status)}
                    )
                    # A published count counts the instruments deposited by its day: a
                    # successor bound from its date of succession (VCSST) by a notification
                    # deposited later is bound on that day in law, but no count of the day
                    # could include it (Solomon Islands, BWC: bound from 1978-07-07 by its
                    # notification of 1981-06-17, not among the 87 of 1980-03-21).
                    if treaty_acts is None:
                        treaty_acts = defaultdict(list)
                        for x in self.dataset.acts:
                            treaty_acts[x.treaty].append(x)
                    acts = [x for x in treaty_acts[treaty.id] if not x.alternate]
                    later = {
                        x.state for x in acts if x.kind is ActKind.SUCCESSION and x.day > on
                    } - {x.state for x in acts if x.kind in CONSENT and x.day <= on}
                    count = sum(
                        1
                        for ans in self.parties(treaty.id, on, wanted)
                        if ans.state.alpha3 not in later
                    )
                else:
                    out.append(
                        Problem(
                            "an assertion needs a date or an act kind",
                            file=f"treaties/{treaty.id}.yaml",
                            field=f"assertions[{i}]",
                            value=str(a),
                        )
                    )
                    continue
                low = int(a.get("min", a.get("count", 0)))  # type: ignore[call-overload]
                high = int(a.get("max", a.get("count", 10**6)))  # type: ignore[call-overload]
                if not low <= count <= high:
                    if count < low <= count + len(treaty.missing):
                        # Short by no more than the states whose acts the record declares
                        # missing: a known gap, listed, not a failure. Over, or short by
                        # more, is wrong data.
                        sink = self.gaps
                    expected = f"{low}" if low == high else f"{low}..{high}"
                    sink.append(
                        Problem(
                            f"{treaty.id}: {count} {status} on {on}, expected {expected} "
                            f"({a.get('source', 'no source')})",
                            file=f"treaties/{treaty.id}.yaml",
                            field=f"assertions[{i}]",
                            value=str(count),
                            hint="an act is missing, duplicated or misdated",
                        )
                    )
        return out

    # --- names -----------------------------------------------------------------------------

    def state(self, text: str) -> State:
        """The state a code, name, alias or capital names; NotFound with suggestions."""
        if self._state_names is None:
            self._state_names = state_index(self.states.values())
        try:
            return self._state_names.get(text)
        except NotFound as exc:
            other = self._treaty_index().has(text)
            if other is None:
                raise
            hint = f"{text!r} names a treaty ({other.id}), not a state"
            raise NotFound("state", text, exc.suggestions, hint) from None

    def treaty(self, text: str) -> Treaty:
        """The treaty an id, name or alias names; NotFound with suggestions."""
        try:
            return self._treaty_index().get(text)
        except NotFound as exc:
            if self._state_names is None:
                self._state_names = state_index(self.states.values())
            other = self._state_names.has(text)
            if other is None:
                raise
            hint = f"{text!r} names a state ({other.name}), not a treaty"
            raise NotFound("treaty", text, exc.suggestions, hint) from None

    def _treaty_index(self) -> Index[Treaty]:
        if self._treaty_names is None:
            self._treaty_names = treaty_index(self.treaties.values())
        return self._treaty_names

    def _sid(self, text: str) -> str:
        # The alpha-3 code a query names: a code as stored costs one dict look-up.
        return text if text in self.states else self.state(text).alpha3

    def _tid(self, text: str) -> str:
        return text if text in self.treaties else self.treaty(text).id

    # --- queries ---------------------------------------------------------------------------

    def spans(self, state: str, treaty: str) -> list[Span]:
        """A state's spans under a treaty, oldest first (empty: no act recorded)."""
        return self._spans.get((self._sid(state), self._tid(treaty)), [])

    def status(self, state: str, treaty: str, on: date) -> Answer:
        """The status of ``state`` under ``treaty`` on ``on``, with its reasons.

        ``ledger.status("Finland", "Ottawa Convention", date(2026, 1, 10)).status`` is
        ``Status.WITHDRAWN``.
        """
        state, treaty = self._sid(state), self._tid(treaty)
        key = (state, treaty)
        spans = self._spans.get(key)
        span = None
        if spans:
            i = bisect.bisect_right(self._starts[key], on) - 1
            if i >= 0 and spans[i].covers(on):
                span = spans[i]
        evs = self._events.get(key)
        events = tuple(e for e in evs if e.date.earliest <= on) if evs else ()
        return Answer(self.states[state], self.treaties[treaty], on, span, events)

    # --- sets: alliances, borders, composable queries -----------------------------------

    def neighbours(self, state: str) -> dict[str, list[Border]]:
        """Land neighbours of a state, each with every source's reading of the length."""
        return {k: list(v) for k, v in self._neighbours.get(self._sid(state), {}).items()}

    def bound_set(self, treaty: str, on: date) -> set[str]:
        """States bound by ``treaty`` on ``on`` (index look-ups only)."""
        treaty = self._tid(treaty)
        out = set()
        right = bisect.bisect_right
        for state in self._by_treaty.get(treaty, []):
            key = (state, treaty)
            i = right(self._starts[key], on) - 1
            if i >= 0:
                span = self._spans[key][i]
                if span.status in BOUND and (span.end is None or on < span.end):
                    out.add(state)
        return out

    def select(
        self,
        on: date,
        *,
        party_of: Sequence[str] = (),
        not_party_of: Sequence[str] = (),
        borders: Sequence[str] = (),
    ) -> set[str]:
        """Compose sets on one day: bound by every ``party_of``, by none of ``not_party_of``,
        and a land neighbour of every state in ``borders``.

        ``select(d, party_of=["nato"], borders=["RUS"], not_party_of=["apmbc"])``
        """
        borders = [self._sid(b) for b in borders]
        sets: list[set[str]] = [self.bound_set(t, on) for t in party_of]
        sets += [set(self._neighbours.get(b, {})) for b in borders]
        result = set.intersection(*sets) if sets else set(self.states)
        for t in not_party_of:
            result -= self.bound_set(t, on)
        return result

    def statuses_on(self, on: date) -> dict[tuple[str, str], Status]:
        """Status of every (state, treaty) pair that has any act, on one day.

        Starts from the last stored snapshot on or before ``on`` and applies the span
        boundaries between the two (see ``_snapshots``); ``statuses_by_scan`` is the plain
        per-pair look-up it must always agree with.
        """
        days, moves, marks = self._snapshots()
        at = bisect.bisect_right(days, on)  # boundaries dated on or before ``on``
        m = bisect.bisect_right(marks, at, key=lambda mark: mark[0]) - 1
        start, snap = marks[m] if m >= 0 else (0, {})
        out = dict(snap)
        for key, status in moves[start:at]:
            if status is None:
                out.pop(key, None)
            else:
                out[key] = status
        return out

    def statuses_by_scan(self, on: date) -> dict[tuple[str, str], Status]:
        """The same answer as ``statuses_on`` by a bisect in every pair's spans."""
        out: dict[tuple[str, str], Status] = {}
        right = bisect.bisect_right
        for key, starts in self._starts.items():
            i = right(starts, on) - 1
            if i >= 0:
                span = self._spans[key][i]
                if span.end is None or on < span.end:
                    out[key] = span.status
        return out

    #: Boundaries between two stored snapshots of every pair's status.
    SNAPSHOT_EVERY = 256

    def _snapshots(self) -> tuple[list[date], list[_Move], list[tuple[int, dict[_Pair, Status]]]]:
        """Every span boundary in date order (a pair's old span ends before its next one
        starts on the same day), and a snapshot of all statuses every SNAPSHOT_EVERY
        boundaries; built on first use, never cached on disk."""
        if self._snapshot_index is None:
            bounds: list[tuple[date, int, _Pair, Status | None]] = []
            for key, spans in self._spans.items():
                for span in spans:
                    bounds.append((span.start, 1, key, span.status))
                    if span.end is not None:
                        bounds.append((span.end, 0, key, None))
            bounds.sort(key=lambda b: (b[0], b[1]))
            days = [b[0] for b in bounds]
            moves: list[_Move] = [(b[2], b[3]) for b in bounds]
            marks: list[tuple[int, dict[_Pair, Status]]] = []
            current: dict[_Pair, Status] = {}
            for i, (key, status) in enumerate(moves):
                if i % self.SNAPSHOT_EVERY == 0:
                    marks.append((i, dict(current)))
                if status is None:
                    current.pop(key, None)
                else:
                    current[key] = status
            self._snapshot_index = (days, moves, marks)
        return self._snapshot_index

    def parties(
        self, treaty: str, on: date, statuses: Iterable[Status] | None = None
    ) -> list[Answer]:
        """States under ``treaty`` on ``on`` whose status is in ``statuses`` (default: bound).

        ``not_party`` covers every state in existence on ``on`` (end dates exclusive) that
        has no span that day, those with no act under the treaty at all included."""
        treaty = self._tid(treaty)
        wanted = frozenset(statuses) if statuses is not None else BOUND
        candidates = self._by_treaty.get(treaty, [])
        if Status.NOT_PARTY in wanted:
            listed = set(candidates)
            candidates = [*candidates, *(a for a in self.existing(on) if a not in listed)]
        out = []
        for state in candidates:
            ans = self.status(state, treaty, on)
            if ans.status in wanted:
                out.append(ans)
        return sorted(out, key=lambda a: a.state.name)

    def existing(self, on: date) -> list[str]:
        """The states in existence on ``on`` (start inclusive, end exclusive)."""
        return [
            a
            for a, st in self.states.items()
            if (st.start is None or st.start <= on) and (st.end is None or on < st.end)
        ]

    def disputes(self, state: str, treaty: str) -> list[Act]:
        """Readings that a source gives but the record does not follow."""
        return list(self._disputes.get((self._sid(state), self._tid(treaty)), []))

    def events(self, state: str, treaty: str | None = None) -> list[Event]:
        """Political steps of a state (under one treaty, or all), oldest first."""
        state = self._sid(state)
        if treaty is not None:
            treaty = self._tid(treaty)
            return list(self._events.get((state, treaty), ()))
        out = []
        for (s, t), evs in self._events.items():
            if s == state and (treaty is None or t == treaty):
                out.extend(evs)
        return sorted(out, key=lambda e: e.date.earliest)

    def timeline(self, state: str, treaty: str | None = None) -> list[Change]:
        """Every status change and political event of a state, oldest first."""
        state = self._sid(state)
        treaty = self._tid(treaty) if treaty is not None else None
        return [
            c
            for c in self._change_list()[0]
            if c.state.alpha3 == state and (treaty is None or c.treaty.id == treaty)
        ]

    def changes(self, since: date, until: date, treaty: str | None = None) -> list[Change]:
        """Status changes and events dated ``since`` to ``until`` (both included)."""
        treaty = self._tid(treaty) if treaty is not None else None
        changes, days = self._change_list()
        lo = bisect.bisect_left(days, since)
        hi = bisect.bisect_right(days, until)
        return [c for c in changes[lo:hi] if treaty is None or c.treaty.id == treaty]

    def upcoming(self, after: date, treaty: str | None = None) -> list[Change]:
        """Status changes dated strictly after ``after`` that the record already
        determines (a withdrawal whose notice has been received)."""
        treaty = self._tid(treaty) if treaty is not None else None
        changes, days = self._change_list()
        lo = bisect.bisect_right(days, after)
        return [
            c
            for c in changes[lo:]
            if c.type == "status" and (treaty is None or c.treaty.id == treaty)
        ]

    def _change_list(self) -> tuple[list[Change], list[date]]:
        """Every change and event, sorted by date; built on first use, never cached on disk."""
        if self._change_index is None:
            changes = sorted(
                self._all_changes(), key=lambda c: (c.date, c.treaty.id, c.state.alpha3)
            )
            self._change_index = (changes, [c.date for c in changes])
        return self._change_index

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_change_index"] = None
        state["_snapshot_index"] = None
        state["_state_names"] = None
        state["_treaty_names"] = None
        return state

    def _all_changes(self) -> Iterable[Change]:
        for (state, tid), spans in self._spans.items():
            prev: Status | None = Status.NOT_PARTY
            for span in spans:
                reason = span.reasons[-1] if span.reasons else Reason(span.start, "", "", "")
                # the reason that opened the span is the last one dated on its start
                for r in span.reasons:
                    if r.date == span.start:
                        reason = r
                yield Change(
                    span.start,
                    self.states[state],
                    self.treaties[tid],
                    "status",
                    prev,
                    span.status,
                    reason,
                )
                prev = span.status
        for ev in self.dataset.events:
            reason = Reason(ev.date.earliest, ev.kind, "", ev.note, ev.sources)
            yield Change(
                ev.date.earliest,
                self.states[ev.state],
                self.treaties[ev.treaty],
                "event",
                None,
                None,
                reason,
            )

    # --- rows for data tools -------------------------------------------------------------

    def to_records(self, items: Iterable[Answer | Change]) -> list[dict[str, Any]]:
        """Answers (``status``, ``parties``) or changes (``timeline``, ``changes``,
        ``upcoming``) as flat rows: dates as ``datetime.date``, missing values None,
        sources as their URLs joined by ``;``. The columns are ANSWER_COLUMNS or
        CHANGE_COLUMNS."""
        out: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, Answer):
                span = item.span
                reasons = item.reasons
                ids = [s for r in reasons for s in r.sources]
                out.append(
                    {
                        "state": item.state.alpha3,
                        "state_name": item.state.name,
                        "treaty": item.treaty.id,
                        "on": item.on,
                        "status": item.status.value,
                        "bound": span.bound if span else False,
                        "contested": span.contested if span else False,
                        "since": span.start if span else None,
                        "until": span.end if span else None,
                        "reason": reasons[-1].text if reasons else None,
                        "article": (reasons[-1].article or None) if reasons else None,
                        "sources": ";".join(s.url for s in self.source_list(ids)) or None,
                    }
                )
            elif isinstance(item, Change):
                out.append(
                    {
                        "date": item.date,
                        "state": item.state.alpha3,
                        "state_name": item.state.name,
                        "treaty": item.treaty.id,
                        "type": item.type,
                        "from": item.before.value if item.before else None,
                        "to": item.after.value if item.after else None,
                        "act": item.reason.act,
                        "article": item.reason.article or None,
                        "text": item.reason.text,
                        "sources": ";".join(s.url for s in self.source_list(item.reason.sources))
                        or None,
                    }
                )
            else:
                raise TypeError(f"to_records takes Answer or Change items, not {type(item)}")
        return out

    def to_frame(self, items: Iterable[Answer | Change]) -> Any:
        """``to_records`` as a pandas DataFrame, date columns as ``datetime64`` (missing:
        ``NaT``). Needs pandas: ``pip install 'treatywatch[frame]'``."""
        try:
            import pandas as pd
        except ImportError:
            raise UsageError(
                "to_frame needs pandas: pip install 'treatywatch[frame]' (or use to_records)"
            ) from None
        items = list(items)
        records = self.to_records(items)
        is_change = bool(items) and isinstance(items[0], Change)
        columns = CHANGE_COLUMNS if is_change else ANSWER_COLUMNS
        frame = pd.DataFrame.from_records(records, columns=columns)
        for col in ("date",) if is_change else ("on", "since", "until"):
            frame[col] = pd.to_datetime(frame[col])
        return frame

    def source_list(self, ids: Iterable[str]) -> list[Source]:
        """Sources by id, in order, each URL once."""
        seen: dict[str, Source] = {}
        for i in ids:
            src = self.sources.get(i)
            if src is not None and src.url not in seen:
                seen[src.url] = src
        return list(seen.values())


def _gone(state: State, on: object) -> bool:
    """Whether a state had ceased to exist by ``on`` (a count of that day leaves it out)."""
    return isinstance(on, date) and state.end is not None and state.end <= on


def _until_state_end(spans: list[Span], end: date | None) -> list[Span]:
    """A state that ceased to exist (Czechoslovakia, the GDR) holds no status after its end:
    its last span closes on that day; its successors answer for themselves."""
    if end is None or not spans or (spans[-1].end is not None and spans[-1].end <= end):
        return spans
    kept = [s for s in spans if s.start < end]
    if kept and (kept[-1].end is None or kept[-1].end > end):
        kept[-1] = replace(kept[-1], end=end)
    return kept


def _predecessor_signature(
    states: dict[str, State], state: str, treaty: str, signatures: dict[tuple[str, str], Act]
) -> Act | None:
    """A predecessor's signature that a successor may ratify; the predecessor's acts may be
    recorded under the state that continues it (the USSR's under Russia)."""
    for pred in states[state].predecessors:
        holders = [pred] + [s.alpha3 for s in states.values() if s.continues == pred]
        for holder in holders:
            if holder != state and (holder, treaty) in signatures:
                return signatures[(holder, treaty)]
    return None


def _succession(states: dict[str, State], state: str) -> law.Succession | None:
    """The date of succession of a state (that of the state it continues: Serbia's is
    Serbia and Montenegro's), and the VCSST article that applies to it."""
    st = states[state]
    seen = {state}
    while st.continues and st.continues in states and st.continues not in seen:
        seen.add(st.continues)
        st = states[st.continues]
    return law.Succession.of(st.predecessors, st.start)


def build(root: Path | None = None) -> tuple[Ledger | None, list[Problem]]:
    """Read and derive; return the ledger (None if the data could not be read) and problems."""
    dataset, problems = data_mod.read(root)
    ledger, found = Ledger.build(dataset)
    return ledger, problems + found


def load(root: Path | None = None, *, use_cache: bool = True) -> Ledger:
    """The ledger of a data folder (default: the bundled record); raise DataError on problems.

    A ledger that validated is cached (see ``cache.py``) and reused while no data file
    changes; a record with problems is never cached.
    """
    root = root or data_mod.bundled_path()
    if use_cache:
        cached = cache.get(root)
        if isinstance(cached, Ledger):
            return cached
    ledger, problems = build(root)
    if problems or ledger is None:
        raise DataError(problems)
    if use_cache:
        cache.put(root, ledger)
    return ledger
