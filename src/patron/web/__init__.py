"""The browser application: pages over the same service the REST API uses.

:func:`install` mounts the pages and ``/static`` on the API's FastAPI app
(:func:`patron.api.app.create_app` calls it). Pages are Jinja2 templates with
autoescaping on everywhere, htmx for partial updates, and vendored sigma.js,
graphology and vis-timeline (``static/vendor``, see its SOURCE.md); nothing is
fetched from elsewhere at run time, and the Content-Security-Policy says so.

A page reads the token from the ``patron_session`` cookie that ``/login`` sets
(HttpOnly, SameSite=Strict); writes from pages need the analyst role and the
session's CSRF token (:mod:`patron.web.session`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["install"]


def install(app: FastAPI) -> None:
    """Add the pages and ``/static`` to ``app``."""
    from patron.web.app import install as _install

    _install(app)
