"""The FtM keys export and import share name real FollowTheMoney schemata and properties."""

from __future__ import annotations

import doctest

from followthemoney import model

from patron import ftmkeys
from patron.ftmkeys import LINK_ENDS


def test_doctests_hold() -> None:
    result = doctest.testmod(ftmkeys)
    assert result.attempted > 0 and result.failed == 0


def test_every_link_schema_has_its_two_ends_as_entity_properties() -> None:
    for name, ends in LINK_ENDS.items():
        schema = model.get(name)
        assert schema is not None, name
        for prop in ends:
            found = schema.get(prop)
            assert found is not None and found.type.name == "entity", (name, prop)
