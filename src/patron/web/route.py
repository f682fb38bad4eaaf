"""Page routes: errors answered as pages, the login redirect, and the security headers.

The API answers errors in JSON (:mod:`patron.api.errors`); a page answers the same
errors as HTML with the same status: no session is a redirect to ``/login`` (for an
htmx request, a 401 with ``HX-Redirect``), a role too weak a 403 page, bad input a
400 page naming the field, an unknown actor a 404 page with the closest names.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute

from patron.api.errors import status_of
from patron.errors import AmbiguousActor, InputError, PatronError, UnknownActor
from patron.web.render import page, security_headers
from patron.web.session import LoginRequired

__all__ = ["WebRoute"]


def _error_page(request: Request, exc: Exception) -> Response:
    if isinstance(exc, LoginRequired):
        if request.headers.get("hx-request") == "true":
            return Response(status_code=401, headers={"HX-Redirect": exc.location})
        return RedirectResponse(exc.location, status_code=303)
    if isinstance(exc, RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                    for e in exc.errors()]  # fmt: skip
        name = "error_part.html" if request.headers.get("hx-request") == "true" else "error.html"
        return page(request, name, 422, title="Bad request", message="; ".join(problems),
                    candidates=[])  # fmt: skip
    assert isinstance(exc, PatronError)
    message = exc.message if isinstance(exc, InputError) else str(exc)
    if isinstance(exc, InputError) and exc.field:
        message = f"{exc.field.lstrip('-').replace('-', '_')}: {exc.message}"
    candidates = exc.candidates if isinstance(exc, UnknownActor | AmbiguousActor) else []
    status = status_of(exc)
    titles = {400: "Bad request", 403: "Not allowed", 404: "Not found", 503: "Unavailable"}
    name = "error_part.html" if request.headers.get("hx-request") == "true" else "error.html"
    return page(request, name, status, title=titles.get(status, "Error"), message=message,
                candidates=candidates)  # fmt: skip


class WebRoute(APIRoute):
    """A page's route: see the module doc."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        answer = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                response = await answer(request)
            except (LoginRequired, RequestValidationError, PatronError) as exc:
                return _error_page(request, exc)
            for key, value in security_headers().items():
                response.headers.setdefault(key, value)
            return response

        return handler
