"""The learned relation stage: two linear heads over the features of a mention pair.

The *relation head* reads the features of an ordered pair (subject, object)
(``patron.extract.pairs``) and gives a probability to each label: ``none`` or a
claim type of ``vocab.yaml``, the pair's order being the claim's direction; it
learns from every source, some of which label only a family (Multi-CoPED's
material cooperation is support of no named kind), so it decides whether there
is a relation and of which family. The *type head*, trained on our own cases
alone, where every claim has its exact type, then picks the type within that
family (arms, funding, training...). The
*stance head* reads the same features and gives the stance of a relation the
text states: asserted, reported, alleged, disputed, denied, or ``hypothetical``
(a plan, a prediction, a possibility judged unlikely, a question, a condition),
which is never stored as a report of fact.

Both heads are multinomial logistic regressions trained by ``patron train``
(``patron.learn``) and shipped as one small ``.npz`` file beside a JSON card
that names the command, the data and their hashes. Inference needs NumPy only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from patron.errors import InputError

__all__ = ["HEAD_FILE", "DenseHead", "Head", "RelationModel", "default_model"]

HEAD_FILE = "relation-head.npz"
CARD_FILE = "relation-head.json"

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Head:
    """One linear softmax head: labels, weights (features × labels) and biases."""

    labels: tuple[str, ...]
    weights: FloatArray
    bias: FloatArray

    def probabilities(self, rows: Sequence[Sequence[int]],
                      extra: FloatArray | None = None) -> FloatArray:
        """Label probabilities for each row of feature indices (``extra``: logits a
        :class:`DenseHead` adds, one row a pair)."""
        logits = np.empty((len(rows), len(self.labels)), dtype=np.float32)
        for i, idx in enumerate(rows):
            logits[i] = self.weights[list(idx)].sum(axis=0) if idx else 0.0
        logits += self.bias
        if extra is not None:
            logits += extra
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        return logits


@dataclass(frozen=True)
class DenseHead:
    """The relation head's weights over a pair's MiniLM vector (``patron.extract.encoder``),
    read after standardising it as in training; its logits add to the sparse head's."""

    mean: FloatArray
    std: FloatArray
    scale: float
    weights: FloatArray  # (vector width, relation labels)

    def logits(self, vectors: FloatArray) -> FloatArray:
        out: FloatArray = (((vectors - self.mean) / self.std * self.scale) @ self.weights
                           ).astype(np.float32)
        return out


class RelationModel:
    """The relation and stance heads, with the feature index they share."""

    def __init__(self, features: Sequence[str], relation: Head, stance: Head,
                 card: dict[str, Any] | None = None, kind: Head | None = None,
                 dense: DenseHead | None = None) -> None:
        self.features = list(features)
        self.index = {f: i for i, f in enumerate(self.features)}
        self.relation = relation
        self.stance = stance
        self.kind = kind
        self.dense = dense
        self.card = card or {}
        self.version = str(self.card.get("version", "dev"))

    @property
    def threshold(self) -> float:
        """A pair holds a relation when P(none) is below this (chosen in training)."""
        return float(self.card.get("none_threshold", 0.5))

    @property
    def rule_threshold(self) -> float:
        """The same, for a pair the precise rules also found (their type is kept)."""
        return float(self.card.get("rule_threshold", self.threshold))

    @property
    def origin(self) -> str:
        return f"extract:model-{self.card.get('design', 'lex')}@{self.version}"

    def rows(self, feature_lists: Sequence[Sequence[str]]) -> list[list[int]]:
        index = self.index
        return [[index[f] for f in feats if f in index] for feats in feature_lists]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = {
            "features": np.array(self.features, dtype=str),
            "relation_labels": np.array(self.relation.labels),
            "relation_weights": self.relation.weights.astype(np.float16),
            "relation_bias": self.relation.bias,
            "stance_labels": np.array(self.stance.labels),
            "stance_weights": self.stance.weights.astype(np.float16),
            "stance_bias": self.stance.bias,
        }
        if self.kind is not None:
            arrays.update(kind_labels=np.array(self.kind.labels),
                          kind_weights=self.kind.weights.astype(np.float16),
                          kind_bias=self.kind.bias)
        if self.dense is not None:
            arrays.update(dense_mean=self.dense.mean, dense_std=self.dense.std,
                          dense_scale=np.array([self.dense.scale], dtype=np.float32),
                          dense_weights=self.dense.weights.astype(np.float16))
        np.savez_compressed(folder / HEAD_FILE, **arrays)
        (folder / CARD_FILE).write_text(json.dumps(self.card, indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> RelationModel:
        path = folder / HEAD_FILE
        try:
            data = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the relation head: {exc}", file=str(path)) from exc
        card_path = folder / CARD_FILE
        card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}

        def head(name: str) -> Head:
            return Head(tuple(str(x) for x in data[f"{name}_labels"]),
                        data[f"{name}_weights"].astype(np.float32),
                        data[f"{name}_bias"].astype(np.float32))

        kind = head("kind") if "kind_labels" in data else None
        dense = DenseHead(data["dense_mean"].astype(np.float32),
                          data["dense_std"].astype(np.float32), float(data["dense_scale"][0]),
                          data["dense_weights"].astype(np.float32)) \
            if "dense_weights" in data else None
        return cls([str(f) for f in data["features"]], head("relation"), head("stance"), card,
                   kind, dense)


@cache
def default_model(folder: str) -> RelationModel | None:
    """The shipped head in ``folder`` (the data directory's ``model/``), None if absent."""
    path = Path(folder)
    return RelationModel.load(path) if (path / HEAD_FILE).exists() else None
