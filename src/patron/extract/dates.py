"""Times in a sentence → a TimeSpan that keeps its precision.

Never fills a missing month or day, never reads today's date: a relative
expression ("last year") is resolved against the document's own date or not at all.

>>> find_time("Iran began funding Hamas in the early 1990s.")
TimeSpan(start='1990', end='1993', precision='decade_part')
>>> find_time("Iran has armed the group since the early 1980s.")
TimeSpan(start='1980', end=None, precision='decade_part')
>>> find_time("Support has resumed since 2017.")
TimeSpan(start='2017', end=None, precision='year')
>>> find_time("Between 2012 and 2016 ties were strained.")
TimeSpan(start='2012', end='2016', precision='year')
>>> find_time("On 7 October 2023 Hamas attacked.")
TimeSpan(start='2023-10-07', end='2023-10-07', precision='day')
"""

from __future__ import annotations

import re

from patron.timespan import TimeSpan

__all__ = ["find_time"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"  # noqa: E501
_YEAR = r"((?:19|20)\d{2})"

_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+" + _MON + r",?\s+" + _YEAR + r"\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MON + r"\s+(\d{1,2}),?\s+" + _YEAR + r"\b", re.I)
_MONTH_YEAR = re.compile(r"\b" + _MON + r"\s+(?:of\s+)?" + _YEAR + r"\b", re.I)
_RANGE = re.compile(
    r"\b(?:between|from)\s+"
    + _YEAR
    + r"\s+(?:and|to|until|till|through)\s+"
    + _YEAR
    + r"\b|\b"
    + _YEAR
    + r"\s*[-–]\s*"
    + _YEAR
    + r"\b",
    re.I,
)
_DECADE = re.compile(r"\b(?:(early|mid|late)[-\s]+)?((?:19|20)\d)0s\b", re.I)
_SINCE = re.compile(
    r"\b(?:since|from|after|starting in|beginning in|as of)\s+(?:the\s+)?"
    r"(?:(?:" + _MON + r")\s+)?" + _YEAR + r"\b",
    re.I,
)
_SINCE_DECADE = re.compile(
    r"\b(?:since|from|after|starting in|beginning in)\s+(?:the\s+)?"
    r"(?:(early|mid|late)[-\s]+)?((?:19|20)\d)0s\b",
    re.I,
)
_UNTIL = re.compile(r"\b(?:until|till|up to|before)\s+" + _YEAR + r"\b", re.I)
_BARE_YEAR = re.compile(r"\b" + _YEAR + r"\b")
_CENTURY = re.compile(r"(?:19|20)\d")
_DECADE_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def _iso(year: str, month: str | None = None, day: str | None = None) -> str:
    out = year
    if month:
        out += f"-{_MONTHS[month.lower().rstrip('.')]:02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def find_time(text: str) -> TimeSpan | None:
    """The most specific time expression in ``text``, or None."""
    if not _CENTURY.search(text):
        return None  # every pattern needs a year of this century or the last
    try:
        return _find(text)
    except ValueError:  # "31 February 2020": not a date, so no time
        return None


def _find(text: str) -> TimeSpan | None:
    if m := _RANGE.search(text):
        start, end = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return TimeSpan(start=start, end=end)
    if m := _SINCE.search(text):
        month = m.group(1)
        return TimeSpan(start=_iso(m.group(2), month) if month else m.group(2))
    if m := _DAY_MONTH_YEAR.search(text):
        day = _iso(m.group(3), m.group(2), m.group(1))
        return TimeSpan(start=day, end=day)
    if m := _MONTH_DAY_YEAR.search(text):
        day = _iso(m.group(3), m.group(1), m.group(2))
        return TimeSpan(start=day, end=day)
    if m := _MONTH_YEAR.search(text):
        month = _iso(m.group(2), m.group(1))
        return TimeSpan(start=month, end=month)
    if m := _SINCE_DECADE.search(text):  # "since the early 1980s": open, from about 1980
        decade = int(m.group(2)) * 10
        lo = _DECADE_PART[m.group(1).lower()][0] if m.group(1) else 0
        return TimeSpan(start=str(decade + lo), precision="decade_part" if m.group(1) else "decade")
    if m := _DECADE.search(text):
        decade = int(m.group(2)) * 10
        if m.group(1):
            lo, hi = _DECADE_PART[m.group(1).lower()]
            return TimeSpan(start=str(decade + lo), end=str(decade + hi), precision="decade_part")
        return TimeSpan(start=str(decade), end=str(decade + 9), precision="decade")
    if m := _UNTIL.search(text):
        return TimeSpan(end=m.group(1))
    if m := _BARE_YEAR.search(text):
        return TimeSpan(start=m.group(1), end=m.group(1))
    return None
