"""Find states and treaties named in text, by the record's names and news usage."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from treatywatch.ledger import Ledger
from treatywatch.reading import lexicon
from treatywatch.reading.text import alternation

#: Names too ambiguous to read as a state on their own ("Korea": which one?). Names that
#: are ambiguous in general but mean the state in arms-control news (Chad, Jordan, Turkey,
#: Niger, Georgia ...) are kept.
AMBIGUOUS = {"Korea", "Congo", "Guinea"}
EXTRA_STATES = {
    "Kiev": "UKR",
    "Kremlin": "RUS",
    "the Kremlin": "RUS",
    "Holland": "NLD",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "North Korea": "PRK",
    "South Korea": "KOR",
    "the White House": "USA",
    "Washington": "USA",
}


@dataclass(slots=True)  # read-only by convention: not frozen, as a frozen one is 4x slower to build
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "state" | "treaty" | "treaty_anaphor" | "state_anaphor"
    codes: tuple[str, ...]
    plural: bool = False
    # A capital named as a place ("at midnight in Brussels"): in the discourse, no actor.
    place: bool = False


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Gazetteer:
    """Compiled patterns for one ledger's names; build once, use for many articles."""

    def __init__(self, ledger: Ledger) -> None:
        names: dict[str, str] = {}
        #: Capitals, which name a state when they act ("Moscow announced") and a place
        #: when something happens in them ("at midnight in Brussels").
        self.capitals: frozenset[str] = frozenset(
            form
            for st in ledger.states.values()
            if st.capital and st.kind != "historic"
            for form in (st.capital, _plain(st.capital))
        )
        #: The states' own names ("Lithuania", "Republic of Lithuania"): a place and a dash
        #: opening a story is a dateline only when it is none of them.
        self.own_names: frozenset[str] = frozenset(
            n for st in ledger.states.values() for n in (st.name, st.depositary_name) if n
        )
        for st in ledger.states.values():
            if st.kind == "historic":
                candidates = [st.name, *[a for a in st.aliases if len(a) > 4]]
            else:
                candidates = [st.name, st.depositary_name, *st.aliases, st.capital]
            for n in candidates:
                if not n or len(n) < 2 or n in AMBIGUOUS:
                    continue
                if (
                    n.isupper()
                    and len(n) <= 3
                    and n not in ("US", "UK", "USA", "DPRK", "DRC", "UAE")
                ):
                    continue
                for form in (n, _plain(n)):
                    names.setdefault(form, st.alpha3)
                    # typeset apostrophes ("Cote d’Ivoire") as well as typed ones
                    names.setdefault(form.replace("'", "’"), st.alpha3)
        for n, code in {**EXTRA_STATES, **lexicon.LEADERS}.items():
            names.setdefault(n, code)
        self.state_names = names
        # A name is read only where it starts with a capital (a name that does not, such
        # as "the Kremlin", is found by its capitalised part).
        capitalised = [n for n in names if _CAPITAL.match(n)]
        self._state_rx = _Names(r"(" + alternation(capitalised) + r")(?![\w-])")
        # ("the Finns": the article is not part of the name, and a pattern opening with an
        # optional "the" could not skip ahead to the names.)
        self._demonym_rx = _Names(r"(" + alternation(lexicon.DEMONYMS) + r")\b")
        self._adjective_rx = _Names(
            r"("
            + alternation(lexicon.ADJECTIVES)
            + r")\s+(?:"
            # (in titles too: "the Hungarian Parliament", "the Polish Government")
            + "|".join(
                re.escape(n)
                for n in dict.fromkeys(
                    v for noun in lexicon.GOVERNMENT_NOUNS for v in (noun, noun.title())
                )
            )
            + r")\b"
        )
        self._group_rx = _Names(r"(" + alternation(lexicon.GROUPS, fold=True) + r")\b", fold=True)
        self._plural_rx = _Names(
            r"(" + alternation(lexicon.PLURAL_ANAPHORA, fold=True) + r")\b", fold=True
        )
        self._singular_rx = _Names(
            r"(" + alternation(lexicon.SINGULAR_ANAPHORA, fold=True) + r")\b", fold=True
        )
        treaty_names: dict[str, str] = {}
        for t in ledger.treaties.values():
            for n in [t.short_name, t.full_name, *t.aliases]:
                if n and (len(n) > 2 or n.isupper()):  # "EU" matches only in capitals
                    treaty_names.setdefault(n, t.id)
        for n, tid in lexicon.TREATY_WORDS.items():
            treaty_names.setdefault(n, tid)
        self.treaty_names = treaty_names
        exact = {n: t for n, t in treaty_names.items() if n.isupper() or len(n) <= 6}
        folded = {n.lower(): t for n, t in treaty_names.items() if n not in exact}
        self._treaty_exact = exact
        self._treaty_folded = folded
        self._treaty_rx_exact = _Names(r"(" + alternation(exact) + r")(?![\w-])")
        # Matched against the lower-cased text: faster than a case-insensitive scan.
        self._treaty_rx_folded = _Names(r"(" + alternation(folded) + r")(?![\w-])")
        self._treaty_anaphor_rx = _Names(
            r"(" + alternation(lexicon.TREATY_ANAPHORA, fold=True) + r")\b", fold=True
        )
        # The same lists (all but the adjectives, which need the noun after them) found in
        # two passes, one over the text and one over its lower case; the patterns above
        # define what a list matches, and still run where lower-casing changes the length.
        self._exact = _Lexicon([(capitalised, False), (lexicon.DEMONYMS, True), (exact, False)])
        self._folded = _Lexicon(
            [
                ([n.lower() for n in lexicon.GROUPS], True),
                ([n.lower() for n in lexicon.PLURAL_ANAPHORA], True),
                ([n.lower() for n in lexicon.SINGULAR_ANAPHORA], True),
                (folded, False),
                ([n.lower() for n in lexicon.TREATY_ANAPHORA], True),
            ]
        )

    def mentions(self, text: str) -> tuple[list[Mention], list[Mention], list[Mention]]:
        """States, treaties and anaphora named in ``text``, the name lists searched once for
        all three."""
        low = text.lower()
        exact = self._exact.find(text)
        folded = self._folded.find(low) if len(low) == len(text) else None
        return (
            self._states(text, low, exact, folded),
            self._treaties(text, low, exact, folded),
            self._anaphora(text, folded),
        )

    def _states(
        self,
        text: str,
        low: str,
        exact: list[list[tuple[int, int]]],
        folded: list[list[tuple[int, int]]] | None,
    ) -> list[Mention]:
        """State mentions: names, capitals, demonyms, adjectives before a government noun,
        groups; overlapping matches keep the longest."""
        found: list[Mention] = []
        for start, end in _spans(self._group_rx, folded, 0, text):
            name = text[start:end]
            key = next(k for k in lexicon.GROUPS if k.lower() == name.lower())
            found.append(Mention(start, end, name, "state", lexicon.GROUPS[key], True))
        for start, end in exact[0]:
            name = text[start:end]
            found.append(Mention(start, end, name, "state", (self.state_names[name],)))
        for start, end in exact[1]:
            name = text[start:end]
            found.append(Mention(start, end, name, "state", (lexicon.DEMONYMS[name],)))
        for m in self._adjective_rx.finditer(text, low):
            found.append(
                Mention(
                    m.start(1), m.end(1), m.group(1), "state", (lexicon.ADJECTIVES[m.group(1)],)
                )
            )
        return _no_overlap(found)

    def _anaphora(self, text: str, folded: list[list[tuple[int, int]]] | None) -> list[Mention]:
        out = [
            Mention(start, end, text[start:end], "state_anaphor", (), True)
            for start, end in _spans(self._plural_rx, folded, 1, text)
        ]
        out += [
            Mention(start, end, text[start:end], "state_anaphor", (), False)
            for start, end in _spans(self._singular_rx, folded, 2, text)
        ]
        return sorted(out, key=lambda m: m.start)

    def _treaties(
        self,
        text: str,
        low: str,
        exact: list[list[tuple[int, int]]],
        folded: list[list[tuple[int, int]]] | None,
    ) -> list[Mention]:
        found = [
            Mention(start, end, text[start:end], "treaty", (self._treaty_exact[text[start:end]],))
            for start, end in exact[2]
        ]
        if folded is not None:
            in_folded = folded[3]
            folded_text = low
        else:  # a character whose lower case is longer: rare
            folded_text = text.casefold()
            if len(folded_text) != len(text):
                folded_text = text
            in_folded = [
                m.span(1) for m in self._treaty_rx_folded.finditer(folded_text, folded_text)
            ]
        found += [
            Mention(
                start,
                end,
                text[start:end],
                "treaty",
                (self._treaty_folded[folded_text[start:end]],),
            )
            for start, end in in_folded
            if folded_text[start:end] in self._treaty_folded
        ]
        found += [
            Mention(start, end, text[start:end], "treaty_anaphor", ())
            for start, end in _spans(self._treaty_anaphor_rx, folded, 4, text)
        ]
        return _no_overlap(found)


