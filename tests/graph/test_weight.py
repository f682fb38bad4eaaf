import doctest

import pytest

from patron.graph import weight
from patron.graph.weight import claim_weight, edge_weight


def test_doctests_hold() -> None:
    assert doctest.testmod(weight).failed == 0


def test_denied_claim_weighs_nothing() -> None:
    assert claim_weight("funding", "denied", "A1") == 0
    assert edge_weight([("funding", "doc:a", 0.0)]) == 0


def test_alleged_counts_less_than_asserted() -> None:
    assert claim_weight("arms", "alleged", "B2") < claim_weight("arms", "asserted", "B2")


def test_better_grade_weighs_more() -> None:
    assert claim_weight("arms", "asserted", "A1") > claim_weight("arms", "asserted", "D4")


def test_older_claims_decay() -> None:
    assert claim_weight("arms", "asserted", "A1", age=10) == pytest.approx(0.25)


def test_second_independent_source_adds_less_than_the_first() -> None:
    one = edge_weight([("funding", "doc:a", 1.0)])
    two = edge_weight([("funding", "doc:a", 1.0), ("funding", "doc:b", 1.0)])
    three = edge_weight([("funding", f"doc:{x}", 1.0) for x in "abc"])
    assert one < two < three
    assert three - two < two - one


def test_same_source_twice_is_one_source() -> None:
    assert edge_weight([("funding", "by:state", 1.0), ("funding", "by:state", 1.0)]) == 1.0


def test_breadth_of_types_adds() -> None:
    assert edge_weight([("funding", "doc:a", 1.0), ("training", "doc:a", 0.9)]) == 1.9


def test_rupture_lowers_and_resumption_restores() -> None:
    base = [("funding", "doc:a", 1.0)]
    assert edge_weight([*base, ("rupture", "doc:b", 1.0)]) == 0.5
    assert edge_weight([*base, ("rupture", "doc:b", 1.0), ("resumption", "doc:c", 1.0)]) == 1.0
