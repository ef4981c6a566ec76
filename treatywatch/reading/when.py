"""Dates in news text, absolute or relative, resolved against the publication date.

The precision the text supports is kept: "in 2011" is a year, "in June" a month,
"on Friday" a day. A relative date with no publication date stays unresolved.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from treatywatch.dates import PartialDate, add_months
from treatywatch.reading.screen import Folded, required_all, screen
from treatywatch.reading.text import WORD_NUMBERS

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {k: int(v) for k, v in WORD_NUMBERS.items() if v >= 1 and k != "half a"}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>(?:19|20)\d\d)|\s+(?P<rel>next|last|this) year)?\b",
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d)|\s+(?P<rel>next|last|this) year)?\b",
            re.I,
        ),
    ),
    (
        "my",
        re.compile(
            rf"\b(?:in|by|since|from|until|of|early|late|mid-?|end of)\s+{_MON}(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)|\s+(?:of\s+)?(?P<rel>next|last|this) year)?\b",
            re.I,
        ),
    ),
    (
        "endof",
        re.compile(
            r"\b(?:at |by |before |until )?the end of (?P<which>the |this |next |last )?(?P<unit>month|year)\b",
            re.I,
        ),
    ),
    ("monthyear", re.compile(rf"\b{_MON}\s+(?P<y>(?:19|20)\d\d)\b", re.I)),
    # "last July", "next March": the nearest such month before or after publication.
    ("relmonth", re.compile(rf"\b(?P<which>last|next|this)\s+{_MON}(?![\w-]|\s+\d)", re.I)),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
            re.I,
        ),
    ),
    (
        "inrel",
        re.compile(
            r"\bin\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+(?P<unit>day|week|month|year)s?(?:'|’)?\s*(?:time)?\b",
            re.I,
        ),
    ),
    (
        "lastnext",
        re.compile(
            r"\b(?P<which>last|next|this|earlier this|later this|past)\s+(?P<unit>week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            re.I,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
        ),
    ),
    ("word", re.compile(r"\b(?P<w>yesterday|today|tomorrow)\b", re.I)),
    (
        "year",
        re.compile(
            r"(?<![\d,.-])(?P<y>(?:19[4-9]|20[0-4])\d)(?![\d%-]|\s*(?:km|kilomet|mines|percent|%))\b"
        ),
    ),
]


@dataclass(slots=True)  # read-only by convention (see gazetteer.Mention)
class DateMention:
    start: int
    end: int
    text: str
    value: PartialDate | None  # None: relative and no publication date to resolve it
    relative: bool


def _n(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


#: The date patterns in order, each ready to run over lower-cased text (see ``Folded``).
PATTERNS = [(kind, Folded(rx)) for kind, rx in _PATTERNS]
#: Per pattern, the words it cannot match without (see ``screen.required_all``), for
#: lower-cased text with its white space made single spaces (``screen.spaced``).
SCREENS = [required_all(rx, spaces=True) for _, rx in _PATTERNS]
_SCREENS = [screen(rx) for _, rx in _PATTERNS]


def _pd(d: date, precision: str) -> PartialDate:
    raw = d.isoformat()[: _RAW_LENGTH[precision]]
    return PartialDate(
        d if precision == "day" else date(d.year, d.month if precision == "month" else 1, 1),
        precision,  # type: ignore[arg-type]
        raw,
    )


def _guess_year(month: int, day: int, published: date | None) -> int | None:
    """A day and month without a year: the year that puts it nearest the publication."""
    if published is None:
        return None
    best, gap = published.year, None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            d = abs((date(year, month, min(day, 28)) - published).days)
        except ValueError:
            continue
        if gap is None or d < gap:
            best, gap = year, d
    return best


def find_dates(
    text: str,
    published: date | None,
    patterns: Sequence[tuple[str, Folded]] | None = None,
    low: str | None = None,
) -> list[DateMention]:
    """Every date mention in ``text``, non-overlapping, earliest pattern wins at a position.

    ``patterns``: the subset of ``PATTERNS`` (in order) whose screens the text passes, when
    the caller has screened it already (see ``screen.Sieve``); ``low``: the text
    lower-cased, when the caller has it.
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    if low is None:
        low = text.lower()
    if patterns is None:
        patterns = [p for p, ok in zip(PATTERNS, _SCREENS, strict=True) if ok is None or ok(low)]
    for kind, folded in patterns:
        for m in folded.finditer_low(text, low):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            value, relative = _resolve(kind, m, published)
            if value is None and not relative:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, text[s:e], value, relative))
    return sorted(out, key=lambda d: d.start)


