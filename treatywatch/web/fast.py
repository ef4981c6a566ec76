"""A fast path for the two hot reads, /api/status and /api/parties (pure ASGI).

FastAPI's routing and parameter machinery costs far more than the answer itself, which
comes from the per-day index in microseconds. So a plain request for one of the two (each
parameter once, no composition with borders or other treaties) is answered here with the
very functions the endpoints call. Anything else, and every request that would fail
(unknown state, bad date, missing parameter), goes on to FastAPI, so errors, the OpenAPI
document and the composed queries behave exactly as before; ``tests/test_api.py`` checks
that both paths give the same bytes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from treatywatch.model import BOUND
from treatywatch.web.index import index_for

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_COMPOSED = {"borders", "party", "not_party"}


class FastAnswers:
    def __init__(self, app: ASGIApp, state: Any) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path = scope["path"]
            if path == "/api/status" or path == "/api/parties":
                body = self.answer(path, scope["query_string"])
                if body is not None:
                    await send(
                        {
                            "type": "http.response.start",
                            "status": 200,
                            "headers": [
                                (b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                            ],
                        }
                    )
                    await send({"type": "http.response.body", "body": body})
                    return
        await self.app(scope, receive, send)

    def answer(self, path: str, query_string: bytes) -> bytes | None:
        """The answer's bytes, or None to let FastAPI answer (and fail, if it must)."""
        from treatywatch.web.api import _statuses, web_day

        query: dict[str, str] = {}
        for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
            if key in query or key in _COMPOSED:
                return None
            query[key] = value
        state = self.state
        led = state.ledger
        try:
            on = web_day(query["on"]) if "on" in query else state.today()
            tid = led.treaty(query["treaty"]).id
            if path == "/api/status":
                alpha3 = led.state(query["state"]).alpha3
                return index_for(state).status(alpha3, tid, on)
            wanted = _statuses(query.get("status"))
            statuses = frozenset(wanted) if wanted is not None else BOUND
            return index_for(state).parties(tid, on, statuses)
        except Exception:
            return None
