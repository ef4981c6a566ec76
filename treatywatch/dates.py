"""Partial dates and the calendar arithmetic treaties use.

A date in the record keeps its precision: ``2012``, ``2012-01`` and ``2012-01-09``
are different claims. Arithmetic needs a day, so a partial date resolves to its
first day (``earliest``) and callers that care check ``precision``.

A fourth form, ``1949-04-04/1949-08-24`` (precision ``range``), says that something
happened on some day within the interval, both ends included, and no source gives the
day: the North Atlantic Treaty's founders deposited their ratifications between signing
it and its entry into force, which followed the last of them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from treatywatch.errors import UsageError

Precision = Literal["year", "month", "day", "range"]
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """An ISO date prefix with its precision; ``raw`` is the text it came from."""

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), (self.earliest, self.precision, self.raw, self.until))

    earliest: date
    precision: Precision
    raw: str
    #: The last day of a ``range``; None otherwise.
    until: date | None = None

    def __str__(self) -> str:
        if self.until is not None:
            return f"{self.earliest.isoformat()}/{self.until.isoformat()}"
        if self.precision == "year":
            return f"{self.earliest.year:04d}"
        if self.precision == "month":
            return f"{self.earliest.year:04d}-{self.earliest.month:02d}"
        return self.earliest.isoformat()

    @property
    def latest(self) -> date:
        if self.until is not None:
            return self.until
        d = self.earliest
        if self.precision == "year":
            return date(d.year, 12, 31)
        if self.precision == "month":
            return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
        return d

    def contains(self, day: date) -> bool:
        return self.earliest <= day <= self.latest


def parse_partial(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range of two full dates
    ``YYYY-MM-DD/YYYY-MM-DD``; raise UsageError otherwise."""
    raw = text.strip()
    if "/" in raw:
        first, _, last = raw.partition("/")
        start, end = parse_partial(first), parse_partial(last)
        if start.precision != "day" or end.precision != "day" or start.until or end.until:
            raise UsageError(f"not a date range: {text!r} (expected YYYY-MM-DD/YYYY-MM-DD)")
        if end.earliest <= start.earliest:
            raise UsageError(f"not a date range: {text!r} (the end must come after the start)")
        return PartialDate(start.earliest, "range", raw, end.earliest)
    m = _PARTIAL.match(raw)
    if not m:
        forms = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD"
        raise UsageError(f"not a date: {text!r} (expected {forms})")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return PartialDate(date(year, int(month or 1), int(day)), "day", raw)
        if month is not None:
            return PartialDate(date(year, int(month), 1), "month", raw)
        return PartialDate(date(year, 1, 1), "year", raw)
    except ValueError as exc:
        raise UsageError(f"not a date: {text!r} ({exc})") from None


def parse_day(text: str) -> date:
    """Parse a full ``YYYY-MM-DD`` date (queries need a day)."""
    pd = parse_partial(text)
    if pd.precision != "day":
        raise UsageError(f"a full date is needed here (YYYY-MM-DD), got {text!r}")
    return pd.earliest


def add_months(d: date, months: int) -> date:
    """Same day of the month ``months`` later, clamped to the month's last day."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    """Same calendar day ``years`` later (29 February becomes 28 February)."""
    return add_months(d, 12 * years)


def first_day_of_month_after(d: date, months: int) -> date:
    """First day of the ``months``-th month after the month of ``d`` (day ignored).

    APMBC Art. 17(2): deposit 1998-09-16 -> 1999-03-01.
    """
    shifted = add_months(date(d.year, d.month, 1), months)
    return shifted


def first_day_of_month_after_days(d: date, days: int) -> date:
    """First day of the month after the month in which ``d + days`` falls.

    Rome Statute Art. 126(2): deposit 2003-01-31 -> day 60 is 2003-04-01 -> 2003-05-01.
    """
    x = d + timedelta(days=days)
    return add_months(date(x.year, x.month, 1), 1)


def days_after(d: date, days: int) -> date:
    return d + timedelta(days=days)
