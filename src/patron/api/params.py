"""Query parameters shared by endpoints: the CLI's claim filters, under the same names.

``?actor=Hamas&type=funding&type=arms&since=2017&min_grade=B2`` is ``patron claims
--actor Hamas --type funding --type arms --since 2017 --min-grade B2``: the values go
through the same check (:meth:`patron.store.ClaimFilter.checked`) and the same name
resolution, so a bad one is a 400 naming the parameter, and an unknown actor a 404
listing the closest names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Query

from patron import settings
from patron.api.service import Service, service
from patron.errors import InputError
from patron.graph.view import Slice
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.store.filters import Unreviewed

__all__ = [
    "Filters",
    "SupportFilter",
    "UnreviewedParam",
    "Window",
    "WindowFilter",
    "unreviewed_mode",
]

Names = Annotated[list[str], Query(description="Actor name, alias or id (repeat)")]
Many = Annotated[list[str], Query()]
One = Annotated[str | None, Query()]
UnreviewedParam = Annotated[
    Literal["include", "exclude"] | None,
    Query(description="Machine-extracted claims no one has reviewed "
                      "[default: the PATRON_UNREVIEWED setting]"),
]  # fmt: skip


def unreviewed_mode(value: str | None) -> Unreviewed:
    """``unreviewed``, else the ``PATRON_UNREVIEWED`` setting."""
    chosen = value if value is not None else settings.get().unreviewed
    if chosen == "include":
        return "include"
    if chosen == "exclude":
        return "exclude"
    raise InputError(f"unknown value {chosen!r}; one of include, exclude",
                     field="PATRON_UNREVIEWED")  # fmt: skip


def _ids(kb: KnowledgeBase, names: list[str]) -> tuple[str, ...]:
    return tuple(kb.resolve(n).id for n in names)


def _filters(
    svc: Annotated[Service, Depends(service)],
    actor: Names = [],  # noqa: B006 (FastAPI copies defaults)
    subject: Names = [],  # noqa: B006
    object: Names = [],  # noqa: B006
    type: Annotated[list[str], Query(description="Claim type (repeat)")] = [],  # noqa: B006
    since: Annotated[str | None, Query(description="Holding on/after YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(description="Holding on/before YYYY[-MM[-DD]]")] = None,
    stance: Many = [],  # noqa: B006
    min_grade: Annotated[str | None, Query(description="At least this grade (B, B2)")] = None,
    origin: Annotated[list[str], Query(description="Origin or its prefix (repeat)")] = [],  # noqa: B006
) -> ClaimFilter:
    """``patron claims``' filters (and ``patron export``'s)."""
    flt = ClaimFilter.checked(types=type, since=since, until=until, min_grade=min_grade,
                              stances=stance, origins=origin)  # fmt: skip
    kb = svc.kb
    return ClaimFilter(**{**flt.__dict__, "actors": _ids(kb, actor),
                          "subjects": _ids(kb, subject), "objects": _ids(kb, object)})


async def _support(
    type: Annotated[list[str], Query(description="Support type (repeat)")] = [],  # noqa: B006
    since: One = None,
    until: One = None,
    min_grade: One = None,
    stance: Many = [],  # noqa: B006
    origin: Many = [],  # noqa: B006
    unreviewed: UnreviewedParam = None,
) -> ClaimFilter:
    """``patron who-backs``' filters: support types only."""
    flt = ClaimFilter.checked(types=type, since=since, until=until, min_grade=min_grade,
                              stances=stance, origins=origin, family="support")  # fmt: skip
    return ClaimFilter(**{**flt.__dict__, "unreviewed": unreviewed_mode(unreviewed)})


@dataclass(frozen=True)
class Window:
    """The slice an analysis reads, and what it does with unreviewed claims."""

    slice: Slice
    unreviewed: Unreviewed


async def _window(
    as_of: Annotated[str | None, Query(description="Only claims holding during YYYY[-MM[-DD]]")
                     ] = None,
    since: One = None,
    until: One = None,
    unreviewed: UnreviewedParam = None,
) -> Window:
    """An analysis's time slice (``--as-of`` or ``--since``/``--until``)."""
    return Window(Slice.of(as_of=as_of, since=since, until=until), unreviewed_mode(unreviewed))


Filters = Annotated[ClaimFilter, Depends(_filters)]
SupportFilter = Annotated[ClaimFilter, Depends(_support)]
WindowFilter = Annotated[Window, Depends(_window)]
