"""Compare a depositary's acts with the record's, and write the accepted changes.

Shared by the importers: an importer turns its source into :class:`PageAct` rows (each with
the line and text it rests on); :func:`compare` matches them, state by state, with the
record's acts of the treaty and returns the differences:

- ``new``: the source has an act the record lacks;
- ``day``: the record knows the act only to the month, the year or a range, the source
  gives the day (inside it);
- ``date``: the same act on another day;
- ``kind``: the same day, another kind of instrument (ratification / approval …);
- ``effective``: a withdrawal takes effect on another day;
- ``reference``: a withdrawal the record has, without the depositary notification (C.N.)
  the source cites;
- ``missing``: the record has an act the source does not show.

A difference the record has already decided is a ``decision``, listed but not a change:
the source's reading is kept as an ``alternate`` row of the record (the record follows
another source and says why), or the record's act says in its note that it is not on the
depositary's page (``not on the depositary's page`` and why: a predecessor's act, a
signature the depositary cancelled …).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch.errors import UsageError
from treatywatch.model import Act

SIGNATURE_KINDS = frozenset({"signature"})
CONSENT_KINDS = frozenset({"ratification", "acceptance", "approval", "accession", "succession"})
#: kinds a depositary's status page can show; others (suspension …) are not compared
COMPARED = (
    SIGNATURE_KINDS
    | CONSENT_KINDS
    | {
        "withdrawal",
        "withdrawal_revoked",
        "signature_withdrawn",
    }
)
NOT_ON_PAGE = "not on the depositary's page"


@dataclass(frozen=True, slots=True)
class PageAct:
    """An act as a depositary's page states it, with the line and text it rests on."""

    participant: str
    state: str
    kind: str
    date: date
    line: int
    text: str
    column: str = ""
    marker: str = ""
    bracketed: bool = False
    effective: dt.date | None = None
    cn: str = ""
    #: shown, not compared: a predecessor state's acts, which an end note recalls (the
    #: record carries the continuity through its successors' notifications)
    informative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "participant": self.participant,
            "kind": self.kind,
            "date": self.date.isoformat(),
            "effective": self.effective.isoformat() if self.effective else None,
            "cn": self.cn or None,
            "marker": self.marker or None,
            "bracketed": self.bracketed,
            "line": self.line,
            "text": self.text,
        }


@dataclass(slots=True)
class Difference:
    change: str
    state: str
    kind: str
    page: PageAct | None = None
    record: Act | None = None
    decision: str = ""
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        rec = self.record
        return {
            "change": self.change,
            "state": self.state,
            "kind": self.kind,
            "source": self.page.to_dict() if self.page else None,
            "record": {
                "kind": rec.kind.value,
                "date": str(rec.date),
                "effective": str(rec.effective) if rec.effective else None,
                "sources": list(rec.sources),
                "file": rec.file,
                "line": rec.line,
            }
            if rec
            else None,
            "decision": self.decision or None,
            "detail": self.detail,
        }


@dataclass(slots=True)
class Report:
    treaty: str
    source: str
    agree: int = 0
    compared: int = 0
    differences: list[Difference] = field(default_factory=list)
    skipped: list[PageAct] = field(default_factory=list)

    @property
    def changes(self) -> list[Difference]:
        return [d for d in self.differences if not d.decision]

    @property
    def decisions(self) -> list[Difference]:
        return [d for d in self.differences if d.decision]


def _group(kind: str) -> str:
    if kind in SIGNATURE_KINDS:
        return "signature"
    if kind in CONSENT_KINDS:
        return "consent"
    return kind


def _inside(day: date, act: Act) -> bool:
    return act.date.precision != "day" and act.date.earliest <= day <= act.date.latest


def _cites(act: Act, cn: str, source_text: dict[str, str]) -> bool:
    if not cn:
        return True
    hay = act.note + " " + " ".join(source_text.get(s, s) for s in act.sources)
    return cn.replace(" ", "") in hay.replace(" ", "")


