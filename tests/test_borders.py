"""Every land border of the World Factbook extract (January 2026) is in the record, under
ISO codes, with the Factbook's files as sources; the GEC -> ISO table covers the extract.

The extract is tests/factbook_2026/land_boundaries.json; the parsing is tests/factbook.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import pytest

from tests import factbook as fb
from treatywatch.docgen import run
from treatywatch.ledger import Ledger

DATA = fb.extract()
TABLE = fb.gec_table()
SIDES = fb.sides(DATA, TABLE)


def _factbook_readings(ledger: Ledger) -> dict[tuple[str, str], dict[float, set[str]]]:
    """{pair: {km: source ids}} of the record's readings that cite a January 2026 file."""
    out: dict[tuple[str, str], dict[float, set[str]]] = defaultdict(dict)
    for b in ledger.dataset.borders:
        ids = {s for s in b.sources if s.startswith("factbook-2026-")}
        if ids:
            out[(b.a, b.b)].setdefault(b.length_km, set()).update(ids)
    return out


# --- the GEC -> ISO table ----------------------------------------------------------------


def test_every_file_of_the_extract_has_a_gec_row() -> None:
    files = {fb.gec_of(p) for p in DATA if p not in fb.NOT_ENTITIES}
    assert len(files) == len(DATA) - len(fb.NOT_ENTITIES) == 261
    assert files <= set(TABLE)
    # A row with no file of its own must be named in some list (French Guiana).
    listed = {fb.resolve(e, fb.name_index(TABLE)) for r in DATA.values() for e in fb.entries(r)}
    assert set(TABLE) - files <= listed
    assert set(TABLE) - files == {"FG"}


def test_every_gec_row_maps_to_a_state_or_says_why_not(ledger: Ledger) -> None:
    states = ledger.states
    for g in TABLE.values():
        assert g.status in {"state", "part", "none"}, g
        assert g.sources or g.status == "none", g
        for s in g.sources:
            assert s in ledger.dataset.sources, (g.gec, s)
        if g.status == "state":
            # its own ISO code is the record's state, except Kosovo (no ISO code: XKX)
            assert g.state in states and (g.iso_alpha3 == g.state or g.gec == "KV"), g
        elif g.status == "part":
            # a territory, dependency or region: its boundaries count as its state's
            assert g.state in states and g.note, g
        else:
            # no state in the record: the reason is stated
            assert not g.state and g.note, g


@pytest.mark.parametrize(
    ("gec", "alpha3"),
    [
        # GEC codes that differ from, or collide with, ISO alpha-2
        ("GM", "DEU"),
        ("GA", "GMB"),
        ("GB", "GAB"),
        ("AU", "AUT"),
        ("AS", "AUS"),
        ("UP", "UKR"),
        ("BO", "BLR"),
        ("BL", "BOL"),
        ("EN", "EST"),
        ("LH", "LTU"),
        ("LG", "LVA"),
        ("RS", "RUS"),
        ("RI", "SRB"),
        ("SZ", "CHE"),
        ("SW", "SWE"),
        ("SP", "ESP"),
        ("AG", "DZA"),
        ("CH", "CHN"),
        ("CG", "COD"),
        ("CF", "COG"),
        ("BM", "MMR"),
        ("IV", "CIV"),
        ("EZ", "CZE"),
        ("KN", "PRK"),
        ("KS", "KOR"),
        ("TU", "TUR"),
        ("VT", "VAT"),
        ("KV", "XKX"),
        ("WE", "PSE"),
        ("GZ", "PSE"),
        ("GI", "GBR"),
        ("AX", "GBR"),
        ("DX", "GBR"),
        ("HK", "CHN"),
        ("NN", "NLD"),
        ("RN", "FRA"),
    ],
)
def test_gec_code_maps_to(gec: str, alpha3: str) -> None:
    assert TABLE[gec].state == alpha3


