"""Which re3d arguments name an actor: the restriction behind 'ties between named actors'."""

from __future__ import annotations

import pytest

from patron.evaluate.re3d import named


@pytest.mark.parametrize("text", ["the SDF", "The UK", "US-led coalition", "Kurdish fighters",
                                  "the Government of Iraq", "President Bashar al-Assad's forces"])
def test_a_capitalised_name_is_named(text: str) -> None:
    assert named(text)


@pytest.mark.parametrize("text", ["government forces", "their allies", "We",
                                  "thousands of fighters", "The families", "I"])
def test_descriptions_and_pronouns_are_not_named(text: str) -> None:
    assert not named(text)
