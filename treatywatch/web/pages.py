"""Server-rendered pages (Jinja2, autoescaped); the map and the checker add scripts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from treatywatch.dates import parse_day
from treatywatch.errors import NotFound
from treatywatch.ledger import Ledger
from treatywatch.model import Status
from treatywatch.render import answer_dict, change_dict

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
STATIC = Path(__file__).parent / "static"
router = APIRouter(include_in_schema=False)

#: Okabe-Ito colours (colour-blind safe), each also carried by a pattern and a label.
STATUS_STYLE = {
    "party": ("#0072B2", "solid", "party (bound)"),
    "consented": ("#009E73", "dots", "consented, not yet in force"),
    "signatory": ("#56B4E9", "solid", "signatory"),
    "withdrawal_pending": ("#E69F00", "hatch", "withdrawal pending (still bound)"),
    "withdrawal_suspended": ("#F0E442", "cross", "withdrawal held back (armed conflict)"),
    "suspended": ("#CC79A7", "cross", "declared suspension (contested; still bound)"),
    "withdrawn": ("#D55E00", "hatch", "withdrawn"),
    "signature_withdrawn": ("#999999", "dots", "signature withdrawn"),
    "ended": ("#444444", "solid", "treaty ended"),
    "not_party": ("#E8E8E8", "solid", "not a party"),
}


def _led(request: Request) -> Ledger:
    led: Ledger = request.app.state.ledger
    return led


def _day(request: Request, value: str | None) -> date:
    if value:
        try:
            return parse_day(value)
        except Exception:
            pass
    today: date = request.app.state.today()
    return today


def _page(request: Request, name: str, **ctx: Any) -> Response:
    ctx.setdefault("styles", STATUS_STYLE)
    return templates.TemplateResponse(request, name, ctx)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    led = _led(request)
    today = _day(request, None)
    recent = [
        change_dict(led, c)
        for c in led.changes(today - timedelta(days=365), today)
        if c.type == "status" and c.after not in (Status.SIGNATORY, Status.CONSENTED)
    ]
    upcoming = [change_dict(led, c) for c in led.upcoming(today)][:20]
    treaties = sorted(led.treaties.values(), key=lambda t: t.short_name)
    return _page(
        request, "home.html", today=today, recent=recent[::-1], upcoming=upcoming, treaties=treaties
    )


@router.get("/search")
def search(request: Request, q: str = "") -> Response:
    led = _led(request)
    for finder, prefix in ((led.treaty, "/treaty/"), (led.state, "/state/")):
        try:
            found = finder(q)
        except NotFound:
            continue
        key = str(getattr(found, "id", None) or getattr(found, "alpha3", ""))
        return RedirectResponse(prefix + key, status_code=303)
    suggestions: list[str] = []
    for finder in (led.state, led.treaty):
        try:
            finder(q)
        except NotFound as exc:
            suggestions += exc.suggestions
    return _page(request, "notfound.html", q=q, suggestions=suggestions)


@router.get("/treaty/{tid}", response_class=HTMLResponse)
def treaty_page(request: Request, tid: str, on: str | None = None) -> Response:
    led = _led(request)
    t = led.treaty(tid)
    day = _day(request, on)
    rows = [answer_dict(led, a) for a in led.parties(t.id, day, set(Status) - {Status.NOT_PARTY})]
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return _page(
        request,
        "treaty.html",
        t=t,
        day=day,
        rows=rows,
        counts=counts,
        today=_day(request, None),
        eif=led.in_force[t.id].date,
        opens=t.signature_opens or t.adopted,
        sources=led.source_list(t.sources),
    )


@router.get("/state/{code}", response_class=HTMLResponse)
def state_page(request: Request, code: str, on: str | None = None) -> Response:
    led = _led(request)
    st = led.state(code)
    day = _day(request, on)
    statuses = [answer_dict(led, led.status(st.alpha3, tid, day)) for tid in sorted(led.treaties)]
    timeline = [change_dict(led, c) for c in led.timeline(st.alpha3)]
    neighbours = [
        (led.states[o].name, o, sorted({b.length_km for b in rs}))
        for o, rs in sorted(led.neighbours(st.alpha3).items())
    ]
    alliances = [
        answer_dict(led, led.status(st.alpha3, tid, day))
        for tid in ("nato", "eu")
        if tid in led.treaties
    ]
    return _page(
        request,
        "state.html",
        st=st,
        day=day,
        statuses=statuses,
        timeline=timeline,
        neighbours=neighbours,
        alliances=alliances,
        alliances_missing=[tid.upper() for tid in ("nato", "eu") if tid not in led.treaties],
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The API reference, drawn from /openapi.json by the app's own script."""
    return _page(request, "apidocs.html")


@router.get("/favicon.ico")
def favicon() -> Response:
    return FileResponse(
        STATIC / "favicon.svg",
        media_type="image/svg+xml",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def not_found_page(request: Request, what: str, suggestions: list[str]) -> Response:
    """The HTML answer for a page that names nothing (the API answers JSON)."""
    response = _page(request, "notfound.html", q=what, suggestions=suggestions)
    response.status_code = 404
    return response


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request) -> Response:
    return _page(request, "check.html", fetch=request.app.state.fetch)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request) -> Response:
    store = request.app.state.store
    items = store.queue("pending") if store is not None else []
    return _page(request, "queue.html", items=items, configured=store is not None)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request) -> Response:
    store = request.app.state.store
    entries = store.audit()[::-1] if store is not None else []
    return _page(request, "audit.html", entries=entries, configured=store is not None)
