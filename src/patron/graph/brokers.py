"""Brokers: actors and places that carry support between others.

Betweenness centrality on the support routes (:func:`patron.graph.routes.support_routes`:
support and transit layers, routed support travelling along its hops), counted
in hops: a node's score is the share of shortest patron-to-client routes that
pass through it. With ``to`` the question is narrower, who carries the support
given *to that client* (Syria as land bridge for support reaching Hezbollah),
and the score is the share of that support, weighed as the view weighs claims,
whose recorded route passes through a place or that an actor lets through
(transit). Betweenness would answer a different question there: on a broad
base every supporter of any supporter "reaches" the client along chains of
support given to someone else.

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
from patron.graph.weight import MODIFIERS

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
            "measure": "share of the support for 'to' (weighed) that its routes carry"
            if self.to else "betweenness (hops) on support+transit routes",
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


def _carried(view: View, to: str) -> dict[str, tuple[float, list[str]]]:
    """Share of the support for ``to`` that each place or actor carries, and its claims.

    The support for ``to`` is every support claim in the view whose client is
    ``to``, weighed as the view weighs it. A claim with a recorded route is
    carried by every place on it between patron and client; a transit claim by the
    actor that lets the support through.
    """
    total = 0.0
    weights: dict[str, float] = {}
    ids: dict[str, list[str]] = {}
    for cid, c in view.claims.items():
        if c.object != to or c.family != "support" or c.type in MODIFIERS:
            continue
        weight = view.scored[cid][2]
        total += weight
        ends = {c.subject, c.object, view.root(c.subject)}
        carriers = [p for p in c.route if p not in ends]
        carriers += [c.subject] if c.type == "transit" else []
        for node in dict.fromkeys(carriers):
            weights[node] = weights.get(node, 0.0) + weight
            ids.setdefault(node, []).append(cid)
    if total <= 0:
        return {}
    return {n: (w / total, ids[n]) for n, w in weights.items() if w > 0}


def brokers(view: View, *, to: str | None = None, top: int = 10, engine: str = "auto"
            ) -> Brokers:
    """The ``top`` brokers of support in ``view`` (to ``to`` only, when given)."""
    if to:
        shares = _carried(view, to)
        ranked_to = sorted(shares.items(), key=lambda kv: (-kv[1][0], view.name(kv[0])))[:top]
        return Brokers(view, to, [Broker(n, share, tuple(ids)) for n, (share, ids) in ranked_to])
    graph = support_routes(view)
    scores = betweenness(graph, engine=engine)
    ranked = sorted(
        ((n, s) for n, s in scores.items() if s > 0),
        key=lambda ns: (-ns[1], view.name(ns[0])),
    )[:top]
    found = []
    for node, score in ranked:
        ids: list[str] = []
        for u, v in [*graph.in_edges(node), *graph.out_edges(node)]:
            ids.extend(graph[u][v]["claims"])
        found.append(Broker(node, score, tuple(dict.fromkeys(ids))))
    return Brokers(view, to, found)
