"""The command line: a thin veneer over the library. Each command parses, calls, prints."""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch import __version__
from treatywatch.dates import parse_day, parse_partial
from treatywatch.errors import DataError, TreatywatchError, UsageError
from treatywatch.ledger import Ledger, build, load
from treatywatch.model import Status, Treaty
from treatywatch.render import (
    answer_dict,
    borders_dict,
    change_dict,
    dumps,
    explain,
    state_dict,
    table,
    treaties_list,
)


def today() -> date:
    """Today, or TREATYWATCH_TODAY (YYYY-MM-DD) for reproducible output."""
    fixed = os.environ.get("TREATYWATCH_TODAY")
    return parse_day(fixed) if fixed else date.today()


def _day(value: str | None) -> date:
    return parse_day(value) if value else today()


def _db(args: argparse.Namespace) -> str | None:
    return getattr(args, "db", None) or os.environ.get("TREATYWATCH_DB") or None


def _ledger(args: argparse.Namespace) -> Ledger:
    """The bundled record (or --data), plus the user overlay when --db/TREATYWATCH_DB names one."""
    root = Path(args.data) if getattr(args, "data", None) else None
    db = _db(args)
    if db:
        from treatywatch import overlay
        from treatywatch.store import Store

        return overlay.load(Store(db), root)
    return load(root)


def _store(args: argparse.Namespace) -> Any:
    from treatywatch.store import Store

    return Store(_db(args))


def _who(args: argparse.Namespace) -> str:
    return args.who or os.environ.get("USER") or "unknown"


def cmd_add_act(args: argparse.Namespace) -> str:
    from treatywatch import overlay

    led = _ledger(args)
    state, treaty = led.state(args.state), led.treaty(args.treaty)
    parse_partial(args.date)
    src = overlay.source_for_url(args.source, args.publisher or "", args.title or "")
    row = {
        "treaty": treaty.id,
        "state": state.alpha3,
        "kind": args.kind,
        "date": args.date,
        "effective": args.effective or "",
        "sources": src["id"],
        "note": args.note or "",
    }
    ids = overlay.add_acts(
        _store(args),
        [row],
        [src],
        who=_who(args),
        why=args.why or "",
        root=Path(args.data) if args.data else None,
    )
    return f"added {args.kind} of {treaty.id} by {state.name} on {args.date} (act {ids[0]})"


def cmd_import(args: argparse.Namespace) -> str:
    from treatywatch import overlay

    rows, sources = overlay.read_import(args.path)
    ids = overlay.add_acts(
        _store(args),
        rows,
        sources,
        who=_who(args),
        why=args.why or "",
        action="import",
        root=Path(args.data) if args.data else None,
        detail={"file": args.path, "acts": len(rows)},
    )
    return f"imported {len(ids)} act(s) from {args.path}"


def cmd_audit(args: argparse.Namespace) -> str:
    entries = _store(args).audit()
    if args.json:
        return dumps(entries)
    return table(
        ["seq", "at", "who", "action", "subject", "why"],
        [[e["seq"], e["at"], e["who"], e["action"], e["subject"], e["why"]] for e in entries],
    )


