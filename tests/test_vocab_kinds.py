"""The actor kinds each claim type takes (``subjects``/``objects`` in vocab.yaml) hold for
every curated and labelled claim, and extraction drops a relation outside them."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import numpy as np
import pytest

from patron import settings, yamlfile
from patron.actors.gazetteer import load_dir
from patron.actors.resolver import from_actors
from patron.evaluate.cases import UNSPECIFIED, load_cases
from patron.extract.classifier import Head, RelationModel
from patron.extract.pipeline import Extractor
from patron.model import Actor, Document
from patron.readers.claimfile import read_path
from patron.vocab import VOCAB
from tests.factory import REPO

CASE_FILES = (REPO / "tests" / "data" / "extract_cases.yaml",
              *sorted((REPO / "tests" / "data" / "cases").glob("*.yaml")))


@cache
def _actors() -> tuple[Actor, ...]:
    return tuple(load_dir(settings.get().data_dir / "actors"))


def _kind(actor_id: str) -> str:
    return {a.id: a.kind for a in _actors()}[actor_id]


def _outside(subject: str, type_: str, object_: str) -> str | None:
    """What is wrong with the triple's kinds, or None when its type takes them."""
    # Bare backing in the labels matches any support type; "backing" takes what any does.
    t = VOCAB.claim_types["backing" if type_ == UNSPECIFIED else type_]
    s, o = _kind(subject), _kind(object_)
    if t.takes(s, o):
        return None
    return f"{subject} ({s}) {t.name} {object_} ({o})"


def test_every_curated_claim_has_kinds_its_type_takes() -> None:
    resolver = from_actors(_actors())
    checked, wrong = 0, []
    for path in sorted((settings.get().data_dir / "claims").glob("*.yaml")):
        for c in read_path(path, resolver).claims:
            checked += 1
            if problem := _outside(c.subject, c.type, c.object):
                wrong.append(f"{path.name}: {problem}")
    assert checked >= 100
    assert not wrong, wrong


def _labelled() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in CASE_FILES:
        for case in load_cases(path):
            for gold in case.get("claims") or []:
                yield f"{path.name} {case['id']}", gold
    expected = yamlfile.strip_lines(yamlfile.load(REPO / "examples" / "expected.yaml"))
    for doc in expected["documents"]:
        for gold in [*(doc.get("claims") or []), *(doc.get("other_claims") or [])]:
            yield f"expected.yaml {doc['file']}", gold


def test_every_labelled_claim_has_kinds_its_type_takes() -> None:
    # Optional claims neither reward nor punish, and one of them has a place (the Red
    # Sea) as its object, which no type takes: places are never parties.
    golds = [(where, g) for where, g in _labelled() if not g.get("optional")]
    wrong = [f"{where}: {problem}" for where, g in golds
             if (problem := _outside(g["subject"], g["type"], g["object"]))]
    assert len(golds) >= 500
    assert not wrong, wrong


@pytest.fixture(scope="module")
def rules() -> Extractor:
    return Extractor(_actors(), model=None)


@pytest.mark.parametrize(("text", "absent"), [
    # Read the wrong way round, the passive made the designated groups sanction Turkey.
    ("The PKK and the Gülen movement are both designated as terrorist groups by Turkey.",
     ("pkk", "sanction", "turkey")),
    # "talks brokered by Qatar": the parties to a ceasefire do not mediate it.
    ("Israel and Hamas agreed a ceasefire in January 2025 after talks brokered by Qatar, "
     "Egypt and the United States.", ("hamas", "mediation", "qatar")),
    # A charity (an intermediary) attacks no one.
    ("The Martyrs Foundation, which pays pensions to the families of killed Hezbollah "
     "fighters, is funded by Iran.", ("martyrs-foundation", "attack", "hezbollah")),
])
def test_extraction_drops_a_relation_whose_type_does_not_take_its_sides(
        rules: Extractor, text: str, absent: tuple[str, str, str]) -> None:
    claims = rules.extract(Document(id="d", text=text)).claims
    assert absent not in {(c.subject, c.type, c.object) for c in claims}
    for c in claims:
        assert _outside(c.subject, c.type, c.object) is None, c


def test_relations_inside_the_kinds_are_kept(rules: Extractor) -> None:
    text = "Qatar hosts Hamas leaders, and Israel and Hamas agreed a ceasefire brokered by Egypt."
    claims = rules.extract(Document(id="d", text=text)).claims
    found = {(c.subject, c.type, c.object) for c in claims}
    assert ("qatar", "safe_haven", "hamas") in found


def test_the_learned_stage_drops_what_a_type_does_not_take() -> None:
    # A head that calls every pair a sanction: an armed group sanctions no one
    # (vocab.yaml), so only the state's side of the pair is kept.
    def head(labels: tuple[str, ...], bias: list[float]) -> Head:
        return Head(labels, np.zeros((1, len(labels)), np.float32), np.array(bias, np.float32))

    model = RelationModel(["order:SO"], head(("none", "sanction"), [-5.0, 5.0]),
                          head(("asserted",), [0.0]))
    claims = Extractor(_actors(), model=model).extract(
        Document(id="d", text="Hamas and Turkey were in the news again.")).claims
    assert {(c.subject, c.type, c.object) for c in claims} == {("turkey", "sanction", "hamas")}
