"""``patron report PATRON CLIENT``: the cited analyst brief (Markdown, HTML or PDF).

The library (:mod:`patron.report`) writes the brief; this command parses and prints.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from patron.cli.options import DbOpt, UnreviewedOpt, unreviewed_mode
from patron.errors import InputError
from patron.kb import KnowledgeBase

__all__ = ["BriefFormat", "report"]


class BriefFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def report(
    patron: Annotated[str, typer.Argument(help="The patron (name, alias or id)",
                                          show_default=False)],
    client: Annotated[str, typer.Argument(help="The client (name, alias or id)",
                                          show_default=False)],
    fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="md, html or pdf")
                   ] = BriefFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write "
                                                "(needed for pdf); Markdown charts go beside "
                                                "it as FILE-support.png, FILE-network.png")
                      ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Only claims that hold by this "
                                              "date (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    outlook: Annotated[bool, typer.Option("--outlook/--no-outlook", help="Run the escalation "
                                          "simulator (a few seconds)")] = True,
    runs: Annotated[int, typer.Option("--runs", help="Simulator runs", min=100,
                                      max=100000)] = 2000,
    unreviewed: UnreviewedOpt = None,
    db: DbOpt = None,
) -> None:
    """Write the brief on why PATRON backs CLIENT, every sentence cited to claims."""
    from patron.report import build_brief, chart_files, html_text, markdown, pdf

    if fmt == BriefFormat.pdf and output is None:
        raise InputError("a PDF needs -o FILE", field="--output")
    if output is not None and not output.parent.is_dir():
        raise InputError("no such folder to write the brief in", file=str(output.parent),
                         field="--output")
    mode = unreviewed_mode(unreviewed)
    kb = KnowledgeBase.open(db)
    try:
        a, b = kb.resolve(patron), kb.resolve(client)
        brief = build_brief(kb, a, b, as_of=as_of, outlook=outlook, runs=runs,
                            unreviewed=mode, with_charts=output is not None or fmt != "md")
    finally:
        kb.close()
    if fmt == BriefFormat.pdf:
        assert output is not None
        output.write_bytes(pdf(brief))
    else:
        text = html_text(brief) if fmt == BriefFormat.html else markdown(
            brief, chart_files(brief, output) if output is not None else None)
        if output is None:
            sys.stdout.write(text)
            return
        output.write_text(text, encoding="utf-8")
    Console(stderr=True).print(f"wrote {output}", highlight=False)
