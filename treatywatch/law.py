"""The law: a pair's acts + its treaty's rules (+ armed conflicts) -> status spans.

Pure functions, no I/O. Every status a span carries is explained by the acts
and the articles that opened and closed it. Problems (acts the law forbids)
are returned, not raised, so that validation can list them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from treatywatch.dates import add_months
from treatywatch.errors import Problem
from treatywatch.model import (
    AFTER_SIGNATURE,
    CONSENT,
    Act,
    ActKind,
    Conflict,
    Period,
    Reason,
    Span,
    Status,
    Treaty,
)

_ORDER = {
    ActKind.SIGNATURE: 0,
    ActKind.RATIFICATION: 1,
    ActKind.ACCEPTANCE: 1,
    ActKind.APPROVAL: 1,
    ActKind.ACCESSION: 1,
    ActKind.SUCCESSION: 1,
    ActKind.SUSPENSION: 2,
    ActKind.SUSPENSION_LIFTED: 3,
    ActKind.WITHDRAWAL: 4,
    ActKind.WITHDRAWAL_REVOKED: 5,
    ActKind.DERATIFICATION: 6,
    ActKind.SIGNATURE_WITHDRAWN: 7,
}

#: Plain string of each kind (the enum's ``.value`` descriptor is slow in hot loops).
_VALUE: dict[ActKind, str] = {k: k.value for k in ActKind}

_DEPOSITED = {
    ActKind.RATIFICATION: "instrument of ratification deposited",
    ActKind.ACCEPTANCE: "instrument of acceptance deposited",
    ActKind.APPROVAL: "instrument of approval deposited",
    ActKind.ACCESSION: "instrument of accession deposited",
    ActKind.SUCCESSION: "notification of succession deposited",
}


def art(article: str) -> str:
    """'20(3)' -> 'Art. 20(3)'; labels that already name their instrument stay as they are."""
    if not article or article.startswith(("Art", "VCLT", "VCSST", "succession", "para.")):
        return article
    return f"Art. {article}"


_art = art  # the name ``art`` is shadowed by local variables below


def act_order(act: Act) -> tuple[date, int, str, str, str, int]:
    """The order in which acts are applied: by date, then legal sequence; total, so that
    the order in which files list acts never changes a result."""
    kind = act.kind
    return (act.day, _ORDER[kind], _VALUE[kind], act.depositary, act.file, act.line)


@dataclass(frozen=True, slots=True)
class InForce:
    """The treaty's own entry into force, derived from the deposits."""

    date: date | None
    nth_deposit: Act | None = None


def entry_into_force(treaty: Treaty, acts: Iterable[Act]) -> tuple[InForce, list[Problem]]:
    """Derive the treaty's entry into force from its Nth deposit; check the record.

    Where several depositaries hold instruments, a state's earliest deposit counts.
    A treaty whose rule names no threshold keeps its recorded date.
    """
    entry = treaty.entry
    if entry is None:
        return InForce(None), []
    if entry.threshold is None or entry.rule is None:
        return InForce(entry.date), []
    first: dict[str, Act] = {}
    for act in sorted((a for a in acts if a.kind in CONSENT), key=act_order):
        first.setdefault(act.state, act)
    deposits = sorted(first.values(), key=act_order)
    if len(deposits) < entry.threshold:
        problem = Problem(
            f"{treaty.id}: the record holds {len(deposits)} instruments, fewer than the "
            f"{entry.threshold} that brought the treaty into force on {entry.date} "
            f"(Art. {entry.article})",
            field="entry_into_force",
            value=entry.date.isoformat(),
            hint="an instrument is missing from the acts file",
        )
        return InForce(entry.date), [problem]
    nth = deposits[entry.threshold - 1]
    derived = entry.rule.apply(nth.day)
    problems = []
    if derived != entry.date:
        problems.append(
            Problem(
                f"{treaty.id}: the {entry.threshold}th instrument ({nth.state}, {nth.date}) gives "
                f"entry into force on {derived} by Art. {entry.article}, but the record says "
                f"{entry.date}",
                file=nth.file,
                line=nth.line,
                field="date",
                value=str(nth.date),
                hint="check the deposit dates of the first instruments",
            )
        )
    return InForce(entry.date, nth), problems


