"""The UNODA treaties database, as harvested in June 2018, compared with the record.

The harvest (``treatydata.json`` from the public repository ``ohnemax/treatyratification``)
holds every signature and instrument UNODA listed per state and treaty, one entry per
depositary: the NPT, the BWC and the other treaties deposited in London, Moscow and
Washington have up to three entries for one act. Each entry becomes one act here; the
diff against the record says what the record lacks, what it dates or names otherwise, and
which of its own acts the harvest does not show, each with the harvest line it rests on.

Only signatures and instruments are compared: the harvest holds no withdrawals, and
nothing after its day (:data:`HARVESTED`).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from treatywatch.data import Dataset, bundled_path, legal_start
from treatywatch.data import read as read_data
from treatywatch.dates import PartialDate, parse_partial
from treatywatch.errors import DataError, NotFound, Problem, TreatywatchError, UsageError
from treatywatch.model import CONSENT, Act, ActKind, State
from treatywatch.names import state_index

#: The last day the harvest can speak for (its data were committed on 2018-06-24).
HARVESTED = date(2018, 6, 24)

#: The source every act read from the harvest cites (sources.csv).
SOURCE_ID = "unoda-harvest-2018"
SOURCE_ROW = {
    "id": SOURCE_ID,
    "url": "https://github.com/ohnemax/treatyratification/blob/"
    "555020d324023db62da6fab4a798b803a985510a/treatydata.json",
    "publisher": "UNODA treaties database (disarmament.un.org/treaties), "
    "harvested by ohnemax/treatyratification",
    "title": "treatydata.json: every signature and instrument per state, treaty and depositary "
    "as UNODA listed them in June 2018",
    "published": "2018-06-24",
    "accessed": "2026-12-07",
}

#: The harvest's treaty names -> treaty ids of the record (present or planned).
TREATIES: dict[str, str] = {
    "Treaty on the Non-Proliferation of Nuclear Weapons (NPT)": "npt",
    "Biological Weapons Convention": "bwc",
    "Chemical Weapons Convention": "cwc",
    "Comprehensive Nuclear-Test-Ban Treaty": "ctbt",
    "Anti-Personnel Mine Ban Convention": "apmbc",
    "Convention on Cluster Munitions": "ccm",
    "Convention on Certain Conventional Weapons": "ccw",
    "Arms Trade Treaty": "att",
    "Treaty on the Prohibition of Nuclear Weapons": "tpnw",
    "Treaty on Conventional Armed Forces in Europe (CFE)": "cfe",
    "Treaty on Open Skies": "open_skies",
    "1925 Geneva Protocol": "geneva_protocol",
    "Partial Test Ban Treaty": "ptbt",
    "Outer Space Treaty": "outer_space",
    "Sea-Bed Treaty": "seabed",
    "Convention on Environmental Modification Techniques (ENMOD)": "enmod",
    "Moon Treaty (Celestial Bodies)": "moon",
    "Antarctic Treaty": "antarctic",
    "Treaty of Tlatelolco": "tlatelolco",
    "South Pacific Nuclear Free Zone Treaty": "rarotonga",
    "Bangkok Treaty": "bangkok",
    "Pelindaba Treaty": "pelindaba",
    "Treaty on a Nuclear-Weapon-Free Zone in Central Asia (CANWFZ)": "semipalatinsk",
    "Kinshasa Convention": "kinshasa",
    "Inter-American Convention on Firearms": "cifta",
    "Inter-American Convention on Transparency": "iactcaa",
    "International Convention for the Suppression of Acts of Nuclear Terrorism": "icsant",
}

#: The CCW entry's protocol names -> treaty ids.
PROTOCOLS: dict[str, str] = {
    "Protocol I to the Convention on Certain Conventional Weapons": "ccw_p1",
    "Protocol II to the Convention on Certain Conventional Weapons": "ccw_p2",
    "Protocol III to the Convention on Certain Conventional Weapons": "ccw_p3",
    "Protocol IV on Blinding Laser Weapons": "ccw_p4",
    "Amended Protocol II on the Use of Mines,  Booby-Traps and Other Devices": "ccw_ap2",
    "Protocol V on Explosive Remnants of War": "ccw_p5",
    "Amendment to the Convention on Certain Conventional Weapons": "ccw_art1",
}

#: The harvest's action names -> act kinds. "Consent to be bound" is a CCW protocol's
#: notification (CCW Art. 4(3)-(4)), which the record keeps as an acceptance.
ACTIONS: dict[str, ActKind] = {
    "Signature": ActKind.SIGNATURE,
    "Deposit of instruments of ratification": ActKind.RATIFICATION,
    "Deposit of instruments of accession": ActKind.ACCESSION,
    "Deposit of instruments of succession": ActKind.SUCCESSION,
    "Deposit of instruments of acceptance": ActKind.ACCEPTANCE,
    "Deposit of instruments of approval": ActKind.APPROVAL,
    "Consent to be bound": ActKind.ACCEPTANCE,
}

#: UNODA's state names that are neither a name nor an alias in states.csv.
STATE_NAMES: dict[str, str] = {
    "Swaziland": "SWZ",
    "Turkey": "TUR",
    "Czech Republic": "CZE",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Cape Verde": "CPV",
}

#: UNODA lists the Socialist Federal Republic of Yugoslavia's acts under Serbia (and some
#: under Montenegro too): acts dated before the SFRY ended are read as Yugoslavia's, once.
LISTED_UNDER_SUCCESSOR: dict[str, tuple[str, date]] = {
    "SRB": ("YUG", date(1992, 4, 27)),
    "MNE": ("YUG", date(1992, 4, 27)),
}

#: Places that stand for the one depositary of a single-depositary treaty; written as ""
#: so that they match the record's rows, which name no depositary for those treaties.
SOLE_DEPOSITARY = frozenset({"UN"})

#: Treaties deposited with several governments at once (the law counts the first deposit).
MULTI_DEPOSITARY = frozenset({"npt", "bwc", "ptbt", "outer_space", "seabed"})

#: Act kinds the harvest records at all; the record's other kinds are never compared.
COMPARED = frozenset(CONSENT | {ActKind.SIGNATURE})


@dataclass(frozen=True, slots=True)
class HarvestAct:
    """One entry of the harvest, read as an act, with the line it rests on."""

    treaty: str
    state: str
    kind: ActKind
    date: date
    depositary: str
    line: str

    def row(self) -> dict[str, str]:
        """The act as a row of ``acts/<treaty>.csv``."""
        return {
            "state": self.state,
            "kind": self.kind.value,
            "date": self.date.isoformat(),
            "effective": "",
            "depositary": self.depositary if self.treaty in MULTI_DEPOSITARY else "",
            "reading": "",
            "sources": SOURCE_ID,
            "note": f"UNODA 2018: {self.line}",
        }


@dataclass(frozen=True, slots=True)
class Difference:
    """One disagreement between the harvest and the record.

    ``what`` is ``new`` (the record lacks the act), ``date`` (the same act, dated
    otherwise), ``kind`` (the same day, another kind of instrument), ``missing`` (the
    record has an act the harvest does not show), ``alternate`` (the harvest agrees with
    a reading the record keeps but does not follow) or ``decision`` (an act the record holds
    otherwise on purpose, ``reason`` says how): the last two are recorded decisions.
    """

    what: str
    treaty: str
    state: str
    theirs: HarvestAct | None
    ours: Act | None
    reason: str = ""

    def describe(self) -> str:
        t, o = self.theirs, self.ours
        where = f"{self.treaty} {self.state}"
        if self.what == "new" and t is not None:
            dep = f" ({t.depositary})" if t.depositary else ""
            return f"new      {where}: {t.kind.value} {t.date}{dep}  [{t.line}]"
        if self.what == "date" and t is not None and o is not None:
            return (
                f"date     {where}: {o.kind.value} {o.date} in the record, {t.date} in UNODA "
                f"({o.file}:{o.line})  [{t.line}]"
            )
        if self.what == "kind" and t is not None and o is not None:
            return (
                f"kind     {where}: {o.kind.value} in the record, {t.kind.value} in UNODA, "
                f"{t.date} ({o.file}:{o.line})  [{t.line}]"
            )
        if self.what == "decision":
            act = t or o
            assert act is not None
            where_from = f"  [{t.line}]" if t is not None else f" ({o.file}:{o.line})" if o else ""
            return f"decision {where}: {act.kind.value} {act.date}: {self.reason}{where_from}"
        if self.what == "alternate" and t is not None and o is not None:
            return (
                f"decision {where}: UNODA's {t.kind.value} {t.date} is kept as an alternate "
                f"reading ({o.file}:{o.line})  [{t.line}]"
            )
        assert o is not None
        return (
            f"missing  {where}: {o.kind.value} {o.date} in the record, not in UNODA 2018 "
            f"({o.file}:{o.line})"
        )

    def to_dict(self) -> dict[str, object]:
        t, o = self.theirs, self.ours
        return {
            "what": self.what,
            "treaty": self.treaty,
            "state": self.state,
            "reason": self.reason or None,
            "source": None
            if t is None
            else {
                "kind": t.kind.value,
                "date": t.date.isoformat(),
                "depositary": t.depositary,
                "line": t.line,
            },
            "record": None
            if o is None
            else {
                "kind": o.kind.value,
                "date": str(o.date),
                "depositary": o.depositary,
                "file": o.file,
                "line": o.line,
                "alternate": o.alternate,
            },
        }


def _harvest_file(path: Path) -> Path:
    return path / "treatydata.json" if path.is_dir() else path


def read(path: Path, states: dict[str, State]) -> tuple[list[HarvestAct], list[Problem]]:
    """Every entry of the harvest as an act; problems for what cannot be read."""
    file = _harvest_file(path)
    name = file.name
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        problem = Problem(f"cannot read the harvest: {exc.strerror}", file=str(file))
        raise DataError([problem]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(
            [Problem(f"not a JSON file: {exc}", file=str(file), hint="pass treatydata.json")]
        ) from exc
    if not isinstance(raw, dict):
        raise DataError([Problem("the harvest must map state names to treaties", file=name)])
    index = state_index(states.values())
    problems: list[Problem] = []
    out: list[HarvestAct] = []
    for unoda_name, treaties in sorted(raw.items()):
        plain = html.unescape(unoda_name)
        alpha3 = STATE_NAMES.get(plain)
        if alpha3 is None:
            try:
                alpha3 = index.get(plain).alpha3
            except NotFound as exc:
                hint = f"did you mean {exc.suggestions[0]}?" if exc.suggestions else None
                problems.append(
                    Problem(
                        "a state the record does not know",
                        file=name,
                        field="state",
                        value=plain,
                        hint=hint or "add it to STATE_NAMES in importers/unoda.py",
                    )
                )
                continue
        if not isinstance(treaties, dict):
            continue
        for treaty_name, entry in sorted(treaties.items()):
            if not isinstance(entry, dict):
                continue  # the harvest's per-state counters (signed, ratified, ...)
            tid = TREATIES.get(treaty_name)
            if tid is None:
                problems.append(
                    Problem(
                        "a treaty the importer does not know",
                        file=name,
                        field="treaty",
                        value=treaty_name,
                        hint="add it to TREATIES in importers/unoda.py",
                    )
                )
                continue
            out.extend(_entries(name, plain, alpha3, tid, treaty_name, entry, problems))
            if "protocolnames" in entry:
                out.extend(_protocols(name, plain, alpha3, treaty_name, entry, problems))
    seen: set[tuple[str, str, ActKind, date, str]] = set()
    unique = []
    for h in out:  # the SFRY's acts listed under both Serbia and Montenegro count once
        key = (h.treaty, h.state, h.kind, h.date, h.depositary)
        if key not in seen:
            seen.add(key)
            unique.append(h)
    return unique, problems


def _day(value: object, where: str, file: str, problems: list[Problem]) -> date | None:
    try:
        pd = parse_partial(str(value))
    except TreatywatchError:
        pd = None
    if pd is None or pd.precision != "day" or pd.until is not None:
        problems.append(Problem("not a date", file=file, field=where, value=str(value)))
        return None
    return pd.earliest


def _entries(
    file: str,
    state_name: str,
    alpha3: str,
    tid: str,
    treaty_name: str,
    entry: dict[str, object],
    problems: list[Problem],
) -> list[HarvestAct]:
    actions = entry.get("actions") or []
    dates = entry.get("dates") or []
    places = entry.get("places") or []
    if not (isinstance(actions, list) and isinstance(dates, list) and isinstance(places, list)):
        problems.append(Problem("actions, dates and places must be lists", file=file))
        return []
    if not len(actions) == len(dates) == len(places):
        problems.append(
            Problem(
                f"{len(actions)} actions, {len(dates)} dates and {len(places)} places",
                file=file,
                field=f"{state_name}/{treaty_name}",
                hint="each entry needs an action, a date and a place",
            )
        )
        return []
    out = []
    for i, (action, day_text, place) in enumerate(zip(actions, dates, places, strict=True)):
        where = f'"{state_name}" / "{treaty_name}" #{i + 1}'
        kind = ACTIONS.get(str(action))
        day = _day(day_text, where, file, problems)
        if kind is None:
            problems.append(Problem("unknown action", file=file, field=where, value=str(action)))
            continue
        if day is None:
            continue
        dep = "" if place in SOLE_DEPOSITARY else str(place)
        line = f"{file} {where}: {action}, {day_text}, {place}"
        state = alpha3
        if alpha3 in LISTED_UNDER_SUCCESSOR and day < LISTED_UNDER_SUCCESSOR[alpha3][1]:
            state = LISTED_UNDER_SUCCESSOR[alpha3][0]
            line += f" (an act of {state}, listed under {alpha3})"
        out.append(HarvestAct(tid, state, kind, day, dep, line))
    return out


def _protocols(
    file: str,
    state_name: str,
    alpha3: str,
    treaty_name: str,
    entry: dict[str, object],
    problems: list[Problem],
) -> list[HarvestAct]:
    names = entry.get("protocolnames") or []
    actions = entry.get("protocolactions") or []
    dates = entry.get("protocoldates") or []
    if not (isinstance(names, list) and isinstance(actions, list) and isinstance(dates, list)):
        return []
    out = []
    for i, (pname, action, day_text) in enumerate(zip(names, actions, dates, strict=False)):
        where = f'"{state_name}" / "{treaty_name}" protocol #{i + 1}'
        tid = PROTOCOLS.get(str(pname))
        kind = ACTIONS.get(str(action))
        if tid is None or kind is None:
            problems.append(
                Problem("unknown protocol or action", file=file, field=where, value=str(pname))
            )
            continue
        day = _day(day_text, where, file, problems)
        if day is None:
            continue
        line = f"{file} {where}: {pname}: {action}, {day_text}"
        out.append(HarvestAct(tid, alpha3, kind, day, "", line))
    return out


def latest(harvest: list[HarvestAct]) -> date:
    """The harvest's last day: its latest entry, or the day its data were committed."""
    return max([HARVESTED, *(h.date for h in harvest)])


