from __future__ import annotations

import pytest

from patron.actors.names import normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran's", "Iran"),
        ("the Houthis", "Houthis"),
        ("Houthis'", "houthis"),
        ("Kata'ib Hizballah", "Kataib Hizballah"),
        ("Ḥamās", "Hamas"),
        ("Türkiye", "Turkiye"),
        ("U.S.", "US"),
        ("al-Qassam Brigades", "Al Qassam  Brigades"),
        ("حَمَاس", "حماس"),
        ("أنصار الله", "انصار الله"),
    ],
)
def test_spellings_that_name_the_same_actor_normalise_alike(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_different_names_stay_different() -> None:
    assert normalize("Iran") != normalize("Iraq")
    assert normalize("Hamas") != normalize("Hama")
