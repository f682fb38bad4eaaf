"""Brokers: actors and places that carry support between others.

Betweenness centrality on the support routes (:func:`patron.graph.routes.support_routes`:
support and transit layers, routed support travelling along its hops), counted
in hops: a node's score is the share of shortest patron-to-client routes that
pass through it. With ``to``, only routes ending at that client count (Syria as
land bridge for support reaching Hezbollah): the score is then the average share
over every actor that reaches ``to``.

Large graphs use rustworkx's parallel exact betweenness (same definition, same
numbers as networkx; see bench/analysis.py for the measured need).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from patron.graph.result import header
from patron.graph.routes import support_routes
from patron.graph.view import View

__all__ = ["RUSTWORKX_ABOVE", "Broker", "Brokers", "betweenness", "brokers"]

#: Above this many nodes, full betweenness runs in rustworkx.
RUSTWORKX_ABOVE = 1000


@dataclass(frozen=True)
class Broker:
    actor: str
    score: float
    claims: tuple[str, ...]  # claims on the routes into and out of the broker


@dataclass
class Brokers:
    view: View
    to: str | None
    brokers: list[Broker]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "rank": i,
                "actor": self.view.ref_of(b.actor),
                "kind": self.view.kind(b.actor),
                "score": round(b.score, 4),
                "claims": list(b.claims),
            }
            for i, b in enumerate(self.brokers, 1)
        ]

    def document(self) -> dict[str, Any]:
        return {
            **header(self.view, "brokers"),
            "to": self.view.ref_of(self.to) if self.to else None,
            "measure": "betweenness (hops) on support+transit routes"
            + (", routes ending at 'to'" if self.to else ""),
            "brokers": self.rows(),
        }


def betweenness(graph: nx.DiGraph[str], *, engine: str = "auto") -> dict[str, float]:
    """Normalised directed betweenness in hops; ``engine`` is auto, networkx or rustworkx."""
    if engine == "networkx" or (engine == "auto" and graph.number_of_nodes() <= RUSTWORKX_ABOVE):
        return dict(nx.betweenness_centrality(graph, normalized=True))
    import rustworkx as rx

    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    rgraph = rx.PyDiGraph()
    rgraph.add_nodes_from(nodes)
    rgraph.add_edges_from_no_data([(index[u], index[v]) for u, v in graph.edges])
    scores = rx.digraph_betweenness_centrality(rgraph, normalized=True)
    return {nodes[i]: float(s) for i, s in scores.items()}


def _toward(graph: nx.DiGraph[str], to: str) -> dict[str, float]:
    """Betweenness counting only shortest paths that end at ``to`` (one BFS, reversed)."""
    if to not in graph:
        return {}
    reverse = graph.reverse(copy=False)
    raw = nx.betweenness_centrality_subset(
        reverse, sources=[to], targets=list(graph.nodes), normalized=False
    )
    reach = len(nx.ancestors(graph, to))
    return {n: float(s) / reach for n, s in raw.items()} if reach else {}


def brokers(view: View, *, to: str | None = None, top: int = 10, engine: str = "auto"
            ) -> Brokers:
    """The ``top`` brokers of support in ``view`` (to ``to`` only, when given)."""
    graph = support_routes(view)
    scores = _toward(graph, to) if to else betweenness(graph, engine=engine)
    ranked = sorted(
        ((n, s) for n, s in scores.items() if s > 0 and n != to),
        key=lambda ns: (-ns[1], view.name(ns[0])),
    )[:top]
    found = []
    for node, score in ranked:
        ids: list[str] = []
        for u, v in [*graph.in_edges(node), *graph.out_edges(node)]:
            ids.extend(graph[u][v]["claims"])
        found.append(Broker(node, score, tuple(dict.fromkeys(ids))))
    return Brokers(view, to, found)
