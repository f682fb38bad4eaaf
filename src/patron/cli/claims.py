"""``patron claims`` (list claims with their evidence) and ``patron claims load``."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from patron.cli.options import (
    ActorOpt,
    DbOpt,
    FormatOpt,
    GradeOpt,
    LimitOpt,
    ObjectOpt,
    OriginOpt,
    SinceOpt,
    StanceOpt,
    SubjectOpt,
    TypeOpt,
    UntilOpt,
    WideOpt,
    resolve_all,
)
from patron.cli.output import Format, emit, note_undated
from patron.cli.tables import claims_table
from patron.errors import decode_utf8
from patron.kb import KnowledgeBase
from patron.model import Claim
from patron.store import ClaimFilter
from patron.wire import actor_definition, claim_record

__all__ = ["claims_app", "defined_actors"]

claims_app = typer.Typer(help="List claims with their evidence, or load claim files.")
_err = Console(stderr=True)


def defined_actors(kb: KnowledgeBase, items: list[Claim]) -> dict[str, dict[str, Any]]:
    """Definitions of the actors ``items`` name that the gazetteer lacks: with them a
    listing or export loads back into a knowledge base that has not met those actors."""
    return {i: actor_definition(a, origin) for i, (a, origin) in kb.made_actors(items).items()}


def _list_claims(kb: KnowledgeBase, flt: ClaimFilter, fmt: Format, wide: bool = False) -> None:
    items = kb.store.claims(flt)
    names, docs = kb.citations(items)
    defined = defined_actors(kb, items) if fmt is not Format.table else {}
    reviewed = kb.reviewed(items) if fmt is not Format.table else {}
    emit(
        fmt,
        rows=(claim_record(c, names, docs, defined, reviewed) for c in items),
        table=lambda: claims_table(items, names, docs, wide=wide),
    )


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
    kb = KnowledgeBase.open(db)
    flt = ClaimFilter.checked(
        types=type,
        since=since,
        until=until,
        min_grade=min_grade,
        stances=stance,
        origins=origin,
        actors=resolve_all(kb, actor),
        subjects=resolve_all(kb, subject),
        objects=resolve_all(kb, object),
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
    kb = KnowledgeBase.open(db)
    files = list(paths or [])
    stream = None
    if input == "-" or (not files and input is None):
        stream = io.StringIO(decode_utf8(sys.stdin.buffer.read(), "<stdin>"))
    elif input is not None:
        files.append(Path(input))
    report = kb.load_claims(files, stream=stream)
    plural = "s" if report.actors_new != 1 else ""
    actors = f", {report.actors_new} new actor{plural}" if report.actors_new else ""
    _err.print(
        f"read {report.claims_read} claims: {report.claims_new} new, "
        f"{report.documents_new} new sources{actors}"
    )