@dataclass(frozen=True, slots=True)
class Succession:
    """A successor state's date of succession and the rule that binds it from that day.

    Vienna Convention on Succession of States in respect of Treaties (VCSST), as the
    depositary's practice applies it: a successor that notifies its succession is a party
    from the date of the succession of States, or from the treaty's entry into force if
    that is later -- Art. 23(1) for a newly independent State, Art. 34(1) (with Art. 35)
    for a State formed by separation or dissolution, whose predecessor's treaty in force
    continues in force for it.
    """

    day: date
    article: str

    @staticmethod
    def of(predecessors: Sequence[str], start: date | None) -> Succession | None:
        if start is None:
            return None
        return Succession(start, "VCSST Art. 34(1)" if predecessors else "VCSST Art. 23(1)")


@dataclass(slots=True)
class _Transition:
    day: date
    status: Status
    reason: Reason
    tag: str = ""
    contested: bool = False


@dataclass(slots=True)
class _Run:
    """Mutable bookkeeping while one pair's acts are applied in order."""

    treaty: Treaty
    in_force: InForce
    conflicts: Sequence[Conflict]
    done: list[_Transition] = field(default_factory=list)
    scheduled: list[_Transition] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    current: Status = Status.NOT_PARTY
    signed: bool = False
    consent: Act | None = None
    inherited: Act | None = None
    succession: Succession | None = None

    def now(self, t: _Transition) -> None:
        self.done.append(t)
        self.current = t.status

    def flush(self, upto: date) -> None:
        if not self.scheduled:
            return
        due = sorted((t for t in self.scheduled if t.day <= upto), key=lambda t: t.day)
        for t in due:
            self.scheduled.remove(t)
            self.now(t)

    def cancel(self, tag: str) -> bool:
        before = len(self.scheduled)
        self.scheduled = [t for t in self.scheduled if t.tag != tag]
        return len(self.scheduled) != before

    def problem(self, act: Act, message: str, hint: str | None = None) -> None:
        self.problems.append(
            Problem(
                f"{act.state} {act.kind.value} of {act.treaty} on {act.date}: {message}",
                file=act.file or None,
                line=act.line or None,
                field="kind",
                value=act.kind.value,
                hint=hint,
            )
        )


def _reason(act: Act, text: str, article: str, on: date | None = None) -> Reason:
    return Reason(on or act.day, _VALUE[act.kind], article, text, act.sources)


def derive(
    treaty: Treaty,
    acts: Iterable[Act],
    in_force: InForce,
    conflicts: Sequence[Conflict] = (),
    inherited_signature: Act | None = None,
    succession: Succession | None = None,
) -> tuple[list[Span], list[Problem]]:
    """Status spans of one (state, treaty) pair from its acts; problems found on the way.

    ``inherited_signature`` is a predecessor state's signature, which a successor may
    ratify (e.g. the USSR's signature of the CFE Treaty, ratified by its successors).
    ``succession`` is the state's date of succession, from which a notification of
    succession that states no date binds it.
    """
    ordered = sorted(acts, key=act_order)
    if not ordered:
        return [], []
    run = _Run(treaty, in_force, conflicts)
    run.inherited = inherited_signature
    run.succession = succession
    for act in ordered:
        run.flush(act.day)
        if treaty.ended is not None and act.day >= treaty.ended:
            run.problem(act, f"the treaty ended on {treaty.ended}")
            continue
        _apply(run, act)
    run.flush(date.max)
    transitions = sorted(run.done, key=lambda t: t.day)
    if treaty.ended is not None:
        transitions = _end_treaty(treaty, treaty.ended, transitions)
    return _spans(ordered[0].state, treaty.id, transitions), run.problems


