"""Sentences with offsets, and numbers written in words or digits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

_ABBREVIATIONS = {
    "mr",
    "ms",
    "mrs",
    "dr",
    "st",
    "no",
    "art",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "gen",
    "col",
    "lt",
    "sen",
    "rep",
    "gov",
    "prof",
    "etc",
    "vs",
    "approx",
    "u.s",
    "u.n",
    "e.g",
    "i.e",
    "para",
    "cf",
}
_CANDIDATE = re.compile(
    r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z“\"])"
    # a bullet starts an item of its own ("• Latvia signed ... • Estonia submitted ...")
    r"|\s+(?=[•▪●]\s)"
)
#: A page's date stamp before its headline ("date 2021-06-08 Putin signs law ..."): not
#: part of any sentence, so the headline's event does not take it as its own date.
_STAMP = re.compile(r"\s*date:? \d{4}-\d\d-\d\d\b")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; a line break before a capital also ends one
    (headlines and datelines stand alone). Abbreviations ("Mr.", "U.S.") do not."""
    stamp = _STAMP.match(text)
    start = stamp.end() if stamp else 0
    for m in _CANDIDATE.finditer(text, start):
        at = m.start()
        mark = text[at]
        if mark == ".":
            w = _WORD_BEFORE.search(text, max(start, at - 12), at)
            if w and (len(word := w.group(1)) == 1 or word.lower() in _ABBREVIATIONS):
                continue
        yield from _bounded(text, *_trim(text, start, at + 1 if mark in ".!?" else at))
        start = m.end()
    yield from _bounded(text, *_trim(text, start, len(text)))


#: No real sentence is longer; a longer run (a list, a table, a text without full stops)
#: is cut at its clause marks, so that the work per sentence stays bounded and reading
#: stays linear in the length of the text.
MAX_SENTENCE = 1200
_CLAUSE_BREAK = re.compile(r"[;:,\n]\s|\s")


def _bounded(text: str, first: int, last: int) -> Iterator[tuple[int, int]]:
    """The sentence [first, last), or pieces of at most MAX_SENTENCE characters: each cut
    at the last semicolon, colon, comma or line break before the limit (else the last
    space; else at the limit)."""
    while last - first > MAX_SENTENCE:
        limit = first + MAX_SENTENCE
        cut = -1
        for mark in (";", ":", ",", "\n"):
            at = text.rfind(mark, first + MAX_SENTENCE // 2, limit)
            if at > cut:
                cut = at + 1
        if cut <= first:
            space = text.rfind(" ", first + MAX_SENTENCE // 2, limit)
            cut = space + 1 if space > first else limit
        piece = _trim(text, first, cut)
        if piece[0] < piece[1]:
            yield piece
        first = _trim(text, cut, last)[0]
    if first < last:
        yield first, last


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a": 1,
    "half a": 0.5,
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}


def parse_ordinal(text: str) -> int | None:
    """74 for "74th", 71 for "seventy-first", 40 for "fortieth"; None if not an ordinal."""
    t = text.lower().strip()
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if digits:
        return int(digits.group(1))
    if t in _ORDINAL_UNITS:
        return _ORDINAL_UNITS[t]
    for tens, value in _TENS.items():
        if t == tens[:-1] + "ieth":  # "twentieth"
            return value
        if t.startswith(tens + "-") and t[len(tens) + 1 :] in _ORDINAL_UNITS:
            return value + _ORDINAL_UNITS[t[len(tens) + 1 :]]
    return None


NUMBER = (
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|half a|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|a)"
    r"(?:[\s-]+(?:thousand|million|billion))?"
)
QUALIFIER = r"(?:more than|over|almost|nearly|about|around|some|roughly|approximately|at least|up to|fewer than|less than|under)"


def parse_number(text: str) -> float | None:
    t = text.lower().replace("-", " ").strip()
    scale = 1
    for word, mult in SCALES.items():
        if t.endswith(word):
            scale = mult
            t = t[: -len(word)].strip()
    if not t:
        return float(scale) if scale > 1 else None
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t]) * scale
    try:
        return float(t.replace(",", "")) * scale
    except ValueError:
        return None


def alternation(names: Iterable[str], fold: bool = False) -> str:
    """A pattern matching any of ``names``, the longest first where several fit.

    Shaped as a trie (shared beginnings written once, a name that continues into a longer
    one made an optional greedy tail), so a failed attempt costs one character test, not
    one per name; it matches exactly what the plain alternation sorted longest-first
    matches, backtracking included. ``fold``: for a case-insensitive pattern, names that
    differ only in case become one branch.
    """
    root: dict[str, Any] = {}
    for name in set(names):
        node = root
        for ch in name.lower() if fold else name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie(root)


def _trie(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
