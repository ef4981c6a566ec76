"""Invariants that must hold for any acts, not just the recorded ones."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.lawcases import APMBC, SILENT
from treatywatch.dates import PartialDate
from treatywatch.law import InForce, derive
from treatywatch.ledger import Ledger, load
from treatywatch.model import Act, ActKind, Conflict

EIF = InForce(date(1999, 3, 1))
KINDS = list(ActKind)


def _act(kind: ActKind, day: date, i: int) -> Act:
    return Act("t", "XXX", kind, PartialDate(day, "day", day.isoformat()), ("src",), line=i)


acts_strategy = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.dates(min_value=date(1997, 12, 1), max_value=date(2030, 12, 31)),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(acts_strategy, st.randoms(use_true_random=False), st.booleans(), st.booleans())
def test_load_order_never_changes_spans(
    rows: list[tuple[ActKind, date]], rnd: random.Random, silent: bool, war: bool
) -> None:
    treaty = SILENT if silent else APMBC
    conflicts = [Conflict("XXX", "Y", date(2014, 2, 1), None, ("src",))] if war else []
    acts = [_act(k, d, i) for i, (k, d) in enumerate(rows)]
    shuffled = acts[:]
    rnd.shuffle(shuffled)
    a, pa = derive(treaty, acts, EIF, conflicts)
    b, pb = derive(treaty, shuffled, EIF, conflicts)
    assert [(s.status, s.start, s.end) for s in a] == [(s.status, s.start, s.end) for s in b]
    assert sorted(map(str, pa)) == sorted(map(str, pb))


@settings(max_examples=300, deadline=None)
@given(acts_strategy)
def test_spans_never_overlap_and_leave_no_gap(rows: list[tuple[ActKind, date]]) -> None:
    spans, _ = derive(APMBC, [_act(k, d, i) for i, (k, d) in enumerate(rows)], EIF)
    for prev, nxt in itertools.pairwise(spans):
        assert prev.end == nxt.start  # contiguous: no gap, no overlap
        assert prev.start < nxt.start
        assert prev.status != nxt.status or prev.contested != nxt.contested
    if spans:
        assert spans[-1].end is None
        first_act = min(d for _, d in rows)
        assert spans[0].start >= first_act - timedelta(days=0) or spans[0].status.value == "party"


def test_bundled_spans_are_contiguous(ledger: Ledger) -> None:
    for (state, treaty), spans in ledger._spans.items():
        for prev, nxt in itertools.pairwise(spans):
            assert prev.end == nxt.start, (state, treaty)


def test_snapshot_index_agrees_with_a_scan_on_every_boundary_day() -> None:
    # statuses_on starts from a stored snapshot and replays span boundaries; check it
    # against the per-pair look-up on each boundary day, the day before and the day after,
    # with small snapshot intervals so that many snapshots are crossed.
    ledger = load(use_cache=False)
    ledger.SNAPSHOT_EVERY = 7
    days, _, marks = ledger._snapshots()
    assert len(marks) > 100
    one = timedelta(days=1)
    for day in sorted({d + k * one for d in days for k in (-1, 0, 1)}):
        assert ledger.statuses_on(day) == ledger.statuses_by_scan(day), day
    assert ledger.statuses_on(date(1900, 1, 1)) == {}
