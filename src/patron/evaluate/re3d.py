"""Scoring extraction on Dstl's re3d documents (relation spans annotated by people).

re3d's labels are not Patron's: ``AlliesOf`` and ``Likes`` stand for support and
alignment (a positive tie), ``FightingAgainst`` and ``Dislikes`` for hostility.
A predicted claim matches a gold relation when its family maps to the same
polarity and its subject and object mentions overlap the gold source and target
spans, in either order (re3d's AlliesOf is symmetric in practice). Every
document is read from ``DIR/*/documents.json`` and ``relations.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron.errors import InputError
from patron.evaluate.scoring import Score
from patron.extract.pipeline import Extractor
from patron.model import Claim, Document
from patron.vocab import VOCAB

__all__ = ["POLARITY", "Re3dReport", "evaluate_re3d", "jsonl_lines", "named"]

POLARITY = {"AlliesOf": "positive", "Likes": "positive", "FightingAgainst": "negative",
            "Dislikes": "negative"}


@dataclass
class Re3dReport:
    documents: int = 0
    gold: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    examples: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "gold_relations": self.gold,
                "scores": {k: v.as_dict() for k, v in sorted(self.scores.items())},
                "examples": self.examples[:40]}


def jsonl_lines(path: Path) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON: {exc.msg}", file=str(path), line=number) from exc


def _polarity(claim: Claim) -> str | None:
    family = VOCAB.claim_types[claim.type].family
    if family == "support" or claim.type in ("alliance", "member_of", "meeting", "mediation"):
        return "positive"
    if family == "hostility":
        return "negative"
    return None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


def _hit(claim: Claim, gold: dict[str, Any]) -> bool:
    src = (gold["sourceBegin"], gold["sourceEnd"])
    tgt = (gold["targetBegin"], gold["targetEnd"])
    s, o = claim.evidence.subject_span, claim.evidence.object_span
    return (_overlap(s, src) and _overlap(o, tgt)) or (_overlap(s, tgt) and _overlap(o, src))


_NOT_NAMES = frozenset({"the", "a", "an", "about", "some", "their", "our", "these", "those",
                        "other", "its", "his", "her", "this", "that", "i", "we", "you", "they",
                        "he", "she", "it", "us", "them", "thousands", "hundreds", "dozens",
                        "many", "several", "both", "all", "most", "around", "almost", "more"})


def named(text: str) -> bool:
    """Does a gold argument name an actor ("the SDF", "Iraqi forces"), not only describe one
    ("government forces", "their allies", "We")? It holds a capitalised word that is not a
    pronoun or determiner."""
    return any((len(w) > 1 and w.isupper()) or (w[:1].isupper() and w.lower() not in _NOT_NAMES)
               for w in text.replace("-", " ").split())


def evaluate_re3d(extractor: Extractor, folder: Path,
                  only: Callable[[str], bool] | None = None) -> Re3dReport:
    """Scores over every development document; ``only(document id)`` keeps some of them.

    Besides the positive and negative scores, ``positive_named`` scores the positive
    ties between named actors only: a gold tie with an unnamed end is left out, and a
    predicted tie that matches one is neither right nor wrong.
    """
    subsets = sorted(p.parent for p in folder.glob("*/documents.json"))
    if not subsets:
        raise InputError("no re3d subsets (*/documents.json) here", file=str(folder))
    report = Re3dReport(scores={"positive": Score(), "negative": Score(),
                                "positive_named": Score()})
    for subset in subsets:
        golds: dict[str, list[dict[str, Any]]] = {}
        for rel in jsonl_lines(subset / "relations.json"):
            if rel.get("type") in POLARITY:
                golds.setdefault(rel["documentId"], []).append(rel)
        for raw in jsonl_lines(subset / "documents.json"):
            if only is not None and not only(raw["_id"]):
                continue
            report.documents += 1
            doc = Document(id=f"re3d-{raw['_id']}", text=raw["text"], title=raw.get("title"))
            claims = [(c, _polarity(c)) for c in extractor.extract(doc).claims]
            claims = [(c, p) for c, p in claims if p is not None]
            pol: str
            gold = golds.get(raw["_id"], [])
            report.gold += len(gold)
            used: set[int] = set()
            for g in gold:
                pol = POLARITY[g["type"]]
                idx = next((i for i, (c, p) in enumerate(claims)
                            if i not in used and p == pol and _hit(c, g)), None)
                is_named = pol == "positive" and named(g["source"]) and named(g["target"])
                if is_named:
                    named_score = report.scores["positive_named"]
                    if idx is None:
                        named_score.fn += 1
                    else:
                        named_score.tp += 1
                if idx is None:
                    report.scores[pol].fn += 1
                    report.examples.append({"error": "missed", "type": g["type"],
                                            "source": g["source"], "target": g["target"],
                                            "text": raw["text"][max(0, g["begin"] - 80):
                                                                g["end"] + 80]})
                else:
                    used.add(idx)
                    report.scores[pol].tp += 1
            for i, (c, predicted) in enumerate(claims):
                if predicted == "positive" and i not in used:
                    report.scores["positive_named"].fp += 1
                if i not in used and predicted is not None:
                    report.scores[predicted].fp += 1
                    report.examples.append({"error": "false positive", "claim": [
                        c.subject, c.type, c.object], "text": c.evidence.quote})
    return report