# --- the diff ---------------------------------------------------------------------------


def _same_depositary(ours: Act, theirs: HarvestAct) -> bool:
    return not ours.depositary or not theirs.depositary or ours.depositary == theirs.depositary


def _same_day(ours: PartialDate, theirs: date) -> bool:
    return ours.precision == "day" and ours.until is None and ours.earliest == theirs


def compare(
    record: list[Act],
    harvest: list[HarvestAct],
    until: date = HARVESTED,
    states: dict[str, State] | None = None,
) -> list[Difference]:
    """What the harvest and the record disagree on, treaty by treaty and state by state.

    The record's acts after ``until`` and of kinds the harvest never holds (withdrawals,
    suspensions) are not compared. An act matches when kind, day and depositary agree
    (a record row that names no depositary matches any).
    """
    ours_by: dict[tuple[str, str], list[Act]] = defaultdict(list)
    for act in record:
        if act.kind in COMPARED and act.day <= until:
            ours_by[(act.treaty, act.state)].append(act)
    theirs_by: dict[tuple[str, str], list[HarvestAct]] = defaultdict(list)
    for h in harvest:
        theirs_by[(h.treaty, h.state)].append(h)
    out: list[Difference] = []
    for key in sorted(set(ours_by) | set(theirs_by)):
        ours, theirs = ours_by.get(key, []), theirs_by.get(key, [])
        if states is not None and key[1] in states:
            ours, theirs, decided = _decided(key, ours, theirs, states)
            out.extend(decided)
        out.extend(_compare_pair(key, ours, theirs))
    return out


