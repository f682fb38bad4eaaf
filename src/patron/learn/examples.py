"""Labelled mention pairs for the relation and stance heads, from three sources.

Every candidate pair the extractor makes in a labelled text becomes one example,
labelled from the text's gold annotation and assigned to a validation fold by
its *document*, so no document is ever both trained on and scored:

- **cases** (``tests/data/extract_cases.yaml``, ``tests/data/cases/*.yaml``): our
  own sentences; a pair takes the type and stance of the gold claim between its
  two actors, ``none`` when there is none; optional claims are left out.
- **Multi-CoPED** (ConfliBERT's ``cameo_class_train.tsv`` with the source/target
  spans of ``cameo_ner_train.txt``): the pair whose subject lies in the source
  span and object in the target span takes the sentence's class: material
  cooperation (2) → ``backing``, material conflict (4) → ``attack``, a neutral
  statement (0) → ``none``. Verbal cooperation and verbal conflict (1, 3) cross
  Patron's types (a meeting and praise, a threat and a condemnation), so their
  coded pairs are left out; every other pair in any sentence is ``none``. A coded
  sentence (classes 1 to 4) the NER file gives no roles for is left out whole: any
  of its pairs may be the coded one, so none is known to be ``none``.
- **re3d** (Dstl's development documents): a pair whose mentions overlap the
  source and target of ``AlliesOf``/``Likes`` → ``alliance`` (both orders),
  ``FightingAgainst`` → ``attack``; ``Dislikes`` is left out; other pairs are
  ``none``. The BBC subset is CC BY-NC: it is scored, never trained on.

Only labels, spans and features are derived; no third-party sentence is written
into the repository.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron.errors import InputError
from patron.evaluate.cameo import cameo_rows
from patron.evaluate.cases import UNSPECIFIED, load_cases
from patron.evaluate.re3d import jsonl_lines
from patron.extract.pipeline import Candidate, Extractor, Unit
from patron.model import Document
from patron.vocab import VOCAB

__all__ = [
    "FOLDS",
    "NOT_TRAINED",
    "Corpus",
    "PairExample",
    "attach_vectors",
    "cameo_examples",
    "case_examples",
    "case_files",
    "fold_of",
    "re3d_examples",
]

FOLDS = 5
_SPEECH = frozenset(t for t, ct in VOCAB.claim_types.items() if ct.family == "speech")
_SYMMETRIC = frozenset(t for t, ct in VOCAB.claim_types.items() if ct.symmetric)
_CAMEO_LABEL = {"2": "backing", "4": "attack", "0": "none"}
_RE3D_LABEL = {"AlliesOf": "alliance", "Likes": "alliance", "FightingAgainst": "attack"}
NOT_TRAINED = ("BBC Online",)  # CC BY-NC: scored, never trained on


def fold_of(group: str) -> int:
    """The validation fold of a document: a stable hash, so folds never change."""
    return int(hashlib.sha1(group.encode("utf-8")).hexdigest(), 16) % FOLDS


@dataclass
class PairExample:
    source: str  # cases | cameo | re3d
    group: str  # the document: folds are drawn by it
    features: list[str]
    label: str  # "none" or a claim type
    stance: str | None = None  # for pairs with a stated (or hypothetical) relation
    trainable: bool = True
    text: str = ""  # the sentence, and the two mentions' offsets in it
    spans: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))
    vector: Any = None  # the pair's MiniLM vector, for the lex+minilm design (attach_vectors)

    @property
    def fold(self) -> int:
        return fold_of(self.group)


@dataclass
class Corpus:
    examples: list[PairExample] = field(default_factory=list)
    documents: dict[str, list[Any]] = field(default_factory=dict)  # source -> raw documents
    hashes: dict[str, str] = field(default_factory=dict)  # file -> sha256

    def add_hash(self, path: Path) -> None:
        self.hashes[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()


def case_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    return out


def case_examples(extractor: Extractor, files: Iterable[Path], corpus: Corpus) -> None:
    cases: list[dict[str, Any]] = []
    files = list(files)
    for path in case_files(files):
        corpus.add_hash(path)
        cases += load_cases(path)
    if not cases:
        raise InputError("no labelled cases (*.yaml) here",
                         file=", ".join(str(p) for p in files) or "tests/data")
    corpus.documents["cases"] = cases
    for case in cases:
        golds = case.get("claims") or []
        doc = Document(id=f"case-{case['id']}", text=case["text"])
        group = f"case:{case['id']}"
        for unit in extractor.units(doc, featurize=True):
            for cand in unit.candidates:
                pair = (cand.subject.actor, cand.object.actor)
                matched = [g for g in golds if _gold_pair(g) == pair
                           or (g["type"] in _SYMMETRIC and _gold_pair(g) == pair[::-1])]
                if any(g.get("optional") for g in matched):
                    continue
                if not matched:
                    corpus.examples.append(PairExample("cases", group, cand.features, "none",
                                                       **_where(unit, cand)))
                for g in matched:
                    if g["type"] in _SPEECH:
                        continue  # denials and motives come from the rules
                    label = "backing" if g["type"] == UNSPECIFIED else g["type"]
                    corpus.examples.append(PairExample(
                        "cases", group, cand.features, label, g.get("stance", "asserted"),
                        **_where(unit, cand)))


def _where(unit: Unit, cand: Candidate) -> dict[str, Any]:
    return {"text": unit.sentence.text,
            "spans": ((cand.subject.start, cand.subject.end), (cand.object.start, cand.object.end))}


def _gold_pair(gold: dict[str, Any]) -> tuple[str, str]:
    return (gold["subject"], gold["object"])


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def cameo_examples(extractor: Extractor, classes: Path, ner: Path | None,
                   corpus: Corpus) -> None:
    corpus.add_hash(classes)
    if ner is not None and ner.exists():
        corpus.add_hash(ner)
    rows = list(cameo_rows(classes, ner))
    corpus.documents["cameo"] = rows
    for number, text, label, spans in rows:
        coded = _CAMEO_LABEL.get(label)
        if label != "0" and not (spans["S"] and spans["T"]):
            continue  # a coded event whose roles are not given: no pair is known to be none
        doc = Document(id=f"cameo-{number}", text=text)
        for unit in extractor.units(doc, featurize=True):
            off = unit.sentence.start
            for cand in unit.candidates:
                s = (cand.subject.start + off, cand.subject.end + off)
                o = (cand.object.start + off, cand.object.end + off)
                in_roles = _overlaps(s, spans["S"]) and _overlaps(o, spans["T"])
                if in_roles and coded is None:
                    continue  # verbal cooperation or conflict: no Patron type to learn
                name = coded if in_roles and coded else "none"
                stance = "asserted" if name != "none" else None
                corpus.examples.append(PairExample("cameo", f"cameo:{number}", cand.features,
                                                   name, stance, **_where(unit, cand)))


def re3d_documents(folder: Path) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(subset, document, its relations) for every development document."""
    subsets = sorted(p.parent for p in folder.glob("*/documents.json"))
    if not subsets:
        raise InputError("no re3d subsets (*/documents.json) here", file=str(folder))
    out = []
    for subset in subsets:
        rels: dict[str, list[dict[str, Any]]] = {}
        for rel in jsonl_lines(subset / "relations.json"):
            rels.setdefault(rel["documentId"], []).append(rel)
        for raw in jsonl_lines(subset / "documents.json"):
            out.append((subset.name, raw, rels.get(raw["_id"], [])))
    return out