_RAW_LENGTH = {"day": 10, "month": 7, "year": 4}


def _resolve(
    kind: str, m: re.Match[str], published: date | None
) -> tuple[PartialDate | None, bool]:
    return _resolve_groups(kind, tuple(m.groupdict().items()), published)


@functools.lru_cache(maxsize=8192)
def _resolve_groups(
    kind: str, groups: tuple[tuple[str, str | None], ...], published: date | None
) -> tuple[PartialDate | None, bool]:
    """The date a match names, from its groups (the same few recur: kept)."""
    g: dict[str, Any] = dict(groups)  # as groupdict() types it
    try:
        if kind == "iso":
            return _pd(date(int(g["y"]), int(g["m"]), int(g["d"])), "day"), False
        if kind in ("dmy", "mdy"):
            month = MONTHS[
                g["mon"].lower().rstrip(".")[:4]
                if g["mon"].lower().startswith("sept")
                else g["mon"].lower().rstrip(".")[:3]
            ]
            day = int(g["d"])
            year = (
                int(g["y"])
                if g.get("y")
                else _rel_year(g.get("rel"), published) or _guess_year(month, day, published)
            )
            if year is None:
                return None, True
            return _pd(date(year, month, day), "day"), g.get("y") is None
        if kind in ("my", "monthyear"):
            month = MONTHS[g["mon"].lower().rstrip(".")[:3]]
            if g.get("y"):
                return _pd(date(int(g["y"]), month, 1), "month"), False
            year = _rel_year(g.get("rel"), published) or _guess_year(month, 15, published)
            if year is None:
                return None, True
            return _pd(date(year, month, 1), "month"), True
        if kind == "year":
            return _pd(date(int(g["y"]), 1, 1), "year"), False
    except (ValueError, KeyError):
        return None, False
    if published is None:
        return None, True
    if kind == "relmonth":
        month = MONTHS[g["mon"].lower().rstrip(".")[:3]]
        which = g["which"].lower()
        if which == "last":
            year = published.year if month < published.month else published.year - 1
        elif which == "next":
            year = published.year if month > published.month else published.year + 1
        else:
            year = published.year
        return _pd(date(year, month, 1), "month"), True
    if kind == "ago":
        n, unit = _n(g["n"]), g["unit"].lower()
        if unit == "day":
            return _pd(published - timedelta(days=n), "day"), True
        if unit == "week":
            return _pd(published - timedelta(weeks=n), "day"), True
        if unit == "month":
            return _pd(add_months(published, -n), "month"), True
        return _pd(date(published.year - n, 1, 1), "year"), True
    if kind == "inrel":
        n, unit = _n(g["n"]), g["unit"].lower()
        if unit == "day":
            return _pd(published + timedelta(days=n), "day"), True
        if unit == "week":
            return _pd(published + timedelta(weeks=n), "day"), True
        if unit == "month":
            return _pd(add_months(published, n), "month"), True
        return _pd(date(published.year + n, 1, 1), "year"), True
    if kind == "lastnext":
        which, unit = g["which"].lower(), g["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1}.get(which, 0)
        if unit == "year":
            return _pd(date(published.year + step, 1, 1), "year"), True
        if unit == "month":
            return _pd(add_months(date(published.year, published.month, 1), step), "month"), True
        if unit == "week":
            return _pd(published + timedelta(weeks=step), "day"), True
        return _pd(_weekday(published, WEEKDAYS.index(unit), step if step else -1), "day"), True
    if kind == "endof":
        step = {"next ": 1, "last ": -1}.get((g.get("which") or "").lower(), 0)
        if g["unit"].lower() == "year":
            return _pd(date(published.year + step, 1, 1), "year"), True
        return _pd(add_months(date(published.year, published.month, 1), step), "month"), True
    if kind == "weekday":
        return _pd(_weekday(published, WEEKDAYS.index(g["wd"].lower()), -1), "day"), True
    if kind == "word":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["w"].lower()]
        return _pd(published + timedelta(days=shift), "day"), True
    return None, False


