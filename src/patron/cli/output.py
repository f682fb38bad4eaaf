"""Printing data in the four formats every data command offers.

``json`` and ``jsonl`` are the stable forms for scripts: a claim is printed in its
wire form (:mod:`patron.wire`), which ``patron claims load`` reads back. ``table``
is for a person (:mod:`patron.cli.tables`).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console, RenderableType

from patron.spreadsheet import safe_cell

__all__ = ["Format", "emit", "flatten", "note_undated", "note_unreviewed", "written"]


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


_PIPE_WIDTH = 180  # a table piped to a file or pager is not cut to 80 columns


def _note_left_out(count: int, what: str, how: str) -> None:
    if count:
        plural = "s" if count != 1 else ""
        Console(stderr=True).print(f"{count:,} {what.format(s=plural)} left out {how}",
                                   highlight=False)


def note_undated(count: int) -> None:
    """Say on stderr how many undated claims a time window left out (nothing when none)."""
    _note_left_out(count, "claim{s} with no date", "of the time window (drop "
                   "--since/--until/--as-of to see them)")


def note_unreviewed(count: int) -> None:
    """Say on stderr how many machine-extracted, unreviewed claims were left out."""
    _note_left_out(count, "machine-extracted claim{s} awaiting review",
                   "(--unreviewed include to see them, marked)")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested wire form → one flat row for CSV (``subject.id``, ``time.start``...)."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list) and any(isinstance(v, dict) and "id" not in v
                                             for v in value):
            flat[name] = json.dumps(value, ensure_ascii=False)  # review rows: JSON in a cell
        elif isinstance(value, list):
            items = [v.get("id", v) if isinstance(v, dict) else v for v in value]
            flat[name] = "|".join(str(v) for v in items)
        else:
            flat[name] = value
    return flat


def _csv(rows: Sequence[dict[str, Any]], out: TextIO) -> None:
    """CSV with a header of every column; cells that would start a spreadsheet formula
    (``=``, ``+``, ``-``, ``@``) are written as text (:func:`patron.spreadsheet.safe_cell`)."""
    flat = [{k: safe_cell(v) for k, v in flatten(r).items()} for r in rows]
    columns: list[str] = []
    for row in flat:
        columns.extend(k for k in row if k not in columns)
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)


def emit(
    fmt: Format,
    *,
    rows: Iterable[dict[str, Any]],
    document: Any = None,
    table: Callable[[], RenderableType] | None = None,
    out: TextIO | None = None,
) -> None:
    """Print ``rows`` (jsonl/csv, and json when ``document`` is None) or ``table()``."""
    stream = out or sys.stdout
    if fmt is Format.table and table is not None:
        width = None if stream.isatty() or os.environ.get("COLUMNS") else _PIPE_WIDTH
        Console(file=stream, width=width).print(table())
        return
    if fmt is Format.json:
        body = document if document is not None else list(rows)
        stream.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        _csv(list(rows), stream)
    else:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


@contextmanager
def written(output: Path | None) -> Iterator[TextIO]:
    """stdout, or the file ``output`` written whole or not at all.

    The file is written as ``OUTPUT.part`` and renamed when the block ends without an
    error; on an error the part file is removed and an earlier ``output`` is kept.
    """
    if output is None:
        yield sys.stdout
        return
    tmp = output.with_name(output.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        tmp.replace(output)
    finally:
        tmp.unlink(missing_ok=True)
