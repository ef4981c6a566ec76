"""Frozen types of the record: states, treaties and their rules, acts, sources, spans."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from treatywatch.dates import (
    PartialDate,
    add_months,
    add_years,
    days_after,
    first_day_of_month_after,
    first_day_of_month_after_days,
)


class Compact:
    """Mixin for frozen, slotted records: pickle as constructor arguments.

    The generic state restoration of slotted dataclasses is several times slower; the
    ledger cache (cache.py) holds tens of thousands of these records.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        names: tuple[str, ...] = self.__slots__
        return (type(self), tuple(getattr(self, name) for name in names))


class Status(StrEnum):
    """Derived status of a state under a treaty on a day (never typed into the data)."""

    NOT_PARTY = "not_party"
    SIGNATORY = "signatory"
    SIGNATURE_WITHDRAWN = "signature_withdrawn"
    CONSENTED = "consented"
    PARTY = "party"
    WITHDRAWAL_PENDING = "withdrawal_pending"
    WITHDRAWAL_SUSPENDED = "withdrawal_suspended"
    WITHDRAWN = "withdrawn"
    SUSPENDED = "suspended"
    ENDED = "ended"


#: Statuses under which the state is bound by the treaty's obligations.
BOUND = frozenset(
    {Status.PARTY, Status.WITHDRAWAL_PENDING, Status.WITHDRAWAL_SUSPENDED, Status.SUSPENDED}
)


class ActKind(StrEnum):
    """What a state did, as recorded by a depositary (or, failing that, a monitor)."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    WITHDRAWAL = "withdrawal"
    WITHDRAWAL_REVOKED = "withdrawal_revoked"
    DERATIFICATION = "deratification"
    SUSPENSION = "suspension"
    SUSPENSION_LIFTED = "suspension_lifted"
    SIGNATURE_WITHDRAWN = "signature_withdrawn"


#: Instruments by which a state consents to be bound (VCLT Art. 11).
CONSENT = frozenset(
    {
        ActKind.RATIFICATION,
        ActKind.ACCEPTANCE,
        ActKind.APPROVAL,
        ActKind.ACCESSION,
        ActKind.SUCCESSION,
    }
)
#: Consent instruments that presuppose a signature. Acceptance and approval can stand for
#: ratification or for accession (VCLT Arts. 14(2), 15), so only ratification does.
AFTER_SIGNATURE = frozenset({ActKind.RATIFICATION})


@dataclass(frozen=True, slots=True)
class Source(Compact):
    id: str
    url: str
    publisher: str
    title: str
    published: str | None = None
    accessed: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "url": self.url,
            "publisher": self.publisher,
            "title": self.title,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class State(Compact):
    alpha3: str
    alpha2: str
    name: str
    depositary_name: str
    aliases: tuple[str, ...] = ()
    capital: str = ""
    wikidata: str = ""
    start: date | None = None
    end: date | None = None
    predecessors: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    kind: str = "member"
    #: the state whose legal personality this one continues (Russia: USSR; Serbia: SCG)
    continues: str = ""
    #: ISO 3166-1 numeric code (keys the map's Natural Earth geometry)
    numeric: str = ""


@dataclass(frozen=True, slots=True)
class Period(Compact):
    """A span of time a rule adds: N days, months or years."""

    days: int = 0
    months: int = 0
    years: int = 0

    def after(self, d: date) -> date:
        if self.years:
            d = add_years(d, self.years)
        if self.months:
            d = add_months(d, self.months)
        return days_after(d, self.days) if self.days else d

    def __str__(self) -> str:
        parts = []
        for n, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if n:
                parts.append(f"{n} {unit}{'s' if n != 1 else ''}")
        return " ".join(parts) or "no time"


ENTRY_RULE_KINDS = (
    "first_day_of_month_after",
    "days_after",
    "months_after",
    "first_day_of_month_after_days",
    "on_deposit",
    "named_date",
    "deposit_or_waiver",
)
#: From when a late-joiner rule applies: to deposits after the Nth (threshold) deposit
#: (APMBC Art. 17(2)) or to deposits after the treaty's entry into force (CWC Art. XXI(2)).
LATE_AFTER = ("entry_into_force", "threshold")


@dataclass(frozen=True, slots=True)
class EntryRule(Compact):
    """When an instrument takes effect: the treaty's own rule, with its article."""

    kind: str
    article: str
    months: int = 0
    days: int = 0
    after: str = "entry_into_force"

    def apply(self, deposit: date) -> date:
        if self.kind == "first_day_of_month_after":
            return first_day_of_month_after(deposit, self.months)
        if self.kind == "days_after":
            return days_after(deposit, self.days)
        if self.kind == "months_after":
            return add_months(deposit, self.months)
        if self.kind == "first_day_of_month_after_days":
            return first_day_of_month_after_days(deposit, self.days)
        return deposit  # on_deposit; named_date is read from the act (see law._consent)

    def describe(self) -> str:
        if self.kind == "first_day_of_month_after":
            return f"first day of the {_ordinal(self.months)} month after the deposit"
        if self.kind == "days_after":
            return f"{self.days} days after the deposit"
        if self.kind == "months_after":
            return f"{self.months} months after the deposit"
        if self.kind == "first_day_of_month_after_days":
            return f"first day of the month after {self.days} days from the deposit"
        if self.kind == "named_date":
            return "on the date the instrument of accession fixes"
        if self.kind == "deposit_or_waiver":
            return "on the deposit of the instrument with its waiver declaration"
        return "on the deposit"


def _ordinal(n: int) -> str:
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    return words.get(n, f"{n}th")


