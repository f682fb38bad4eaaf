"""``GET /api/exports/{format}``: what ``patron export FORMAT`` writes, as a download.

Claims as ``json``, ``jsonl`` or ``csv`` (the wire form, every field, actors named);
the claim graph as ``gexf`` (with time spans for Gephi), ``graphml`` or ``edges``
(CSV); or FollowTheMoney entities (``ftm``, JSON lines). The bytes are those the CLI
writes for the same filters.
"""

from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Response

from patron.api.caching import CACHE_CONTROL, CachingRoute, Tag
from patron.api.params import Filters
from patron.api.records import claim_records
from patron.api.service import Service, service

# The claim files are printed by the CLI's writer, so both give the same bytes.
# Debt: json/jsonl/csv writing belongs in the library (beside patron.wire).
from patron.cli.output import Format, emit

__all__ = ["MEDIA_TYPES", "router"]

router = APIRouter(prefix="/api/exports", tags=["exports"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]

ExportFormat = Literal["json", "jsonl", "csv", "gexf", "graphml", "edges", "ftm"]
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "gexf": "application/gexf+xml",
    "graphml": "application/graphml+xml",
    "edges": "text/csv; charset=utf-8",
    "ftm": "application/x-ndjson",
}
_SUFFIX = {"edges": "edges.csv", "ftm": "ftm.jsonl"}


def _render(svc: Service, fmt: str, flt: Filters) -> bytes:
    store = svc.kb.store
    if fmt == "ftm":
        from patron.interop import ftm

        return ftm.render(store, flt)[0]
    if fmt in ("gexf", "graphml", "edges"):
        from patron.graph import export as graph_export

        return graph_export.render(fmt, graph_export.claim_graph(store, flt))
    out = io.StringIO()
    emit(Format(fmt), rows=claim_records(svc.kb, store.claims(flt)), out=out)
    return out.getvalue().encode("utf-8")


@router.get("/{fmt}", response_class=Response, responses={
    200: {"content": {m.split(";")[0]: {} for m in MEDIA_TYPES.values()},
          "description": "The export file"}})  # fmt: skip
def export(svc: Svc, tag: Tag, fmt: ExportFormat, flt: Filters) -> Response:
    """Claims passing the filters, or their graph, in ``fmt``."""
    name = f"patron-claims.{_SUFFIX.get(fmt, fmt)}"
    return Response(_render(svc, fmt, flt), media_type=MEDIA_TYPES[fmt], headers={
        "ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": "Authorization",
        "Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip
