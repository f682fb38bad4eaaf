"""ETags on every read, and recent answers kept by their ETag.

Invariant: a read's answer is a pure function of the store and the request's path and
query (it does not depend on who asks, once they may read), so ``ETag = hash(change
counter, path, query)`` changes whenever the answer may. Hence:

- a request whose ``If-None-Match`` holds the current tag gets a 304 before any work;
- an answer made once is kept (:class:`Answers`, bounded in bytes) and sent again to
  whoever asks the same thing before the store changes. A change to the store moves
  the counter, so no kept answer is ever sent for a newer store.

Tags are computed after authentication: a client without a valid token learns nothing
from them, and kept answers go only to clients that may read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute

from patron.api.answers import Answer
from patron.api.auth import Viewer
from patron.api.service import Service, service

__all__ = [
    "CACHE_CONTROL",
    "CachingRoute",
    "Kept",
    "NotModified",
    "Tag",
    "etag",
    "fresh",
]

#: Cached copies are the client's own (answers depend on who may read them) and are
#: checked with the server before each use.
CACHE_CONTROL = "private, no-cache"


class NotModified(Exception):
    """The client's copy is current: answered with a 304 (see :mod:`patron.api.app`)."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        super().__init__(tag)


class Kept(Exception):
    """An answer kept for this tag: sent as it was (see :mod:`patron.api.app`)."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        super().__init__(answer.tag)


def etag(version: str, request: Request) -> str:
    """The strong ETag of ``request``'s answer at change counter ``version``.

    The query is taken in sorted order, so ``?a=1&b=2`` and ``?b=2&a=1`` share a tag.
    """
    query = urlencode(sorted(request.query_params.multi_items()))
    key = f"{version}\n{request.url.path}\n{query}".encode()
    return '"' + hashlib.sha256(key).hexdigest()[:32] + '"'


def _matches(header: str | None, tag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    weak = tag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == weak for t in header.split(","))


async def fresh(
    request: Request,
    response: Response,
    _user: Viewer,
    svc: Annotated[Service, Depends(service)],
) -> str:
    """A read's ETag, set on its response. Raises NotModified when the client has the
    answer, Kept when the server does; otherwise marks the answer to be kept."""
    tag = etag(request.state.version, request)
    if _matches(request.headers.get("if-none-match"), tag):
        raise NotModified(tag)
    kept = svc.answers.get(tag)
    if kept is not None:
        raise Kept(kept)
    request.state.keep_as = tag
    response.headers["ETag"] = tag
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Vary"] = "Authorization"
    return tag


#: A read endpoint's parameter: the viewer check and the ETag, in that order.
Tag = Annotated[str, Depends(fresh)]


class CachingRoute(APIRoute):
    """A route whose 200 answers to reads (those :func:`fresh` tagged) are kept."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        answer = super().get_route_handler()

        async def handler(request: Request) -> Response:
            response = await answer(request)
            tag = getattr(request.state, "keep_as", None)
            if tag is not None and response.status_code == 200 and hasattr(response, "body"):
                request.app.state.service.answers.put(tag, response)
            return response

        return handler
