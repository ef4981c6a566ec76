"""Find states and treaties named in text, by the record's names and news usage."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "state" | "treaty" | "treaty_anaphor" | "state_anaphor"
    codes: tuple[str, ...]
    plural: bool = False


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Gazetteer:
    """Compiled patterns for one ledger's names; build once, use for many articles."""

    def __init__(self, ledger: Ledger) -> None:
        names: dict[str, str] = {}
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
                names.setdefault(n, st.alpha3)
                names.setdefault(_plain(n), st.alpha3)
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
            + "|".join(re.escape(n) for n in lexicon.GOVERNMENT_NOUNS)
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

    def states(self, text: str) -> list[Mention]:
        """State mentions: names, capitals, demonyms, adjectives before a government noun,
        groups; overlapping matches keep the longest."""
        found: list[Mention] = []
        low = text.lower()
        for m in self._group_rx.finditer(text, low):
            name = text[m.start(1) : m.end(1)]
            key = next(k for k in lexicon.GROUPS if k.lower() == name.lower())
            found.append(Mention(m.start(1), m.end(1), name, "state", lexicon.GROUPS[key], True))
        for m in self._state_rx.finditer(text, low):
            found.append(
                Mention(m.start(1), m.end(1), m.group(1), "state", (self.state_names[m.group(1)],))
            )
        for m in self._demonym_rx.finditer(text, low):
            found.append(
                Mention(m.start(1), m.end(1), m.group(1), "state", (lexicon.DEMONYMS[m.group(1)],))
            )
        for m in self._adjective_rx.finditer(text, low):
            found.append(
                Mention(
                    m.start(1), m.end(1), m.group(1), "state", (lexicon.ADJECTIVES[m.group(1)],)
                )
            )
        return _no_overlap(found)

    def anaphora(self, text: str) -> list[Mention]:
        low = text.lower()
        out = [
            Mention(m.start(1), m.end(1), text[m.start(1) : m.end(1)], "state_anaphor", (), True)
            for m in self._plural_rx.finditer(text, low)
        ]
        out += [
            Mention(m.start(1), m.end(1), text[m.start(1) : m.end(1)], "state_anaphor", (), False)
            for m in self._singular_rx.finditer(text, low)
        ]
        return sorted(out, key=lambda m: m.start)

    def treaties(self, text: str) -> list[Mention]:
        low = text.lower()
        found = [
            Mention(m.start(1), m.end(1), m.group(1), "treaty", (self._treaty_exact[m.group(1)],))
            for m in self._treaty_rx_exact.finditer(text, low)
        ]
        folded_text = low if len(low) == len(text) else text.casefold()
        if len(folded_text) != len(text):  # a character whose lower case is longer: rare
            folded_text = text
        found += [
            Mention(
                m.start(1),
                m.end(1),
                text[m.start(1) : m.end(1)],
                "treaty",
                (self._treaty_folded[m.group(1)],),
            )
            for m in self._treaty_rx_folded.finditer(folded_text, folded_text)
            if m.group(1) in self._treaty_folded
        ]
        found += [
            Mention(m.start(1), m.end(1), text[m.start(1) : m.end(1)], "treaty_anaphor", ())
            for m in self._treaty_anaphor_rx.finditer(text, low)
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
