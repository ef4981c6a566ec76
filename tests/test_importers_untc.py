"""The UN Treaty Collection importer: real saved pages, hand-made pages for every marker
and note form, the diff against the record, and --apply."""

from __future__ import annotations

import csv
import io
import json
import shutil
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from treatywatch import data as data_mod
from treatywatch.cli import main
from treatywatch.dates import parse_partial
from treatywatch.errors import UsageError
from treatywatch.importers import untc
from treatywatch.importers.diff import PageAct, apply_to_folder, compare
from treatywatch.model import Act, ActKind

PAGES = Path("/work/shared/reference/untc-2026-02")
needs_pages = pytest.mark.skipif(not PAGES.is_dir(), reason="saved UN pages not present")

#: page -> the record's treaty; done when every import reports no change
RECONCILED = {
    "ottawa.html": "apmbc",
    "ccm.html": "ccm",
    "att.html": "att",
    "ccw.html": "ccw",
    "ccw_p2a.html": "ccw_ap2",
    "ccw_p5.html": "ccw_p5",
    "ctbt.html": "ctbt",
    "cwc.html": "cwc",
    "tpnw.html": "tpnw",
}


@pytest.fixture(scope="module")
def dataset() -> data_mod.Dataset:
    ds, problems = data_mod.read()
    assert not problems
    return ds


@pytest.fixture(scope="module")
def resolve(dataset: data_mod.Dataset):  # type: ignore[no-untyped-def]
    return untc._resolver(dataset.states.values())


def _page(rows: str, notes: str = "", decl: str = "", header: str = "") -> str:
    """A minimal status page in the UN Treaty Collection's markup."""
    head = header or (
        '<td valign="bottom">Participant<br></td><td>Signature<br></td>'
        "<td>Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)<br></td>"
    )
    return f"""<html><head><script>var x = "<tr><td>Nowhere</td></tr>";
</script></head><body>
<form action="./ViewDetails.aspx?src=TREATY&amp;mtdsg_no=XXVI-99&amp;chapter=26"></form>
<div class="treatyCenter">
 99. Test Convention
</div>
<table id="ctl00_x_tblgrid" class="table">
<tr class="thead-one">{head}</tr>
{rows}
</table>
{decl}
<table id="dgNotesAll">{notes}</table>
</body></html>"""


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}<br></td>" for c in cells) + "</tr>\n"


def _note(n: int, text: str) -> str:
    return (
        f'<tr><td><div class="divNotesAll" style="x"><a name=\'{n}\'>{n}</a>'
        f"<index></index>{text}<br><br></div></td></tr>\n"
    )


def _sup(n: int) -> str:
    return f" <SUP><A onclick='ShowNoteAll()' href='#{n}' class='noteIndex'>{n}</A> </SUP>"


# --- hand-made pages: every marker --------------------------------------------------------


def test_every_marker_and_bracket(resolve) -> None:  # type: ignore[no-untyped-def]
    rows = (
        _row("Albania", " &nbsp;8 Sep\t 1998 ", "29 Feb\t 2000 ")
        + _row("Afghanistan", "&nbsp;", "11 Sep\t 2002 a")
        + _row("Andorra", "3 Dec 1997", "29 Jun 1998 A")
        + _row("Denmark", "3 Dec 1997", "8 Jun 1998 AA")
        + _row("Montenegro" + _sup(1), "&nbsp;", "23 Oct\t 2006 d")
        + _row("Finland" + _sup(2), "&nbsp;", "[ &nbsp;9 Jan\t 2012 a]")
        + _row("Bahamas (The)", "3 Dec 1997", "31 Jul 1998")
    )
    page = untc.parse(_page(rows), "t.html", resolve)
    got = {(a.state, a.kind, a.date.isoformat(), a.marker, a.bracketed) for a in page.acts}
    assert ("ALB", "signature", "1998-09-08", "", False) in got
    assert ("ALB", "ratification", "2000-02-29", "", False) in got
    assert ("AFG", "accession", "2002-09-11", "a", False) in got
    assert ("AND", "acceptance", "1998-06-29", "A", False) in got
    assert ("DNK", "approval", "1998-06-08", "AA", False) in got
    assert ("MNE", "succession", "2006-10-23", "d", False) in got
    assert ("FIN", "accession", "2012-01-09", "a", True) in got
    assert ("BHS", "ratification", "1998-07-31", "", False) in got
    assert page.participants == 7
    assert page.mtdsg == "XXVI-99" and page.title == "Test Convention"
    assert not page.problems
    # the script's fake row is not read, and lines point into the file
    assert all(a.participant != "Nowhere" for a in page.acts)
    line = next(a.line for a in page.acts if a.state == "AFG")
    assert "Afghanistan" in _page(rows).splitlines()[line - 1]


