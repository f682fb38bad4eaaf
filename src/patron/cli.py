"""The ``patron`` command: parses arguments, calls library functions, prints.

Every error Patron raises on purpose becomes one line on stderr and exit code 2.
"""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from patron import settings
from patron.analyze_cli import analyze_app
from patron.cli_options import (
    DbOpt,
    FormatOpt,
    OutputOpt,
    UnreviewedOpt,
    WideOpt,
    unreviewed_mode,
)
from patron.errors import InputError, PatronError, decode_utf8
from patron.extract_cli import eval_app, extract, ingest
from patron.graph.backing import Backing, backed_by, source_records, who_backs
from patron.import_cli import import_app, row_progress
from patron.kb import KnowledgeBase
from patron.learn_cli import eval_model, train
from patron.model import Claim
from patron.output import (
    Format,
    actor_definition,
    actor_record,
    claim_record,
    emit,
    note_undated,
    note_unreviewed,
    written,
)
from patron.report_cli import report as report_cmd
from patron.simulate_cli import simulate_app
from patron.store import ClaimFilter
from patron.tables import actors_table, backing_table, claims_table
from patron.timespan import date_bounds
from patron.vocab import VOCAB, parse_grade

__all__ = ["app", "main"]

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Who backs whom in armed conflict: sourced, time-aware claims.",
)
claims_app = typer.Typer(help="List claims with their evidence, or load claim files.")
app.add_typer(claims_app, name="claims")
app.add_typer(eval_app, name="eval")
app.command()(extract)
app.command()(ingest)
app.command()(train)
eval_app.command("model")(eval_model)
app.add_typer(import_app, name="import")
app.add_typer(analyze_app, name="analyze")
app.add_typer(simulate_app, name="simulate")
app.command("report")(report_cmd)
err = Console(stderr=True)

TypeOpt = Annotated[list[str] | None, typer.Option("--type", "-t", help="Claim type (repeat)")]
SinceOpt = Annotated[str | None, typer.Option(help="Only claims holding on/after YYYY[-MM[-DD]]")]
UntilOpt = Annotated[str | None, typer.Option(help="Only claims holding on/before YYYY[-MM[-DD]]")]
GradeOpt = Annotated[
    str | None, typer.Option("--min-grade", help="Admiralty grade at least this good (B, B2)")
]
StanceOpt = Annotated[list[str] | None, typer.Option("--stance", help="Stance (repeat)")]
DetailOpt = Annotated[bool, typer.Option("--detail", help="One table row per claim")]
OriginOpt = Annotated[
    list[str] | None,
    typer.Option("--origin", help="Origin or its prefix: curated, import, extract (repeat)"),
]


def _open(db: str | None) -> KnowledgeBase:
    return KnowledgeBase.open(db)


def _filter(
    *,
    types: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    min_grade: str | None = None,
    stances: list[str] | None = None,
    origins: list[str] | None = None,
    family: str | None = None,
    actors: tuple[str, ...] = (),
    subjects: tuple[str, ...] = (),
    objects: tuple[str, ...] = (),
) -> ClaimFilter:
    """Check the filter options a person typed and build the store's filter."""
    for t in types or []:
        if t not in VOCAB.claim_types:
            raise InputError(
                f"unknown claim type {t!r}; one of {', '.join(VOCAB.claim_types)}", field="--type"
            )
        if family and VOCAB.claim_types[t].family != family:
            raise InputError(
                f"{t!r} is not a {family} type; one of {', '.join(VOCAB.types_in(family))}",
                field="--type",
            )
    for s in stances or []:
        if s not in VOCAB.stances:
            raise InputError(
                f"unknown stance {s!r}; one of {', '.join(VOCAB.stances)}", field="--stance"
            )
    try:
        lo = date_bounds(since)[0] if since else None
    except ValueError as exc:
        raise InputError(str(exc), field="--since") from exc
    try:
        hi = date_bounds(until)[1] if until else None
    except ValueError as exc:
        raise InputError(str(exc), field="--until") from exc
    if lo is not None and hi is not None and hi < lo:
        raise InputError(f"--until {until} is before --since {since}", field="--until")
    if min_grade:
        try:
            parse_grade(min_grade)
        except ValueError as exc:
            raise InputError(str(exc), field="--min-grade") from exc
    return ClaimFilter(
        types=tuple(types or ()),
        stances=tuple(stances or ()),
        origins=tuple(origins or ()),
        min_grade=min_grade,
        lo=lo,
        hi=hi,
        actors=actors,
        subjects=subjects,
        objects=objects,
    )


