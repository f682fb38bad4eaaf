"""Changes between two dates: ties that appeared, ended, strengthened or weakened,
and the ruptures and resumptions recorded in between.

Each date is a slice (``as of`` the date) of the same store; a tie is compared by
its edge weight in the two views. A tie is ``strengthened`` when its weight grows
by more than :data:`THRESHOLD` (25 %), ``weakened`` when it falls by as much.
Organ edges are left out (their state's edge carries them) and so are derived
co-membership edges. Rupture and resumption claims that start between the two
dates are reported as events and attached to the support tie of their pair
(organs folded into their state), so a strain that healed before the second date
(Iran and Hamas, 2012 to 2017) is still shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from patron.errors import InputError
from patron.graph.result import WEIGHTING
from patron.graph.view import Slice, View, open_view
from patron.model import Claim
from patron.store import ClaimFilter, Store
from patron.store.filters import Unreviewed
from patron.timespan import date_bounds
from patron.vocab import RESTORES, STRAINS, VOCAB
from patron.wire import ActorRef, actor_ref

__all__ = ["THRESHOLD", "Change", "Changes", "changes", "compare", "series"]

THRESHOLD = 0.25
#: How an event reads in a change's label, by what its type does to support
#: (``modifies_support`` in vocab.yaml).
_NOTES = {STRAINS: "strained", RESTORES: "resumed"}
LAYERS = ("support", "alignment", "hostility")


@dataclass
class Change:
    source: str
    target: str
    layer: str
    status: str  # appeared, ended, strengthened, weakened, unchanged
    before: float
    after: float
    claims_before: tuple[str, ...]
    claims_after: tuple[str, ...]
    events: list[Claim] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The status, with ``strained``/``resumed`` from the events."""
        effects = [VOCAB.claim_types[e.type].modifies
                   for e in sorted(self.events, key=lambda e: e.time.bounds())]
        said = list(dict.fromkeys(_NOTES[k] for k in effects if k is not None))
        return self.status + (f" ({', then '.join(said)})" if said else "")


@dataclass
class Changes:
    before: View
    after: View
    changes: list[Change]
    names: dict[str, str] = field(default_factory=dict)  # actors only events name

    def _ref(self, actor: str) -> dict[str, str] | ActorRef:
        for view in (self.after, self.before):
            if actor in view.actors:
                return view.ref_of(actor)
        return actor_ref(actor, self.names.get(actor))

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "from": self._ref(c.source),
                "to": self._ref(c.target),
                "layer": c.layer,
                "status": c.status,
                "label": c.label,
                "weight_before": round(c.before, 4),
                "weight_after": round(c.after, 4),
                "claims_before": list(c.claims_before),
                "claims_after": list(c.claims_after),
                "events": [
                    {"type": e.type, "time": e.time.label(), "stance": e.stance, "claim": e.id,
                     "subject": e.subject, "object": e.object}
                    for e in sorted(c.events, key=lambda e: e.time.bounds())
                ],
            }
            for c in self.changes
        ]

    def document(self) -> dict[str, Any]:
        return {
            "analysis": "changes",
            "before": self.before.slice.record(),
            "after": self.after.slice.record(),
            "weighting": WEIGHTING,
            "threshold": THRESHOLD,
            "changes": self.rows(),
        }


def _status(before: float, after: float) -> str:
    if before <= 0:
        return "appeared"
    if after <= 0:
        return "ended"
    if after > before * (1 + THRESHOLD):
        return "strengthened"
    if after < before * (1 - THRESHOLD):
        return "weakened"
    return "unchanged"


def _ties(view: View) -> dict[tuple[str, str, str], dict[str, Any]]:
    out = {}
    for u, v, key, data in view.graph.edges(keys=True, data=True):
        if key not in LAYERS or data["derived"] or data["weight"] <= 0:
            continue
        if view.root(u) != u or view.root(v) != v:
            continue
        out[(u, v, key)] = data
    return out