def test_protocol_consent_provisional_and_succession_to_signature(resolve) -> None:  # type: ignore[no-untyped-def]
    header = (
        "<td>Participant</td><td>Signature, Succession to signature(d)</td>"
        "<td>Provisional application(n)</td><td>Consent to be bound(P), Succession(d)</td>"
    )
    rows = (
        _row("Albania", "&nbsp;", "&nbsp;", "12 May 2006 P")
        + _row("Belize", "3 Dec 2008", "2 Feb 2009 n", "&nbsp;")
        + _row("Montenegro", "23 Oct 2006 d", "&nbsp;", "23 Oct 2006 d")
        + _row("Serbia", "23 Oct 2006 d", "&nbsp;", "&nbsp;")
        + _row("Atlantis", "1 Jan 2000", "&nbsp;", "&nbsp;")
        + _row("Chile", "soon", "&nbsp;", "&nbsp;")
    )
    page = untc.parse(_page(rows, header=header), "p.html", resolve)
    got = {(a.state, a.kind, a.date.isoformat()) for a in page.acts}
    assert ("ALB", "acceptance", "2006-05-12") in got  # P: consent to be bound
    assert ("BLZ", "provisional_application", "2009-02-02") in got
    # "d" in both columns is one notification of succession
    assert [a.kind for a in page.acts if a.state == "MNE"] == ["succession"]
    # "d" in the signature column alone: a signatory by succession
    assert [a.kind for a in page.acts if a.state == "SRB"] == ["signature"]
    fields = {(p.field, p.value) for p in page.problems}
    assert ("participant", "Atlantis") in fields
    assert ("signature", "soon") in fields


NOTES = (
    _note(
        1,
        "On 27 June 2025, the Government of the Republic of Estonia deposited with the "
        "Secretary-General a notification of withdrawal (See depositary notification "
        "<a href='x'>C.N.360.2025</a>.TREATIES-XXVI-5 of 3 July 2025). The withdrawal took "
        "effect for Estonia on 27 December 2025 in accordance with article 20 (3).",
    )
    + _note(
        2,
        "On 20 August 2025, the Government of Poland deposited with the Secretary-General a "
        "notification of withdrawal (see depositary notification C.N.421.2025 .TREATIES-XXVI-5). "
        "The withdrawal will take effect for Poland on 20 February 2026 in accordance with "
        "article 20 (3), subject to the condition set forth in the said paragraph.",
    )
    + _note(
        3,
        "On 1 March 2026, the Government of Hungary deposited with the Secretary-General a "
        "notification of withdrawal. On 20 May 2026, the Government of Hungary notified the "
        "Secretary-General of its decision to revoke its notification of withdrawal "
        "(C.N.99.2026.TREATIES-XXVI-99).",
    )
    + _note(
        4,
        "Czechoslovakia had signed and ratified the Convention on 10 April 1981 and 31 August "
        "1982, respectively. Democratic Yemen had acceded to the Convention on 12 June 1979.",
    )
    + _note(
        5,
        "In a communication received on 18 July 2019, the Government of the United States of "
        "America informed the Secretary-General of the following: the United States does not "
        "intend to become a party to the treaty.",
    )
    + _note(
        6,
        "On 28 April 2014, the Government of The Netherlands informed the Secretary-General of "
        "the Territorial Application in respect of the Caribbean part of The Netherlands.",
    )
    + _note(7, "On 30 March 2016, the Government of Ukraine made a communication. C.N.121.2016.")
)