def _decided(
    key: tuple[str, str], ours: list[Act], theirs: list[HarvestAct], states: dict[str, State]
) -> tuple[list[Act], list[HarvestAct], list[Difference]]:
    """The differences the record makes on purpose, each with its reason (docs/data.md):
    acts UNODA lists under a state from before the record's start of that state (the two
    Yemens' acts, held as Yemen's succession at the union; the interwar Baltic republics'),
    and acts of states that no longer exist, which UNODA's per-state pages do not list."""
    tid, alpha3 = key
    st = states[alpha3]
    start = legal_start(states, alpha3)
    out: list[Difference] = []
    # An act the record holds as the harvest gives it (Kiribati's NPT succession, dated
    # 1975 by UNODA, before independence, and counted from independence by the law) is
    # compared as usual; only the acts the record does not hold are decisions.
    held = {(a.kind, a.date.earliest, a.depositary) for a in ours if not a.alternate}
    before = [
        h
        for h in theirs
        if start is not None and h.date < start and (h.kind, h.date, h.depositary) not in held
    ]
    if before:
        union = [a for a in ours if a.kind is ActKind.SUCCESSION and a.date.earliest == start]
        why = (
            f"dated before {st.name} exists in the record ({start}); held as its succession "
            "on that day"
            if union
            else f"dated before {st.name} exists in the record ({start}); not applied, its "
            "status declared unknown (coverage.missing)"
        )
        out.extend(Difference("decision", tid, alpha3, h, None, why) for h in before)
        theirs = [h for h in theirs if h not in before]
        for a in union:
            why = "the succession at the union that stands for the predecessors' acts"
            out.append(Difference("decision", tid, alpha3, None, a, why))
        ours = [a for a in ours if a not in union]
    if st.end is not None and not theirs:
        why = f"{st.name} ceased to exist in {st.end.year}; UNODA lists current states only"
        out.extend(Difference("decision", tid, alpha3, None, a, why) for a in ours)
        ours = []
    return ours, theirs, out