def compare(before: View, after: View, events: Sequence[Claim] = ()) -> Changes:
    """Ties of ``before`` and ``after`` side by side; ``events`` are attached to their pair."""
    old, new = _ties(before), _ties(after)
    roots = {**before.actors, **after.actors}

    def root(a: str) -> str:
        return after.root(a) if a in after.actors else before.root(a) if a in roots else a

    by_pair: dict[frozenset[str], list[Claim]] = {}
    for e in events:
        by_pair.setdefault(frozenset((root(e.subject), root(e.object))), []).append(e)
    found: list[Change] = []
    for key in sorted(set(old) | set(new)):
        u, v, layer = key
        a = float(old[key]["weight"]) if key in old else 0.0
        b = float(new[key]["weight"]) if key in new else 0.0
        pair = frozenset((u, v))
        attached = by_pair.pop(pair, []) if layer == "support" else []
        status = _status(a, b)
        if status == "unchanged" and not attached:
            continue
        found.append(Change(
            u, v, layer, status, a, b,
            tuple(old[key]["claims"]) if key in old else (),
            tuple(new[key]["claims"]) if key in new else (),
            attached,
        ))
    for _, rest in sorted(by_pair.items(), key=lambda kv: sorted(kv[0])):
        first = rest[0]
        found.append(Change(root(first.subject), root(first.object), "support", "unchanged",
                            0.0, 0.0, (), (), rest))
    order = {"ended": 0, "appeared": 1, "weakened": 2, "strengthened": 3, "unchanged": 4}
    found.sort(key=lambda c: (not c.events, order[c.status], -abs(c.after - c.before)))
    return Changes(before, after, found)


def check_dates(first: str, second: str, fields: tuple[str, str] = ("Y1", "Y2")) -> None:
    """Refuse dates :func:`changes` cannot compare: malformed, or ``second`` not after
    ``first`` (an :class:`InputError` naming the field, as ``fields`` call them)."""
    for value, name in ((first, fields[0]), (second, fields[1])):
        try:
            date_bounds(value)
        except ValueError as exc:
            raise InputError(str(exc), field=name) from exc
    if date_bounds(second)[1] <= date_bounds(first)[0]:
        raise InputError(f"{fields[1]} ({second}) must come after {fields[0]} ({first})",
                         field=fields[1])  # fmt: skip


def changes(store: Store, first: str, second: str, *, unreviewed: Unreviewed = "include"
            ) -> Changes:
    """What changed between the dates ``first`` and ``second`` (YYYY[-MM[-DD]]);
    ``unreviewed`` as in :class:`~patron.store.ClaimFilter`."""
    before, after = Slice.of(as_of=first), Slice.of(as_of=second)
    assert before.lo is not None and after.hi is not None
    lo, hi = (before.lo, after.hi) if before.lo <= after.hi else (after.lo, before.hi)
    events = [
        e for e in store.claims(ClaimFilter(types=VOCAB.modifiers, lo=lo, hi=hi,
                                            unreviewed=unreviewed))
        if lo is not None and e.time.bounds()[0] >= lo and e.review != "rejected"
        and e.stance != "denied"
    ]
    only = ClaimFilter(unreviewed=unreviewed)
    found = compare(open_view(store, before, only), open_view(store, after, only), events)
    found.names = store.display_names({a for e in events for a in (e.subject, e.object)})
    return found


def series(store: Store, ties: Sequence[tuple[str, str, str]], years: range,
           organs: dict[str, list[str]] | None = None) -> dict[str, list[tuple[int, float]]]:
    """Weight of each ``(source, target, layer)`` tie as of each year (for plots).

    ``organs`` names, per actor, the organs whose claims count for it.
    """
    wanted = {a for u, v, _ in ties for a in (u, v)}
    for actor in list(wanted):
        wanted.update((organs or {}).get(actor, []))
    out: dict[str, list[tuple[int, float]]] = {}
    for year in years:
        view = open_view(store, Slice.of(as_of=str(year)), ClaimFilter(actors=tuple(wanted)))
        for u, v, layer in ties:
            tie = view.tie(u, v, layer)
            label = f"{view.name(u)} → {view.name(v)} ({layer})"
            out.setdefault(label, []).append((year, float(tie["weight"]) if tie else 0.0))
    return out
