"""The command line: a thin veneer over the library. Each command parses, calls, prints."""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from treatywatch import __version__
from treatywatch.data import bundled_path
from treatywatch.dates import parse_day, parse_partial
from treatywatch.errors import DataError, FileError, Problem, TreatywatchError, UsageError
from treatywatch.export import DEFAULT_BASE_URL
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


def _ledger(args: argparse.Namespace, *, create: bool = False) -> Ledger:
    """The bundled record (or --data), plus the user overlay when --db/TREATYWATCH_DB names
    one. Reading never creates an overlay: a --db that does not exist is an error unless
    ``create`` (a command that writes to it)."""
    root = Path(args.data) if getattr(args, "data", None) else None
    if _db(args):
        from treatywatch import overlay

        return overlay.load(_store(args, create=create), root)
    return load(root)


class _Exit(TreatywatchError):
    """Output to print on standard output, then exit with ``exit_code`` (validate --format
    json on data with problems: the report is the output, and the status says it failed)."""

    def __init__(self, output: str, exit_code: int) -> None:
        super().__init__(output)
        self.output = output
        self.exit_code = exit_code


def _store(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The overlay --db names (default: $TREATYWATCH_DB, then the user's data folder).

    Only a command that writes (``create``) may create the file; reading a path that does
    not exist, a folder, or a file that is not a SQLite database is a FileError.
    """
    import sqlite3

    from treatywatch.store import Store, default_path

    db = _db(args)
    if not (db and db.startswith(("postgresql://", "postgres://"))):
        path = Path(db) if db else default_path()
        shown = db or str(path)
        if path.is_dir():
            raise FileError(
                Problem(
                    "a folder, not an overlay database",
                    file=shown,
                    field="--db",
                    value=shown,
                    hint="name a SQLite file, e.g. --db overlay.db",
                )
            )
        if not create and not path.exists():
            raise FileError(
                Problem(
                    "no such overlay database",
                    file=shown,
                    field="--db",
                    value=shown,
                    hint="check the path; a reading command never creates one "
                    "(add-act and import do)",
                )
            )
        if create and not path.parent.exists() and db:
            raise FileError(
                Problem(
                    f"the folder {path.parent} does not exist",
                    file=shown,
                    field="--db",
                    value=shown,
                    hint="create the folder first, or name a file in an existing one",
                )
            )
    try:
        return Store(db)
    except sqlite3.DatabaseError as exc:
        raise FileError(
            Problem(
                f"not an overlay database ({exc})",
                file=db or str(default_path()),
                field="--db",
                value=db,
                hint="--db names a SQLite file that treatywatch created, or a new path",
            )
        ) from None


def _who(args: argparse.Namespace) -> str:
    return args.who or os.environ.get("USER") or "unknown"


def cmd_add_act(args: argparse.Namespace) -> str:
    from treatywatch import overlay

    led = _ledger(args, create=True)
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
        _store(args, create=True),
        [row],
        [src],
        who=_who(args),
        why=args.why or "",
        root=Path(args.data) if args.data else None,
    )
    return f"added {args.kind} of {treaty.id} by {state.name} on {args.date} (act {ids[0]})"


def cmd_import(args: argparse.Namespace) -> str:
    from treatywatch import overlay
    from treatywatch.intake import read_import_lines

    if args.path == "untc":
        from treatywatch.importers import untc

        return untc.run(args)
    if args.path == "unoda" and args.file:
        from treatywatch.importers import unoda

        root = Path(args.data) if args.data else None
        return unoda.run(Path(args.file), args.treaty, args.format, args.apply, root)
    if args.file:
        raise UsageError("import takes one file, or an importer (untc, unoda) and its file")
    rows, sources, lines = read_import_lines(args.path)
    store = _store(args, create=True)
    before = len(store.acts())
    try:
        ids = overlay.add_acts(
            store,
            rows,
            sources,
            who=_who(args),
            why=args.why or "",
            action="import",
            root=Path(args.data) if args.data else None,
            detail={"file": args.path, "acts": len(rows)},
        )
    except DataError as exc:
        # The law's problems name the act by its place in the overlay after the acts it
        # already holds; say which line of the imported file that is.
        raise DataError([_import_line(p, before, lines, args.path) for p in exc.problems]) from None
    return f"imported {len(ids)} act(s) from {args.path}"


def _import_line(p: Problem, before: int, lines: list[int], path: str) -> Problem:
    if p.file != "overlay" or p.line is None or not 0 < p.line - before <= len(lines):
        return p
    where = f"{path} line {lines[p.line - before - 1]}"
    return replace(p, message=f"{p.message} (the act on {where})")


def cmd_audit(args: argparse.Namespace) -> str:
    entries = _store(args).audit()
    if args.format == "json":
        return dumps(entries)
    return _listing(
        args.format,
        ["seq", "at", "who", "action", "subject", "why"],
        [[e["seq"], e["at"], e["who"], e["action"], e["subject"], e["why"]] for e in entries],
    )


def cmd_review(args: argparse.Namespace) -> str:
    from treatywatch import overlay

    store = _store(args, create=args.action is not None)
    if args.action is None:
        items = store.queue("pending")
        if args.format == "json":
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
        return _listing(
            args.format,
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
        return _csv(headers, values)
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


def _csv(headers: Sequence[str], values: Sequence[Sequence[object]]) -> str:
    """Rows as CSV with a header; None is an empty field."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(headers)
    w.writerows([["" if v is None else v for v in row] for row in values])
    return buf.getvalue().rstrip("\n")


def _listing(fmt: str, headers: Sequence[str], values: Sequence[Sequence[object]]) -> str:
    """A listing as a text table or as CSV (JSON is each command's own shape)."""
    return _csv(headers, values) if fmt == "csv" else table(headers, values)


CHANGE_CSV = ["date", "state", "state_name", "treaty", "type", "from", "to", "act", "article"]


def _changes_out(led: Ledger, changes: Sequence[object], fmt: str) -> str:
    rows = [change_dict(led, c) for c in changes]  # type: ignore[arg-type]
    if fmt == "json":
        return dumps(rows)
    if fmt == "csv":
        return _csv(
            [*CHANGE_CSV, "text", "sources"],
            [
                [*(r[k] for k in CHANGE_CSV), r["text"], ";".join(s["url"] for s in r["sources"])]
                for r in rows
            ],
        )
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
    return _changes_out(led, led.timeline(st.alpha3, tid), args.format)


def cmd_changes(args: argparse.Namespace) -> str:
    led = _ledger(args)
    tid = led.treaty(args.treaty).id if args.treaty else None
    since, until = parse_day(args.since), _day(args.until)
    if until < since:
        raise UsageError(f"--until {until} is before --since {since}")
    return _changes_out(led, led.changes(since, until, tid), args.format)


def cmd_upcoming(args: argparse.Namespace) -> str:
    led = _ledger(args)
    tid = led.treaty(args.treaty).id if args.treaty else None
    return _changes_out(led, led.upcoming(_day(args.after), tid), args.format)


def cmd_borders(args: argparse.Namespace) -> str:
    led = _ledger(args)
    st = led.state(args.state)
    data = borders_dict(led, st.alpha3)
    rows = data["neighbours"]
    if args.format == "json":
        return dumps(data)
    values = []
    for r in rows:
        kms = sorted({x["km"] for x in r["lengths_km"]})
        shown = ", ".join(f"{k:g}" for k in kms)
        values.append([r["state"], r["state_name"], shown])
    if args.format == "csv":
        return _csv(
            ["state", "state_name", "km", "note", "sources"],
            [
                [
                    r["state"],
                    r["state_name"],
                    f"{x['km']:g}",
                    x["note"],
                    ";".join(s["url"] for s in x["sources"]),
                ]
                for r in rows
                for x in r["lengths_km"]
            ],
        )
    return (
        table(["code", "neighbour", "length km (each source's reading)"], values)
        + f"\n{len(rows)} land neighbour(s) of {st.name}"
    )


def cmd_check(args: argparse.Namespace) -> str:
    from treatywatch.reading.pipeline import check_text
    from treatywatch.reading.source import read_source

    led = _ledger(args, create=args.queue)  # --queue writes to the overlay
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
        store = _store(args, create=True)  # queueing writes
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
    base = args.base_url or os.environ.get("TREATYWATCH_BASE_URL") or DEFAULT_BASE_URL
    self_url = None
    if args.format == "atom" and args.output != "-":
        self_url = f"{base.rstrip('/')}/{Path(args.output).name}"
    data = export(
        led,
        args.format,
        table=args.table,
        treaty=tid,
        on=parse_day(args.on) if args.on else None,
        after=parse_day(args.after) if args.after else today(),
        since=parse_day(args.since) if args.since else None,
        until=today(),
        base_url=base,
        self_url=args.self_url or self_url,
        stamp=_export_time(),
    )
    if args.output == "-" and args.format in ("parquet", "sqlite") and sys.stdout.isatty():
        raise UsageError(f"{args.format} is binary: give -o FILE")
    write_atomic(data, args.output)
    return "" if args.output == "-" else f"wrote {len(data)} bytes to {args.output}"


def _export_time() -> datetime:
    """The time of an export (ICS DTSTAMP): now, or SOURCE_DATE_EPOCH (seconds since
    1970, the reproducible-builds convention) for byte-identical output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds, got {epoch!r}") from None
    return datetime.now(UTC)


def cmd_serve(args: argparse.Namespace) -> str:
    from treatywatch.web import server
    from treatywatch.web.app import LOCAL_HOSTS, serve_app

    db = _db(args)
    token = os.environ.get("TREATYWATCH_TOKEN") or None
    store = _store(args, create=bool(token)) if db else None  # only a writable app creates
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
    if args.format == "json":
        return dumps(rows)
    if args.format == "csv":
        keys = ["id", "short_name", "full_name", "adopted", "entry_into_force"]
        keys += ["depositary", "parent", "parties_today", "complete_until"]
        return _csv(keys, [[r[k] for k in keys] for r in rows])
    return table(
        ["id", "name", "in force", "parties today", "protocol to"],
        [
            [r["id"], r["short_name"], r["entry_into_force"], r["parties_today"], r["parent"]]
            for r in rows
        ],
    )


def cmd_states(args: argparse.Namespace) -> str:
    led = _ledger(args)
    states = sorted(led.states.values(), key=lambda s: s.name)
    if args.query:
        states = [led.state(args.query)]
    rows = [state_dict(s) for s in states]
    if args.format == "json":
        return dumps(rows)
    if args.format == "csv":
        keys = ["alpha3", "alpha2", "name", "depositary_name", "capital", "kind", "start", "end"]
        return _csv(keys, [[r[k] for k in keys] for r in rows])
    return table(
        ["alpha3", "name", "depositary name", "capital"],
        [[r["alpha3"], r["name"], r["depositary_name"], r["capital"]] for r in rows],
    )


def cmd_validate(args: argparse.Namespace) -> str:
    """Check what the options name: PATH or --data (default: the bundled record), plus
    the overlay --db names; every problem, exit 1 if any."""
    from treatywatch.importers.diff import recorded_decisions

    if args.path and args.data and Path(args.path) != Path(args.data):
        raise UsageError("give the data folder once: PATH or --data, not both")
    folder = args.path or args.data
    root = Path(folder) if folder else None
    ledger: Ledger | None = None
    problems: list[Problem] = []
    try:
        if _db(args):
            from treatywatch import overlay

            ledger = overlay.load(_store(args), root)
        else:
            ledger, problems = build(root)
    except DataError as exc:
        problems = exc.problems
    counts = {}
    if ledger is not None:
        counts = {
            "treaties": len(ledger.treaties),
            "acts": len(ledger.dataset.acts),
            "states": len(ledger.states),
            "sources": len(ledger.sources),
        }
    if args.format == "json":
        report = {
            "ok": not problems,
            "data": str(root or bundled_path()),
            "db": _db(args),
            "counts": counts if not problems else None,
            "problems": [p.to_dict() for p in problems],
            "known_gaps": [g.to_dict() for g in ledger.gaps] if ledger and not problems else [],
            "recorded_decisions": (
                recorded_decisions(ledger.dataset.acts) if ledger and not problems else []
            ),
        }
        if problems:
            raise _Exit(dumps(report), DataError.exit_code)
        return dumps(report)
    if problems:
        raise DataError(problems)
    assert ledger is not None
    lines = [f"recorded decision: {d}" for d in recorded_decisions(ledger.dataset.acts)]
    lines += [f"known gap: {g}" for g in ledger.gaps]
    lines.append(
        f"ok: {counts['treaties']} treaties, {counts['acts']} acts, {counts['states']} states, "
        f"{counts['sources']} sources"
    )
    return "\n".join(lines)


def cmd_overview(args: argparse.Namespace) -> str:
    led = _ledger(args)
    t = led.treaty(args.treaty)
    on = today()
    if args.format == "json":
        return dumps(_overview_dict(led, t, on))
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


def _overview_dict(led: Ledger, t: Treaty, on: date) -> dict[str, Any]:
    """``overview --format json``: the same facts as the text, as one object."""
    counts: dict[str, int] = {}
    for a in led.parties(t.id, on, set(Status)):
        counts[a.status.value] = counts.get(a.status.value, 0) + 1
    pending = led.parties(
        t.id, on, {Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_SUSPENDED, Status.SUSPENDED}
    )
    since = date(on.year - 1, on.month, min(on.day, 28))
    recent = [c for c in led.changes(since, on, t.id) if c.type == "status"]
    return {
        "treaty": t.id,
        "short_name": t.short_name,
        "full_name": t.full_name,
        "on": on.isoformat(),
        "bound": len(led.parties(t.id, on)),
        "statuses": dict(sorted(counts.items())),
        "pending": [answer_dict(led, a) for a in pending],
        "changes_since": since.isoformat(),
        "changes": [change_dict(led, c) for c in recent],
        "next": [change_dict(led, c) for c in led.upcoming(on, t.id)[:5]],
    }


def _format_option(
    sp: argparse.ArgumentParser, choices: Sequence[str] = ("table", "csv", "json")
) -> None:
    """--format (the first choice is the default) and --json, its synonym for json."""
    sp.add_argument("--format", choices=list(choices), default=choices[0])
    sp.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="the same as --format json",
    )


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
    _format_option(sp)
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
    _format_option(sp)

    sp = add(
        "timeline",
        cmd_timeline,
        "Every status change and political event of a state.",
        "treatywatch timeline FIN --treaty apmbc",
    )
    sp.add_argument("state")
    sp.add_argument("--treaty")
    _format_option(sp)

    sp = add(
        "changes",
        cmd_changes,
        "Status changes and events between two dates (inclusive).",
        "treatywatch changes --since 2025-06-01 --until 2026-03-01 --treaty apmbc",
    )
    sp.add_argument("--since", required=True)
    sp.add_argument("--until", help="default: today")
    sp.add_argument("--treaty")
    _format_option(sp)

    sp = add(
        "upcoming",
        cmd_upcoming,
        "Status changes scheduled after a date.",
        "treatywatch upcoming --after 2025-12-01",
    )
    sp.add_argument("--after", help="default: today")
    sp.add_argument("--treaty")
    _format_option(sp)

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
        "Import acts (CSV with a header, or JSON lines) into the overlay, all or none; or "
        "read a depositary's published record (untc: a saved UN Treaty Collection status "
        "page; unoda: the UNODA treaties database) and print how it differs from the record.",
        "treatywatch import acts.csv --db overlay.db\n"
        "  treatywatch import untc ottawa.html --format json\n"
        "  treatywatch import untc ottawa.html --apply",
    )
    sp.add_argument("path", help="the file to import, or an importer: untc, unoda")
    sp.add_argument("file", nargs="?", help="with an importer: the page or file it reads")
    sp.add_argument("--why")
    sp.add_argument("--treaty", help="importer: the treaty to compare with (default: the page's)")
    sp.add_argument("--format", choices=["text", "json"], default="text", help="importer output")
    sp.add_argument(
        "--apply",
        action="store_true",
        help="importer: write the differences into the data folder (--data or the bundled "
        "record), or with --db into the review queue",
    )
    sp.add_argument("--saved", help="importer: the day the page was saved (YYYY-MM-DD)")

    sp = add(
        "audit",
        cmd_audit,
        "The overlay's audit log: who changed what, when, why.",
        "treatywatch audit --json",
    )
    _format_option(sp)

    sp = add(
        "review",
        cmd_review,
        "The review queue: list pending claims, or accept/reject one.",
        "treatywatch review accept 3 --why 'matches the depositary notification'",
    )
    sp.add_argument("action", nargs="?", choices=["accept", "reject"])
    sp.add_argument("id", nargs="?", type=int)
    sp.add_argument("--why")
    _format_option(sp)

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
    sp.add_argument(
        "--since", help="for atom: changes from this date to today (default: a year ago)"
    )
    sp.add_argument(
        "--base-url",
        help="for atom: the web app entries link to (default $TREATYWATCH_BASE_URL, "
        f"else {DEFAULT_BASE_URL})",
    )
    sp.add_argument(
        "--self-url", help="for atom: where the feed is published (default BASE-URL/FILE)"
    )
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
    _format_option(sp)

    sp = add(
        "states",
        cmd_states,
        "The states in the record, or the one a query names.",
        "treatywatch states Vilnius",
    )
    sp.add_argument("query", nargs="?")
    _format_option(sp)

    sp = add(
        "validate",
        cmd_validate,
        "Check a data folder (PATH or --data) and the overlay --db names; list every "
        "problem, exit 1 if any.",
        "treatywatch validate treatywatch/data",
    )
    sp.add_argument("path", nargs="?", help="data folder (default: --data, or the bundled record)")
    sp.add_argument("--format", choices=["text", "json"], default="text")

    sp = add(
        "overview",
        cmd_overview,
        "A treaty today: parties, pending exits, what comes next.",
        "treatywatch overview apmbc",
    )
    sp.add_argument("treaty", nargs="?", default="apmbc")
    sp.add_argument("--format", choices=["text", "json"], default="text")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        out = args.func(args)
    except _Exit as done:
        print(done.output)
        return done.exit_code
    except TreatywatchError as exc:
        print(f"treatywatch: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a file the command names cannot be read or written
        print(f"treatywatch: {exc}", file=sys.stderr)
        return 2
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
