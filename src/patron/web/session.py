"""Who is looking: the session cookie, the roles pages need, and the CSRF check.

``/login`` takes an API token (``patron users token NAME``) and keeps it in the
``patron_session`` cookie: HttpOnly (no script reads it), SameSite=Strict (no other
site's page sends it), path ``/``. Every page asks the store who holds it, as the
API asks of a bearer token, so a revoked token ends its sessions at once.

Writes from pages (login aside) also need the session's CSRF token, sent as the
``X-CSRF-Token`` header (htmx sends it from the ``hx-headers`` of ``<body>``) or as a
form's ``csrf`` field. The token is a keyed hash of the session's secret, so a page of
another origin, which cannot read the cookie, cannot make it.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request

from patron.api.auth import require
from patron.api.errors import Forbidden
from patron.api.service import Service, service
from patron.store.accounts import User

__all__ = [
    "COOKIE",
    "LoginRequired",
    "PageAnalyst",
    "PageViewer",
    "Written",
    "csrf_token",
    "safe_next",
]

COOKIE = "patron_session"
CSRF_HEADER = "x-csrf-token"


class LoginRequired(Exception):
    """No session, or one whose token the store no longer knows: go to ``/login``."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path
        super().__init__(next_path)

    @property
    def location(self) -> str:
        return "/login?next=" + quote(self.next_path, safe="/")


def csrf_token(secret: str) -> str:
    """The CSRF token of the session holding ``secret``."""
    return hmac.new(b"patron-csrf", secret.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def safe_next(value: str | None) -> str:
    """Where to go after logging in: a path on this site only (never ``//host``)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


async def _session_user(request: Request,
                        svc: Annotated[Service, Depends(service)]) -> User:  # fmt: skip
    secret = request.cookies.get(COOKIE)
    user = svc.authenticate(secret) if secret else None
    if user is None or secret is None:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(here)
    request.state.user = user
    request.state.csrf = csrf_token(secret)
    return user


async def _csrf(request: Request, user: Annotated[User, Depends(_session_user)]) -> User:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        field = (await request.form()).get("csrf")
        sent = field if isinstance(field, str) else None
    if not sent or not hmac.compare_digest(sent, request.state.csrf):
        raise Forbidden("missing or wrong CSRF token: reload the page and try again")
    return user


PageViewer = Annotated[User, Depends(require("viewer", _session_user))]
PageAnalyst = Annotated[User, Depends(require("analyst", _session_user))]
#: A write from a page: a session, and its CSRF token (combine with a role check).
Written = Annotated[User, Depends(_csrf)]