def test_every_name_in_a_list_resolves() -> None:
    names = fb.name_index(TABLE)
    for path, record in DATA.items():
        for e in fb.entries(record):
            assert fb.resolve(e, names) is not None, (path, e.label)


def test_parser_reads_segments_qualifiers_and_remarks() -> None:
    rs = fb.entries(DATA["central-asia/rs"])
    china = [e for e in rs if e.name == "China"]
    assert [(e.qualifier, e.km) for e in china] == [("southeast", 4133.0), ("south", 46.0)]
    assert any(e.label == "Lithuania (Kaliningrad Oblast)" and e.km == 261.0 for e in rs)
    assert len({e.name for e in rs}) == 14
    ml = fb.entries(DATA["africa/ml"])  # "Niger 838 km, Senegal 489 km": a comma, not ';'
    assert ("Senegal", 489.0) in [(e.name, e.km) for e in ml]
    jordan = next(e for e in fb.entries(DATA["middle-east/is"]) if e.name == "Jordan")
    assert (jordan.km, jordan.remark) == (327.0, "20 km are within the Dead Sea")
    assert fb.parse_list("Botswana 0.15 km; Nigeria 1975 km") == [
        fb.Entry("Botswana", "", 0.15, ""),
        fb.Entry("Nigeria", "", 1975.0, ""),
    ]


# --- the border rows ---------------------------------------------------------------------


def test_every_factbook_pair_has_its_readings(ledger: Ledger) -> None:
    rec = _factbook_readings(ledger)
    assert len(SIDES) > 300
    for pair, by_side in SIDES.items():
        assert pair in rec, pair
        for side in by_side.values():
            assert side.km in rec[pair], (pair, side)
            assert {fb.source_id(g) for g in side.files} <= rec[pair][side.km], (pair, side)


def test_no_factbook_reading_the_extract_does_not_give(ledger: Ledger) -> None:
    rec = _factbook_readings(ledger)
    assert set(rec) == set(SIDES)
    for pair, readings in rec.items():
        assert set(readings) == {s.km for s in SIDES[pair].values()}, pair


def test_sides_that_disagree_are_both_kept_and_noted(ledger: Ledger) -> None:
    differ = {p: s for p, s in SIDES.items() if len({x.km for x in s.values()}) > 1}
    assert set(differ) == {("DEU", "POL"), ("ISR", "JOR"), ("MEX", "USA")}
    for (a, b), by_side in differ.items():
        for st, side in by_side.items():
            other = next(x.km for s2, x in by_side.items() if s2 != st)
            row = next(
                r
                for r in ledger.neighbours(a)[b]
                if r.length_km == side.km and fb.source_id(side.files[0]) in r.sources
            )
            assert f"{other:,.0f}" in row.note, row


def test_one_sided_listings_say_so(ledger: Ledger) -> None:
    one = {p for p, s in SIDES.items() if len(s) == 1}
    assert one == {("BRA", "FRA"), ("FRA", "SUR"), ("CUB", "USA")}
    for a, b in one:
        assert all("entry only" in r.note for r in ledger.neighbours(a)[b])


