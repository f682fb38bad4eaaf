"""A brief as data: sections of sentences, each sentence with the claims it cites.

Invariant: a :class:`Brief` holds no fact that is not in a :class:`Sentence` whose
``claims`` name the claims it was written from; ``note`` and ``model`` sentences
speak of the knowledge base or of the simulator and say so. Renderers
(:mod:`patron.report.render`) only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from patron.model import Claim, Document

__all__ = ["Brief", "Footnote", "Section", "Sentence"]

Kind = Literal["fact", "note", "model"]


@dataclass(frozen=True)
class Sentence:
    """One sentence; a ``fact`` cites at least one claim id."""

    text: str
    claims: tuple[str, ...] = ()
    kind: Kind = "fact"


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[list[Sentence]] = field(default_factory=list)
    chart: str | None = None  # a key of Brief.charts shown at the end of the section

    def add(self, *sentences: Sentence) -> None:
        kept = [s for s in sentences if s.text]
        if kept:
            self.paragraphs.append(kept)


@dataclass(frozen=True)
class Footnote:
    number: int
    claim: Claim
    document: Document | None
    provenance: str

    @property
    def label(self) -> str:
        return f"c{self.number}"


@dataclass
class Brief:
    patron: str
    client: str
    title: str
    window: str
    sections: list[Section]
    claims: dict[str, Claim]
    documents: dict[str, Document]
    charts: dict[str, bytes] = field(default_factory=dict)  # key -> PNG
    chart_titles: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def sentences(self) -> list[Sentence]:
        return [s for sec in self.sections for p in sec.paragraphs for s in p]

    def footnotes(self) -> dict[str, Footnote]:
        """Claim id → footnote, numbered in order of first citation."""
        out: dict[str, Footnote] = {}
        for s in self.sentences():
            for cid in s.claims:
                if cid not in out:
                    c = self.claims[cid]
                    out[cid] = Footnote(len(out) + 1, c, self.documents.get(c.evidence.document),
                                        c.provenance)
        return out
