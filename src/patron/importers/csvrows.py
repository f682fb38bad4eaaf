"""Delimited files for importers: header checks and values that name their line and column.

Every problem becomes an :class:`~patron.errors.InputError` carrying the file,
the line (1 is the header) and the column, so the CLI can print one line a
person can act on.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from patron.errors import InputError

__all__ = ["Row", "flag", "integer", "read_rows", "require_columns"]


class Row:
    """One record: its values by column name and the line it ends on."""

    __slots__ = ("file", "line", "values")

    def __init__(self, file: str, line: int, values: dict[str, str]) -> None:
        self.file = file
        self.line = line
        self.values = values

    def __getitem__(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def error(self, message: str, column: str | None = None) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=column)


def require_columns(header: Sequence[str], needed: Sequence[str], *, file: str) -> None:
    missing = [c for c in needed if c not in header]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", file=file, line=1)


@contextmanager
def read_rows(path: Path, *, delimiter: str = ",") -> Iterator[tuple[list[str], Iterator[Row]]]:
    """``(header, rows)`` of a CSV file; raises InputError for unreadable files."""
    file = str(path)
    try:
        stream = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=file) from exc
    with stream:
        reader = csv.reader(stream, delimiter=delimiter)
        try:
            header = [h.strip() for h in next(reader, [])]
        except (csv.Error, UnicodeDecodeError) as exc:
            raise InputError(f"not a readable CSV file: {exc}", file=file, line=1) from exc
        if not header:
            raise InputError("empty file: expected a header line", file=file, line=1)

        def rows() -> Iterator[Row]:
            try:
                for values in reader:
                    if not any(v.strip() for v in values):
                        continue
                    if len(values) != len(header):
                        raise InputError(
                            f"expected {len(header)} columns, found {len(values)}",
                            file=file,
                            line=reader.line_num,
                        )
                    yield Row(file, reader.line_num, dict(zip(header, values, strict=True)))
            except (csv.Error, UnicodeDecodeError) as exc:
                raise InputError(f"malformed CSV: {exc}", file=file, line=reader.line_num) from exc

        yield header, rows()


def integer(row: Row, column: str, *, required: bool = True) -> int | None:
    """An integer cell (``"2008"``, ``"2008.0"``); empty is None unless ``required``."""
    text = row[column]
    if not text:
        if required:
            raise row.error("a value is required", column)
        return None
    try:
        number = float(text)
    except ValueError:
        raise row.error(f"expected a whole number, found {text!r}", column) from None
    if not math.isfinite(number) or number != int(number):
        raise row.error(f"expected a whole number, found {text!r}", column)
    return int(number)


def flag(row: Row, column: str) -> bool:
    """A 0/1 indicator cell; empty counts as 0."""
    value = integer(row, column, required=False)
    if value not in (None, 0, 1):
        raise row.error(f"expected 0 or 1, found {row[column]!r}", column)
    return value == 1
