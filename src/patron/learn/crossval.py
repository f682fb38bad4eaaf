"""Scores that cannot flatter: every figure comes from a model that never saw the document.

For each of the ``FOLDS`` folds (drawn by document, ``examples.fold_of``) the
heads are trained on the other folds and the whole extractor, with that model,
is run end to end on the held-out documents of each source: our cases (claim
triples with stance, hypotheticals and direction errors), the Multi-CoPED
sentences (is a support claim found in a material-cooperation sentence, and only
there?) and the re3d documents (positive and negative ties, and positive ties
between named actors). The rules alone run on the same documents in the same
run, as the baseline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron.evaluate.cameo import CameoReport, evaluate_cameo
from patron.evaluate.cases import CaseReport, evaluate_cases
from patron.evaluate.re3d import Re3dReport, evaluate_re3d
from patron.evaluate.scoring import Score, Tally
from patron.extract.classifier import RelationModel
from patron.extract.pipeline import Extractor
from patron.learn.examples import FOLDS, Corpus, fold_of
from patron.model import Actor

__all__ = ["DataPaths", "Evaluation", "cross_validate", "evaluate_fixed"]


@dataclass(frozen=True)
class DataPaths:
    cases: tuple[Path, ...]
    cameo: Path | None  # the class TSV; the NER file beside it
    re3d: Path | None

    @property
    def cameo_ner(self) -> Path | None:
        return self.cameo.with_name("cameo_ner_train.txt") if self.cameo else None


@dataclass
class Evaluation:
    """One extractor's figures over the validation folds (or over all data, for rules)."""

    name: str
    cases: CaseReport = field(default_factory=CaseReport)
    cameo: CameoReport = field(default_factory=CameoReport)
    re3d: Re3dReport = field(default_factory=Re3dReport)

    def as_dict(self) -> dict[str, Any]:
        cases = self.cases.as_dict()
        cases.pop("errors")
        return {"name": self.name, "cases": cases, "cameo": self.cameo.as_dict(),
                "re3d": self.re3d.as_dict()}


def _merge_score(a: Score, b: Score) -> None:
    a.tp, a.fp, a.fn = a.tp + b.tp, a.fp + b.fp, a.fn + b.fn


def _merge_tally(a: Tally, b: Tally) -> None:
    for mine, theirs in ((a.by_family, b.by_family), (a.by_type, b.by_type)):
        for key, score in theirs.items():
            _merge_score(mine.setdefault(key, Score()), score)
    a.stance_pairs.update(b.stance_pairs)


def _merge(total: Evaluation, part: Evaluation) -> None:
    c, p = total.cases, part.cases
    for name in ("cases", "junk_cases", "junk_claims", "hypothetical", "hypothetical_as_fact",
                 "direction_errors"):
        setattr(c, name, getattr(c, name) + getattr(p, name))
    _merge_tally(c.tally, p.tally)
    c.errors += p.errors
    m, q = total.cameo, part.cameo
    m.sentences += q.sentences
    m.material_cooperation += q.material_cooperation
    m.roles_checked += q.roles_checked
    m.roles_right += q.roles_right
    _merge_score(m.detection, q.detection)
    m.examples += q.examples
    r, s = total.re3d, part.re3d
    r.documents += s.documents
    r.gold += s.gold
    for key, score in s.scores.items():
        _merge_score(r.scores.setdefault(key, Score()), score)
    r.examples += s.examples


def evaluate_fixed(name: str, extractor: Extractor, corpus: Corpus, paths: DataPaths,
                   fold: int | None = None) -> Evaluation:
    """One extractor over all documents, or over one fold's documents."""
    def keep(group: str) -> bool:
        return fold is None or fold_of(group) == fold

    out = Evaluation(name)
    cases = [c for c in corpus.documents.get("cases", []) if keep(f"case:{c['id']}")]
    out.cases = evaluate_cases(extractor, cases)
    if paths.cameo is not None:
        out.cameo = evaluate_cameo(extractor, paths.cameo, paths.cameo_ner,
                                   only=lambda n: keep(f"cameo:{n}"))
    if paths.re3d is not None:
        out.re3d = evaluate_re3d(extractor, paths.re3d, only=lambda d: keep(f"re3d:{d}"))
    return out


def cross_validate(name: str, actors: Sequence[Actor], corpus: Corpus, paths: DataPaths,
                   train: Callable[[Corpus, int], RelationModel],
                   progress: Callable[[int], None] | None = None) -> Evaluation:
    """Train on all folds but one, score on that one, for every fold; sum the counts."""
    total = Evaluation(name)
    total.re3d.scores = {"positive": Score(), "negative": Score(), "positive_named": Score()}
    for k in range(FOLDS):
        model = train(corpus, k)
        part = evaluate_fixed(name, Extractor(actors, model=model), corpus, paths, fold=k)
        _merge(total, part)
        if progress is not None:
            progress(k)
    return total
