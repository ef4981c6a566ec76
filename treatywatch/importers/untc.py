"""The UN Treaty Collection's status page of a treaty, read into acts.

A status page (treaties.un.org, "ViewDetails.aspx?src=TREATY&mtdsg_no=…") has a
participants table (participant, signature, consent; a consent date carries the
depositary's marker: ``a`` accession, ``A`` acceptance, ``AA`` approval, ``d``
succession, ``P`` consent to be bound, ``n`` provisional application; a withdrawn state's
old dates are in brackets), the declarations made by each participant, and end notes
(withdrawals with the day the notification was received, the day it takes effect and the
depositary notification ``C.N.…``; revocations; acts of predecessor states; territorial
applications; communications).

``parse`` reads a page into :class:`Page`; every act keeps the line of the file and the
text it rests on, so a reviewer can check it against the saved page.
"""

from __future__ import annotations

import argparse
import bisect
import html
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch.dates import parse_day
from treatywatch.errors import NotFound, Problem, TreatywatchError, UsageError
from treatywatch.importers.diff import (
    PageAct,
    Report,
    apply_to_folder,
    compare,
    line_of,
    render_text,
    report_dict,
)
from treatywatch.model import State, Treaty
from treatywatch.names import state_index
from treatywatch.render import dumps

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DAY = r"(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{4})"
DATE_RE = re.compile(_DAY)
#: a table cell: optional bracket, a date, an optional marker, optional bracket
CELL_RE = re.compile(r"^\[?\s*" + _DAY + r"\s*(AA|A|a|d|P|n)?\s*\]?$")
CN_RE = re.compile(r"C\.N\.\s*(\d+)\.\s*(\d{4})")
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")

#: marker -> act kind (``P``: consent to be bound to a CCW protocol, recorded as acceptance
#: as the record does, CCW Art. 4(4)); no marker: ratification.
MARKERS = {
    "": "ratification",
    "a": "accession",
    "A": "acceptance",
    "AA": "approval",
    "d": "succession",
    "P": "acceptance",
    "n": "provisional_application",
}


@dataclass(slots=True)
class Note:
    """One end note: its number, text, line, kind and the C.N. references it cites."""

    number: int
    text: str
    line: int
    kind: str = "other"
    cns: tuple[str, ...] = ()


@dataclass(slots=True)
class Declaration:
    """A participant's declaration, reservation or understanding (and when it was made)."""

    participant: str
    state: str
    made: str  # "signature" | "succession" | "consent"
    labels: tuple[str, ...]
    line: int


@dataclass(slots=True)
class Page:
    """What a status page says."""

    name: str
    mtdsg: str
    title: str
    participants: int = 0
    acts: list[PageAct] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def url(self) -> str:
        return (
            "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY"
            f"&mtdsg_no={self.mtdsg}&chapter=26&clang=_en"
        )


def clean(fragment: str) -> str:
    """HTML fragment -> one line of plain text."""
    text = html.unescape(_TAG.sub(" ", fragment.replace("<br>", " ")))
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def day_of(m: re.Match[str], at: int = 1) -> date:
    return date(int(m.group(at + 2)), MONTHS[m.group(at + 1).lower()[:3]], int(m.group(at)))