def _take(pool: list[Act], test: object) -> Act | None:
    for act in pool:
        if test(act):  # type: ignore[operator]
            pool.remove(act)
            return act
    return None


def _compare_pair(
    key: tuple[str, str], ours: list[Act], theirs: list[HarvestAct]
) -> list[Difference]:
    tid, state = key
    followed = [a for a in ours if not a.alternate]
    alternates = [a for a in ours if a.alternate]
    left: list[HarvestAct] = []
    out: list[Difference] = []
    for h in theirs:  # exact matches first, so that a near match never steals one
        if _take(
            followed,
            lambda a, h=h: (
                a.kind is h.kind and _same_day(a.date, h.date) and _same_depositary(a, h)
            ),
        ):
            continue
        left.append(h)
    rest: list[HarvestAct] = []
    for h in left:
        # the record's row already names the day this depositary's copy duplicates
        twin = [a for a in ours if a.kind is h.kind and _same_day(a.date, h.date)]
        if twin and not h.depositary:
            continue
        alt = _take(alternates, lambda a, h=h: a.kind is h.kind and _same_day(a.date, h.date))
        if alt is not None:
            out.append(Difference("alternate", tid, state, h, alt))
            continue
        rest.append(h)
    for h in rest:
        ours_same_kind = _take(followed, lambda a, h=h: a.kind is h.kind and _same_depositary(a, h))
        if ours_same_kind is not None:
            out.append(Difference("date", tid, state, h, ours_same_kind))
            continue
        other_kind = _take(
            followed,
            lambda a, h=h: (
                a.kind in CONSENT
                and h.kind in CONSENT
                and a.date.contains(h.date)
                and _same_depositary(a, h)
            ),
        )
        if other_kind is not None:
            out.append(Difference("kind", tid, state, h, other_kind))
            continue
        out.append(Difference("new", tid, state, h, None))
    for a in followed:
        out.append(Difference("missing", tid, state, None, a))
    return out


