"""Cases of a treaty's law on the real record: a state, a treaty, a day, the status the
record must give and the article the status rests on (shared by the treaty-law tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from treatywatch.ledger import Ledger
from treatywatch.model import Status


@dataclass(frozen=True)
class Case:
    treaty: str
    state: str
    on: str
    status: Status
    article: str
    why: str


def case_id(case: Case) -> str:
    return f"{case.treaty} {case.state} {case.on}: {case.why}"


def check_case(ledger: Ledger, case: Case) -> None:
    """The record gives the case's status, for a reason citing the case's article."""
    answer = ledger.status(case.state, case.treaty, date.fromisoformat(case.on))
    assert answer.status is case.status
    if case.article:
        articles = [r.article for r in answer.reasons]
        assert any(a.startswith(case.article) for a in articles), articles