def _blank_scripts(text: str) -> str:
    """Scripts and styles emptied, newlines kept, so positions still give line numbers."""

    def keep_lines(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    return re.sub(r"<(script|style)\b.*?</\1>", keep_lines, text, flags=re.S | re.I)


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def at(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)


def _column(header: str) -> str:
    h = header.casefold()
    if h.startswith("participant"):
        return "participant"
    if h.startswith("signature"):
        return "signature"
    if h.startswith("provisional"):
        return "provisional"
    return "consent"


def parse(text: str, name: str, resolve: Callable[[str], str | None]) -> Page:
    """Read a saved status page; ``resolve`` maps a participant's name to a state code."""
    text = _blank_scripts(text)
    lines = _Lines(text)
    mt = re.search(r"mtdsg_no=([A-Z]+-\d+(?:-[a-z])?)", text)
    title_m = re.search(r'class="treatyCenter"[^>]*>\s*(?:(?:\d+\.|[a-z])\s+)*([^<]+)<', text)
    page = Page(name, mt.group(1) if mt else "", clean(title_m.group(1)) if title_m else "")
    table_m = re.search(r'<table[^>]*id="[^"]*tblgrid"[^>]*>(.*?)</table>', text, flags=re.S)
    if table_m is None:
        raise UsageError(f"{name}: no participants table (is this a UN Treaty Collection page?)")
    rows = list(re.finditer(r"<tr[^>]*>(.*?)</tr>", table_m.group(1), flags=re.S))
    if not rows:
        raise UsageError(f"{name}: the participants table is empty")
    base = table_m.start(1)

    def cells(row: re.Match[str]) -> list[str]:
        return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), flags=re.S)

    columns = [_column(clean(c)) for c in cells(rows[0])]
    if "participant" not in columns or "consent" not in columns:
        raise UsageError(f"{name}: unexpected table header {[clean(c) for c in cells(rows[0])]}")
    footnotes: dict[int, list[tuple[str, str]]] = {}
    for row in rows[1:]:
        raw = cells(row)
        if len(raw) != len(columns):
            continue
        line = lines.at(base + row.start())
        fields = dict(zip(columns, raw, strict=True))
        who_html = fields["participant"]
        notes = [int(n) for n in re.findall(r"href='#(\d+)'", who_html)]
        who = clean(re.sub(r"<SUP>.*?</SUP>", "", who_html, flags=re.S | re.I))
        page.participants += 1
        state = resolve(who)
        if state is None:
            page.problems.append(
                Problem(
                    "participant not matched to a state",
                    file=name,
                    line=line,
                    field="participant",
                    value=who,
                    hint="add the depositary's name to states.csv (depositary_name or aliases)",
                )
            )
        for n in notes:
            footnotes.setdefault(n, []).append((who, state or ""))
        shown = " | ".join(clean(c) or "-" for c in raw)
        sig_cell, consent_cell = clean(fields.get("signature", "")), clean(fields["consent"])
        # "d" in both columns: one notification of succession, to the predecessor's
        # signature and to its consent (CTBT: Montenegro); read as the one succession.
        both_d = sig_cell.endswith("d") and sig_cell == consent_cell
        for col in ("signature", "provisional", "consent"):
            if col not in fields:
                continue
            value = clean(fields[col])
            if not value:
                continue
            m = CELL_RE.match(value)
            if m is None:
                page.problems.append(
                    Problem(
                        "cell not read as a date",
                        file=name,
                        line=line,
                        field=col,
                        value=value,
                        hint="expected e.g. '3 Dec 1997', '9 Jan 2012 a' or '[12 May 2004 a]'",
                    )
                )
                continue
            marker = m.group(4) or ""
            if col == "signature" and both_d:
                continue
            # "d" in the signature column alone: a succession to the predecessor's
            # signature, which makes the state a signatory, not a party.
            kind = "signature" if col == "signature" else MARKERS[marker]
            if col == "provisional":
                kind = "provisional_application"
            page.acts.append(
                PageAct(
                    participant=who,
                    state=state or "",
                    kind=kind,
                    date=day_of(m),
                    line=line,
                    text=shown,
                    column=col,
                    marker=marker,
                    bracketed=value.startswith("["),
                )
            )
    page.notes = _notes(text, lines)
    for note in page.notes:
        page.acts.extend(_note_acts(note, footnotes.get(note.number, []), resolve, page))
    page.declarations = _declarations(text, lines, resolve)
    return page