def _backing_document(backing: Backing) -> dict[str, Any]:
    names, docs = backing.names, backing.documents
    return {
        "actor": {"id": backing.actor.id, "name": backing.actor.name},
        "role": backing.role,
        backing.role: [
            {
                "actor": {
                    "id": p.actor.id,
                    "name": p.actor.name,
                    "kind": p.actor.kind,
                    "part_of": p.actor.part_of,
                },
                "types": p.types,
                "sources": p.sources,
                "by_source": source_records(p.claims, docs),
                "claims": [claim_record(c, names, docs) for c in p.claims],
            }
            for p in backing.partners
        ],
        "changes": [claim_record(c, names, docs) for c in backing.changes],
    }


def _print_backing(backing: Backing, fmt: Format, detail: bool, wide: bool = False) -> None:
    rows = [
        claim_record(c, backing.names, backing.documents)
        for c in backing.claims() + backing.changes
    ]
    emit(
        fmt,
        rows=rows,
        document=_backing_document(backing),
        table=lambda: backing_table(backing, detail=detail, wide=wide),
    )


@app.command()
def init(
    db: DbOpt = None,
    data_dir: Annotated[Path | None, typer.Option(help="Starter data folder")] = None,
    datasets: Annotated[
        bool, typer.Option(help="Load the starter datasets (UCDP ESD) too; about 3 s")
    ] = True,
) -> None:
    """Create a knowledge base (or upgrade it) and load the starter data."""
    kb = KnowledgeBase.open(db, create=True)
    try:
        with row_progress("starter datasets") as advance:
            report = kb.init(data_dir, datasets=datasets, progress=advance)
    finally:
        kb.close()
    err.print(
        f"knowledge base ready at {db or settings.get().db}: "
        f"{report.actors_total} actors ({report.actors_new} new), "
        f"{report.claims_read} curated claims ({report.claims_new} new, "
        f"{report.documents_new} new sources)",
        highlight=False,
    )
    for dataset in report.datasets:
        for line in dataset.lines():
            err.print(line, highlight=False, markup=False)


