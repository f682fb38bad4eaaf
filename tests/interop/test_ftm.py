"""FollowTheMoney export validates, and export → import → export is byte-identical."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from followthemoney import model

from patron.errors import InputError
from patron.importers import ftm as ftm_import
from patron.importers.batch import ActorBook, store_batch
from patron.interop import ftm
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter, Store


def _export(kb: KnowledgeBase) -> str:
    out = io.StringIO()
    ftm.export(kb.store, ClaimFilter(), out)
    return out.getvalue()


def test_export_validates_with_followthemoney(kb: KnowledgeBase) -> None:
    lines = _export(kb).splitlines()
    schemata = set()
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None
        assert proxy.to_dict() == data  # already clean: FtM changes nothing
        schemata.add(proxy.schema.name)
    assert {"Article", "Documentation", "Organization", "PublicBody", "UnknownLink"} <= schemata
    links = [json.loads(x) for x in lines if '"UnknownLink"' in x]
    funding = [x for x in links if x["properties"].get("role") == ["funding"]]
    assert funding and all(x["properties"]["proof"] for x in funding)


def test_round_trip_keeps_claims_and_files_identical(kb: KnowledgeBase, tmp_path: Path) -> None:
    first = _export(kb)
    path = tmp_path / "kb.ftm.jsonl"
    path.write_text(first, encoding="utf-8")
    empty = KnowledgeBase(Store.open(f"sqlite:///{tmp_path / 'empty.db'}", create=True))
    report = store_batch(empty, ftm_import.read(path, ActorBook.of(empty)))
    assert report.claims_new == kb.store.count()
    assert _export(empty) == first
    keep = {(c.id, c.stance, c.grade, c.evidence.document) for c in kb.store.claims()}
    assert {(c.id, c.stance, c.grade, c.evidence.document) for c in empty.store.claims()} == keep
    again = store_batch(empty, ftm_import.read(path, ActorBook.of(empty)))
    assert (again.claims_new, again.actors_created) == (0, 0)
    empty.close()


def test_foreign_links_become_claims_citing_the_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    iran = {"id": "x-iran", "schema": "PublicBody", "properties": {"name": ["Iran"]}}
    group = {"id": "x-new", "schema": "Organization", "properties": {"name": ["New Front"]}}
    link = {
        "id": "x-link",
        "schema": "UnknownLink",
        "properties": {"subject": ["x-iran"], "object": ["x-new"], "role": ["training"],
                       "startDate": ["2019"]},
    }  # fmt: skip
    ends = {"subject": ["x-iran"], "object": ["x-new"]}
    odd = {"id": "x-odd", "schema": "UnknownLink", "properties": {**ends, "role": ["partner"]}}
    path = tmp_path / "foreign.json"
    path.write_text("\n".join(json.dumps(e) for e in (iran, group, link, odd)), encoding="utf-8")
    batch = ftm_import.read(path, ActorBook.of(kb))
    [claim] = batch.claims
    assert (claim.subject, claim.type, claim.object, claim.time.start) == (
        "iran", "training", "ftm-new-front", "2019",
    )  # fmt: skip
    assert (claim.stance, claim.grade, claim.origin) == ("reported", "F6", "import:ftm")
    assert (
        batch.documents[claim.evidence.document].title == "FollowTheMoney entities (foreign.json)"
    )
    assert batch.report.skipped == {"links whose role is not a Patron claim type": 1}


def test_bad_entity_names_its_line(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    good = '{"id": "a", "schema": "Organization", "properties": {"name": ["A"]}}'
    bad = '{"id": "b", "schema": "Spaceship", "properties": {}}'
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        ftm_import.read(path, ActorBook.of(kb))
    assert info.value.line == 2
