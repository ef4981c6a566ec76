"""Load and validate the record: treaties (YAML), acts, states, sources, conflicts, events.

Every malformed row becomes a Problem with its file, line, field, value and a
hint; nothing is silently dropped. ``load`` raises DataError listing them all.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from treatywatch.dates import PartialDate, parse_partial
from treatywatch.errors import DataError, Problem, TreatywatchError
from treatywatch.model import (
    ENTRY_RULE_KINDS,
    LATE_AFTER,
    UNKNOWN_WITHDRAWAL,
    VCLT_FALLBACK,
    Act,
    ActKind,
    Border,
    Conflict,
    EntryRule,
    Event,
    Period,
    Source,
    State,
    Status,
    Treaty,
    TreatyEntry,
    WithdrawalRule,
)

EVENT_KINDS = frozenset(
    {
        "announcement",
        "government_decision",
        "parliament_vote",
        "law_signed",
        "decree",
        "referendum",
        "bill_submitted",
        "instrument_signed",
        "objection",
        "collective_response",
        "production_plan",
        "transfer_plan",
        "other",
    }
)


def bundled_path() -> Path:
    """Folder of the data shipped inside the package."""
    return Path(__file__).resolve().parent / "data"


@dataclass(slots=True)
class Dataset:
    """Everything loaded from one data folder, not yet derived."""

    root: Path
    states: dict[str, State] = field(default_factory=dict)
    treaties: dict[str, Treaty] = field(default_factory=dict)
    acts: list[Act] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    borders: list[Border] = field(default_factory=list)


#: Columns a file may have besides its required ones; any other column is an error (a
#: misspelt ``efective`` would otherwise be read as an absent effective date).
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": ("published", "accessed"),
    "states": (
        "numeric",
        "aliases",
        "capital",
        "wikidata",
        "start",
        "end",
        "predecessors",
        "successors",
        "kind",
        "continues",
    ),
    "acts": ("effective", "depositary", "reading", "note"),
    "conflicts": ("note",),
    "borders": ("note",),
    "events": ("note",),
    "state_sources": ("note",),
}

#: The largest field a CSV may hold (the csv module's own limit, 128 KiB).
FIELD_LIMIT = 131072


def read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """A data file's text (UTF-8, a leading byte-order mark allowed), or None with a Problem
    for a missing file, a folder in its place, an unreadable file or bytes that are not UTF-8."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem("no such file", file=name, hint=f"the data folder needs {name}"))
        return None
    except IsADirectoryError:
        problems.append(
            Problem("a folder where a file should be", file=name, hint=f"{name} must be a file")
        )
        return None
    except OSError as exc:
        problems.append(Problem(f"cannot read the file ({exc.strerror})", file=name))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                f"not UTF-8 ({exc.reason})",
                file=name,
                line=line,
                value=repr(raw[exc.start : exc.end]),
                hint="save the file as UTF-8",
            )
        )
        return None


def check_header(
    fieldnames: Sequence[str] | None,
    required: Sequence[str],
    optional: Sequence[str],
    name: str,
    problems: list[Problem],
) -> bool:
    """Whether a CSV header has every required column and no unknown or repeated one; each
    problem is reported on line 1 with the column as its field."""
    header = list(fieldnames or [])
    ok = True
    missing = [c for c in required if c not in header]
    if missing:
        problems.append(
            Problem(
                f"missing column(s) {', '.join(missing)}",
                file=name,
                line=1,
                field=missing[0],
                value=",".join(header),
                hint=f"the header must include {', '.join(required)}",
            )
        )
        ok = False
    known = [*required, *optional]
    seen: set[str] = set()
    for col in header:
        if col in seen:
            problems.append(Problem("repeated column", file=name, line=1, field=col, value=col))
            ok = False
        seen.add(col)
        if col not in known:
            hint = suggest(col, known) or f"the columns are {', '.join(known)}"
            problems.append(
                Problem("unknown column", file=name, line=1, field=col, value=col, hint=hint)
            )
            ok = False
    return ok