def cmd_review(args: argparse.Namespace) -> str:
    from treatywatch import overlay

    store = _store(args)
    if args.action is None:
        items = store.queue("pending")
        if args.json:
            return dumps(
                [
                    {
                        "id": q.id,
                        "claim": q.claim,
                        "source_url": q.source_url,
                        "published": q.published,
                    }
                    for q in items
                ]
            )
        return table(
            ["id", "claim", "state", "treaty", "date", "verdict", "source"],
            [
                [
                    q.id,
                    f"{q.claim['kind']}/{q.claim.get('action') or ''}",
                    q.claim.get("state"),
                    q.claim.get("treaty"),
                    q.claim.get("date"),
                    q.claim.get("verdict"),
                    q.source_url,
                ]
                for q in items
            ],
        )
    item = next((q for q in store.queue(None) if q.id == args.id), None)
    if item is None or item.status != "pending":
        raise UsageError(f"no pending claim {args.id} in the review queue")
    if args.action == "reject":
        if not args.why:
            raise UsageError("a rejection needs --why")
        with store.transaction() as con:
            store.decide(con, item.id, "rejected", _who(args), args.why)
            store.log(con, _who(args), "review-reject", str(item.id), item.claim, args.why)
        return f"rejected claim {item.id}"
    c = item.claim
    kind = {"deposit": c.get("action"), "signature": "signature"}.get(c["kind"])
    if (
        kind
        not in (
            "withdrawal",
            "ratification",
            "accession",
            "suspension",
            "signature",
            "signature_withdrawn",
        )
        or not c.get("date")
        or len(c["date"]) != 10
    ):
        raise UsageError(
            "only a deposit or a signature with a full date becomes an act; "
            "add it with add-act instead"
        )
    src = overlay.source_for_url(item.source_url, title=item.source_title, published=item.published)
    row = {
        "treaty": c["treaty"],
        "state": c["state"],
        "kind": kind,
        "date": c["date"],
        "sources": src["id"],
        "note": f"from review of claim {item.id}: "
        + str(c.get("evidence", {}).get("text", ""))[:200],
    }
    ids = overlay.add_acts(
        store,
        [row],
        [src],
        who=_who(args),
        why=args.why or "",
        action="review-accept",
        detail={"claim": item.id, "act": row},
        root=Path(args.data) if args.data else None,
    )
    with store.transaction() as con:
        store.decide(con, item.id, "accepted", _who(args), args.why or "")
    return f"accepted claim {item.id} as act {ids[0]}"


def cmd_status(args: argparse.Namespace) -> str:
    led = _ledger(args)
    ans = led.status(led.state(args.state).alpha3, led.treaty(args.treaty).id, _day(args.on))
    return dumps(answer_dict(led, ans)) if args.json else explain(led, ans)


def _statuses(value: str | None) -> set[Status] | None:
    if value is None:
        return None
    if value == "any":
        return {s for s in Status if s is not Status.NOT_PARTY}
    out = set()
    for part in value.split(","):
        try:
            out.add(Status(part.strip()))
        except ValueError:
            names = ", ".join(s.value for s in Status)
            raise UsageError(f"unknown status {part!r} (one of: {names}, any)") from None
    return out


def cmd_parties(args: argparse.Namespace) -> str:
    led = _ledger(args)
    treaty = led.treaty(args.treaty)
    on = _day(args.on)
    answers = led.parties(treaty.id, on, _statuses(args.status))
    if args.borders or args.party or args.not_party:
        keep = led.select(
            on,
            party_of=[led.treaty(t).id for t in args.party],
            not_party_of=[led.treaty(t).id for t in args.not_party],
            borders=[led.state(b).alpha3 for b in args.borders],
        )
        answers = [a for a in answers if a.state.alpha3 in keep]
    rows = [answer_dict(led, a) for a in answers]
    if args.format == "json":
        return dumps(rows)
    headers = ["state", "name", "status", "since", "until"]
    values = [[r["state"], r["state_name"], r["status"], r["since"], r["until"]] for r in rows]
    if args.format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(headers)
        w.writerows(values)
        return buf.getvalue().rstrip("\n")
    used = [treaty.id, *(led.treaty(t).id for t in (*args.party, *args.not_party))]
    notes = [_coverage_note(led.treaties[t], on) for t in dict.fromkeys(used)]
    return "\n".join([table(headers, values) + f"\n{len(rows)} state(s)", *(n for n in notes if n)])


def _coverage_note(treaty: Treaty, on: date) -> str:
    """A line saying where a treaty's record may lack acts on ``on`` (empty: complete)."""
    gaps = []
    if treaty.missing:
        gaps.append("acts of " + ", ".join(treaty.missing) + " are missing")
    if treaty.complete_until is not None and on > treaty.complete_until:
        gaps.append(f"acts after {treaty.complete_until} may be missing")
    if not gaps:
        return ""
    what = "; ".join(gaps)
    return f"note: the {treaty.short_name} record is incomplete: {what} ({treaty.coverage_note})"