def _apply(run: _Run, act: Act) -> None:
    kind = act.kind
    if kind is ActKind.SIGNATURE:
        _sign(run, act)
    elif kind in CONSENT:
        _consent(run, act)
    elif kind is ActKind.WITHDRAWAL:
        _withdraw(run, act)
    elif kind is ActKind.WITHDRAWAL_REVOKED:
        _revoke(run, act)
    elif kind is ActKind.DERATIFICATION:
        _deratify(run, act)
    elif kind is ActKind.SUSPENSION:
        _suspend(run, act)
    elif kind is ActKind.SUSPENSION_LIFTED:
        if run.current is not Status.SUSPENDED:
            run.problem(act, f"no suspension to lift (status {run.current.value})")
            return
        run.now(
            _Transition(act.day, Status.PARTY, _reason(act, "suspension lifted", "VCLT Art. 72"))
        )
    elif kind is ActKind.SIGNATURE_WITHDRAWN:
        if run.current is not Status.SIGNATORY:
            run.problem(
                act, f"only a signatory can withdraw its signature (status {run.current.value})"
            )
            return
        text = "declared that it does not intend to become a party"
        run.now(
            _Transition(act.day, Status.SIGNATURE_WITHDRAWN, _reason(act, text, "VCLT Art. 18(a)"))
        )


def _sign(run: _Run, act: Act) -> None:
    t = run.treaty
    art = _art(t.signature_article)
    if t.signature_opens is None:
        run.problem(act, "this treaty was never open for signature", "record an accession instead")
        return
    if act.day < t.signature_opens:
        run.problem(act, f"signature before the treaty opened for signature on {t.signature_opens}")
        return
    if t.signature_closes is not None and act.day >= t.signature_closes:
        run.problem(
            act,
            f"signature after signature closed ({t.signature_closes}, {art})",
            "a state joining later accedes",
        )
        return
    if run.current is Status.SIGNATORY:
        # A further signature (e.g. of a new accession treaty) changes nothing.
        run.done.append(_Transition(act.day, Status.SIGNATORY, _reason(act, "signed again", art)))
        return
    if run.signed and act.depositary and run.current in (Status.CONSENTED, Status.PARTY):
        # A treaty with several depositaries (NPT Art. IX(2)): signing in a further capital
        # after depositing in another is a copy of the same act; the first one counts.
        text = f"signed at {act.depositary} too (a further depositary; the first signature counts)"
        run.done.append(_Transition(act.day, run.current, _reason(act, text, art)))
        return
    if run.current not in (Status.NOT_PARTY, Status.SIGNATURE_WITHDRAWN):
        run.problem(act, f"signature by a state that is already {run.current.value}")
        return
    run.signed = True
    run.now(_Transition(act.day, Status.SIGNATORY, _reason(act, "signed" + _day_unknown(act), art)))


def _day_unknown(act: Act) -> str:
    """For an act dated by a range: which days it may have fallen on, and which one counts."""
    if act.date.until is None:
        return ""
    return (
        f" on a day between {act.date.earliest} and {act.date.until} (the day is not known; "
        "counted from the last)"
    )


def _consent(run: _Run, act: Act) -> None:
    t = run.treaty
    if run.consent is not None and run.current in (Status.CONSENTED, Status.PARTY):
        if act.depositary and act.depositary != run.consent.depositary:
            return  # a further depositary's copy; the earliest deposit counts
        run.problem(act, f"a second instrument of consent (first: {run.consent.date})")
        return
    if run.current not in (
        Status.NOT_PARTY,
        Status.SIGNATORY,
        Status.SIGNATURE_WITHDRAWN,
        Status.WITHDRAWN,
    ):
        run.problem(act, f"an instrument of consent from a state that is {run.current.value}")
        return
    opens = t.signature_opens or t.adopted
    if act.day < opens:
        run.problem(act, f"deposit before the treaty was open ({opens})")
        return
    if act.kind in AFTER_SIGNATURE and not run.signed and run.inherited is not None:
        pred = run.inherited
        text = f"ratifies the signature of its predecessor ({pred.state}, {pred.date})"
        run.done.append(_Transition(act.day, run.current, _reason(act, text, "VCLT Art. 14")))
        run.signed = True
    # An instrument never open for signature (the CCW's 2001 amendment) is ratified as such.
    unsigned = act.kind in AFTER_SIGNATURE and not run.signed and t.signature_opens is not None
    if unsigned and t.signatures_complete:
        run.problem(
            act,
            f"{act.kind.value} by a state that never signed",
            "a state that did not sign accedes (record an accession), or a signature is missing",
        )
    run.consent = act
    text = _DEPOSITED[act.kind] + _day_unknown(act)
    if unsigned:
        text += " (its signature is not in the record)"
    if act.kind is ActKind.SUCCESSION:
        _succeed(run, act, text)
        return
    eif = run.in_force.date
    if eif is None:
        run.now(_Transition(act.day, Status.CONSENTED, _reason(act, text, t.late_joiner.article)))
        return
    bound_from, article, how = _bound_from(run, act)
    if bound_from is None:
        return
    if (
        act.effective is not None
        and act.effective.precision == "day"
        and act.effective.earliest != bound_from
    ):
        run.problems.append(
            Problem(
                f"{act.state} {act.kind.value} of {act.treaty}: the recorded entry into force "
                f"{act.effective} differs from {bound_from} given by Art. {article}",
                file=act.file or None,
                line=act.line or None,
                field="effective",
                value=str(act.effective),
                hint="check the deposit date and the treaty's entry-into-force rule",
            )
        )
    art_ = art(article)
    entry = Reason(
        bound_from, "entry_into_force", art_, f"bound from {bound_from} ({how})", act.sources
    )
    if bound_from <= act.day:
        run.now(_Transition(act.day, Status.PARTY, _reason(act, f"{text}; bound at once", art_)))
        return
    run.now(
        _Transition(
            act.day,
            Status.CONSENTED,
            _reason(
                act,
                f"{text}; in force for it from {bound_from}",
                art(t.late_joiner.article) or art_,
            ),
        )
    )
    run.scheduled.append(_Transition(bound_from, Status.PARTY, entry, tag="entry"))


