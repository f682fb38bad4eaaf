"""Claims in their wire form (:func:`patron.wire.claim_record`), as ``patron claims
--format json`` prints them: actors named ``{"id", "name"}``, the source inline, and
actors the gazetteer lacks defined whole, so a listing loads back elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from patron.kb import KnowledgeBase
from patron.model import Claim
from patron.wire import actor_definition, claim_record

__all__ = ["claim_records"]


def claim_records(kb: KnowledgeBase, items: Sequence[Claim]) -> list[dict[str, Any]]:
    names, docs = kb.citations(items)
    defined = {i: actor_definition(a, origin) for i, (a, origin) in kb.made_actors(items).items()}
    reviewed = kb.reviewed(items)
    return [claim_record(c, names, docs, defined, reviewed) for c in items]