# --- the command ----------------------------------------------------------------------------


def run(
    path: Path,
    treaty: str | None = None,
    fmt: str = "text",
    apply: bool = False,
    root: Path | None = None,
) -> str:
    """``treatywatch import unoda FILE``: the diff, and with ``apply`` the new acts written."""
    root = root or bundled_path()
    dataset, _ = read_data(root)
    harvest, problems = read(path, dataset.states)
    if problems:
        raise DataError(problems)
    if treaty is not None:
        known = sorted(set(TREATIES.values()) | set(PROTOCOLS.values()))
        if treaty not in known:
            raise UsageError(
                f"the UNODA harvest has no treaty {treaty!r}; it has: {', '.join(known)}"
            )
        harvest = [h for h in harvest if h.treaty == treaty]
    covered = set(TREATIES.values()) | set(PROTOCOLS.values())
    # one treaty named: compared even before its YAML exists (then every act is new)
    loaded = covered & set(dataset.treaties) if treaty is None else {treaty}
    in_record = [h for h in harvest if h.treaty in loaded]
    record = [a for a in dataset.acts if a.treaty in loaded]
    diffs = compare(record, in_record, latest(harvest), dataset.states)
    absent = sorted({h.treaty for h in harvest} - loaded)
    written = _apply(dataset, diffs, root) if apply else 0
    if fmt == "json":
        return json.dumps(
            {
                "source": SOURCE_ID,
                "harvested": HARVESTED.isoformat(),
                "compared": sorted(loaded),
                "not_in_record": absent,
                "differences": [d.to_dict() for d in diffs],
                "written": written,
            },
            indent=2,
            ensure_ascii=False,
        )
    return render(diffs, sorted(loaded), absent, written, latest(harvest))


