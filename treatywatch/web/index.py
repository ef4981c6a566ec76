"""Per-day answer structures: a status or a parties list without building it per request.

The status object of a state under a treaty (``render.answer_dict``) changes only on a
few days: where a span starts or ends, where a reason or an event dates from, and the
day after the treaty's record stops being complete. Between two such days it is the same
object except for its ``on`` field. So for each (state, treaty) pair the index keeps the
sorted breakpoints and, per segment, the status and the answer already serialised with
orjson, split around ``on``. A status is then a bisection and a concatenation, and a
parties list is that for every state of the treaty, in name order, joined.

Pairs are built on first use, a whole treaty at a time (a few milliseconds), or all up
front with ``warm`` (the server does it in the background when it starts). The bytes are
the JSON of ``answer_dict`` exactly (``tests/test_api.py`` compares them over many days).
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson

from treatywatch.ledger import Change, Ledger
from treatywatch.model import Status
from treatywatch.render import answer_dict, change_dict

_ON = "@@treatywatch-on@@"
_ON_FIELD = orjson.dumps({"on": _ON})[1:-1]  # b'"on":"@@treatywatch-on@@"'


def dumps(value: Any) -> bytes:
    """Compact JSON as the API sends it (UTF-8, no spaces)."""
    return orjson.dumps(value)


@dataclass(frozen=True, slots=True)
class Segment:
    status: Status
    head: bytes  # up to and including '"on":"'
    tail: bytes  # from the closing quote of ``on``

    def render(self, on: bytes) -> bytes:
        return self.head + on + self.tail


class Pair:
    """One state's answers under one treaty, segment by segment."""

    __slots__ = ("days", "segments")

    def __init__(self, led: Ledger, state: str, treaty: str) -> None:
        t = led.treaties[treaty]
        cuts: set[date] = set()
        for span in led.spans(state, treaty):
            cuts.add(span.start)
            if span.end is not None:
                cuts.add(span.end)
            cuts.update(r.date for r in span.reasons)
        cuts.update(e.date.earliest for e in led.events(state, treaty))
        if t.complete_until is not None and t.complete_until < date.max:
            cuts.add(t.complete_until + timedelta(days=1))
        days = sorted(cuts)
        starts = [date.min, *days] if not days or days[0] > date.min else days
        self.days: list[date] = starts
        self.segments: list[Segment] = [self._segment(led, state, treaty, d) for d in starts]

    @staticmethod
    def _segment(led: Ledger, state: str, treaty: str, day: date) -> Segment:
        ans = led.status(state, treaty, day)
        body = answer_dict(led, ans)
        body["on"] = _ON
        raw = orjson.dumps(body)
        at = raw.index(_ON_FIELD)
        cut = at + len(_ON_FIELD) - len(_ON) - 1
        return Segment(ans.status, raw[:cut], raw[cut + len(_ON) :])

    def at(self, on: date) -> Segment:
        return self.segments[bisect.bisect_right(self.days, on) - 1]


