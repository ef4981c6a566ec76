"""The outermost layer of the app (pure ASGI): what every request passes first.

- the Host header must name a served host (421 otherwise: no DNS rebinding);
- at most ``max_inflight`` requests are served at once (503 beyond, with Retry-After);
- a request body is read whole, within ``MAX_BODY`` bytes and ``BODY_SECONDS`` seconds
  (413 and 408 otherwise), before the app sees it: a slow or endless body cannot hold a
  worker;
- ``HEAD`` is answered as ``GET`` without the body;
- every answer carries the security headers (CSP and friends) and ``Server-Timing:
  app;dur=…``, the milliseconds from the request's arrival here to its answer's start.

Every refusal has the API's one error shape (``errors.error_body``).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from treatywatch.web.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1_000_000  # bytes
BODY_SECONDS = 10.0
MAX_INFLIGHT = 512
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def host_name(header: str | None) -> str:
    """The host name of a Host header, lower case, without port or IPv6 brackets."""
    if not header:
        return ""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def send_error(
    send: Send,
    status: int,
    message: str,
    *,
    hint: str | None = None,
    code: str | None = None,
    headers: Iterable[tuple[bytes, bytes]] = (),
    body: bool = True,
) -> None:
    payload = json.dumps(error_body(status, message, hint=hint, code=code)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *SECURITY_HEADERS,
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload if body else b""})


class Guard:
    def __init__(
        self,
        app: ASGIApp,
        hosts: Iterable[str],
        max_inflight: int = MAX_INFLIGHT,
        max_body: int = MAX_BODY,
        body_seconds: float = BODY_SECONDS,
    ) -> None:
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}
        self.max_inflight, self.max_body, self.body_seconds = max_inflight, max_body, body_seconds
        self.inflight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        if "*" not in self.hosts and host_name(host) not in self.hosts:
            await send_error(
                send,
                421,
                "this server does not answer for that host name",
                hint="the operator lists the server's host names with serve --allow-host",
                body=not head,
            )
            return
        if self.inflight >= self.max_inflight:
            await send_error(
                send,
                503,
                "the server is busy",
                hint="try again in a second",
                headers=[(b"retry-after", b"1")],
                body=not head,
            )
            return
        query = scope.get("query_string", b"").lower()
        if (
            b"%00" in query
            or any(b < 32 or b == 127 for b in query)
            or (any(ord(c) < 32 for c in scope["path"]))
        ):
            await send_error(
                send,
                400,
                "control characters (such as NUL) are not allowed in a request",
                body=not head,
            )
            return
        self.inflight += 1
        try:
            await self._serve(scope, receive, send, head)
        finally:
            self.inflight -= 1

    async def _serve(self, scope: Scope, receive: Receive, send: Send, head: bool) -> None:
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await send_error(
                send,
                413,
                f"request body over {self.max_body} bytes",
                hint="send at most 1 MB of text",
                body=not head,
            )
            return
        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            body = await self._read_body(receive, send)
            if body is None:
                return
            sent = False

            async def replay() -> Message:
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()  # after the body: wait for the disconnect

            receive = replay
        if head:
            scope = {**scope, "method": "GET"}

        started = time.perf_counter()

        async def decorate(message: Message) -> None:
            if message["type"] == "http.response.start":
                spent = f"app;dur={(time.perf_counter() - started) * 1000:.3f}".encode()
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        *SECURITY_HEADERS,
                        (b"server-timing", spent),
                    ],
                }
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, decorate)

    async def _read_body(self, receive: Receive, send: Send) -> bytes | None:
        """The whole body, or None once a refusal has been sent."""
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.body_seconds
        while True:
            left = deadline - time.monotonic()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(left, 0.001))
            except TimeoutError:
                await send_error(
                    send, 408, f"the request body took over {self.body_seconds:g} s to arrive"
                )
                return None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await send_error(
                    send,
                    413,
                    f"request body over {self.max_body} bytes",
                    hint="send at most 1 MB of text",
                )
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)
