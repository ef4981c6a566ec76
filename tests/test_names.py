from __future__ import annotations

import pytest

from treatywatch.errors import NotFound
from treatywatch.ledger import Ledger


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("LTU", "LTU"),
        ("lt", "LTU"),
        ("Lithuania", "LTU"),
        ("vilnius", "LTU"),
        ("Helsinki", "FIN"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("turkiye", "TUR"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Swaziland", "SWZ"),
        ("Czech Republic", "CZE"),
        ("Burma", "MMR"),
        ("Russian Federation", "RUS"),
        ("the United Kingdom", "GBR"),
        ("USSR", "SUN"),
        ("Bolivia (Plurinational State of)", "BOL"),
    ],
)
def test_state_names(ledger: Ledger, text: str, alpha3: str) -> None:
    assert ledger.state(text).alpha3 == alpha3


@pytest.mark.parametrize(
    ("text", "tid"),
    [
        ("apmbc", "apmbc"),
        ("Ottawa Convention", "apmbc"),
        ("mine ban treaty", "apmbc"),
        ("CCM", "ccm"),
        ("Convention on Cluster Munitions", "ccm"),
    ],
)
def test_treaty_names(ledger: Ledger, text: str, tid: str) -> None:
    assert ledger.treaty(text).id == tid


@pytest.mark.parametrize(
    ("kind", "text", "suggestion"),
    [
        ("state", "Lituania", "Lithuania"),
        ("state", "Finnland", "Finland"),
        ("state", "Estonai", "Estonia"),
        ("treaty", "Ottowa Convention", "apmbc"),
    ],
)
def test_misspelt_names_get_a_suggestion(
    ledger: Ledger, kind: str, text: str, suggestion: str
) -> None:
    lookup = ledger.state if kind == "state" else ledger.treaty
    with pytest.raises(NotFound) as err:
        lookup(text)
    assert suggestion in err.value.suggestions
    assert f"did you mean {suggestion}" in str(err.value)
