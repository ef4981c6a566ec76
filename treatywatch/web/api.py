"""The HTTP API: the CLI's semantics and JSON shapes, one router per resource."""

from __future__ import annotations

import re
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from treatywatch.dates import parse_day
from treatywatch.errors import TreatywatchError, UsageError
from treatywatch.ledger import Ledger
from treatywatch.model import BOUND, Status
from treatywatch.render import borders_dict, state_dict, treaties_list
from treatywatch.web.errors import WebError
from treatywatch.web.index import dumps, index_for

STATUS_EXAMPLE: dict[str, Any] = {
    "state": "FIN",
    "state_name": "Finland",
    "treaty": "apmbc",
    "on": "2026-02-01",
    "status": "withdrawn",
    "bound": False,
    "contested": False,
    "since": "2026-01-10",
    "until": None,
    "reasons": [
        {
            "date": "2026-01-10",
            "act": "withdrawal_effective",
            "article": "Art. 20(3)",
            "text": "withdrawal took effect",
        }
    ],
    "next": None,
    "events": [],
    "disputes": [],
    "sources": [{"url": "https://example.org", "publisher": "…", "title": "…"}],
    "record_complete": True,
}


class Reason(BaseModel):
    date: str
    act: str
    article: str
    text: str


class SourceRef(BaseModel):
    url: str
    publisher: str
    title: str


class StatusOut(BaseModel):
    """The status of one state under one treaty on one day (as `status --json`)."""

    model_config = ConfigDict(json_schema_extra={"examples": [STATUS_EXAMPLE]})
    state: str
    state_name: str
    treaty: str
    on: str
    status: str
    bound: bool
    contested: bool
    since: str | None
    until: str | None
    reasons: list[Reason]
    next: dict[str, Any] | None
    events: list[dict[str, Any]]
    disputes: list[dict[str, Any]]
    sources: list[SourceRef]
    record_complete: bool


class ChangeOut(BaseModel):
    """A dated status change or political event (as `changes --json`)."""

    model_config = ConfigDict(
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "date": "2025-12-27",
                    "state": "LTU",
                    "state_name": "Lithuania",
                    "treaty": "apmbc",
                    "type": "status",
                    "from": "withdrawal_pending",
                    "to": "withdrawn",
                    "act": "withdrawal_effective",
                    "article": "Art. 20(3)",
                    "text": "withdrawal took effect",
                    "sources": [],
                }
            ]
        },
    )
    date: str
    state: str
    state_name: str
    treaty: str
    type: str
    from_: str | None = Field(alias="from")
    to: str | None
    act: str
    article: str
    text: str
    sources: list[SourceRef]


class TreatyOut(BaseModel):
    id: str
    short_name: str
    full_name: str
    aliases: list[str]
    adopted: str
    entry_into_force: str | None
    depositary: str
    parties_today: int
    complete_until: str | None


class StateOut(BaseModel):
    alpha3: str
    alpha2: str
    name: str
    depositary_name: str
    aliases: list[str]
    capital: str
    wikidata: str | None
    kind: str
    start: str | None = Field(None, description="the state's first day, where the record holds it")
    end: str | None = Field(None, description="the state's last day (historic states)")


class BorderReading(BaseModel):
    km: float
    note: str
    sources: list[SourceRef]


class Neighbour(BaseModel):
    state: str
    state_name: str
    lengths_km: list[BorderReading]


class BordersOut(BaseModel):
    state: str
    state_name: str
    neighbours: list[Neighbour]