def _notes(text: str, lines: _Lines) -> list[Note]:
    out = []
    for m in re.finditer(r'class="divNotesAll"[^>]*>(.*?)</div>', text, flags=re.S):
        body = m.group(1)
        num = re.match(r"\s*<a name='(\d+)'>\d+</a>", body)
        if num is None:
            continue
        plain = clean(body[num.end() :])
        plain = re.sub(r"(C\.N\.\d+\.\d{4})\s+\.", r"\1.", plain)
        cns = tuple(dict.fromkeys(f"C.N.{a}.{b}" for a, b in CN_RE.findall(plain)))
        note = Note(int(num.group(1)), plain, lines.at(m.start(1)), cns=cns)
        note.kind = _note_kind(plain)
        out.append(note)
    return out


_WITHDRAWAL = re.compile(r"notification of withdrawal", re.I)
_REVOKED = re.compile(
    r"(revok\w*|revocation|rescind\w*|withdr\w* (?:its|the) (?:notification|notice) of withdrawal)",
    re.I,
)
_NOT_PARTY = re.compile(r"does not intend to become a party", re.I)
_PREDECESSOR = re.compile(
    r"(?P<who>(?:The )?[A-Z][\w' ]+?) had (?P<what>signed and ratified|signed|ratified|acceded to)"
    r" the (?:Convention|Treaty|Protocol)",
)


def _note_kind(text: str) -> str:
    if _REVOKED.search(text) and re.search(r"withdraw", text, re.I):
        return "revocation"
    if _WITHDRAWAL.search(text):
        return "withdrawal"
    if _NOT_PARTY.search(text):
        return "not_party"
    if _PREDECESSOR.search(text):
        return "predecessor"
    if re.search(r"territor|shall (?:also )?apply|extend", text, re.I):
        return "territorial"
    if re.search(r"communication", text, re.I):
        return "communication"
    return "other"


def _note_acts(
    note: Note,
    cited_by: list[tuple[str, str]],
    resolve: Callable[[str], str | None],
    page: Page,
) -> list[PageAct]:
    """Acts an end note states: withdrawals, revocations, predecessors' acts, non-intent."""
    shown = f"note {note.number}: {note.text[:240]}"
    cn = note.cns[0] if note.cns else ""

    def who_of(sentence: str) -> tuple[str, str]:
        gov = re.search(
            r"Government(?: of)? (?:the )?(.+?) (?:deposited|notified|informed|made)", sentence
        )
        if gov:
            name = gov.group(1)
            code = resolve(name) or resolve(re.sub(r"^(Republic|Kingdom) of (the )?", "", name))
            if code:
                return name, code
        if len(cited_by) == 1:
            return cited_by[0]
        return (gov.group(1) if gov else "?"), ""

    out: list[PageAct] = []
    if note.kind in ("withdrawal", "revocation"):
        for sentence in re.split(r"(?<=\.)\s+(?=On \d)", note.text):
            received = re.search(r"On " + _DAY, sentence)
            if received is None:
                continue
            if note.kind == "revocation" and _REVOKED.search(sentence):
                kind = "withdrawal_revoked"
            elif _WITHDRAWAL.search(sentence):
                kind = "withdrawal"
            else:
                continue
            who, code = who_of(sentence)
            effect = re.search(r"(?:took|take|takes) effect[^.]*? on " + _DAY, note.text)
            out.append(
                PageAct(
                    participant=who,
                    state=code,
                    kind=kind,
                    date=day_of(received),
                    effective=day_of(effect) if effect and kind == "withdrawal" else None,
                    cn=cn,
                    line=note.line,
                    text=shown,
                    column=f"note {note.number}",
                )
            )
    elif note.kind == "not_party":
        received = re.search(r"(?:received on|On) " + _DAY, note.text)
        who, code = who_of(note.text)
        if received is not None:
            out.append(
                PageAct(
                    participant=who,
                    state=code,
                    kind="signature_withdrawn",
                    date=day_of(received),
                    cn=cn,
                    line=note.line,
                    text=shown,
                    column=f"note {note.number}",
                )
            )
    elif note.kind == "predecessor":
        for m in _PREDECESSOR.finditer(note.text):
            who = m.group("who").removeprefix("The ").strip()
            code = resolve(who) or ""
            rest = note.text[m.end() : m.end() + 200]
            days = [day_of(d) for d in DATE_RE.finditer(rest)]
            what = m.group("what")
            kinds = {
                "signed and ratified": ["signature", "ratification"],
                "signed": ["signature"],
                "ratified": ["ratification"],
                "acceded to": ["accession"],
            }[what]
            if not code:
                page.problems.append(
                    Problem(
                        "predecessor state in a note not matched",
                        file=page.name,
                        line=note.line,
                        field="note",
                        value=who,
                    )
                )
                continue
            for kind, day in zip(kinds, days, strict=False):
                out.append(
                    PageAct(
                        participant=who,
                        state=code,
                        kind=kind,
                        date=day,
                        line=note.line,
                        text=shown,
                        column=f"note {note.number}",
                        informative=True,
                    )
                )
    return out


