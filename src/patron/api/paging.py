"""Listings a page at a time: ``limit`` and ``offset`` in, ``total`` and ``next`` out.

A page is ``{"items": [...], "total": N, "limit": L, "offset": O, "next": URL|null}``;
``next`` (also sent as ``Link: <URL>; rel="next"``) is the same request from the
following offset, and null on the last page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "Page", "Paging", "page"]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


async def _paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
) -> Page:
    return Page(limit, offset)


Paging = Annotated[Page, Depends(_paging)]


def page(
    request: Request, response: Response, at: Page, items: Sequence[Any], total: int,
    **more: Any,
) -> dict[str, Any]:
    """The page envelope for ``items``, the ``at`` slice of ``total``."""
    following = at.offset + at.limit
    link = None
    if following < total:
        link = str(request.url.include_query_params(offset=following, limit=at.limit))
        response.headers["Link"] = f'<{link}>; rel="next"'
    return {"items": list(items), "total": total, "limit": at.limit, "offset": at.offset,
            "next": link, **more}  # fmt: skip