class CheckIn(BaseModel):
    """Text to read, or a URL to fetch; the publication date is optional."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "text": "Lithuania notified the UN Secretary-General on Friday of its "
                    "withdrawal from the Ottawa Convention.",
                    "published": "2025-06-27",
                }
            ]
        }
    )
    text: str | None = Field(default=None, max_length=500_000)
    url: str | None = Field(default=None, max_length=2_000)
    published: str | None = None


def _ledger(request: Request) -> Ledger:
    ledger: Ledger = request.app.state.ledger
    return ledger


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def web_day(value: str, name: str = "on") -> date:
    """A YYYY-MM-DD day written in ASCII digits (``parse_day`` also takes other scripts'
    digits, which no client means)."""
    if not _ISO_DAY.fullmatch(value):
        raise WebError(
            400,
            f"{name}: a date is YYYY-MM-DD in ASCII digits, got {value[:40]!r}",
            hint="for example 2026-03-01",
        )
    return parse_day(value)


def _on(value: str | None, request: Request, name: str = "on") -> date:
    if value is None:
        today: date = request.app.state.today()
        return today
    return web_day(value, name)


def _statuses(value: str | None) -> set[Status] | None:
    if value is None:
        return None
    if value == "any":
        return {s for s in Status if s is not Status.NOT_PARTY}
    try:
        return {Status(v.strip()) for v in value.split(",")}
    except ValueError:
        raise UsageError(f"unknown status in {value!r}") from None


status_router = APIRouter(prefix="/api", tags=["status"])
parties_router = APIRouter(prefix="/api", tags=["parties"])
timeline_router = APIRouter(prefix="/api", tags=["timeline"])
changes_router = APIRouter(prefix="/api", tags=["changes"])
treaties_router = APIRouter(prefix="/api", tags=["treaties"])
states_router = APIRouter(prefix="/api", tags=["states"])
borders_router = APIRouter(prefix="/api", tags=["borders"])
check_router = APIRouter(prefix="/api", tags=["check"])
map_router = APIRouter(prefix="/api", tags=["map"])

Q = Annotated[str | None, Query()]

# The read endpoints are ``async``: they answer from the index in microseconds, so they
# run on the event loop rather than paying a hop to the thread pool. A treaty's part of
# the index is built on its first use (milliseconds); ``serve`` builds it all at start.


def _json(content: bytes) -> Response:
    return Response(content, media_type="application/json")


@status_router.get("/status", response_model=StatusOut)
async def get_status(request: Request, state: str, treaty: str, on: Q = None) -> Response:
    """Status of a state under a treaty on a date (default today), with its reasons."""
    led = _ledger(request)
    st, tid = led.state(state).alpha3, led.treaty(treaty).id
    return _json(index_for(request.app.state).status(st, tid, _on(on, request)))


@parties_router.get("/parties", response_model=list[StatusOut])
async def get_parties(
    request: Request,
    treaty: str,
    on: Q = None,
    status: Q = None,
    borders: Annotated[list[str] | None, Query()] = None,
    party: Annotated[list[str] | None, Query()] = None,
    not_party: Annotated[list[str] | None, Query()] = None,
) -> Response:
    """States under a treaty on a date (default: bound), optionally composed with borders
    and other treaties, as `parties --format json`."""
    led = _ledger(request)
    day = _on(on, request)
    tid = led.treaty(treaty).id
    wanted = _statuses(status)
    keep = None
    if borders or party or not_party:
        keep = led.select(
            day,
            party_of=[led.treaty(t).id for t in party or []],
            not_party_of=[led.treaty(t).id for t in not_party or []],
            borders=[led.state(b).alpha3 for b in borders or []],
        )
    statuses = frozenset(wanted) if wanted is not None else BOUND
    return _json(index_for(request.app.state).parties(tid, day, statuses, keep))


@timeline_router.get("/timeline", response_model=list[ChangeOut])
async def get_timeline(request: Request, state: str, treaty: Q = None) -> Response:
    """Every status change and political event of a state, oldest first."""
    led = _ledger(request)
    tid = led.treaty(treaty).id if treaty else None
    changes = led.timeline(led.state(state).alpha3, tid)
    return _json(index_for(request.app.state).changes(changes))


@changes_router.get("/changes", response_model=list[ChangeOut])
async def get_changes(request: Request, since: str, until: Q = None, treaty: Q = None) -> Response:
    """Status changes and events dated `since` to `until` (inclusive; default today)."""
    led = _ledger(request)
    start, end = web_day(since, "since"), _on(until, request, "until")
    if end < start:
        raise UsageError(f"until {end} is before since {start}")
    tid = led.treaty(treaty).id if treaty else None
    return _json(index_for(request.app.state).changes(led.changes(start, end, tid)))


@changes_router.get("/upcoming", response_model=list[ChangeOut])
async def get_upcoming(request: Request, after: Q = None, treaty: Q = None) -> Response:
    """Status changes already determined by the record, dated after `after` (default today)."""
    led = _ledger(request)
    tid = led.treaty(treaty).id if treaty else None
    day = _on(after, request, "after")
    return _json(index_for(request.app.state).changes(led.upcoming(day, tid)))


@treaties_router.get("/treaties", response_model=list[TreatyOut])
async def get_treaties(request: Request) -> Response:
    """The treaties in the record."""
    led, today = _ledger(request), _on(None, request)
    index = index_for(request.app.state)
    key = ("treaties", today)
    hit = index.extra.get(key)
    if hit is None:
        hit = index.extra[key] = dumps(treaties_list(led, today))
    return _json(hit)


@states_router.get("/states", response_model=list[StateOut])
async def get_states(request: Request, q: Q = None) -> Response:
    """The states in the record, or the one `q` names (code, name, alias or capital)."""
    led = _ledger(request)
    states = [led.state(q)] if q else sorted(led.states.values(), key=lambda s: s.name)
    return _json(dumps([state_dict(s) for s in states]))


@borders_router.get("/borders", response_model=BordersOut)
async def get_borders(request: Request, state: str) -> Response:
    """Land neighbours of a state, with every source's reading of each length."""
    led = _ledger(request)
    return _json(dumps(borders_dict(led, led.state(state).alpha3)))


