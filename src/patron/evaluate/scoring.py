"""Precision, recall and F1 over (subject, type, object) triples, per family and type."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from patron.vocab import VOCAB

__all__ = ["Score", "Tally"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Tally:
    """Scores by family and by type, plus stance agreement on matched claims."""

    by_family: dict[str, Score] = field(default_factory=dict)
    by_type: dict[str, Score] = field(default_factory=dict)
    stance_pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def _add(self, type_: str, kind: str) -> None:
        family = VOCAB.claim_types[type_].family if type_ in VOCAB.claim_types else "support"
        for table, key in ((self.by_family, family), (self.by_type, type_)):
            score = table.setdefault(key, Score())
            setattr(score, kind, getattr(score, kind) + 1)

    def hit(
        self, type_: str, gold_stance: str | None = None, predicted_stance: str | None = None
    ) -> None:
        self._add(type_, "tp")
        if gold_stance and predicted_stance:
            self.stance_pairs[(gold_stance, predicted_stance)] += 1

    def false_positive(self, type_: str) -> None:
        self._add(type_, "fp")

    def miss(self, type_: str) -> None:
        self._add(type_, "fn")

    @property
    def hedged_as_asserted(self) -> int:
        """Matched claims the text hedges, alleges, disputes or denies but we call asserted."""
        return sum(
            n
            for (gold, pred), n in self.stance_pairs.items()
            if gold != "asserted" and pred == "asserted"
        )

    @property
    def stance_accuracy(self) -> float:
        total = sum(self.stance_pairs.values())
        right = sum(n for (g, p), n in self.stance_pairs.items() if g == p)
        return right / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "families": {k: v.as_dict() for k, v in sorted(self.by_family.items())},
            "types": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
            "stance_accuracy": round(self.stance_accuracy, 3),
            "hedged_as_asserted": self.hedged_as_asserted,
            "stance_confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.stance_pairs.items())},
        }
