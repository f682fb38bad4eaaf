"""A claim's wire form: actors named ``{"id", "name"}``, the source inline, actors the
gazetteer lacks written whole."""

from __future__ import annotations

import doctest

from patron import wire
from patron.model import Actor, Claim, Document, Evidence
from patron.wire import actor_definition, actor_ref, claim_record
from tests.factory import claim

NAMES = {"irgc": "Islamic Revolutionary Guard Corps", "hamas": "Hamas", "sudan": "Sudan"}
DOC = Document(id="doc-test", publisher="Test Wire", title="A wire story", published="2016",
               text="The whole text, which the wire form leaves out.")


def test_doctests_hold() -> None:
    result = doctest.testmod(wire)
    assert result.attempted > 0 and result.failed == 0


def test_an_actor_without_a_known_name_is_named_by_its_id() -> None:
    assert actor_ref("irgc") == {"id": "irgc", "name": "irgc"}
    assert actor_ref("irgc", "") == {"id": "irgc", "name": ""}


def _arms() -> Claim:
    return claim("irgc", "arms", "hamas", "2009", None, route=("sudan",), stance="reported",
                 grade="C3", evidence=Evidence(document="doc-test"))


def test_a_claim_record_names_its_actors_and_carries_its_source() -> None:
    made = _arms()
    record = claim_record(made, NAMES, {"doc-test": DOC})
    assert record["id"] == made.id
    assert record["subject"] == {"id": "irgc", "name": "Islamic Revolutionary Guard Corps"}
    assert record["object"] == {"id": "hamas", "name": "Hamas"}
    assert record["route"] == [{"id": "sudan", "name": "Sudan"}]
    assert record["source"] == {"id": "doc-test", "title": "A wire story",
                                "publisher": "Test Wire", "published": "2016", "url": None,
                                "kind": None}  # no text
    assert (record["type"], record["stance"], record["grade"]) == ("arms", "reported", "C3")
    assert record["time"] == {"start": "2009", "end": None, "precision": "year"}


def test_a_claim_record_without_its_document_has_no_source() -> None:
    record = claim_record(_arms(), {}, {})
    assert "source" not in record
    assert record["subject"] == {"id": "irgc", "name": "irgc"}  # no name known: the id


def test_an_actor_the_gazetteer_lacks_is_written_whole() -> None:
    new = Actor(id="new-x-front", name="X Front", kind="armed_group")
    defined = {"new-x-front": actor_definition(new, "extract:candidate")}
    made = claim("iran", "funding", "new-x-front")
    record = claim_record(made, {"iran": "Iran"}, {}, defined)
    assert record["object"] == {"id": "new-x-front", "name": "X Front", "kind": "armed_group",
                                "origin": "extract:candidate"}
    assert record["subject"] == {"id": "iran", "name": "Iran"}
