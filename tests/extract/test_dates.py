from __future__ import annotations

import pytest

from patron.extract.dates import find_time


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("in the early 1990s", "1990", "1993", "decade_part"),
    ("in the 1990s", "1990", "1999", "decade"),
    ("since 2017", "2017", None, "year"),
    ("after the 2007 takeover", "2007", None, "year"),
    ("between 2012 and 2016", "2012", "2016", "year"),
    ("on 7 October 2023", "2023-10-07", "2023-10-07", "day"),
    ("in October 2023", "2023-10", "2023-10", "month"),
    ("in 2020", "2020", "2020", "year"),
    ("since the early 1980s", "1980", None, "decade_part"),
    ("from the 1990s on", "1990", None, "decade"),
])
def test_times_keep_their_precision(text: str, start: str, end: str | None,
                                    precision: str) -> None:
    span = find_time(text)
    assert span is not None
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_impossible_date_gives_no_time() -> None:
    assert find_time("on 31 February 2020") is None
    assert find_time("no date here") is None
