"""Screens: the words a regular expression cannot match without.

``required(rx)`` reads a compiled pattern's parse tree and returns a set of lower-case
strings such that every match contains at least one of them, or None when it finds no
such set. A text holding none of them cannot match, so the pattern need not scan it: a
few substring tests replace a regular-expression scan. The idea is RE2's prefilter, in
a small form over Python's own parser. A screen is exact in one direction only: it never
rejects a text the pattern matches (lower-casing both sides keeps that true under
``re.IGNORECASE``); it may pass a text the pattern then does not match.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import ahocorasick

from treatywatch.reading.text import alternation

_T = TypeVar("_T")
_p: Any = importlib.import_module("re._parser")  # the standard library's own parser

#: Largest set of exact strings kept for one piece of a pattern before it is cut there.
_CAP = 256
#: Largest character class expanded into its characters.
_CLASS_CAP = 8

# (exact, needed): ``exact`` is every string the piece can match (None when unknown or
# too many); ``needed`` a set one of which every match of the piece contains (None: none).
_Info = tuple[frozenset[str] | None, frozenset[str] | None]
_EMPTY: frozenset[str] = frozenset({""})


def required(rx: re.Pattern[str], spaces: bool = False) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``rx`` contains, or None.

    ``spaces``: for text whose runs of white space are each one space (see ``spaced``):
    white space in the pattern (``\\s+``, a space) is then one space in the strings, and
    the strings run on across it ("is out" for ``is\\s+out``)."""
    exact, needed = _sequence(_parsed(rx.pattern, rx.flags).data, spaces)
    best = _selective(exact, needed)
    return _minimal(best) if best is not None and min(map(len, best)) > 0 else None


@functools.lru_cache(maxsize=1024)
def _parsed(pattern: str, flags: int) -> Any:
    """A pattern's parse tree (read, never changed: parsed once for all the screens)."""
    return _p.parse(pattern, flags)


#: A conjunction of screens: every match contains a string of each set (no set: no test).
Screen = tuple[frozenset[str], ...]


def required_all(rx: re.Pattern[str], spaces: bool = False) -> Screen:
    """Sets of lower-case strings such that every match of ``rx`` contains one string of
    each set: ``required``'s set first, then those of the other pieces the pattern cannot
    match without ("decided ... to withdraw" needs a word of deciding *and* one of leaving),
    each made of strings of two or more characters that are not common words.
    ``spaces``: as for ``required``."""
    first = required(rx, spaces)
    found = [first] if first is not None else []
    for words in _clauses(_parsed(rx.pattern, rx.flags).data, spaces):
        words = _minimal(words)
        if _score(words)[0] >= 2 and words not in found:
            found.append(words)
    # A set implied by another (each of whose strings holds one of its strings) adds nothing.
    return tuple(
        c
        for i, c in enumerate(found)
        if not any(
            j != i and _implies(o, c) and (j < i or not _implies(c, o)) for j, o in enumerate(found)
        )
    )


def _implies(a: frozenset[str], b: frozenset[str]) -> bool:
    """A text holding a string of ``a`` holds one of ``b``."""
    return all(any(w in x for w in b) for x in a)


def _clauses(items: list[tuple[Any, Any]], spaces: bool) -> list[frozenset[str]]:
    """The needed sets of every piece of a sequence (a group or a repeat that must match
    at least once is a sequence of its own), runs of exact pieces joined into strings."""
    out: list[frozenset[str]] = []
    run: frozenset[str] | None = _EMPTY

    def close() -> None:
        if run is not None and min(map(len, run)) > 0:
            out.append(run)

    for op, av in items:
        inner = None
        if op is _p.SUBPATTERN:
            inner = av[-1].data
        elif op is getattr(_p, "ATOMIC_GROUP", object()):
            inner = av.data
        elif op in _REPEATS and av[0] >= 1:
            inner = av[2].data
        if inner is not None:
            close()
            run = _EMPTY
            out.extend(_clauses(inner, spaces))
            continue
        exact, needed = _piece(op, av, spaces)
        if exact is not None and run is not None and len(run) * len(exact) <= _CAP:
            run = _joined(run, exact, spaces)
            continue
        close()
        run = exact if exact is not None else _EMPTY
        if exact is None and needed is not None and min(map(len, needed)) > 0:
            out.append(needed)
    close()
    return out