def render(
    diffs: list[Difference],
    compared: list[str],
    absent: list[str],
    written: int,
    until: date = HARVESTED,
) -> str:
    """The diff as text, one line per difference, then a summary."""
    lines = [d.describe() for d in diffs]
    counts: dict[str, int] = defaultdict(int)
    for d in diffs:
        counts[d.what] += 1
    summary = ", ".join(f"{n} {w}" for w, n in sorted(counts.items())) or "no differences"
    lines.append(
        f"UNODA harvest (to {until}) against the record for {len(compared)} treaty(ies): {summary}"
    )
    if absent:
        lines.append(f"not in the record (not compared): {', '.join(absent)}")
    if written:
        lines.append(f"written: {written} new act(s); run `treatywatch validate`")
    return "\n".join(lines)


def _apply(dataset: Dataset, diffs: list[Difference], root: Path) -> int:
    """Append the ``new`` acts to each treaty's acts file (created if needed) and the
    harvest's source to sources.csv. Dates and kinds that differ are left for review."""
    new = [d.theirs for d in diffs if d.what == "new" and d.theirs is not None]
    if not new:
        return 0
    for tid in sorted({h.treaty for h in new}):
        if not (root / "treaties" / f"{tid}.yaml").exists():
            raise UsageError(
                f"no treaties/{tid}.yaml in {root}: write the treaty's law before its acts"
            )
    if SOURCE_ID not in dataset.sources:
        _append_rows(root / "sources.csv", [SOURCE_ROW])
    by_treaty: dict[str, list[HarvestAct]] = defaultdict(list)
    for h in new:
        by_treaty[h.treaty].append(h)
    for tid, acts in by_treaty.items():
        acts.sort(key=lambda h: (h.state, h.date, h.kind.value, h.depositary))
        _append_rows(root / "acts" / f"{tid}.csv", [h.row() for h in acts])
    return len(new)


ACT_COLUMNS = ("state", "kind", "date", "effective", "depositary", "reading", "sources", "note")


def _append_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Append rows under the file's own header (a new file gets the acts header)."""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        header = next(csv.reader(io.StringIO(text)))
    else:
        text, header = "", list(rows[0]) if "id" in rows[0] else list(ACT_COLUMNS)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    if not text:
        writer.writeheader()
    elif not text.endswith("\n"):
        buf.write("\n")
    for row in rows:
        writer.writerow(row)
    with path.open("a", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
