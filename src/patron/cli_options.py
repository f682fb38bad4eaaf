"""Command-line options shared by every command module (one definition each)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from patron import settings
from patron.errors import InputError
from patron.output import Format
from patron.store.filters import Unreviewed

__all__ = ["DbOpt", "FormatOpt", "OutputOpt", "UnreviewedOpt", "WideOpt", "unreviewed_mode"]

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


def unreviewed_mode(option: str | None) -> Unreviewed:
    """``--unreviewed``, else ``PATRON_UNREVIEWED``: include or exclude."""
    value = option if option is not None else settings.get().unreviewed
    if value == "include":
        return "include"
    if value == "exclude":
        return "exclude"
    field = "--unreviewed" if option is not None else "PATRON_UNREVIEWED"
    raise InputError(f"unknown value {value!r}; one of include, exclude", field=field)
