"""Score the reader on the real-news set (tests/realnews), as claim_guidelines.md says.

A report's gold lists the claims it asserts; a prediction matches a required gold claim on
kind (or an alternative kind), state, treaty, counterpart, action (when both give one),
value within 1 %, and date at the gold's precision (or an alternative date). Optional gold
claims are removed from both sides: a prediction that fits one is neither right nor wrong.

Besides precision, recall and F1 (overall and per kind) it counts what matters most for a
checker: **false alarms**, adverse verdicts (contradicted, premature, imprecise) on claims
the report states correctly or that the gold does not hold (an adverse verdict on a claim
the gold also finds wrong is justified, whichever adverse verdict it is; verdict accuracy
counts the exact one), and event claims on hard negatives. Texts whose licence allows it are committed; the others are read from the cache
(``$TREATYWATCH_NEWS_CACHE``, default ``~/.cache/treatywatch/news``) and checked against the
sha256 the gold records; what is missing is reported, never silently skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch.dates import parse_partial
from treatywatch.ledger import Ledger
from treatywatch.reading.claims import FIGURE_KINDS, KINDS, Claim
from treatywatch.reading.evaluate import EVAL_TODAY, Score, negated_consent, pair
from treatywatch.reading.pipeline import check_text

ADVERSE = frozenset({"contradicted", "premature", "imprecise"})
#: Kinds that are events (the hard negatives must draw none of them).
EVENT_KINDS = frozenset(
    {"intent", "parliament_vote", "law_signed", "deposit", "effective", "signature"}
)


def cache_dir() -> Path:
    """Where texts that may not be committed are kept (git-ignored, outside the tree)."""
    env = os.environ.get("TREATYWATCH_NEWS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "treatywatch" / "news"


@dataclass
class Article:
    """One annotated report and, when available, its text."""

    part: str
    gold: dict[str, Any]
    text: str | None
    committed: bool
    problem: str | None = None

    @property
    def id(self) -> str:
        return str(self.gold["id"])


def articles(folder: Path, part: str, cache: Path | None = None) -> list[Article]:
    """Every report of one part (``dev`` or ``sealed``), with its text if it can be had."""
    cache = cache or cache_dir()
    found: list[Article] = []
    for gold_path in sorted((folder / part / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        committed_path = folder / part / "texts" / f"{gold_path.stem}.txt"
        path = committed_path if committed_path.is_file() else cache / f"{gold_path.stem}.txt"
        if not path.is_file():
            found.append(Article(part, gold, None, False, "text not cached"))
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != gold.get("sha256"):
            found.append(Article(part, gold, None, False, f"{path}: sha256 differs from gold"))
            continue
        found.append(Article(part, gold, raw.decode("utf-8"), path == committed_path))
    return found


def publication_day(raw: str | None) -> date | None:
    """The gold's publication day; None when the page gives only a month or a year (as the
    reader would be given it: a first-of-the-month guess would date "the day's news" by a
    day the report was not written, and accuse it of what happened later that month)."""
    if not raw:
        return None
    day = parse_partial(raw)
    return day.earliest if day.precision == "day" else None


def _alts(gold: dict[str, Any], key: str) -> list[Any]:
    values = [gold.get(key)]
    values.extend((gold.get("alternatives") or {}).get(key, []))
    return values


def _date_fits(gold_date: str | None, predicted: str | None) -> bool:
    if gold_date is None:
        return True
    return predicted is not None and predicted[: len(gold_date)] == gold_date


def _value_fits(gold_value: float | None, predicted: float | None) -> bool:
    if gold_value is None:
        return True
    return predicted is not None and abs(predicted - gold_value) <= 0.01 * abs(gold_value)


def fits(gold: dict[str, Any], pred: Claim, *, with_date: bool = True) -> bool:
    """Does the prediction make the gold claim (alternatives included)? A negated consent
    may be read either way (claim_guidelines.md A3: "status not_party, or an event with
    modality negated")."""
    if negated_consent({**gold, "treaty": pred.treaty}, pred):
        return pred.treaty in _alts(gold, "treaty")
    if pred.kind not in _alts(gold, "kind"):
        return False
    if pred.state != gold.get("state"):
        return False
    # (a figure's treaty is no fact the record checks: the two scorers ignore it alike)
    for key in ("counterpart",) if pred.kind in FIGURE_KINDS else ("treaty", "counterpart"):
        if getattr(pred, key) not in _alts(gold, key):
            return False
    if (
        gold.get("action") is not None
        and pred.action is not None
        and pred.action not in _alts(gold, "action")
    ):
        return False
    if not _value_fits(gold.get("value"), pred.value):
        return False
    return not with_date or any(_date_fits(d, pred.date) for d in _alts(gold, "date"))


@dataclass
class RealScore(Score):
    """Counts over a set of reports (the self-written set's, and what real news adds);
    ``summary()`` is what the docs and gates quote."""

    scored: int = 0
    missing: list[str] = field(default_factory=list)
    date_seen: int = 0
    adverse: int = 0
    adverse_justified: int = 0
    hard_negatives: int = 0
    hard_negative_events: int = 0

    def summary(self) -> dict[str, Any]:
        p, r, f = self.prf()
        return {
            "reports": self.scored,
            "missing": len(self.missing),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "claim_f1": round(f, 4),
            "date_accuracy": round(self.date_ok / self.date_seen, 4) if self.date_seen else 1.0,
            "verdict_accuracy": round(self.verdict_ok / self.matched, 4) if self.matched else 1.0,
            "adverse": self.adverse,
            "adverse_justified": self.adverse_justified,
            "false_alarms": self.adverse - self.adverse_justified,
            "hard_negatives": self.hard_negatives,
            "hard_negative_events": self.hard_negative_events,
        }


def _describe(c: Claim) -> str:
    return f"{c.kind} {c.action} {c.state} {c.treaty} {c.date} ({c.verdict})"


def _gdescribe(g: dict[str, Any]) -> str:
    return f"{g['kind']} {g.get('action')} {g.get('state')} {g.get('treaty')} {g.get('date')}"


def score(reports: Iterable[Article], ledger: Ledger) -> RealScore:
    """Run the reader over each report with text and compare with its gold."""
    result = RealScore()
    for art in reports:
        if art.text is None:
            result.missing.append(f"{art.id}: {art.problem}")
            continue
        result.scored += 1
        published = publication_day(art.gold.get("published"))
        predicted = list(check_text(ledger, art.text, published, EVAL_TODAY).claims)
        required = [g for g in art.gold["claims"] if not g.get("optional")]
        optional = [g for g in art.gold["claims"] if g.get("optional")]
        if art.gold.get("hard_negative"):
            result.hard_negatives += 1
            result.hard_negative_events += sum(p.kind in EVENT_KINDS for p in predicted)
        matched = pair(required, predicted, fits)
        pairs = [(g, predicted[matched[i]]) for i, g in enumerate(required) if i in matched]
        unmatched = [g for i, g in enumerate(required) if i not in matched]
        taken = set(matched.values())
        left = [p for j, p in enumerate(predicted) if j not in taken]
        # Optional gold claims take what fits them out of the count.
        left = [p for p in left if not any(fits(g, p, with_date=False) for g in optional)]
        # Date accuracy over claims that match on everything but the date: such a
        # prediction still counts as a false positive (and its gold as missed).
        dated: list[Claim] = []
        for g in unmatched:
            hit = next((p for p in left if fits(g, p, with_date=False)), None)
            if hit is None:
                continue
            left.remove(hit)
            dated.append(hit)
            result.date_seen += 1
            result.errors.append(
                f"{art.id}: date {hit.date} != {g.get('date')} for {_gdescribe(g)} "
                f"({hit.verdict}: {hit.explanation[:70]})"
            )
            if hit.verdict in ADVERSE:
                result.adverse += 1
                result.adverse_justified += g.get("verdict") in ADVERSE
        for g, hit in pairs:
            result.tp[g["kind"]] += 1
            result.matched += 1
            result.date_seen += 1
            result.date_ok += 1
            result.verdict_ok += hit.verdict == g.get("verdict")
            if hit.verdict in ADVERSE:
                result.adverse += 1
                result.adverse_justified += g.get("verdict") in ADVERSE
            if hit.verdict != g.get("verdict"):
                result.errors.append(
                    f"{art.id}: verdict {hit.verdict} != {g.get('verdict')} for "
                    f"{_gdescribe(g)} | {hit.explanation[:80]}"
                )
        for g in unmatched:
            result.fn[g["kind"]] += 1
            result.errors.append(f"{art.id}: missed {_gdescribe(g)} | {g.get('evidence', '')}")
        for p in dated:
            result.fp[p.kind] += 1
        for p in left:
            result.fp[p.kind] += 1
            result.adverse += p.verdict in ADVERSE
            result.errors.append(
                f"{art.id}: extra {_describe(p)} | {p.evidence.get('text', '')[:70]}"
            )
    return result


def report(name: str, result: RealScore) -> str:
    """A Markdown table per kind and the headline figures."""
    s = result.summary()
    lines = [f"### {name}: {s['reports']} reports scored, {s['missing']} without text", ""]
    lines += ["| kind | precision | recall | F1 | gold |", "|---|---|---|---|---|"]
    for kind in KINDS:
        if result.tp[kind] + result.fn[kind] + result.fp[kind] == 0:
            continue
        p, r, f = result.prf(kind)
        lines.append(
            f"| {kind} | {p:.2f} | {r:.2f} | {f:.2f} | {result.tp[kind] + result.fn[kind]} |"
        )
    lines.append(
        f"| **all** | {s['precision']:.2f} | {s['recall']:.2f} | {s['claim_f1']:.2f} | "
        f"{sum(result.tp.values()) + sum(result.fn.values())} |"
    )
    lines.append("")
    lines.append(
        f"date accuracy {s['date_accuracy']:.3f}; verdict accuracy {s['verdict_accuracy']:.3f}; "
        f"adverse verdicts {s['adverse']}, justified {s['adverse_justified']}, "
        f"false alarms {s['false_alarms']}; event claims on {s['hard_negatives']} hard "
        f"negatives: {s['hard_negative_events']}"
    )
    return "\n".join(lines)
