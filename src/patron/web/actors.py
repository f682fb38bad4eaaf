"""``/actors/{name}``: an actor's aliases, patrons and clients with evidence, and its
timeline (``/actors/{name}/timeline.json`` for vis-timeline)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from patron.api.params import UnreviewedParam, unreviewed_mode
from patron.api.service import Service, service
from patron.graph.backing import Backing
from patron.graph.profile import profile, timeline_rows
from patron.store import ClaimFilter
from patron.timespan import date_bounds
from patron.web.evidence import evidence_rows
from patron.web.render import page
from patron.web.route import WebRoute
from patron.web.session import PageViewer

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]
#: Claims shown under each patron or client; the rest are a link to the claim browser.
_SHOWN = 8


def _partners(svc: Service, backing: Backing) -> list[dict[str, Any]]:
    out = []
    for p in backing.partners:
        shown = sorted(p.claims, key=lambda c: (c.time.bounds(), c.id), reverse=True)[:_SHOWN]
        out.append({"actor": p.actor, "types": p.types, "sources": p.sources,
                    "count": len(p.claims), "rows": evidence_rows(svc.kb, shown)})  # fmt: skip
    return out


@router.get("/actors/{name}")
def actor_page(request: Request, svc: Svc, _user: PageViewer, name: str,
               unreviewed: UnreviewedParam = None) -> Response:  # fmt: skip
    kb = svc.kb
    who = kb.resolve(name)
    mode = unreviewed_mode(unreviewed)
    prof = profile(kb.store, who, unreviewed=mode)
    left = kb.store.unreviewed_left_out(ClaimFilter(actors=(who.id,), unreviewed=mode))
    a = prof.actor
    names = [("alias", n) for n in a.aliases] + [("acronym", n) for n in a.acronyms]
    names += [("demonym", n) for n in a.demonyms] + [("seat of power", n) for n in a.metonyms]
    return page(request, "actor.html", actor=a, names=names, parent=prof.parent,
                organs=prof.organs, patrons=_partners(svc, prof.patrons),
                clients=_partners(svc, prof.clients), count=len(prof.timeline),
                left_out=left, unreviewed=mode)  # fmt: skip


def _day(value: str, last: bool = False) -> str:
    """An ISO day for a partial date: its first (or last) day."""
    n = date_bounds(value)[1 if last else 0]
    return f"{n // 10000:04d}-{n // 100 % 100:02d}-{n % 100:02d}"


@router.get("/actors/{name}/timeline.json")
def timeline(svc: Svc, _user: PageViewer, name: str,
             unreviewed: UnreviewedParam = None) -> dict[str, Any]:  # fmt: skip
    """vis-timeline items: one a run of claims (:func:`timeline_rows`); text only,
    which the page's script puts in as text, never as HTML."""
    kb = svc.kb
    who = kb.resolve(name)
    prof = profile(kb.store, who, unreviewed=unreviewed_mode(unreviewed))
    names = prof.names
    items = []
    undated = 0
    for i, row in enumerate(timeline_rows(prof.timeline)):
        c, span = row.first, row.span
        if not span.start and not span.end:
            undated += 1
            continue
        text = (f"{names.get(c.subject, c.subject)} {c.type.replace('_', ' ')} "
                f"{names.get(c.object, c.object)}")  # fmt: skip
        item: dict[str, Any] = {"id": i, "text": text, "group": c.family, "claim": c.id,
                                "stance": c.stance, "label": span.label(),
                                "claims": len(row.claims)}  # fmt: skip
        if span.start and span.end:
            item.update(start=_day(span.start), end=_day(span.end, last=True), type="range")
        else:
            item.update(start=_day(span.start or span.end or ""), type="point")
        items.append(item)
    return {"actor": {"id": who.id, "name": who.name}, "items": items, "undated": undated}
