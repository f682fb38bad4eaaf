from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from patron.timespan import OPEN_END, TimeSpan, date_bounds


def test_year_keeps_year_precision_and_is_not_filled_to_january() -> None:
    span = TimeSpan(start="2017")
    assert span.start == "2017"
    assert span.precision == "year"
    assert span.end is None


def test_month_precision_bounds_cover_the_whole_month() -> None:
    assert date_bounds("2024-02") == (20240201, 20240229)


def test_open_end_reaches_the_far_future() -> None:
    assert TimeSpan(start="2017").bounds() == (20170101, OPEN_END)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError, match="before start"):
        TimeSpan(start="2016", end="2012")


@pytest.mark.parametrize("bad", ["2023-02-30", "2023-13", "17", "2017/10/07", "yesterday"])
def test_impossible_or_malformed_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        TimeSpan(start=bad)


def test_year_given_as_number_in_yaml_is_kept_as_text() -> None:
    assert TimeSpan.model_validate({"start": 2012, "end": 2016}).start == "2012"


def test_labels_read_like_an_analyst_writes_them() -> None:
    assert TimeSpan(start="2012", end="2016").label() == "2012–2016"
    assert TimeSpan(start="2017").label() == "since 2017"
    assert TimeSpan(start="2023-10-07", end="2023-10-07").label() == "2023-10-07"
    assert TimeSpan().label() == "undated"


@given(st.dates(), st.sampled_from([4, 7, 10]))
def test_bounds_of_any_partial_date_are_ordered(day: object, width: int) -> None:
    text = day.isoformat()[:width]  # type: ignore[attr-defined]
    lo, hi = date_bounds(text)
    assert lo <= hi
    assert lo // 10000 == hi // 10000 == int(text[:4])
