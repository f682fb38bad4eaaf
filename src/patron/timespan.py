"""Partial dates and time spans that keep their precision.

"2017" stays 2017: it is never filled to 2017-01-01, and nothing is ever filled
from today's date. To compare spans, each bound maps to an ordinal day number
(``yyyymmdd``): a start to its earliest day, an end to its latest.

>>> span = TimeSpan(start="2012", end="2016-06")
>>> span.precision, span.bounds()
('year', (20120101, 20160630))
>>> TimeSpan(start="2017").bounds()   # open end: still going on
(20170101, 99991231)
"""

from __future__ import annotations

import calendar
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

__all__ = [
    "OPEN_END",
    "UNKNOWN_START",
    "Precision",
    "TimeSpan",
    "date_bounds",
    "parse_partial_date",
]

Precision = Literal["day", "month", "year", "decade_part", "decade", "unknown"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
UNKNOWN_START = 0
OPEN_END = 99991231


def parse_partial_date(text: str) -> tuple[int, int | None, int | None]:
    """``"2017-10"`` → ``(2017, 10, None)``; raises ValueError for impossible dates."""
    m = _DATE.match(text.strip())
    if not m:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month out of range in {text!r}")
    if (
        day is not None
        and month is not None
        and not (1 <= day <= calendar.monthrange(year, month)[1])
    ):
        raise ValueError(f"day out of range in {text!r}")
    return year, month, day


def date_bounds(text: str) -> tuple[int, int]:
    """Earliest and latest day a partial date can mean, as ``yyyymmdd`` integers."""
    year, month, day = parse_partial_date(text)
    if month is None:
        return year * 10000 + 101, year * 10000 + 1231
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + last
    ordinal = year * 10000 + month * 100 + day
    return ordinal, ordinal


def _precision_of(text: str) -> Precision:
    precisions: tuple[Precision, ...] = ("year", "month", "day")
    return precisions[text.count("-")]


class TimeSpan(BaseModel):
    """When a claim holds. ``end=None`` means open (ongoing or end unknown)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: str | None = None
    end: str | None = None
    precision: Precision = "unknown"

    @field_validator("start", "end", mode="before")
    @classmethod
    def _check_date(cls, value: object) -> str | None:
        if value is None or value == "":
            return None
        text = str(value)  # YAML gives 2017 as an int
        parse_partial_date(text)
        return text

    @model_validator(mode="after")
    def _check_order(self) -> TimeSpan:
        if self.precision == "unknown" and (self.start or self.end):
            object.__setattr__(self, "precision", _precision_of(self.start or self.end or ""))
        if self.start and self.end and date_bounds(self.end)[1] < date_bounds(self.start)[0]:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def bounds(self) -> tuple[int, int]:
        """``(earliest day, latest day)`` the span may cover, for overlap queries."""
        lo = date_bounds(self.start)[0] if self.start else UNKNOWN_START
        hi = date_bounds(self.end)[1] if self.end else OPEN_END
        return lo, hi

    def label(self) -> str:
        """Human form: ``2012–2016``, ``since 2017``, ``2023-10-07``."""
        if self.start and self.end:
            return self.start if self.start == self.end else f"{self.start}–{self.end}"
        if self.start:
            return f"since {self.start}"
        if self.end:
            return f"until {self.end}"
        return "undated"
