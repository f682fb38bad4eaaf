"""The ontology: loads and validates ``vocab.yaml``; the one place code asks about types.

>>> VOCAB.claim_types["funding"].family
'support'
>>> "arms" in VOCAB.types_in("support")
True
>>> VOCAB.claim_types["safe_haven"].takes("state", "armed_group")
True
>>> VOCAB.claim_types["safe_haven"].takes("person", "armed_group")
False
>>> VOCAB.modifying(RESTORES)
('resumption',)
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
    "EFFECTS",
    "FAMILIES",
    "RESTORES",
    "STRAINS",
    "VOCAB",
    "ClaimType",
    "Vocab",
    "grade_at_least",
    "load",
    "parse_grade",
]

FAMILIES = ("support", "hostility", "alignment", "speech")
#: How a modifier type changes a support tie: a rupture strains it, a resumption
#: restores it (``modifies_support`` in vocab.yaml).
STRAINS = "strains"
RESTORES = "restores"
EFFECTS = (STRAINS, RESTORES)
#: The facts every claim type must state; none has a default.
_REQUIRED = ("family", "label", "weight", "modifies_support", "subjects", "objects", "phrase")
_GRADE = re.compile(r"^([A-F])([1-6])?$")


@dataclass(frozen=True)
class ClaimType:
    name: str
    family: str
    label: str
    doc: str
    symmetric: bool = False
    weight: float = 0.0
    modifies: str | None = None  # one of EFFECTS for a type that modifies support
    subjects: frozenset[str] = frozenset()  # actor kinds the type takes as subject
    objects: frozenset[str] = frozenset()  # ...and as object
    phrase: str = ""  # verb phrase for briefs, "{o}" the object: "funded {o}"
    ucdp_esd: tuple[str, ...] = ()
    cameo: tuple[str, ...] = ()
    plover: tuple[tuple[str, str | None], ...] = ()

    @property
    def modifies_support(self) -> bool:
        """Whether the type changes a support tie's weight instead of adding to it."""
        return self.modifies is not None

    def takes(self, subject_kind: str, object_kind: str) -> bool:
        """Whether a claim of this type can run from an actor of ``subject_kind`` to one
        of ``object_kind``."""
        return subject_kind in self.subjects and object_kind in self.objects


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

    def modifying(self, effect: str) -> tuple[str, ...]:
        """Types that change a support tie in one way: :data:`STRAINS` or :data:`RESTORES`."""
        return tuple(n for n, t in self.claim_types.items() if t.modifies == effect)

    def type_for_ucdp(self, code: str) -> str | None:
        """The claim type a UCDP ESD support code maps to (``"w"`` → ``"arms"``)."""
        code = code.lower()
        for name, t in self.claim_types.items():
            if code in (c.lower() for c in t.ucdp_esd):
                return name
        return None


def _weight(name: str, spec: dict[str, Any]) -> float:
    weight = float(spec["weight"])
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"vocab.yaml: claim type {name}: weight {weight} is not in 0..1")
    return weight


def _modifies(name: str, spec: dict[str, Any]) -> str | None:
    value = spec["modifies_support"]
    if value is False:
        return None
    if value not in EFFECTS:
        raise ValueError(f"vocab.yaml: claim type {name}: modifies_support {value!r} is not "
                         f"false or one of {', '.join(EFFECTS)}")
    return str(value)


def _kinds(name: str, key: str, spec: dict[str, Any], parties: tuple[str, ...]) -> frozenset[str]:
    """``any`` (every party kind) or a list of party kinds."""
    value = spec[key]
    kinds = parties if value == "any" else value
    if not isinstance(kinds, list | tuple) or not kinds:
        raise ValueError(f"vocab.yaml: claim type {name}: {key} is not `any` or a list of kinds")
    unknown = [k for k in kinds if k not in parties]
    if unknown:
        raise ValueError(f"vocab.yaml: claim type {name}: {key}: {', '.join(map(str, unknown))} "
                         f"is not a kind that can be a party to a claim")
    return frozenset(kinds)


def _phrase(name: str, spec: dict[str, Any]) -> str:
    phrase = str(spec["phrase"])
    try:
        filled = phrase.format(o="<object>")
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(f"vocab.yaml: claim type {name}: phrase {phrase!r} names more "
                         "than the object {o}") from exc
    if "<object>" not in filled:
        raise ValueError(f"vocab.yaml: claim type {name}: phrase {phrase!r} has no {{o}}")
    return phrase


def _claim_type(name: str, spec: dict[str, Any], parties: tuple[str, ...]) -> ClaimType:
    for key in _REQUIRED:
        if key not in spec:
            raise ValueError(f"vocab.yaml: claim type {name}: {key} is missing")
    if spec["family"] not in FAMILIES:
        raise ValueError(f"vocab.yaml: claim type {name}: unknown family {spec['family']!r}")
    t = ClaimType(
        name=name,
        family=spec["family"],
        label=spec["label"],
        doc=spec.get("doc", ""),
        symmetric=bool(spec.get("symmetric", False)),
        weight=_weight(name, spec),
        modifies=_modifies(name, spec),
        subjects=_kinds(name, "subjects", spec, parties),
        objects=_kinds(name, "objects", spec, parties),
        phrase=_phrase(name, spec),
        ucdp_esd=tuple(str(c) for c in spec.get("ucdp_esd", [])),
        cameo=tuple(str(c) for c in spec.get("cameo", [])),
        plover=tuple((p["event"], p.get("mode")) for p in spec.get("plover", [])),
    )
    if t.symmetric and t.subjects != t.objects:
        raise ValueError(f"vocab.yaml: claim type {name}: symmetric, so subjects and objects "
                         "must be the same kinds")
    return t


def _build(raw: dict[str, Any]) -> Vocab:
    parties = tuple(n for n, k in raw["actor_kinds"].items() if k.get("party", True))
    types = {name: _claim_type(name, spec, parties) for name, spec in raw["claim_types"].items()}
    grades = raw["grades"]
    return Vocab(
        claim_types=types,
        stances={name: int(s["rank"]) for name, s in raw["stances"].items()},
        actor_kinds={name: k["label"] for name, k in raw["actor_kinds"].items()},
        party_kinds=parties,
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
