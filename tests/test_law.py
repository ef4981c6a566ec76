"""Law cases, table-driven: acts + rules (+ conflicts) -> status on a day, per article."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from tests.lawcases import APMBC, SILENT, acts, treaty
from treatywatch.law import InForce, Succession, derive, status_on
from treatywatch.ledger import Ledger
from treatywatch.model import (
    BOUND,
    CONSENT,
    UNKNOWN_WITHDRAWAL,
    Act,
    ActKind,
    Conflict,
    EntryRule,
    Status,
    Treaty,
)

THRESHOLD_ACT = acts(("ratification", "1998-09-16"))[0]  # the 40th deposit
EIF = InForce(date(1999, 3, 1), THRESHOLD_ACT)
UKR_WAR = Conflict("XXX", "Russia", date(2014, 2, 20), None, ("src",))
ENDED_WAR = Conflict("XXX", "Y", date(2020, 1, 1), date(2027, 5, 9), ("src",))


@dataclass
class Case:
    name: str
    article: str
    acts: list[Act]
    on: str
    status: Status
    since: str | None = None
    until: str | None = None
    treaty: Treaty = APMBC
    in_force: InForce = EIF
    conflicts: list[Conflict] = field(default_factory=list)
    #: the state's date of succession and the VCSST article (a successor state)
    succession: Succession | None = None


D = date.fromisoformat

CASES = [
    Case("no act yet", "-", acts(("signature", "1997-12-03")), "1997-12-02", Status.NOT_PARTY),
    Case(
        "signatory",
        "Art. 15",
        acts(("signature", "1997-12-03")),
        "1998-01-01",
        Status.SIGNATORY,
        "1997-12-03",
    ),
    Case(
        "ratified before the 40th deposit: bound at treaty EIF",
        "Art. 17(1)",
        acts(("signature", "1997-12-03"), ("ratification", "1998-07-31")),
        "1999-02-28",
        Status.CONSENTED,
        "1998-07-31",
        "1999-03-01",
    ),
    Case(
        "bound from treaty EIF",
        "Art. 17(1)",
        acts(("signature", "1997-12-03"), ("ratification", "1998-07-31")),
        "1999-03-01",
        Status.PARTY,
        "1999-03-01",
    ),
    Case(
        "deposited after the 40th: first day of the sixth month",
        "Art. 17(2)",
        acts(("signature", "1997-12-03"), ("ratification", "1998-12-03")),
        "1999-05-31",
        Status.CONSENTED,
        "1998-12-03",
        "1999-06-01",
    ),
    Case(
        "late accession, day of deposit ignored",
        "Art. 17(2)",
        acts(("accession", "2012-01-09")),
        "2012-07-01",
        Status.PARTY,
        "2012-07-01",
    ),
    Case(
        "late accession, consented the day before",
        "Art. 17(2)",
        acts(("accession", "2012-01-09")),
        "2012-06-30",
        Status.CONSENTED,
        "2012-01-09",
        "2012-07-01",
    ),
    Case(
        "approved, kept distinct and bound alike",
        "Art. 16",
        acts(("signature", "1997-12-03"), ("approval", "1999-01-25")),
        "1999-07-01",
        Status.PARTY,
        "1999-07-01",
    ),
    Case(
        "accepted, kept distinct and bound alike",
        "Art. 16",
        acts(("signature", "1997-12-03"), ("acceptance", "1998-09-30")),
        "1999-03-01",
        Status.PARTY,
        "1999-03-01",
    ),
    Case(
        "days_after rule (ATT Art. 22(2))",
        "days_after",
        acts(("accession", "2014-09-25")),
        "2014-12-24",
        Status.PARTY,
        "2014-12-24",
        treaty=treaty(late=EntryRule("days_after", "22(2)", days=90), eif=date(2014, 12, 24)),
    ),
    Case(
        "months_after rule (CCW Art. 5(2)), clamped",
        "months_after",
        acts(("accession", "2025-08-31")),
        "2026-02-28",
        Status.PARTY,
        "2026-02-28",
        treaty=treaty(late=EntryRule("months_after", "5(2)", months=6), eif=date(1983, 12, 2)),
    ),
    Case(
        "first day of month after 60 days (Rome Art. 126(2))",
        "first_day_of_month_after_days",
        acts(("accession", "2003-01-31")),
        "2003-05-01",
        Status.PARTY,
        "2003-05-01",
        treaty=treaty(
            late=EntryRule("first_day_of_month_after_days", "126(2)", days=60), eif=date(2002, 7, 1)
        ),
    ),
    Case(
        "on deposit (NPT Art. IX(4))",
        "on_deposit",
        acts(("accession", "2023-04-04")),
        "2023-04-04",
        Status.PARTY,
        "2023-04-04",
        treaty=treaty(late=EntryRule("on_deposit", "IX(4)"), eif=date(1970, 3, 5)),
    ),
    Case(
        "treaty not in force: consented, open-ended",
        "Art. 17(1)",
        acts(("signature", "1997-12-03"), ("ratification", "1998-01-01")),
        "2030-01-01",
        Status.CONSENTED,
        "1998-01-01",
        None,
        in_force=InForce(None),
    ),
    Case(
        "succession: bound from the date of succession stated",
        "succession",
        acts(("succession", "2011-11-11", "2011-07-09")),
        "2011-08-01",
        Status.PARTY,
        "2011-07-09",
    ),
    Case(
        "succession, no date in the notification: bound from the day the state came into "
        "being (separation: South Sudan, notified 2011-11-11)",
        "VCSST Art. 34(1)",
        acts(("succession", "2011-11-11")),
        "2011-07-09",
        Status.PARTY,
        "2011-07-09",
        succession=Succession(date(2011, 7, 9), "VCSST Art. 34(1)"),
    ),
    Case(
        "succession: the day before the state existed it was not bound",
        "VCSST Art. 34(1)",
        acts(("succession", "2006-10-23")),
        "2006-06-02",
        Status.NOT_PARTY,
        succession=Succession(date(2006, 6, 3), "VCSST Art. 34(1)"),
    ),
    Case(
        "succession of a newly independent state before the treaty's entry into force: "
        "bound from the entry into force, the later date",
        "VCSST Art. 23(1)",
        acts(("succession", "1999-05-01")),
        "1999-03-01",
        Status.PARTY,
        "1999-03-01",
        succession=Succession(date(1998, 1, 1), "VCSST Art. 23(1)"),
    ),
    Case(
        "succession: a date stated in the notification prevails over the state's start",
        "VCSST Art. 34(1)",
        acts(("succession", "2011-11-11", "2011-08-01")),
        "2011-07-31",
        Status.NOT_PARTY,
        succession=Succession(date(2011, 7, 9), "VCSST Art. 34(1)"),
    ),
    Case(
        "succession without a date of succession anywhere: from the notification",
        "succession",
        acts(("succession", "2011-11-11")),
        "2011-11-10",
        Status.NOT_PARTY,
    ),
    Case(
        "withdrawal notice: pending, still bound",
        "Art. 20(2)",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")),
        "2025-07-10",
        Status.WITHDRAWAL_PENDING,
        "2025-07-10",
        "2026-01-10",
    ),
    Case(
        "withdrawal effective six months after receipt",
        "Art. 20(3)",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")),
        "2026-01-10",
        Status.WITHDRAWN,
        "2026-01-10",
    ),
    Case(
        "the day before it takes effect: still bound",
        "Art. 20(3)",
        acts(
            ("signature", "1997-12-03"),
            ("ratification", "2003-05-12"),
            ("withdrawal", "2025-06-27"),
        ),
        "2025-12-26",
        Status.WITHDRAWAL_PENDING,
        "2025-06-27",
        "2025-12-27",
    ),
    Case(
        "notice names a later date",
        "Art. 20(3) with a named date",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10", "2026-03-01")),
        "2026-02-15",
        Status.WITHDRAWAL_PENDING,
        "2025-07-10",
        "2026-03-01",
    ),
    Case(
        "armed conflict when the period ends: held back",
        "Art. 20(3) armed conflict",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")),
        "2026-06-01",
        Status.WITHDRAWAL_SUSPENDED,
        "2026-01-10",
        None,
        conflicts=[UKR_WAR],
    ),
    Case(
        "armed conflict over: withdrawal takes effect then",
        "Art. 20(3) armed conflict",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")),
        "2027-05-09",
        Status.WITHDRAWN,
        "2027-05-09",
        conflicts=[ENDED_WAR],
    ),
    Case(
        "revoked before effect: party again",
        "VCLT Art. 68",
        acts(
            ("accession", "2012-01-09"),
            ("withdrawal", "2025-07-10"),
            ("withdrawal_revoked", "2025-09-01"),
        ),
        "2026-03-01",
        Status.PARTY,
        "2025-09-01",
    ),
    Case(
        "treaty silent on withdrawal: twelve months",
        "VCLT Art. 56(2)",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")),
        "2026-07-09",
        Status.WITHDRAWAL_PENDING,
        "2025-07-10",
        "2026-07-10",
        treaty=SILENT,
    ),
    Case(
        "treaty silent: out after twelve months",
        "VCLT Art. 56(2)",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")),
        "2026-07-10",
        Status.WITHDRAWN,
        "2026-07-10",
        treaty=SILENT,
    ),
    Case(
        "de-ratification: back to signatory",
        "VCLT Art. 18",
        acts(
            ("signature", "1997-12-03"),
            ("ratification", "1998-06-30"),
            ("deratification", "2023-11-02"),
        ),
        "2024-01-01",
        Status.SIGNATORY,
        "2023-11-02",
        in_force=InForce(None),
    ),
    Case(
        "declared suspension: still bound, contested",
        "VCLT Art. 62, 65",
        acts(
            ("signature", "1997-12-03"),
            ("ratification", "2005-12-27"),
            ("suspension", "2025-07-18"),
        ),
        "2025-12-31",
        Status.SUSPENDED,
        "2025-07-18",
    ),
    Case(
        "suspension lifted",
        "VCLT Art. 72",
        acts(
            ("accession", "2012-01-09"),
            ("suspension", "2025-07-18"),
            ("suspension_lifted", "2026-01-01"),
        ),
        "2026-02-01",
        Status.PARTY,
        "2026-01-01",
    ),
    Case(
        "unsigning",
        "VCLT Art. 18(a)",
        acts(("signature", "1997-12-03"), ("signature_withdrawn", "2019-07-18")),
        "2020-01-01",
        Status.SIGNATURE_WITHDRAWN,
        "2019-07-18",
    ),
    Case(
        "treaty ended: nobody bound",
        "treaty end",
        acts(("accession", "2012-01-09")),
        "2026-02-05",
        Status.ENDED,
        "2026-02-05",
        treaty=treaty(ended=date(2026, 2, 5)),
    ),
    Case(
        "withdrawal before the treaty ended still counts",
        "treaty end",
        acts(("accession", "2012-01-09"), ("withdrawal", "2019-02-02")),
        "2019-08-02",
        Status.WITHDRAWN,
        "2019-08-02",
        "2019-08-03",
        treaty=treaty(ended=date(2019, 8, 3)),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.article}: {c.name}")
def test_law_case(case: Case) -> None:
    spans, problems = derive(
        case.treaty,
        case.acts,
        case.in_force,
        case.conflicts,
        succession=case.succession,
    )
    assert problems == []
    span = status_on(spans, D(case.on))
    got = span.status if span else Status.NOT_PARTY
    assert got is case.status
    if case.since is not None:
        assert span is not None and span.start == D(case.since)
    if span is not None:
        assert (span.end.isoformat() if span.end else None) == case.until


@dataclass
class Bad:
    name: str
    acts: list[Act]
    message: str
    treaty: Treaty = APMBC


BAD = [
    Bad("withdrawal by a non-party", acts(("withdrawal", "2025-01-01")), "withdrawal by a state"),
    Bad(
        "withdrawal by a signatory",
        acts(("signature", "1997-12-03"), ("withdrawal", "2025-01-01")),
        "withdrawal by a state that is signatory",
    ),
    Bad(
        "signature before it opened", acts(("signature", "1997-11-01")), "before the treaty opened"
    ),
    Bad("signature after it closed", acts(("signature", "1999-03-01")), "after signature closed"),
    Bad("deposit before the treaty opened", acts(("accession", "1997-10-01")), "deposit before"),
    Bad("ratification without signature", acts(("ratification", "2005-01-01")), "never signed"),
    Bad(
        "revocation after effect",
        acts(
            ("accession", "2012-01-09"),
            ("withdrawal", "2020-01-01"),
            ("withdrawal_revoked", "2021-01-01"),
        ),
        "revocation with no withdrawal pending",
    ),
    Bad(
        "second instrument",
        acts(("accession", "2012-01-09"), ("accession", "2013-01-09")),
        "a second instrument",
    ),
    Bad(
        "effect earlier than the notice allows",
        acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10", "2025-12-01")),
        "earlier than 6 months",
    ),
    Bad("suspension by a non-party", acts(("suspension", "2025-07-18")), "suspension declared"),
    Bad(
        "recorded entry into force disagrees with the rule",
        acts(("accession", "2012-01-09", "2012-08-01")),
        "differs from 2012-07-01",
    ),
]


BAD += [
    Bad(
        "withdrawal under a clause the record lacks",
        acts(("accession", "2012-01-09"), ("withdrawal", "2020-01-01")),
        "withdrawal clause is not in the record",
        treaty=treaty(withdrawal=UNKNOWN_WITHDRAWAL),
    ),
    Bad(
        "fixed date missing",
        acts(("accession", "2003-08-05")),
        "no effective date is recorded",
        treaty=treaty(late=EntryRule("named_date", "49 TEU")),
    ),
]


@pytest.mark.parametrize("case", BAD, ids=lambda c: c.name)
def test_law_refuses(case: Bad) -> None:
    _, problems = derive(case.treaty, case.acts, EIF)
    assert problems, "expected a problem"
    assert case.message in str(problems[0])
    assert problems[0].line is not None


def test_reasons_explain_the_status() -> None:
    spans, _ = derive(APMBC, acts(("accession", "2012-01-09"), ("withdrawal", "2025-07-10")), EIF)
    last = spans[-1]
    articles = [r.article for r in last.reasons]
    assert articles == ["Art. 17(2)", "Art. 17(2)", "Art. 20(2)", "Art. 20(3)"]
    assert "2026-01-10" in last.reasons[2].text
    pending = status_on(spans, D("2025-08-01"))
    assert pending is not None and pending.closed_by is not None
    assert pending.closed_by.article == "Art. 20(3)"


def test_successor_ratifies_its_predecessors_signature() -> None:
    """CFE: the USSR signed; Ukraine ratified as a successor (VCLT Art. 14)."""
    ussr_sig = acts(("signature", "1990-11-19"))[0]
    cfe = treaty(opens=date(1990, 11, 19), closes=None, eif=date(1992, 11, 9))
    spans, problems = derive(
        cfe,
        acts(("ratification", "1992-07-09")),
        InForce(date(1992, 11, 9)),
        inherited_signature=ussr_sig,
    )
    assert problems == []
    span = status_on(spans, D("1992-11-09"))
    assert span is not None and span.status is Status.PARTY
    assert any("predecessor" in r.text for r in span.reasons)
    _, problems = derive(cfe, acts(("ratification", "1992-07-09")), InForce(date(1992, 11, 9)))
    assert problems and "never signed" in str(problems[0])


def test_ratification_without_a_recorded_signature_where_signatures_are_partial() -> None:
    """A treaty whose record holds instruments but not every signature (a monitor gave the
    year a state ratified): the ratification stands and its reason says the signature is
    not in the record; where signatures are complete the same act is a problem."""
    from dataclasses import replace

    npt_like = treaty(
        late=EntryRule("on_deposit", "IX(4)"),
        opens=date(1968, 7, 1),
        closes=date(1970, 3, 5),
        eif=date(1970, 3, 5),
    )
    partial = replace(npt_like, signatures_complete=False)
    ratified = acts(("ratification", "1975-01-01/1975-12-31"))
    spans, problems = derive(partial, ratified, InForce(date(1970, 3, 5)))
    assert problems == []
    span = status_on(spans, D("1976-01-01"))
    assert span is not None and span.status is Status.PARTY
    assert span.start == D("1975-12-31")  # a range counts from its last day
    text = span.reasons[-1].text
    assert "signature is not in the record" in text and "between 1975-01-01" in text
    assert status_on(spans, D("1975-06-30")) is None  # not yet certainly bound
    _, problems = derive(npt_like, ratified, InForce(date(1970, 3, 5)))
    assert problems and "never signed" in str(problems[0])


@pytest.mark.parametrize(
    ("state", "treaty", "day", "since", "article"),
    [
        ("MNE", "apmbc", "2006-06-03", "2006-06-03", "VCSST Art. 34(1)"),
        ("SSD", "apmbc", "2011-07-09", "2011-07-09", "VCSST Art. 34(1)"),
        ("SVK", "ccw", "1993-01-01", "1993-01-01", "VCSST Art. 34(1)"),
        # Serbia continues Serbia and Montenegro, whose date of succession counts
        ("SRB", "ccw", "1992-04-27", "1992-04-27", "VCSST Art. 34(1)"),
        # the date the notification states (Montenegro, CCW) is the same day
        ("MNE", "ccw", "2006-06-03", "2006-06-03", "VCSST Art. 34(1)"),
    ],
)
def test_successions_in_the_record(
    ledger: Ledger, state: str, treaty: str, day: str, since: str, article: str
) -> None:
    """Every succession in the record binds from the date of succession (VCSST Arts. 23,
    34), not from the notification; the reason names the article."""
    ans = ledger.status(state, treaty, D(day))
    assert ans.status is Status.PARTY
    assert ans.span is not None and ans.span.start == D(since)
    assert any(r.article == article for r in ans.reasons)
    before = ledger.status(state, treaty, D(day) - timedelta(days=1))
    assert before.status is not Status.PARTY


def test_every_succession_binds_from_its_date(ledger: Ledger) -> None:
    """No succession in the record counts from its notification when the state is older."""
    checked = 0
    for act in ledger.dataset.acts:
        if act.kind is not ActKind.SUCCESSION or act.alternate:
            continue
        eif = ledger.in_force[act.treaty].date
        bound = [s for s in ledger.spans(act.state, act.treaty) if s.status is Status.PARTY]
        if eif is None:  # a treaty not in force (CTBT): consented only
            assert not bound
            continue
        earlier = [
            x.day
            for x in ledger.dataset.acts
            if x.state == act.state
            and x.treaty == act.treaty
            and x.kind in CONSENT - {ActKind.SUCCESSION}
            and not x.alternate
            and x.day < act.day
        ]
        if earlier:
            # Another instrument came first (Fiji, NPT: an accession at Washington on
            # 1972-07-21, then successions at London and Moscow): the law follows it.
            assert bound[0].start == max(min(earlier), eif), (act.state, act.treaty)
            continue
        st = ledger.states[act.state]
        while st.continues:
            st = ledger.states[st.continues]
        if act.effective:
            succession = act.effective.earliest
        elif st.start is not None:
            succession = st.start
        else:
            # No date of succession known: China's 1952 statement on the Geneva Protocol
            # (a new government's, not a new state's) and Ukraine's 2003 notification (the
            # same participant as the Ukrainian SSR) count from the notification.
            assert (act.state, act.treaty) in {
                ("CHN", "geneva_protocol"),
                ("UKR", "geneva_protocol"),
            }, act.state
            succession = act.day
        article = "VCSST" if act.effective or st.start is not None else "succession of states"
        assert bound[0].start == max(succession, eif), (act.state, act.treaty)
        assert any(r.article.startswith(article) for r in bound[0].reasons), act.state
        checked += 1
    assert checked >= 15


def test_published_count_leaves_out_later_successions(ledger: Ledger) -> None:
    """A count published on a day cannot include a successor that notified later, though
    the law binds it from before that day (BWC, First Review Conference, 1980-03-21)."""
    on = D("1980-03-21")
    ans = ledger.status("SLB", "bwc", on)
    assert ans.status is Status.PARTY
    assert ans.span is not None and ans.span.start == D("1978-07-07")
    assert any(r.article == "VCSST Art. 23(1)" for r in ans.span.reasons)
    bwc = [g.message for g in ledger.gaps if g.file == "treaties/bwc.yaml"]
    assert any(m.startswith("bwc: 84 bound on 1980-03-21, expected 87") for m in bwc), bwc


@pytest.mark.parametrize(
    ("state", "received", "effect"),
    [
        ("NER", "2026-06-18", "2027-06-18"),
        ("BFA", "2026-06-24", "2027-06-24"),
        ("MLI", "2026-06-24", "2027-06-24"),
        ("VEN", "2026-07-24", "2027-07-24"),
        ("TCD", "2026-07-27", "2027-07-27"),
    ],
)
def test_rome_statute_2026_exits_art_127(
    ledger: Ledger, state: str, received: str, effect: str
) -> None:
    """Art. 127(1): one year after receipt; the receipt day is counted back from the effect."""
    assert ledger.status(state, "rome_statute", D(received) - timedelta(days=1)).status is (
        Status.PARTY
    )
    pending = ledger.status(state, "rome_statute", D(received))
    assert pending.status is Status.WITHDRAWAL_PENDING and pending.status in BOUND
    assert any(r.article == "Art. 127(1)" for r in pending.reasons)
    assert ledger.status(state, "rome_statute", D(effect)).status is Status.WITHDRAWN


def test_rome_statute_lag_and_hungary_contested(ledger: Ledger) -> None:
    from treatywatch.render import answer_dict

    before = answer_dict(ledger, ledger.status("HUN", "rome_statute", D("2026-07-01")))
    after = answer_dict(ledger, ledger.status("HUN", "rome_statute", D("2026-12-07")))
    assert before["record_complete"] is True and after["record_complete"] is False
    assert after["status"] == "withdrawn"
    assert [d["act"] for d in after["disputes"]] == ["withdrawal_revoked"]


@pytest.mark.parametrize("text", ["１２３４-01-01", "٢٠٢٥-01-01", "2025-０1-01"])
def test_dates_take_ascii_digits_only(text: str) -> None:
    # Unicode digits are digits to \d; a date in the record or a query is ASCII.
    from treatywatch.dates import parse_day
    from treatywatch.errors import UsageError

    with pytest.raises(UsageError):
        parse_day(text)