def compare(
    treaty: str,
    source: str,
    page_acts: Iterable[PageAct],
    record: Iterable[Act],
    source_text: dict[str, str] | None = None,
) -> Report:
    """Match the source's acts with the record's, state by state; report what differs."""
    texts = source_text or {}
    report = Report(treaty, source)
    mine: dict[str, list[Act]] = {}
    alternates: dict[str, list[Act]] = {}
    for act in record:
        if act.treaty != treaty or act.kind.value not in COMPARED:
            continue
        (alternates if act.alternate else mine).setdefault(act.state, []).append(act)
    theirs: dict[str, list[PageAct]] = {}
    stated: set[tuple[str, str, date]] = set()  # predecessors' acts the notes state
    for pa in page_acts:
        if pa.kind not in COMPARED or not pa.state or pa.informative:
            report.skipped.append(pa)
            if pa.informative and pa.state and pa.date is not None:
                stated.add((pa.state, pa.kind, pa.date))
            continue
        theirs.setdefault(pa.state, []).append(pa)
    report.compared = sum(len(v) for v in theirs.values())
    for state in sorted(set(mine) | set(theirs)):
        left = list(mine.get(state, []))
        alt = alternates.get(state, [])
        pending: list[PageAct] = []
        for pa in theirs.get(state, []):
            hit = next(
                (
                    a
                    for a in left
                    if a.kind.value == pa.kind
                    and a.date.precision == "day"
                    and a.date.earliest == pa.date
                ),
                None,
            )
            if hit is None:
                pending.append(pa)
                continue
            left.remove(hit)
            report.agree += 1
            if pa.kind == "withdrawal":
                _check_withdrawal(report, pa, hit, texts)
        for pa in pending:
            same_group = [a for a in left if _group(a.kind.value) == _group(pa.kind)]
            cand = (
                next((a for a in same_group if a.kind.value == pa.kind), None)
                or next(
                    (a for a in same_group if a.date.precision == "day" and a.day == pa.date),
                    None,
                )
                or (same_group[0] if same_group else None)
            )
            decided = next(
                (a for a in alt if a.kind.value == pa.kind and a.date.earliest == pa.date), None
            )
            if cand is None:
                diff = Difference("new", state, pa.kind, pa)
            else:
                left.remove(cand)
                if cand.kind.value != pa.kind:
                    change = "kind"
                elif _inside(pa.date, cand):
                    change = "day"
                else:
                    change = "date"
                diff = Difference(change, state, pa.kind, pa, cand)
                if pa.kind == "withdrawal" and change == "day":
                    _check_withdrawal(report, pa, cand, texts)
            if decided is not None and diff.change != "day":
                diff.decision = (
                    f"the record follows {diff.record.date if diff.record else 'no act'}; "
                    f"the depositary's reading is kept as an alternate "
                    f"({decided.file}:{decided.line})"
                )
            report.differences.append(diff)
        for act in left:
            if act.date.precision == "day" and (state, act.kind.value, act.day) in stated:
                report.compared += 1  # a predecessor's act that the page's notes state
                report.agree += 1
                continue
            diff = Difference("missing", state, act.kind.value, None, act)
            if NOT_ON_PAGE in act.note:
                why = act.note[act.note.index(NOT_ON_PAGE) :].split(";")[0]
                diff.decision = why
            report.differences.append(diff)
    return report


def _check_withdrawal(report: Report, pa: PageAct, act: Act, texts: dict[str, str]) -> None:
    if pa.effective and act.effective and act.effective.earliest != pa.effective:
        report.differences.append(
            Difference("effective", pa.state, pa.kind, pa, act, detail=str(pa.effective))
        )
    if pa.cn and not _cites(act, pa.cn, texts):
        report.differences.append(Difference("reference", pa.state, pa.kind, pa, act, detail=pa.cn))


# --- output ----------------------------------------------------------------------------

_SIGN = {
    "new": "+",
    "missing": "-",
    "day": "~",
    "date": "~",
    "kind": "~",
    "effective": "~",
    "reference": "~",
}


def line_of(d: Difference, page_name: str) -> str:
    pa, rec = d.page, d.record
    if d.change == "new" and pa:
        what = f"{d.state} {pa.kind} {pa.date}"
        if pa.effective:
            what += f" (effective {pa.effective})"
        if pa.cn:
            what += f" {pa.cn}"
    elif d.change == "missing" and rec:
        what = f"{d.state} {rec.kind.value} {rec.date} ({rec.file}:{rec.line}) not in the source"
    elif d.change == "kind" and pa and rec:
        what = f"{d.state} {rec.kind.value} {rec.date} -> {pa.kind} {pa.date}"
    elif d.change in ("day", "date") and pa and rec:
        what = f"{d.state} {pa.kind} {rec.date} -> {pa.date}"
    elif d.change == "effective" and pa and rec:
        what = f"{d.state} withdrawal {rec.date}: effective {rec.effective} -> {pa.effective}"
    elif d.change == "reference" and pa and rec:
        what = f"{d.state} withdrawal {rec.date}: cite {pa.cn}"
    else:  # pragma: no cover - every change has its operands
        what = d.state
    out = f"  {_SIGN[d.change]} {d.change:<9} {what}"
    if pa:
        out += f"\n      {page_name}:{pa.line}: {pa.text[:160]}"
    if d.decision:
        out += f"\n      recorded decision: {d.decision}"
    return out