@dataclass(frozen=True, slots=True)
class TreatyEntry(Compact):
    """Entry into force of the treaty itself: recorded date and the rule behind it."""

    date: date
    article: str
    threshold: int | None = None
    rule: EntryRule | None = None
    #: The day of the Nth instrument where the record cannot derive it (early instruments of
    #: states that no longer exist are missing): late joiners count from it.
    threshold_reached: dt.date | None = None


@dataclass(frozen=True, slots=True)
class WithdrawalRule(Compact):
    notice: Period
    article: str
    effect_article: str
    counted_from: str = "depositary_receipt"
    minimum: bool = False
    armed_conflict_clause: bool = False
    fallback: bool = False  # True: the treaty is silent, VCLT Art. 56 applies
    unknown: bool = False  # True: the treaty has a clause the record does not hold yet


#: A treaty whose withdrawal clause is not yet in the record (``withdrawal: null``).
UNKNOWN_WITHDRAWAL = WithdrawalRule(Period(), "", "", unknown=True)

VCLT_FALLBACK = WithdrawalRule(
    notice=Period(months=12),
    article="VCLT Art. 56(1)",
    effect_article="VCLT Art. 56(2)",
    fallback=True,
)


@dataclass(frozen=True, slots=True)
class Treaty:
    id: str
    short_name: str
    full_name: str
    aliases: tuple[str, ...]
    adopted: date
    signature_opens: date | None
    signature_closes: date | None
    signature_article: str
    depositary: str
    entry: TreatyEntry | None
    late_joiner: EntryRule
    withdrawal: WithdrawalRule
    consent_modes: tuple[str, ...] = ()
    untc: str = ""
    wikidata: str = ""
    ended: date | None = None
    end_article: str = ""
    reservations: str = ""
    obligations: tuple[dict[str, object], ...] = ()
    assertions: tuple[dict[str, object], ...] = ()
    sources: tuple[str, ...] = ()
    #: The record holds every act up to this day; later acts may be missing (None: complete).
    complete_until: date | None = None
    coverage_note: str = ""
    #: States whose acts under this treaty are known to be missing from the record.
    missing: tuple[str, ...] = ()
    #: False when the record holds a state's instrument but not always the signature before
    #: it (a monitor gave the year a state ratified, not when it signed): a ratification
    #: then stands without one, and says so.
    signatures_complete: bool = True
    #: The treaty this instrument is a protocol to (its id; empty for a treaty of its own):
    #: Tlatelolco's Additional Protocols name ``tlatelolco``. A protocol has its own parties,
    #: acts and law; the link is what the record says, not a rule the law applies.
    parent: str = ""

    def complete_for(self, state: str, on: date) -> bool:
        """Whether the record of this treaty can be trusted for ``state`` on ``on``."""
        if state in self.missing:
            return False
        return self.complete_until is None or on <= self.complete_until


#: The columns of an act row wherever acts are exchanged as rows: the overlay's table,
#: ``import`` files and the ``acts`` exports.
ACT_FIELDS = (
    "id",
    "treaty",
    "state",
    "kind",
    "date",
    "effective",
    "depositary",
    "reading",
    "sources",
    "note",
)


@dataclass(frozen=True, slots=True)
class Act(Compact):
    """One dated thing a state did under a treaty, with where we know it from."""

    treaty: str
    state: str
    kind: ActKind
    date: PartialDate
    sources: tuple[str, ...]
    effective: PartialDate | None = None
    depositary: str = ""
    note: str = ""
    file: str = ""
    line: int = 0
    #: True for a reading that a source gives but the record does not follow; kept and
    #: shown as a dispute, never applied by the law.
    alternate: bool = False

    @property
    def id(self) -> str:
        parts = [self.treaty, self.state, self.kind.value, str(self.date), ";".join(self.sources)]
        if self.depositary:
            # one act per depositary (NPT, BWC: London, Moscow, Washington on the same day);
            # rows that name none keep the ids they always had
            parts.append(self.depositary)
        key = "|".join(parts)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def day(self) -> dt.date:
        """The day the law counts from: the date itself, the first day of a month or year
        (callers check ``date.precision``), or the last day of a range, by which the act
        had certainly happened."""
        d = self.date
        return d.until if d.until is not None else d.earliest


@dataclass(frozen=True, slots=True)
class Event(Compact):
    """A political step with no legal effect by itself (a vote, a decree, a plan)."""

    state: str
    treaty: str
    kind: str
    date: PartialDate
    sources: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Conflict(Compact):
    """A period in which a state was engaged in armed conflict (evidence, not a ruling)."""

    state: str
    opponent: str
    start: date
    end: date | None
    sources: tuple[str, ...]
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Border(Compact):
    """One source's reading of the length of a land border between two states."""

    a: str
    b: str
    length_km: float
    sources: tuple[str, ...]
    note: str = ""

    def other(self, state: str) -> str:
        return self.b if state == self.a else self.a


@dataclass(frozen=True, slots=True)
class Reason(Compact):
    """Why a status began: the act or rule, the article, and the sources."""

    date: date
    act: str
    article: str
    text: str
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "act": self.act,
            "article": self.article,
            "text": self.text,
            "sources": list(self.sources),
        }


@dataclass(frozen=True, slots=True)
class Span(Compact):
    """A half-open period [start, end) in which a state had one status under a treaty."""

    state: str
    treaty: str
    status: Status
    start: date
    end: date | None
    reasons: tuple[Reason, ...]
    closed_by: Reason | None = None
    contested: bool = False
    disputes: tuple[str, ...] = field(default=())

    @property
    def bound(self) -> bool:
        return self.status in BOUND

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)
