"""``patron import``: datasets in (UCDP ESD, GDELT, ACLED, FollowTheMoney).

Each command wires its arguments to an importer in ``patron.importers``, shows a
progress bar on stderr and ends with the importer's summary. Errors are
:class:`~patron.errors.PatronError`, which :func:`patron.cli.main.main` prints as one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from patron.cli.options import DbOpt
from patron.importers.batch import ActorBook, ImportBatch, store_batch
from patron.importers.batch import Progress as OnProgress
from patron.kb import KnowledgeBase

__all__ = ["import_app", "row_progress"]

import_app = typer.Typer(
    no_args_is_help=True, help="Import datasets: ucdp-esd, gdelt, acled, ftm (idempotent)."
)
_err = Console(stderr=True)

FileArg = Annotated[Path, typer.Argument(help="File to import", show_default=False)]


@contextmanager
def row_progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on stderr (terminals only); yields ``advance(done, total)``."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=_err, transient=True, disable=not _err.is_terminal) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _run(db: str | None, label: str, read: Callable[[ActorBook, OnProgress], ImportBatch]) -> None:
    kb = KnowledgeBase.open(db)
    try:
        with row_progress(label) as advance:
            batch = read(ActorBook.of(kb), advance)
            report = store_batch(kb, batch)
        for line in report.lines():
            _err.print(line, highlight=False, markup=False)
    finally:
        kb.close()


@import_app.command("ucdp-esd")
def ucdp_esd(file: FileArg, db: DbOpt = None) -> None:
    """UCDP External Support Dataset: the v1.0 supporter-level or v18.1 actor-year CSV."""
    from patron.importers import ucdp_esd as reader

    _run(db, f"UCDP ESD {file.name}", lambda book, progress: reader.read(file, book, progress))


@import_app.command("ftm")
def ftm(file: FileArg, db: DbOpt = None) -> None:
    """FollowTheMoney entities (JSON lines), e.g. from `patron export ftm` or Aleph."""
    from patron.importers import ftm as reader

    _run(db, f"FtM {file.name}", lambda book, progress: reader.read(file, book, progress))


@import_app.command("gdelt")
def gdelt(
    files: Annotated[list[Path], typer.Argument(help="GDELT 1.0/2.0 event files (.csv/.zip)")],
    db: DbOpt = None,
) -> None:
    """GDELT events: support and hostility codes → claims per dyad, type and month."""
    from patron.importers import gdelt as reader

    _run(db, "GDELT events", lambda book, progress: reader.read(files, book, progress))


@import_app.command("acled")
def acled(file: FileArg, db: DbOpt = None) -> None:
    """ACLED CSV export: attacks → attack claims, associated actors → alliance claims."""
    from patron.importers import acled as reader

    _run(db, f"ACLED {file.name}", lambda book, progress: reader.read(file, book, progress))
