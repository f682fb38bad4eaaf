"""Command-line options shared by every command module (one definition each)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from patron import settings
from patron.cli.output import Format
from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.store.filters import Unreviewed

__all__ = [
    "ActorOpt",
    "DbOpt",
    "DetailOpt",
    "FormatOpt",
    "GradeOpt",
    "LimitOpt",
    "ObjectOpt",
    "OriginOpt",
    "OutputOpt",
    "SinceOpt",
    "StanceOpt",
    "SubjectOpt",
    "TypeOpt",
    "UnreviewedOpt",
    "UntilOpt",
    "WideOpt",
    "operator",
    "resolve_all",
    "unreviewed_mode",
]

def operator() -> str:
    """Who a write from the command line is audited as: ``cli:LOGIN``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name (a container's anonymous user)
        return "cli"


DbOpt = Annotated[
    str | None, typer.Option("--db", help="Knowledge base URL [env: PATRON_DB]", show_default=False)
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write; default stdout")
]
UnreviewedOpt = Annotated[
    str | None,
    typer.Option(
        "--unreviewed",
        metavar="include|exclude",
        help="Machine-extracted claims no one has reviewed [env: PATRON_UNREVIEWED]",
        show_default=False,
    ),
]
WideOpt = Annotated[bool, typer.Option("--wide", help="Every column (stance, grade, amount, "
                                       "route and origin apart)")]

# Claim filters (checked by :meth:`patron.store.filters.ClaimFilter.checked`)
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
ActorOpt = Annotated[list[str] | None, typer.Option("--actor", "-a", help="Either side (repeat)")]
SubjectOpt = Annotated[list[str] | None, typer.Option("--subject", help="Subject (repeat)")]
ObjectOpt = Annotated[list[str] | None, typer.Option("--object", help="Object (repeat)")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many claims")]


def unreviewed_mode(option: str | None) -> Unreviewed:
    """``--unreviewed``, else ``PATRON_UNREVIEWED``: include or exclude."""
    value = option if option is not None else settings.get().unreviewed
    if value == "include":
        return "include"
    if value == "exclude":
        return "exclude"
    field = "--unreviewed" if option is not None else "PATRON_UNREVIEWED"
    raise InputError(f"unknown value {value!r}; one of include, exclude", field=field)


def resolve_all(kb: KnowledgeBase, names: list[str] | None) -> tuple[str, ...]:
    """The actor ids of repeated ``--actor``/``--subject``/``--object`` names."""
    return tuple(kb.resolve(n).id for n in names or [])