class Sieve(Generic[_T]):
    """Screens applied together: for each sentence, the items whose screens it passes.

    ``items`` (patterns, say) come with one ``Screen`` each (sets of words; a sentence
    must hold a word of each set; no set: the item always passes). All the screens' words
    go into one Aho-Corasick automaton, which reports every place each word occurs in one
    pass over a sentence. Calling the sieve with a text's lower-cased sentences returns,
    for each sentence, the items whose screens it passes, in their order.

    Each set of words has a bit: an item's first set the bit of the item's index, its
    further sets bits above all items'. A sentence gathers the bits of the sets its words
    belong to; an item passes when it has all of its own.
    """

    def __init__(self, items: Sequence[_T], screens: Sequence[Screen]) -> None:
        self.items = list(items)
        bits: dict[str, int] = {}
        self._needs: list[int] = []
        spare = len(self.items)
        for i, screen_ in enumerate(screens):
            need = 0
            for k, words in enumerate(screen_):
                bit = 1 << (i if k == 0 else spare)
                spare += k > 0
                for w in words:
                    bits[w] = bits.get(w, 0) | bit
                need |= bit
            self._needs.append(need)
        self._always = sum(1 << i for i, screen_ in enumerate(screens) if not screen_)
        self._first = (1 << len(self.items)) - 1
        self._words: Any = None
        if bits:
            self._words = ahocorasick.Automaton()
            for w, b in bits.items():
                self._words.add_word(w, b)
            self._words.make_automaton()

    def __call__(self, parts: Sequence[str]) -> list[list[_T]]:
        out = []
        needs, items, words = self._needs, self.items, self._words
        for part in parts:
            bits = self._always
            if words is not None:
                for _, b in words.iter(part):
                    bits |= b
            picked = []
            first = bits & self._first  # items whose first set holds; then all of their sets
            while first:
                low = first & -first
                i = low.bit_length() - 1
                if bits & needs[i] == needs[i]:
                    picked.append(items[i])
                first ^= low
            out.append(picked)
        return out


