"""Writing through the HTTP API, and seeing writes made elsewhere.

No token configured (TREATYWATCH_TOKEN unset) means the write endpoint does not exist at
all. The token is checked first, before the body is even read, and compared in constant
time (hmac.compare_digest); a refusal carries ``WWW-Authenticate: Bearer``. A body that
does not fit, or an act the record and the law refuse (unknown state, kind or source,
bad date, withdrawal by a non-party, duplicate), answers 422 naming the field and the
reason. Once a write has committed, its answer is 201 whatever happens next.

The ledger the server answers from is reloaded from one snapshot of the overlay
(``Reloader``): after each write made here, and whenever the overlay's change counter
(``Store.change``) moves because another process (the CLI, another server) wrote to the
same database, checked every ``POLL`` seconds. Reloads are serialised and coalesced:
twenty writers at once cost a few reloads, not twenty.
"""

from __future__ import annotations

import hmac
import logging
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from treatywatch import bulk, overlay
from treatywatch.errors import DataError, NotFound, UsageError
from treatywatch.store import Store
from treatywatch.web.errors import WebError, error_response
from treatywatch.web.index import AnswerIndex

POLL = 1.0  # seconds between checks of the overlay's change counter
log = logging.getLogger("treatywatch.web")
_NAME = r"^[^\x00-\x1f\x7f]*$"


class ActIn(BaseModel):
    """An act to add to the overlay; validated against the law and the record first."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "state": "NOR",
                    "treaty": "ccm",
                    "kind": "withdrawal",
                    "date": "2027-01-15",
                    "source": "https://example.org/notification",
                    "why": "depositary notification",
                }
            ]
        },
    )
    state: str = Field(max_length=200, pattern=_NAME)
    treaty: str = Field(max_length=200, pattern=_NAME)
    kind: str = Field(max_length=60, pattern=_NAME)
    date: str = Field(max_length=21, pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
    source: str = Field(max_length=2000, pattern=_NAME)
    publisher: str = Field(default="", max_length=500, pattern=_NAME)
    title: str = Field(default="", max_length=1000, pattern=_NAME)
    effective: str = Field(default="", max_length=21, pattern=r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$")
    note: str = Field(default="", max_length=2000, pattern=_NAME)
    why: str = Field(default="", max_length=2000, pattern=_NAME)


def token_ok(given: str | None, expected: str) -> bool:
    """Constant-time comparison of 'Bearer <token>' with the configured token."""
    if not given or not given.startswith("Bearer "):
        return False
    return hmac.compare_digest(given[len("Bearer ") :].encode(), expected.encode())


class Reloader:
    """Keeps ``state.ledger`` at the overlay's latest committed change."""

    def __init__(self, state: Any, store: Store, loaded: int) -> None:
        self.state, self.store, self.loaded = state, store, loaded
        self.warm = False  # build the whole answer index on reload (the server sets it)
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def refresh(self) -> bool:
        """Reload if the overlay changed since the loaded snapshot; True if it did."""
        with self.lock:
            if self.store.change() == self.loaded:
                return False
            ledger, change = overlay.load_snapshot(self.store)
            bulk.settle()
            index = AnswerIndex(ledger)
            if self.warm:
                index.warm()  # built before the swap: no request pays for it
            self.state.index = index
            self.state.ledger, self.loaded = ledger, change
            for hook in self.state.on_change:
                hook()
            return True

    def watch(self) -> None:
        """Poll the change counter until ``stop`` is set (a daemon thread's body)."""
        while not self.stop.wait(POLL):
            try:
                self.refresh()
            except Exception:  # a broken overlay must not kill the watcher
                log.exception("reloading the overlay failed; still serving the last good one")


def _invalid(field: str, reason: str, hint: str | None = None, **kw: Any) -> WebError:
    return WebError(422, f"{field}: {reason}", hint=hint, code="invalid_act", **kw)


def _body(raw: bytes) -> ActIn:
    try:
        return ActIn.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or "body"
        reason = str(first.get("msg", "invalid"))
        if first.get("type") == "string_pattern_mismatch":
            reason = (
                "a date is YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits"
                if field in ("date", "effective")
                else "control characters (such as NUL) are not allowed"
            )
        raise _invalid(field, reason, "see /docs for the act's fields") from None


def _write(request: Request, body: ActIn) -> dict[str, Any]:
    store: Store = request.app.state.store
    led = request.app.state.ledger
    try:
        state = led.state(body.state)
    except NotFound as exc:
        raise _invalid(
            "state", str(exc), "give an ISO code, name or capital", suggestions=exc.suggestions
        ) from None
    try:
        treaty = led.treaty(body.treaty)
    except NotFound as exc:
        raise _invalid(
            "treaty", str(exc), "see GET /api/treaties", suggestions=exc.suggestions
        ) from None
    try:
        src = overlay.source_for_url(body.source, body.publisher, body.title)
    except UsageError as exc:
        raise _invalid("source", str(exc)) from None
    row = {
        "treaty": treaty.id,
        "state": state.alpha3,
        "kind": body.kind,
        "date": body.date,
        "effective": body.effective,
        "sources": src["id"],
        "note": body.note,
    }
    who = request.client.host if request.client else "api"
    try:
        (act_id,) = overlay.add_acts(store, [row], [src], who=f"api:{who}", why=body.why)
    except DataError as exc:
        p = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
        raise _invalid(p.field or "act", p.message + more, p.hint) from None
    # Committed: from here on the answer is success, whatever the reload does.
    try:
        request.app.state.reloader.refresh()
    except Exception:
        log.exception("reloading after a committed write failed; the watcher will retry")
    return {"id": act_id, "act": row}


def router(token: str) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["write"])

    @r.post(
        "/acts",
        status_code=201,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": ActIn.model_json_schema()}},
            }
        },
    )
    async def add_act(request: Request) -> Any:
        """Add an act to the overlay (needs `Authorization: Bearer <token>`). 201 with the
        act's id once committed; 401 without a valid token (checked before the body is
        read); 422 naming the field and the reason when the act is refused."""
        if not token_ok(request.headers.get("authorization"), token):
            resp = error_response(
                401, "a valid token is needed to write", hint="send Authorization: Bearer <token>"
            )
            resp.headers["WWW-Authenticate"] = 'Bearer realm="treatywatch"'
            return resp
        body = _body(await request.body())
        return JSONResponse(await run_in_threadpool(_write, request, body), status_code=201)

    return r
