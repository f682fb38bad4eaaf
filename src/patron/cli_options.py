"""Command-line options shared by every command module (one definition each)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from patron.output import Format

__all__ = ["DbOpt", "FormatOpt", "OutputOpt"]

DbOpt = Annotated[
    str | None, typer.Option("--db", help="Knowledge base URL [env: PATRON_DB]", show_default=False)
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format")]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write; default stdout")
]
