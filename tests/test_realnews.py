"""The real-news scorer follows claim_guidelines.md: alternatives, optional claims, dates
at the gold's precision, false alarms, hard negatives, texts checked by their sha256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from treatywatch.ledger import Ledger
from treatywatch.reading.claims import Claim
from treatywatch.reading.evaluate import pair
from treatywatch.reading.realnews import articles, fits, score

GOLD = {
    "kind": "deposit",
    "action": "withdrawal",
    "state": "LTU",
    "counterpart": None,
    "treaty": "apmbc",
    "date": "2025-06",
    "value": None,
    "alternatives": {"kind": ["effective"], "date": ["2025"]},
}


def _pred(**kw: object) -> Claim:
    base: dict[str, object] = {
        "kind": "deposit",
        "action": "withdrawal",
        "state": "LTU",
        "treaty": "apmbc",
        "date": "2025-06-27",
    }
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pred", "ok"),
    [
        (_pred(), True),  # a day inside the gold's month
        (_pred(date="2025-06"), True),
        (_pred(date="2025"), True),  # an alternative date
        (_pred(date="2026-01-10"), False),
        (_pred(date=None), False),  # the gold dates it; a prediction without a date does not
        (_pred(kind="effective"), True),  # an alternative kind
        (_pred(kind="intent"), False),
        (_pred(state="LVA"), False),
        (_pred(treaty="ccm"), False),
        (_pred(action="accession"), False),
        (_pred(action=None), True),  # no action read: not held against it
    ],
)
def test_a_prediction_fits_the_gold_as_the_guidelines_say(pred: Claim, ok: bool) -> None:
    assert fits(GOLD, pred) is ok


def test_values_fit_within_one_percent() -> None:
    gold = {
        "kind": "border_length",
        "state": "POL",
        "counterpart": "BLR",
        "treaty": None,
        "date": None,
        "value": 418,
    }
    assert fits(gold, Claim("border_length", None, "POL", None, counterpart="BLR", value=421))
    assert not fits(gold, Claim("border_length", None, "POL", None, counterpart="BLR", value=425))


#: Lithuania's notice of 27 June 2025, as a gold claim.
NOTICE = {
    "kind": "deposit",
    "action": "withdrawal",
    "state": "LTU",
    "counterpart": None,
    "treaty": "apmbc",
    "date": "2025-06-27",
    "value": None,
    "verdict": "supported",
}


def _write(root: Path, part: str, rid: str, text: str, gold: dict[str, object]) -> None:
    (root / part / "gold").mkdir(parents=True, exist_ok=True)
    (root / part / "texts").mkdir(parents=True, exist_ok=True)
    (root / part / "texts" / f"{rid}.txt").write_text(text, encoding="utf-8")
    gold = {"id": rid, "sha256": hashlib.sha256(text.encode()).hexdigest(), **gold}
    (root / part / "gold" / f"{rid}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_score_counts_optional_missing_and_hard_negatives(tmp_path: Path, ledger: Ledger) -> None:
    text = (
        "Lithuania notified the UN Secretary-General of its withdrawal from the Ottawa "
        "Convention on 27 June 2025.\n"
    )
    _write(
        tmp_path,
        "dev",
        "r001",
        text,
        {
            "published": "2025-06-30",
            "claims": [NOTICE],
        },
    )
    # The same sentence, its claim marked optional: neither right nor wrong.
    _write(
        tmp_path,
        "dev",
        "r002",
        text,
        {
            "published": "2025-06-30",
            "claims": [{**NOTICE, "optional": True}],
        },
    )
    _write(
        tmp_path,
        "dev",
        "r003",
        "The treaty has 164 states parties.\n",
        {"published": "2025-06-30", "hard_negative": True, "claims": []},
    )
    gold = {"id": "r004", "sha256": "0" * 64, "published": None, "claims": []}
    (tmp_path / "dev" / "gold" / "r004.json").write_text(json.dumps(gold), encoding="utf-8")
    result = score(articles(tmp_path, "dev", cache=tmp_path / "cache"), ledger)
    s = result.summary()
    assert (s["reports"], s["missing"]) == (3, 1)
    assert (sum(result.tp.values()), sum(result.fp.values()), sum(result.fn.values())) == (1, 0, 0)
    assert s["hard_negatives"] == 1 and s["hard_negative_events"] == 0
    assert s["false_alarms"] == 0


def test_a_cached_text_that_changed_is_refused(tmp_path: Path, ledger: Ledger) -> None:
    (tmp_path / "dev" / "gold").mkdir(parents=True)
    gold = {"id": "r001", "sha256": hashlib.sha256(b"one").hexdigest(), "claims": []}
    (tmp_path / "dev" / "gold" / "r001.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "r001.txt").write_bytes(b"two")
    (art,) = articles(tmp_path, "dev", cache=tmp_path / "cache")
    assert art.text is None and art.problem is not None and "sha256" in art.problem


def test_a_negated_consent_may_be_read_as_the_negated_event() -> None:
    # claim_guidelines.md A3: "has not ratified" is status not_party, or an event with
    # modality negated; never an asserted event.
    gold = {
        "kind": "status",
        "action": "not_party",
        "state": "USA",
        "treaty": "ctbt",
        "counterpart": None,
        "date": "2023-11-02",
        "value": None,
    }
    negated = Claim("deposit", "ratification", "USA", "ctbt", modality="negated")
    assert fits(gold, negated)
    assert not fits(gold, Claim("deposit", "ratification", "USA", "ctbt"))
    assert not fits(gold, Claim("deposit", "ratification", "CHN", "ctbt", modality="negated"))


def test_each_gold_claim_gets_a_prediction_when_one_can_be_had() -> None:
    """A gold claim that allows another kind must not take the prediction another gold
    claim needs: a maximum matching, not the first fit (both would count as errors)."""
    effective = {
        "kind": "effective",
        "state": "PHL",
        "treaty": "att",
        "action": None,
        "date": "2022-03-24",
        "alternatives": {"kind": ["deposit"]},
    }
    deposit = {
        "kind": "deposit",
        "state": "PHL",
        "treaty": "att",
        "action": None,
        "date": "2022-03-24",
    }
    preds = [
        Claim("deposit", "ratification", "PHL", "att", date="2022-03-24"),
        Claim("effective", "ratification", "PHL", "att", date="2022-03-24"),
    ]
    assert pair([effective, deposit], preds, fits) == {0: 1, 1: 0}
    assert pair([effective, deposit], preds[:1], fits) == {0: 0}