class _Rows:
    """CSV rows with their line numbers and a shared problem list."""

    def __init__(
        self,
        path: Path,
        required: tuple[str, ...],
        problems: list[Problem],
        optional: tuple[str, ...] | None = None,
    ) -> None:
        self.path = path
        self.required = required
        self.problems = problems
        self.name = (
            path.name
            if path.parent.name not in ("acts", "treaties")
            else (f"{path.parent.name}/{path.name}")
        )
        kind = "acts" if path.parent.name == "acts" else path.stem
        self.optional = optional if optional is not None else OPTIONAL_COLUMNS.get(kind, ())

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        text = read_text(self.path, self.name, self.problems)
        if text is None:
            return
        # newline="": only \n and \r end a row; a form feed or U+2028 inside a quoted
        # note stays in the note (str.splitlines would cut the row there).
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            fieldnames = reader.fieldnames
        except csv.Error as exc:
            self.problems.append(Problem(f"unreadable CSV header ({exc})", file=self.name, line=1))
            return
        if not check_header(fieldnames, self.required, self.optional, self.name, self.problems):
            return
        while True:
            done = reader.line_num  # the row that fails starts on the next line
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                big = "larger than field limit" in str(exc)
                self.problems.append(
                    Problem(
                        "a field longer than 128 KiB" if big else f"unreadable CSV row ({exc})",
                        file=self.name,
                        line=done + 1,
                        hint="an unclosed quote swallows the rest of the file"
                        if big
                        else "check the quoting of this row",
                    )
                )
                return
            if None in row:
                self.problems.append(
                    Problem(
                        "more fields than the header has",
                        file=self.name,
                        line=reader.line_num,
                        value=",".join(str(v) for v in row[None]),
                        hint="quote a field that contains a comma",
                    )
                )
                continue
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}

    def bad(self, line: int, field: str, value: str, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(message, file=self.name, line=line, field=field, value=value, hint=hint)
        )


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """'did you mean X?' for the closest of ``choices``, or None."""
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean {match[0]}?" if match else None


class Suggester:
    """``suggest`` over fixed choices, remembering each answer: a file of bad rows repeats
    the same few wrong values many times, and each look-up scans every choice."""

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = list(choices)
        self.memo: dict[str, str | None] = {}

    def __call__(self, value: str) -> str | None:
        if value not in self.memo:
            self.memo[value] = suggest(value, self.choices)
        return self.memo[value]


def _split(value: str) -> tuple[str, ...]:
    if ";" not in value:
        one = value.strip()
        return (one,) if one else ()
    return tuple(v.strip() for v in value.split(";") if v.strip())


#: The last year a date in the record may fall in. Treaty arithmetic adds notice periods
#: to dates; a placeholder such as 9999-12-31 would run past the calendar's end.
MAX_YEAR = 2199

#: The same few thousand date strings recur across tens of thousands of rows; a parsed
#: PartialDate is immutable, so one parse per distinct string is enough.
_parse_cached = functools.lru_cache(maxsize=65536)(parse_partial)


@functools.lru_cache(maxsize=4096)
def _not_a_date(value: str) -> bool:
    # Remembered too: a file of bad rows repeats its bad dates.
    try:
        _parse_cached(value)
    except TreatywatchError:
        return True
    return False


def _date(
    rows: _Rows | RowSink, line: int, name: str, value: str, required: bool
) -> PartialDate | None:
    if not value:
        if required:
            rows.bad(line, name, value, f"{name} is required")
        return None
    if _not_a_date(value):
        hint = "use YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD"
        rows.bad(line, name, value, f"{name} is not a date", hint)
        return None
    parsed = _parse_cached(value)
    if parsed.latest.year > MAX_YEAR:
        rows.bad(line, name, value, f"{name} is after {MAX_YEAR}", "a placeholder date?")
        return None
    return parsed


def load_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    rows = _Rows(path, ("id", "url", "publisher", "title"), problems)
    out: dict[str, Source] = {}
    for line, r in rows:
        sid = r["id"]
        if not sid:
            rows.bad(line, "id", sid, "a source needs an id")
            continue
        if sid in out:
            rows.bad(line, "id", sid, "duplicate source id")
            continue
        if not r["url"].startswith(("http://", "https://")):
            rows.bad(line, "url", r["url"], "a source needs an http(s) URL")
        if r.get("published"):
            _date(rows, line, "published", r["published"], False)
        out[sid] = Source(
            sid,
            r["url"],
            r["publisher"],
            r["title"],
            r.get("published") or None,
            r.get("accessed") or None,
        )
    return out


def load_states(path: Path, problems: list[Problem]) -> dict[str, State]:
    rows = _Rows(path, ("alpha3", "alpha2", "name", "depositary_name"), problems)
    out: dict[str, State] = {}
    for line, r in rows:
        a3 = r["alpha3"]
        if len(a3) != 3 or not a3.isalpha() or not a3.isupper():
            rows.bad(line, "alpha3", a3, "alpha3 must be three capital letters")
            continue
        if a3 in out:
            rows.bad(line, "alpha3", a3, "duplicate state")
            continue
        start = _date(rows, line, "start", r.get("start", ""), False)
        end = _date(rows, line, "end", r.get("end", ""), False)
        out[a3] = State(
            alpha3=a3,
            alpha2=r["alpha2"],
            name=r["name"],
            depositary_name=r["depositary_name"] or r["name"],
            aliases=_split(r.get("aliases", "")),
            capital=r.get("capital", ""),
            wikidata=r.get("wikidata", ""),
            start=start.earliest if start else None,
            end=end.earliest if end else None,
            predecessors=_split(r.get("predecessors", "")),
            successors=_split(r.get("successors", "")),
            kind=r.get("kind", "") or "member",
            continues=r.get("continues", ""),
            numeric=r.get("numeric", ""),
        )
    for st in out.values():
        if st.continues and st.continues not in out:
            problems.append(
                Problem(
                    "continues an unknown state",
                    file=rows.name,
                    field="continues",
                    value=st.continues,
                    hint=suggest(st.continues, list(out)),
                )
            )
    return out