def _bound_from(run: _Run, act: Act) -> tuple[date | None, str, str]:
    """When a consenting state becomes bound, the article that says so, and how."""
    t = run.treaty
    eif = run.in_force.date
    assert eif is not None
    rule = t.late_joiner
    nth = run.in_force.nth_deposit
    entry_article = t.entry.article if t.entry else rule.article
    reached = nth.day if nth is not None else t.entry.threshold_reached if t.entry else None
    by_threshold = rule.after == "threshold" and reached is not None
    early = act.day <= reached if by_threshold and reached is not None else act.day < eif
    if rule.kind == "deposit_or_waiver" and act.effective is not None:
        # Tlatelolco Art. 28(2): a state that did not waive the treaty's conditions on deposit
        # is bound from the later deposit of its waiver declaration (the act's effective date).
        waived = act.effective.earliest
        if act.effective.precision == "day" and waived > max(act.day, eif):
            return waived, rule.article, "on the deposit of its waiver declaration"
    if early:
        return eif, entry_article, "the treaty's own entry into force"
    if rule.kind == "named_date":
        if act.effective is None or act.effective.precision != "day":
            run.problem(
                act,
                "the treaty binds a joining state on the date its instrument fixes, "
                "but no effective date is recorded",
                "record the date in the effective column",
            )
            return None, "", ""
        return act.effective.earliest, rule.article, rule.describe()
    late = rule.apply(act.day)
    if late <= eif:
        return eif, entry_article, "the treaty's own entry into force"
    return late, rule.article, rule.describe()


def _succeed(run: _Run, act: Act, text: str) -> None:
    """Succession: bound from the date of succession (VCSST Arts. 23(1), 34(1)), not from
    the day the notification was deposited; the date the notification states if recorded,
    else the day the state came into being."""
    eif = run.in_force.date
    rule = run.succession
    article = rule.article if rule else "succession of states (date stated in the notification)"
    if act.effective is not None:
        stated, basis = act.effective.earliest, "the date of succession the notification states"
    elif rule is not None:
        stated, basis = rule.day, "the date of succession, the day the state came into being"
    else:
        stated, basis = act.day, "no date of succession known: the notification's"
    if eif is None:
        run.now(_Transition(act.day, Status.CONSENTED, _reason(act, text, article)))
        return
    bound_from = max(stated, eif)
    if bound_from == eif and stated < eif:
        basis = f"the treaty's entry into force, later than the date of succession ({stated})"
    last = run.done[-1].day if run.done else bound_from
    start = max(bound_from, last)
    msg = f"{text}; bound from {bound_from}"
    if bound_from < act.day:
        msg += f" ({basis}, before the deposit on {act.date})"
        run.now(_Transition(start, Status.PARTY, _reason(act, msg, article, on=start)))
        return
    if bound_from == act.day:
        run.now(_Transition(act.day, Status.PARTY, _reason(act, msg, article)))
        return
    run.now(_Transition(act.day, Status.CONSENTED, _reason(act, f"{msg} ({basis})", article)))
    entry = Reason(
        bound_from, "entry_into_force", article, f"bound from {bound_from} ({basis})", act.sources
    )
    run.scheduled.append(_Transition(bound_from, Status.PARTY, entry, tag="entry"))