def test_every_note_form(resolve) -> None:  # type: ignore[no-untyped-def]
    rows = (
        _row("Estonia" + _sup(1), "&nbsp;", "[12 May 2004 a]")
        + _row("Poland" + _sup(2), "4 Dec 1997", "27 Dec 2012")
        + _row("Hungary" + _sup(3), "3 Dec 1997", "6 Apr 1998")
        + _row("United States of America" + _sup(5), "3 Jun 2013", "&nbsp;")
    )
    page = untc.parse(_page(rows, NOTES), "n.html", resolve)
    kinds = {n.number: n.kind for n in page.notes}
    assert kinds == {
        1: "withdrawal",
        2: "withdrawal",
        3: "revocation",
        4: "predecessor",
        5: "not_party",
        6: "territorial",
        7: "communication",
    }
    est = next(a for a in page.acts if a.state == "EST" and a.kind == "withdrawal")
    assert (est.date, est.effective, est.cn) == (
        date(2025, 6, 27),
        date(2025, 12, 27),
        "C.N.360.2025",
    )
    pol = next(a for a in page.acts if a.state == "POL" and a.kind == "withdrawal")
    assert (pol.effective, pol.cn) == (date(2026, 2, 20), "C.N.421.2025")
    hun = sorted((a.kind, a.date) for a in page.acts if a.state == "HUN" and a.column)
    assert ("withdrawal", date(2026, 3, 1)) in hun
    assert ("withdrawal_revoked", date(2026, 5, 20)) in hun
    usa = next(a for a in page.acts if a.state == "USA" and a.kind == "signature_withdrawn")
    assert usa.date == date(2019, 7, 18)
    csk = sorted((a.kind, a.date) for a in page.acts if a.state == "CSK")
    assert csk == [("ratification", date(1982, 8, 31)), ("signature", date(1981, 4, 10))]
    assert all(a.informative for a in page.acts if a.state == "CSK")
    assert next(n for n in page.notes if n.number == 7).cns == ("C.N.121.2016",)


def test_declarations(resolve) -> None:  # type: ignore[no-untyped-def]
    decl = """
<div id="dgDec_ctl03_divParticipant" class="heading-two">Greece</div>
<div id="dgDec_ctl03_divText" class="content-two"><p><i>Upon signature:</i></p><i>Declaration:</i>
 "text"</td>
<div id="dgDec_ctl04_divParticipant" class="heading-two">Serbia <SUP><A href='#9'>9</A></SUP></div>
<div id="dgDec_ctl04_divText" class="content-two"><i>Confirmed upon succession:</i>
<i>Declaration:</i></td>
<div id="dgDec_ctl05_divParticipant" class="heading-two">Canada</div>
<div id="dgDec_ctl05_divText" class="content-two"><i>Understanding:</i> "text"</td>
"""
    page = untc.parse(_page(_row("Greece", "3 Dec 1997", "25 Sep 2003"), decl=decl), "d", resolve)
    made = {(d.state, d.made) for d in page.declarations}
    assert made == {("GRC", "signature"), ("SRB", "succession"), ("CAN", "consent")}
    assert next(d.labels for d in page.declarations if d.state == "CAN") == ("Understanding",)


def test_not_a_status_page(resolve) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match="no participants table"):
        untc.parse("<html><body>nothing</body></html>", "x.html", resolve)


# --- the diff ------------------------------------------------------------------------------


def _act(
    state: str, kind: str, day: str, *, alt: bool = False, eff: str = "", note: str = ""
) -> Act:
    return Act(
        "t",
        state,
        ActKind(kind),
        parse_partial(day),
        ("s1",),
        parse_partial(eff) if eff else None,
        note=note,
        file="acts/t.csv",
        line=2,
        alternate=alt,
    )


def _pa(state: str, kind: str, day: str, **kw) -> PageAct:  # type: ignore[no-untyped-def]
    return PageAct(state, state, kind, date.fromisoformat(day), 10, f"{state} row", **kw)


def test_compare_every_change() -> None:
    record = [
        _act("AAA", "signature", "2000-01-01"),  # agrees
        _act("BBB", "ratification", "2001-05"),  # day to fill
        _act("CCC", "ratification", "2001-05-02"),  # other day
        _act("DDD", "ratification", "2001-05-02"),  # other kind
        _act("EEE", "withdrawal", "2025-06-27", eff="2025-12-28"),  # effect, C.N.
        _act("FFF", "ratification", "2001-01-01"),  # not on the page
        _act("GGG", "accession", "2018-05-17"),  # the record's reading ...
        _act("GGG", "accession", "2017-12-29", alt=True),  # ... the page's, kept
        _act("HHH", "signature", "2000-01-01", note="not on the depositary's page: cancelled"),
    ]
    page = [
        _pa("AAA", "signature", "2000-01-01"),
        _pa("BBB", "ratification", "2001-05-07"),
        _pa("CCC", "ratification", "2001-05-03"),
        _pa("DDD", "approval", "2001-05-02"),
        _pa("EEE", "withdrawal", "2025-06-27", effective=date(2025, 12, 27), cn="C.N.1.2025"),
        _pa("GGG", "accession", "2017-12-29"),
        _pa("III", "accession", "2020-02-02"),
        _pa("JJJ", "provisional_application", "2020-02-02"),
    ]
    rep = compare("t", "src", page, record)
    changes = {(d.change, d.state) for d in rep.changes}
    assert changes == {
        ("day", "BBB"),
        ("date", "CCC"),
        ("kind", "DDD"),
        ("effective", "EEE"),
        ("reference", "EEE"),
        ("missing", "FFF"),
        ("new", "III"),
    }
    assert {(d.change, d.state) for d in rep.decisions} == {("date", "GGG"), ("missing", "HHH")}
    assert rep.agree == 2 and [p.state for p in rep.skipped] == ["JJJ"]
    # a record that cites the C.N. in a note has nothing to add
    cited = [_act("EEE", "withdrawal", "2025-06-27", note="see C.N.1.2025")]
    again = compare("t", "src", [_pa("EEE", "withdrawal", "2025-06-27", cn="C.N.1.2025")], cited)
    assert not again.differences


