"""The one function that says how likely an actor is to join a war on a given day.

Two sides fight: side 0 is the side of the triggers' targets (the attacked), side 1
the attackers'. An actor that is not fighting joins side ``s`` at the daily rate

    λ_is(t) = exp(α + β_pull·P_is(t) + β_host·H_is(t) + β_past·R_i − β_deter·D_is + δ_i)

and on day t it joins with probability 1 − exp(−(λ_i0 + λ_i1)), taking side s with
probability λ_is / (λ_i0 + λ_i1). Each term is read from the network as of the
read date (:class:`patron.simulate.network.Ties`, weights from
:func:`patron.graph.weight.edge_weight`):

``P_is(t)`` pull
    Σ_j ℓ_j(t) · log(1 + S_ij + S_ji + A_ij + C_ij) over the actors j fighting on
    side s that day: support either way, alignment, and support the two get from
    common patrons (C). ℓ is the level j fights at: 1 proxy or limited fire, 2 direct
    strikes, so an actor under full attack pulls twice as hard as one firing rockets.
``H_is(t)`` hostility
    Σ_k ℓ_k(t) · log(1 + H_ik) over the actors k fighting the other side: i's own
    attacks, threats and sanctions against them.
``R_i`` past behaviour
    log(1 + the weight of i's attack claims on anyone): a record of using force.
``D_is`` deterrence
    Σ_k ω_k · log(1 + H_ki) over the other side's trigger parties (ω = 1) and their
    patrons (ω = S/(1 + S), S the support they give a party): hostility i has drawn
    from the adversary and from those who back it.
``δ_i``
    a scenario's posture shift (0 unless an analyst sets one).

Once fighting, an actor at level 1 moves to direct strikes with daily probability
``escalation_rate`` and any engagement ends with daily probability ``end_rate``
(an actor that stops does not rejoin within the horizon).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

import numpy as np
import numpy.typing as npt

from patron.errors import InputError
from patron.simulate.network import Ties

__all__ = ["PARAMETER_DOCS", "Params", "Sides", "coupling", "deterrence", "static_rate",
           "terms"]

F = npt.NDArray[np.float64]

#: What each global parameter means, as an analyst reads it.
PARAMETER_DOCS: dict[str, str] = {
    "alpha": "log daily joining rate of an actor with no ties to the fighting "
             "(exp(alpha) is that rate)",
    "pull": "log-rate added per unit of log(1 + tie weight) to an actor fighting, per level",
    "hostility": "log-rate added per unit of log(1 + own hostility) toward an actor fighting "
                 "the other side, per level",
    "past": "log-rate added per unit of log(1 + the actor's record of attacks)",
    "deterrence": "log-rate taken away per unit of log(1 + hostility drawn from the "
                  "adversary and its backers)",
    "end_rate": "daily probability that one engagement ends (1/end_rate: mean days fought)",
    "escalation_rate": "daily probability that proxy or limited fire becomes direct strikes",
}


@dataclass(frozen=True)
class Params:
    """The model's global parameters (:data:`PARAMETER_DOCS`)."""

    alpha: float = -8.0
    pull: float = 0.5
    hostility: float = 0.5
    past: float = 0.0
    deterrence: float = 0.0
    end_rate: float = 1 / 30
    escalation_rate: float = 1 / 30

    def with_values(self, values: dict[str, float], file: str | None = None) -> Params:
        """These parameters with some replaced (a scenario's ``params``)."""
        known = {f.name for f in fields(self)}
        for name, value in values.items():
            if name not in known:
                raise InputError(f"unknown parameter; one of {', '.join(sorted(known))}",
                                 file=file, field=f"params.{name}")
            if name.endswith("_rate") and not 0 < value <= 1:
                raise InputError(f"a daily probability in (0, 1], got {value}", file=file,
                                 field=f"params.{name}")
        return replace(self, **values)

    def record(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class Sides:
    """Which side each trigger party fights on (0 attacked, 1 attackers)."""

    parties: tuple[frozenset[int], frozenset[int]]

    def of(self, i: int) -> int | None:
        return 0 if i in self.parties[0] else 1 if i in self.parties[1] else None


def terms(t: Ties) -> tuple[F, F, F]:
    """``pull[j, i]``, ``host[k, i]`` (log-weights fighting actors lend to i) and ``R``."""
    pull = np.log1p(t.support + t.support.T + t.alignment + t.shared)
    np.fill_diagonal(pull, 0.0)
    host = np.log1p(t.hostility).T.copy()
    return pull, host, np.log1p(t.attacks)


def deterrence(t: Ties, sides: Sides) -> F:
    """``D[i, s]``: hostility i has drawn from the adversaries of side s (module doc)."""
    d = np.zeros((t.n, 2))
    drawn = np.log1p(t.hostility)  # drawn[k, i]: k's hostility toward i
    for s in (0, 1):
        enemies = sorted(sides.parties[1 - s])
        omega = np.zeros(t.n)
        for k in enemies:
            backing = t.support[:, k]
            omega = np.maximum(omega, backing / (1 + backing))
        omega[enemies] = 1.0
        d[:, s] = omega @ drawn
    return d


def static_rate(p: Params, t: Ties, sides: Sides, posture: F | None = None) -> F:
    """``base[s*N + i]``: the part of log λ_is that does not change while the war goes on."""
    _, _, record = terms(t)
    d = deterrence(t, sides)
    shift = posture if posture is not None else np.zeros(t.n)
    out = np.empty(2 * t.n)
    for s in (0, 1):
        out[s * t.n:(s + 1) * t.n] = (p.alpha + p.past * record - p.deterrence * d[:, s]
                                      + shift)
    return out


def coupling(p: Params, t: Ties) -> F:
    """``M[s'*N + j, s*N + i]``: log-rate one level of j fighting on s' adds to i joining s."""
    pull, host, _ = terms(t)
    n = t.n
    m = np.zeros((2 * n, 2 * n))
    for src in (0, 1):
        for dst in (0, 1):
            block = p.pull * pull if src == dst else p.hostility * host
            m[src * n:(src + 1) * n, dst * n:(dst + 1) * n] = block
    return m