def test_what_the_record_cannot_hold_is_known() -> None:
    # Listings with no pair of two distinct states in the record: Western Sahara's (no state
    # in the record), Hong Kong's and Macau's "regional borders" (inside China) and the EU's
    # external borders (the member states' own files give them).
    skipped = {(g, why.split(" ")[0]) for g, _, why in fb.unrepresented(DATA, TABLE)}
    assert {g for g, _ in skipped} == {"WI", "HK", "MC", "EE"}
    no_state = {g.gec for g in TABLE.values() if g.status == "none" and fb.entries_of(DATA, g.gec)}
    assert no_state == {"WI", "EE"}


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ("CHN", "RUS", 4179.0),  # China (southeast) 4,133 km and China (south) 46 km
        ("ESP", "MAR", 18.5),  # Ceuta 8 km and Melilla 10.5 km
        ("CYP", "GBR", 156.0),  # Akrotiri 48 km, Dhekelia 108 km
        ("ISR", "PSE", 389.0),  # West Bank 330 km, Gaza Strip 59 km
        ("ESP", "GBR", 1.2),  # Gibraltar
        ("BWA", "ZMB", 0.15),
        ("CAN", "USA", 8891.0),
        ("KAZ", "RUS", 7644.0),
        ("BGD", "IND", 4142.0),
        ("ARG", "CHL", 6691.0),
        ("DEU", "POL", 447.0),  # Germany's entry; Poland's gives 467
        ("DEU", "POL", 467.0),
        ("SRB", "XKX", 366.0),
        ("FRA", "NLD", 16.0),  # Saint Martin / Sint Maarten
        ("BRA", "FRA", 649.0),  # French Guiana
    ],
)
def test_spot_check_lengths(ledger: Ledger, a: str, b: str, km: float) -> None:
    lengths = {r.length_km for r in ledger.neighbours(a)[b]}
    assert km in lengths
    assert lengths == {r.length_km for r in ledger.neighbours(b)[a]}


def test_earlier_readings_are_kept(ledger: Ledger) -> None:
    blr_pol = {r.length_km for r in ledger.neighbours("BLR")["POL"]}
    assert {375.0, 418.0, 398.6, 428.0} <= blr_pol
    assert {209.0, 210.0, 232.0, 206.0, 204.1, 236.3} <= {
        r.length_km for r in ledger.neighbours("POL")["RUS"]
    }


# --- the answers --------------------------------------------------------------------------


def test_russia_has_fourteen_neighbours_with_lengths_and_sources() -> None:
    code, out = run(["borders", "RUS", "--json"])
    assert code == 0
    data = json.loads(out)
    got = {n["state"] for n in data["neighbours"]}
    assert got == {
        "AZE",
        "BLR",
        "CHN",
        "EST",
        "FIN",
        "GEO",
        "KAZ",
        "LTU",
        "LVA",
        "MNG",
        "NOR",
        "POL",
        "PRK",
        "UKR",
    }
    for n in data["neighbours"]:
        assert n["lengths_km"] and all(x["km"] > 0 and x["sources"] for x in n["lengths_km"])
        urls = [s["url"] for x in n["lengths_km"] for s in x["sources"]]
        assert any("8662a8b1" in u for u in urls), n["state"]
    # The Kaliningrad exclave's borders are Russia's, and say so.
    for st in ("LTU", "POL"):
        n = next(n for n in data["neighbours"] if n["state"] == st)
        assert all("Kaliningrad" in x["note"] for x in n["lengths_km"]), st


def test_borders_set_is_the_border_rows_for_every_state(ledger: Ledger) -> None:
    pairs: dict[str, set[str]] = defaultdict(set)
    for b in ledger.dataset.borders:
        pairs[b.a].add(b.b)
        pairs[b.b].add(b.a)
    on = date(2026, 3, 1)
    for st in ledger.states:
        assert ledger.select(on, borders=[st]) == pairs.get(st, set()), st


def test_parties_borders_for_a_state_far_from_europe() -> None:
    argv = ["parties", "apmbc", "--on", "2026-03-01", "--borders", "BRA", "--status", "any"]
    code, out = run([*argv, "--format", "json"])
    assert code == 0
    got = {r["state"] for r in json.loads(out)}
    # Brazil's ten neighbours, France through French Guiana; all are Mine Ban parties.
    assert got == {"ARG", "BOL", "COL", "FRA", "GUY", "PER", "PRY", "SUR", "URY", "VEN"}


def test_china_and_russia_each_border_fourteen(ledger: Ledger) -> None:
    # The extract's World file: "two nations, China and Russia, each border 14 other
    # countries"; Hong Kong's and Macau's "regional borders" are not among them.
    world = DATA["world/xx"]["land_boundaries"]
    assert isinstance(world, dict) and "each border 14 other" in world["text"]
    assert len(ledger.neighbours("CHN")) == len(ledger.neighbours("RUS")) == 14
