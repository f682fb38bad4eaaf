"""``ClaimFilter.checked``: what a person typed becomes the store's filter, or an
InputError naming the option at fault."""

from __future__ import annotations

import doctest

import pytest

from patron.errors import InputError
from patron.store import filters
from patron.store.filters import ClaimFilter


def test_doctests_hold() -> None:
    result = doctest.testmod(filters)
    assert result.attempted > 0 and result.failed == 0


def test_the_window_runs_from_the_first_day_of_since_to_the_last_of_until() -> None:
    flt = ClaimFilter.checked(since="2017-10", until="2018", types=["funding"],
                              stances=["reported"], min_grade="B2", actors=("iran",))
    assert (flt.lo, flt.hi) == (20171001, 20181231)
    assert (flt.types, flt.stances, flt.min_grade, flt.actors) == (
        ("funding",), ("reported",), "B2", ("iran",))


def test_no_options_is_no_restriction() -> None:
    assert ClaimFilter.checked() == ClaimFilter()


@pytest.mark.parametrize(("options", "field"), [
    ({"types": ["nonsense"]}, "--type"),
    ({"types": ["attack"], "family": "support"}, "--type"),
    ({"stances": ["maybe"]}, "--stance"),
    ({"since": "2017-13"}, "--since"),
    ({"until": "soon"}, "--until"),
    ({"since": "2019", "until": "2018"}, "--until"),
    ({"min_grade": "G9"}, "--min-grade"),
])  # fmt: skip
def test_each_bad_option_is_named(options: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as info:
        ClaimFilter.checked(**options)  # type: ignore[arg-type]
    assert info.value.field == field
