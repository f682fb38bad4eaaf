"""``patron export``: claims as json, jsonl or csv; the claim graph as gexf, graphml or
edges; or FollowTheMoney entities. Written whole to ``-o FILE`` or to stdout."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from patron.cli.claims import defined_actors
from patron.cli.options import (
    ActorOpt,
    DbOpt,
    GradeOpt,
    OriginOpt,
    OutputOpt,
    SinceOpt,
    StanceOpt,
    TypeOpt,
    UntilOpt,
    resolve_all,
)
from patron.cli.output import Format, emit, written
from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.wire import claim_record

__all__ = ["export"]

_err = Console(stderr=True)
_FILE_EXPORTS = ("gexf", "graphml", "edges", "ftm")


def _export_file(kb: KnowledgeBase, what: str, flt: ClaimFilter, output: Path | None) -> None:
    """Graph files and FtM: written whole to ``output`` (atomically) or stdout."""
    from patron.graph import export as graph_export
    from patron.interop import ftm

    if what == "ftm":
        data, count = ftm.render(kb.store, flt)
        noun = "entities"
    else:
        graph = graph_export.claim_graph(kb.store, flt)
        data, count, noun = graph_export.render(what, graph), graph.number_of_edges(), "edges"
    with written(output) as stream:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    if output is not None:
        _err.print(f"wrote {count} {noun} to {output}")


def export(
    what: Annotated[str, typer.Argument(help="json, jsonl, csv, gexf, graphml, edges or ftm")],
    output: OutputOpt = None,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    stance: StanceOpt = None,
    min_grade: GradeOpt = None,
    origin: OriginOpt = None,
    db: DbOpt = None,
) -> None:
    """Write claims (every field, actors named) as json, jsonl or csv; the claim graph as
    gexf (with time spans for Gephi), graphml or edges (CSV); or FollowTheMoney (ftm)."""
    formats = {"json": Format.json, "jsonl": Format.jsonl, "csv": Format.csv}
    if what not in formats and what not in _FILE_EXPORTS:
        raise InputError(
            f"unknown export format {what!r}; one of {', '.join([*formats, *_FILE_EXPORTS])}",
            field="FORMAT",
        )
    kb = KnowledgeBase.open(db)
    flt = ClaimFilter.checked(
        types=type,
        since=since,
        until=until,
        min_grade=min_grade,
        stances=stance,
        origins=origin,
        actors=resolve_all(kb, actor),
    )
    if what in _FILE_EXPORTS:
        _export_file(kb, what, flt, output)
        return
    items = kb.store.claims(flt)
    names, docs = kb.citations(items)
    defined = defined_actors(kb, items)
    reviewed = kb.reviewed(items)
    rows = (claim_record(c, names, docs, defined, reviewed) for c in items)
    with written(output) as stream:
        emit(formats[what], rows=rows, out=stream)
    if output is not None:
        _err.print(f"wrote {len(items)} claims to {output}")
