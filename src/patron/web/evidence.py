"""Claims as pages show them: names, source and quote ready for a template."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from patron.kb import KnowledgeBase
from patron.model import Claim, Document

__all__ = ["Row", "evidence_rows"]


@dataclass(frozen=True)
class Row:
    claim: Claim
    subject: str
    object: str
    route: tuple[str, ...]
    source: Document | None

    @property
    def quote(self) -> str | None:
        """The quote from the document, else the curated statement in our own words."""
        return self.claim.evidence.quote or self.claim.statement

    @property
    def machine(self) -> bool:
        return self.claim.unreviewed


def evidence_rows(kb: KnowledgeBase, claims: Sequence[Claim]) -> list[Row]:
    names, docs = kb.citations(claims)
    return [Row(c, names.get(c.subject, c.subject), names.get(c.object, c.object),
                tuple(names.get(p, p) for p in c.route), docs.get(c.evidence.document))
            for c in claims]  # fmt: skip
