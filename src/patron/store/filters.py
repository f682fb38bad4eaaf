"""What a claim listing may be restricted to; shared by the CLI, API and analyses.

:meth:`ClaimFilter.checked` builds one from what a person typed, refusing unknown
types, stances and grades and impossible time windows with an
:class:`~patron.errors.InputError` naming the option at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from patron.errors import InputError
from patron.timespan import date_bounds
from patron.vocab import VOCAB, parse_grade

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

    @classmethod
    def checked(
        cls,
        *,
        types: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        min_grade: str | None = None,
        stances: list[str] | None = None,
        origins: list[str] | None = None,
        family: str | None = None,
        actors: tuple[str, ...] = (),
        subjects: tuple[str, ...] = (),
        objects: tuple[str, ...] = (),
    ) -> ClaimFilter:
        """The filter for options a person typed, each checked first.

        ``since``/``until`` are ``YYYY[-MM[-DD]]`` (the window runs from the first day
        of ``since`` to the last of ``until``); ``family`` restricts ``types`` to one
        family (``who-backs`` takes support types only). An error names the option
        (``--type``, ``--stance``, ``--since``, ``--until``, ``--min-grade``).

        >>> ClaimFilter.checked(since="2017", until="2018-02").hi
        20180228
        >>> ClaimFilter.checked(types=["attack"], family="support")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        patron.errors.InputError: --type: 'attack' is not a support type; one of ...
        """
        for t in types or []:
            if t not in VOCAB.claim_types:
                raise InputError(
                    f"unknown claim type {t!r}; one of {', '.join(VOCAB.claim_types)}",
                    field="--type",
                )
            if family and VOCAB.claim_types[t].family != family:
                raise InputError(
                    f"{t!r} is not a {family} type; one of {', '.join(VOCAB.types_in(family))}",
                    field="--type",
                )
        for s in stances or []:
            if s not in VOCAB.stances:
                raise InputError(
                    f"unknown stance {s!r}; one of {', '.join(VOCAB.stances)}", field="--stance"
                )
        try:
            lo = date_bounds(since)[0] if since else None
        except ValueError as exc:
            raise InputError(str(exc), field="--since") from exc
        try:
            hi = date_bounds(until)[1] if until else None
        except ValueError as exc:
            raise InputError(str(exc), field="--until") from exc
        if lo is not None and hi is not None and hi < lo:
            raise InputError(f"--until {until} is before --since {since}", field="--until")
        if min_grade:
            try:
                parse_grade(min_grade)
            except ValueError as exc:
                raise InputError(str(exc), field="--min-grade") from exc
        return cls(
            types=tuple(types or ()),
            stances=tuple(stances or ()),
            origins=tuple(origins or ()),
            min_grade=min_grade,
            lo=lo,
            hi=hi,
            actors=actors,
            subjects=subjects,
            objects=objects,
        )
