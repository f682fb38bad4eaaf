"""``patron train`` and ``patron eval model``: gather the labelled pairs, fit, score.

The shipped head is rebuilt from the data in the repository and ``../shared``:
the same files give the same weights. Its card (``relation-head.json``) records
the command, every input file's SHA-256, the example counts, the fixed
hyper-parameters and the chosen threshold, and the SHA-256 of the weights.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from patron.extract.classifier import RelationModel
from patron.extract.pipeline import Extractor
from patron.learn.crossval import DataPaths, Evaluation, cross_validate, evaluate_fixed
from patron.learn.examples import (
    NOT_TRAINED,
    Corpus,
    attach_vectors,
    cameo_examples,
    case_examples,
    re3d_examples,
)
from patron.learn.train import C_RELATION, C_STANCE, DENSE_SCALE, MIN_COUNT, fit
from patron.model import Actor

__all__ = ["DESIGN", "DESIGNS", "default_paths", "evaluate_model", "gather", "gazetteer_hash",
           "train_model"]

DESIGN = "lex"  # the shipped head's
DESIGNS = ("lex", "lex+minilm")  # lex+minilm needs the minilm extra, to train and to extract


def default_paths(root: Path, shared: Path | None = None) -> DataPaths:
    """The labelled data of a checkout: our cases, and ../shared/data where it is."""
    root = root.resolve()
    shared = shared if shared is not None else root.parent / "shared" / "data"
    cameo = shared / "conflibert_cameo" / "cameo_class_train.tsv"
    re3d = shared / "re3d"
    cases = [root / "tests" / "data" / "extract_cases.yaml", root / "tests" / "data" / "cases"]
    return DataPaths(tuple(p for p in cases if p.exists()),
                     cameo if cameo.exists() else None,
                     re3d if (re3d / "SOURCE.md").exists() else None)


def gather(actors: Sequence[Actor], paths: DataPaths, design: str = DESIGN) -> Corpus:
    """Every labelled pair from every source, featurised as extraction will."""
    extractor = Extractor(actors, model=None)
    corpus = Corpus()
    case_examples(extractor, paths.cases, corpus)
    if paths.cameo is not None:
        cameo_examples(extractor, paths.cameo, paths.cameo_ner, corpus)
    if paths.re3d is not None:
        re3d_examples(extractor, paths.re3d, corpus)
    if design == "lex+minilm":
        attach_vectors(corpus)
    return corpus


def _scale(design: str) -> float | None:
    return DENSE_SCALE if design == "lex+minilm" else None


def _weights_hash(model: RelationModel) -> str:
    h = hashlib.sha256()
    for head in (model.relation, model.stance):
        h.update("\0".join(head.labels).encode())
        h.update(head.weights.astype(np.float16).tobytes())
        h.update(head.bias.astype(np.float32).tobytes())
    if model.dense is not None:
        h.update(model.dense.weights.astype(np.float16).tobytes())
        h.update(model.dense.mean.tobytes() + model.dense.std.tobytes())
    h.update("\0".join(model.features).encode())
    h.update(f"{model.threshold} {model.rule_threshold}".encode())
    return h.hexdigest()


def gazetteer_hash(actors: Sequence[Actor]) -> str:
    """The actors the training read (mentions depend on every name), as one digest."""
    h = hashlib.sha256()
    for a in sorted(actors, key=lambda a: a.id):
        h.update(a.model_dump_json().encode())
    return h.hexdigest()


def _relative(path: str, root: Path) -> str:
    p = Path(path).resolve()
    for base in (root.resolve(), root.resolve().parent):
        if p.is_relative_to(base):
            prefix = "" if base == root.resolve() else "../"
            return prefix + str(p.relative_to(base))
    return path


def train_model(actors: Sequence[Actor], paths: DataPaths, out: Path, root: Path,
                design: str = DESIGN) -> RelationModel:
    corpus = gather(actors, paths, design)
    examples = corpus.examples
    card: dict[str, Any] = {
        "design": design,
        "command": "patron train" + ("" if design == DESIGN else f" --design {design}"),
        "hyper_parameters": {"C_relation": C_RELATION, "C_stance": C_STANCE,
                             "min_count": MIN_COUNT},
        "data": {_relative(k, root): v for k, v in sorted(corpus.hashes.items())},
        "gazetteer": {"actors": len(actors), "sha256": gazetteer_hash(actors)},
        "examples": {f"{s}/{lab}": n for (s, lab), n in sorted(Counter(
            (e.source, e.label) for e in examples if e.trainable).items())},
        "not_trained_on": [f"re3d/{name} (scored only: its licence is CC BY-NC)"
                           for name in NOT_TRAINED] if paths.re3d else [],
        "scikit_learn": importlib.metadata.version("scikit-learn"),
    }
    model = fit(examples, card, dense_scale=_scale(design))
    digest = _weights_hash(model)
    model.card["weights_sha256"] = digest
    model.card["version"] = digest[:8]
    model.version = digest[:8]
    model.save(out)
    return model


def evaluate_model(actors: Sequence[Actor], paths: DataPaths,
                   progress: Callable[[str], None] | None = None,
                   design: str = DESIGN) -> list[Evaluation]:
    """The rules alone over all data, then the learned design over validation folds."""
    corpus = gather(actors, paths, design)
    say = progress or (lambda _: None)
    say("rules")
    rules = evaluate_fixed("rules (baseline, tuned on our cases)",
                           Extractor(actors, model=None), corpus, paths)

    def train(c: Corpus, fold: int) -> RelationModel:
        return fit([e for e in c.examples if e.fold != fold], dense_scale=_scale(design))

    learned = cross_validate(f"learned ({design}), validation folds", actors, corpus, paths,
                             train, progress=lambda k: say(f"fold {k + 1}"))
    return [rules, learned]
