"""Claims → a weighted, directed, multi-layer network for one time slice.

Invariant: a :class:`View` is a pure function of the claims that hold in its
slice and of the actors they name; nothing in it is edited after :func:`build`.
Every edge keeps the ids of the claims it was made from, so every figure an
analysis derives from it can be traced back to claims.

Layers (the edge key in the :class:`networkx.MultiDiGraph`):

``support``
    patron → client, one edge per pair from the support claims (``transit``
    claims included: letting support pass is support).
``transit``
    hops support travels along: a claim's ``route`` ``[r0, r1, …]`` gives
    ``subject → r0 → r1 → … → object``; a ``transit`` claim gives
    ``subject → object``. Brokers, paths and interdiction see places here.
``hostility``
    attack, threat, sanction.
``alignment``
    alliance, meeting, mediation, ``member_of`` (member → coalition), and
    between two members of one coalition an edge ``derived`` from both
    membership claims.

Organs: a ``state_organ`` whose ``part_of`` chain reaches a state (IRGC → Iran,
OFAC → US Treasury → United States) keeps its own edges, and its claims also
count for its state: the view adds the same claim ids to the state's edge
(``organs`` lists whose claims were attributed). The same holds when the organ
is the object (sanctions on the IRGC fall on Iran).

Ruptures and resumptions are not edges: they modify the weight of the support
edges between the pair (both directions, organs of either side included) while
they hold; see
:func:`patron.graph.weight.edge_weight`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from patron.errors import InputError
from patron.graph.weight import (
    MODIFIERS,
    RESTORING,
    STRAINING,
    edge_weight,
    reference_day,
    score,
)
from patron.model import Actor, Claim
from patron.store import ClaimFilter, Store
from patron.timespan import date_bounds
from patron.wire import ActorRef, actor_ref

if TYPE_CHECKING:  # networkx is imported where a graph is built: other commands start faster
    import networkx as nx

__all__ = ["LAYERS", "Slice", "View", "build", "open_view", "root_of", "with_parents"]

LAYERS = ("support", "hostility", "alignment", "transit")
_ALIGNMENT = ("alliance", "meeting", "mediation", "member_of")

Scored = tuple[str, str, float]


@dataclass(frozen=True)
class Slice:
    """A time window: claims whose span overlaps ``[lo, hi]`` (``yyyymmdd``) hold in it.

    >>> Slice.of(as_of="2015").label, Slice.of(as_of="2015").hi
    ('as of 2015', 20151231)
    >>> Slice.of(since="2011", until="2018").label
    '2011 to 2018'
    """

    lo: int | None = None
    hi: int | None = None
    label: str = "all time"

    @classmethod
    def of(
        cls, as_of: str | None = None, since: str | None = None, until: str | None = None
    ) -> Slice:
        """The slice a person asked for; InputError for bad or conflicting dates."""
        if as_of and (since or until):
            raise InputError("give --as-of or --since/--until, not both", field="--as-of")
        if as_of:
            first, last = _bounds(as_of, "--as-of")
            return cls(first, last, f"as of {as_of}")
        lo = _bounds(since, "--since")[0] if since else None
        hi = _bounds(until, "--until")[1] if until else None
        if lo is not None and hi is not None and hi < lo:
            raise InputError(f"--until {until} is before --since {since}", field="--until")
        if since and until:
            label = f"{since} to {until}"
        elif since:
            label = f"since {since}"
        elif until:
            label = f"until {until}"
        else:
            label = "all time"
        return cls(lo, hi, label)

    def claim_filter(self) -> ClaimFilter:
        return ClaimFilter(lo=self.lo, hi=self.hi)

    def record(self) -> dict[str, Any]:
        return {"label": self.label, "lo": self.lo, "hi": self.hi}


def _bounds(text: str, option: str) -> tuple[int, int]:
    try:
        return date_bounds(str(text))
    except ValueError as exc:
        raise InputError(str(exc), field=option) from exc


@dataclass
class View:
    """The network of one slice. ``graph`` edges are keyed by layer; see the module doc.

    Edge attributes: ``weight`` (:func:`~patron.graph.weight.edge_weight`),
    ``claims`` (ids, modifiers, denied and attributed organ claims included),
    ``types`` (those weighing more than zero),
    ``sources`` (independent sources), ``strained`` (a rupture lowers it),
    ``organs`` (organs whose claims count here), ``derived`` (``coalition:ID``
    for co-membership).
    """

    graph: nx.MultiDiGraph[str]
    claims: dict[str, Claim]
    actors: dict[str, Actor]
    slice: Slice
    ref: int
    scored: dict[str, Scored] = field(default_factory=dict)
    _roots: dict[str, str] = field(default_factory=dict, repr=False)
    _organs: dict[str, list[str]] | None = field(default=None, repr=False)

    def name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def ref_of(self, actor_id: str) -> ActorRef:
        """``{"id", "name"}`` as JSON names an actor."""
        return actor_ref(actor_id, self.name(actor_id))

    def kind(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.kind if actor else "unknown"

    def root(self, actor_id: str) -> str:
        """The state an organ belongs to (following ``part_of``), else the actor itself."""
        found = self._roots.get(actor_id)
        if found is None:
            found = self._roots[actor_id] = root_of(actor_id, self.actors)
        return found

    def organs(self, actor_id: str) -> list[str]:
        """Organs whose root is ``actor_id`` (IRGC, Quds Force for Iran)."""
        if self._organs is None:
            index: dict[str, list[str]] = defaultdict(list)
            for a in sorted(self.actors):
                if self.root(a) != a:
                    index[self.root(a)].append(a)
            self._organs = dict(index)
        return list(self._organs.get(actor_id, []))

    def tie(self, u: str, v: str, layer: str) -> dict[str, Any] | None:
        data = self.graph.get_edge_data(u, v, key=layer)
        return dict(data) if data is not None else None

    def ties(self, layer: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for u, v, key, data in self.graph.edges(keys=True, data=True):
            if key == layer:
                yield u, v, data

    def weigh(self, claim_ids: Iterable[str]) -> float:
        """:func:`~patron.graph.weight.edge_weight` of these claims, as this view scores them."""
        return edge_weight(self.scored[i] for i in claim_ids if i in self.scored)

    def layers(self, *layers: str, positive: bool = True) -> nx.DiGraph[str]:
        """The named layers collapsed into one digraph: weights add, claim ids join."""
        import networkx as nx

        out: nx.DiGraph[str] = nx.DiGraph()
        out.add_nodes_from(self.graph.nodes(data=True))
        for u, v, key, data in self.graph.edges(keys=True, data=True):
            if key not in layers or (positive and data["weight"] <= 0):
                continue
            if out.has_edge(u, v):
                edge = out[u][v]
                edge["weight"] += data["weight"]
                edge["claims"] = sorted(set(edge["claims"]) | set(data["claims"]))
                edge["layers"].append(key)
            else:
                out.add_edge(u, v, weight=data["weight"], claims=list(data["claims"]), layers=[key])
        return out


def root_of(actor_id: str, actors: dict[str, Actor]) -> str:
    """The state ``actor_id`` counts with: following ``part_of`` through organs (and a
    person holding office in one) up to a state; else the actor itself. ``actors``
    must hold the chain (:func:`with_parents`)."""
    seen = {actor_id}
    current = actors.get(actor_id)
    # an organ, or a person holding office in one (or in the state itself), counts
    # with its state; a person of an armed group stays its own node
    while current is not None and current.kind in ("state_organ", "person") and current.part_of:
        parent = actors.get(current.part_of)
        if parent is None or parent.id in seen:
            return actor_id
        if parent.kind == "state":
            return parent.id
        seen.add(parent.id)
        current = parent
    return actor_id


def build(claims: Iterable[Claim], actors: dict[str, Actor], slice_: Slice = Slice()) -> View:
    """The network of ``claims`` (already restricted to ``slice_``); see the module doc.

    ``actors`` must hold every actor the claims name (routes included); rejected
    claims and speech claims are left out.
    """
    import networkx as nx

    kept = [c for c in claims if c.review != "rejected" and c.family != "speech"]
    ref = reference_day(kept, slice_.hi)
    roots = {a: root_of(a, actors) for a in actors}
    buckets: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    organs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    derived: dict[tuple[str, str, str], str] = {}
    modifiers: dict[frozenset[str], list[Claim]] = defaultdict(list)
    members: dict[str, list[tuple[str, str]]] = defaultdict(list)
    scored: dict[str, Scored] = {}
    for c in kept:
        scored[c.id] = score(c, ref)
        s, o = c.subject, c.object
        rs, ro = roots.get(s, s), roots.get(o, o)
        pairs = [(s, o)] + ([(rs, ro)] if (rs, ro) != (s, o) and rs != ro else [])
        if c.type in MODIFIERS:
            modifiers[frozenset((rs, ro))].append(c)
            continue
        family = c.family
        layers = ["support", "transit"] if c.type == "transit" else [family]
        for layer in layers:
            for u, v in pairs:
                buckets[(u, v, layer)].append(c.id)
                if (u, v) != (s, o):
                    organs[(u, v, layer)].update(x for x in (s, o) if x not in (u, v))
        if c.route and family == "support":
            hops = [s, *c.route, o]
            for u, v in pairwise(hops):
                if u != v:
                    buckets[(u, v, "transit")].append(c.id)
        if c.type == "member_of" and (actors.get(o) is None or actors[o].kind == "coalition"):
            members[o].append((s, c.id))
    for coalition, rows in members.items():
        by_member: dict[str, list[str]] = defaultdict(list)
        for member, cid in rows:
            by_member[member].append(cid)
        names = sorted(by_member)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                key = (a, b, "alignment")
                buckets[key].extend(by_member[a] + by_member[b])
                derived.setdefault(key, f"coalition:{coalition}")
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for (u, v, layer), ids in buckets.items():
        pair = frozenset((roots.get(u, u), roots.get(v, v)))
        mods = _modifiers(modifiers.get(pair, [])) if layer == "support" else []
        own = [scored[i] for i in ids]
        weight = edge_weight(own + [scored[m.id] for m in mods])
        graph.add_edge(
            u,
            v,
            key=layer,
            weight=weight,
            claims=list(dict.fromkeys(ids + [m.id for m in mods])),
            types=sorted({t for t, _, w in own if w > 0}),
            sources=len({src for _, src, w in own if w > 0}),
            strained=bool(mods) and weight < edge_weight(own),
            organs=sorted(organs.get((u, v, layer), ())),
            derived=derived.get((u, v, layer)),
        )
    for node in graph.nodes:
        actor = actors.get(node)
        if actor is not None:
            graph.nodes[node].update(
                name=actor.name, kind=actor.kind, root=roots.get(node, node), sect=actor.sect
            )
    return View(graph, {c.id: c for c in kept}, actors, slice_, ref, scored)


def _modifiers(found: list[Claim]) -> list[Claim]:
    """Ruptures on the pair, and the resumptions that start after the first rupture."""
    ruptures = [m for m in found if m.type in STRAINING]
    if not ruptures:
        return []
    first = min(m.time.bounds()[0] for m in ruptures)
    return ruptures + [m for m in found if m.type in RESTORING and m.time.bounds()[0] > first]


def open_view(store: Store, slice_: Slice = Slice(), flt: ClaimFilter | None = None) -> View:
    """The view of the claims in ``store`` that hold in ``slice_`` (``flt`` narrows further)."""
    base = flt or ClaimFilter()
    found = store.claims(ClaimFilter(**{**base.__dict__, "lo": slice_.lo, "hi": slice_.hi}))
    ids = {c.subject for c in found} | {c.object for c in found}
    ids |= {p for c in found for p in c.route}
    return build(found, with_parents(store, ids), slice_)


def with_parents(store: Store, ids: Iterable[str]) -> dict[str, Actor]:
    """The actors ``ids`` and every actor up their ``part_of`` chains."""
    actors = {a.id: a for a in store.actors(ids)}
    parents = {a.part_of for a in actors.values() if a.part_of} - set(actors)
    while parents:  # organ chains: IRGC → Iran, OFAC → US Treasury → United States
        more = {a.id: a for a in store.actors(parents)}
        actors.update(more)
        parents = {a.part_of for a in more.values() if a.part_of} - set(actors)
    return actors
