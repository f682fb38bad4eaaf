"""The network a simulation reads: candidate actors and their tie weights as arrays.

Invariant: a :class:`Ties` is a pure function of a graph view (the claims as of the
read date, weighted by :func:`patron.graph.weight.edge_weight`) and of the
scenario's tie overrides; the engine and the calibration read nothing else.

Organs count with their state (the view already adds an organ's claims to its
state's edge), so only actors that are their own root are kept, and of those only
the kinds that can go to war: states, armed groups and political organisations.

Candidates: the triggers' parties and the forced actors, then the actors most
tied to them (support either way, alignment, hostility either way, and at one
remove at half weight), at most :data:`MAX_ACTORS` in all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from patron.graph.view import View
from patron.simulate.scenario import Resolved

__all__ = ["FIGHTING_KINDS", "MAX_ACTORS", "Ties", "candidates", "raw_ties", "ties"]

#: Actor kinds that can join a war.
FIGHTING_KINDS = ("state", "armed_group", "political_org")
#: The most actors one simulation follows: the triggers' parties first, then the
#: most tied; beyond about 60 the added actors have ties too weak to matter.
MAX_ACTORS = 48

F = npt.NDArray[np.float64]
Raw = dict[tuple[str, str, str], float]


@dataclass(frozen=True)
class Ties:
    """Weights among ``ids`` (``support[i, j]``: i backs j; ``hostility[i, k]``: i is
    hostile to k; ``alignment`` symmetric; ``shared[i, j]``: support i and j get from
    common patrons, Σ_k min(S[k,i], S[k,j]) over every patron in the view;
    ``attacks[i]``: weight of i's attack claims on anyone; ``claims``: ids per tie)."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    support: F
    alignment: F
    hostility: F
    shared: F
    attacks: F
    claims: dict[tuple[str, str, str], list[str]]

    @property
    def n(self) -> int:
        return len(self.ids)

    def index(self, actor_id: str) -> int:
        return self.ids.index(actor_id)

    def weight(self, source: str, target: str, layer: str) -> float:
        i, j = self.index(source), self.index(target)
        return float({"support": self.support, "alignment": self.alignment,
                      "hostility": self.hostility}[layer][i, j])


def raw_ties(view: View) -> tuple[Raw, dict[str, float], dict[tuple[str, str, str], list[str]]]:
    """Positive tie weights between root actors, attack records, and claim ids per tie."""
    weights: Raw = {}
    attacks: dict[str, float] = defaultdict(float)
    claims: dict[tuple[str, str, str], list[str]] = {}
    for layer in ("support", "alignment", "hostility"):
        for u, v, data in view.ties(layer):
            if view.root(u) != u or view.root(v) != v or u == v or data["weight"] <= 0:
                continue
            key = (layer, u, v)
            weights[key] = float(data["weight"])
            claims[key] = list(data["claims"])
            if layer == "hostility":
                ids = [c for c in data["claims"] if view.scored.get(c, ("",))[0] == "attack"]
                attacks[u] += view.weigh(ids)
    return weights, dict(attacks), claims


def apply_changes(weights: Raw, plan: Resolved, names: dict[str, str]) -> Raw:
    """The weights with the scenario's ``remove`` / ``reweight`` overrides applied."""
    out = dict(weights)
    for source, target, layer, factor, where in plan.ties:
        keys = [(layer, source, target)]
        if layer == "alignment":  # alignment has no direction: both stored edges change
            keys.append((layer, target, source))
        found = [k for k in keys if k in out]
        if not found:
            raise where.error(
                f"no {layer} tie from {names.get(source, source)} to "
                f"{names.get(target, target)} in the network as of {plan.as_of}", "from")
        for k in found:
            out[k] *= factor
    return out


def candidates(view: View, weights: Raw, parties: list[str], limit: int = MAX_ACTORS) -> list[str]:
    """``parties`` then the actors most tied to them (see the module doc), ``limit`` in all."""
    tie: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (_, u, v), w in weights.items():
        tie[u][v] += w
        tie[v][u] += w
    fighting = {a for a in tie if view.kind(a) in FIGHTING_KINDS and view.root(a) == a}
    score: dict[str, float] = defaultdict(float)
    for p in parties:
        for a, w in tie[p].items():
            score[a] = max(score[a], w)
    first = dict(score)
    for a, s in first.items():
        for b, w in tie[a].items():
            score[b] = max(score[b], 0.5 * min(s, w))
    ranked = sorted((a for a in score if a in fighting and a not in parties),
                    key=lambda a: (-score[a], a))
    return list(dict.fromkeys(parties)) + ranked[: max(0, limit - len(set(parties)))]


def ties(view: View, plan: Resolved, limit: int = MAX_ACTORS) -> Ties:
    """The arrays of one scenario: candidates chosen from the view after the overrides."""
    weights, attacks, claims = raw_ties(view)
    weights = apply_changes(weights, plan, plan.names)
    parties = [x for a, b, *_ in plan.triggers for x in (a, b)]
    parties += [a for a, *_ in plan.forced_in]
    ids = candidates(view, weights, parties, limit)
    return build(ids, [view.name(a) for a in ids], weights, attacks, claims)


def build(ids: list[str], names: list[str], weights: Raw, attacks: dict[str, float],
          claims: dict[tuple[str, str, str], list[str]]) -> Ties:
    """Arrays over ``ids`` from root-level weights (the patrons of ``shared`` may be anyone)."""
    n = len(ids)
    at = {a: i for i, a in enumerate(ids)}
    mats = {layer: np.zeros((n, n)) for layer in ("support", "alignment", "hostility")}
    given: dict[str, dict[int, float]] = defaultdict(dict)
    for (layer, u, v), w in weights.items():
        if layer == "support" and v in at:
            given[u][at[v]] = w
        if u in at and v in at:
            mats[layer][at[u], at[v]] += w
    align = mats["alignment"]
    align = np.maximum(align, align.T)
    shared = np.zeros((n, n))
    for clients in given.values():
        idx = sorted(clients)
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                both = min(clients[i], clients[j])
                shared[i, j] += both
                shared[j, i] += both
    record = np.array([attacks.get(a, 0.0) for a in ids])
    kept = {k: v for k, v in claims.items() if k[1] in at and k[2] in at}
    return Ties(tuple(ids), tuple(names), mats["support"], align, mats["hostility"], shared,
                record, kept)
