"""The story the project started from, checked against the bundled record.

Each expectation is the depositary's (or monitors') record with the treaty's law
applied; the sources are in the data files.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from treatywatch.ledger import Ledger
from treatywatch.model import Status

D = date.fromisoformat

STORY = [
    # state, treaty, day, status, since
    ("FIN", "apmbc", "2012-06-30", Status.CONSENTED, "2012-01-09"),
    ("FIN", "apmbc", "2012-07-01", Status.PARTY, "2012-07-01"),
    ("FIN", "apmbc", "2025-07-10", Status.WITHDRAWAL_PENDING, "2025-07-10"),
    ("FIN", "apmbc", "2026-01-09", Status.WITHDRAWAL_PENDING, "2025-07-10"),
    ("FIN", "apmbc", "2026-01-10", Status.WITHDRAWN, "2026-01-10"),
    ("LTU", "apmbc", "2025-12-26", Status.WITHDRAWAL_PENDING, "2025-06-27"),
    ("LTU", "apmbc", "2025-12-27", Status.WITHDRAWN, "2025-12-27"),
    ("EST", "apmbc", "2025-12-27", Status.WITHDRAWN, "2025-12-27"),
    ("LVA", "apmbc", "2025-12-27", Status.WITHDRAWN, "2025-12-27"),
    ("POL", "apmbc", "2026-02-19", Status.WITHDRAWAL_PENDING, "2025-08-20"),
    ("POL", "apmbc", "2026-02-20", Status.WITHDRAWN, "2026-02-20"),
    ("UKR", "apmbc", "2025-07-17", Status.PARTY, "2006-06-01"),
    ("UKR", "apmbc", "2025-07-18", Status.SUSPENDED, "2025-07-18"),
    ("UKR", "apmbc", "2026-11-26", Status.SUSPENDED, "2025-07-18"),
    ("NOR", "apmbc", "2026-03-01", Status.PARTY, "1999-03-01"),
    ("BFA", "apmbc", "1999-03-01", Status.PARTY, "1999-03-01"),
    ("MHL", "apmbc", "2025-09-01", Status.PARTY, "2025-09-01"),
    ("LTU", "ccm", "2011-09-01", Status.PARTY, "2011-09-01"),
    ("LTU", "ccm", "2025-03-05", Status.WITHDRAWAL_PENDING, None),
    ("LTU", "ccm", "2025-03-06", Status.WITHDRAWN, "2025-03-06"),
]


@pytest.mark.parametrize(("state", "treaty", "day", "status", "since"), STORY)
def test_story(
    ledger: Ledger, state: str, treaty: str, day: str, status: Status, since: str | None
) -> None:
    ans = ledger.status(state, treaty, D(day))
    assert ans.status is status
    if since is not None:
        assert ans.span is not None and ans.span.start == D(since)


def test_russia_never_a_signatory(ledger: Ledger) -> None:
    for year in range(1997, 2027):
        assert ledger.status("RUS", "apmbc", date(year, 6, 1)).status is Status.NOT_PARTY
    assert ledger.spans("RUS", "apmbc") == []


def test_ukraine_still_bound_and_flagged(ledger: Ledger) -> None:
    ans = ledger.status("UKR", "apmbc", D("2026-03-01"))
    assert ans.span is not None and ans.span.bound and ans.span.contested
    assert any("suspension" in r.text for r in ans.reasons)


def test_finland_never_signed(ledger: Ledger) -> None:
    kinds = [
        a.kind.value
        for a in ledger.dataset.acts
        if a.state == "FIN" and a.treaty == "apmbc" and not a.alternate
    ]
    assert kinds == ["accession", "withdrawal"]


def test_forty_deposits_brought_the_mine_ban_into_force(ledger: Ledger) -> None:
    nth = ledger.in_force["apmbc"].nth_deposit
    # Burkina Faso (named 40th by UNODA) and Equatorial Guinea both deposited that day;
    # the day, not the order within it, fixes entry into force.
    assert nth is not None and nth.state in {"BFA", "GNQ"} and nth.day == D("1998-09-16")
    day_before = D("1998-09-16") - timedelta(days=1)
    consented = ledger.parties("apmbc", day_before, {Status.CONSENTED})
    assert len(consented) < 40 <= len(ledger.parties("apmbc", D("1998-09-16"), {Status.CONSENTED}))


@pytest.mark.parametrize(
    ("treaty", "day", "count"),
    [
        ("apmbc", "2024-12-31", 164),
        ("apmbc", "2025-12-01", 166),  # + Marshall Islands (Sep) and Tonga (Dec)
        ("apmbc", "2025-12-27", 163),  # Estonia, Latvia, Lithuania out
        ("apmbc", "2026-01-10", 162),  # Finland out
        ("apmbc", "2026-02-20", 161),  # Poland out; Ukraine still counted as bound
        ("ccm", "2010-08-01", 30),
        ("ccm", "2025-03-06", 111),
    ],
)
def test_party_counts_on_milestones(ledger: Ledger, treaty: str, day: str, count: int) -> None:
    assert len(ledger.parties(treaty, D(day))) == count


def test_2025_sequence_in_order(ledger: Ledger) -> None:
    changes = [
        (c.date.isoformat(), c.state.alpha3, c.after)
        for c in ledger.changes(D("2025-06-01"), D("2026-03-01"), "apmbc")
        if c.type == "status" and c.after in (Status.WITHDRAWAL_PENDING, Status.WITHDRAWN)
    ]
    assert changes == [
        ("2025-06-27", "EST", Status.WITHDRAWAL_PENDING),
        ("2025-06-27", "LTU", Status.WITHDRAWAL_PENDING),
        ("2025-06-27", "LVA", Status.WITHDRAWAL_PENDING),
        ("2025-07-10", "FIN", Status.WITHDRAWAL_PENDING),
        ("2025-08-20", "POL", Status.WITHDRAWAL_PENDING),
        ("2025-12-27", "EST", Status.WITHDRAWN),
        ("2025-12-27", "LTU", Status.WITHDRAWN),
        ("2025-12-27", "LVA", Status.WITHDRAWN),
        ("2026-01-10", "FIN", Status.WITHDRAWN),
        ("2026-02-20", "POL", Status.WITHDRAWN),
    ]
