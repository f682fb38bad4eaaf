"""Fitting the relation and stance heads: deterministic, from the labelled pairs.

Both heads are L2-regularised multinomial logistic regressions (scikit-learn's
L-BFGS solver, which given the same rows in the same order gives the same
weights) over binary features seen at least ``MIN_COUNT`` times in training.
The relation head learns from every trainable pair; the type and stance heads
from the pairs of our own cases that carry a relation, the only source labelled
for exact type and for stance. scikit-learn is needed to train, not to extract (``pip install
patron[train]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from patron.errors import PatronError
from patron.extract.classifier import DenseHead, Head, RelationModel
from patron.learn.examples import PairExample

__all__ = ["C_RELATION", "C_STANCE", "DENSE_SCALE", "MIN_COUNT", "fit"]

MIN_COUNT = 2
C_RELATION = 0.5  # inverse regularisation strength, fixed before any validation score
C_STANCE = 0.5
# lex+minilm: the standardised MiniLM vector beside the sparse features, scaled down so
# neither part drowns the other under one regularisation (bench/relation_designs.py ran
# 0.1 and 0.2; both beat lex alone at pair level).
DENSE_SCALE = 0.1
STANCES = ("asserted", "reported", "alleged", "disputed", "denied", "hypothetical")


def _matrix(rows: Sequence[Sequence[int]], width: int) -> Any:
    from scipy.sparse import csr_matrix

    indptr = [0]
    indices: list[int] = []
    for r in rows:
        uniq = sorted(set(r))
        indices += uniq
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((data, indices, indptr), shape=(len(rows), width))


class _Dense:
    """Standardising the pair vectors of the training examples, and stacking them on."""

    def __init__(self, train: Sequence[PairExample], scale: float) -> None:
        v = np.stack([e.vector for e in train])
        self.mean = v.mean(axis=0).astype(np.float32)
        self.std = (v.std(axis=0) + 1e-6).astype(np.float32)
        self.scale = scale

    def stack(self, sparse: Any, examples: Sequence[PairExample]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        v = (np.stack([e.vector for e in examples]) - self.mean) / self.std * self.scale
        return hstack([sparse, csr_matrix(v)]).tocsr()

    def split(self, head: Head, width: int) -> tuple[Head, DenseHead]:
        return (Head(head.labels, head.weights[:width], head.bias),
                DenseHead(self.mean, self.std, self.scale, head.weights[width:]))


def _head(x: Any, y: list[str], labels: Sequence[str], c: float) -> Head:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise PatronError("training needs scikit-learn: pip install 'patron[train]'") from exc
    present = sorted(set(y), key=list(labels).index)
    model = LogisticRegression(C=c, max_iter=2000, tol=1e-6)
    model.fit(x, y)
    classes = [str(k) for k in model.classes_]
    weights = np.zeros((x.shape[1], len(present)), dtype=np.float32)
    bias = np.zeros(len(present), dtype=np.float32)
    coef = model.coef_
    intercept = model.intercept_
    if len(classes) == 2:  # a binary model keeps one row: the second class against the first
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    for j, name in enumerate(present):
        k = classes.index(name)
        weights[:, j] = coef[k]
        bias[j] = intercept[k]
    return Head(tuple(present), weights, bias)


# F-beta with beta 0.5: precision counts twice as much as recall. A support claim
# stated wrongly misleads the analyst; a missed one is found in the next report.
BETA = 0.5
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(16))  # 0.2 … 0.95


def _vocabulary(train: Sequence[PairExample]) -> list[str]:
    counts: Counter[str] = Counter()
    for e in train:
        counts.update(set(e.features))
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT)


def _rule_type(features: Sequence[str]) -> str | None:
    """The type the precise rules gave this pair in this direction, if they did."""
    for f in features:
        if f.startswith("rule:") and f != "rule:any":
            return f[5:]
    return None


def choose_thresholds(train: Sequence[PairExample], c_relation: float = C_RELATION,
                      folds: int = 3, dense_scale: float | None = None) -> tuple[float, float]:
    """The P(none) below which a pair holds a relation, for pairs the rules did not find
    and for pairs they did (whose type is the rules'), by cross-validation *inside* the
    training data (by document): the best F-beta (``BETA``) over all held-out pairs,
    a pair being right when its label is."""
    scored: list[tuple[PairExample, float, str, str | None]] = []
    for k in range(folds):
        inner = [e for e in train if _inner_fold(e.group, folds) != k]
        held = [e for e in train if _inner_fold(e.group, folds) == k]
        if not held or len({e.label for e in inner}) < 2:
            continue
        features = _vocabulary(inner)
        index = {f: i for i, f in enumerate(features)}
        rows = [[index[f] for f in e.features if f in index] for e in inner]
        labels = ["none", *sorted({e.label for e in inner} - {"none"})]
        x = _matrix(rows, len(features))
        dense = _Dense(inner, dense_scale) if dense_scale else None
        if dense is not None:
            x = dense.stack(x, inner)
        head = _head(x, [e.label for e in inner], labels, c_relation)
        held_rows = [[index[f] for f in e.features if f in index] for e in held]
        if dense is not None:
            head, dh = dense.split(head, len(features))
            probs = head.probabilities(held_rows, dh.logits(np.stack([e.vector for e in held])))
        else:
            probs = head.probabilities(held_rows)
        none = head.labels.index("none")
        for e, p in zip(held, probs, strict=True):
            q = p.copy()
            q[none] = -1.0
            scored.append((e, float(p[none]), head.labels[int(q.argmax())],
                           _rule_type(e.features)))
    if not scored:
        return 0.5, 0.5
    p_none = np.array([p for _, p, _, _ in scored])
    ruled = np.array([r is not None for _, _, _, r in scored])
    gold = np.array([e.label != "none" for e, _, _, _ in scored])
    right = np.array([(r if r is not None else label) == e.label
                      for e, _, label, r in scored]) & gold
    best, best_score = (0.5, 0.5), -1.0
    for th in THRESHOLDS:
        for rule_th in THRESHOLDS:
            said = np.where(ruled, p_none < rule_th, p_none < th)
            hit = said & right
            tp = float(hit.sum())
            fp = float((said & ~hit).sum())
            fn = float((gold & ~hit).sum())
            b2 = BETA * BETA
            score = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
            if score > best_score + 1e-9:
                best, best_score = (th, rule_th), score
    return best


def _inner_fold(group: str, folds: int) -> int:
    import hashlib

    return int(hashlib.sha1(f"inner:{group}".encode()).hexdigest(), 16) % folds


def fit(examples: Sequence[PairExample], card: dict[str, Any] | None = None,
        c_relation: float = C_RELATION, c_stance: float = C_STANCE,
        thresholds: tuple[float, float] | None = None,
        dense_scale: float | None = None) -> RelationModel:
    """The heads, trained on the trainable ``examples``; the decision thresholds are
    chosen inside them unless given. With ``dense_scale`` (the lex+minilm design, every
    example carrying its ``vector``) the relation head reads the MiniLM vector too."""
    train = [e for e in examples if e.trainable]
    card = dict(card or {})
    chosen = choose_thresholds(train, c_relation, dense_scale=dense_scale) \
        if thresholds is None else thresholds
    card["none_threshold"], card["rule_threshold"] = chosen
    features = _vocabulary(train)
    index = {f: i for i, f in enumerate(features)}
    rows = [[index[f] for f in e.features if f in index] for e in train]
    labels = sorted({e.label for e in train} - {"none"})
    x = _matrix(rows, len(features))
    dense = _Dense(train, dense_scale) if dense_scale else None
    relation = _head(x if dense is None else dense.stack(x, train), [e.label for e in train],
                     ["none", *labels], c_relation)
    dense_head = None
    if dense is not None:
        relation, dense_head = dense.split(relation, len(features))
        card["design"], card["dense_scale"] = "lex+minilm", dense_scale
    stanced = [i for i, e in enumerate(train)
               if e.source == "cases" and e.label != "none" and e.stance in STANCES]
    stance = _head(_matrix([rows[i] for i in stanced], len(features)),
                   [str(train[i].stance) for i in stanced], STANCES, c_stance)
    typed = [i for i, e in enumerate(train) if e.source == "cases" and e.label != "none"]
    kind = _head(_matrix([rows[i] for i in typed], len(features)),
                 [train[i].label for i in typed], labels, c_relation)
    return RelationModel(features, relation, stance, card, kind, dense_head)
