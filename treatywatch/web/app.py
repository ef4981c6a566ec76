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
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from treatywatch import __version__, bulk, overlay
from treatywatch.dates import parse_day
from treatywatch.ledger import Ledger, load
from treatywatch.reading.source import Fetcher
from treatywatch.store import Store
from treatywatch.web import errors, pages, writes
from treatywatch.web.api import ROUTERS
from treatywatch.web.checks import CheckPool
from treatywatch.web.fast import FastAnswers
from treatywatch.web.guard import Guard
from treatywatch.web.index import index_for
from treatywatch.web.respcache import Entries, ResponseCache, declared

#: The Host names a server answers by default: the loopback names (``serve`` adds the
#: ``--host`` it binds and every ``--allow-host``; "*" switches the check off).
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
HERE = Path(__file__).parent


def _today() -> date:
    fixed = os.environ.get("TREATYWATCH_TODAY")
    return parse_day(fixed) if fixed else date.today()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """While the server runs, a daemon thread watches the overlay for writes made by other
    processes (``writes.Reloader.watch``)."""
    reloader = app.state.reloader
    if reloader is not None:
        threading.Thread(target=reloader.watch, name="overlay-watch", daemon=True).start()
    if app.state.warm:
        threading.Thread(target=_warm, args=(app,), name="warm", daemon=True).start()
    try:
        yield
    finally:
        if reloader is not None:
            reloader.stop.set()


def _warm(app: FastAPI) -> None:
    """Build the whole answer index and load the reader before the first request needs
    them (``serve`` only; tests build what they use)."""
    index_for(app.state).warm()
    from treatywatch.web.api import warm_reader

    warm_reader(app.state.ledger)


def create_app(
    ledger: Ledger | None = None,
    today: Callable[[], date] = _today,
    store: Store | None = None,
    token: str | None = None,
    *,
    fetch: bool = True,
    hosts: Sequence[str] = LOCAL_HOSTS,
    fetcher: Fetcher | None = None,
    cache: bool = False,
    checks: CheckPool | None = None,
    fast: bool = True,
) -> FastAPI:
    """The API and pages over ``ledger`` (plus ``store``'s overlay); ``serve_app`` is the
    same with the answer cache on. Writes exist only when both a store and a token are
    given."""
    app = FastAPI(
        title="treatywatch",
        version=__version__,
        description="Which states are bound by which arms-control treaties on any day, "
        "why, and from which source. Read-only unless the operator configures writes.",
        lifespan=_lifespan,
        docs_url=None,  # /docs is the app's own page (pages.py): the CSP allows no CDN
        redoc_url=None,
    )
    app.state.store = store
    app.state.reloader = None
    if store is not None:
        loaded, change = overlay.load_snapshot(store)
        app.state.ledger = ledger or loaded
        app.state.reloader = writes.Reloader(app.state, store, change)
    else:
        app.state.ledger = ledger or load()
    bulk.settle()  # the record stays for the server's life: keep the collector off it
    app.state.today = today
    app.state.on_change = []
    app.state.fetch = fetch
    app.state.fetcher = fetcher
    app.state.checks = checks or CheckPool()
    app.state.cache = Entries() if cache else None
    app.state.warm = cache
    if app.state.reloader is not None:
        app.state.reloader.warm = cache
    errors.install(app)

    if fast:
        app.add_middleware(FastAnswers, state=app.state)
    # Level 1: a 180 KB parties list compresses to about 10% in ~1 ms (level 9 takes 5x).
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=1)
    if app.state.cache is not None:
        app.add_middleware(
            ResponseCache, entries=app.state.cache, today=today, params=declared(ROUTERS)
        )
        app.state.on_change.append(app.state.cache.clear)
    app.add_middleware(Guard, hosts=hosts)
    for router in ROUTERS:
        app.include_router(router)
    if store is not None and token:
        app.include_router(writes.router(token))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def serve_app(
    ledger: Ledger | None = None,
    today: Callable[[], date] = _today,
    store: Store | None = None,
    token: str | None = None,
    *,
    fetch: bool = True,
    hosts: Sequence[str] = LOCAL_HOSTS,
) -> FastAPI:
    """The app as `treatywatch serve` runs it: with the cache of finished API answers,
    which a write empties."""
    return create_app(ledger, today, store, token, fetch=fetch, hosts=hosts, cache=True)