def backing_cmd(
    ctx: typer.Context,
    actor: str,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_grade: GradeOpt = None,
    stance: StanceOpt = None,
    origin: OriginOpt = None,
    detail: DetailOpt = False,
    unreviewed: UnreviewedOpt = None,
    wide: WideOpt = False,
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Who supports ACTOR (who-backs), or whom it supports (backed-by), with the evidence."""
    mode = unreviewed_mode(unreviewed)
    kb = _open(db)
    flt = _filter(
        types=type,
        since=since,
        until=until,
        min_grade=min_grade,
        stances=stance,
        origins=origin,
        family="support",
    )
    flt = replace(flt, unreviewed=mode)
    query = who_backs if ctx.info_name == "who-backs" else backed_by
    found = query(kb.store, kb.resolve(actor), flt)
    _print_backing(found, fmt, detail, wide)
    mine = (found.actor.id,)
    support = replace(flt, families=("support",))
    side = replace(support, objects=mine) if found.role == "patrons" else replace(
        support, subjects=mine)
    note_undated(kb.store.undated_left_out(side))
    note_unreviewed(kb.store.unreviewed_left_out(side))


app.command(
    "who-backs",
    help="Who supports ACTOR: patrons with types, time spans, stances, grades and sources.",
)(backing_cmd)
app.command(
    "backed-by", help="Whom ACTOR supports (its clients), with the same evidence as who-backs."
)(backing_cmd)


@app.command()
def actors(
    kind: Annotated[str | None, typer.Option(help="Actor kind")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Name fragment")] = None,
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List the gazetteer, optionally by kind or name fragment."""
    if kind and kind not in VOCAB.actor_kinds:
        raise InputError(
            f"unknown kind {kind!r}; one of {', '.join(VOCAB.actor_kinds)}", field="--kind"
        )
    items = _open(db).store.actors(kind=kind, query=query)
    emit(fmt, rows=[actor_record(a) for a in items], table=lambda: actors_table(items))


@app.command()
def actor(name: str, unreviewed: UnreviewedOpt = None, db: DbOpt = None,
          fmt: FormatOpt = Format.table) -> None:
    """Profile of one actor: kind, aliases, patrons, clients and timeline of claims."""
    from patron.graph.profile import profile, profile_document, profile_table

    mode = unreviewed_mode(unreviewed)
    kb = _open(db)
    who = kb.resolve(name)
    prof = profile(kb.store, who, unreviewed=mode)
    note_unreviewed(kb.store.unreviewed_left_out(ClaimFilter(actors=(who.id,), unreviewed=mode)))
    rows = [claim_record(c, prof.names, prof.documents) for c in prof.timeline]
    emit(fmt, rows=rows, document=profile_document(prof), table=lambda: profile_table(prof))


def _defined(kb: KnowledgeBase, items: list[Claim]) -> dict[str, dict[str, Any]]:
    """Definitions of the actors ``items`` name that the gazetteer lacks: with them a
    listing or export loads back into a knowledge base that has not met those actors."""
    return {i: actor_definition(a, origin) for i, (a, origin) in kb.made_actors(items).items()}


def _list_claims(kb: KnowledgeBase, flt: ClaimFilter, fmt: Format, wide: bool = False) -> None:
    items = kb.store.claims(flt)
    names, docs = kb.citations(items)
    defined = _defined(kb, items) if fmt is not Format.table else {}
    emit(
        fmt,
        rows=(claim_record(c, names, docs, defined) for c in items),
        table=lambda: claims_table(items, names, docs, wide=wide),
    )


def _resolve_all(kb: KnowledgeBase, names: list[str] | None) -> tuple[str, ...]:
    return tuple(kb.resolve(n).id for n in names or [])


ActorOpt = Annotated[list[str] | None, typer.Option("--actor", "-a", help="Either side (repeat)")]
SubjectOpt = Annotated[list[str] | None, typer.Option("--subject", help="Subject (repeat)")]
ObjectOpt = Annotated[list[str] | None, typer.Option("--object", help="Object (repeat)")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many claims")]


@claims_app.callback(invoke_without_command=True)
def claims(
    ctx: typer.Context,
    actor: ActorOpt = None,
    subject: SubjectOpt = None,
    object: ObjectOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    stance: StanceOpt = None,
    min_grade: GradeOpt = None,
    origin: OriginOpt = None,
    limit: LimitOpt = None,
    wide: WideOpt = False,
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """List claims with their evidence, filtered by actor, type, time, stance, grade, origin."""
    if ctx.invoked_subcommand is not None:
        return
    kb = _open(db)
    flt = _filter(
        types=type,
        since=since,
        until=until,
        min_grade=min_grade,
        stances=stance,
        origins=origin,
        actors=_resolve_all(kb, actor),
        subjects=_resolve_all(kb, subject),
        objects=_resolve_all(kb, object),
    )
    _list_claims(kb, replace(flt, limit=limit), fmt, wide)
    note_undated(kb.store.undated_left_out(flt))


@claims_app.command("load")
def claims_load(
    paths: Annotated[list[Path] | None, typer.Argument(help="Claim files: .jsonl or .yaml")] = None,
    input: Annotated[
        str | None, typer.Option("--input", "-i", help="Read JSON lines from this file; - is stdin")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Load claims (JSON lines or YAML); a file with one bad record stores nothing."""
    kb = _open(db)
    files = list(paths or [])
    stream = None
    if input == "-" or (not files and input is None):
        stream = io.StringIO(decode_utf8(sys.stdin.buffer.read(), "<stdin>"))
    elif input is not None:
        files.append(Path(input))
    report = kb.load_claims(files, stream=stream)
    plural = "s" if report.actors_new != 1 else ""
    actors = f", {report.actors_new} new actor{plural}" if report.actors_new else ""
    err.print(
        f"read {report.claims_read} claims: {report.claims_new} new, "
        f"{report.documents_new} new sources{actors}"
    )


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
        err.print(f"wrote {count} {noun} to {output}")


@app.command()
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
    kb = _open(db)
    flt = _filter(
        types=type,
        since=since,
        until=until,
        min_grade=min_grade,
        stances=stance,
        origins=origin,
        actors=_resolve_all(kb, actor),
    )
    if what in _FILE_EXPORTS:
        _export_file(kb, what, flt, output)
        return
    items = kb.store.claims(flt)
    names, docs = kb.citations(items)
    defined = _defined(kb, items)
    rows = (claim_record(c, names, docs, defined) for c in items)
    with written(output) as stream:
        emit(formats[what], rows=rows, out=stream)
    if output is not None:
        err.print(f"wrote {len(items)} claims to {output}")


def main() -> None:
    """Entry point: run the app, turning PatronError into one line and exit code 2."""
    try:
        app()  # standalone: usage errors exit 2 with click's message
    except PatronError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True, markup=True)
        sys.exit(2)
