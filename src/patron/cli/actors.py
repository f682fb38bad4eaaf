"""``patron actors`` (the gazetteer) and ``patron actor`` (one actor's profile)."""

from __future__ import annotations

from typing import Annotated

import typer

from patron.cli.options import DbOpt, FormatOpt, UnreviewedOpt, unreviewed_mode
from patron.cli.output import Format, emit, note_unreviewed
from patron.cli.tables import actors_table, profile_table
from patron.errors import InputError
from patron.graph.profile import profile, profile_document
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.vocab import VOCAB
from patron.wire import actor_record, claim_record

__all__ = ["actor", "actors"]


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
    items = KnowledgeBase.open(db).store.actors(kind=kind, query=query)
    emit(fmt, rows=[actor_record(a) for a in items], table=lambda: actors_table(items))


def actor(name: str, unreviewed: UnreviewedOpt = None, db: DbOpt = None,
          fmt: FormatOpt = Format.table) -> None:
    """Profile of one actor: kind, aliases, patrons, clients and timeline of claims."""
    mode = unreviewed_mode(unreviewed)
    kb = KnowledgeBase.open(db)
    who = kb.resolve(name)
    prof = profile(kb.store, who, unreviewed=mode)
    note_unreviewed(kb.store.unreviewed_left_out(ClaimFilter(actors=(who.id,), unreviewed=mode)))
    rows = [claim_record(c, prof.names, prof.documents) for c in prof.timeline]
    emit(fmt, rows=rows, document=profile_document(prof), table=lambda: profile_table(prof))