class BoundedDict(dict[Any, Any]):
    """A dict that forgets its oldest entries beyond ``limit``."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        while len(self) > self.limit:
            del self[next(iter(self))]


class AnswerIndex:
    """The answers of one ledger (a reload makes a new index)."""

    def __init__(self, led: Ledger) -> None:
        self.ledger = led
        self.pairs: dict[tuple[str, str], Pair] = {}
        self.members: dict[str, tuple[list[str], list[tuple[str, date | None, date | None]]]] = {}
        self.lock = threading.Lock()
        #: Other finished answers of this ledger (the map of a treaty on a day), bounded.
        self.extra: BoundedDict = BoundedDict(64)
        #: Per treaty, every day on which some state's answer (or existence) changes.
        self.epochs: dict[str, list[date]] = {}
        #: (treaty, statuses, epoch) -> the states a parties list shows, with segments:
        #: references into ``pairs``, about 1.5 KB each at most, 4,096 kept.
        self.chosen: BoundedDict = BoundedDict(4096)
        self.change_json: dict[int, bytes] | None = None

    def _treaty(self, treaty: str) -> tuple[list[str], list[tuple[str, date | None, date | None]]]:
        """(states with spans under the treaty, every state with its existence), both in
        name order; builds the treaty's pairs on first use."""
        got = self.members.get(treaty)
        if got is not None:
            return got
        with self.lock:
            got = self.members.get(treaty)
            if got is not None:
                return got
            led = self.ledger
            named = sorted(led.states.values(), key=lambda s: s.name)
            members = [s.alpha3 for s in named if led.spans(s.alpha3, treaty)]
            for a in (s.alpha3 for s in named):
                if (a, treaty) not in self.pairs:
                    self.pairs[(a, treaty)] = Pair(led, a, treaty)
            got = (members, [(s.alpha3, s.start, s.end) for s in named])
            cuts: set[date] = set()
            for s in named:
                cuts.update(self.pairs[(s.alpha3, treaty)].days)
                cuts.update(d for d in (s.start, s.end) if d is not None)
            self.epochs[treaty] = sorted(cuts)
            self.members[treaty] = got
            return got

    def warm(self) -> None:
        for treaty in sorted(self.ledger.treaties):
            self._treaty(treaty)
        self._change_json()

    def _change_json(self) -> dict[int, bytes]:
        """Every change of the ledger (``changes``, ``timeline`` and ``upcoming`` hand out
        the same objects) serialised once, by the object's identity."""
        got = self.change_json
        if got is None:
            with self.lock:
                got = self.change_json
                if got is None:
                    led = self.ledger
                    everything = led.changes(date.min, date.max)
                    got = {id(c): dumps(change_dict(led, c)) for c in everything}
                    self.change_json = got
        return got

    def changes(self, changes: list[Change]) -> bytes:
        """The JSON of ``[change_dict(c) for c in changes]``."""
        known = self._change_json()
        led = self.ledger
        parts = [known.get(id(c)) or dumps(change_dict(led, c)) for c in changes]
        return b"[" + b",".join(parts) + b"]"

    def status(self, state: str, treaty: str, on: date) -> bytes:
        self._treaty(treaty)
        return self.pairs[(state, treaty)].at(on).render(on.isoformat().encode())

    def parties(
        self,
        treaty: str,
        on: date,
        wanted: frozenset[Status],
        keep: set[str] | None = None,
    ) -> bytes:
        """The JSON of ``[answer_dict(a) for a in ledger.parties(treaty, on, wanted)]``,
        only the states in ``keep`` if given."""
        members, everyone = self._treaty(treaty)
        days = self.epochs[treaty]
        epoch = bisect.bisect_right(days, on)
        key = (treaty, wanted, epoch)
        chosen = self.chosen.get(key)
        if chosen is None:
            chosen = self.chosen[key] = self._choose(treaty, on, wanted, members, everyone)
        if keep is not None:
            chosen = [(a, seg) for a, seg in chosen if a in keep]
        if not chosen:
            return b"[]"
        iso = on.isoformat().encode()
        pieces: list[bytes] = []
        for _, seg in chosen:
            pieces += (b",", seg.head, iso, seg.tail)
        pieces[0] = b"["
        pieces.append(b"]")
        return b"".join(pieces)

    def _choose(
        self,
        treaty: str,
        on: date,
        wanted: frozenset[Status],
        members: list[str],
        everyone: list[tuple[str, date | None, date | None]],
    ) -> list[tuple[str, Segment]]:
        """The states listed on ``on``, in name order, with their segments: the same for
        every day of the epoch (between two breakpoints of any state of the treaty)."""
        if Status.NOT_PARTY in wanted:
            listed = set(members)
            candidates = [
                a
                for a, start, end in everyone
                if a in listed or ((start is None or start <= on) and (end is None or on < end))
            ]
        else:
            candidates = members
        out = []
        for a in candidates:
            seg = self.pairs[(a, treaty)].at(on)
            if seg.status in wanted:
                out.append((a, seg))
        return out


def index_for(state: Any) -> AnswerIndex:
    """The index of the app's current ledger (``state`` is ``app.state``); a new one when
    a reload replaced the ledger."""
    led: Ledger = state.ledger
    current: AnswerIndex | None = getattr(state, "index", None)
    if current is None or current.ledger is not led:
        current = AnswerIndex(led)
        state.index = current
    return current
