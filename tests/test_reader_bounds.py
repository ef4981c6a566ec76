"""Reading cost stays linear in the input: no sentence grows without bound, and a text
with thousands of candidate claims is read up to a cap, saying so."""

from __future__ import annotations

import time
from datetime import date

from treatywatch.ledger import Ledger
from treatywatch.reading.claims import MAX_CANDIDATES
from treatywatch.reading.pipeline import check_text
from treatywatch.reading.text import MAX_SENTENCE, sentences

UNIT = (
    "Lithuania and Latvia notified the withdrawal from the Ottawa Convention on 27 June "
    "2025 while Poland voted, and Finland said it would leave the treaty "
)


def _no_full_stop(size: int) -> str:
    return (UNIT * (size // len(UNIT) + 1))[:size]


def test_a_text_without_full_stops_is_cut_into_bounded_pieces() -> None:
    text = _no_full_stop(200_000)
    pieces = list(sentences(text))
    assert all(end - start <= MAX_SENTENCE for start, end in pieces)
    # Nothing is lost: the pieces cover every word, in order.
    assert " ".join(text[s:e] for s, e in pieces).split() == text.split()


def test_pieces_are_cut_at_clause_marks_where_there_are_some() -> None:
    text = ("word " * 150 + "; ") * 20
    for start, end in sentences(text):
        assert text[start:end].endswith(";") or end == len(text.rstrip())


def test_a_dense_text_is_read_up_to_the_cap_and_says_so(ledger: Ledger) -> None:
    report = check_text(ledger, _no_full_stop(400_000), date(2025, 7, 1), date(2026, 1, 1))
    assert any(f"more than {MAX_CANDIDATES} candidate claims" in n for n in report.notes)


def test_a_hostile_megabyte_is_read_in_bounded_time(ledger: Ledger) -> None:
    # A guard against quadratic reading (a 500 KB sentence took 102 s before): the
    # measured figure (about 1 s per MB) is in docs/performance.md; this bound is loose
    # so that a loaded machine does not fail it.
    text = _no_full_stop(1_000_000)
    start = time.perf_counter()
    check_text(ledger, text, date(2025, 7, 1), date(2026, 1, 1))
    assert time.perf_counter() - start < 20


def test_the_parse_is_asked_about_a_bounded_number_of_sentences(ledger: Ledger) -> None:
    """A megabyte of sentences the word patterns miss but the parse could read would make
    the parser the cost of reading; it reads up to MAX_PARSED of them and says so."""
    from treatywatch.reading.extract import MAX_PARSED

    unit = "Hungary, a founding member of the ICC, said on Monday it was withdrawing from it. "
    text = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    report = check_text(ledger, text, date(2025, 5, 1), date(2026, 1, 1))
    assert time.perf_counter() - start < 20  # measured: about 1.6 s (docs/performance.md)
    assert any(f"up to {MAX_PARSED} sentences" in n for n in report.notes)
