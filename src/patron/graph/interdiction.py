"""Interdiction: the fewest places or intermediaries whose removal cuts A's recorded
support routes to B.

The network is the physical one: the hops of the routes recorded on A's support
claims for B (A's organs' too, A reaching them by ``part_of``). A minimum vertex
cut is found by max-flow on the node-split graph; A, B, their organs and B's own
country (where the support arrives, such as the Gaza Strip for Hamas) cannot be
removed, and places and intermediaries are preferred to other actors when cuts
tie in size. Direct
support without a recorded route cannot be cut this way and is listed apart, with
its claims, so an answer never looks more complete than the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from patron.graph.result import header
from patron.graph.view import View
from patron.graph.weight import MODIFIERS

__all__ = ["Interdiction", "interdiction"]

_PREFERRED = ("place", "intermediary")
_SCALE = 1000  # a cut node costs 1000 (place, intermediary) or 1001 (anything else)


@dataclass
class Interdiction:
    view: View
    source: str
    target: str
    reachable: bool
    cut: list[str] = field(default_factory=list)
    cuttable: bool = True
    routes: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    direct: tuple[str, ...] = ()

    def _carried(self, node: str) -> list[str]:
        return [cid for route, ids in self.routes if node in route for cid in ids]

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "node": self.view.ref_of(n),
                "kind": self.view.kind(n),
                "claims": self._carried(n),
            }
            for n in self.cut
        ]

    def document(self) -> dict[str, Any]:
        v = self.view
        return {
            **header(v, "interdiction"),
            "from": v.ref_of(self.source),
            "to": v.ref_of(self.target),
            "reachable": self.reachable,
            "cuttable": self.cuttable,
            "cut": self.rows(),
            "routes": [
                {"route": [v.ref_of(n) for n in route], "claims": list(ids)}
                for route, ids in self.routes
            ],
            "uncut_direct_support": list(self.direct),
        }


def _recorded_routes(view: View, members: set[str], target: str
                     ) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    by_route: dict[tuple[str, ...], list[str]] = {}
    for c in view.claims.values():
        if c.subject in members and c.object == target and c.route and c.family == "support":
            by_route.setdefault((c.subject, *c.route, c.object), []).append(c.id)
    return [(r, tuple(ids)) for r, ids in sorted(by_route.items())]


def _route_graph(routes: list[tuple[tuple[str, ...], tuple[str, ...]]], source: str,
                 members: set[str]) -> nx.DiGraph[str]:
    """The hops of the recorded routes to the target, and the source to each of its organs.

    Only routes that end at the target count: hops recorded for support to someone
    else (an arms route to PIJ through the same crossing) are not a way to the target.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    for route, _ in routes:
        nx.add_path(graph, route)
    for organ in members - {source}:
        if organ in graph:
            graph.add_edge(source, organ)
    return graph


def _home(view: View, target: str) -> set[str]:
    """The places and state of ``target``'s own country (Hamas: the Gaza Strip, the
    West Bank, Palestine): where support arrives, not a point to cut it on the way."""
    actor = view.actors.get(target)
    country = actor.country if actor else None
    if not country:
        return set()
    return {a.id for a in view.actors.values()
            if a.country == country and a.kind in ("place", "state")}


def interdiction(view: View, source: str, target: str) -> Interdiction:
    """The minimum set of nodes to remove so no recorded route leads from source to target."""
    members = {source, *view.organs(source)}
    protected = members | {target, *view.organs(target)} | _home(view, target)
    routes = _recorded_routes(view, members, target)
    direct: list[str] = []
    for m in members:
        tie = view.tie(m, target, "support")
        for cid in tie["claims"] if tie else []:
            c = view.claims[cid]
            if (c.subject, c.object) == (m, target) and not c.route and c.type not in MODIFIERS \
                    and view.scored[cid][2] > 0 and c.type != "transit":
                direct.append(cid)
    graph = _route_graph(routes, source, members)
    result = Interdiction(view, source, target, reachable=False, routes=routes,
                          direct=tuple(dict.fromkeys(direct)))
    if source not in graph or target not in graph or not nx.has_path(graph, source, target):
        return result
    result.reachable = True
    flow: nx.DiGraph[tuple[str, str]] = nx.DiGraph()
    for n in graph.nodes:
        if n in protected:
            flow.add_edge((n, "in"), (n, "out"))  # no capacity: cannot be cut
        else:
            cost = _SCALE if view.kind(n) in _PREFERRED else _SCALE + 1
            flow.add_edge((n, "in"), (n, "out"), capacity=cost)
    for u, v in graph.edges:
        flow.add_edge((u, "out"), (v, "in"))
    try:
        _, (near, _far) = nx.minimum_cut(flow, (source, "out"), (target, "in"))
    except nx.NetworkXUnbounded:
        result.cuttable = False
        return result
    result.cut = sorted(
        (n for n in graph.nodes if (n, "in") in near and (n, "out") not in near),
        key=lambda n: (view.kind(n) not in _PREFERRED, view.name(n)),
    )
    return result
