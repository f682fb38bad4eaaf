"""How much a tie weighs: the one function that turns claims into an edge weight.

Every edge of the graph view (:mod:`patron.graph.view`) gets its weight from
:func:`edge_weight`; analyses never weigh claims themselves. The factors are
module constants so that a reader can see, and a reviewer can argue with, every
number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from patron.model import Claim
from patron.timespan import OPEN_END
from patron.vocab import RESTORES, STRAINS, VOCAB

__all__ = [
    "CREDIBILITY",
    "HALF_LIFE_YEARS",
    "MODIFIERS",
    "RELIABILITY",
    "STRAIN",
    "TYPE_FACTOR",
    "age_years",
    "claim_weight",
    "edge_weight",
    "grade_factor",
    "recency",
    "reference_day",
    "score",
    "source_key",
    "stance_factor",
]

#: How much one claim of each type says about the strength of a tie (0..1):
#: ``weight`` in vocab.yaml, the one place it is set.
TYPE_FACTOR: dict[str, float] = {n: t.weight for n, t in VOCAB.claim_types.items()}
#: Admiralty source reliability A-F; F ("cannot be judged") sits mid-scale.
RELIABILITY = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
#: Admiralty information credibility 1-6; 6 ("cannot be judged") sits mid-scale.
CREDIBILITY = {"1": 1.0, "2": 0.85, "3": 0.7, "4": 0.4, "5": 0.2, "6": 0.5}
#: Years after which a claim that no longer holds counts half.
HALF_LIFE_YEARS = 5.0
#: The largest share of a support tie a standing rupture takes away.
STRAIN = 0.5
#: Claim types that change the weight of a support tie instead of adding to it.
MODIFIERS = VOCAB.modifiers
#: Modifier types that strain a support tie (rupture) and that restore it (resumption).
STRAINING = frozenset(VOCAB.modifying(STRAINS))
RESTORING = frozenset(VOCAB.modifying(RESTORES))

_TOP_RANK = max(VOCAB.stances.values())
_GRADE = {f"{r}{c}": RELIABILITY[r] * CREDIBILITY[c] for r in RELIABILITY for c in CREDIBILITY}


def stance_factor(stance: str) -> float:
    """The stance's vocabulary rank over the top rank: asserted 1, alleged 0.5, denied 0.

    >>> stance_factor("asserted"), stance_factor("alleged"), stance_factor("denied")
    (1.0, 0.5, 0.0)
    """
    return VOCAB.stances[stance] / _TOP_RANK


def grade_factor(grade: str) -> float:
    """Reliability × credibility factor of an Admiralty grade.

    >>> grade_factor("A1"), grade_factor("B2"), round(grade_factor("F6"), 2)
    (1.0, 0.68, 0.25)
    """
    return _GRADE[grade]


def age_years(lo: int, hi: int, ref: int) -> float:
    """Years from the end of a claim's span (``yyyymmdd`` bounds) to the day ``ref``.

    A claim still holding at ``ref`` (or open-ended) has age 0.

    >>> age_years(20100101, 20101231, 20201231), age_years(20170101, 99991231, 20201231)
    (10.0, 0.0)
    """
    if hi >= ref or hi == OPEN_END:
        return 0.0
    return max(0.0, _years(ref) - _years(hi))


def _years(day: int) -> float:
    year, rest = divmod(day, 10000)
    month, dom = divmod(rest, 100)
    return year + (max(month, 1) - 1) / 12 + (max(dom, 1) - 1) / 365


def recency(age: float) -> float:
    """Exponential decay with :data:`HALF_LIFE_YEARS`: ``0.5 ** (age / half-life)``.

    >>> recency(0.0), recency(5.0), recency(10.0)
    (1.0, 0.5, 0.25)
    """
    return float(0.5 ** (age / HALF_LIFE_YEARS))


def claim_weight(type_: str, stance: str, grade: str, age: float = 0.0) -> float:
    """One claim's weight: type × stance × grade × recency, each factor in 0..1.

    >>> claim_weight("funding", "asserted", "A1")
    1.0
    >>> claim_weight("funding", "alleged", "A1"), claim_weight("arms", "denied", "A1")
    (0.5, 0.0)
    >>> round(claim_weight("training", "reported", "B2", age=5.0), 3)
    0.23
    """
    return TYPE_FACTOR.get(type_, 0.0) * stance_factor(stance) * grade_factor(grade) * recency(age)


def source_key(attributed_by: str | None, document: str) -> str:
    """Sources count as independent when their attribution differs, else their document.

    Two State Department reports are one voice; two newspapers quoting it are one
    voice too when the claim names it as attribution.
    """
    return f"by:{attributed_by.casefold()}" if attributed_by else f"doc:{document}"


def edge_weight(scored: Iterable[tuple[str, str, float]]) -> float:
    """The weight of one tie from its claims, given as ``(type, source, weight)``.

    ``weight`` is :func:`claim_weight` of the claim (type × stance × grade ×
    recency), ``source`` its :func:`source_key`. For each claim type t on the tie,
    take the best claim weight ``b_t`` and the number ``k_t`` of independent
    sources whose claims of that type weigh more than zero; then

        W = (Σ_t b_t · (1 + ln k_t)) · (1 − STRAIN · ρ)

    so a tie is stronger for more kinds of support (breadth), for each extra
    independent source (log-scaled: the tenth source adds less than the second),
    for better-graded, less hedged and more recent claims. Denied claims weigh 0
    and add no source. ``ρ`` is the weight of the strongest claim on the pair of a
    type that strains support (``rupture``), or 0 when a claim of a type that
    restores it (``resumption``) weighs at least as much: ``modifies_support`` in
    vocab.yaml (the view passes only modifiers that hold in its time slice,
    resumptions only when they start after the rupture). Modifier types add
    nothing to the sum.

    >>> edge_weight([("funding", "doc:a", 1.0)])
    1.0
    >>> round(edge_weight([("funding", "doc:a", 1.0), ("funding", "doc:b", 0.5)]), 3)
    1.693
    >>> edge_weight([("funding", "doc:a", 1.0), ("arms", "doc:a", 1.0)])
    2.0
    >>> edge_weight([("funding", "doc:a", 1.0), ("rupture", "doc:b", 0.8)])
    0.6
    >>> edge_weight([("funding", "doc:a", 1.0), ("rupture", "doc:b", 0.8),
    ...              ("resumption", "doc:c", 0.8)])
    1.0
    >>> edge_weight([("arms", "doc:a", 0.0)])
    0.0
    """
    best: dict[str, float] = {}
    sources: dict[str, set[str]] = {}
    strained = restored = 0.0
    for type_, source, weight in scored:
        if type_ in STRAINING:
            strained = max(strained, weight)
        elif type_ in RESTORING:
            restored = max(restored, weight)
        elif weight > 0:
            best[type_] = max(best.get(type_, 0.0), weight)
            sources.setdefault(type_, set()).add(source)
    total = sum(b * (1 + math.log(len(sources[t]))) for t, b in best.items())
    strain = 0.0 if restored >= strained else min(strained, 1.0)
    return total * (1 - STRAIN * strain)


def reference_day(claims: Iterable[Claim], hi: int | None = None) -> int:
    """The day recency is measured to: ``hi`` (a time window's end) when given, else
    the latest date any of ``claims`` names (``yyyymmdd``)."""
    if hi is not None:
        return hi
    ref = 0
    for c in claims:
        lo, end = c.time.bounds()
        ref = max(ref, lo, end if end != OPEN_END else 0)
    return ref


def score(claim: Claim, ref: int) -> tuple[str, str, float]:
    """``(type, source, weight)`` of one claim as :func:`edge_weight` takes it,
    its age measured to the day ``ref``."""
    lo, hi = claim.time.bounds()
    return (
        claim.type,
        source_key(claim.attribution.by, claim.evidence.document),
        claim_weight(claim.type, claim.stance, claim.grade, age_years(lo, hi, ref)),
    )
