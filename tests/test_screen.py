"""The reader's speed devices change no result: screens never reject a text a pattern
matches, folded patterns find the same matches, the sieve agrees with screening sentence
by sentence, and trie-shaped alternations match what plain ones match."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatywatch.reading.screen import (
    Folded,
    Screen,
    Sieve,
    required,
    required_all,
    screen,
    spaced,
)
from treatywatch.reading.text import alternation, sentences
from treatywatch.reading.triggers import TRIGGERS
from treatywatch.reading.when import _PATTERNS as DATE_PATTERNS

ROOT = Path(__file__).resolve().parents[1]
PATTERNS = [rx for _, rx in TRIGGERS + DATE_PATTERNS]


def _eval_sentences() -> list[str]:
    out = []
    for p in sorted((ROOT / "tests/eval/articles").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in sentences(text)]
    return out


SENTENCES = _eval_sentences()


@pytest.mark.parametrize("rx", PATTERNS, ids=lambda rx: rx.pattern[:40])
def test_screen_never_rejects_a_sentence_the_pattern_matches(rx: re.Pattern[str]) -> None:
    words = required(rx)
    test = screen(rx)
    matched = [s for s in SENTENCES if rx.search(s)]
    for s in matched:
        low = s.lower()
        assert words is None or any(w in low for w in words), s
        assert test is None or test(low), s
    if words is not None:  # and it does screen: some sentence is rejected
        assert any(not any(w in s.lower() for w in words) for s in SENTENCES)


@pytest.mark.parametrize("rx", PATTERNS, ids=lambda rx: rx.pattern[:40])
def test_every_set_of_a_conjunctive_screen_holds_where_the_pattern_matches(
    rx: re.Pattern[str],
) -> None:
    sets = required_all(rx)
    first = required(rx)
    # required's set is there, or a set that implies it (each of its strings holds one).
    assert first is None or any(all(any(w in x for w in first) for x in c) for c in sets)
    spaced_sets = required_all(rx, spaces=True)
    for s in SENTENCES:
        if rx.search(s):
            low = s.lower()
            assert all(any(w in low for w in words) for words in sets), (s, sets)
            # The same for the screens of spaced text, on the sentence spaced out anew.
            for text in (low, low.replace(" ", "\n "), low.replace(" ", " \t  ")):
                assert _passes(spaced_sets, spaced(text)), (text, spaced_sets)


def test_screens_of_spaced_text_run_on_across_white_space() -> None:
    rx = re.compile(r"\b(?:is|was)\s+out\b", re.I)
    assert required_all(rx) == (frozenset({"out"}),)
    assert required_all(rx, spaces=True) == (frozenset({"is out", "was out"}),)
    # A space in the pattern and white space beside it make one space.
    assert required(re.compile(r"left \s*the\s+treaty"), spaces=True) == frozenset(
        {"left the treaty"}
    )
    assert spaced("it  was\n\tout") == "it was out"
    assert spaced("nothing to change") == "nothing to change"


def test_conjunctive_screens_need_each_part_of_a_pattern() -> None:
    rx = re.compile(r"\b(?:decided|plans?) to\b[^.]{0,40}?\b(?:withdraw|leave)\b", re.I)
    assert set(required_all(rx)) == {
        frozenset({"decided to", "plan to", "plans to"}),
        frozenset({"withdraw", "leave"}),
    }
    # Common words and single characters make no set; a set implied by another is dropped.
    assert required_all(re.compile(r"the\s+(?:party|parties)\b")) == (
        frozenset({"party", "parties"}),
    )
    # ("signed " is implied by the longer strings the whole pattern can match.)
    assert required_all(re.compile(r"signed (?:the law )?into law")) == (
        frozenset({"signed into law", "signed the law into law"}),
    )
    assert required_all(re.compile(r"\w+\s+\d+")) == ()

    # On the evaluation texts the further sets reject sentences the first set passes.
    def holds(words: frozenset[str], low: str) -> bool:
        return any(w in low for w in words)

    rejected = 0
    for rx in PATTERNS:
        sets = required_all(rx)
        for s in SENTENCES:
            low = s.lower()
            if sets and holds(sets[0], low) and not all(holds(w, low) for w in sets[1:]):
                rejected += 1
    assert rejected > 100


@pytest.mark.parametrize("rx", PATTERNS, ids=lambda rx: rx.pattern[:40])
def test_folded_pattern_finds_the_same_matches(rx: re.Pattern[str]) -> None:
    folded = Folded(rx)
    for s in SENTENCES:
        want = [(m.span(), m.groupdict(), m.group()) for m in rx.finditer(s)]
        got = [(m.span(), m.groupdict(), m.group()) for m in folded.finditer(s, s.lower())]
        assert got == want, s
        low = [(m.span(), m.group().lower()) for m in folded.finditer_low(s, s.lower())]
        assert low == [(span, text.lower()) for span, _, text in want], s
        assert folded.holds(s, s.lower()) == bool(want), s


def test_folding_keeps_escapes_and_group_names() -> None:
    rx = re.compile(r"(?P<Num>\d+)\s*KM\b\S?", re.I)
    folded = Folded(rx)
    assert folded.low is not None
    assert folded.low.pattern == r"(?P<Num>\d+)\s*km\b\S?"
    text = "A border of 1,309 Km, it said"
    assert [m.group("Num") for m in folded.finditer(text, text.lower())] == ["309"]
    # A character named by its code could be upper case: such a pattern is not folded.
    assert Folded(re.compile(r"\x41b", re.I)).low is None


def test_a_text_whose_lower_case_is_longer_runs_the_original_pattern() -> None:
    rx = re.compile(r"\bparty\b", re.I)
    text = "İstanbul: the PARTY met"  # 'İ'.lower() is two characters
    got = [m.span() for m in Folded(rx).finditer(text, text.lower())]
    assert got == [m.span() for m in rx.finditer(text)] == [(14, 19)]


def _passes(screen_: Screen, low: str) -> bool:
    return all(any(w in low for w in words) for words in screen_)


@pytest.mark.parametrize("spaces", [False, True])
def test_sieve_agrees_with_screening_each_sentence(spaces: bool) -> None:
    items = list(range(len(PATTERNS)))
    screens = [required_all(rx, spaces) for rx in PATTERNS]
    sieve = Sieve(items, screens)
    for start in range(0, len(SENTENCES), 25):
        parts = [s.lower() for s in SENTENCES[start : start + 25]]
        if spaces:
            parts = [spaced(p) for p in parts]
        got = sieve(parts)
        want = [[i for i, sc in zip(items, screens, strict=True) if _passes(sc, p)] for p in parts]
        assert got == want


_WORDS = ["party", "part", "parties", "art", "to sign", "sign", "signature", "nato", "at"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, " ", "x", "-", "Party", "ART"]), max_size=30))
def test_trie_alternation_matches_the_plain_alternation(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = "|".join(re.escape(w) for w in sorted(set(_WORDS), key=lambda w: (-len(w), w)))
    for wrap, flags in (
        (r"(?<![\w-])({})(?![\w-])", 0),
        (r"({})", 0),
        (r"(?<![\w-])({})\b", re.I),
    ):
        want = re.compile(wrap.format(plain), flags)
        got = re.compile(wrap.format(alternation(_WORDS, fold=bool(flags))), flags)
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, " ", ".", "Signed", "x"]), max_size=40))
def test_sieve_sees_overlapping_words(pieces: list[str]) -> None:
    parts = "".join(pieces).lower().split(".")
    screens: list[Screen] = [(frozenset({w}),) for w in _WORDS] + [()]
    screens += [  # conjunctions, sharing words with the single screens and each other
        (frozenset({"sign"}), frozenset({"party", "nato"})),
        (frozenset({"art", "x"}), frozenset({"to sign"}), frozenset({"parties"})),
        (frozenset({"part"}), frozenset({"sign"})),
    ]
    got = Sieve(list(range(len(screens))), screens)(parts)
    want = [[i for i, sc in enumerate(screens) if _passes(sc, p)] for p in parts]
    assert got == want


def test_gazetteer_names_match_as_their_look_behind_patterns() -> None:
    from treatywatch.ledger import load
    from treatywatch.reading.gazetteer import Gazetteer, _Names

    gaz = Gazetteer(load())
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/eval/articles").glob("*.txt"))
    ]
    texts.append("xRussia and Russia; non-NATO NATO-led, the-Baltic states ЁRussia İtaly")
    names = [v for v in vars(gaz).values() if isinstance(v, _Names)]
    assert len(names) >= 8
    for n in names:
        for text in texts:
            low = text.lower()
            scan = low if n.fold and len(low) == len(text) else text
            want = [m.span(1) for m in (n.full.finditer(text) if n.fold else n.full.finditer(scan))]
            assert [m.span(1) for m in n.finditer(text, low)] == want, n.fast.pattern[:40]


@functools.cache
def _gazetteer() -> Any:
    from treatywatch.ledger import load
    from treatywatch.reading.gazetteer import Gazetteer

    return Gazetteer(load())


def _lexicon_pairs(gaz: Any) -> list[tuple[Any, int, Any]]:
    """(lexicon, list index, the pattern that defines what the list matches)."""
    return [
        (gaz._exact, 0, gaz._state_rx),
        (gaz._exact, 1, gaz._demonym_rx),
        (gaz._exact, 2, gaz._treaty_rx_exact),
        (gaz._folded, 0, gaz._group_rx),
        (gaz._folded, 1, gaz._plural_rx),
        (gaz._folded, 2, gaz._singular_rx),
        (gaz._folded, 3, gaz._treaty_rx_folded),
        (gaz._folded, 4, gaz._treaty_anaphor_rx),
    ]


def _assert_lexicon_agrees(text: str) -> None:
    gaz = _gazetteer()
    low = text.lower()
    if len(low) != len(text):
        return  # the patterns run instead (see Gazetteer.mentions)
    for lexicon, index, names in _lexicon_pairs(gaz):
        scan = low if lexicon is gaz._folded else text
        want = [m.span(1) for m in names.full.finditer(text if names.fold else scan)]
        assert lexicon.find(scan)[index] == want, (names.fast.pattern[:40], text)


def test_lexicon_finds_what_the_name_patterns_match() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/eval").glob("*/*.txt"))]
    texts += [
        "xRussia and Russia; non-NATO NATO-led, the-Baltic states Russia_ Russia- its_ it",
        "The Finns, Finns-led; the Baltic states' and BALTIC STATES, both countries.",
        "Ottawa Convention's text, the Ottawa Convention-era, NEW START and New START.",
    ]
    assert len(texts) > 40
    for text in texts:
        _assert_lexicon_agrees(text)


def _prefixed_names() -> list[str]:
    """Names of the lexicons that begin with another name of theirs (where the longest
    must win), and those shorter names."""
    gaz = _gazetteer()
    out: set[str] = set()
    for lexicon in (gaz._exact, gaz._folded):
        names = list(lexicon._automaton.keys())
        for n in names:
            out.update(o for o in names if o != n and n.startswith(o) and len(o) > 2)
            if any(o != n and n.startswith(o) and len(o) > 2 for o in names):
                out.add(n)
    return sorted(out)


_NAMES = [
    *_prefixed_names(),
    "Russia",
    "Guinea",
    "Guinea-Bissau",
    "Finns",
    "NATO",
    "EU",
    "the Baltic states",
    "Baltic states",
    "both countries",
    "it",
    "its government",
    "the treaty",
    "Ottawa Convention",
    "convention",
    "New START",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            _NAMES + [n.upper() for n in _NAMES] + [" ", "-", "_", "x", ".", "'s", "1"]
        ),
        max_size=25,
    )
)
def test_lexicon_agrees_with_the_patterns_on_any_arrangement(pieces: list[str]) -> None:
    _assert_lexicon_agrees("".join(pieces))


_PIECES = ["is", "was", "out", "left", "the", "treaty", "ratified", "in", "2025", "june", "did"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8),
    st.lists(st.sampled_from([" ", "  ", "\n", " \t", "\xa0"]), min_size=8, max_size=8),
)
def test_screens_of_spaced_text_pass_whatever_white_space_a_match_has(
    words: list[str], gaps: list[str]
) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    low = spaced(text.lower())
    for rx in PATTERNS:
        if rx.search(text):
            assert _passes(required_all(rx, spaces=True), low), (rx.pattern[:40], text)


@settings(max_examples=300, deadline=None)
@given(st.frozensets(st.text(alphabet="abc ", min_size=1, max_size=5), max_size=12))
def test_minimal_keeps_exactly_the_strings_holding_no_other(words: frozenset[str]) -> None:
    from treatywatch.reading.screen import _minimal

    assert _minimal(words) == {w for w in words if not any(o != w and o in w for o in words)}
