"""Errors as the REST API answers them: an HTTP status and ``{"error": {...}}``.

    PatronError                     (patron.errors)
    ├── InputError      400         ``field`` names the query parameter at fault
    ├── UnknownActor    404         ``candidates``: the closest names
    ├── AmbiguousActor  400         ``candidates``: the actors the name may mean
    ├── StoreError      503
    └── HttpError                   errors only the web has, each with its status
        ├── NotFound        404
        ├── Unauthorized    401
        ├── Forbidden       403
        └── TooLarge        413

A request FastAPI itself refuses (a missing or malformed parameter or body) is a
422 in the same shape, naming the parameter. Anything else is a 500 that says no
more than that.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from patron.errors import AmbiguousActor, InputError, PatronError, StoreError, UnknownActor

__all__ = [
    "Forbidden",
    "HttpError",
    "NotFound",
    "TooLarge",
    "Unauthorized",
    "error_body",
    "install",
    "status_of",
]

_log = logging.getLogger("patron.api")


class HttpError(PatronError):
    """An error that exists only on the web; ``status`` is its HTTP status."""

    status = 500

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class NotFound(HttpError):
    status = 404


class Unauthorized(HttpError):
    status = 401


class Forbidden(HttpError):
    status = 403


class TooLarge(HttpError):
    status = 413


def status_of(exc: PatronError) -> int:
    """The HTTP status of one of Patron's errors."""
    if isinstance(exc, HttpError):
        return exc.status
    if isinstance(exc, UnknownActor):
        return 404
    if isinstance(exc, StoreError):
        return 503
    return 400  # InputError, AmbiguousActor, and any other mistake in what was asked


def _param(field: str) -> str:
    """The query parameter a CLI option names: ``--min-grade`` → ``min_grade``."""
    return field.lstrip("-").replace("-", "_").lower()


def error_body(kind: str, message: str, **more: Any) -> dict[str, Any]:
    return {"error": {"type": kind, "message": message, **more}}


def _patron_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PatronError)
    more: dict[str, Any] = {}
    message = str(exc)
    if isinstance(exc, InputError):
        message = exc.message
        if exc.field:
            more["field"] = _param(exc.field)
    if isinstance(exc, UnknownActor | AmbiguousActor):
        more["candidates"] = exc.candidates
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
    return JSONResponse(error_body(type(exc).__name__, message, **more),
                        status_code=status_of(exc), headers=headers)  # fmt: skip


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ()) if part not in ("query", "path", "body")]
        problems.append({"field": ".".join(loc), "message": str(err.get("msg", "invalid"))})
    first = problems[0] if problems else {"field": "", "message": "invalid request"}
    message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
    return JSONResponse(
        error_body("InputError", message, field=first["field"], problems=problems),
        status_code=422,
    )


def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return JSONResponse(error_body("HttpError", str(exc.detail)), status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))  # fmt: skip


def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    _log.exception("unexpected error", exc_info=exc)
    return JSONResponse(error_body("InternalError", "internal error; see the server's log"),
                        status_code=500)  # fmt: skip


def install(app: FastAPI) -> None:
    """Answer every error in the JSON shape above."""
    app.add_exception_handler(PatronError, _patron_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