def render_text(report: Report, page_name: str, extra: list[str] | None = None) -> str:
    head = [
        f"{report.treaty} <- {page_name} ({report.source})",
        f"  compared {report.compared} act(s) of the source: {report.agree} agree, "
        f"{len(report.changes)} difference(s), {len(report.decisions)} recorded decision(s)",
        *(extra or []),
    ]
    body = [line_of(d, page_name) for d in report.changes]
    if report.decisions:
        body.append("  recorded decisions (kept as they are):")
        body += [line_of(d, page_name) for d in report.decisions]
    if not report.changes:
        body.append("  no difference" + (" except recorded decisions" if report.decisions else ""))
    return "\n".join(head + body)


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "treaty": report.treaty,
        "source": report.source,
        "compared": report.compared,
        "agree": report.agree,
        "differences": [d.to_dict() for d in report.changes],
        "decisions": [d.to_dict() for d in report.decisions],
        "not_compared": [p.to_dict() for p in report.skipped],
    }


# --- writing ---------------------------------------------------------------------------


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return list(reader.fieldnames or []), [dict(r) for r in reader]


def _write_csv(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({f: r.get(f, "") or "" for f in fields})
    path.write_text(buf.getvalue(), encoding="utf-8")


def _add_source(ids: str, sid: str) -> str:
    parts = [s for s in ids.split(";") if s]
    return ";".join([sid, *[p for p in parts if p != sid]])


def _with_note(note: str, extra: str) -> str:
    return f"{note}; {extra}" if note else extra


def apply_to_folder(
    root: Path, report: Report, source: dict[str, str], page_name: str
) -> list[str]:
    """Write the report's changes into ``root`` (acts/<treaty>.csv, sources.csv).

    A changed date keeps the record's former reading as an ``alternate`` row with its
    sources, so the disagreement stays visible; ``missing`` acts are left for a person
    to decide. Returns one line per change written.
    """
    path = root / "acts" / f"{report.treaty}.csv"
    fields, rows = _read_csv(path)
    sid = source["id"]
    done: list[str] = []

    def find(act: Act) -> dict[str, str]:
        """The file's row of ``act`` (by its fields: a quoted note may span lines)."""
        for r in rows:
            if (
                r.get("state") == act.state
                and r.get("kind") == act.kind.value
                and r.get("date") == act.date.raw
                and r.get("reading", "") != "alternate"
            ):
                return r
        raise UsageError(
            f"{path}: no row for {act.state} {act.kind.value} {act.date} "
            "(the file changed since the comparison: run the import again)"
        )

    for d in report.changes:
        pa, rec = d.page, d.record
        if pa is None:
            continue
        ref = f"UNTC {page_name}:{pa.line}" + (f", {pa.cn}" if pa.cn else "")
        if d.change == "new":
            rows.append(
                {
                    "state": pa.state,
                    "kind": pa.kind,
                    "date": pa.date.isoformat(),
                    "effective": pa.effective.isoformat() if pa.effective else "",
                    "sources": sid,
                    "note": f"from the depositary's status page ({ref})",
                }
            )
        elif rec is not None:
            row = find(rec)
            if d.change in ("date", "kind"):
                old = dict(row)
                old["reading"] = "alternate"
                old["note"] = _with_note(
                    old.get("note", ""),
                    f"former reading; the depositary gives {pa.kind} {pa.date} ({ref})",
                )
                rows.append(old)
                row["kind"], row["date"] = pa.kind, pa.date.isoformat()
                row["sources"] = sid
                row["note"] = f"from the depositary's status page ({ref})"
            elif d.change == "day":
                row["date"] = pa.date.isoformat()
                row["sources"] = _add_source(row.get("sources", ""), sid)
                row["note"] = _with_note(row.get("note", ""), f"day from {ref}")
            elif d.change == "effective":
                row["effective"] = pa.effective.isoformat() if pa.effective else ""
                row["sources"] = _add_source(row.get("sources", ""), sid)
            elif d.change == "reference":
                row["sources"] = _add_source(row.get("sources", ""), sid)
                row["note"] = _with_note(row.get("note", ""), f"depositary notification {pa.cn}")
        done.append(line_of(d, page_name).splitlines()[0].strip())
    if done:
        if "reading" not in fields:
            fields.insert(fields.index("sources"), "reading")
        rows.sort(key=lambda r: r["state"])  # stable: a state's rows keep their order
        _write_csv(path, fields, rows)
        src_path = root / "sources.csv"
        sfields, srows = _read_csv(src_path)
        if all(r["id"] != sid for r in srows):
            srows.append(source)
            _write_csv(src_path, sfields, srows)
    return done


def recorded_decisions(acts: Iterable[Act]) -> list[str]:
    """Every recorded decision in the record, one line each (``treatywatch validate``): the
    readings kept as ``alternate`` rows, and acts a depositary's page does not show, whose
    note says why."""
    out = []
    for a in sorted(acts, key=lambda a: (a.file, a.line)):
        if a.alternate:
            why = f"alternate reading, not applied: {a.note}"
        elif NOT_ON_PAGE in a.note:
            why = a.note[a.note.index(NOT_ON_PAGE) :]
        else:
            continue
        if len(why) > 160:
            why = why[:157] + "..."
        out.append(f"{a.file}:{a.line}: {a.state} {a.kind.value} {a.date}: {why}")
    return out
