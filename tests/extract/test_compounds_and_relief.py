"""Compounds read the same whatever dash joins them; sanctions relief is no sanction.

The sentences here are reworded from the labelled cases, not copied from them.
"""

from __future__ import annotations

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract import lexicon
from patron.extract.pipeline import Extractor
from patron.model import Document


@pytest.fixture(scope="module", params=["rules", "model"])
def extractor(request: pytest.FixtureRequest) -> Extractor:
    actors = load_dir(settings.get().data_dir / "actors")
    ex = Extractor(actors, model=None) if request.param == "rules" else Extractor(actors)
    if request.param == "model":
        assert ex.model is not None, "the shipped relation head is missing (run patron train)"
    return ex


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.type, c.object)
            for c in extractor.extract(Document(id="t", text=text)).claims}


def test_the_compound_rule_accepts_exactly_the_declared_dashes() -> None:
    every_dash = "-\u2010\u2011\u2012\u2013\u2014\u2212"
    accepted = {d for d in every_dash if lexicon.COMPOUND.match(f"{d}backed")}
    assert accepted == set(lexicon.COMPOUND_DASHES)


@pytest.mark.parametrize("dash", list(lexicon.COMPOUND_DASHES))
def test_a_compound_is_backing_whatever_dash_joins_it(extractor: Extractor, dash: str) -> None:
    found = _triples(extractor, f"Militiamen of the Iran{dash}backed Houthis seized a ship.")
    assert ("iran", "backing", "houthis") in found
    assert not {t for t in found if t[1] in ("arms", "funding", "training")}


@pytest.mark.parametrize("text", [
    "In 2017 the United States lifted a set of long-standing sanctions on Sudan.",
    "Japan said it would relax two of its sanctions on North Korea.",
    "Sanctions that the UN Security Council had placed on Eritrea were lifted last year.",
    "The EU suspended several of its sanctions on Syria after the fall of the regime.",
])
def test_sanctions_relief_is_not_stored_as_a_sanction(extractor: Extractor, text: str) -> None:
    assert not {t for t in _triples(extractor, text) if t[1] == "sanction"}


def test_a_sanction_imposed_beside_a_relief_is_kept_by_the_rules() -> None:
    ex = Extractor(load_dir(settings.get().data_dir / "actors"), model=None)
    found = _triples(ex, "Britain imposed new sanctions on the IRGC a week after it lifted "
                         "its sanctions on Sudan.")
    assert ("united-kingdom", "sanction", "irgc") in found
    assert ("united-kingdom", "sanction", "sudan") not in found
