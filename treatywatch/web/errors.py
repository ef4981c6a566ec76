"""One JSON error shape for every failure of the HTTP API:

{"error": {"status": 404, "code": "not_found", "message": "...",
           "hint": "...", "suggestions": ["Lithuania"]}}
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from treatywatch.errors import DataError, NotFound, TreatywatchError, UsageError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    421: "misdirected_request",
    422: "invalid_parameter",
    500: "internal_error",
    503: "busy",
    504: "timeout",
}


class WebError(Exception):
    """A failure the web layer answers itself, with its own status and code."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        hint: str | None = None,
        code: str | None = None,
        suggestions: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.hint, self.code = status, message, hint, code
        self.suggestions = suggestions or []


def error_body(
    status: int,
    message: str,
    *,
    hint: str | None = None,
    suggestions: list[str] | None = None,
    code: str | None = None,
) -> dict[str, Any]:
    return {
        "error": {
            "status": status,
            "code": code or CODES.get(status, "error"),
            "message": message,
            "hint": hint,
            "suggestions": suggestions or [],
        }
    }


def error_response(status: int, message: str, **kw: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, **kw), status_code=status)


def _wants_page(request: Request) -> bool:
    """A page path (not the API, the OpenAPI document or a static file) asked by GET."""
    path = request.url.path
    return request.method in ("GET", "HEAD") and not path.startswith(
        ("/api/", "/openapi", "/static/")
    )


def install(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def _web(request: Request, exc: WebError) -> JSONResponse:
        return error_response(
            exc.status, exc.message, hint=exc.hint, code=exc.code, suggestions=exc.suggestions
        )

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        if _wants_page(request):
            from treatywatch.web.pages import not_found_page

            what = request.url.path.rstrip("/").rsplit("/", 1)[-1]
            return not_found_page(request, what, exc.suggestions)
        hint = f"did you mean {' or '.join(exc.suggestions)}?" if exc.suggestions else None
        return error_response(404, str(exc), hint=hint, suggestions=exc.suggestions)

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        return error_response(500, "the record failed validation", hint=str(exc)[:500])

    @app.exception_handler(TreatywatchError)
    async def _other(request: Request, exc: TreatywatchError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body"))
        message = f"{where or 'request'}: {first.get('msg', 'invalid')}"
        return error_response(422, message, hint="see /docs for the parameters")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and _wants_page(request):
            from treatywatch.web.pages import not_found_page

            return not_found_page(request, request.url.path, [])
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(exc.status_code, message)
