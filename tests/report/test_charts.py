"""The brief's charts: the years a claim covers, and PNGs that show the right bars."""

from __future__ import annotations

import io

import numpy as np
import numpy.typing as npt

from patron.graph.view import Slice, open_view
from patron.kb import KnowledgeBase
from patron.report.charts import STANCE_COLOURS, ego_network, support_over_time, years_of
from tests.factory import claim
from tests.pictures import png_size

RUPTURE_RED = "#d43d2a"


def _mask(png: bytes, colour: str) -> npt.NDArray[np.bool_]:
    """Pixels of exactly ``colour``."""
    import matplotlib.image

    pixels = (matplotlib.image.imread(io.BytesIO(png))[..., :3] * 255).round().astype(int)
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return np.all(pixels == rgb, axis=-1)  # type: ignore[no-any-return]


def _bars_at_the_foot(mask: npt.NDArray[np.bool_]) -> int:
    """Separate runs of the colour along the row just above its lowest pixels."""
    rows = np.flatnonzero(mask.any(axis=1))
    row = mask[rows.max() - 2].astype(int)
    return int((np.diff(np.concatenate([[0], row, [0]])) == 1).sum())


def test_a_closed_span_covers_each_of_its_years() -> None:
    assert list(years_of(claim(start="2009", end="2011"), 2020)) == [2009, 2010, 2011]


def test_an_open_end_runs_to_the_last_year() -> None:
    assert list(years_of(claim(start="2014", end=None), 2016)) == [2014, 2015, 2016]


def test_an_undated_claim_covers_no_year() -> None:
    assert list(years_of(claim(start=None, end=None), 2016)) == []


def test_a_claim_with_only_an_end_covers_that_year() -> None:
    assert list(years_of(claim(start=None, end="2010"), 2016)) == [2010]


def test_support_chart_has_a_bar_a_year_coloured_by_stance() -> None:
    support = [claim("iran", "funding", "hamas", "2009", "2011"),
               claim("iran", "arms", "hamas", "2010", "2010", stance="alleged")]
    png = support_over_time(support, [], "Iran to Hamas")
    assert png_size(png) == (1000, 400)
    assert _bars_at_the_foot(_mask(png, STANCE_COLOURS["asserted"])) == 3  # 2009 to 2011
    assert _bars_at_the_foot(_mask(png, STANCE_COLOURS["alleged"])) == 1  # 2010 only
    assert _mask(png, STANCE_COLOURS["reported"]).sum() == 0
    assert _mask(png, RUPTURE_RED).sum() == 0


def test_support_chart_marks_a_rupture() -> None:
    support = [claim("iran", "funding", "hamas", "2009", "2014")]
    png = support_over_time(support, [claim("iran", "rupture", "hamas", "2012", "2012")],
                            "Iran to Hamas")
    assert _mask(png, RUPTURE_RED).sum() > 100


def test_network_chart_is_the_ego_picture(network_kb: KnowledgeBase) -> None:
    view = open_view(network_kb.store, Slice.of(as_of="2015"))
    assert png_size(ego_network(view, "hamas", "iran")) == (1200, 900)
