"""What a claim listing may be restricted to; shared by the CLI, API and analyses."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ClaimFilter"]


@dataclass(frozen=True)
class ClaimFilter:
    """Every field narrows the listing; ``None`` or empty means no restriction.

    ``lo``/``hi`` are ordinal days (``yyyymmdd``): a claim passes when its span
    overlaps ``[lo, hi]``. ``actors`` matches either side of the claim.
    """

    subjects: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    origins: tuple[str, ...] = ()
    min_grade: str | None = None
    lo: int | None = None
    hi: int | None = None
    limit: int | None = None
