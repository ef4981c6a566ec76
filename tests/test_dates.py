import pickle
from datetime import date

import pytest

from treatywatch.dates import (
    add_months,
    first_day_of_month_after,
    first_day_of_month_after_days,
    parse_partial,
)
from treatywatch.errors import UsageError


@pytest.mark.parametrize(
    ("deposit", "expected", "article"),
    [
        (date(1998, 9, 16), date(1999, 3, 1), "APMBC 17(1): Burkina Faso, 40th"),
        (date(2000, 3, 1), date(2000, 9, 1), "APMBC 17(2): Botswana"),
        (date(2000, 2, 29), date(2000, 8, 1), "APMBC 17(2): Albania"),
        (date(2005, 12, 27), date(2006, 6, 1), "APMBC 17(2): Ukraine"),
        (date(2012, 1, 9), date(2012, 7, 1), "APMBC 17(2): Finland"),
        (date(2011, 3, 24), date(2011, 9, 1), "CCM 17(2): Lithuania"),
    ],
)
def test_first_day_of_sixth_month(deposit: date, expected: date, article: str) -> None:
    assert first_day_of_month_after(deposit, 6) == expected, article


@pytest.mark.parametrize(
    ("deposit", "expected"),
    [
        (date(2003, 1, 31), date(2003, 5, 1)),  # Rome 126(2): day 60 is 1 April -> 1 May
        (date(2002, 7, 1), date(2002, 9, 1)),
        (date(2023, 11, 14), date(2024, 2, 1)),  # Armenia
    ],
)
def test_first_day_of_month_after_days(deposit: date, expected: date) -> None:
    assert first_day_of_month_after_days(deposit, 60) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # clamped to month end
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2025, 6, 27), 6, date(2025, 12, 27)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),
    ],
)
def test_add_months_clamps(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_partial_dates_keep_precision() -> None:
    assert parse_partial("2012").precision == "year"
    assert parse_partial("2012-01").latest == date(2012, 1, 31)
    assert str(parse_partial("2012-01-09")) == "2012-01-09"
    assert parse_partial("2012").contains(date(2012, 12, 31))


def test_a_range_is_a_day_somewhere_in_it() -> None:
    # North Atlantic Treaty: founders deposited between signature and entry into force.
    d = parse_partial("1949-04-04/1949-08-24")
    assert d.precision == "range" and str(d) == "1949-04-04/1949-08-24"
    assert (d.earliest, d.latest) == (date(1949, 4, 4), date(1949, 8, 24))
    assert d.contains(date(1949, 5, 3)) and not d.contains(date(1949, 8, 25))
    assert pickle.loads(pickle.dumps(d)) == d


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "2012-13",
        "2012-02-30",
        "12/01/2012",
        "yesterday",
        "1949/1950",
        "1949-08-24/1949-04-04",
        "1949-04-04/1949-04-04",
        "1949-04-04/1949-05-01/1949-06-01",
    ],
)
def test_bad_dates_are_refused(bad: str) -> None:
    with pytest.raises(UsageError):
        parse_partial(bad)
