"""Plain data shapes (the JSON contract) and text tables for answers, changes and spans."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from treatywatch.ledger import Answer, Change, Ledger
from treatywatch.model import State


def answer_dict(ledger: Ledger, ans: Answer) -> dict[str, Any]:
    """The status object: the contract of ``status --json`` and ``/api/status``."""
    span = ans.span
    reasons = ans.reasons
    complete = ans.treaty.complete_for(ans.state.alpha3, ans.on)
    source_ids = [s for r in reasons for s in r.sources]
    nxt = None
    if span is not None and span.end is not None and span.closed_by is not None:
        nxt = {
            "date": span.end.isoformat(),
            "text": span.closed_by.text,
            "article": span.closed_by.article,
        }
    return {
        "state": ans.state.alpha3,
        "state_name": ans.state.name,
        "treaty": ans.treaty.id,
        "on": ans.on.isoformat(),
        "status": ans.status.value,
        "bound": span.bound if span else False,
        "contested": span.contested if span else False,
        "since": span.start.isoformat() if span else None,
        "until": span.end.isoformat() if span and span.end else None,
        "reasons": [
            {"date": r.date.isoformat(), "act": r.act, "article": r.article, "text": r.text}
            for r in reasons
        ],
        "next": nxt,
        "events": [{"date": str(e.date), "event": e.kind, "note": e.note} for e in ans.events],
        "disputes": [
            {"act": a.kind.value, "date": str(a.date), "note": a.note, "sources": list(a.sources)}
            for a in ledger.disputes(ans.state.alpha3, ans.treaty.id)
        ],
        "sources": [
            {"url": s.url, "publisher": s.publisher, "title": s.title}
            for s in ledger.source_list(source_ids)
        ],
        "record_complete": complete,
    }


def change_dict(ledger: Ledger, c: Change) -> dict[str, Any]:
    return {
        "date": c.date.isoformat(),
        "state": c.state.alpha3,
        "state_name": c.state.name,
        "treaty": c.treaty.id,
        "type": c.type,
        "from": c.before.value if c.before else None,
        "to": c.after.value if c.after else None,
        "act": c.reason.act,
        "article": c.reason.article,
        "text": c.reason.text,
        "sources": [
            {"url": s.url, "publisher": s.publisher, "title": s.title}
            for s in ledger.source_list(c.reason.sources)
        ],
    }


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, v in enumerate(row):
            widths[i] = max(widths[i], len(v))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(v.ljust(widths[i]) for i, v in enumerate(row)).rstrip())
    return "\n".join(lines)


def explain(ledger: Ledger, ans: Answer) -> str:
    """A human answer: 'Finland: withdrawn from apmbc on 2026-03-01 (since 2026-01-10)'."""
    d = answer_dict(ledger, ans)
    head = f"{ans.state.name} ({ans.state.alpha3}) — {ans.treaty.short_name} on {d['on']}: "
    head += d["status"].replace("_", " ")
    if d["since"]:
        head += f" since {d['since']}"
    if d["until"]:
        head += f", until {d['until']}"
    if d["contested"]:
        head += " [contested]"
    lines = [head]
    if not d["reasons"]:
        lines.append("  no act recorded for this state under this treaty")
    for r in d["reasons"]:
        art = f" ({r['article']})" if r["article"] else ""
        lines.append(f"  {r['date']}  {r['text']}{art}")
    if d["next"]:
        lines.append(f"  next: {d['next']['date']}  {d['next']['text']}")
    for e in d["events"]:
        lines.append(f"  event {e['date']}  {e['event']}: {e['note']}")
    for x in d["disputes"]:
        lines.append(f"  disputed reading: {x['act']} {x['date']} — {x['note']}")
    if not d["record_complete"]:
        lines.append(
            f"  note: the record is incomplete here ({ans.treaty.coverage_note}); "
            "an act may be missing"
        )
    if d["sources"]:
        lines.append("sources:")
        for s in d["sources"]:
            lines.append(f"  - {s['publisher']}: {s['title']} <{s['url']}>")
    return "\n".join(lines)


def borders_dict(ledger: Ledger, alpha3: str) -> dict[str, Any]:
    """Land neighbours with every source's length: the contract of `borders --json` and
    `/api/borders`."""
    st = ledger.states[alpha3]
    rows = []
    for other, readings in sorted(
        ledger.neighbours(alpha3).items(), key=lambda kv: ledger.states[kv[0]].name
    ):
        rows.append(
            {
                "state": other,
                "state_name": ledger.states[other].name,
                "lengths_km": [
                    {
                        "km": b.length_km,
                        "note": b.note,
                        "sources": [
                            {"url": s.url, "publisher": s.publisher, "title": s.title}
                            for s in ledger.source_list(b.sources)
                        ],
                    }
                    for b in sorted(readings, key=lambda b: b.length_km)
                ],
            }
        )
    return {"state": st.alpha3, "state_name": st.name, "neighbours": rows}


def state_dict(s: State) -> dict[str, Any]:
    """A state as the CLI's and the API's ``states`` answers give it."""
    return {
        "alpha3": s.alpha3,
        "alpha2": s.alpha2,
        "name": s.name,
        "depositary_name": s.depositary_name,
        "aliases": list(s.aliases),
        "capital": s.capital,
        "wikidata": s.wikidata or None,
        "kind": s.kind,
        "start": s.start.isoformat() if s.start else None,
        "end": s.end.isoformat() if s.end else None,
    }


def treaties_list(ledger: Ledger, on: date) -> list[dict[str, Any]]:
    """The treaties in the record: the contract of `treaties --json` and `/api/treaties`."""
    out = []
    for t in sorted(ledger.treaties.values(), key=lambda t: t.id):
        eif = ledger.in_force[t.id].date
        out.append(
            {
                "id": t.id,
                "short_name": t.short_name,
                "full_name": t.full_name,
                "aliases": list(t.aliases),
                "adopted": t.adopted.isoformat(),
                "entry_into_force": eif.isoformat() if eif else None,
                "depositary": t.depositary,
                "parent": t.parent or None,
                "parties_today": len(ledger.parties(t.id, on)),
                "complete_until": t.complete_until.isoformat() if t.complete_until else None,
            }
        )
    return out
