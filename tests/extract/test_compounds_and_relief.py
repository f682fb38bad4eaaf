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


EVERY_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"


def test_a_dash_joined_to_a_word_folds_to_a_hyphen_and_only_such_a_dash() -> None:
    folded = {d for d in EVERY_DASH if lexicon.fold_dashes(f"Iran{d}backed") == "Iran-backed"}
    assert folded == {"-", *lexicon.DASHES}
    assert "\u2014" not in folded  # an em dash sets off a clause, spaced or not
    spaced = "Iran \u2013 backed by Russia \u2013 said so"
    assert lexicon.fold_dashes(spaced) == spaced
    text = "2012\u20132016, the Iran\u2011backed militia"
    assert len(lexicon.fold_dashes(text)) == len(text)  # offsets stay valid
    assert lexicon.COMPOUND.match("-backed") and not lexicon.COMPOUND.match("\u2010backed")


@pytest.mark.parametrize("dash", ["-", *lexicon.DASHES])
def test_a_compound_is_backing_whatever_dash_joins_it(extractor: Extractor, dash: str) -> None:
    found = _triples(extractor, f"Militiamen of the Iran{dash}backed Houthis seized a ship.")
    assert ("iran", "backing", "houthis") in found
    assert not {t for t in found if t[1] in ("arms", "funding", "training")}


@pytest.mark.parametrize("dash", lexicon.DASHES)
def test_the_quote_keeps_the_dash_as_written(extractor: Extractor, dash: str) -> None:
    text = f"The Iran{dash}backed Houthis seized a ship."
    (claim,) = extractor.extract(Document(id="t", text=text)).claims
    assert claim.evidence.quote == text
    assert (claim.subject, claim.type, claim.object) == ("iran", "backing", "houthis")


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