def conflict_on(conflicts: Sequence[Conflict], state: str, day: date) -> Conflict | None:
    for c in conflicts:
        if c.state == state and c.covers(day):
            return c
    return None


def _withdraw(run: _Run, act: Act) -> None:
    rule = run.treaty.withdrawal
    if rule.unknown:
        run.problem(
            act,
            "the treaty's withdrawal clause is not in the record yet",
            "add the withdrawal rule to the treaty file, with its article",
        )
        return
    if run.current not in (Status.PARTY, Status.CONSENTED, Status.SUSPENDED):
        run.problem(
            act,
            f"withdrawal by a state that is {run.current.value}",
            "only a state that has consented to be bound can withdraw",
        )
        return
    earliest = rule.notice.after(act.day)
    effective = earliest
    start = act.day
    imprecise = act.date.precision != "day"
    if imprecise and act.effective is not None:
        # Receipt known only to the month or year: accept a recorded effect that the
        # notice period allows from some day in that period, and count back from it.
        latest = rule.notice.after(act.date.latest)
        named = act.effective.earliest
        if earliest <= named <= latest:
            back = _count_back(rule.notice, named)
            if back is not None and act.date.contains(back):
                start = back
                effective = named
    if act.effective is not None and not (imprecise and effective == act.effective.earliest):
        named = act.effective.earliest
        if named < earliest:
            run.problems.append(
                Problem(
                    f"{act.state} withdrawal from {act.treaty}: recorded effect {act.effective} is "
                    f"earlier than {rule.notice} after receipt "
                    f"({earliest}, {art(rule.effect_article)})",
                    file=act.file or None,
                    line=act.line or None,
                    field="effective",
                    value=str(act.effective),
                    hint=f"the notice period is {rule.notice}",
                )
            )
        else:
            effective = named
    counted = "receipt by the depositary" if rule.counted_from == "depositary_receipt" else "notice"
    basis = f"{rule.notice} after {counted}"
    if start != act.day:
        basis += (
            f"; receipt recorded only as {act.date}, so its day ({start}) is counted "
            f"back from the recorded effect"
        )
    elif effective != earliest:
        basis = f"on the later date named in the notice ({rule.notice} at least)"
    text = f"notice of withdrawal received; takes effect {effective} ({basis})"
    if rule.fallback:
        text += "; the treaty is silent on withdrawal, so the Vienna Convention applies"
    run.now(
        _Transition(
            start, Status.WITHDRAWAL_PENDING, _reason(act, text, art(rule.article), on=start)
        )
    )
    run.scheduled = [t for t in run.scheduled if not (t.tag == "entry" and t.day >= effective)]
    conflict = (
        conflict_on(run.conflicts, act.state, effective) if rule.armed_conflict_clause else None
    )
    if conflict is None:
        done = Reason(
            effective,
            "withdrawal_effective",
            art(rule.effect_article),
            "withdrawal took effect",
            act.sources,
        )
        run.scheduled.append(_Transition(effective, Status.WITHDRAWN, done, tag="withdrawal"))
        return
    held = Reason(
        effective,
        "withdrawal_held",
        art(rule.effect_article),
        f"notice period over while engaged in armed conflict with {conflict.opponent}; "
        "the withdrawal does not take effect before the conflict ends",
        conflict.sources,
    )
    run.scheduled.append(
        _Transition(effective, Status.WITHDRAWAL_SUSPENDED, held, tag="withdrawal")
    )
    if conflict.end is not None:
        ended = Reason(
            conflict.end,
            "withdrawal_effective",
            art(rule.effect_article),
            f"armed conflict with {conflict.opponent} ended; withdrawal took effect",
            conflict.sources,
        )
        run.scheduled.append(_Transition(conflict.end, Status.WITHDRAWN, ended, tag="withdrawal"))