def _changes_out(led: Ledger, changes: Sequence[object], as_json: bool) -> str:
    rows = [change_dict(led, c) for c in changes]  # type: ignore[arg-type]
    if as_json:
        return dumps(rows)
    values = [
        [
            r["date"],
            r["state"],
            r["treaty"],
            f"{r['from']} -> {r['to']}" if r["type"] == "status" else f"event: {r['act']}",
            r["text"],
        ]
        for r in rows
    ]
    return table(["date", "state", "treaty", "change", "why"], values)


def cmd_timeline(args: argparse.Namespace) -> str:
    led = _ledger(args)
    st = led.state(args.state)
    tid = led.treaty(args.treaty).id if args.treaty else None
    return _changes_out(led, led.timeline(st.alpha3, tid), args.json)


def cmd_changes(args: argparse.Namespace) -> str:
    led = _ledger(args)
    tid = led.treaty(args.treaty).id if args.treaty else None
    since, until = parse_day(args.since), _day(args.until)
    if until < since:
        raise UsageError(f"--until {until} is before --since {since}")
    return _changes_out(led, led.changes(since, until, tid), args.json)


def cmd_upcoming(args: argparse.Namespace) -> str:
    led = _ledger(args)
    tid = led.treaty(args.treaty).id if args.treaty else None
    return _changes_out(led, led.upcoming(_day(args.after), tid), args.json)


def cmd_borders(args: argparse.Namespace) -> str:
    led = _ledger(args)
    st = led.state(args.state)
    data = borders_dict(led, st.alpha3)
    rows = data["neighbours"]
    if args.json:
        return dumps(data)
    values = []
    for r in rows:
        kms = sorted({x["km"] for x in r["lengths_km"]})
        shown = ", ".join(f"{k:g}" for k in kms)
        values.append([r["state"], r["state_name"], shown])
    return (
        table(["code", "neighbour", "length km (each source's reading)"], values)
        + f"\n{len(rows)} land neighbour(s) of {st.name}"
    )


def cmd_check(args: argparse.Namespace) -> str:
    from treatywatch.reading.pipeline import check_text
    from treatywatch.reading.source import read_source

    led = _ledger(args)
    doc = read_source(args.source)
    published, origin = None, None
    if args.published:
        published, origin = parse_day(args.published), "option"
    elif doc.published:
        try:
            published, origin = parse_day(doc.published[:10]), "metadata"
        except TreatywatchError:
            doc.notes.append(f"unreadable publication date in the page: {doc.published!r}")
    report = check_text(led, doc.text, published, today(), published_from=origin)
    report.notes[:0] = doc.notes
    report.title, report.url = doc.title, doc.url
    if args.queue:
        url = doc.url or args.source_url
        if not url:
            raise UsageError("--queue needs the article's address: give a URL or --source-url")
        store = _store(args)
        with store.transaction() as con:
            for c in report.claims:
                store.enqueue(con, c.to_dict(), url, doc.title or "", report.published or "")
            store.log(con, _who(args), "queue", url, {"claims": len(report.claims)})
        report.notes.append(f"{len(report.claims)} claim(s) queued for review")
    if args.format == "json":
        return dumps(report.to_dict())
    if args.format == "markdown":
        return _check_markdown(report)
    return _check_text(report)


def _claim_label(c: Any) -> str:
    parts = [c.kind + (f"/{c.action}" if c.action else "")]
    who = c.state or "-"
    if c.counterpart:
        who += f"->{c.counterpart}"
    parts.append(who)
    if c.treaty:
        parts.append(c.treaty)
    if c.date:
        parts.append(c.date)
    if c.value is not None:
        parts.append(
            f"{c.qualifier + ' ' if c.qualifier else ''}{c.value:g} {c.unit or ''}".strip()
        )
    if c.modality != "asserted":
        parts.append(c.modality)
    return " ".join(parts)


def _check_text(report: Any) -> str:
    lines = [
        f"published: {report.published or 'unknown'}"
        + (f" (from {report.published_from})" if report.published_from else "")
    ]
    lines += [f"note: {n}" for n in report.notes]
    lines.append(f"{len(report.claims)} claim(s)")
    for i, c in enumerate(report.claims, 1):
        lines.append(f"{i:>2}. [{c.verdict}] {_claim_label(c)}")
        lines.append(f"    \u201c{c.evidence['text'][:160]}\u201d")
        if c.speaker:
            lines.append(f"    speaker: {c.speaker}")
        lines.append(f"    record: {c.explanation}")
        for s in c.sources[:3]:
            lines.append(f"    source: {s['publisher']}: {s['title']} <{s['url']}>")
    return "\n".join(lines)