_CAPITAL = re.compile(r"[A-ZÀ-ÞĀ-Ž]")
_WORDISH = re.compile(r"[\w-]")


class _Names:
    r"""``(?<![\w-])`` + ``body``, searched fast.

    A pattern that opens with a look-behind makes the engine try every position; ``body``
    alone opens with its names' first characters, so the engine skips to where one
    stands, and the look-behind is checked on each hit (a failed hit resumes one character
    on, as the engine would). ``fold``: ``body`` is in lower case and is matched against
    the lower-cased text, like a case-insensitive pattern against the text (matches then
    hold lower-cased characters: take names from the text by offset).
    """

    def __init__(self, body: str, fold: bool = False) -> None:
        self.fast = re.compile(body)
        self.fold = fold
        self.full = re.compile(r"(?<![\w-])" + body, re.I if fold else 0)

    def finditer(self, text: str, low: str) -> Iterator[re.Match[str]]:
        scan = text
        if self.fold:
            if len(low) != len(text):  # a character whose lower case is longer: rare
                yield from self.full.finditer(text)
                return
            scan = low
        search, wordish = self.fast.search, _WORDISH.match
        m = search(scan)
        while m is not None:
            at = m.start()
            if at and wordish(scan, at - 1):
                m = search(scan, at + 1)
                continue
            yield m
            m = search(scan, m.end() if m.end() > at else at + 1)


