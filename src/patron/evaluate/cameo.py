"""Scoring on Multi-CoPED sentences (ConfliBERT's CAMEO data, class 2 = material cooperation).

Sentence-level: does extraction find a support claim in a sentence coded as
material cooperation (class 2), and none in sentences of other classes? Class 2
also holds prisoner releases and lifted bans, so recall has a ceiling well below
1; precision is the figure that matters. Where the NER file gives source (S) and
target (T) spans for the same sentence, a found claim is also checked for roles:
subject inside S and object inside T.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron.errors import InputError
from patron.evaluate.scoring import Score
from patron.extract.pipeline import Extractor
from patron.model import Document
from patron.vocab import VOCAB

__all__ = ["CameoReport", "cameo_rows", "cameo_spans", "evaluate_cameo"]


@dataclass
class CameoReport:
    sentences: int = 0
    material_cooperation: int = 0
    detection: Score = field(default_factory=Score)
    roles_checked: int = 0
    roles_right: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "material_cooperation": self.material_cooperation,
                "detection": self.detection.as_dict(), "roles_checked": self.roles_checked,
                "roles_right": self.roles_right, "examples": self.examples[:40]}


def _alnum_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch.isalnum()]


def _ner_sentences(path: Path) -> dict[str, tuple[list[tuple[str, str]], str]]:
    """Key (lower-case letters and digits only) → (tokens with tags, key)."""
    out: dict[str, tuple[list[tuple[str, str]], str]] = {}
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            parts = line.rsplit(" ", 1)
            tokens.append((parts[0], parts[1] if len(parts) > 1 else "O"))
            continue
        if tokens:
            key = "".join(ch for tok, _ in tokens for ch in tok if ch.isalnum()).lower()
            out[key] = (tokens, key)
            tokens = []
    return out


def cameo_spans(text: str, tokens: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    """Source (S) and target (T) spans of the CoNLL tokens, as offsets into ``text``."""
    pos = _alnum_positions(text)
    spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": []}
    k = 0
    for tok, tag in tokens:
        n = sum(ch.isalnum() for ch in tok)
        if n == 0:
            continue
        if k + n > len(pos):
            break
        start, end = pos[k], pos[k + n - 1] + 1
        k += n
        role = tag[2:] if tag[:2] in ("B-", "I-") else ""
        for r in ("S", "T") if role == "R" else (role,) if role in ("S", "T") else ():
            if tag.startswith("I-") and spans[r]:
                spans[r][-1] = (spans[r][-1][0], end)
            else:
                spans[r].append((start, end))
    return spans


def cameo_rows(classes: Path, ner: Path | None) -> Iterator[tuple[int, str, str,
                                                              dict[str, list[tuple[int, int]]]]]:
    """(line number, sentence, class, spans) for every row of the class file."""
    if not classes.exists():
        raise InputError("no such file", file=str(classes))
    tagged = _ner_sentences(ner) if ner is not None and ner.exists() else {}
    for number, line in enumerate(classes.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise InputError("expected sentence<TAB>label", file=str(classes), line=number)
        text, label = line.rsplit("\t", 1)
        key = "".join(ch for ch in text if ch.isalnum()).lower()
        found = tagged.get(key)
        spans = cameo_spans(text, found[0]) if found else {"S": [], "T": []}
        yield number, text, label.strip(), spans


def evaluate_cameo(extractor: Extractor, classes: Path, ner: Path | None = None,
                   only: Callable[[int], bool] | None = None) -> CameoReport:
    """Scores over the class file; ``only(line)`` keeps some rows (a validation fold)."""
    report = CameoReport()
    for number, text, label, roles in cameo_rows(classes, ner):
        if only is not None and not only(number):
            continue
        report.sentences += 1
        gold = label == "2"
        report.material_cooperation += gold
        claims = [c for c in extractor.extract(Document(id=f"cameo-{number}", text=text)).claims
                  if VOCAB.claim_types[c.type].family == "support" and c.stance != "denied"]
        found = bool(claims)
        if found and gold:
            report.detection.tp += 1
        elif found:
            report.detection.fp += 1
            report.examples.append({"error": "false positive", "text": text,
                                    "claims": [[c.subject, c.type, c.object] for c in claims]})
        elif gold:
            report.detection.fn += 1
        if found and gold and roles["S"] and roles["T"]:
            report.roles_checked += 1
            c = claims[0]
            s, o = c.evidence.subject_span, c.evidence.object_span
            report.roles_right += _inside(s, roles["S"]) and _inside(o, roles["T"])
    return report


def _inside(span: tuple[int, int] | None, spans: list[tuple[int, int]]) -> bool:
    return span is not None and any(a <= span[0] and span[1] <= b + 1 for a, b in spans)
