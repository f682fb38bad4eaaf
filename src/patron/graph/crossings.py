"""Crossings: support that crosses sect or ideology (a Shia state backing a Sunni group).

Sects are compared by family (:data:`SECT_FAMILY`: Zaydi and Alawite count as
Shia branches, so Iran backing the Houthis is not a crossing); ``mixed`` and
unknown sects never cross. ``secular`` against a religious sect is a crossing of
its own kind. Ideologies cross when both sides list some and share none. A
patron's organs count with their state, whose edge carries their claims; a
state with no sect of its own takes its organs' sect.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from patron.graph.result import header
from patron.graph.view import View

__all__ = ["SECT_FAMILY", "Crossing", "Crossings", "crossing_kinds", "crossings"]

#: Sect → family compared for crossings; a sect not listed is its own family.
SECT_FAMILY = {
    "shia": "shia",
    "twelver_shia": "shia",
    "zaydi_shia": "shia",
    "ismaili": "shia",
    "alawite": "shia",
    "sunni": "sunni",
    "salafi": "sunni",
    "ibadi": "ibadi",
    "secular": "secular",
}
_NEVER = {"mixed", "unknown", ""}


def crossing_kinds(
    patron_sect: str | None,
    client_sect: str | None,
    patron_ideology: tuple[str, ...] = (),
    client_ideology: tuple[str, ...] = (),
) -> list[str]:
    """Which lines a tie crosses: ``sect``, ``secular-religious``, ``ideology``.

    >>> crossing_kinds("shia", "sunni"), crossing_kinds("shia", "zaydi_shia")
    (['sect'], [])
    >>> crossing_kinds("shia", "secular", ("khomeinist",), ("marxist_leninist",))
    ['secular-religious', 'ideology']
    """
    kinds = []
    a = SECT_FAMILY.get(patron_sect or "", patron_sect or "")
    b = SECT_FAMILY.get(client_sect or "", client_sect or "")
    if a not in _NEVER and b not in _NEVER and a != b:
        kinds.append("secular-religious" if "secular" in (a, b) else "sect")
    if patron_ideology and client_ideology and not set(patron_ideology) & set(client_ideology):
        kinds.append("ideology")
    return kinds


@dataclass(frozen=True)
class Crossing:
    patron: str
    client: str
    kinds: tuple[str, ...]
    patron_sect: str | None
    client_sect: str | None
    weight: float
    claims: tuple[str, ...]


@dataclass
class Crossings:
    view: View
    crossings: list[Crossing]

    def rows(self) -> list[dict[str, Any]]:
        v = self.view
        return [
            {
                "patron": v.ref_of(c.patron),
                "client": v.ref_of(c.client),
                "crosses": list(c.kinds),
                "patron_sect": c.patron_sect,
                "client_sect": c.client_sect,
                "patron_ideology": list(v.actors[c.patron].ideology) if c.patron in v.actors
                else [],
                "client_ideology": list(v.actors[c.client].ideology) if c.client in v.actors
                else [],
                "weight": round(c.weight, 4),
                "claims": list(c.claims),
            }
            for c in self.crossings
        ]

    def document(self) -> dict[str, Any]:
        return {**header(self.view, "crossings"), "crossings": self.rows()}


def _profile(view: View, actor_id: str) -> tuple[str | None, tuple[str, ...]]:
    actor = view.actors.get(actor_id)
    if actor is None:
        return None, ()
    sect, ideology = actor.sect, actor.ideology
    if not sect or not ideology:
        for organ in view.organs(actor_id):
            o = view.actors[organ]
            sect = sect or o.sect
            ideology = ideology or o.ideology
    return sect, tuple(ideology)


def crossings(view: View, *, kinds: tuple[str, ...] = ()) -> Crossings:
    """Support ties in the view whose two sides differ in sect or ideology, strongest first."""
    found = []
    for u, v, data in view.ties("support"):
        if data["weight"] <= 0 or view.root(u) != u or view.root(v) != v:
            continue
        ps, pi = _profile(view, u)
        cs, ci = _profile(view, v)
        crossed = crossing_kinds(ps, cs, pi, ci)
        if kinds:
            crossed = [k for k in crossed if k in kinds]
        if crossed:
            found.append(Crossing(u, v, tuple(crossed), ps, cs, float(data["weight"]),
                                  tuple(data["claims"])))
    found.sort(key=lambda c: (-c.weight, c.patron, c.client))
    return Crossings(view, found)
