"""How support gets from A to B: the strongest routes through organs, intermediaries
and places.

Routes are the k shortest simple paths on :func:`patron.graph.routes.support_routes`
with organ hops, where an edge's length is 1 / weight (strong ties are short). A
path's strength is its weakest claimed hop (the bottleneck); ``part_of`` hops from
a state to its organs come from the gazetteer and carry no claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from patron.graph.result import header
from patron.graph.routes import support_routes
from patron.graph.view import View

__all__ = ["Hop", "Path", "Paths", "paths"]


@dataclass(frozen=True)
class Hop:
    source: str
    target: str
    weight: float
    layers: tuple[str, ...]
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]

    @property
    def nodes(self) -> list[str]:
        return [self.hops[0].source, *(h.target for h in self.hops)]

    @property
    def strength(self) -> float:
        claimed = [h.weight for h in self.hops if "organ" not in h.layers]
        return min(claimed) if claimed else 0.0


@dataclass
class Paths:
    view: View
    source: str
    target: str
    paths: list[Path]

    def rows(self) -> list[dict[str, Any]]:
        v = self.view
        return [
            {
                "rank": i,
                "route": [v.ref_of(n) for n in p.nodes],
                "kinds": [v.kind(n) for n in p.nodes],
                "strength": round(p.strength, 4),
                "hops": [
                    {
                        "from": v.ref_of(h.source),
                        "to": v.ref_of(h.target),
                        "layers": list(h.layers),
                        "weight": round(h.weight, 4),
                        "claims": list(h.claims),
                    }
                    for h in p.hops
                ],
                "claims": list(dict.fromkeys(c for h in p.hops for c in h.claims)),
            }
            for i, p in enumerate(self.paths, 1)
        ]

    def document(self) -> dict[str, Any]:
        return {
            **header(self.view, "paths"),
            "from": self.view.ref_of(self.source),
            "to": self.view.ref_of(self.target),
            "paths": self.rows(),
        }


def paths(view: View, source: str, target: str, *, k: int = 5, max_hops: int = 8) -> Paths:
    """Up to ``k`` routes from ``source`` to ``target``, shortest (strongest) first."""
    graph = support_routes(view, organ_hops=True)
    found: list[Path] = []
    if source in graph and target in graph and nx.has_path(graph, source, target):
        for nodes in islice(nx.shortest_simple_paths(graph, source, target, weight="distance"),
                            k * 4):
            if len(nodes) - 1 > max_hops:
                continue
            hops = tuple(
                Hop(u, v, float(graph[u][v]["weight"]), tuple(graph[u][v]["layers"]),
                    tuple(graph[u][v]["claims"]))
                for u, v in pairwise(nodes)
            )
            found.append(Path(hops))
            if len(found) == k:
                break
    return Paths(view, source, target, found)
