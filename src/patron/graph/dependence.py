"""How much a client depends on each patron: shares of its support and their HHI.

Organs count with their state (the state's edge carries their claims), so the
shares are over distinct patrons: Iran, not Iran plus IRGC plus Quds Force. The
Herfindahl-Hirschman index is the sum of squared shares (1 = one patron, 1/n =
n equal patrons); ``effective_patrons`` is its inverse. Thresholds for the label
follow the US merger guidelines (0.15 and 0.25).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from patron.graph.patrons import Ranked, patrons
from patron.graph.result import header
from patron.graph.view import View

__all__ = ["Dependence", "concentration", "dependence"]


def concentration(hhi: float) -> str:
    """``unconcentrated`` below 0.15, ``moderate`` to 0.25, ``high`` above.

    >>> concentration(0.1), concentration(0.2), concentration(1.0)
    ('unconcentrated', 'moderate', 'high')
    """
    if hhi < 0.15:
        return "unconcentrated"
    return "moderate" if hhi <= 0.25 else "high"


@dataclass
class Dependence:
    view: View
    actor: str
    shares: list[tuple[Ranked, float]]

    @property
    def total(self) -> float:
        return sum(r.strength for r, _ in self.shares)

    @property
    def hhi(self) -> float:
        return sum(s * s for _, s in self.shares)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "patron": self.view.ref_of(r.actor),
                "share": round(share, 4),
                "strength": round(r.strength, 4),
                "types": list(r.types),
                "organs": [self.view.ref_of(o) for o in r.organs],
                "claims": list(r.claims),
            }
            for r, share in self.shares
        ]

    def document(self) -> dict[str, Any]:
        hhi = self.hhi
        return {
            **header(self.view, "dependence"),
            "actor": self.view.ref_of(self.actor),
            "total_strength": round(self.total, 4),
            "hhi": round(hhi, 4),
            "effective_patrons": round(1 / hhi, 2) if hhi else 0,
            "concentration": concentration(hhi) if self.shares else None,
            "patrons": self.rows(),
        }


def dependence(view: View, actor: str) -> Dependence:
    """``actor``'s support shares by patron (organs folded into their state) and HHI."""
    ranked = [r for r in patrons(view, actor).ranked if r.counted_in is None]
    total = sum(r.strength for r in ranked)
    return Dependence(view, actor, [(r, r.strength / total) for r in ranked] if total else [])
