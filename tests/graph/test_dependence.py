import pytest

from patron.graph.dependence import dependence
from patron.graph.view import View


def test_shares_sum_to_one_and_hhi_matches(view_all: View) -> None:
    dep = dependence(view_all, "hamas")
    shares = [s for _, s in dep.shares]
    assert sum(shares) == pytest.approx(1.0)
    assert dep.hhi == pytest.approx(sum(s * s for s in shares))


def test_organs_fold_into_their_state(view_all: View) -> None:
    patrons = [r.actor for r, _ in dependence(view_all, "hamas").shares]
    assert "iran" in patrons and "irgc" not in patrons and "quds-force" not in patrons


def test_iran_has_largest_share(view_all: View) -> None:
    assert dependence(view_all, "hamas").shares[0][0].actor == "iran"


def test_single_patron_is_fully_concentrated(view_2015: View) -> None:
    doc = dependence(view_2015, "kataib-hezbollah").document()
    assert doc["hhi"] == 1.0 and doc["concentration"] == "high"


def test_no_patrons(view_2015: View) -> None:
    doc = dependence(view_2015, "israel-nobody").document()
    assert doc["patrons"] == [] and doc["hhi"] == 0
