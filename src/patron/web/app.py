"""Mounting the pages: the routers, ``/static``, and what pages keep between requests."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from patron.web.actors import router as actors
from patron.web.claims import router as claims
from patron.web.explore import router as explore
from patron.web.jobs import Jobs
from patron.web.login import router as login
from patron.web.review import router as review
from patron.web.simulate import router as simulate
from patron.web.upload import router as upload

__all__ = ["PAGES", "STATIC", "install"]

STATIC = Path(__file__).parent / "static"


class _Static(StaticFiles):
    """Static files, with ``nosniff`` (a script is run only if it is served as one)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response


#: Every page module's router.
PAGES = (login, explore, actors, claims, review, simulate, upload)


def install(app: FastAPI) -> None:
    app.state.jobs = Jobs()
    app.state.layouts = {}
    for router in PAGES:
        app.include_router(router)
    app.mount("/static", _Static(directory=STATIC), name="static")
