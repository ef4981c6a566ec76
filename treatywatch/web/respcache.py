"""A cache of finished API responses, in front of the whole app (pure ASGI).

The record does not change while the server runs, so a GET /api/... answer depends only
on its URL and on "today" (the default date). Finished responses (status, headers, body)
are kept, least recently used first out, and replayed byte for byte. Errors, POSTs,
pages and static files are never cached.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import date
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_ENTRIES = 4096
MAX_BODY = 4_000_000


class ResponseCache:
    def __init__(self, app: ASGIApp, today: Callable[[], date]) -> None:
        self.app = app
        self.today = today
        self.entries: OrderedDict[tuple[bytes, bytes, str], list[Message]] = OrderedDict()
        self.pending: dict[tuple[bytes, bytes, str], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        accept = (
            b"gzip"
            if any(k == b"accept-encoding" and b"gzip" in v for k, v in scope["headers"])
            else b""
        )
        key = (
            scope["path"].encode() + b"?" + scope["query_string"],
            accept,
            self.today().isoformat(),
        )
        if key not in self.entries and key in self.pending:
            await self.pending[key].wait()  # the same answer is being computed: wait for it
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
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
            await send(message)

        try:
            await self.app(scope, receive, capture)
            if recorded and recorded[0].get("status") == 200 and size <= MAX_BODY:
                self.entries[key] = recorded
                if len(self.entries) > MAX_ENTRIES:
                    self.entries.popitem(last=False)
        finally:
            self.pending.pop(key, None)
            done.set()
