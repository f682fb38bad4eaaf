"""The ``patron`` command: parses arguments, calls library functions, prints.

Every error Patron raises on purpose becomes one line on stderr and exit code 2.
The commands live in one module each (``patron.cli.claims``, ``patron.cli.analyze``…);
this module joins them into one app, in the order ``patron --help`` lists them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from patron import settings
from patron.api.commands import serve, users_app
from patron.cli.actors import actor, actors
from patron.cli.analyze import analyze_app
from patron.cli.backing import backing_cmd
from patron.cli.claims import claims_app
from patron.cli.eval import eval_app
from patron.cli.export import export
from patron.cli.extract import extract, ingest
from patron.cli.imports import import_app, row_progress
from patron.cli.learn import eval_model, train
from patron.cli.options import DbOpt
from patron.cli.report import report as report_cmd
from patron.cli.review import review_app
from patron.cli.simulate import simulate_app
from patron.errors import PatronError
from patron.kb import KnowledgeBase

__all__ = ["app", "main"]

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Who backs whom in armed conflict: sourced, time-aware claims.",
)
err = Console(stderr=True)


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
app.command()(init)
app.command(
    "who-backs",
    help="Who supports ACTOR: patrons with types, time spans, stances, grades and sources.",
)(backing_cmd)
app.command(
    "backed-by", help="Whom ACTOR supports (its clients), with the same evidence as who-backs."
)(backing_cmd)
app.command()(actors)
app.command()(actor)
app.command()(export)
app.command()(serve)
app.add_typer(users_app, name="users")
app.add_typer(review_app, name="review")


def main() -> None:
    """Entry point: run the app, turning PatronError into one line and exit code 2."""
    try:
        app()  # standalone: usage errors exit 2 with click's message
    except PatronError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True, markup=True)
        sys.exit(2)
