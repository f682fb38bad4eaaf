"""Blocs: groups tied together by support and alignment and set apart by hostility.

Signed community detection. Each pair of actors gets a positive tie (support in
either direction plus alignment, co-membership of a coalition included, mediation
left out since a mediator deals with both sides) and a
negative tie (hostility in either direction). The partition maximises signed
modularity (Gómez, Jensen and Arenas, Phys. Rev. E 80, 2009)::

    Q ∝ Σ_ij [(w⁺_ij − k⁺_i k⁺_j / 2m⁺) − (w⁻_ij − k⁻_i k⁻_j / 2m⁻)] δ(c_i, c_j)

starting from Louvain communities of the positive ties (networkx, fixed seed)
and moving single actors while Q improves, so hostile pairs end up apart.
Places are not actors and are left out. Each bloc lists the ties that hold it
together and the hostile ties that oppose it to other blocs, with their claims.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from patron.graph.result import header
from patron.graph.view import View

__all__ = ["Bloc", "Blocs", "blocs", "signed_ties"]

Pair = tuple[str, str]
#: Alignment claims that tie nobody to a side: a mediator deals with both.
_NOT_ALIGNED = ("mediation",)


@dataclass
class Tie:
    positive: float = 0.0
    negative: float = 0.0
    pos_claims: tuple[str, ...] = ()
    neg_claims: tuple[str, ...] = ()


@dataclass
class Bloc:
    members: list[str]
    holding: list[tuple[Pair, Tie]]  # strongest positive ties inside, first
    opposed: dict[int, list[tuple[Pair, Tie]]]  # other bloc index → hostile ties across
    frustrated: list[tuple[Pair, Tie]]  # net-hostile ties inside the bloc


@dataclass
class Blocs:
    view: View
    blocs: list[Bloc]
    modularity: float

    def _tie(self, pair: Pair, tie: Tie, positive: bool) -> dict[str, Any]:
        return {
            "between": [self.view.ref_of(pair[0]), self.view.ref_of(pair[1])],
            "weight": round(tie.positive if positive else tie.negative, 4),
            "claims": list(tie.pos_claims if positive else tie.neg_claims),
        }

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "bloc": i,
                "members": [self.view.ref_of(m) for m in b.members],
                "held_by": [self._tie(p, t, True) for p, t in b.holding],
                "opposed_to": [
                    {"bloc": j, "ties": [self._tie(p, t, False) for p, t in ties]}
                    for j, ties in sorted(b.opposed.items())
                ],
                "frustrated": [self._tie(p, t, False) for p, t in b.frustrated],
            }
            for i, b in enumerate(self.blocs, 1)
        ]

    def bloc_of(self, actor: str) -> int | None:
        for i, b in enumerate(self.blocs, 1):
            if actor in b.members:
                return i
        return None

    def document(self) -> dict[str, Any]:
        return {**header(self.view, "blocs"), "modularity": round(self.modularity, 4),
                "blocs": self.rows()}


def signed_ties(view: View) -> dict[Pair, Tie]:
    """Undirected signed ties between actors (places left out), keyed by sorted pair."""
    ties: dict[Pair, Tie] = defaultdict(Tie)
    for u, v, key, data in view.graph.edges(keys=True, data=True):
        if key == "transit" or data["weight"] <= 0 or u == v:
            continue
        if view.kind(u) == "place" or view.kind(v) == "place":
            continue
        if view.root(u) != u or view.root(v) != v:
            continue  # organ edges: their state's edge carries the claims
        pair = (u, v) if u < v else (v, u)
        weight, claims = data["weight"], tuple(data["claims"])
        if key == "alignment":  # a mediator talks to both sides: no tie to either
            claims = tuple(c for c in claims if view.claims[c].type not in _NOT_ALIGNED)
            weight = view.weigh(claims) if claims else 0.0
            if weight <= 0:
                continue
        tie = ties[pair]
        if key == "hostility":
            tie.negative += weight
            tie.neg_claims = tuple(dict.fromkeys(tie.neg_claims + claims))
        else:
            tie.positive += weight
            tie.pos_claims = tuple(dict.fromkeys(tie.pos_claims + claims))
    return dict(ties)


def _refine(ties: dict[Pair, Tie], part: dict[str, int], passes: int = 50) -> dict[str, int]:
    """Move single nodes to the community that most raises signed modularity."""
    adj: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    kp: dict[str, float] = defaultdict(float)
    kn: dict[str, float] = defaultdict(float)
    for (a, b), t in ties.items():
        adj[a].append((b, t.positive, t.negative))
        adj[b].append((a, t.positive, t.negative))
        for n in (a, b):
            kp[n] += t.positive
            kn[n] += t.negative
    mp, mn = sum(kp.values()), sum(kn.values())  # 2m⁺ and 2m⁻
    tot_p: dict[int, float] = defaultdict(float)
    tot_n: dict[int, float] = defaultdict(float)
    for n, c in part.items():
        tot_p[c] += kp[n]
        tot_n[c] += kn[n]
    fresh = max(part.values(), default=0) + 1
    for _ in range(passes):
        moved = False
        for n in sorted(part):
            own = part[n]
            tot_p[own] -= kp[n]
            tot_n[own] -= kn[n]
            links_p: dict[int, float] = defaultdict(float)
            links_n: dict[int, float] = defaultdict(float)
            for m, wp, wn in adj[n]:
                links_p[part[m]] += wp
                links_n[part[m]] += wn

            def gain(c: int, lp: dict[int, float] = links_p, ln: dict[int, float] = links_n,
                     ip: float = kp[n], ineg: float = kn[n]) -> float:
                g = lp[c] - (ip * tot_p[c] / mp if mp else 0.0)
                return g - (ln[c] - (ineg * tot_n[c] / mn if mn else 0.0))

            best, best_gain = own, gain(own)
            for c in sorted(set(links_p) | {fresh}):
                g = gain(c)
                if g > best_gain + 1e-12:
                    best, best_gain = c, g
            if best == fresh:
                fresh += 1
            part[n] = best
            tot_p[best] += kp[n]
            tot_n[best] += kn[n]
            moved = moved or best != own
        if not moved:
            break
    return part


def _modularity(ties: dict[Pair, Tie], part: dict[str, int]) -> float:
    kp: dict[str, float] = defaultdict(float)
    kn: dict[str, float] = defaultdict(float)
    for (a, b), t in ties.items():
        for n in (a, b):
            kp[n] += t.positive
            kn[n] += t.negative
    mp, mn = sum(kp.values()), sum(kn.values())
    inside_p = sum(t.positive for (a, b), t in ties.items() if part[a] == part[b])
    inside_n = sum(t.negative for (a, b), t in ties.items() if part[a] == part[b])
    tot_p: dict[int, float] = defaultdict(float)
    tot_n: dict[int, float] = defaultdict(float)
    for n, c in part.items():
        tot_p[c] += kp[n]
        tot_n[c] += kn[n]
    qp = (2 * inside_p / mp - sum(x * x for x in tot_p.values()) / mp**2) if mp else 0.0
    qn = (2 * inside_n / mn - sum(x * x for x in tot_n.values()) / mn**2) if mn else 0.0
    return (mp * qp - mn * qn) / (mp + mn) if mp + mn else 0.0


def blocs(view: View, *, seed: int = 7, min_size: int = 2, holding: int = 5) -> Blocs:
    """Signed communities of the view (see module doc); blocs of ``min_size`` or more."""
    ties = signed_ties(view)
    positive: nx.Graph[str] = nx.Graph()
    nodes = sorted({n for pair in ties for n in pair})
    positive.add_nodes_from(nodes)
    positive.add_weighted_edges_from((a, b, t.positive) for (a, b), t in ties.items()
                                     if t.positive > 0)
    start = nx.community.louvain_communities(positive, weight="weight", seed=seed)
    part = {n: i for i, members in enumerate(start) for n in members}
    part = _refine(ties, part)
    groups: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        groups[part[n]].append(n)
    kept = sorted((m for m in groups.values() if len(m) >= min_size), key=lambda m: (-len(m), m))
    index = {n: i for i, members in enumerate(kept, 1) for n in members}
    out: list[Bloc] = []
    for i, members in enumerate(kept, 1):
        inside = [(p, t) for p, t in ties.items() if index.get(p[0]) == i == index.get(p[1])]
        hold = sorted((x for x in inside if x[1].positive > 0), key=lambda x: -x[1].positive)
        frustrated = [x for x in inside if x[1].negative > x[1].positive]
        opposed: dict[int, list[tuple[Pair, Tie]]] = defaultdict(list)
        for p, t in ties.items():
            if t.negative <= 0:
                continue
            sides = (index.get(p[0]), index.get(p[1]))
            if i in sides and sides[0] != sides[1]:
                other = sides[1] if sides[0] == i else sides[0]
                if other is not None:
                    opposed[other].append((p, t))
        out.append(Bloc(members, hold[:holding], dict(opposed), frustrated))
    return Blocs(view, out, _modularity(ties, part))
