"""Find states and treaties named in text, by the record's names and news usage."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from treatywatch.ledger import Ledger
from treatywatch.reading import lexicon
from treatywatch.reading.screen import Folded
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
        # Every name starts with a capital: the lookahead lets the long alternation fail
        # fast at every other position.
        self._state_rx = re.compile(
            r"(?<![\w-])(?=[A-ZÀ-ÞĀ-Ž])(" + alternation(names) + r")(?![\w-])"
        )
        self._demonym_rx = re.compile(
            r"(?<![\w-])(?:the\s+)?(" + alternation(lexicon.DEMONYMS) + r")\b"
        )
        self._adjective_rx = re.compile(
            r"(?<![\w-])("
            + alternation(lexicon.ADJECTIVES)
            + r")\s+(?:"
            + "|".join(re.escape(n) for n in lexicon.GOVERNMENT_NOUNS)
            + r")\b"
        )
        self._group_rx = Folded(
            re.compile(r"(?<![\w-])(" + alternation(lexicon.GROUPS, fold=True) + r")\b", re.I)
        )
        self._plural_rx = Folded(
            re.compile(
                r"(?<![\w-])(" + alternation(lexicon.PLURAL_ANAPHORA, fold=True) + r")\b", re.I
            )
        )
        self._singular_rx = Folded(
            re.compile(
                r"(?<![\w-])(" + alternation(lexicon.SINGULAR_ANAPHORA, fold=True) + r")\b", re.I
            )
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
        self._treaty_rx_exact = re.compile(r"(?<![\w-])(" + alternation(exact) + r")(?![\w-])")
        # Matched against the lower-cased text: faster than a case-insensitive scan.
        self._treaty_rx_folded = re.compile(r"(?<![\w-])(" + alternation(folded) + r")(?![\w-])")
        self._treaty_anaphor_rx = Folded(
            re.compile(
                r"(?<![\w-])(" + alternation(lexicon.TREATY_ANAPHORA, fold=True) + r")\b", re.I
            )
        )

    def states(self, text: str) -> list[Mention]:
        """State mentions: names, capitals, demonyms, adjectives before a government noun,
        groups; overlapping matches keep the longest."""
        found: list[Mention] = []
        low = text.lower()
        for m in self._group_rx.finditer(text, low):
            key = next(k for k in lexicon.GROUPS if k.lower() == m.group(1).lower())
            found.append(
                Mention(m.start(1), m.end(1), m.group(1), "state", lexicon.GROUPS[key], True)
            )
        for m in self._state_rx.finditer(text):
            found.append(
                Mention(m.start(1), m.end(1), m.group(1), "state", (self.state_names[m.group(1)],))
            )
        for m in self._demonym_rx.finditer(text):
            found.append(
                Mention(m.start(1), m.end(1), m.group(1), "state", (lexicon.DEMONYMS[m.group(1)],))
            )
        for m in self._adjective_rx.finditer(text):
            found.append(
                Mention(
                    m.start(1), m.end(1), m.group(1), "state", (lexicon.ADJECTIVES[m.group(1)],)
                )
            )
        return _no_overlap(found)

    def anaphora(self, text: str) -> list[Mention]:
        low = text.lower()
        out = [
            Mention(m.start(1), m.end(1), m.group(1), "state_anaphor", (), True)
            for m in self._plural_rx.finditer(text, low)
        ]
        out += [
            Mention(m.start(1), m.end(1), m.group(1), "state_anaphor", (), False)
            for m in self._singular_rx.finditer(text, low)
        ]
        return sorted(out, key=lambda m: m.start)

    def treaties(self, text: str) -> list[Mention]:
        found = [
            Mention(m.start(1), m.end(1), m.group(1), "treaty", (self._treaty_exact[m.group(1)],))
            for m in self._treaty_rx_exact.finditer(text)
        ]
        low = text.lower()
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
            for m in self._treaty_rx_folded.finditer(folded_text)
            if m.group(1) in self._treaty_folded
        ]
        found += [
            Mention(m.start(1), m.end(1), m.group(1), "treaty_anaphor", ())
            for m in self._treaty_anaphor_rx.finditer(text, low)
        ]
        return _no_overlap(found)


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