def re3d_examples(extractor: Extractor, folder: Path, corpus: Corpus) -> None:
    for p in sorted(folder.glob("*/*.json")):
        corpus.add_hash(p)
    docs = re3d_documents(folder)
    corpus.documents["re3d"] = docs
    for subset, raw, rels in docs:
        doc = Document(id=f"re3d-{raw['_id']}", text=raw["text"])
        for unit in extractor.units(doc, featurize=True):
            off = unit.sentence.start
            for cand in unit.candidates:
                s = (cand.subject.start + off, cand.subject.end + off)
                o = (cand.object.start + off, cand.object.end + off)
                labels = set()
                skip = False
                for r in rels:
                    src = (r["sourceBegin"], r["sourceEnd"])
                    tgt = (r["targetBegin"], r["targetEnd"])
                    forward = _overlaps(s, [src]) and _overlaps(o, [tgt])
                    backward = _overlaps(s, [tgt]) and _overlaps(o, [src])
                    kind = _RE3D_LABEL.get(r["type"])
                    if r["type"] == "Dislikes" and (forward or backward):
                        skip = True
                    elif (kind == "alliance" and (forward or backward)) or (
                            kind == "attack" and forward):
                        labels.add(kind)
                if skip and not labels:
                    continue
                label = "alliance" if "alliance" in labels else labels.pop() if labels else "none"
                corpus.examples.append(PairExample(
                    "re3d", f"re3d:{raw['_id']}", cand.features, label,
                    "asserted" if label != "none" else None, subset not in NOT_TRAINED,
                    **_where(unit, cand)))


def attach_vectors(corpus: Corpus) -> None:
    """Give every example its MiniLM pair vector (``patron.extract.encoder``)."""
    from patron.extract.encoder import pair_vectors

    vectors = pair_vectors([(e.text, e.spans[0], e.spans[1]) for e in corpus.examples])
    for e, v in zip(corpus.examples, vectors, strict=True):
        e.vector = v
