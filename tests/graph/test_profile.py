"""The actor profile's timeline folds a dataset's yearly claims into runs."""

from __future__ import annotations

from patron.graph.profile import timeline_rows
from patron.model import Evidence
from tests.factory import claim


def _yearly(years: list[int], document: str = "ucdp", **fields: object) -> list:
    return [claim(start=str(y), end=str(y), evidence=Evidence(document=document), **fields)
            for y in years]


def test_consecutive_years_of_one_source_make_one_row() -> None:
    rows = timeline_rows(_yearly([2003, 2004, 2005]))
    assert len(rows) == 1
    assert (rows[0].span.start, rows[0].span.end, len(rows[0].claims)) == ("2003", "2005", 3)


def test_a_gap_of_more_than_a_year_starts_a_new_row() -> None:
    rows = timeline_rows(_yearly([2003, 2004, 2007, 2008]))
    assert [(r.span.start, r.span.end) for r in rows] == [("2003", "2004"), ("2007", "2008")]


def test_two_sources_on_the_same_years_stay_two_rows() -> None:
    rows = timeline_rows(_yearly([2006, 2007], "ucdp-v18") + _yearly([2006, 2007], "news"))
    assert sorted(r.first.evidence.document for r in rows) == ["news", "ucdp-v18"]


def test_stance_type_and_partner_keep_rows_apart() -> None:
    claims = (_yearly([2010], stance="asserted") + _yearly([2011], stance="alleged")
              + _yearly([2012], type_="arms") + _yearly([2013], object_="pij"))
    rows = timeline_rows(claims)
    assert len(rows) == 4
    assert [r.span.start for r in rows] == ["2010", "2011", "2012", "2013"]
