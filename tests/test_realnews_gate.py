"""Quality gate on the real-news reports whose text is committed (licence permitting):
pinned floors, no false accusation, no event on a hard negative. The whole set (most texts
only in the cache) is scored by `make eval`; its figures are in docs/reader.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatywatch.ledger import Ledger
from treatywatch.reading import realnews

SET = Path(__file__).parent / "realnews"


@pytest.fixture(scope="module")
def floors() -> dict[str, float]:
    data: dict[str, float] = json.loads((SET / "floors.json").read_text(encoding="utf-8"))
    return data


def _committed(parts: tuple[str, ...] = ("dev",)) -> list[realnews.Article]:
    """The reports whose text is committed; scored on the development part only, so that
    no sealed report is read while tuning (its texts are checked, never scored, here)."""
    return [a for part in parts for a in realnews.articles(SET, part) if a.committed]


def test_every_gold_file_is_well_formed() -> None:
    ids: set[str] = set()
    urls: set[str] = set()
    for part in ("dev", "sealed"):
        for path in sorted((SET / part / "gold").glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            assert gold["id"] == path.stem and gold["id"] not in ids, path
            assert gold["url"] not in urls, f"{path}: the same report twice"
            ids.add(gold["id"])
            urls.add(gold["url"])
            assert len(gold["sha256"]) == 64 and gold["licence"], path
            if gold.get("hard_negative"):
                assert not gold["claims"], f"{path}: a hard negative makes no claim"
            for claim in gold["claims"]:
                assert claim["kind"] in realnews.KINDS, (path, claim)
                assert len(str(claim.get("evidence", "")).split()) <= 12, (path, claim)


def test_committed_texts_are_the_annotated_ones() -> None:
    committed = _committed(("dev", "sealed"))
    assert len(committed) >= 12
    assert all(a.text is not None for a in committed)
    for art in committed:
        for claim in art.gold["claims"]:
            assert claim["evidence"] in (art.text or ""), (art.id, claim["evidence"])


def test_reader_meets_its_floors_on_committed_reports(
    floors: dict[str, float], ledger: Ledger
) -> None:
    result = realnews.score(_committed(), ledger).summary()
    assert result["claim_f1"] >= floors["claim_f1"], result
    assert result["false_alarms"] <= floors["false_alarms"], result
    assert result["hard_negative_events"] == 0, result