def _declarations(
    text: str, lines: _Lines, resolve: Callable[[str], str | None]
) -> list[Declaration]:
    out = []
    pattern = (
        r'divParticipant" class="heading-two">(.*?)</div>\s*'
        r'<div[^>]*divText" class="content-two">(.*?)</td>'
    )
    for m in re.finditer(pattern, text, flags=re.S):
        who = clean(re.sub(r"<SUP>.*?</SUP>", "", m.group(1), flags=re.S | re.I))
        body = m.group(2)
        labels = tuple(
            dict.fromkeys(
                lab.rstrip(":").strip()
                for lab in (clean(x) for x in re.findall(r"<i>(.*?)</i>", body, flags=re.S))
                if lab
            )
        )
        low = " ".join(labels).casefold()
        made = (
            "signature"
            if "upon signature" in low
            else ("succession" if "succession" in low else "consent")
        )
        out.append(Declaration(who, resolve(who) or "", made, labels, lines.at(m.start())))
    return out


# --- the command -------------------------------------------------------------------------


def saved_day(path: Path, given: str | None) -> str:
    """The day the page was saved: --saved, else access_log.json beside it, else today."""
    if given:
        return parse_day(given).isoformat()
    log = path.parent / "access_log.json"
    if log.is_file():
        try:
            day = json.loads(log.read_text(encoding="utf-8")).get("access_date", "")
            return parse_day(str(day)).isoformat()
        except (ValueError, TreatywatchError):
            pass
    return date.today().isoformat()


def source_row(page: Page, saved: str) -> dict[str, str]:
    """The sources.csv row for a saved page."""
    return {
        "id": f"untc-{page.mtdsg.lower()}-{saved}",
        "url": page.url,
        "publisher": "United Nations Treaty Collection (depositary)",
        "title": f"Status of treaties, chapter XXVI, {page.mtdsg}: {page.title}",
        "published": "",
        "accessed": saved,
    }


def _resolver(states: Iterable[State]) -> Callable[[str], str | None]:
    index = state_index(states)

    def resolve(name: str) -> str | None:
        for form in (name, re.sub(r"\s*\((?:the|The)\)$", "", name), f"the {name}"):
            try:
                return index.get(form).alpha3
            except NotFound:
                continue
        return None

    return resolve


def summary(page: Page) -> list[str]:
    kinds: dict[str, int] = {}
    for a in page.acts:
        kinds[a.kind] = kinds.get(a.kind, 0) + 1
    notes: dict[str, int] = {}
    for n in page.notes:
        notes[n.kind] = notes.get(n.kind, 0) + 1
    out = [
        f"  page: {page.mtdsg} {page.title[:90]}",
        f"  {page.participants} participants; acts: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        f"  {len(page.notes)} end notes: "
        + ", ".join(f"{k} {v}" for k, v in sorted(notes.items()))
        + f"; declarations by {len(page.declarations)} participant(s)",
    ]
    out += [f"  ! {p}" for p in page.problems]
    return out