def _check_markdown(report: Any) -> str:
    lines = [f"**Published:** {report.published or 'unknown'}", ""]
    lines += [f"> {n}" for n in report.notes]
    lines += ["| # | verdict | claim | text | record |", "|---|---|---|---|---|"]
    for i, c in enumerate(report.claims, 1):
        cell = c.evidence["text"][:140].replace("|", "\\|")
        record = c.explanation.replace("|", "\\|")
        if c.sources:
            record += " — " + ", ".join(f"[{s['publisher']}]({s['url']})" for s in c.sources[:2])
        lines.append(f"| {i} | **{c.verdict}** | {_claim_label(c)} | {cell} | {record} |")
    return "\n".join(lines)


def cmd_export(args: argparse.Namespace) -> str:
    from treatywatch.export import export, write_atomic

    led = _ledger(args)
    tid = led.treaty(args.treaty).id if args.treaty else None
    data = export(
        led,
        args.format,
        table=args.table,
        treaty=tid,
        on=parse_day(args.on) if args.on else None,
        after=parse_day(args.after) if args.after else today(),
    )
    if args.output == "-" and args.format in ("parquet", "sqlite") and sys.stdout.isatty():
        raise UsageError(f"{args.format} is binary: give -o FILE")
    write_atomic(data, args.output)
    return "" if args.output == "-" else f"wrote {len(data)} bytes to {args.output}"


def cmd_serve(args: argparse.Namespace) -> str:
    from treatywatch.web import server
    from treatywatch.web.app import serve_app

    db = _db(args)
    store = _store(args) if db else None
    token = os.environ.get("TREATYWATCH_TOKEN") or None
    from treatywatch.web.app import LOCAL_HOSTS

    hosts = [*LOCAL_HOSTS, args.host, *args.allow_host]
    app = serve_app(
        None if store else _ledger(args),
        store=store,
        token=token,
        fetch=not args.no_fetch,
        hosts=hosts,
    )
    if token and store:
        print("treatywatch: writes enabled at POST /api/acts (token from TREATYWATCH_TOKEN)")
    print(f"treatywatch: serving the record at http://{args.host}:{args.port}/", flush=True)
    server.run(app, args.host, args.port)
    return ""


def cmd_treaties(args: argparse.Namespace) -> str:
    led = _ledger(args)
    rows = treaties_list(led, today())
    if args.json:
        return dumps(rows)
    return table(
        ["id", "name", "in force", "parties today"],
        [[r["id"], r["short_name"], r["entry_into_force"], r["parties_today"]] for r in rows],
    )


def cmd_states(args: argparse.Namespace) -> str:
    led = _ledger(args)
    states = sorted(led.states.values(), key=lambda s: s.name)
    if args.query:
        states = [led.state(args.query)]
    rows = [state_dict(s) for s in states]
    if args.json:
        return dumps(rows)
    return table(
        ["alpha3", "name", "depositary name", "capital"],
        [[r["alpha3"], r["name"], r["depositary_name"], r["capital"]] for r in rows],
    )


def cmd_validate(args: argparse.Namespace) -> str:
    root = Path(args.path) if args.path else None
    ledger, problems = build(root)
    if problems:
        raise DataError(problems)
    assert ledger is not None
    n_acts = len(ledger.dataset.acts)
    lines = [f"known gap: {g}" for g in ledger.gaps]
    lines.append(
        f"ok: {len(ledger.treaties)} treaties, {n_acts} acts, {len(ledger.states)} states, "
        f"{len(ledger.sources)} sources"
    )
    return "\n".join(lines)


