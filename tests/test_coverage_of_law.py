"""A new exit-type act in the data must come with a law case for its kind."""

from __future__ import annotations

from tests.test_law import BAD, CASES
from treatywatch.ledger import Ledger
from treatywatch.model import CONSENT, ActKind

EXIT_KINDS = set(ActKind) - CONSENT - {ActKind.SIGNATURE}


def test_every_exit_kind_in_the_data_has_a_law_case(ledger: Ledger) -> None:
    in_data = {a.kind for a in ledger.dataset.acts if a.kind in EXIT_KINDS}
    covered = {a.kind for case in CASES for a in case.acts} | {
        a.kind for case in BAD for a in case.acts
    }
    missing = in_data - covered
    assert not missing, f"exit-type acts without a law case: {sorted(k.value for k in missing)}"


def test_every_kind_is_exercised_somewhere() -> None:
    covered = {a.kind for case in CASES for a in case.acts}
    assert covered == set(ActKind)
