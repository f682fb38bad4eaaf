"""``/api/reviews``: the review queue, machine-extracted claims nobody has reviewed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from patron.api.caching import CachingRoute, Tag
from patron.api.paging import Paging, page
from patron.api.params import Filters
from patron.api.records import claim_records
from patron.api.service import Service, service
from patron.store import reviews

__all__ = ["router"]

router = APIRouter(prefix="/api/reviews", tags=["reviews"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]


@router.get("/queue")
def review_queue(request: Request, response: Response, svc: Svc, _tag: Tag, at: Paging,
                 flt: Filters) -> dict[str, Any]:
    """Machine-extracted claims awaiting review (that pass the filters), in load order;
    accept, reject or correct them at ``/api/claims/{id}/review`` and ``…/correction``."""
    items, total = reviews.queue(svc.kb.store, flt, offset=at.offset, limit=at.limit)
    return page(request, response, at, claim_records(svc.kb, items), total)
