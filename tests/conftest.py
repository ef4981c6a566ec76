from __future__ import annotations

import pytest

from treatywatch.ledger import Ledger, load


@pytest.fixture(scope="session")
def ledger() -> Ledger:
    """The bundled record, loaded and derived once per test session."""
    return load()
