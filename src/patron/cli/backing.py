"""``patron who-backs`` and ``patron backed-by``: an actor's patrons or clients, with
the evidence for each tie."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import typer

from patron.cli.options import (
    DbOpt,
    DetailOpt,
    FormatOpt,
    GradeOpt,
    OriginOpt,
    SinceOpt,
    StanceOpt,
    TypeOpt,
    UnreviewedOpt,
    UntilOpt,
    WideOpt,
    unreviewed_mode,
)
from patron.cli.output import Format, emit, note_undated, note_unreviewed
from patron.cli.tables import backing_table
from patron.graph.backing import Backing, backed_by, source_records, who_backs
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.wire import actor_ref, claim_record

__all__ = ["backing_cmd"]


def _backing_document(backing: Backing) -> dict[str, Any]:
    names, docs = backing.names, backing.documents
    return {
        "actor": actor_ref(backing.actor.id, backing.actor.name),
        "role": backing.role,
        backing.role: [
            {
                "actor": {
                    **actor_ref(p.actor.id, p.actor.name),
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
    kb = KnowledgeBase.open(db)
    flt = ClaimFilter.checked(
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