def test_apply_to_folder(tmp_path: Path) -> None:
    (tmp_path / "acts").mkdir()
    (tmp_path / "acts" / "t.csv").write_text(
        "state,kind,date,effective,sources,note\n"
        "BBB,ratification,2001-05,,s1,month only\n"
        "CCC,ratification,2001-05-02,,s1,press release\n"
        "EEE,withdrawal,2025-06-27,2025-12-27,s1,\n",
        encoding="utf-8",
    )
    (tmp_path / "sources.csv").write_text(
        "id,url,publisher,title,published,accessed\ns1,https://a.example/,A,A,,\n",
        encoding="utf-8",
    )
    ds_acts = [
        Act("t", "BBB", ActKind.RATIFICATION, parse_partial("2001-05"), ("s1",), line=2),
        Act("t", "CCC", ActKind.RATIFICATION, parse_partial("2001-05-02"), ("s1",), line=3),
        Act(
            "t",
            "EEE",
            ActKind.WITHDRAWAL,
            parse_partial("2025-06-27"),
            ("s1",),
            parse_partial("2025-12-27"),
            line=4,
        ),
    ]
    page = [
        _pa("BBB", "ratification", "2001-05-07"),
        _pa("CCC", "ratification", "2001-05-03"),
        _pa("EEE", "withdrawal", "2025-06-27", cn="C.N.360.2025"),
        _pa("AAA", "accession", "2020-02-02"),
    ]
    rep = compare("t", "untc-x", page, ds_acts)
    src = {"id": "untc-x", "url": "https://treaties.un.org/x", "publisher": "UN", "title": "T"}
    done = apply_to_folder(tmp_path, rep, src, "p.html")
    assert len(done) == 4
    rows = list(csv.DictReader(io.StringIO((tmp_path / "acts" / "t.csv").read_text())))
    by = {(r["state"], r["reading"]): r for r in rows}
    assert by[("AAA", "")]["date"] == "2020-02-02" and by[("AAA", "")]["sources"] == "untc-x"
    assert by[("BBB", "")]["date"] == "2001-05-07"
    assert by[("BBB", "")]["sources"] == "untc-x;s1"
    assert by[("CCC", "")]["date"] == "2001-05-03"
    # the former reading stays, as an alternate with its own source
    assert by[("CCC", "alternate")]["date"] == "2001-05-02"
    assert by[("CCC", "alternate")]["sources"] == "s1"
    assert "C.N.360.2025" in by[("EEE", "")]["note"]
    assert [r["state"] for r in rows] == sorted(r["state"] for r in rows)
    sources = (tmp_path / "sources.csv").read_text()
    assert sources.count("untc-x,") == 1
    # a stale report (the rows it compared have changed) is refused, nothing written
    before = (tmp_path / "acts" / "t.csv").read_text()
    with pytest.raises(UsageError, match="run the import again"):
        apply_to_folder(tmp_path, rep, src, "p.html")
    assert (tmp_path / "acts" / "t.csv").read_text() == before


# --- the real pages ------------------------------------------------------------------------


@needs_pages
@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_real_page_reads_whole(name: str, resolve) -> None:  # type: ignore[no-untyped-def]
    page = untc.parse((PAGES / name).read_text(encoding="utf-8"), name, resolve)
    assert page.mtdsg.startswith("XXVI-") and page.title
    assert page.participants > 80
    # every participant matched; ENMOD's note names Democratic Yemen, a state not in the record
    unmatched = {p.value for p in page.problems}
    assert unmatched == ({"Democratic Yemen"} if name == "enmod.html" else set())
    assert all(a.line > 0 and a.text for a in page.acts)


