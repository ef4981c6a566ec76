"""Quality gate for the reader: pinned floors on the annotated set, and its checksum.

The floors come from issue #4 (claim F1 >= 0.85, verdict accuracy >= 0.90). Lowering a
floor in tests/eval/baseline.json needs "lowered": {"reason": ...} there and the reason in
the commit message; changing the set needs its new checksum recorded (make eval prints it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from treatywatch.ledger import Ledger
from treatywatch.reading.evaluate import checksum, evaluate

EVAL = Path(__file__).parent / "eval"
ISSUE_FLOORS = {"claim_f1": 0.85, "verdict_accuracy": 0.90}


@pytest.fixture(scope="module")
def baseline() -> dict[str, object]:
    data: dict[str, object] = json.loads((EVAL / "baseline.json").read_text(encoding="utf-8"))
    return data


def test_the_set_is_the_pinned_one(baseline: dict[str, object]) -> None:
    assert checksum(EVAL) == baseline["checksum"], (
        "tests/eval changed: review it, then record the new checksum in baseline.json"
    )


def test_floors_are_not_silently_lowered(baseline: dict[str, object]) -> None:
    floors = baseline["floors"]
    assert isinstance(floors, dict)
    for key, minimum in ISSUE_FLOORS.items():
        if floors[key] < minimum:
            lowered = baseline.get("lowered")
            assert isinstance(lowered, dict) and lowered.get("reason"), (
                f"floor {key} lowered below {minimum} without a reason"
            )


def test_reader_meets_its_floors(baseline: dict[str, object], ledger: Ledger) -> None:
    floors = baseline["floors"]
    assert isinstance(floors, dict)
    score = evaluate(EVAL, ledger).summary()
    assert score["claim_f1"] >= floors["claim_f1"], score
    assert score["verdict_accuracy"] >= floors["verdict_accuracy"], score


def test_set_is_big_and_varied_enough() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in (EVAL / "gold").glob("*.json")]
    assert len(golds) >= 41  # 40 written articles and the seed
    claims = [c for g in golds for c in g["claims"]]
    kinds = {c["kind"] for c in claims}
    verdicts = {c["verdict"] for c in claims}
    modalities = {c["modality"] for c in claims}
    assert len(kinds) == 12 and len(verdicts) == 5 and len(modalities) == 4
    assert sum(1 for g in golds if not g["claims"]) >= 5