def cmd_overview(args: argparse.Namespace) -> str:
    led = _ledger(args)
    t = led.treaty(args.treaty)
    on = today()
    lines = [f"{t.short_name} — {t.full_name}", f"on {on}:"]
    counts: dict[str, int] = {}
    for a in led.parties(t.id, on, set(Status)):
        counts[a.status.value] = counts.get(a.status.value, 0) + 1
    lines.append(f"  bound: {len(led.parties(t.id, on))} states")
    for k in sorted(counts):
        lines.append(f"    {k}: {counts[k]}")
    pending = led.parties(
        t.id, on, {Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_SUSPENDED, Status.SUSPENDED}
    )
    if pending:
        lines.append("  withdrawals pending and suspensions:")
        for a in pending:
            d = answer_dict(led, a)
            lines.append(
                f"    {a.state.name}: {d['status']} since {d['since']}"
                + (f", until {d['until']}" if d["until"] else "")
            )
    since = date(on.year - 1, on.month, min(on.day, 28))
    recent = [c for c in led.changes(since, on, t.id) if c.type == "status"]
    if recent:
        lines.append(f"  changes since {since}:")
        for c in recent:
            lines.append(f"    {c.date}  {c.state.name}: {c.before} -> {c.after}")
    nxt = led.upcoming(on, t.id)
    lines.append("  next:" if nxt else "  next: nothing scheduled")
    for c in nxt[:5]:
        lines.append(f"    {c.date}  {c.state.name}: {c.before} -> {c.after} ({c.reason.text})")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="treatywatch",
        description="Which states are bound by which arms-control treaties on any day, and why.",
    )
    p.add_argument("--version", action="version", version=f"treatywatch {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], str], help: str, example: str
    ) -> argparse.ArgumentParser:
        sp = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sp.set_defaults(func=func)
        sp.add_argument("--data", help="a data folder to use instead of the bundled record")
        sp.add_argument("--db", help="the user overlay (SQLite file); default $TREATYWATCH_DB")
        sp.add_argument("--who", help="who makes a change (audit log; default $USER)")
        return sp

    sp = add(
        "status",
        cmd_status,
        "Status of a state under a treaty on a date, with reasons.",
        "treatywatch status Lithuania apmbc --on 2025-12-26",
    )
    sp.add_argument("state", help="ISO code, name, alias or capital")
    sp.add_argument("treaty", help="treaty id or alias")
    sp.add_argument("--on", help="date YYYY-MM-DD (default: today)")
    sp.add_argument("--json", action="store_true", help="print the status object as JSON")

    sp = add(
        "parties",
        cmd_parties,
        "States under a treaty on a date (default: those bound).",
        "treatywatch parties ccm --on 2026-03-01 --borders RUS --not-party apmbc",
    )
    sp.add_argument("treaty")
    sp.add_argument("--on", help="date YYYY-MM-DD (default: today)")
    sp.add_argument(
        "--status",
        help="comma-separated statuses, or 'any' (default: bound); not_party lists every "
        "state in existence that day without a status under the treaty",
    )
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.add_argument(
        "--borders",
        action="append",
        default=[],
        metavar="STATE",
        help="only land neighbours of STATE (repeatable)",
    )
    sp.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="TREATY",
        help="only states also bound by TREATY on the date (repeatable)",
    )
    sp.add_argument(
        "--not-party",
        action="append",
        default=[],
        metavar="TREATY",
        help="only states NOT bound by TREATY on the date (repeatable)",
    )

    sp = add(
        "borders",
        cmd_borders,
        "Land neighbours of a state, with each source's length.",
        "treatywatch borders Lithuania",
    )
    sp.add_argument("state")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "timeline",
        cmd_timeline,
        "Every status change and political event of a state.",
        "treatywatch timeline FIN --treaty apmbc",
    )
    sp.add_argument("state")
    sp.add_argument("--treaty")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "changes",
        cmd_changes,
        "Status changes and events between two dates (inclusive).",
        "treatywatch changes --since 2025-06-01 --until 2026-03-01 --treaty apmbc",
    )
    sp.add_argument("--since", required=True)
    sp.add_argument("--until", help="default: today")
    sp.add_argument("--treaty")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "upcoming",
        cmd_upcoming,
        "Status changes scheduled after a date.",
        "treatywatch upcoming --after 2025-12-01",
    )
    sp.add_argument("--after", help="default: today")
    sp.add_argument("--treaty")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "check",
        cmd_check,
        "Read a news report, list its treaty-status claims and check each against the record.",
        "treatywatch check article.txt --published 2025-07-01 --format json",
    )
    sp.add_argument("source", help="a file (text or HTML), - for standard input, or a URL")
    sp.add_argument("--published", help="publication date YYYY-MM-DD (default: the page's)")
    sp.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    sp.add_argument("--queue", action="store_true", help="put the claims in the review queue")
    sp.add_argument("--source-url", help="the article's address, when SOURCE is a file")

    sp = add(
        "add-act",
        cmd_add_act,
        "Add an act to the overlay, validated against the law and the record first.",
        "treatywatch add-act Ukraine apmbc withdrawal 2026-12-01 --source https://…",
    )
    sp.add_argument("state")
    sp.add_argument("treaty")
    sp.add_argument("kind")
    sp.add_argument("date", help="YYYY-MM-DD (or YYYY-MM / YYYY)")
    sp.add_argument("--source", required=True, help="the URL the act is known from")
    sp.add_argument("--publisher")
    sp.add_argument("--title")
    sp.add_argument("--effective", help="the date it took effect, where a source records one")
    sp.add_argument("--note")
    sp.add_argument("--why", help="why the change is made (audit log)")

    sp = add(
        "import",
        cmd_import,
        "Import acts (CSV with a header, or JSON lines) into the overlay, all or none.",
        "treatywatch import acts.csv --db overlay.db",
    )
    sp.add_argument("path")
    sp.add_argument("--why")

    sp = add(
        "audit",
        cmd_audit,
        "The overlay's audit log: who changed what, when, why.",
        "treatywatch audit --json",
    )
    sp.add_argument("--json", action="store_true")

    sp = add(
        "review",
        cmd_review,
        "The review queue: list pending claims, or accept/reject one.",
        "treatywatch review accept 3 --why 'matches the depositary notification'",
    )
    sp.add_argument("action", nargs="?", choices=["accept", "reject"])
    sp.add_argument("id", nargs="?", type=int)
    sp.add_argument("--why")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "export",
        cmd_export,
        "Export the record: csv, json, jsonl, parquet, sqlite, ics (what takes effect next), "
        "atom (status changes). Deterministic: the same record gives the same bytes.",
        "treatywatch export --format ics --after 2025-12-01 -o upcoming.ics",
    )
    sp.add_argument(
        "--format",
        required=True,
        choices=["csv", "json", "jsonl", "parquet", "sqlite", "ics", "atom"],
    )
    sp.add_argument(
        "--table",
        default="acts",
        choices=["acts", "spans", "status"],
        help="for csv, jsonl and parquet (status needs --on)",
    )
    sp.add_argument("--treaty")
    sp.add_argument("--on", help="date for the status table (json: adds it)")
    sp.add_argument("--after", help="for ics: events after this date (default today)")
    sp.add_argument("-o", "--output", required=True, help="file path, or - for standard output")

    sp = add(
        "serve",
        cmd_serve,
        "Serve the web app and the HTTP API (read-only).",
        "treatywatch serve --port 8000",
    )
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name the server answers for, besides --host and the loopback names "
        "(repeatable; '*' switches the Host check off, e.g. behind a proxy that checks it)",
    )
    sp.add_argument(
        "--no-fetch",
        action="store_true",
        help="never fetch URLs for /api/check and /check (texts only)",
    )

    sp = add("treaties", cmd_treaties, "The treaties in the record.", "treatywatch treaties")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "states",
        cmd_states,
        "The states in the record, or the one a query names.",
        "treatywatch states Vilnius",
    )
    sp.add_argument("query", nargs="?")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "validate",
        cmd_validate,
        "Check a data folder; list every problem, exit 1 if any.",
        "treatywatch validate treatywatch/data",
    )
    sp.add_argument("path", nargs="?", help="data folder (default: the bundled record)")

    sp = add(
        "overview",
        cmd_overview,
        "A treaty today: parties, pending exits, what comes next.",
        "treatywatch overview apmbc",
    )
    sp.add_argument("treaty", nargs="?", default="apmbc")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        out = args.func(args)
    except TreatywatchError as exc:
        print(f"treatywatch: {exc}", file=sys.stderr)
        return exc.exit_code
    if not out:
        return 0
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
