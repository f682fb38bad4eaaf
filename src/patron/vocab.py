"""The ontology: loads and validates ``vocab.yaml``; the one place code asks about types.

>>> VOCAB.claim_types["funding"].family
'support'
>>> "arms" in VOCAB.types_in("support")
True
>>> grade_at_least("B2", "C3"), grade_at_least("D1", "C")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

__all__ = [
    "FAMILIES",
    "VOCAB",
    "ClaimType",
    "Vocab",
    "grade_at_least",
    "load",
    "parse_grade",
]

FAMILIES = ("support", "hostility", "alignment", "speech")
_GRADE = re.compile(r"^([A-F])([1-6])?$")


@dataclass(frozen=True)
class ClaimType:
    name: str
    family: str
    label: str
    doc: str
    symmetric: bool = False
    weight: float = 0.0
    modifies_support: bool = False
    ucdp_esd: tuple[str, ...] = ()
    cameo: tuple[str, ...] = ()
    plover: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class Vocab:
    claim_types: dict[str, ClaimType]
    stances: dict[str, int]  # name -> rank (asserted highest)
    actor_kinds: dict[str, str]  # name -> label
    reviews: tuple[str, ...]
    party_kinds: tuple[str, ...] = ()  # kinds that can be a claim's subject or object
    reliability: dict[str, str] = field(default_factory=dict)
    credibility: dict[str, str] = field(default_factory=dict)

    def types_in(self, family: str) -> tuple[str, ...]:
        """Names of the claim types in ``family``, in vocabulary order."""
        return tuple(n for n, t in self.claim_types.items() if t.family == family)

    @property
    def modifiers(self) -> tuple[str, ...]:
        """Types that change a support tie's weight instead of adding to it."""
        return tuple(n for n, t in self.claim_types.items() if t.modifies_support)

    def type_for_ucdp(self, code: str) -> str | None:
        """The claim type a UCDP ESD support code maps to (``"w"`` → ``"arms"``)."""
        code = code.lower()
        for name, t in self.claim_types.items():
            if code in (c.lower() for c in t.ucdp_esd):
                return name
        return None


def _weight(name: str, spec: dict[str, Any]) -> float:
    if "weight" not in spec:
        raise ValueError(f"vocab.yaml: claim type {name}: weight is missing")
    weight = float(spec["weight"])
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"vocab.yaml: claim type {name}: weight {weight} is not in 0..1")
    return weight


def _build(raw: dict[str, Any]) -> Vocab:
    types: dict[str, ClaimType] = {}
    for name, spec in raw["claim_types"].items():
        if spec["family"] not in FAMILIES:
            raise ValueError(f"vocab.yaml: claim type {name}: unknown family {spec['family']!r}")
        types[name] = ClaimType(
            name=name,
            family=spec["family"],
            label=spec["label"],
            doc=spec.get("doc", ""),
            symmetric=bool(spec.get("symmetric", False)),
            weight=_weight(name, spec),
            modifies_support=bool(spec.get("modifies_support", False)),
            ucdp_esd=tuple(str(c) for c in spec.get("ucdp_esd", [])),
            cameo=tuple(str(c) for c in spec.get("cameo", [])),
            plover=tuple((p["event"], p.get("mode")) for p in spec.get("plover", [])),
        )
    grades = raw["grades"]
    return Vocab(
        claim_types=types,
        stances={name: int(s["rank"]) for name, s in raw["stances"].items()},
        actor_kinds={name: k["label"] for name, k in raw["actor_kinds"].items()},
        party_kinds=tuple(n for n, k in raw["actor_kinds"].items() if k.get("party", True)),
        reviews=tuple(raw["reviews"]),
        reliability={str(k): v for k, v in grades["reliability"].items()},
        credibility={str(k): v for k, v in grades["credibility"].items()},
    )


@cache
def load() -> Vocab:
    """Parse the shipped ``vocab.yaml`` once."""
    text = files("patron").joinpath("vocab.yaml").read_text(encoding="utf-8")
    return _build(yaml.safe_load(text))


VOCAB = load()


def parse_grade(grade: str) -> tuple[str, int | None]:
    """Split an Admiralty grade: ``"B2"`` → ``("B", 2)``, ``"C"`` → ``("C", None)``."""
    m = _GRADE.match(grade.strip().upper())
    if not m:
        raise ValueError(f"not an Admiralty grade (A-F then 1-6): {grade!r}")
    return m.group(1), int(m.group(2)) if m.group(2) else None


def grade_at_least(grade: str, minimum: str) -> bool:
    """True when ``grade`` is as good as ``minimum`` on both axes (A and 1 are best).

    A minimum without a digit constrains source reliability only.
    """
    rel, cred = parse_grade(grade)
    min_rel, min_cred = parse_grade(minimum)
    if rel > min_rel:
        return False
    return min_cred is None or (cred is not None and cred <= min_cred)
