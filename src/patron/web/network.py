"""The explorer's network: a graph view (:mod:`patron.graph.view`) narrowed by the
explorer's filters, as nodes and edges sigma.js can draw.

Invariant: every edge drawn is an edge of the view, keeping only the claims that pass
the filters; its weight is the view's own weighing of those claims
(:meth:`View.weigh`), so the explorer never weighs claims itself. A node's strength
is the summed weight of the support edges it has in what is drawn (the patrons
analysis ranks by the same edge weights). Positions come from one layout of the
all-time network, so nodes keep their place while filters change.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from patron.graph.view import View
from patron.graph.weight import MODIFIERS
from patron.model import Claim
from patron.vocab import VOCAB, grade_at_least

__all__ = ["FAMILIES", "Lens", "edge_claims", "layout", "network", "years"]

#: The layers the explorer draws: the claim families of vocab.yaml that make edges.
FAMILIES = ("support", "hostility", "alignment")
Positions = dict[str, tuple[float, float]]


@dataclass(frozen=True)
class Lens:
    """What the explorer shows: claim types, stances, a minimum grade, layers."""

    types: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    min_grade: str | None = None
    layers: tuple[str, ...] = FAMILIES

    def passes(self, claim: Claim) -> bool:
        if self.types and claim.type not in self.types:
            return False
        if self.stances and claim.stance not in self.stances:
            return False
        return not self.min_grade or grade_at_least(claim.grade, self.min_grade)


def edge_claims(view: View, u: str, v: str, layer: str, lens: Lens) -> list[Claim]:
    """The claims of edge ``u → v`` in ``layer`` that pass ``lens``, oldest first
    (ruptures and resumptions that modify a support edge included)."""
    data = view.tie(u, v, layer)
    if data is None:
        return []
    found = [view.claims[i] for i in data["claims"] if i in view.claims]
    kept = [c for c in found if c.type in MODIFIERS or lens.passes(c)]
    return sorted(kept, key=lambda c: (c.time.bounds(), c.id))


def network(view: View, lens: Lens, positions: Positions) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...], "slice": ...}`` for the explorer."""
    edges: list[dict[str, Any]] = []
    strength: dict[str, float] = {}
    for u, v, layer, data in view.graph.edges(keys=True, data=True):
        if layer not in lens.layers:
            continue
        claims = [view.claims[i] for i in data["claims"] if i in view.claims]
        own = [c for c in claims if c.type not in MODIFIERS and lens.passes(c)]
        if not own:
            continue
        mods = [c.id for c in claims if c.type in MODIFIERS]
        weight = view.weigh([c.id for c in own] + mods) if layer == "support" else (
            view.weigh(c.id for c in own))
        if layer == "support":
            for node in (u, v):
                strength[node] = strength.get(node, 0.0) + max(weight, 0.0)
        edges.append({
            "id": f"{u}|{v}|{layer}", "source": u, "target": v, "layer": layer,
            "weight": round(weight, 4), "claims": len(own),
            "types": sorted({c.type for c in own}),
            "machine": all(c.unreviewed for c in own),
            "strained": bool(data.get("strained")),
        })
    ends = {e["source"] for e in edges} | {e["target"] for e in edges}
    top = max(strength.values(), default=0.0) or 1.0
    nodes = []
    for node in sorted(ends):
        x, y = positions.get(node) or _fallback(node)
        s = strength.get(node, 0.0)
        nodes.append({"id": node, "label": view.name(node), "kind": view.kind(node),
                      "strength": round(s, 4), "size": round(3 + 12 * math.sqrt(s / top), 2),
                      "x": x, "y": y})  # fmt: skip
    return {"slice": view.slice.record(), "nodes": nodes, "edges": edges,
            "families": {t: VOCAB.claim_types[t].family for e in edges for t in e["types"]}}


def _fallback(node: str) -> tuple[float, float]:
    """A fixed spot on a ring for a node the layout did not place."""
    angle = (zlib.crc32(node.encode()) % 3600) / 3600 * 2 * math.pi
    return (round(1.2 * math.cos(angle), 4), round(1.2 * math.sin(angle), 4))


def layout(view: View) -> Positions:
    """Positions of every node of ``view`` (a force-directed layout, fixed seed)."""
    import rustworkx as rx

    nodes = sorted(view.graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    graph: rx.PyGraph = rx.PyGraph()
    graph.add_nodes_from(nodes)
    seen = set()
    for u, v, layer in view.graph.edges(keys=True):
        pair = (min(u, v), max(u, v))
        if layer in FAMILIES and pair not in seen and u != v:
            seen.add(pair)
            graph.add_edge(index[u], index[v], 1.0)
    if not nodes:
        return {}
    placed = rx.spring_layout(graph, num_iter=40, seed=7)
    return {n: (round(placed[i][0], 4), round(placed[i][1], 4)) for n, i in index.items()}


def years(claims: Iterable[Claim]) -> tuple[int, int] | None:
    """The first and last year any of ``claims`` names, for the time slider."""
    found = [int(d[:4]) for c in claims for d in (c.time.start, c.time.end) if d]
    return (min(found), max(found)) if found else None