STATE_COLUMNS = ("alpha3", "alpha2", "name", "depositary_name", *OPTIONAL_COLUMNS["states"])


def load_state_sources(
    path: Path, states: dict[str, State], sources: dict[str, Source], problems: list[Problem]
) -> None:
    """Check state_sources.csv: each row names a known state, fields of states.csv, and
    known sources, or says in its note why it has none (nothing reads the file at run
    time; a wrong row would go unnoticed)."""
    rows = _Rows(path, ("alpha3", "field", "sources"), problems)
    hint_state, hint_source = Suggester(states), Suggester(sources)
    for line, r in rows:
        if r["alpha3"] not in states:
            rows.bad(line, "alpha3", r["alpha3"], "unknown state", hint_state(r["alpha3"]))
        for f in _split(r["field"]) or ("",):
            if f not in STATE_COLUMNS:
                rows.bad(line, "field", f, "not a column of states.csv", suggest(f, STATE_COLUMNS))
        srcs = _split(r["sources"])
        if not srcs and not r.get("note"):
            # A row may record that a value has no citable source yet, saying so in its
            # note; a row with neither says nothing.
            rows.bad(line, "sources", "", "a row needs a source, or a note saying why it has none")
        for src in srcs:
            if src not in sources:
                rows.bad(line, "sources", src, "unknown source id", hint_source(src))


def legal_start(states: dict[str, State], alpha3: str) -> date | None:
    """When a state's legal personality began, following continuation (Serbia <- SCG)."""
    st = states[alpha3]
    seen = {alpha3}
    while st.continues and st.continues in states and st.continues not in seen:
        seen.add(st.continues)
        st = states[st.continues]
    return st.start


def load_acts(
    path: Path,
    treaty: str,
    states: dict[str, State],
    sources: dict[str, Source],
    problems: list[Problem],
) -> list[Act]:
    rows = _Rows(path, ("state", "kind", "date", "sources"), problems)
    return parse_acts(rows, rows, treaty, states, sources)


