"""What a claim listing may be restricted to; shared by the CLI, API and analyses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ClaimFilter", "Unreviewed"]

#: What to do with machine-extracted claims nobody has reviewed yet.
Unreviewed = Literal["include", "exclude", "only"]


@dataclass(frozen=True)
class ClaimFilter:
    """Every field narrows the listing; ``None`` or empty means no restriction.

    ``lo``/``hi`` are ordinal days (``yyyymmdd``): a claim passes when its span
    overlaps ``[lo, hi]``. A claim with no date at all (neither start nor end) is
    left out of any such window, since nothing says it held then;
    ``undated_only`` lists just those claims (the window ignored), so a caller can
    say how many a window left out. ``actors`` matches either side of the claim.
    ``unreviewed`` keeps (``include``), drops (``exclude``) or keeps only
    (``only``) claims an extraction stage made that no one has reviewed.
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
    undated_only: bool = False
    unreviewed: Unreviewed = "include"

    @property
    def windowed(self) -> bool:
        return self.lo is not None or self.hi is not None