def _count_back(notice: Period, effective: date) -> date | None:
    """The receipt day from which ``notice`` ends on ``effective`` (None if ambiguous)."""
    if notice.days and not (notice.months or notice.years):
        return effective - timedelta(days=notice.days)
    if notice.days:
        return None
    months = notice.months + 12 * notice.years
    back = add_months(effective, -months)
    return back if notice.after(back) == effective else None


def _revoke(run: _Run, act: Act) -> None:
    if run.current not in (Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_SUSPENDED):
        run.problem(
            act,
            f"revocation with no withdrawal pending (status {run.current.value})",
            "a withdrawal can be revoked only before it takes effect (VCLT Art. 68)",
        )
        return
    run.cancel("withdrawal")
    text = "withdrawal revoked before it took effect"
    run.now(_Transition(act.day, Status.PARTY, _reason(act, text, "VCLT Art. 68")))


def _deratify(run: _Run, act: Act) -> None:
    if run.current not in (Status.CONSENTED, Status.PARTY, Status.SUSPENDED):
        run.problem(act, f"de-ratification by a state that is {run.current.value}")
        return
    run.cancel("entry")
    back = Status.SIGNATORY if run.signed else Status.NOT_PARTY
    text = "ratification revoked" + ("; remains a signatory" if run.signed else "")
    run.now(_Transition(act.day, back, _reason(act, text, "VCLT Art. 18")))


def _suspend(run: _Run, act: Act) -> None:
    if run.current not in (Status.PARTY, Status.WITHDRAWAL_PENDING):
        run.problem(act, f"suspension declared by a state that is {run.current.value}")
        return
    text = (
        "declared the suspension of the treaty's operation; still bound "
        "(the suspension's legal effect is contested)"
    )
    if act.effective is not None and act.effective.earliest > act.day:
        eff = act.effective.earliest
        notice = f"notified the suspension of the treaty's operation, from {eff}"
        run.done.append(_Transition(act.day, run.current, _reason(act, notice, "VCLT Art. 65")))
        later = _reason(act, text, "VCLT Art. 62, 65", on=eff)
        run.scheduled.append(
            _Transition(eff, Status.SUSPENDED, later, tag="suspension", contested=True)
        )
        return
    run.now(
        _Transition(
            act.day, Status.SUSPENDED, _reason(act, text, "VCLT Art. 62, 65"), contested=True
        )
    )


def _end_treaty(treaty: Treaty, end: date, transitions: list[_Transition]) -> list[_Transition]:
    kept = [t for t in transitions if t.day < end]
    if kept and kept[-1].status is not Status.NOT_PARTY:
        text = "the treaty itself ended; nobody is bound"
        kept.append(
            _Transition(
                end,
                Status.ENDED,
                Reason(end, "treaty_ended", art(treaty.end_article), text, treaty.sources),
            )
        )
    return kept


def _spans(state: str, treaty: str, transitions: list[_Transition]) -> list[Span]:
    """Merge same-day and same-status transitions into spans; each span keeps every reason
    up to its last transition (the history that explains it)."""
    history = [t.reason for t in transitions]
    # (first transition, index one past its last reason in ``history``)
    merged: list[tuple[_Transition, int]] = []
    for i, t in enumerate(transitions):
        if merged and merged[-1][0].day == t.day:
            merged.pop()  # the same day: the later transition wins
        if merged:
            last = merged[-1][0]
            if last.status is t.status and last.contested == t.contested:
                merged[-1] = (last, i + 1)  # no change of status: one span, more reasons
                continue
        merged.append((t, i + 1))
    spans = []
    n = len(merged)
    for i, (t, upto) in enumerate(merged):
        nxt = merged[i + 1][0] if i + 1 < n else None
        spans.append(
            Span(
                state,
                treaty,
                t.status,
                t.day,
                nxt.day if nxt else None,
                tuple(history[:upto]),
                nxt.reason if nxt else None,
                t.contested,
            )
        )
    return spans


def status_on(spans: Sequence[Span], day: date) -> Span | None:
    """The span covering ``day`` by linear scan (the replay baseline uses this)."""
    for s in spans:
        if s.covers(day):
            return s
    return None
