"""``/login`` and ``/logout``: a form taking an API token, kept in the session cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from patron.api.service import Service, service
from patron.web.render import page
from patron.web.route import WebRoute
from patron.web.session import COOKIE, Written, safe_next

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]

#: A session lasts as long as its token, or 12 hours of browser life at most.
_MAX_AGE = 12 * 3600


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, "login.html", next=safe_next(next), failed=False)


@router.post("/login")
def login(request: Request, svc: Svc, token: Annotated[str, Form(max_length=200)],
          next: Annotated[str, Form(max_length=2000)] = "/") -> Response:  # fmt: skip
    user = svc.authenticate(token.strip())
    if user is None:
        return page(request, "login.html", 401, next=safe_next(next), failed=True)
    answer = RedirectResponse(safe_next(next), status_code=303)
    answer.set_cookie(COOKIE, token.strip(), max_age=_MAX_AGE, path="/", httponly=True,
                      samesite="strict")  # fmt: skip
    return answer


@router.post("/logout")
def logout(_user: Written) -> Response:
    answer = RedirectResponse("/login", status_code=303)
    answer.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return answer