def page_dict(page: Page) -> dict[str, Any]:
    return {
        "mtdsg": page.mtdsg,
        "title": page.title,
        "url": page.url,
        "participants": page.participants,
        "acts": [a.to_dict() for a in page.acts],
        "notes": [
            {"number": n.number, "kind": n.kind, "line": n.line, "cn": list(n.cns), "text": n.text}
            for n in page.notes
        ],
        "declarations": [
            {
                "participant": d.participant,
                "state": d.state or None,
                "made": d.made,
                "labels": list(d.labels),
                "line": d.line,
            }
            for d in page.declarations
        ],
        "problems": [p.to_dict() for p in page.problems],
    }


def run(args: argparse.Namespace) -> str:
    """``treatywatch import untc PAGE.html``: the diff, and with --apply the changes."""
    from treatywatch import data as data_mod
    from treatywatch import overlay
    from treatywatch.store import Store

    if not args.file:
        raise UsageError("import untc needs the saved page: treatywatch import untc PAGE.html")
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read ({exc.strerror})") from None
    root = Path(args.data) if getattr(args, "data", None) else None
    db = getattr(args, "db", None) or os.environ.get("TREATYWATCH_DB") or None
    store = Store(db) if db else None
    if store is not None:
        ds, _ = overlay._dataset(root, store.snapshot(), [], [])  # the record plus the overlay
    else:
        ds, _ = data_mod.read(root)
    page = parse(text, path.name, _resolver(ds.states.values()))
    treaty = _treaty_for(ds.treaties.values(), page, getattr(args, "treaty", None))
    as_json = getattr(args, "format", "text") == "json"
    if treaty is None:
        if as_json:
            return dumps({"treaty": None, "page": page_dict(page), "differences": []})
        return "\n".join(
            [
                f"{path.name}: no treaty in the record is UNTC {page.mtdsg or '?'} "
                "(use --treaty to compare with one); the page reads:",
                *summary(page),
            ]
        )
    saved = saved_day(path, getattr(args, "saved", None))
    src = source_row(page, saved)
    texts = {s.id: f"{s.title} {s.url}" for s in ds.sources.values()}
    report = compare(treaty.id, src["id"], page.acts, ds.acts, texts)
    written: list[str] = []
    if getattr(args, "apply", False) and report.changes:
        if store is not None:
            who = getattr(args, "who", None) or os.environ.get("USER") or "unknown"
            written = enqueue(store, report, src, path.name, who)
        else:
            written = apply_to_folder(root or data_mod.bundled_path(), report, src, path.name)
    if as_json:
        out = report_dict(report)
        out["page"] = page_dict(page)
        out["applied"] = written
        return dumps(out)
    lines = [render_text(report, path.name, summary(page))]
    if written:
        where = "review queue" if store is not None else "data folder"
        lines.append(f"applied {len(written)} change(s) to the {where} (source {src['id']})")
    return "\n".join(lines)


def _treaty_for(treaties: Iterable[Treaty], page: Page, wanted: str | None) -> Treaty | None:
    ts = list(treaties)
    if wanted:
        found = next((t for t in ts if t.id == wanted), None)
        if found is None:
            raise UsageError(f"unknown treaty {wanted!r} (known: {', '.join(t.id for t in ts)})")
        return found
    return next((t for t in ts if page.mtdsg and t.untc == page.mtdsg), None)


def enqueue(store: Any, report: Report, src: dict[str, str], page_name: str, who: str) -> list[str]:
    """Each change becomes a pending claim in the review queue (``treatywatch review``)."""
    out = []
    with store.transaction() as con:
        for d in report.changes:
            pa = d.page
            if pa is None:
                continue
            claim = {
                "kind": "signature" if pa.kind == "signature" else "deposit",
                "action": pa.kind,
                "state": pa.state,
                "treaty": report.treaty,
                "date": pa.date.isoformat(),
                "effective": pa.effective.isoformat() if pa.effective else None,
                "verdict": d.change,
                "evidence": {"text": pa.text, "file": page_name, "line": pa.line, "cn": pa.cn},
                "importer": "untc",
            }
            store.enqueue(con, claim, src["url"], src["title"], src["accessed"])
            out.append(line_of(d, page_name).splitlines()[0].strip())
        store.log(con, who, "import-untc", page_name, {"claims": len(out)}, "")
    return out
