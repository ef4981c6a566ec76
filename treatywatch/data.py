"""Load and validate the record: treaties (YAML), acts, states, sources, conflicts, events.

Every malformed row becomes a Problem with its file, line, field, value and a
hint; nothing is silently dropped. ``load`` raises DataError listing them all.
"""

from __future__ import annotations

import csv
import difflib
import functools
from collections.abc import Iterable, Iterator
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


class _Rows:
    """CSV rows with their line numbers and a shared problem list."""

    def __init__(self, path: Path, required: tuple[str, ...], problems: list[Problem]) -> None:
        self.path = path
        self.required = required
        self.problems = problems
        self.name = (
            path.name
            if path.parent.name not in ("acts", "treaties")
            else (f"{path.parent.name}/{path.name}")
        )

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            self.problems.append(Problem(f"not UTF-8 ({exc.reason})", file=self.name))
            return
        reader = csv.DictReader(text.splitlines())
        missing = [c for c in self.required if c not in (reader.fieldnames or [])]
        if missing:
            self.problems.append(
                Problem(
                    f"missing column(s) {', '.join(missing)}",
                    file=self.name,
                    line=1,
                    hint=f"the header must include {', '.join(self.required)}",
                )
            )
            return
        for row in reader:
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


def suggest(value: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"did you mean {match[0]}?" if match else None


def _split(value: str) -> tuple[str, ...]:
    if ";" not in value:
        one = value.strip()
        return (one,) if one else ()
    return tuple(v.strip() for v in value.split(";") if v.strip())


#: The same few thousand date strings recur across tens of thousands of rows; a parsed
#: PartialDate is immutable, so one parse per distinct string is enough.
_parse_cached = functools.lru_cache(maxsize=65536)(parse_partial)


def _date(
    rows: _Rows | RowSink, line: int, name: str, value: str, required: bool
) -> PartialDate | None:
    if not value:
        if required:
            rows.bad(line, name, value, f"{name} is required")
        return None
    try:
        return _parse_cached(value)
    except TreatywatchError:
        hint = "use YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY-MM-DD/YYYY-MM-DD"
        rows.bad(line, name, value, f"{name} is not a date", hint)
        return None


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
    kinds = [k.value for k in ActKind]
    kind_of = {k.value: k for k in ActKind}
    known_treaties = list(treaties)
    treaty_set = set(known_treaties)
    out = []
    for line, r in items:
        ok = True
        tid = treaty or r.get("treaty", "")
        if treaty is None and tid not in treaty_set:
            sink.bad(line, "treaty", tid, "unknown treaty", suggest(tid, known_treaties))
            ok = False
        state = r.get("state", "")
        if state not in states:
            sink.bad(line, "state", state, "unknown state", suggest(state, list(states)))
            ok = False
        if r.get("kind", "") not in kind_of:
            sink.bad(
                line,
                "kind",
                r.get("kind", ""),
                "unknown act kind",
                suggest(r.get("kind", ""), kinds),
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
                sink.bad(line, "sources", s, "unknown source id", suggest(s, list(sources)))
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


class _Yaml:
    """Typed access to a treaty YAML mapping, collecting problems with their field path."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems

    def bad(self, field: str, value: object, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(message, file=self.name, field=field, value=str(value), hint=hint)
        )

    def day(self, data: dict[str, Any], key: str, path: str, required: bool = True) -> date | None:
        value = data.get(key)
        if isinstance(value, date):
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


def _is_map(y: _Yaml, value: Any, key: str) -> bool:
    if not isinstance(value, dict):
        y.bad(key, value, f"each item of {key} must be a mapping")
        return False
    return True


def load_treaty(path: Path, sources: dict[str, Source], problems: list[Problem]) -> Treaty | None:
    import yaml  # imported here: a cached ledger never needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    name = f"treaties/{path.name}"
    y = _Yaml(name, problems)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            Problem(f"not valid YAML: {exc}", file=name, line=(mark.line + 1) if mark else None)
        )
        return None
    if not isinstance(data, dict):
        y.bad("(top)", type(data).__name__, "a treaty file must be a mapping")
        return None
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
        if eif is not None:
            threshold = entry_data.get("threshold")
            reached = y.day(
                entry_data, "threshold_reached", "entry_into_force.threshold_reached", False
            )
            entry = TreatyEntry(
                eif,
                str(entry_data.get("article", "")),
                int(threshold) if threshold is not None else None,
                rule,
                reached,
            )
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
        assertions=tuple(a for a in _list(y, data, "assertions") if _is_map(y, a, "assertions")),
        sources=srcs,
        complete_until=complete_until,
        coverage_note=str(coverage.get("note", "")) if coverage else "",
        missing=tuple(str(m) for m in _list(y, coverage, "missing")) if coverage else (),
        signatures_complete=str(coverage.get("signatures", "complete")) != "partial"
        if coverage
        else True,
    )


def read(root: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """Read every file of a data folder; return what loaded and every problem found."""
    root = root or bundled_path()
    problems: list[Problem] = []
    ds = Dataset(root)
    if not root.is_dir():
        raise DataError([Problem("no such data folder", file=str(root))])
    ds.sources = load_sources(root / "sources.csv", problems)
    ds.states = load_states(root / "states.csv", problems)
    for path in sorted((root / "treaties").glob("*.yaml")):
        treaty = load_treaty(path, ds.sources, problems)
        if treaty is not None:
            ds.treaties[treaty.id] = treaty
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
    if (root / "conflicts.csv").exists():
        ds.conflicts = load_conflicts(root / "conflicts.csv", ds.states, ds.sources, problems)
    if (root / "borders.csv").exists():
        ds.borders = load_borders(root / "borders.csv", ds.states, ds.sources, problems)
    if (root / "events.csv").exists():
        ds.events = load_events(root / "events.csv", ds.states, ds.treaties, ds.sources, problems)
    problems.extend(check_existence(ds))
    return ds, problems


def check_existence(ds: Dataset) -> list[Problem]:
    """No state acts before it existed or after it ceased to exist."""
    out = []
    for act in ds.acts:
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
