"""Commands that read documents: ``extract`` and ``ingest``.

Thin: they parse arguments, call :mod:`patron.kb` / :mod:`patron.extract`, and print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.cli.options import DbOpt, FormatOpt, OutputOpt
from patron.cli.output import Format, emit, written
from patron.cli.tables import claims_table
from patron.errors import InputError, StoreError
from patron.extract.pipeline import CANDIDATE_ORIGIN, Extractor
from patron.kb import KnowledgeBase
from patron.model import Claim, Document
from patron.readers.documents import SUFFIXES, Skipped, read_documents
from patron.wire import actor_definition, claim_record

__all__ = ["extract", "extractor_for", "ingest"]

err = Console(stderr=True)

PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (recursive)")]


MinScoreOpt = Annotated[float, typer.Option(
    "--min-score", min=0.0, max=1.0,
    help="Keep machine-made claims whose relation score is at least this")]


def extractor_for(db: str | None, min_score: float = 0.0) -> Extractor:
    """Over the knowledge base's actors when there is one, else the shipped gazetteer."""
    try:
        kb = KnowledgeBase.open(db)
    except StoreError:
        return Extractor(load_dir(settings.get().data_dir / "actors"), min_score=min_score)
    try:
        return kb.extractor(min_score)
    finally:
        kb.close()


class _Rate(ProgressColumn):
    """Documents per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} docs/s")


@contextmanager
def _counting(label: str) -> Iterator[Callable[[], None]]:
    """A progress line on stderr (documents done, documents/s); yields the tick."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
               TimeElapsedColumn())
    # stdout is left alone: claims written there must not go through the progress display
    with Progress(*columns, console=err, transient=False, redirect_stdout=False) as progress:
        task = progress.add_task(label, total=None)
        yield lambda: progress.advance(task)


def _existing(paths: list[Path]) -> None:
    """A missing path is an input error, raised before anything is read."""
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", file=str(path))


def _nothing_read(paths: list[Path]) -> None:
    kinds = ", ".join(sorted(SUFFIXES))
    where = ", ".join(str(p) for p in paths)
    err.print(f"nothing was read: no documents ({kinds}) under {where}", highlight=False)


def extract(
    paths: PathsArg, db: DbOpt = None, fmt: FormatOpt = Format.table, output: OutputOpt = None,
    min_score: MinScoreOpt = 0.0,
) -> None:
    """Extract claims from documents without storing them (one claim per line in jsonl).

    jsonl is written as it goes, each document's claims once it is read; the other
    formats need every claim first.
    """
    _existing(paths)
    extractor = extractor_for(db, min_score)
    names = {a.id: a.name for a in extractor.gazetteer.actors.values()}
    defined: dict[str, dict[str, Any]] = {}  # candidates, so the claims load back
    read = 0
    streaming = fmt is Format.jsonl
    claims: list[Claim] = []
    docs: dict[str, Document] = {}

    def records(tick: Callable[[], None]) -> Iterator[dict[str, Any]]:
        for item in read_documents(paths):
            tick()
            if isinstance(item, Skipped):
                err.print(f"skipped {item.path}: {item.reason}", highlight=False)
                continue
            nonlocal read
            read += 1
            found = extractor.extract(item)
            names.update({a.id: a.name for a in found.actors})
            defined.update({a.id: actor_definition(a, CANDIDATE_ORIGIN) for a in found.actors})
            if streaming:
                docs.clear()  # a streamed claim cites only its own document
            docs[item.id] = item
            for claim in found.claims:
                if not streaming:
                    claims.append(claim)
                yield claim_record(claim, names, docs, defined)

    with written(output) as stream:
        with _counting("extracting") as tick:
            if streaming:
                emit(fmt, rows=records(tick), out=stream)
            else:
                rows = list(records(tick))
        if not streaming:
            emit(fmt, rows=rows, table=lambda: claims_table(claims, names, docs), out=stream)
    if output is not None:
        err.print(f"wrote {fmt.value} to {output}", highlight=False)
    if not read:
        _nothing_read(paths)


def ingest(paths: PathsArg, db: DbOpt = None, min_score: MinScoreOpt = 0.0) -> None:
    """Read documents, extract claims and store both; documents already stored are skipped."""
    _existing(paths)
    kb = KnowledgeBase.open(db)
    with _counting("ingesting") as tick:
        report = kb.ingest(paths, progress=lambda item: tick(), min_score=min_score)
    for skipped in report.skipped:
        err.print(f"skipped {skipped.path}: {skipped.reason}", highlight=False)
    err.print(f"{report.documents_read} documents read: {report.documents_new} new, "
              f"{report.documents_known} already stored; {report.claims_new} new claims, "
              f"{report.actors_new} new candidate actors; {len(report.skipped)} skipped",
              highlight=False)
    if not report.documents_read and not report.skipped:
        _nothing_read(paths)
