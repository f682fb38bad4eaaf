from __future__ import annotations

import pytest

from patron.actors import from_actors
from patron.actors.gazetteer import load_dir
from patron.errors import AmbiguousActor, UnknownActor
from tests.factory import MINI


@pytest.fixture(scope="module")
def resolver():  # type: ignore[no-untyped-def]
    return from_actors(load_dir(MINI / "actors"))


@pytest.mark.parametrize(
    "name",
    [
        "Hamas",
        "HAMAS",
        "hamas",
        "Hamas's",
        "the Hamas",
        "Harakat al-Muqawamah al-Islamiyyah",
        "Islamic Resistance Movement",
        "حماس",
    ],
)
def test_every_form_of_hamas_resolves_to_hamas(resolver, name: str) -> None:  # type: ignore[no-untyped-def]
    assert resolver.resolve(name) == "hamas"


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Iranian", "iran"),
        ("Tehran", "iran"),
        ("Iran's", "iran"),
        ("ایران", "iran"),
        ("IRGC", "irgc"),
        ("irgc", "irgc"),
        ("KH", "kataib-hezbollah"),
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Doha", "qatar"),
    ],
)
def test_demonyms_metonyms_acronyms_and_possessives_resolve(
    resolver,
    name: str,  # type: ignore[no-untyped-def]
    actor: str,
) -> None:
    assert resolver.resolve(name) == actor


def test_unknown_name_raises_with_closest_candidates(resolver) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownActor) as info:
        resolver.resolve("Hamsa")
    assert info.value.candidates[0] == "Hamas (hamas)"


def test_fragment_suggests_actors_containing_it(resolver) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownActor) as info:
        resolver.resolve("Hezbollah Brigades")
    assert any("hezbollah" in c for c in info.value.candidates)


def test_shared_name_is_ambiguous_and_lists_both(resolver) -> None:  # type: ignore[no-untyped-def]
    # "Georgia" is the display name of the state, an alias of the US state: the
    # display name wins; but an alias shared by two actors is ambiguous.
    assert resolver.resolve("Georgia") == "georgia"
    from patron.actors.resolver import Resolver

    r = Resolver(
        [
            ("hizb", "a", "alias", "Hizb"),
            ("hizb", "b", "alias", "Hizb"),
            ("a", "a", "name", "A"),
            ("b", "b", "name", "B"),
        ]
    )
    with pytest.raises(AmbiguousActor) as info:
        r.resolve("Hizb")
    assert info.value.candidates == ["A (a)", "B (b)"]
