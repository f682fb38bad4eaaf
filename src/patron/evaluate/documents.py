"""End-to-end scoring on whole documents: readers, segmentation and extraction together.

Ground truth is a YAML file listing, per document (and per item of a JSON-lines
file or feed), the support claims an analyst would extract
(``examples/expected.yaml``). Matching follows the case file's rules: a triple
counts once per document however many sentences repeat it; ``unspecified_support``
matches any support type; ``optional`` claims neither reward nor punish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron import yamlfile
from patron.errors import InputError
from patron.evaluate.cases import UNSPECIFIED, is_support
from patron.evaluate.scoring import Score
from patron.extract.pipeline import Extractor
from patron.model import Document
from patron.readers.documents import read_file
from patron.vocab import VOCAB

__all__ = ["DocumentReport", "evaluate_documents"]


@dataclass
class DocumentReport:
    documents: int = 0
    support: Score = field(default_factory=Score)
    hedged_as_asserted: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "support": self.support.as_dict(),
                "hedged_as_asserted": self.hedged_as_asserted, "errors": self.errors}


def evaluate_documents(extractor: Extractor, expected: Path, folder: Path) -> DocumentReport:
    data = yamlfile.strip_lines(yamlfile.load(expected))
    entries = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError("expected a mapping with a documents list", file=str(expected))
    report = DocumentReport()
    cache: dict[str, list[Document]] = {}
    for entry in entries:
        name = entry["file"]
        if name not in cache:
            cache[name] = [d for d in read_file(folder / name) if isinstance(d, Document)]
        docs = cache[name]
        doc = docs[int(entry.get("item", 0))]
        report.documents += 1
        predicted: dict[tuple[str, str, str], set[str]] = {}
        for c in extractor.extract(doc).claims:
            if VOCAB.claim_types[c.type].family == "support":
                predicted.setdefault((c.subject, c.type, c.object), set()).add(c.stance)
        gold = [g for g in entry.get("claims") or [] if is_support(g["type"])]
        matched: set[tuple[str, str, str]] = set()
        counted: set[tuple[str, str, str]] = set()
        named = {(g["subject"], g["type"], g["object"]) for g in gold}
        for g in gold:
            # Bare backing matches any support type the labels do not name for the pair.
            keys = [k for k in predicted if k[0] == g["subject"] and k[2] == g["object"]
                    and (k[1] == g["type"] or (g["type"] == UNSPECIFIED and k not in named))]
            key = (g["subject"], g["type"], g["object"])
            if keys:
                matched.update(keys)
                if not g.get("optional") and key not in counted:
                    report.support.tp += 1
                    if g.get("stance") != "asserted" and predicted[keys[0]] == {"asserted"}:
                        report.hedged_as_asserted += 1
                        report.errors.append({"document": name, "error": "hedged as asserted",
                                              "claim": [*keys[0], g.get("stance", "")]})
            elif not g.get("optional") and key not in counted:
                report.support.fn += 1
                report.errors.append({"document": name, "error": "missed", "claim": list(key)})
            counted.add(key)
        for key in predicted:
            if key not in matched:
                report.support.fp += 1
                report.errors.append({"document": name, "error": "false positive",
                                      "claim": list(key)})
    return report
