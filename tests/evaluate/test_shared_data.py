"""Scoring on third-party data in ../shared/data (skipped when it is not there)."""

from __future__ import annotations

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.evaluate.cameo import evaluate_cameo
from patron.evaluate.re3d import evaluate_re3d
from patron.extract.pipeline import Extractor
from tests.factory import SHARED_DATA


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_dir(settings.get().data_dir / "actors"))


def test_re3d_scores_every_development_document(extractor: Extractor) -> None:
    folder = SHARED_DATA / "re3d"
    if not folder.exists():
        pytest.skip("../shared/data/re3d is not beside this checkout")
    report = evaluate_re3d(extractor, folder)
    assert report.documents == 65
    assert report.gold == sum(report.scores[k].tp + report.scores[k].fn
                              for k in ("positive", "negative"))
    named = report.scores["positive_named"]
    assert 0 < named.tp + named.fn < report.scores["positive"].tp + report.scores["positive"].fn


def test_cameo_material_cooperation_is_found_more_often_than_not(extractor: Extractor) -> None:
    path = SHARED_DATA / "conflibert_cameo" / "cameo_class_train.tsv"
    if not path.exists():
        pytest.skip("../shared/data/conflibert_cameo is not beside this checkout")
    report = evaluate_cameo(extractor, path)
    assert report.sentences == 1349 and report.material_cooperation == 303
    assert report.detection.precision > 0.5