class Folded:
    """A case-insensitive pattern run as a case-sensitive one over lower-cased text.

    Python's engine skips ahead much faster without ``re.IGNORECASE`` (it can use the
    pattern's first characters), and the reader lower-cases each sentence once anyway.
    ``finditer`` yields the same matches as the original pattern on the original text,
    as matches of the original (each found on the lower-cased text, then matched again
    at its start on the original text, so groups hold the original characters). Where
    lower-casing changes a text's length the original pattern runs instead.

    ``screened``: ``holds`` and the iterators first test the lower-cased text for the words the pattern
    cannot match without (see ``required``), and runs no scan when none is there (for a
    pattern not already screened by a ``Sieve``).
    """

    def __init__(self, rx: re.Pattern[str], *, screened: bool = False) -> None:
        self.rx = rx
        source = _lower_source(rx.pattern) if rx.flags & re.IGNORECASE else None
        self.low = (
            None if source is None else re.compile(_word_tries(source), rx.flags & ~re.IGNORECASE)
        )
        self.test = screen(rx) if screened else None

    def holds(self, text: str, low: str) -> bool:
        """Whether the pattern matches ``text`` (found on ``low``, not matched again)."""
        if self.test is not None and not self.test(low):
            return False
        if self.low is None or len(low) != len(text):
            return self.rx.search(text) is not None
        return self.low.search(low) is not None

    def finditer(self, text: str, low: str) -> Iterator[re.Match[str]]:
        if self.test is not None and not self.test(low):
            return iter(())
        if self.low is None or len(low) != len(text):
            return self.rx.finditer(text)
        first = self.low.search(low)
        if first is None:  # the usual case: no generator needed
            return iter(())
        # finditer from the first match's start finds the same matches as from 0 (a
        # lookbehind still sees the text before ``pos``).
        return self._again(text, self.low.finditer(low, first.start()))

    def finditer_low(self, text: str, low: str) -> Iterator[re.Match[str]]:
        """The same matches as ``finditer`` (the same spans), found on ``low`` and not
        matched again on ``text``: their groups hold lower-cased characters, for a caller
        that reads spans and compares group text without regard to case."""
        if self.test is not None and not self.test(low):
            return iter(())
        if self.low is None or len(low) != len(text):
            return self.rx.finditer(text)
        return self.low.finditer(low)

    def _again(self, text: str, found: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
        """Each match found on the lower-cased text, matched again on ``text``."""
        for m in found:
            again = self.rx.match(text, m.start())
            if again is not None:
                yield again


#: A group of plain words (an "s?" allowed at the end of each) followed by something that
#: cannot follow a word character's continuation (a word boundary, a space).
_WORD_GROUP = re.compile(r"(?<!\\)\(\?:((?:[a-z]+(?:s\?)?\|)+[a-z]+(?:s\?)?)\)(?=\\b|\\s| )")


def _word_tries(source: str) -> str:
    """``source`` with each group of plain words before a boundary written as a trie.

    Python's engine tries a group's branches one after another at every place; a trie
    tests each character once. Where the group is followed by a word boundary or a space,
    at most one of its words can match at a place (a shorter word that begins a longer
    one would have to be followed by a letter), so the order of the words does not matter
    and the pattern matches exactly what it did.
    """

    def as_trie(m: re.Match[str]) -> str:
        words: list[str] = []
        for word in m.group(1).split("|"):
            words += [word[:-2], word[:-1]] if word.endswith("s?") else [word]
        return "(?:" + alternation(words) + ")"

    return _WORD_GROUP.sub(as_trie, source)


#: Escapes that name a character by its code (\x41, \u0041, \N{...}, octal), which
#: could be an upper-case letter: a pattern holding one is not folded.
_CODE_ESCAPES = frozenset("xuUN01234567")


def _lower_source(source: str) -> str | None:
    """The pattern ``source`` with its letters lower-cased (escapes and group names kept),
    or None when it holds an escape naming a character by code (which could be upper case)."""
    out, i = [], 0
    while i < len(source):
        if source[i] == "\\":
            if source[i + 1 : i + 2] in _CODE_ESCAPES:
                return None
            out.append(source[i : i + 2])
            i += 2
        elif source.startswith(("(?P<", "(?P="), i):
            end = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i : end + 1])
            i = end + 1
        else:
            out.append(source[i].lower())
            i += 1
    return "".join(out)


def screen(rx: re.Pattern[str]) -> Callable[[str], bool] | None:
    """A test of lower-cased text: False means ``rx`` cannot match it (None: no test found).

    A few words are tried one by one as substrings; more are one scan of their alternation.
    """
    words = required(rx)
    if words is None:
        return None
    ordered = tuple(sorted(words))
    if len(ordered) == 1:
        (a,) = ordered
        return lambda low: a in low
    if len(ordered) == 2:
        a, b = ordered
        return lambda low: a in low or b in low
    if len(ordered) == 3:
        a, b, c = ordered
        return lambda low: a in low or b in low or c in low
    search = re.compile(alternation(ordered)).search
    return lambda low: search(low) is not None


@functools.lru_cache(maxsize=4096)
def _minimal(words: frozenset[str]) -> frozenset[str]:
    """The same screen with fewer tests: a string holding another of the set adds nothing.
    (Shortest first: a string can hold only shorter ones, and one that holds a string
    dropped before holds what that one held.)"""
    kept: list[str] = []
    for w in sorted(words, key=len):
        if not any(o in w for o in kept):
            kept.append(w)
    return frozenset(kept)


#: Words so frequent in any English sentence that a screen made of them screens nothing.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "not",
        "now",
        "of",
        "on",
        "or",
        "out",
        "she",
        "that",
        "the",
        "their",
        "them",
        "then",
        "they",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    ]
)


def _score(words: frozenset[str] | None) -> tuple[int, int]:
    """How well a needed set screens: long strings (up to five characters; a common word
    counts as one), few of them."""
    if words is None or min(map(len, words)) == 0:
        return (-1, 0)
    shortest = min(1 if w.strip() in _COMMON else len(w) for w in words)
    return (min(5, shortest), -len(_minimal(words)))


