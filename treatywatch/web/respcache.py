"""A cache of finished API answers (pure ASGI, inside the app, behind the Guard).

An answer to GET /api/... depends only on the path, on the query parameters the endpoint
declares, on "today" (the default date) and on the overlay, which a write replaces (and
which empties the cache). So the key is the path with those parameters only, sorted, plus
whether the client takes gzip, plus today: parameters an endpoint does not read, or given
in another order, hit the same entry. Finished 200 answers are kept, least recently used
first out, within ``MAX_BYTES`` in all (``MAX_ENTRY`` each), and replayed byte for byte.
Errors, POSTs, pages and static files are never cached; concurrent misses on one key
compute it once.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BYTES = 64 * 1024 * 1024  # the whole cache: bodies and headers
MAX_ENTRY = 2 * 1024 * 1024  # one answer; larger ones are not kept
Key = tuple[str, bool, str, int]


class Entries:
    """A least-recently-used map of answers bounded by their size in bytes."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_entry: int = MAX_ENTRY) -> None:
        self.max_bytes, self.max_entry = max_bytes, max_entry
        self.items: OrderedDict[Key, tuple[list[Message], int]] = OrderedDict()
        self.size = 0
        #: Part of every key; ``clear`` moves it on, so an answer computed from the old
        #: ledger while a reload happened is stored under a key no one asks for again.
        self.generation = 0

    def __len__(self) -> int:
        return len(self.items)

    def get(self, key: Key) -> list[Message] | None:
        hit = self.items.get(key)
        if hit is None:
            return None
        self.items.move_to_end(key)
        return hit[0]

    def put(self, key: Key, messages: list[Message], size: int) -> None:
        if size > self.max_entry:
            return
        old = self.items.pop(key, None)
        if old is not None:
            self.size -= old[1]
        self.items[key] = (messages, size)
        self.size += size
        while self.size > self.max_bytes and self.items:
            _, (_, dropped) = self.items.popitem(last=False)
            self.size -= dropped

    def clear(self) -> None:
        self.generation += 1
        self.items.clear()
        self.size = 0


def declared(routers: Iterable[Any]) -> dict[str, frozenset[str]]:
    """Path -> the query parameters its GET endpoint declares."""
    out: dict[str, frozenset[str]] = {}
    for router in routers:
        for route in router.routes:
            if "GET" in getattr(route, "methods", ()):
                out[route.path] = frozenset(p.alias for p in route.dependant.query_params)
    return out


class ResponseCache:
    def __init__(
        self,
        app: ASGIApp,
        entries: Entries,
        today: Callable[[], date],
        params: dict[str, frozenset[str]],
    ) -> None:
        self.app = app
        self.entries = entries
        self.today = today
        self.params = params
        self.pending: dict[Key, asyncio.Event] = {}

    def key(self, scope: Scope) -> Key | None:
        names = self.params.get(scope["path"])
        if names is None:
            return None
        pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        query = urlencode(sorted((k, v) for k, v in pairs if k in names))
        gzip = any(k == b"accept-encoding" and b"gzip" in v for k, v in scope["headers"])
        day = self.today().isoformat()
        return scope["path"] + "?" + query, gzip, day, self.entries.generation

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        key = self.key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        if self.entries.get(key) is None and key in self.pending:
            await self.pending[key].wait()  # the same answer is being computed: wait for it
        hit = self.entries.get(key)
        if hit is not None:
            for message in hit:
                await send(message)
            return
        done = self.pending.setdefault(key, asyncio.Event())
        recorded: list[Message] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal size
            recorded.append(message)
            if message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            else:
                size += sum(len(k) + len(v) for k, v in message.get("headers", []))
            await send(message)

        try:
            await self.app(scope, receive, capture)
            if recorded and recorded[0].get("status") == 200:
                self.entries.put(key, recorded, size + 256)
        finally:
            if self.pending.get(key) is done:
                del self.pending[key]
            done.set()
