"""``/api/actors``: the gazetteer (``patron actors``) and one actor's profile
(``patron actor``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from patron.api.caching import CachingRoute, Tag
from patron.api.paging import Paging, page
from patron.api.params import UnreviewedParam, unreviewed_mode
from patron.api.service import Service, service
from patron.errors import InputError
from patron.graph.profile import profile, profile_document
from patron.store import ClaimFilter, pages
from patron.vocab import VOCAB
from patron.wire import actor_record

__all__ = ["router"]

router = APIRouter(prefix="/api/actors", tags=["actors"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]


@router.get("")
def list_actors(
    request: Request, response: Response, svc: Svc, _tag: Tag, at: Paging,
    kind: Annotated[str | None, Query(description="Actor kind")] = None,
    query: Annotated[str | None, Query(description="Name fragment")] = None,
) -> dict[str, Any]:
    """The gazetteer, by kind then name; ``kind`` and ``query`` narrow it."""
    if kind and kind not in VOCAB.actor_kinds:
        raise InputError(f"unknown kind {kind!r}; one of {', '.join(VOCAB.actor_kinds)}",
                         field="kind")  # fmt: skip
    found, total = pages.actors_page(svc.kb.store, kind=kind, query=query, offset=at.offset,
                                     limit=at.limit)  # fmt: skip
    return page(request, response, at, [actor_record(a) for a in found], total)


@router.get("/{name}")
def get_actor(svc: Svc, _tag: Tag, name: str,
              unreviewed: UnreviewedParam = None) -> dict[str, Any]:
    """One actor (by name, alias or id): kind, aliases, organs, patrons, clients and the
    timeline of claims, as ``patron actor --format json``; ``left_out`` counts the
    unreviewed machine-made claims left out."""
    mode = unreviewed_mode(unreviewed)
    kb = svc.kb
    who = kb.resolve(name)
    left = kb.store.unreviewed_left_out(ClaimFilter(actors=(who.id,), unreviewed=mode))
    return {**profile_document(profile(kb.store, who, unreviewed=mode)),
            "left_out": {"unreviewed": left}}  # fmt: skip
