"""The graph support travels on: the support and transit layers as one digraph.

A support claim that records a route is carried by its hops (transit layer), not
by a direct patron → client edge: the route says how it travels, and a direct
edge would hide the places it passes. Support claims without a route stay direct
edges (how that support travels is unknown). With ``organ_hops``, a state reaches
its organs by ``part_of`` edges (from the gazetteer, no claims) and organ claims
are no longer attributed to the state, so paths show Iran → IRGC → Sudan → ….

Edge attributes: ``weight``, ``distance`` (1 / weight, for shortest paths; 0
for ``part_of`` hops),
``claims``, ``layers`` (``support``, ``transit`` or ``organ``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from patron.graph.view import View
from patron.graph.weight import MODIFIERS

__all__ = ["support_routes"]


def _add(graph: nx.DiGraph[str], u: str, v: str, weight: float, claims: list[str], layer: str
         ) -> None:
    if weight <= 0:
        return
    if graph.has_edge(u, v):
        edge: dict[str, Any] = graph[u][v]
        edge["weight"] += weight
        edge["claims"] = list(dict.fromkeys(edge["claims"] + claims))
        edge["layers"].append(layer)
    else:
        graph.add_edge(u, v, weight=weight, claims=list(claims), layers=[layer])


def support_routes(view: View, *, organ_hops: bool = False, direct: bool = True
                   ) -> nx.DiGraph[str]:
    """Support and transit layers of ``view`` as one weighted digraph (see module doc).

    ``direct=False`` keeps only recorded routes and transit claims (no direct
    support edges): the physical routes interdiction can cut.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    for u, v, data in view.ties("transit"):
        _add(graph, u, v, data["weight"], data["claims"], "transit")
    if direct:
        for u, v, data in view.ties("support"):
            ids, mods = [], []
            for cid in data["claims"]:
                c = view.claims[cid]
                if c.type in MODIFIERS:
                    mods.append(cid)
                elif c.type == "transit" or c.route:
                    continue  # carried by the transit layer
                elif organ_hops and (c.subject, c.object) != (u, v):
                    continue  # the organ's own edge carries it
                else:
                    ids.append(cid)
            if ids:
                _add(graph, u, v, view.weigh(ids + mods), ids + mods, "support")
    if organ_hops:
        for node in list(graph.nodes):
            actor = view.actors.get(node)
            while actor is not None and view.root(actor.id) != actor.id and actor.part_of:
                if not graph.has_edge(actor.part_of, actor.id):
                    _add(graph, actor.part_of, actor.id, 1.0, [], "organ")
                actor = view.actors.get(actor.part_of)
    for node in graph.nodes:
        graph.nodes[node].update(name=view.name(node), kind=view.kind(node))
    for _, _, data in graph.edges(data=True):
        # an organ is its state: reaching it costs nothing
        data["distance"] = 0.0 if data["layers"] == ["organ"] else 1.0 / data["weight"]
    return graph
