"""The law of the treaties loaded from the UNODA harvest, case by case on the real record.

Each case: a state, a treaty, a day, the status the record must give, and the article the
status rests on (the reason that opened the span, or its latest reason).
"""

from __future__ import annotations

from datetime import date

import pytest

from treatywatch.ledger import Ledger
from treatywatch.model import Status

from .treatycases import Case, case_id, check_case

CASES = [
    # NPT: several depositaries, the first deposit counts (Art. IX(4)).
    Case("npt", "CHN", "1992-03-08", Status.NOT_PARTY, "", "before its first deposit"),
    Case("npt", "CHN", "1992-03-09", Status.PARTY, "Art. IX(4)", "London deposit, the first"),
    Case("npt", "IRL", "1970-03-04", Status.CONSENTED, "Art. IX(4)", "ratified before EIF"),
    Case("npt", "IRL", "1970-03-05", Status.PARTY, "Art. IX(3)", "the treaty's own EIF"),
    Case("npt", "USA", "1970-03-05", Status.PARTY, "Art. IX(3)", "a depositary, on EIF"),
    Case("npt", "PRK", "1993-06-10", Status.WITHDRAWAL_PENDING, "Art. X(1)", "1993 notice"),
    Case("npt", "PRK", "1993-06-12", Status.PARTY, "VCLT Art. 68", "1993 notice suspended"),
    Case("npt", "PRK", "2003-04-09", Status.WITHDRAWAL_PENDING, "Art. X(1)", "three months"),
    Case("npt", "PRK", "2003-04-10", Status.WITHDRAWN, "Art. X(1)", "2003 notice effective"),
    Case("npt", "YEM", "1990-05-22", Status.PARTY, "VCSST", "the union of the Yemens"),
    Case("npt", "IND", "2026-01-01", Status.NOT_PARTY, "", "never signed"),
    # BWC: Art. XIV(3) EIF on the depositaries' deposits, Art. XIV(4) on deposit.
    Case("bwc", "USA", "1975-03-26", Status.PARTY, "Art. XIV(3)", "deposited on EIF day"),
    Case("bwc", "GBR", "1975-03-25", Status.SIGNATORY, "Art. XIV(1)", "a depositary, before"),
    Case("bwc", "DNK", "1975-03-25", Status.CONSENTED, "Art. XIV(4)", "deposited before EIF"),
    Case("bwc", "KIR", "2025-05-19", Status.NOT_PARTY, "", "before its accession"),
    Case("bwc", "KIR", "2025-05-20", Status.PARTY, "Art. XIV(4)", "bound on deposit"),
    Case("bwc", "TZA", "2019-08-14", Status.PARTY, "Art. XIV(4)", "ratified 2019 in London"),
    Case("bwc", "EGY", "2026-01-01", Status.SIGNATORY, "Art. XIV(1)", "signed, never ratified"),
    # ENMOD: in force on the 20th ratification (Art. IX(3)), later joiners on deposit (IX(4));
    # no withdrawal clause, so the Vienna Convention's fallback (VCLT Art. 56) would apply.
    Case("enmod", "USA", "1980-01-17", Status.PARTY, "Art. IX(4)", "ratified after EIF"),
    Case("enmod", "USA", "1980-01-16", Status.SIGNATORY, "Art. IX(1)", "signed in 1977"),
    Case("enmod", "CSK", "1978-10-05", Status.PARTY, "Art. IX(3)", "among the first 20"),
    Case("enmod", "CSK", "1993-01-01", Status.NOT_PARTY, "", "ceased to exist"),
    Case("enmod", "FRA", "2026-01-01", Status.NOT_PARTY, "", "never joined"),
    # PTBT: in force when the three Original Parties deposited (Art. III(3)), later on deposit
    # (III(4)); withdrawal: three months' notice, supreme interests (Art. IV).
    Case("ptbt", "GBR", "1963-10-10", Status.PARTY, "Art. III(3)", "an Original Party"),
    Case("ptbt", "GBR", "1963-10-09", Status.SIGNATORY, "Art. III(1)", "signed 5 Aug 1963"),
    Case("ptbt", "YUG", "1964-01-31", Status.PARTY, "Art. III(4)", "SFRY, listed under Serbia"),
    Case("ptbt", "YUG", "1992-04-27", Status.NOT_PARTY, "", "Yugoslavia ceased to exist"),
    Case("ptbt", "NGA", "1967-02-17", Status.PARTY, "Art. III(4)", "first deposit, London"),
    Case("ptbt", "FRA", "2026-01-01", Status.NOT_PARTY, "", "never signed"),
    # Outer Space Treaty: in force on the depositaries' deposits (Art. XIV(3)), later on
    # deposit (XIV(4)); withdrawal one year after receipt (Art. XVI).
    Case("outer_space", "USA", "1967-10-10", Status.PARTY, "Art. XIV(3)", "a depositary"),
    Case("outer_space", "CHN", "1983-12-30", Status.PARTY, "Art. XIV(4)", "accession"),
    Case("outer_space", "MNE", "2018-01-01", Status.NOT_PARTY, "", "SFRY signature not doubled"),
    # Sea-Bed Treaty: Art. X(3)-(4), withdrawal Art. VIII (supreme interests, three months).
    Case("seabed", "GBR", "1972-05-18", Status.PARTY, "Art. X(3)", "a depositary, on EIF"),
    Case("seabed", "MNE", "2006-06-03", Status.PARTY, "VCSST", "the date of succession"),
    # CCW Protocol IV: six months after the 20th notification (Art. 2; CCW 5(3)), then six
    # months after each notification (CCW 5(4)).
    Case("ccw_p4", "AFG", "2017-08-09", Status.CONSENTED, "Art. CCW 5(4)", "notified"),
    Case("ccw_p4", "AFG", "2018-02-09", Status.PARTY, "Art. CCW 5(4)", "six months later"),
    # Moon Agreement: 30th day after the 5th ratification (Art. 19(3)), later 30th day after
    # deposit (19(4)); withdrawal one year after receipt (Art. 20).
    Case("moon", "AUT", "1984-07-11", Status.PARTY, "Art. 19(3)", "the fifth ratification"),
    Case("moon", "SAU", "2012-08-17", Status.PARTY, "Art. 19(4)", "30 days after"),
    Case("moon", "SAU", "2024-01-04", Status.WITHDRAWAL_PENDING, "Art. 20", "notice pending"),
    Case("moon", "SAU", "2024-01-05", Status.WITHDRAWN, "Art. 20", "one year after receipt"),
    Case("moon", "FRA", "2026-01-01", Status.SIGNATORY, "Art. 19(1)", "signed 1980 only"),
    # Nuclear Terrorism Convention: 30th day after the 22nd instrument (Art. 25(1)), later the
    # 30th day after deposit (25(2)); denunciation one year after receipt (Art. 27).
    Case("icsant", "BGD", "2007-07-07", Status.PARTY, "Art. 25(1)", "the 22nd instrument"),
    Case("icsant", "FRA", "2013-10-10", Status.CONSENTED, "Art. 25(2)", "ratified 2013-09-11"),
    Case("icsant", "FRA", "2013-10-11", Status.PARTY, "Art. 25(2)", "the thirtieth day"),
    Case("icsant", "MNE", "2018-01-01", Status.SIGNATORY, "Art. 24(1)", "signature by succession"),
    # Antarctic Treaty: in force when all signatories had ratified (Art. XIII(5)); acceding
    # states on deposit.
    Case("antarctic", "GBR", "1961-06-22", Status.CONSENTED, "Art. XIII(5)", "ratified 1960"),
    Case("antarctic", "GBR", "1961-06-23", Status.PARTY, "Art. XIII(5)", "all had ratified"),
    Case("antarctic", "POL", "1961-06-23", Status.PARTY, "Art. XIII(5)", "acceded before"),
    Case("antarctic", "ISL", "2015-10-13", Status.PARTY, "Art. XIII(5)", "acceded 2015"),
    # Geneva Protocol: each ratification in force from its deposit (para. 6), the Protocol
    # itself from 1928-02-08; accessions (para. 2); no withdrawal clause.
    Case("geneva_protocol", "FRA", "1928-02-08", Status.PARTY, "para. 6", "ratified 1926"),
    Case("geneva_protocol", "COL", "2015-11-24", Status.PARTY, "para. 2, 6", "accession"),
    Case("geneva_protocol", "USA", "1975-04-10", Status.PARTY, "para. 2, 6", "ratified 1975"),
    # Tlatelolco: in force for a state on the deposit of its waiver of the Art. 28(1)
    # conditions (Art. 28(2)), made with the ratification or later.
    Case("tlatelolco", "BRA", "1994-05-29", Status.CONSENTED, "Art. 28(2)", "ratified 1968"),
    Case("tlatelolco", "BRA", "1994-05-30", Status.PARTY, "Art. 28(2)", "waiver deposited"),
    Case("tlatelolco", "CHL", "1994-01-18", Status.PARTY, "Art. 28(2)", "waiver 1994"),
    Case("tlatelolco", "MEX", "1969-04-25", Status.PARTY, "Art. 28(2)", "in force"),
    Case("tlatelolco", "CUB", "2002-10-23", Status.PARTY, "Art. 28(2)", "the last of 33"),
    # Paraguay: UNODA's deposit (1969-03-19) is followed; the Tractatenblad's 11 June 1971 is
    # kept as an alternate and does not move the day it is bound from.
    Case("tlatelolco", "PRY", "1969-04-25", Status.PARTY, "Art. 28(2)", "UNODA's deposit"),
    # CCW Protocols I-III: in force with the Convention (CCW 5(3)), later six months after
    # each notification (CCW 5(4)).
    Case("ccw_p1", "AUS", "1984-03-28", Status.CONSENTED, "Art. CCW 5(4)", "after the 20th"),
    Case("ccw_p1", "AUS", "1984-03-29", Status.PARTY, "Art. CCW 5(4)", "six months after"),
    Case("ccw_p1", "AUT", "1983-12-02", Status.PARTY, "Art. CCW 5(3)", "with the Convention"),
    Case("ccw_p3", "USA", "2009-07-21", Status.PARTY, "Art. CCW 5(4)", "US 2009 notification"),
    Case("ccw_p2", "USA", "1995-09-24", Status.PARTY, "Art. CCW 5(4)", "US 1995 notification"),
    # CCW Art. 1 amendment: in force 2004-05-18, six months after the 20th instrument.
    Case("ccw_art1", "HUN", "2004-05-18", Status.PARTY, "Art. CCW 8(1)(b), 5(3)", "early"),
    Case("ccw_art1", "PHL", "2022-11-10", Status.PARTY, "Art. CCW 8(1)(b), 5(4)", "late"),
    Case("ccw_art1", "PHL", "2022-11-09", Status.CONSENTED, "Art. CCW 8(1)(b), 5(4)", "pending"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_status_and_article(ledger: Ledger, case: Case) -> None:
    check_case(ledger, case)


def test_the_dprk_reading_is_kept_as_a_dispute(ledger: Ledger) -> None:
    disputes = ledger.disputes("PRK", "npt")
    assert [(str(a.date), str(a.effective)) for a in disputes] == [("2003-01-10", "2003-01-11")]


def test_a_later_depositary_copy_changes_nothing(ledger: Ledger) -> None:
    """China deposited in London (9 Mar), Moscow (12 Mar) and Washington (17 Mar 1992)."""
    spans = ledger.spans("CHN", "npt")
    assert [(s.status, s.start.isoformat()) for s in spans] == [(Status.PARTY, "1992-03-09")]


@pytest.mark.parametrize(
    ("treaty", "count"),
    [
        ("npt", 190),
        ("bwc", 189),
        ("enmod", 78),
        ("ptbt", 125),
        ("ccw_p4", 111),
        ("ccw_art1", 90),
        ("moon", 17),
        ("tlatelolco", 33),
    ],
)
def test_parties_today(ledger: Ledger, treaty: str, count: int) -> None:
    """NPT: 191 deposited (UNODA's count, asserted on load), 190 bound (the DPRK withdrawn
    under the record's reading); BWC: 189 (survivalscores 2026-08, asserted on load);
    ENMOD: 78 (the UN page of 2026-02-03; Czechoslovakia and the GDR no longer count)."""
    assert len(ledger.parties(treaty, date(2026, 12, 1))) == count


@pytest.mark.parametrize(
    ("treaty", "count"),
    [
        ("outer_space", 106),
        ("seabed", 93),
        ("ccw_p1", 118),
        ("ccw_p2", 96),
        ("ccw_p3", 115),
        ("icsant", 113),
        ("antarctic", 53),
        ("geneva_protocol", 137),
    ],
)
def test_parties_when_the_harvest_was_taken(ledger: Ledger, treaty: str, count: int) -> None:
    """Treaties whose record ends with the harvest (coverage.complete_until)."""
    assert len(ledger.parties(treaty, date(2018, 7, 5))) == count


def test_signing_in_a_further_capital_after_depositing_is_a_copy() -> None:
    """NPT Art. IX(1)-(2): Ireland signed in Washington and Moscow on 1 July 1968, deposited
    in Washington that day, and signed in London on 4 July. The London signature changes
    nothing; a second signature at the same depositary (or one naming none) is still wrong."""
    from dataclasses import replace

    from tests.lawcases import EntryRule, acts, treaty
    from treatywatch.law import InForce, derive

    npt_like = treaty(
        late=EntryRule("on_deposit", "IX(4)"),
        opens=date(1968, 7, 1),
        closes=date(1970, 3, 5),
        eif=date(1970, 3, 5),
    )
    rows = acts(
        ("signature", "1968-07-01"), ("ratification", "1968-07-01"), ("signature", "1968-07-04")
    )
    london = [replace(a, depositary="Washington") for a in rows[:2]]
    london.append(replace(rows[2], depositary="London"))
    spans, problems = derive(npt_like, london, InForce(date(1970, 3, 5)))
    assert problems == []
    assert [s.status for s in spans] == [Status.CONSENTED, Status.PARTY]  # same-day sign+ratify
    assert any("London too" in r.text for r in spans[-1].reasons)
    _, problems = derive(npt_like, rows, InForce(date(1970, 3, 5)))
    assert problems and "already consented" in str(problems[0])


def test_enmod_has_no_withdrawal_clause(ledger: Ledger) -> None:
    """Art. VII: unlimited duration, no denunciation clause: VCLT Art. 56 is the fallback."""
    rule = ledger.treaties["enmod"].withdrawal
    assert rule.fallback and rule.article == "VCLT Art. 56(1)"


def test_ptbt_withdrawal_rule(ledger: Ledger) -> None:
    """Art. IV: three months' notice to all other parties, counted from the notice."""
    rule = ledger.treaties["ptbt"].withdrawal
    assert (str(rule.notice), rule.article, rule.counted_from) == ("3 months", "IV", "notice_given")
    # Nigeria's Moscow signature dated after signature closed is kept, not applied
    assert [str(a.date) for a in ledger.disputes("NGA", "ptbt")] == ["1964-09-02"]


def test_paraguays_tlatelolco_deposit_has_two_readings(ledger: Ledger) -> None:
    """UNODA dates Paraguay's instrument 1969-03-19; the Dutch Treaty Series (Trb. 1998, 199)
    lists it as deposited on 11 June 1971. The record follows UNODA and keeps the other."""
    disputes = ledger.disputes("PRY", "tlatelolco")
    assert [(a.kind.value, str(a.date), a.sources) for a in disputes] == [
        ("ratification", "1971-06-11", ("tlatelolco-trb-1998-199",))
    ]
    followed = [
        a
        for a in ledger.dataset.acts
        if a.treaty == "tlatelolco" and a.state == "PRY" and not a.alternate
    ]
    assert [(a.kind.value, str(a.date)) for a in followed] == [
        ("signature", "1967-04-26"),
        ("ratification", "1969-03-19"),
    ]


def test_the_dutch_treaty_series_confirms_tlatelolco_acts(ledger: Ledger) -> None:
    """Trb. 1998, 199 gives the day UNODA gives for 23 signatures and ratifications of the
    Treaty (the later signers and ratifiers); each cites both."""
    cited = [
        (a.state, a.kind.value)
        for a in ledger.dataset.acts
        if a.treaty == "tlatelolco" and not a.alternate and "tlatelolco-trb-1998-199" in a.sources
    ]
    assert len(cited) == 23
    assert ("CUB", "signature") in cited and ("LCA", "ratification") in cited
    assert all(
        "unoda-harvest-2018" in a.sources
        for a in ledger.dataset.acts
        if a.treaty == "tlatelolco" and "tlatelolco-trb-1998-199" in a.sources and not a.alternate
    )


def test_an_unexplained_instrument_is_kept_not_applied(ledger: Ledger) -> None:
    """Sea-Bed: UNODA's "ratification" by Saint Kitts and Nevis in 1972 (before independence,
    no signature) is an alternate reading, and its status is declared unknown."""
    assert [a.kind.value for a in ledger.disputes("KNA", "seabed")] == ["ratification"]
    assert not ledger.treaties["seabed"].complete_for("KNA", date(2018, 1, 1))
    rule = ledger.treaties["seabed"].withdrawal
    assert (str(rule.notice), rule.article) == ("3 months", "VIII")


def test_ratifying_an_instrument_never_open_for_signature_needs_none() -> None:
    """The CCW's 2001 amendment is ratified, accepted or acceded to, never signed: a
    ratification without a signature is no problem there, but is where signature was open."""
    from tests.lawcases import EntryRule, acts, treaty
    from treatywatch.law import InForce, derive

    amendment = treaty(late=EntryRule("months_after", "5(4)", months=6), opens=None, closes=None)
    spans, problems = derive(
        amendment, acts(("ratification", "2004-02-12")), InForce(date(2004, 5, 18))
    )
    assert problems == [] and spans[-1].status is Status.PARTY
    assert "not in the record" not in spans[0].reasons[0].text
    signable = treaty(late=EntryRule("months_after", "5(4)", months=6))
    _, problems = derive(signable, acts(("ratification", "2004-02-12")), InForce(date(1999, 3, 1)))
    assert problems and "never signed" in str(problems[0])


def test_a_recorded_threshold_day_splits_early_and_late_joiners() -> None:
    """CCW Protocols I-III: the 20th notification (1983-06-02) is not derivable (early
    notifications of states that no longer exist are missing); a state notifying after it is
    bound six months after its own notification (CCW 5(4)), not on entry into force."""
    from dataclasses import replace

    from tests.lawcases import EntryRule, acts, treaty
    from treatywatch.law import InForce, derive
    from treatywatch.model import TreatyEntry

    late = EntryRule("months_after", "CCW 5(4)", months=6, after="threshold")
    base = replace(
        treaty(late=late, opens=None, closes=None, eif=date(1983, 12, 2)),
        adopted=date(1980, 10, 10),
    )
    assert base.entry is not None
    recorded = replace(base, entry=replace(base.entry, threshold_reached=date(1983, 6, 2)))
    assert isinstance(recorded.entry, TreatyEntry)
    eif = InForce(date(1983, 12, 2))
    for t, bound in ((recorded, "1984-03-29"), (base, "1983-12-02")):
        spans, problems = derive(t, acts(("acceptance", "1983-09-29")), eif)
        assert problems == []
        assert spans[-1].status is Status.PARTY and spans[-1].start.isoformat() == bound
    spans, _ = derive(recorded, acts(("acceptance", "1983-03-14")), eif)
    assert spans[-1].start.isoformat() == "1983-12-02"  # before the 20th: on entry into force


def test_geneva_protocol_interwar_baltic_acts_are_declared_unknown(ledger: Ledger) -> None:
    """UNODA lists the interwar Baltic republics' ratifications under today's states, which the
    record dates from 1990-91: no act is applied and the answer says the record is incomplete."""
    treaty = ledger.treaties["geneva_protocol"]
    assert treaty.withdrawal.fallback  # no withdrawal clause: VCLT Art. 56
    for state in ("EST", "LVA", "LTU"):
        assert ledger.spans(state, "geneva_protocol") == []
        assert not treaty.complete_for(state, date(2018, 1, 1))


def test_composite_question_tlatelolco_not_tpnw(ledger: Ledger) -> None:
    """`treatywatch parties tlatelolco --not-party tpnw`: the zone's states outside the TPNW."""
    on = date(2025, 9, 26)  # the last day the TPNW record is complete
    outside = ledger.select(on, party_of=["tlatelolco"], not_party_of=["tpnw"])
    assert outside == {"ARG", "BHS", "BRB", "BRA", "COL", "HTI", "SUR"}
    assert "MEX" in ledger.bound_set("tpnw", on)  # the other 26 are TPNW parties


def test_waiver_rule_binds_from_a_later_waiver_only() -> None:
    """Art. 28(2): with no waiver date recorded, a ratification binds on deposit (after entry
    into force) or on entry into force; a recorded later waiver binds from its day."""
    from dataclasses import replace

    from tests.lawcases import EntryRule, acts, treaty
    from treatywatch.dates import parse_partial
    from treatywatch.law import InForce, derive

    rule = EntryRule("deposit_or_waiver", "28(2)")
    t = replace(
        treaty(late=rule, opens=date(1967, 2, 14), closes=None, eif=date(1969, 4, 25)),
        adopted=date(1967, 2, 14),
        signatures_complete=False,
    )
    eif = InForce(date(1969, 4, 25))
    spans, _ = derive(t, acts(("ratification", "1977-06-10")), eif)
    assert spans[-1].start == date(1977, 6, 10)
    late = replace(acts(("ratification", "1968-01-29"))[0], effective=parse_partial("1994-05-30"))
    spans, problems = derive(t, [late], eif)
    assert problems == [] and spans[-1].start == date(1994, 5, 30)
    assert spans[0].status is Status.CONSENTED
