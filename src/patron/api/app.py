"""The FastAPI app: every router, the error shapes, ETags, and the knowledge base.

    >>> app = create_app(kb)              # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1")  # doctest: +SKIP

OpenAPI pages are at ``/api/docs`` (and the schema at ``/api/openapi.json``);
``/api/health`` answers without a token (it says whether the knowledge base
answers, nothing of what it holds).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse

from patron import __version__
from patron.api import errors
from patron.api.caching import Kept, NotModified
from patron.api.routes import (
    actors,
    admin,
    analyses,
    backing,
    claims,
    documents,
    exports,
    reviews,
    simulations,
)
from patron.api.service import Service, open_service, service
from patron.kb import KnowledgeBase

__all__ = ["create_app", "served"]

#: How long a stopping server waits for uploads still being stored.
_JOBS_WAIT_S = 600.0

#: Where the pages' static files put the vendored Swagger UI (patron/web/static/vendor).
_VENDOR = "/static/vendor"

_ABOUT = """Who backs whom in armed conflict: sourced, time-aware claims.

Send a token as `Authorization: Bearer TOKEN` (`patron users token NAME` issues one).
Roles: **viewer** reads; **analyst** also ingests documents and reviews, corrects and
comments on claims; **admin** also manages users and tokens. Every write is audited.

Errors are `{"error": {"type", "message", ...}}`: 400 bad input (with `field`), 401 no
or unknown token, 403 role too weak, 404 unknown actor (with `candidates`), claim or
document, 422 malformed request, 503 knowledge base unavailable.
Every read carries an `ETag`; send it back in `If-None-Match` to get 304 while nothing
changed. Listings are pages: `limit`, `offset` in; `total`, `next` out.
"""


def _not_modified(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotModified)
    return Response(status_code=304, headers={"ETag": exc.tag})


def _kept(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Kept)
    return exc.answer.response()


def create_app(source: KnowledgeBase | str | None = None, *,
               freeze_gc: bool = False) -> FastAPI:
    """The REST API over ``source``: a knowledge base (left open when the app stops),
    or the URL of one (opened now, closed when the app stops; ``None`` reads
    ``PATRON_DB``). Its schema is brought up to date first. ``freeze_gc`` when the app
    has the process to itself (see :mod:`patron.api.service`)."""
    svc = open_service(source, freeze_gc=freeze_gc)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        jobs = getattr(app.state, "jobs", None)  # the pages' uploads (patron.web.jobs)
        if jobs is not None:
            await asyncio.to_thread(jobs.wait, _JOBS_WAIT_S)
        svc.close()

    app = FastAPI(
        title="Patron",
        version=__version__ or "0",
        description=_ABOUT,
        docs_url=None,  # served below from the vendored Swagger UI, not a CDN
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.service = svc
    errors.install(app)
    app.add_exception_handler(NotModified, _not_modified)
    app.add_exception_handler(Kept, _kept)
    for module in (actors, claims, reviews, backing, documents, analyses, simulations, exports,
                   admin):
        app.include_router(module.router)

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json", title="Patron API",
            oauth2_redirect_url="/api/docs/oauth2-redirect",
            swagger_js_url=f"{_VENDOR}/swagger-ui-bundle.js",
            swagger_css_url=f"{_VENDOR}/swagger-ui.css",
            swagger_favicon_url=f"{_VENDOR}/swagger-favicon-32x32.png",
        )  # fmt: skip

    @app.get("/api/docs/oauth2-redirect", include_in_schema=False)
    def docs_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/api/health", tags=["health"])
    def health(_svc: Annotated[Service, Depends(service)]) -> dict[str, Any]:
        """Whether the server and its knowledge base answer (no token needed)."""
        return {"status": "ok"}

    from patron.web import install as install_pages  # the browser application

    install_pages(app)
    return app


def served() -> FastAPI:
    """The app a ``patron serve --workers N`` process runs: over ``PATRON_DB``, which
    ``patron serve`` sets; the process is the app's alone."""
    return create_app(None, freeze_gc=True)
