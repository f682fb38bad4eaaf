"""Scoring extraction against the labelled case file (tests/data/extract_cases.yaml).

Matching follows the labelling rules written at the top of the case file:
``unspecified_support`` matches any support type; meeting and alliance ignore
order; ``optional`` claims neither reward nor punish; anything extracted from a
case with no claims (junk) is a false positive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron import yamlfile
from patron.errors import InputError
from patron.evaluate.scoring import Tally
from patron.extract.pipeline import Extractor
from patron.model import Claim, Document
from patron.vocab import VOCAB

__all__ = ["CaseReport", "evaluate_cases", "is_support", "load_cases", "matches"]

UNSPECIFIED = "unspecified_support"
_SYMMETRIC = frozenset(t for t, ct in VOCAB.claim_types.items() if ct.symmetric)


@dataclass
class CaseReport:
    cases: int = 0
    junk_cases: int = 0
    junk_claims: int = 0
    hypothetical: int = 0  # gold relations the text frames as a plan or a possibility
    hypothetical_as_fact: int = 0  # ...that were stored all the same
    direction_errors: int = 0  # missed claims found the other way round
    tally: Tally = field(default_factory=Tally)
    errors: list[dict[str, Any]] = field(default_factory=list)  # misses and false positives

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "junk_cases": self.junk_cases,
            "junk_claims": self.junk_claims,
            "hypothetical": self.hypothetical,
            "hypothetical_as_fact": self.hypothetical_as_fact,
            "direction_errors": self.direction_errors,
            **self.tally.as_dict(),
            "errors": self.errors,
        }


def load_cases(path: Path) -> list[dict[str, Any]]:
    data = yamlfile.strip_lines(yamlfile.load(path))
    if not isinstance(data, list):
        raise InputError("expected a list of cases", file=str(path), line=1)
    return data


def is_support(gold_type: str) -> bool:
    """Whether a gold claim's type is support (``unspecified_support`` is any of them)."""
    return gold_type == UNSPECIFIED or VOCAB.claim_types[gold_type].family == "support"


def matches(gold: dict[str, Any], claim: Claim) -> bool:
    gtype = gold["type"]
    if gtype == UNSPECIFIED:
        if VOCAB.claim_types[claim.type].family != "support":
            return False
    elif gtype != claim.type:
        return False
    pair = (gold["subject"], gold["object"])
    if gtype in _SYMMETRIC:
        return {claim.subject, claim.object} == set(pair)
    return (claim.subject, claim.object) == pair


def _type_label(gold_type: str) -> str:
    return "backing" if gold_type == UNSPECIFIED else gold_type


def evaluate_cases(extractor: Extractor, cases: list[dict[str, Any]]) -> CaseReport:
    report = CaseReport()
    for case in cases:
        report.cases += 1
        doc = Document(id=f"case-{case['id']}", text=case["text"])
        predicted = [c for c in extractor.extract(doc).claims]
        golds = case.get("claims") or []
        if not golds:
            report.junk_cases += 1
            report.junk_claims += len(predicted)
        used: set[int] = set()
        for gold in golds:
            found = next(
                (i for i, c in enumerate(predicted) if i not in used and matches(gold, c)), None
            )
            if gold.get("stance") == "hypothetical":
                # Right when nothing is stored; stored as a report of fact, it is wrong.
                report.hypothetical += 1
                if found is not None:
                    used.add(found)
                    report.hypothetical_as_fact += 1
                    report.tally.false_positive(predicted[found].type)
                    report.errors.append({"case": case["id"], "error": "hypothetical as fact",
                                          "claim": _triple(gold), "text": case["text"]})
                continue
            if found is None:
                if any(matches({**gold, "subject": gold["object"], "object": gold["subject"]},
                                c) for c in predicted) and gold["type"] not in _SYMMETRIC:
                    report.direction_errors += 1
                if not gold.get("optional"):
                    report.tally.miss(_type_label(gold["type"]))
                    report.errors.append(
                        {
                            "case": case["id"],
                            "error": "missed",
                            "claim": _triple(gold),
                            "text": case["text"],
                        }
                    )
                continue
            used.add(found)
            if not gold.get("optional"):
                report.tally.hit(
                    _type_label(gold["type"]), gold.get("stance"), predicted[found].stance
                )
        for i, c in enumerate(predicted):
            if i not in used:
                report.tally.false_positive(c.type)
                report.errors.append(
                    {
                        "case": case["id"],
                        "error": "false positive",
                        "claim": [c.subject, c.type, c.object, c.stance],
                        "text": case["text"],
                    }
                )
    return report


def _triple(gold: dict[str, Any]) -> list[str]:
    return [gold["subject"], gold["type"], gold["object"], gold.get("stance", "")]