def _selective(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The better screen of two needed sets (see ``_score``)."""
    return a if _score(a) >= _score(b) else b


def _joined(a: frozenset[str], b: frozenset[str], spaces: bool) -> frozenset[str]:
    """Every string of ``a`` followed by one of ``b`` (two spaces meeting become one)."""
    both = (x + y for x, y in itertools.product(a, b))
    return frozenset(w.replace("  ", " ") for w in both) if spaces else frozenset(both)


def spaced(text: str) -> str:
    """``text`` with each run of white space one space (the text ``spaces`` screens read)."""
    if text.isprintable() and "  " not in text:  # no white space but single spaces
        return text
    return _WHITE.sub(" ", text)


_WHITE = re.compile(r"\s+")


def _sequence(items: list[tuple[Any, Any]], spaces: bool = False) -> _Info:
    run: frozenset[str] | None = _EMPTY  # exact strings of the current run of exact pieces
    best: frozenset[str] | None = None
    whole_exact = True
    for op, av in items:
        exact, needed = _piece(op, av, spaces)
        if exact is not None and run is not None and len(run) * len(exact) <= _CAP:
            if len(exact) > 1:
                best = _selective(best, run)  # the run so far screens too, with fewer words
            run = _joined(run, exact, spaces)
            continue
        whole_exact = False
        best = _selective(best, run)
        if exact is not None:
            run = exact
        else:
            best = _selective(best, needed)
            run = _EMPTY
    if whole_exact:
        return run, _selective(best, run)
    return None, _selective(best, run)


def _piece(op: Any, av: Any, spaces: bool = False) -> _Info:
    if op is _p.LITERAL:
        s = frozenset({_char(av, spaces)})
        return s, s
    if op in (_p.AT, _p.ASSERT, _p.ASSERT_NOT):
        return _EMPTY, None  # zero width: matches the empty string, needs nothing
    if op is _p.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is _p.LITERAL:
                chars.add(_char(sub_av, spaces))
            elif sub_op is _p.RANGE and sub_av[1] - sub_av[0] < _CLASS_CAP:
                chars.update(_char(c, spaces) for c in range(sub_av[0], sub_av[1] + 1))
            elif spaces and sub_op is _p.CATEGORY and sub_av is _p.CATEGORY_SPACE:
                chars.add(" ")
            else:  # a negation, a category (\s, \w) or a wide range
                return None, None
        if not chars or len(chars) > _CLASS_CAP:
            return None, None
        s = frozenset(chars)
        return s, s
    if op is _p.SUBPATTERN:
        return _sequence(av[-1].data, spaces)
    if op is getattr(_p, "ATOMIC_GROUP", object()):
        return _sequence(av.data, spaces)
    if op is _p.BRANCH:
        alts = [_sequence(branch.data, spaces) for branch in av[1]]
        exacts = [e for e, _ in alts]
        if all(e is not None for e in exacts) and sum(len(e or ()) for e in exacts) <= _CAP:
            union = frozenset().union(*(e or () for e in exacts))
            return union, union
        needs = [n if e is None else e for e, n in alts]
        if all(n is not None and min(map(len, n)) > 0 for n in needs):
            return None, frozenset().union(*(n or () for n in needs))
        return None, None
    if op in _REPEATS:
        low, high, sub = av
        exact, needed = _sequence(sub.data, spaces)
        if spaces and exact == _SPACE:  # white space, any length: one space, or none
            return (_SPACE, _SPACE) if low > 0 else (_SPACE | _EMPTY, None)
        if low == 0:
            if high == 1 and exact is not None:
                return exact | _EMPTY, None
            return None, None
        if low == high == 1:
            return exact, needed
        return None, needed if exact is None else exact
    return None, None  # any character, a category, a back-reference, a negated literal


_SPACE = frozenset({" "})


def _char(code: int, spaces: bool) -> str:
    ch = chr(code).lower()
    return " " if spaces and ch.isspace() else ch


_REPEATS = (_p.MAX_REPEAT, _p.MIN_REPEAT, getattr(_p, "POSSESSIVE_REPEAT", object()))