@needs_pages
def test_real_ottawa_withdrawals(resolve) -> None:  # type: ignore[no-untyped-def]
    page = untc.parse((PAGES / "ottawa.html").read_text(encoding="utf-8"), "o", resolve)
    w = {a.state: (a.date, a.effective, a.cn) for a in page.acts if a.kind == "withdrawal"}
    assert w == {
        "EST": (date(2025, 6, 27), date(2025, 12, 27), "C.N.360.2025"),
        "LVA": (date(2025, 6, 27), date(2025, 12, 27), "C.N.361.2025"),
        "LTU": (date(2025, 6, 27), date(2025, 12, 27), "C.N.362.2025"),
        "FIN": (date(2025, 7, 10), date(2026, 1, 10), "C.N.372.2025"),
        "POL": (date(2025, 8, 20), date(2026, 2, 20), "C.N.421.2025"),
    }
    bracketed = {a.state for a in page.acts if a.bracketed}
    assert {"EST", "FIN"} <= bracketed


@needs_pages
@pytest.mark.parametrize("name", sorted(RECONCILED))
def test_record_reconciled_with_page(name: str, dataset: data_mod.Dataset, resolve) -> None:  # type: ignore[no-untyped-def]
    """Done when: each page shows no difference but the recorded decisions."""
    page = untc.parse((PAGES / name).read_text(encoding="utf-8"), name, resolve)
    texts = {s.id: f"{s.title} {s.url}" for s in dataset.sources.values()}
    rep = compare(RECONCILED[name], "untc", page.acts, dataset.acts, texts)
    assert [untc.line_of(d, name) for d in rep.changes] == []
    assert rep.agree > 90


@needs_pages
def test_cli_json_and_pages_without_a_treaty(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "untc", str(PAGES / "cwc.html"), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["treaty"] == "cwc" and out["differences"] == []
    assert [(d["state"], d["change"]) for d in out["decisions"]] == [("PSE", "date")]
    # ENMOD is in the record now: its page agrees but for Yemen's two recorded decisions,
    # and Czechoslovakia's and the GDR's acts, which only the page's notes state, agree.
    assert main(["import", "untc", str(PAGES / "enmod.html"), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["treaty"] == "enmod" and not [d for d in out["differences"] if not d.get("decision")]
    assert sorted(d["state"] for d in out["decisions"]) == ["YEM", "YEM"]
    assert main(["import", "untc", "/nonexistent.html"]) == 2


@needs_pages
def test_cli_apply_to_a_copy(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(data_mod.bundled_path(), root)
    lines = (root / "acts" / "apmbc.csv").read_text().splitlines()
    kept = [ln for ln in lines if not ln.startswith("EST,withdrawal")]
    (root / "acts" / "apmbc.csv").write_text("\n".join(kept) + "\n")
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert (
            main(["import", "untc", str(PAGES / "ottawa.html"), "--data", str(root), "--apply"])
            == 0
        )
    assert "+ new       EST withdrawal 2025-06-27" in buf.getvalue()
    rows = (root / "acts" / "apmbc.csv").read_text()
    assert "EST,withdrawal,2025-06-27,2025-12-27" in rows
    ds, problems = data_mod.read(root)
    assert not problems
    assert "untc-xxvi-5-2026-02-03" in ds.sources


@needs_pages
def test_cli_apply_with_db_fills_the_review_queue(tmp_path: Path) -> None:
    """A user's --apply goes to the review queue, where `review accept` turns it into an act."""
    from treatywatch.store import Store

    root = tmp_path / "data"
    shutil.copytree(data_mod.bundled_path(), root)
    lines = (root / "acts" / "apmbc.csv").read_text().splitlines()
    kept = [ln for ln in lines if not ln.startswith("FIN,withdrawal")]
    (root / "acts" / "apmbc.csv").write_text("\n".join(kept) + "\n")
    db = str(tmp_path / "overlay.db")
    page = str(PAGES / "ottawa.html")
    args = ["import", "untc", page, "--data", str(root), "--db", db, "--apply"]
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(args) == 0
    assert "applied 1 change(s) to the review queue" in buf.getvalue()
    (item,) = Store(db).queue("pending")
    assert item.claim["state"] == "FIN" and item.claim["action"] == "withdrawal"
    assert item.claim["date"] == "2025-07-10" and item.claim["evidence"]["cn"] == "C.N.372.2025"
    assert "mtdsg_no=XXVI-5" in item.source_url
    with redirect_stdout(io.StringIO()):
        assert main(["review", "accept", str(item.id), "--data", str(root), "--db", db]) == 0
    assert any(a["state"] == "FIN" and a["kind"] == "withdrawal" for a in Store(db).acts())
    # the data folder itself is untouched
    assert "FIN,withdrawal" not in (root / "acts" / "apmbc.csv").read_text()