class RowSink:
    """Where problems of rows that do not come from a file go (overlay, import)."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems

    def bad(self, line: int, field: str, value: str, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(message, file=self.name, line=line, field=field, value=value, hint=hint)
        )


def parse_acts(
    items: Iterable[tuple[int, dict[str, str]]],
    sink: _Rows | RowSink,
    treaty: str | None,
    states: dict[str, State],
    sources: dict[str, Source],
    treaties: Iterable[str] = (),
) -> list[Act]:
    """Acts from (line, row) pairs, every field checked; ``treaty`` None reads it per row."""
    kind_of = {k.value: k for k in ActKind}
    known_treaties = list(treaties)
    treaty_set = set(known_treaties)
    hint_treaty, hint_kind = Suggester(known_treaties), Suggester(kind_of)
    hint_state, hint_source = Suggester(states), Suggester(sources)
    out = []
    for line, r in items:
        ok = True
        tid = treaty or r.get("treaty", "")
        if treaty is None and tid not in treaty_set:
            sink.bad(line, "treaty", tid, "unknown treaty", hint_treaty(tid))
            ok = False
        state = r.get("state", "")
        if state not in states:
            sink.bad(line, "state", state, "unknown state", hint_state(state))
            ok = False
        if r.get("kind", "") not in kind_of:
            sink.bad(
                line,
                "kind",
                r.get("kind", ""),
                "unknown act kind",
                hint_kind(r.get("kind", "")),
            )
            ok = False
        day = _date(sink, line, "date", r.get("date", ""), True)
        effective = _date(sink, line, "effective", r.get("effective", ""), False)
        srcs = _split(r.get("sources", ""))
        if not srcs:
            sink.bad(line, "sources", r.get("sources", ""), "every act needs a source")
            ok = False
        for s in srcs:
            if s not in sources:
                sink.bad(line, "sources", s, "unknown source id", hint_source(s))
                ok = False
        reading = r.get("reading", "")
        if reading not in ("", "alternate"):
            sink.bad(line, "reading", reading, "reading is empty or 'alternate'")
            ok = False
        if not ok or day is None:
            continue
        out.append(
            Act(
                treaty=tid,
                state=state,
                kind=kind_of[r["kind"]],
                date=day,
                sources=srcs,
                effective=effective,
                depositary=r.get("depositary", ""),
                note=r.get("note", ""),
                file=sink.name,
                line=line,
                alternate=reading == "alternate",
            )
        )
    return out


def load_conflicts(
    path: Path, states: dict[str, State], sources: dict[str, Source], problems: list[Problem]
) -> list[Conflict]:
    rows = _Rows(path, ("state", "opponent", "start", "end", "sources"), problems)
    out = []
    for line, r in rows:
        if r["state"] not in states:
            rows.bad(line, "state", r["state"], "unknown state", suggest(r["state"], list(states)))
            continue
        start = _date(rows, line, "start", r["start"], True)
        end = _date(rows, line, "end", r["end"], False)
        srcs = _split(r["sources"])
        missing = [s for s in srcs if s not in sources]
        if not srcs or missing:
            rows.bad(line, "sources", r["sources"], "every conflict needs known sources")
            continue
        if start is None:
            continue
        out.append(
            Conflict(
                r["state"],
                r["opponent"],
                start.earliest,
                end.earliest if end else None,
                srcs,
                r.get("note", ""),
            )
        )
    return out


def load_borders(
    path: Path, states: dict[str, State], sources: dict[str, Source], problems: list[Problem]
) -> list[Border]:
    rows = _Rows(path, ("a", "b", "length_km", "sources"), problems)
    out = []
    for line, r in rows:
        ok = True
        for col in ("a", "b"):
            if r[col] not in states:
                rows.bad(line, col, r[col], "unknown state", suggest(r[col], list(states)))
                ok = False
        if ok and r["a"] >= r["b"]:
            rows.bad(line, "b", r["b"], "write each pair once, a before b alphabetically")
            ok = False
        try:
            length = float(r["length_km"])
            if length <= 0:
                raise ValueError
        except ValueError:
            rows.bad(line, "length_km", r["length_km"], "length must be a positive number of km")
            ok = False
        srcs = _split(r["sources"])
        bad_src = [s for s in srcs if s not in sources]
        if not srcs or bad_src:
            rows.bad(
                line,
                "sources",
                r["sources"],
                "every border reading needs known sources",
                suggest(bad_src[0], list(sources)) if bad_src else None,
            )
            ok = False
        if ok:
            out.append(Border(r["a"], r["b"], length, srcs, r.get("note", "")))
    return out


def load_events(
    path: Path,
    states: dict[str, State],
    treaties: dict[str, Treaty],
    sources: dict[str, Source],
    problems: list[Problem],
) -> list[Event]:
    rows = _Rows(path, ("state", "treaty", "event", "date", "sources"), problems)
    out = []
    for line, r in rows:
        ok = True
        if r["state"] not in states:
            rows.bad(line, "state", r["state"], "unknown state", suggest(r["state"], list(states)))
            ok = False
        if r["treaty"] not in treaties:
            rows.bad(
                line, "treaty", r["treaty"], "unknown treaty", suggest(r["treaty"], list(treaties))
            )
            ok = False
        if r["event"] not in EVENT_KINDS:
            rows.bad(
                line,
                "event",
                r["event"],
                "unknown event kind",
                suggest(r["event"], sorted(EVENT_KINDS)),
            )
            ok = False
        day = _date(rows, line, "date", r["date"], True)
        srcs = _split(r["sources"])
        bad_src = [s for s in srcs if s not in sources]
        if not srcs or bad_src:
            rows.bad(line, "sources", r["sources"], "every event needs known sources")
            ok = False
        if ok and day is not None:
            out.append(Event(r["state"], r["treaty"], r["event"], day, srcs, r.get("note", "")))
    return out


# --- treaties ---------------------------------------------------------------------------


#: The keys a treaty file may use, by the path of the mapping that holds them ("" is the
#: top; "[]" any item of a list). A key not listed is an error with a suggestion, so that a
#: misspelt ``withdrawl:`` cannot fall back silently to the Vienna Convention's 12 months.
#: Mappings not listed here (free descriptions such as ``transitional``) are not checked.
TREATY_KEYS: dict[str, frozenset[str]] = {
    "": frozenset(
        {
            "id",
            "short_name",
            "full_name",
            "aliases",
            "adopted",
            "signature",
            "entry_into_force",
            "late_joiner",
            "withdrawal",
            "consent_modes",
            "untc",
            "wikidata",
            "ended",
            "parent",
            "reservations",
            "obligations",
            "assertions",
            "sources",
            "coverage",
            "depositary",
            "accession_conditions",
            "accession_precondition",
            "consent_conditions",
            "duration",
            "events_note",
            "notes",
            "provisional_application",
            "review",
            "successor_states",
            "suspension_practice",
            "transitional",
        }
    ),
    "signature": frozenset({"opens", "closes", "article"}),
    "entry_into_force": frozenset(
        {"date", "article", "threshold", "rule", "annex2", "threshold_reached"}
    ),
    "entry_into_force.rule": frozenset({"kind", "article", "months", "days", "after"}),
    "late_joiner": frozenset({"kind", "article", "months", "days", "after"}),
    "withdrawal": frozenset(
        {
            "notice",
            "article",
            "effect_article",
            "counted_from",
            "minimum",
            "armed_conflict_clause",
            "earlier_if",
            "earliest_notice",
            "extendable",
            "follow_up",
            "in_force_since",
            "later_date_allowed",
            "other_ground",
            "reasons_required",
            "rejoin",
            "scope",
        }
    ),
    "withdrawal.notice": frozenset({"days", "months", "years"}),
    "coverage": frozenset({"complete_until", "missing", "note", "signatures"}),
    "ended": frozenset({"date", "article"}),
    "review": frozenset({"article", "rule"}),
    "assertions[]": frozenset({"date", "kind", "status", "count", "min", "max", "source"}),
    "obligations[]": frozenset(
        {"id", "article", "anchor", "due", "extension", "note", "offset", "recurrence"}
    ),
    "obligations[].offset": frozenset({"days", "months", "years"}),
    "obligations[].recurrence": frozenset({"every_years"}),
}

#: What an assertion's ``status`` may count (see Ledger.check_assertions).
ASSERTION_STATUSES = ("bound", "deposited")


def _yaml_loader() -> Any:
    """The safe loader (libyaml's when available) with one change: a date that does not
    exist (``1997-02-30``) stays text, to be reported as "not a date" with its line,
    instead of raising from inside the parser."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc,valid-type]
        pass

    def timestamp(loader: Any, node: Any) -> Any:
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    return Loader


def _key_lines(
    node: Any, path: str, lines: dict[str, int], problems: list[Problem], name: str
) -> None:
    """Record the line of every key and list item by its path; a key given twice in one
    mapping is a Problem (YAML would keep the last value silently)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            sub = f"{path}.{key}" if path else key
            if key in seen:
                problems.append(
                    Problem(
                        f"key given twice (first on line {seen[key]})",
                        file=name,
                        line=line,
                        field=sub,
                        value=key,
                        hint="give each key once; YAML would keep only the last value",
                    )
                )
            seen.setdefault(key, line)
            lines.setdefault(sub, line)
            _key_lines(value_node, sub, lines, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            sub = f"{path}[{i}]"
            lines.setdefault(sub, item.start_mark.line + 1)
            _key_lines(item, sub, lines, problems, name)


class _Yaml:
    """Typed access to a treaty YAML mapping, collecting problems with their field path
    and the line that path is on."""

    def __init__(
        self, name: str, problems: list[Problem], lines: dict[str, int] | None = None
    ) -> None:
        self.name = name
        self.problems = problems
        self.lines = lines or {}

    def line(self, field: str) -> int | None:
        """The line of ``field`` (``withdrawal.notice.months``), or of its nearest parent."""
        path = field
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    def bad(self, field: str, value: object, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(
                message,
                file=self.name,
                line=self.line(field),
                field=field,
                value=str(value),
                hint=hint,
            )
        )

    def unknown_keys(self, data: Any, path: str = "", schema: str = "") -> None:
        """Report every key the schema does not know, walking the mappings it describes."""
        allowed = TREATY_KEYS.get(schema)
        if isinstance(data, dict) and allowed is not None:
            for key, value in data.items():
                sub = f"{path}.{key}" if path else str(key)
                if str(key) not in allowed:
                    hint = suggest(str(key), sorted(allowed)) or (
                        "known keys here: " + ", ".join(sorted(allowed))
                    )
                    self.bad(sub, key, "unknown key", hint)
                    continue
                child = f"{schema}.{key}" if schema else str(key)
                self.unknown_keys(value, sub, child)
        elif isinstance(data, list):
            for i, item in enumerate(data):
                self.unknown_keys(item, f"{path}[{i}]", f"{schema}[]")

    def day(self, data: dict[str, Any], key: str, path: str, required: bool = True) -> date | None:
        value = data.get(key)
        if isinstance(value, date):
            if value.year > MAX_YEAR:
                self.bad(path, value, f"{path} is after {MAX_YEAR}", "a placeholder date?")
                return None
            return value
        if value is None:
            if required:
                self.bad(path, value, f"{path} is required")
            return None
        try:
            pd = parse_partial(str(value))
        except TreatywatchError:
            self.bad(path, value, f"{path} is not a date", "use YYYY-MM-DD")
            return None
        if pd.latest.year > MAX_YEAR:
            self.bad(path, value, f"{path} is after {MAX_YEAR}", "a placeholder date?")
            return None
        return pd.earliest

    def int(self, data: dict[str, Any], key: str, path: str) -> int:
        value = data.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.bad(path, value, f"{path} must be a whole number of 0 or more")
            return 0
        return value

    def mapping(self, data: Any, path: str) -> dict[str, Any] | None:
        if data is None:
            return None
        if not isinstance(data, dict):
            self.bad(path, data, f"{path} must be a mapping")
            return None
        return data

    def period(self, data: Any, path: str) -> Period:
        if not isinstance(data, dict) or not data:
            self.bad(path, data, f"{path} must be a mapping such as {{months: 6}}")
            return Period()
        unknown = set(data) - {"days", "months", "years"}
        if unknown:
            self.bad(path, data, f"{path} has unknown unit(s) {sorted(unknown)}")
        period = Period(
            days=self.int(data, "days", f"{path}.days"),
            months=self.int(data, "months", f"{path}.months"),
            years=self.int(data, "years", f"{path}.years"),
        )
        if period == Period():
            self.bad(
                path,
                data,
                f"{path} gives no time",
                "e.g. {months: 6}; omit the "
                "withdrawal section if the treaty is silent (VCLT Art. 56 applies)",
            )
        return period

    def entry_rule(self, data: Any, path: str) -> EntryRule:
        if data is None:  # a closed treaty: no later joining; a deposit binds on deposit
            return EntryRule("on_deposit", "")
        if not isinstance(data, dict):
            self.bad(path, data, f"{path} must be a mapping with a kind")
            return EntryRule("on_deposit", "")
        after = str(data.get("after", "entry_into_force"))
        if after not in LATE_AFTER:
            self.bad(f"{path}.after", after, "unknown", suggest(after, list(LATE_AFTER)))
            after = "entry_into_force"
        kind = str(data.get("kind", ""))
        if kind not in ENTRY_RULE_KINDS:
            self.bad(
                f"{path}.kind", kind, "unknown rule kind", suggest(kind, list(ENTRY_RULE_KINDS))
            )
            kind = "on_deposit"
        return EntryRule(
            kind=kind,
            article=str(data.get("article", "")),
            months=self.int(data, "months", f"{path}.months"),
            days=self.int(data, "days", f"{path}.days"),
            after=after,
        )


def _list(y: _Yaml, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        y.bad(key, value, f"{key} must be a list")
        return []
    return value


def _check_assertions(y: _Yaml, items: Any) -> list[dict[str, Any]]:
    """Each data assertion has a date or an act kind, whole-number counts and a known
    status, so that checking it later cannot fail on a malformed value."""
    if items is None:
        return []
    if not isinstance(items, list):
        y.bad("assertions", items, "assertions must be a list")
        return []
    kinds = [k.value for k in ActKind]
    good = []
    for i, a in enumerate(items):
        path = f"assertions[{i}]"
        if not isinstance(a, dict):
            y.bad(path, a, "each item of assertions must be a mapping")
            continue
        before = len(y.problems)
        for key in ("count", "min", "max"):
            v = a.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
                y.bad(f"{path}.{key}", v, f"{key} must be a whole number of 0 or more")
        on = a.get("date")
        if on is not None and not isinstance(on, date):
            y.bad(f"{path}.date", on, "not a date", "use YYYY-MM-DD")
        status = a.get("status")
        if status is not None:
            allowed = [*ASSERTION_STATUSES, *(s.value for s in Status)]
            if str(status) not in allowed:
                y.bad(f"{path}.status", status, "unknown status", suggest(str(status), allowed))
        kind = a.get("kind")
        for k in kind if isinstance(kind, list) else [] if kind is None else [kind]:
            if str(k) not in kinds:
                y.bad(f"{path}.kind", k, "unknown act kind", suggest(str(k), kinds))
        if len(y.problems) == before:
            good.append(a)
    return good


def load_treaty(path: Path, sources: dict[str, Source], problems: list[Problem]) -> Treaty | None:
    import yaml  # imported here: a cached ledger never needs it

    name = f"treaties/{path.name}"
    text = read_text(path, name, problems)
    if text is None:
        return None
    lines: dict[str, int] = {}
    loader = _yaml_loader()(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _key_lines(node, "", lines, problems, name)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            Problem(
                f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                file=name,
                line=(mark.line + 1) if mark else None,
                hint="check the indentation and quoting on this line",
            )
        )
        return None
    finally:
        loader.dispose()
    y = _Yaml(name, problems, lines)
    if not isinstance(data, dict):
        y.bad("(top)", type(data).__name__, "a treaty file must be a mapping")
        return None
    y.unknown_keys(data)
    assertions = _check_assertions(y, data.get("assertions"))
    tid = str(data.get("id", ""))
    if tid != path.stem:
        y.bad("id", tid, "the id must match the file name", f"use id: {path.stem}")
    adopted = y.day(data, "adopted", "adopted")
    sig = y.mapping(data.get("signature"), "signature") or {}
    opens = y.day(sig, "opens", "signature.opens", required=False) if sig else None
    entry_data = y.mapping(data.get("entry_into_force"), "entry_into_force")
    entry = None
    if isinstance(entry_data, dict) and entry_data.get("date") is None:
        entry = None  # not in force: consents wait; signature stays open
    elif isinstance(entry_data, dict):
        eif = y.day(entry_data, "date", "entry_into_force.date")
        rule = (
            y.entry_rule(entry_data["rule"], "entry_into_force.rule")
            if "rule" in entry_data
            else None
        )
        threshold = entry_data.get("threshold")
        if threshold is not None and (
            isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1
        ):
            y.bad(
                "entry_into_force.threshold",
                threshold,
                "the threshold must be a whole number of instruments, 1 or more",
                "e.g. threshold: 40",
            )
            threshold = None
        reached = y.day(
            entry_data, "threshold_reached", "entry_into_force.threshold_reached", False
        )
        if eif is not None:
            entry = TreatyEntry(eif, str(entry_data.get("article", "")), threshold, rule, reached)
    closes_raw = sig.get("closes") if sig else None
    closes: date | None
    if closes_raw == "entry_into_force":
        closes = entry.date if entry else None
    else:
        closes = y.day(sig, "closes", "signature.closes", required=False) if sig else None
    late = y.entry_rule(data.get("late_joiner"), "late_joiner")
    wd = y.mapping(data.get("withdrawal"), "withdrawal")
    if "withdrawal" in data and data["withdrawal"] is None:
        withdrawal = UNKNOWN_WITHDRAWAL  # the treaty has a clause; the record lacks it
    elif wd is None:
        withdrawal = VCLT_FALLBACK
    else:
        withdrawal = WithdrawalRule(
            notice=y.period(wd.get("notice"), "withdrawal.notice"),
            article=str(wd.get("article", "")),
            effect_article=str(wd.get("effect_article", wd.get("article", ""))),
            counted_from=str(wd.get("counted_from", "depositary_receipt")),
            minimum=bool(wd.get("minimum", False)),
            armed_conflict_clause=bool(wd.get("armed_conflict_clause", False)),
        )
    srcs = tuple(str(s) for s in _list(y, data, "sources"))
    for s in srcs:
        if s not in sources:
            y.bad("sources", s, "unknown source id", suggest(s, list(sources)))
    ended = y.mapping(data.get("ended"), "ended") or {}
    coverage = y.mapping(data.get("coverage"), "coverage") or {}
    complete_until = (
        y.day(coverage, "complete_until", "coverage.complete_until", required=False)
        if coverage
        else None
    )
    end_day = y.day(ended, "date", "ended.date", required=False) if ended else None
    parent = data.get("parent") or ""
    if not isinstance(parent, str):
        y.bad(
            "parent",
            parent,
            "a treaty's parent is the id of another treaty",
            "e.g. parent: tlatelolco",
        )
        parent = ""
    if adopted is None:
        return None
    return Treaty(
        id=tid,
        short_name=str(data.get("short_name", tid)),
        full_name=str(data.get("full_name", "")),
        aliases=tuple(str(a) for a in _list(y, data, "aliases")),
        adopted=adopted,
        signature_opens=opens,
        signature_closes=closes,
        signature_article=str(sig.get("article", "")) if sig else "",
        depositary=str(data.get("depositary", "")),
        entry=entry,
        late_joiner=late,
        withdrawal=withdrawal,
        consent_modes=tuple(str(c) for c in _list(y, data, "consent_modes")),
        untc=str(data.get("untc", "") or ""),
        wikidata=str(data.get("wikidata", "") or ""),
        ended=end_day,
        end_article=str(ended.get("article", "")) if ended else "",
        reservations=str(data.get("reservations", "") or ""),
        obligations=tuple(_list(y, data, "obligations")),
        assertions=tuple(assertions),
        sources=srcs,
        complete_until=complete_until,
        coverage_note=str(coverage.get("note", "")) if coverage else "",
        missing=tuple(str(m) for m in _list(y, coverage, "missing")) if coverage else (),
        signatures_complete=str(coverage.get("signatures", "complete")) != "partial"
        if coverage
        else True,
        parent=parent,
    )


def read(root: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """Read every file of a data folder; return what loaded and every problem found."""
    root = root or bundled_path()
    problems: list[Problem] = []
    ds = Dataset(root)
    if not root.is_dir():
        what = "not a folder" if root.exists() else "no such data folder"
        raise DataError(
            [Problem(what, file=str(root), hint="name the folder that holds treaties/")]
        )
    ds.sources = load_sources(root / "sources.csv", problems)
    ds.states = load_states(root / "states.csv", problems)
    for folder in ("treaties", "acts"):
        if not (root / folder).is_dir():
            problems.append(
                Problem(
                    "no such folder" if not (root / folder).exists() else "not a folder",
                    file=f"{folder}/",
                    hint=f"a data folder holds {folder}/ with one file per treaty",
                )
            )
    for path in sorted((root / "treaties").glob("*.yaml")):
        treaty = load_treaty(path, ds.sources, problems)
        if treaty is not None:
            ds.treaties[treaty.id] = treaty
    problems.extend(check_parents(ds.treaties))
    for path in sorted((root / "acts").glob("*.csv")):
        if path.stem not in ds.treaties:
            problems.append(
                Problem(
                    "acts for a treaty that has no treaties/<id>.yaml",
                    file=f"acts/{path.name}",
                    hint=suggest(path.stem, list(ds.treaties)),
                )
            )
            continue
        ds.acts.extend(load_acts(path, path.stem, ds.states, ds.sources, problems))
    if (root / "state_sources.csv").exists():
        load_state_sources(root / "state_sources.csv", ds.states, ds.sources, problems)
    if (root / "conflicts.csv").exists():
        ds.conflicts = load_conflicts(root / "conflicts.csv", ds.states, ds.sources, problems)
    if (root / "borders.csv").exists():
        ds.borders = load_borders(root / "borders.csv", ds.states, ds.sources, problems)
    if (root / "events.csv").exists():
        ds.events = load_events(root / "events.csv", ds.states, ds.treaties, ds.sources, problems)
    problems.extend(check_existence(ds))
    return ds, problems


def check_parents(treaties: dict[str, Treaty]) -> list[Problem]:
    """A protocol's ``parent`` names another treaty loaded from the same folder."""
    out = []
    for tid, t in sorted(treaties.items()):
        if not t.parent:
            continue
        if t.parent == tid or t.parent not in treaties:
            why = "a treaty is not its own parent" if t.parent == tid else "unknown treaty"
            out.append(
                Problem(
                    f"parent: {why}",
                    file=f"treaties/{tid}.yaml",
                    field="parent",
                    value=t.parent,
                    hint=suggest(t.parent, [k for k in treaties if k != tid])
                    or "name the id of the treaty this protocol is annexed to",
                )
            )
    return out


def duplicate_acts(acts: Iterable[Act]) -> tuple[list[Problem], set[int]]:
    """Acts recorded twice: the same kind of act by the same state under the same treaty
    on the same date, with the same depositary, in the same reading (whatever their
    sources, notes or effective dates say; the NPT's and BWC's copies deposited in London,
    Moscow and Washington on one day are one act each). Returns a Problem for each repeat,
    naming the first, and the ``id()`` of each repeat so the law can leave it out (a
    second copy would read as "signed again"). A second source for one act belongs in the
    ``sources`` column of its row (``a;b``), not in a second row."""
    first: dict[tuple[str, str, str, str, str, bool], Act] = {}
    problems: list[Problem] = []
    repeats: set[int] = set()
    for act in acts:
        key = (
            act.treaty,
            act.state,
            act.kind.value,
            str(act.date),
            act.depositary,
            act.alternate,
        )
        seen = first.setdefault(key, act)
        if seen is act:
            continue
        repeats.add(id(act))
        problems.append(
            Problem(
                f"duplicate act: the same {act.kind.value} of {act.treaty} by {act.state} "
                f"is already recorded at {seen.file}:{seen.line}",
                file=act.file,
                line=act.line,
                field="date",
                value=str(act.date),
                hint="record each act once; give a second source as a;b in its sources",
            )
        )
    return problems, repeats


def check_existence(ds: Dataset) -> list[Problem]:
    """No state acts before it existed or after it ceased to exist (a reading kept as an
    alternate is not applied, so it may be a source's error of exactly this kind)."""
    out = []
    for act in ds.acts:
        if act.alternate:
            continue
        st = ds.states[act.state]
        start = legal_start(ds.states, act.state)
        if start and act.day < start and act.kind is not ActKind.SUCCESSION:
            out.append(
                Problem(
                    f"{st.name} did not exist yet on {act.date} (from {start})",
                    file=act.file,
                    line=act.line,
                    field="date",
                    value=str(act.date),
                    hint="a new state joins by succession or accession after it exists",
                )
            )
        if st.end and act.day >= st.end:
            out.append(
                Problem(
                    f"{st.name} no longer existed on {act.date} (until {st.end})",
                    file=act.file,
                    line=act.line,
                    field="date",
                    value=str(act.date),
                    hint="record the act under the successor state",
                )
            )
        if (
            act.kind is ActKind.SUCCESSION
            and st.start
            and act.effective
            and act.effective.earliest < st.start
        ):
            out.append(
                Problem(
                    f"succession effective {act.effective}, before {st.name} existed ({st.start})",
                    file=act.file,
                    line=act.line,
                    field="effective",
                    value=str(act.effective),
                )
            )
    return out
