"""Shared builders for law cases: a treaty with given rules, acts from short tuples."""

from __future__ import annotations

from datetime import date

from treatywatch.dates import parse_partial
from treatywatch.model import (
    VCLT_FALLBACK,
    Act,
    ActKind,
    EntryRule,
    Period,
    Treaty,
    TreatyEntry,
    WithdrawalRule,
)

MONTH6 = EntryRule("first_day_of_month_after", "17(2)", months=6, after="threshold")


def treaty(
    *,
    late: EntryRule = MONTH6,
    eif: date | None = date(1999, 3, 1),
    withdrawal: WithdrawalRule | None = None,
    opens: date | None = date(1997, 12, 3),
    closes: date | None = date(1999, 3, 1),
    ended: date | None = None,
) -> Treaty:
    """A Mine-Ban-like treaty unless told otherwise."""
    return Treaty(
        id="t",
        short_name="Test treaty",
        full_name="Test treaty",
        aliases=(),
        adopted=date(1997, 9, 18),
        signature_opens=opens,
        signature_closes=closes,
        signature_article="15",
        depositary="UNSG",
        entry=TreatyEntry(eif, "17(1)") if eif else None,
        late_joiner=late,
        withdrawal=withdrawal
        or WithdrawalRule(Period(months=6), "20(2)", "20(3)", armed_conflict_clause=True),
        ended=ended,
        end_article="XV",
    )


APMBC = treaty()
SILENT = treaty(withdrawal=VCLT_FALLBACK)


def acts(*rows: tuple[str, str] | tuple[str, str, str]) -> list[Act]:
    """("accession", "2012-01-09") or ("withdrawal", "2025-07-10", "2026-03-01")."""
    out = []
    for i, row in enumerate(rows):
        kind, day = row[0], row[1]
        eff = parse_partial(row[2]) if len(row) > 2 else None
        out.append(Act("t", "XXX", ActKind(kind), parse_partial(day), ("src",), eff, line=i + 2))
    return out