class _Lexicon:
    """Several lists of names found in one pass over a text (an Aho-Corasick automaton).

    ``find`` returns, per list, the spans its ``_Names`` pattern would match: a name
    starts where no word character or hyphen stands before it, ends where the list's end
    test holds (``word_end``: a word boundary, ``\\b``; otherwise no word character or
    hyphen after it), the leftmost first, the longest of those that fit at a place, and
    the next searched from the end of the last.
    """

    def __init__(self, lists: list[tuple[Iterable[str], bool]]) -> None:
        self._word_end = [word_end for _, word_end in lists]
        owners: dict[str, list[int]] = {}
        for i, (names, _) in enumerate(lists):
            for name in names:
                if i not in owners.setdefault(name, []):
                    owners[name].append(i)
        self._automaton: Any = ahocorasick.Automaton()
        for name, lists_of in owners.items():
            self._automaton.add_word(name, (len(name), tuple(lists_of)))
        self._automaton.make_automaton()

    def find(self, scan: str) -> list[list[tuple[int, int]]]:
        # Per list: for each place a name starts, the furthest end among its names that pass
        # the list's end test. (A name never starts after a word character or hyphen, and a
        # name whose end test fails is never taken: both are dropped as the automaton
        # reports them; most are short names inside longer words, "we" in "were".)
        places: list[dict[int, int]] = [{} for _ in self._word_end]
        size = len(scan)
        word_ends = self._word_end
        for last, (length, lists_of) in self._automaton.iter(scan):
            start = last + 1 - length
            if start and ((before := scan[start - 1]).isalnum() or before in "_-"):
                continue
            end = last + 1
            nxt = scan[end] if end < size else ""
            for i in lists_of:
                if word_ends[i]:
                    fits = _word(scan[last]) != (nxt != "" and _word(nxt))
                else:
                    fits = nxt == "" or not _wordish(nxt)
                if fits and places[i].get(start, -1) < end:
                    places[i][start] = end
        out: list[list[tuple[int, int]]] = []
        for found in places:
            spans: list[tuple[int, int]] = []
            after = 0
            for start in sorted(found):
                if start >= after:
                    spans.append((start, found[start]))
                    after = found[start]
            out.append(spans)
        return out


def _word(ch: str) -> bool:
    """``\\w`` in a ``str`` pattern."""
    return ch.isalnum() or ch == "_"


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or ch == "-"


def _spans(
    names: _Names, found: list[list[tuple[int, int]]] | None, index: int, text: str
) -> list[tuple[int, int]]:
    """A folded list's spans: from the lexicon's pass, or (where lower-casing changed the
    text's length) from its pattern over the text."""
    if found is not None:
        return found[index]
    return [m.span(1) for m in names.full.finditer(text)]


def _no_overlap(found: list[Mention]) -> list[Mention]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out