@check_router.post("/check")
def post_check(request: Request, body: Annotated[CheckIn, Body()]) -> Response:
    """Read a news text (or fetch a URL) and check every treaty-status claim in it, as
    `check --format json`. Runs in a child process with a deadline (see
    `treatywatch/web/checks.py`): 503 when the checker is busy, 504 past the deadline."""
    from treatywatch.reading.source import Fetcher

    led = _ledger(request)
    if bool(body.text) == bool(body.url):
        raise UsageError("give exactly one of 'text' or 'url'")
    if body.url:
        if not request.app.state.fetch:
            raise WebError(
                403,
                "this server does not fetch URLs",
                hint="paste the article's text instead",
                code="fetch_disabled",
            )
        if not body.url.lower().startswith(("http://", "https://")):
            raise WebError(
                400,
                "'url' must be an http(s) URL: the server never reads files",
                hint="paste the article's text instead",
            )
    published = web_day(body.published, "published") if body.published else None
    fetcher = request.app.state.fetcher or Fetcher()
    today = _on(None, request)
    warm_reader(led)
    answer = request.app.state.checks.run(
        lambda: _check(led, body.text, body.url, published, today, fetcher)
    )
    return _json(dumps(answer))


_warmed = threading.Lock()
_warm_done: list[bool] = []


def warm_reader(led: Ledger) -> None:
    """Import the reader and build its tables once in the server, so that every forked
    check starts with them (copy on write) instead of rebuilding them."""
    if _warm_done:
        return
    with _warmed:
        if _warm_done:
            return
        import trafilatura  # noqa: F401 (imported for the children)

        from treatywatch.reading.parse import parse
        from treatywatch.reading.pipeline import check_text

        check_text(led, "Lithuania withdrew from the Ottawa Convention.", None, date(2026, 1, 1))
        parse("The parser is loaded once, before the checks fork.")
        _warm_done.append(True)


def _check(
    led: Ledger,
    text: str | None,
    url: str | None,
    published: date | None,
    today: date,
    fetcher: Any,
) -> dict[str, Any]:
    """One check, as the child process runs it."""
    from treatywatch.reading.pipeline import check_text
    from treatywatch.reading.source import Document, fetch_url, from_bytes

    doc: Document = (
        fetch_url(url, fetcher) if url else from_bytes((text or "").encode("utf-8"), None)
    )
    origin = "option" if published else None
    if published is None and doc.published:
        try:
            published, origin = parse_day(doc.published[:10]), "metadata"
        except TreatywatchError:
            doc.notes.append(f"unreadable publication date in the page: {doc.published!r}")
    report = check_text(led, doc.text, published, today, published_from=origin)
    report.notes[:0] = doc.notes
    report.title, report.url = doc.title, doc.url
    out = report.to_dict()
    out["text"] = doc.text
    return out


@map_router.get("/map")
async def get_map(request: Request, treaty: str) -> Response:
    """Every state's spans under a treaty, for drawing the map on any day in the browser."""
    led = _ledger(request)
    t = led.treaty(treaty)
    today = _on(None, request)
    index = index_for(request.app.state)
    key = ("map", t.id, today)
    hit = index.extra.get(key)
    if hit is None:
        hit = index.extra[key] = dumps(_map(led, t.id, today))
    return _json(hit)


def _map(led: Ledger, tid: str, today: date) -> dict[str, Any]:
    t = led.treaties[tid]
    states: dict[str, Any] = {}
    for st in led.states.values():
        spans = led.spans(st.alpha3, t.id)
        states[st.alpha3] = {
            "name": st.name,
            "numeric": st.numeric,
            "spans": [
                [
                    s.start.isoformat(),
                    s.end.isoformat() if s.end else None,
                    s.status.value,
                    s.reasons[-1].text if s.reasons else "",
                    s.contested,
                ]
                for s in spans
            ],
        }
    opens = t.signature_opens or t.adopted
    return {
        "treaty": t.id,
        "name": t.short_name,
        "opens": opens.isoformat(),
        "today": today.isoformat(),
        "states": states,
    }


ROUTERS = [
    status_router,
    parties_router,
    timeline_router,
    changes_router,
    treaties_router,
    states_router,
    borders_router,
    check_router,
    map_router,
]
