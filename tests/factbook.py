"""Reading the World Factbook land-boundary extract (tests/factbook_2026/) and the GEC -> ISO
table (treatywatch/data/gec_iso.csv), to check borders.csv against them.

The Factbook keys its files by GEC code (formerly FIPS 10-4) and names neighbours in prose:
"Lithuania (Kaliningrad Oblast) 261 km", "China (southeast) 4,133 km and China (south) 46
km", "Jordan 327 km (20 km are within the Dead Sea)". A state's side of a border is the sum
of what every file mapped to that state lists for the other: Cyprus-UK is what the Akrotiri
and Dhekelia files list, Israel-Palestine what the West Bank and Gaza Strip files list.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = ROOT / "tests" / "factbook_2026" / "land_boundaries.json"
GEC_TABLE = ROOT / "treatywatch" / "data" / "gec_iso.csv"

#: The fields of "Land boundaries" that list neighbours with lengths.
LIST_FIELDS = ("border countries", "border sovereign base areas", "regional borders")

#: A file that is not a geographic entity: the repository's index of field counts.
NOT_ENTITIES = ("meta/categories",)

_ENTRY = re.compile(
    r"(?P<name>[A-Z][^;,()\d]*?)\s*(?:\((?P<qual>[^)]*)\)\s*)?"
    r"(?P<km>\d[\d,]*(?:\.\d+)?)\s*km(?:\s*\((?P<remark>[^)]*)\))?"
)


@dataclass(frozen=True)
class Entry:
    """One neighbour named in a file's list, as written."""

    name: str
    qualifier: str
    km: float
    remark: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.qualifier})" if self.qualifier else self.name


@dataclass(frozen=True)
class Gec:
    """One row of gec_iso.csv."""

    gec: str
    name: str
    iso_alpha3: str
    state: str
    status: str
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    note: str


def _clean(text: str) -> str:
    return re.sub(r"<[^>]+>", "", html.unescape(text)).replace("\xa0", " ").strip()


def parse_list(text: str) -> list[Entry]:
    """The neighbours a "border countries" text names, with their lengths."""
    out = []
    for m in _ENTRY.finditer(_clean(text)):
        out.append(
            Entry(
                m["name"].strip(),
                (m["qual"] or "").strip(),
                float(m["km"].replace(",", "")),
                (m["remark"] or "").strip(),
            )
        )
    return out


def extract() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(EXTRACT.read_text(encoding="utf-8"))
    return data


def gec_of(path: str) -> str:
    """`europe/gm` -> `GM`."""
    return path.rsplit("/", 1)[1].upper()


def entries(record: dict[str, object]) -> list[Entry]:
    """Every neighbour a file lists, from all its list fields."""
    lb = record.get("land_boundaries")
    if not isinstance(lb, dict):
        return []
    out: list[Entry] = []
    for field in LIST_FIELDS:
        value = lb.get(field)
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            out += parse_list(value["text"])
    return out


def gec_table(path: Path = GEC_TABLE) -> dict[str, Gec]:
    out = {}
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            split = [s.strip() for s in r["aliases"].split(";") if s.strip()]
            srcs = [s.strip() for s in r["sources"].split(";") if s.strip()]
            out[r["gec"]] = Gec(
                r["gec"],
                r["name"],
                r["iso_alpha3"],
                r["state"],
                r["status"],
                tuple(split),
                tuple(srcs),
                r["note"],
            )
    return out


def name_index(table: dict[str, Gec]) -> dict[str, str]:
    """Every name the Factbook uses for an entity in a list -> its GEC code."""
    out: dict[str, str] = {}
    for g in table.values():
        for n in (g.name, *g.aliases):
            if n:
                out[n] = g.gec
    return out


def resolve(entry: Entry, names: dict[str, str]) -> str | None:
    """The GEC code of a listed neighbour: its full label first ("Saint Martin (France)"),
    then its name ("Russia" in "Russia (Kaliningrad Oblast)")."""
    return names.get(entry.label) or names.get(entry.name)


@dataclass(frozen=True)
class Side:
    """One state's side of a border: the sum of what its files list for the other state."""

    km: float
    files: tuple[str, ...]  # GEC codes of the files that list it
    entries: tuple[tuple[str, Entry], ...]  # (file GEC, entry) as written


def sides(
    data: dict[str, dict[str, object]], table: dict[str, Gec]
) -> dict[tuple[str, str], dict[str, Side]]:
    """{(a, b) with a < b: {state whose files list it: Side}} for every pair of states in
    the record that the extract lists; lists that name an entity with no state in the
    record, or a part of the same state (Hong Kong's "regional border" with China), are left
    out (see `unrepresented`)."""
    names = name_index(table)
    acc: dict[tuple[str, str], dict[str, list[tuple[str, Entry]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for path, record in data.items():
        if path in NOT_ENTITIES:
            continue
        own = table[gec_of(path)].state
        for e in entries(record):
            code = resolve(e, names)
            if code is None:
                raise KeyError(f"{path}: no GEC row names {e.label!r}")
            other = table[code].state
            if not own or not other or own == other:
                continue
            a, b = sorted((own, other))
            acc[(a, b)][own].append((gec_of(path), e))
    out: dict[tuple[str, str], dict[str, Side]] = {}
    for pair, by_side in acc.items():
        out[pair] = {}
        for st, listed in by_side.items():
            km = round(sum(e.km for _, e in listed), 3)
            files = tuple(dict.fromkeys(g for g, _ in listed))
            out[pair][st] = Side(km, files, tuple(listed))
    return out


def unrepresented(
    data: dict[str, dict[str, object]], table: dict[str, Gec]
) -> list[tuple[str, Entry, str]]:
    """Listed boundaries with no pair of distinct states in the record: (file GEC, entry,
    why)."""
    names = name_index(table)
    out = []
    for path, record in data.items():
        if path in NOT_ENTITIES:
            continue
        own = table[gec_of(path)]
        for e in entries(record):
            code = resolve(e, names)
            assert code is not None
            other = table[code]
            if not own.state:
                out.append((own.gec, e, f"{own.gec} has no state in the record"))
            elif not other.state:
                out.append((own.gec, e, f"{other.gec} has no state in the record"))
            elif own.state == other.state:
                out.append((own.gec, e, f"both sides are {own.state}"))
    return out


def source_id(gec: str) -> str:
    """The sources.csv id of a Factbook file of the extract."""
    return f"factbook-2026-{gec.lower()}"


def entries_of(data: dict[str, dict[str, object]], gec: str) -> list[Entry]:
    """The neighbours the file of one GEC code lists (none if it has no file)."""
    for path, record in data.items():
        if path not in NOT_ENTITIES and gec_of(path) == gec:
            return entries(record)
    return []
