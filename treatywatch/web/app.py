"""The ASGI app: the API routers, the pages, static files, one error shape.

Read-only unless a store and a token are configured. Request bodies are capped; pages send
a strict Content Security Policy so that nothing but the app's own scripts can run. The
Host header must name one of the served host names (by default the loopback names), so a
page on another site cannot reach a local server through DNS rebinding. The server never
reads local files or its standard input for a check; it fetches http(s) URLs to public
addresses only, and not at all when started with ``fetch=False`` (``serve --no-fetch``).
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from treatywatch import __version__, bulk, overlay
from treatywatch.dates import parse_day
from treatywatch.ledger import Ledger, load
from treatywatch.reading.source import Fetcher
from treatywatch.store import Store
from treatywatch.web import errors, pages, writes
from treatywatch.web.api import ROUTERS
from treatywatch.web.respcache import ResponseCache

MAX_BODY = 1_000_000  # bytes
#: The Host names a server answers by default: the loopback names (``serve`` adds the
#: ``--host`` it binds and every ``--allow-host``; "*" switches the check off).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def _today() -> date:
    fixed = os.environ.get("TREATYWATCH_TODAY")
    return parse_day(fixed) if fixed else date.today()


def create_app(
    ledger: Ledger | None = None,
    today: Callable[[], date] = _today,
    store: Store | None = None,
    token: str | None = None,
    *,
    fetch: bool = True,
    hosts: Sequence[str] = LOCAL_HOSTS,
    fetcher: Fetcher | None = None,
) -> FastAPI:
    """The API and pages over ``ledger`` (plus ``store``'s overlay); see ``serve_app`` for the
    cached server app. Writes exist only when both a store and a token are given."""
    app = FastAPI(
        title="treatywatch",
        version=__version__,
        description="Which states are bound by which arms-control treaties on any day, "
        "why, and from which source. Read-only.",
    )
    app.state.store = store
    app.state.ledger = ledger or (overlay.load(store) if store else load())
    bulk.settle()  # the record stays for the server's life: keep the collector off it
    app.state.today = today
    app.state.on_change = []
    app.state.fetch = fetch
    app.state.fetcher = fetcher
    allowed = {h.lower().strip("[]") for h in hosts}
    errors.install(app)

    @app.middleware("http")
    async def limits(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if "*" not in allowed and host_name(request.headers.get("host")) not in allowed:
            return errors.error_response(
                421,
                "this server does not answer for that host name",
                hint="the server's operator lists its host names with serve --allow-host",
            )
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return errors.error_response(
                413, f"request body over {MAX_BODY} bytes", hint="send at most 1 MB of text"
            )
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return errors.error_response(413, f"request body over {MAX_BODY} bytes")

            async def replay() -> dict[str, object]:
                return {"type": "http.request", "body": body, "more_body": False}

            request = Request(request.scope, replay)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.add_middleware(GZipMiddleware, minimum_size=1000)
    for router in ROUTERS:
        app.include_router(router)
    if store is not None and token:
        app.include_router(writes.router(token))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def host_name(header: str | None) -> str:
    """The host name of a Host header, lower case, without port or IPv6 brackets."""
    if not header:
        return ""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def serve_app(
    ledger: Ledger | None = None,
    today: Callable[[], date] = _today,
    store: Store | None = None,
    token: str | None = None,
    *,
    fetch: bool = True,
    hosts: Sequence[str] = LOCAL_HOSTS,
) -> ResponseCache:
    """The app as `treatywatch serve` runs it: behind the cache of finished API answers,
    which a write empties."""
    app = create_app(ledger, today, store, token, fetch=fetch, hosts=hosts)
    cache = ResponseCache(app, today)
    app.state.on_change.append(cache.entries.clear)
    return cache
