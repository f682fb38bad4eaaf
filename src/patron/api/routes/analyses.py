"""``/api/analyses/…``: the network analyses ``patron analyze`` offers, each answering
with the analysis's JSON document (every figure with the claim ids behind it).

Each takes the slice ``as_of`` or ``since``/``until`` and ``unreviewed``, like the
CLI's ``--as-of``/``--since``/``--until``; actors are names, aliases or ids.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from patron.api.caching import CachingRoute, Tag
from patron.api.params import UnreviewedParam, Window, WindowFilter, unreviewed_mode
from patron.api.service import Service, service
from patron.errors import InputError
from patron.graph.view import View

__all__ = ["ANALYSES", "router"]

router = APIRouter(prefix="/api/analyses", tags=["analyses"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]
Actor = Annotated[str, Query(description="Actor name, alias or id")]
Top = Annotated[int, Query(ge=1, le=1000, description="At most this many rows")]

#: The analyses, by name, with what each answers.
ANALYSES: dict[str, str] = {
    "patrons": "an actor's patrons, ranked by strength and breadth of support types",
    "clients": "whom an actor supports, ranked by strength and breadth of support types",
    "dependence": "share of an actor's support from each patron, and its concentration (HHI)",
    "brokers": "actors and places that carry support between others (betweenness on routes)",
    "paths": "how support gets from a to b: routes through organs, intermediaries and places",
    "interdiction": "the fewest places or intermediaries whose removal cuts a's routes to b",
    "blocs": "groups tied by support and alignment and opposed by hostility",
    "changes": "ties that appeared, ended, strengthened or weakened between y1 and y2",
    "crossings": "support that crosses sect or ideology",
}
_CROSSINGS = ("sect", "secular-religious", "ideology")


def _view(svc: Service, window: Window) -> View:
    return svc.view(window.slice, window.unreviewed)


@router.get("")
def list_analyses(_tag: Tag) -> dict[str, Any]:
    """The analyses offered, each with its endpoint."""
    return {"analyses": [{"name": n, "about": about, "endpoint": f"/api/analyses/{n}"}
                         for n, about in ANALYSES.items()]}  # fmt: skip


@router.get("/patrons")
def get_patrons(svc: Svc, _tag: Tag, window: WindowFilter, actor: Actor,
                top: Top = 20) -> dict[str, Any]:
    """ACTOR's patrons, ranked (``patron analyze patrons``)."""
    from patron.graph.patrons import patrons

    result = patrons(_view(svc, window), svc.kb.resolve(actor).id)
    result.ranked = result.ranked[:top]
    return result.document()


@router.get("/clients")
def get_clients(svc: Svc, _tag: Tag, window: WindowFilter, actor: Actor,
                top: Top = 20) -> dict[str, Any]:
    """Whom ACTOR supports, ranked (``patron analyze clients``)."""
    from patron.graph.patrons import clients

    result = clients(_view(svc, window), svc.kb.resolve(actor).id)
    result.ranked = result.ranked[:top]
    return result.document()


@router.get("/dependence")
def get_dependence(svc: Svc, _tag: Tag, window: WindowFilter, actor: Actor) -> dict[str, Any]:
    """Share of ACTOR's support from each patron, and its HHI."""
    from patron.graph.dependence import dependence

    return dependence(_view(svc, window), svc.kb.resolve(actor).id).document()


@router.get("/brokers")
def get_brokers(
    svc: Svc, _tag: Tag, window: WindowFilter,
    to: Annotated[str | None, Query(description="Only support reaching this actor")] = None,
    top: Top = 10,
) -> dict[str, Any]:
    """Brokers of support (betweenness on routes)."""
    from patron.graph.brokers import brokers

    target = svc.kb.resolve(to).id if to else None
    return brokers(_view(svc, window), to=target, top=top).document()


@router.get("/paths")
def get_paths(
    svc: Svc, _tag: Tag, window: WindowFilter, a: Actor, b: Actor,
    k: Annotated[int, Query(ge=1, le=50, description="At most this many routes")] = 5,
    max_hops: Annotated[int, Query(ge=1, le=12)] = 8,
) -> dict[str, Any]:
    """Routes support takes from A to B."""
    from patron.graph.paths import paths

    kb = svc.kb
    return paths(_view(svc, window), kb.resolve(a).id, kb.resolve(b).id, k=k,
                 max_hops=max_hops).document()  # fmt: skip


@router.get("/interdiction")
def get_interdiction(svc: Svc, _tag: Tag, window: WindowFilter, a: Actor,
                     b: Actor) -> dict[str, Any]:
    """The fewest nodes whose removal cuts A's recorded support routes to B."""
    from patron.graph.interdiction import interdiction

    kb = svc.kb
    return interdiction(_view(svc, window), kb.resolve(a).id, kb.resolve(b).id).document()


@router.get("/blocs")
def get_blocs(
    svc: Svc, _tag: Tag, window: WindowFilter,
    min_size: Annotated[int, Query(ge=1)] = 2,
    seed: Annotated[int, Query(description="Seed of the Louvain start")] = 7,
) -> dict[str, Any]:
    """Signed communities: blocs, what holds them, whom they oppose."""
    from patron.graph.blocs import blocs

    return blocs(_view(svc, window), seed=seed, min_size=min_size).document()


@router.get("/changes")
def get_changes(
    svc: Svc, _tag: Tag,
    y1: Annotated[str, Query(description="YYYY[-MM[-DD]]")],
    y2: Annotated[str, Query(description="YYYY[-MM[-DD]], after y1")],
    unreviewed: UnreviewedParam = None,
) -> dict[str, Any]:
    """Ties that appeared, ended, strengthened or weakened between Y1 and Y2."""
    from patron.graph.changes import changes, check_dates

    check_dates(y1, y2, ("y1", "y2"))
    return changes(svc.kb.store, y1, y2, unreviewed=unreviewed_mode(unreviewed)).document()


@router.get("/crossings")
def get_crossings(
    svc: Svc, _tag: Tag, window: WindowFilter,
    kind: Annotated[list[str], Query(description="sect, secular-religious or ideology "
                                                 "(repeat)")] = [],  # noqa: B006
) -> dict[str, Any]:
    """Support that crosses sect or ideology."""
    from patron.graph.crossings import crossings

    for k in kind:
        if k not in _CROSSINGS:
            raise InputError(f"unknown crossing {k!r}; one of {', '.join(_CROSSINGS)}",
                             field="kind")  # fmt: skip
    return crossings(_view(svc, window), kinds=tuple(kind)).document()