def _rel_year(rel: str | None, published: date | None) -> int | None:
    if rel is None or published is None:
        return None
    return published.year + {"next": 1, "last": -1, "this": 0}[rel.lower()]


def _weekday(published: date, weekday: int, direction: int) -> date:
    """The nearest such weekday before (direction -1, may be the same day) or after."""
    if direction < 0:
        delta = (published.weekday() - weekday) % 7
        return published - timedelta(days=delta)
    delta = (weekday - published.weekday()) % 7 or 7
    return published + timedelta(days=delta)


# --- tense: a guessed year follows the verb -------------------------------------------

_PAST = re.compile(
    r"\b(?:took|was|were|had|did|came|became|voted|signed|ratified|acceded|notified|announced|"
    r"left|withdrew|quit|approved|gave|filed|sent|last|suspended|expired|joined|deposited|"
    r"revoked|rejected|entered|ended|adopted|passed|denounced|lodged|submitted|exited|"
    r"received|handed|informed|said|told|stated|declared|decided|reversed|rescinded|"
    r"cancell?ed|pulled|completed|finali[sz]ed|ordered|applied|issued|launched|recommended|"
    r"proposed|confirmed|began|started|initiated|submitted)\b",
    re.I,
)

_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|is due|are due|is set|are set|takes effect|take effect|"
    r"becomes effective|is expected|are expected|next)\b",
    re.I,
)


def tensed(d: DateMention | None, clause: str, published: date | None) -> DateMention | None:
    """A date whose year was guessed follows the verb's tense: future -> on or after
    publication, past -> on or before it."""
    if d is None or d.value is None or published is None or not d.relative:
        return d
    pd = d.value
    if pd.precision == "year":
        return d
    # A weekday ("on Tuesday") was guessed to the week, not the year: "will become a member
    # on Tuesday", written on a Monday, is the next day, not the Tuesday before.
    weekday = _WEEKDAY_WORD.search(d.text) is not None and pd.precision == "day"
    # (The dates are compared first: most guessed dates need no look at the verb.)
    if pd.latest < published and _FUTURE.search(clause):
        if weekday:
            return DateMention(d.start, d.end, d.text, _shift_days(pd, 7), True)
        return DateMention(d.start, d.end, d.text, shift_year(pd, 1), True)
    if pd.earliest > published and not _FUTURE.search(clause) and _PAST.search(clause):
        if weekday:
            return DateMention(d.start, d.end, d.text, _shift_days(pd, -7), True)
        return DateMention(d.start, d.end, d.text, shift_year(pd, -1), True)
    return d


_WEEKDAY_WORD = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _shift_days(pd: PartialDate, days: int) -> PartialDate:
    moved = pd.earliest + timedelta(days=days)
    return PartialDate(moved, pd.precision, moved.isoformat())


def shift_year(pd: PartialDate, years: int) -> PartialDate:
    e = pd.earliest
    moved = date(e.year + years, e.month, min(e.day, 28) if e.month == 2 else e.day)
    raw = moved.isoformat()[: {"day": 10, "month": 7, "year": 4}[pd.precision]]
    return PartialDate(moved, pd.precision, raw)
