"""An actor's patrons and clients, ranked by strength and breadth of support.

Strength is the weight of the support edge (:func:`patron.graph.weight.edge_weight`,
which already grows with each support type); breadth is the number of support
types. A state's organs are listed too, marked ``counted_in`` their state, whose
edge already carries their claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from patron.graph.result import header
from patron.graph.view import View

__all__ = ["Ranked", "Ranking", "clients", "patrons"]

Role = Literal["patrons", "clients"]


@dataclass(frozen=True)
class Ranked:
    actor: str
    strength: float
    types: tuple[str, ...]
    sources: int
    strained: bool
    claims: tuple[str, ...]
    organs: tuple[str, ...]
    counted_in: str | None

    @property
    def breadth(self) -> int:
        return len(self.types)


@dataclass
class Ranking:
    view: View
    actor: str
    role: Role
    ranked: list[Ranked]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "rank": i,
                "actor": self.view.ref_of(r.actor),
                "kind": self.view.kind(r.actor),
                "strength": round(r.strength, 4),
                "breadth": r.breadth,
                "types": list(r.types),
                "sources": r.sources,
                "strained": r.strained,
                "organs": [self.view.ref_of(o) for o in r.organs],
                "counted_in": self.view.ref_of(r.counted_in) if r.counted_in else None,
                "claims": list(r.claims),
            }
            for i, r in enumerate(self.ranked, 1)
        ]

    def document(self) -> dict[str, Any]:
        return {
            **header(self.view, self.role),
            "actor": self.view.ref_of(self.actor),
            self.role: self.rows(),
        }


def _rank(view: View, actor: str, role: Role) -> Ranking:
    if actor not in view.graph:
        return Ranking(view, actor, role, [])
    edges = view.graph.in_edges(actor, keys=True, data=True) if role == "patrons" else (
        view.graph.out_edges(actor, keys=True, data=True))
    found: list[Ranked] = []
    partners = set()
    for u, v, key, data in edges:
        if key != "support" or data["weight"] <= 0:
            continue
        partner = u if role == "patrons" else v
        partners.add(partner)
        found.append(Ranked(
            actor=partner,
            strength=float(data["weight"]),
            types=tuple(data["types"]),
            sources=int(data["sources"]),
            strained=bool(data["strained"]),
            claims=tuple(data["claims"]),
            organs=tuple(data["organs"]),
            counted_in=None,
        ))
    ranked = []
    for r in found:
        root = view.root(r.actor)
        counted = root if root != r.actor and root in partners else None
        ranked.append(Ranked(**{**r.__dict__, "counted_in": counted}))
    ranked.sort(key=lambda r: (-r.strength, -r.breadth, view.name(r.actor)))
    return Ranking(view, actor, role, ranked)


def patrons(view: View, actor: str) -> Ranking:
    """Who supports ``actor`` in the view, strongest first.

    Every row names the claims behind its strength (the edge's claim ids).
    """
    return _rank(view, actor, "patrons")


def clients(view: View, actor: str) -> Ranking:
    """Whom ``actor`` supports in the view, strongest first."""
    return _rank(view, actor, "clients")
