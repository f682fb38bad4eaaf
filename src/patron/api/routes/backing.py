"""``/api/who-backs/{actor}`` and ``/api/backed-by/{actor}``: an actor's patrons or
clients with the evidence for each tie, as ``patron who-backs --format json``."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from patron.api.caching import CachingRoute, Tag
from patron.api.params import SupportFilter
from patron.api.service import Service, service

# The who-backs document is built where the CLI builds it, so both print one shape.
# Debt: it belongs beside Backing in patron.graph.backing.
from patron.cli.backing import _backing_document
from patron.graph.backing import Backing, backed_by, who_backs
from patron.store import ClaimFilter

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["backing"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]


def _answer(svc: Service, found: Backing, flt: ClaimFilter) -> dict[str, Any]:
    mine = (found.actor.id,)
    support = replace(flt, families=("support",))
    side = (replace(support, objects=mine) if found.role == "patrons"
            else replace(support, subjects=mine))  # fmt: skip
    store = svc.kb.store
    return {**_backing_document(found), "left_out": {
        "undated": store.undated_left_out(side), "unreviewed": store.unreviewed_left_out(side)}}


@router.get("/who-backs/{actor}")
def get_who_backs(svc: Svc, _tag: Tag, actor: str, flt: SupportFilter) -> dict[str, Any]:
    """Who supports ACTOR: patrons with types, sources and every claim; ``left_out``
    counts claims left out for having no date (in a window) or awaiting review."""
    return _answer(svc, who_backs(svc.kb.store, svc.kb.resolve(actor), flt), flt)


@router.get("/backed-by/{actor}")
def get_backed_by(svc: Svc, _tag: Tag, actor: str, flt: SupportFilter) -> dict[str, Any]:
    """Whom ACTOR supports (its clients), with the same evidence as who-backs."""
    return _answer(svc, backed_by(svc.kb.store, svc.kb.resolve(actor), flt), flt)
