"""Running the app under uvicorn with the limits the app cannot set itself.

uvicorn answers a request it cannot parse (malformed, or a request line and headers over
``MAX_HEAD``, a bound added here for httptools, which has none) before the app sees it;
here that answer has the API's JSON error shape too. Connections idle
for ``KEEP_ALIVE`` seconds are closed. uvicorn's own ``limit_concurrency`` is a backstop
far above the app's limit (``guard.MAX_INFLIGHT``); its 503 is plain text, the only
answer without the JSON shape (documented in docs/api.md).
"""

from __future__ import annotations

import json
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from treatywatch.web.errors import error_body

KEEP_ALIVE = 5  # seconds
MAX_HEAD = 64 * 1024  # bytes of request line and headers (h11)
BACKSTOP = 4096  # connections + tasks before uvicorn's own plain-text 503


def _bad_request() -> bytes:
    body = json.dumps(
        error_body(
            400,
            "malformed or oversized HTTP request",
            hint="request line and headers must be well-formed and at most 64 KB",
        )
    ).encode()
    head = (
        b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n"
    )
    return head + body


class JSONHttpTools(HttpToolsProtocol):
    """httptools with the JSON 400 and a bound on the request head, which httptools
    itself does not limit: bytes received while a head is incomplete are counted, and
    past ``MAX_HEAD`` the connection gets the 400 and is closed (at most one read, 256 KB,
    beyond the bound is ever buffered)."""

    _head_bytes = 0
    _in_body = False

    def data_received(self, data: bytes) -> None:
        if not self._in_body:
            self._head_bytes += len(data)
        super().data_received(data)
        if not self._in_body and self._head_bytes > MAX_HEAD and not self.transport.is_closing():
            self.send_400_response("request head too large")

    def on_headers_complete(self) -> None:
        self._in_body = True
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._in_body = False
        self._head_bytes = 0
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        self.transport.write(_bad_request())
        self.transport.close()


class JSONH11(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        self.transport.write(_bad_request())
        self.transport.close()


def config(app: Any, host: str, port: int, **kw: Any) -> uvicorn.Config:
    try:
        import httptools  # noqa: F401

        protocol: type = JSONHttpTools
    except ImportError:  # pragma: no cover (httptools is a dependency of uvicorn[standard])
        protocol = JSONH11
    options: dict[str, Any] = {
        "http": protocol,
        "log_level": "warning",
        "timeout_keep_alive": KEEP_ALIVE,
        "limit_concurrency": BACKSTOP,
        "h11_max_incomplete_event_size": MAX_HEAD,
        "server_header": False,
        "backlog": 2048,
    }
    options.update(kw)
    return uvicorn.Config(app, host=host, port=port, **options)


def run(app: Any, host: str, port: int) -> None:
    uvicorn.Server(config(app, host, port)).run()
