"""Writing through the HTTP API: only with a token the operator configured.

No token configured (TREATYWATCH_TOKEN unset) means the write endpoint does not exist at
all. The token is compared in constant time (hmac.compare_digest).
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from treatywatch import bulk, overlay
from treatywatch.web.errors import error_response


class ActIn(BaseModel):
    """An act to add to the overlay; validated against the law and the record first."""

    model_config = ConfigDict(
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
        }
    )
    state: str
    treaty: str
    kind: str
    date: str = Field(max_length=10)
    source: str = Field(max_length=2000)
    publisher: str = ""
    title: str = ""
    effective: str = ""
    note: str = Field(default="", max_length=2000)
    why: str = Field(default="", max_length=2000)


def token_ok(given: str | None, expected: str) -> bool:
    """Constant-time comparison of 'Bearer <token>' with the configured token."""
    if not given or not given.startswith("Bearer "):
        return False
    return hmac.compare_digest(given[len("Bearer ") :].encode(), expected.encode())


def router(token: str) -> APIRouter:
    r = APIRouter(prefix="/api", tags=["write"])

    @r.post("/acts", status_code=201)
    def add_act(
        request: Request,
        body: Annotated[ActIn, Body()],
        authorization: Annotated[str | None, Header()] = None,
    ) -> Any:
        """Add an act to the overlay (needs `Authorization: Bearer <token>`)."""
        if not token_ok(authorization, token):
            return error_response(
                401, "a valid token is needed to write", hint="send Authorization: Bearer <token>"
            )
        store = request.app.state.store
        led = request.app.state.ledger
        state, treaty = led.state(body.state), led.treaty(body.treaty)
        src = overlay.source_for_url(body.source, body.publisher, body.title)
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
        (act_id,) = overlay.add_acts(store, [row], [src], who=f"api:{who}", why=body.why)
        request.app.state.ledger = overlay.load(store)
        bulk.settle()
        for hook in request.app.state.on_change:
            hook()
        return JSONResponse({"id": act_id, "act": row}, status_code=201)

    return r
