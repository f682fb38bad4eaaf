"""``/``: the network explorer, its network as JSON, and one edge's evidence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from patron.api.params import UnreviewedParam
from patron.api.service import Service, service
from patron.errors import InputError
from patron.graph.view import Slice, View
from patron.store import ClaimFilter
from patron.store.filters import Unreviewed
from patron.web.evidence import evidence_rows
from patron.web.network import FAMILIES, Lens, edge_claims, layout, network, years
from patron.web.render import page
from patron.web.route import WebRoute
from patron.web.session import PageViewer

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]
_GRADES = [f"{r}{c}" for r in "ABCDEF" for c in "123456"]


async def _lens(
    type: Annotated[list[str], Query()] = [],  # noqa: B006 (FastAPI copies defaults)
    stance: Annotated[list[str], Query()] = [],  # noqa: B006
    min_grade: str | None = None,
    layer: Annotated[list[str], Query()] = [],  # noqa: B006
) -> Lens:
    flt = ClaimFilter.checked(types=type, stances=stance, min_grade=min_grade or None)
    for name in layer:
        if name not in FAMILIES:
            raise InputError(f"unknown layer {name!r}; one of {', '.join(FAMILIES)}",
                             field="layer")  # fmt: skip
    return Lens(flt.types, flt.stances, flt.min_grade, tuple(layer) or FAMILIES)


def _mode(unreviewed: str | None) -> Unreviewed:
    # The explorer shows machine-extracted ties unless asked not to: it draws them dashed.
    return "exclude" if unreviewed == "exclude" else "include"


def _view(svc: Service, as_of: str | None, unreviewed: str | None) -> View:
    return svc.view(Slice.of(as_of=as_of or None), _mode(unreviewed))


def _positions(request: Request, svc: Service) -> dict[str, tuple[float, float]]:
    """The all-time layout, made once per change counter."""
    kept: dict[str, Any] = request.app.state.layouts
    version = request.state.version
    if version not in kept:
        found = layout(svc.view(Slice(), "include"))
        kept.clear()
        kept[version] = found
    positions: dict[str, tuple[float, float]] = kept[version]
    return positions


LensParam = Annotated[Lens, Depends(_lens)]


@router.get("/")
def explore(request: Request, svc: Svc, _user: PageViewer) -> Response:
    span = years(svc.view(Slice(), "include").claims.values())
    return page(request, "explore.html", span=span, families=FAMILIES, grades=_GRADES)


@router.get("/explore/network.json")
def network_json(request: Request, svc: Svc, _user: PageViewer, lens: LensParam,
                 as_of: str | None = None, unreviewed: UnreviewedParam = None,
                 ) -> dict[str, Any]:  # fmt: skip
    """The network drawn for the filters (see :mod:`patron.web.network`)."""
    return network(_view(svc, as_of, unreviewed), lens, _positions(request, svc))


@router.get("/explore/edge")
def edge(request: Request, svc: Svc, _user: PageViewer, lens: LensParam, source: str,
         target: str, layer: str, as_of: str | None = None,
         unreviewed: UnreviewedParam = None) -> Response:  # fmt: skip
    """One edge's claims with their quotes (an htmx partial)."""
    view = _view(svc, as_of, unreviewed)
    found = edge_claims(view, source, target, layer, lens)
    return page(request, "edge.html", source=view.name(source), target=view.name(target),
                layer=layer, slice=view.slice.label, rows=evidence_rows(svc.kb, found))
