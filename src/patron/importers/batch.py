"""What every dataset importer shares: the actor book, the batch and its report.

An importer reads its whole file into an :class:`ImportBatch` (new actors, the
dataset's documents, claims) before anything is written; :func:`store_batch`
then writes it. A malformed file therefore stores nothing, and because claims
are content-addressed, importing the same file twice adds nothing the second time.

Invariant of :class:`ActorBook`: a name resolves first to an actor created
earlier in this import, then through the gazetteer (places excluded: places are
never patrons or clients); only a name that resolves to nothing makes a new actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from patron.actors.names import normalize
from patron.actors.resolver import Resolver
from patron.model import Actor, Claim, Document

if TYPE_CHECKING:  # importers are called with a knowledge base; they never open one
    from patron.kb import KnowledgeBase

__all__ = [
    "ActorBook",
    "ImportBatch",
    "ImportReport",
    "Progress",
    "slug",
    "store_batch",
    "tracked",
]

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called as an importer advances (rows, files or bytes)."""

T = TypeVar("T")


def tracked(items: Sequence[T], progress: Progress | None, every: int = 500) -> Iterator[T]:
    """Yield ``items``, reporting ``progress(done, total)`` every ``every`` items and at the end."""
    total = len(items)
    for done, item in enumerate(items, start=1):
        yield item
        if progress and (done % every == 0 or done == total):
            progress(done, total)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """An actor-id-safe form of ``text``: ``"CPN-M (Maoist)"`` → ``"cpn-m-maoist"``."""
    return _NOT_SLUG.sub("-", normalize(text)).strip("-") or "x"


@dataclass
class ImportReport:
    """The summary every importer prints at the end."""

    source: str
    rows_read: int = 0
    claims_made: int = 0
    claims_new: int = 0
    actors_created: int = 0
    documents_new: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    names: dict[str, bool] = field(default_factory=dict)  # dataset name → known to the gazetteer

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] += n

    def lines(self) -> list[str]:
        head = (
            f"{self.source}: read {self.rows_read:,} rows, made {self.claims_made:,} claims "
            f"({self.claims_new:,} new), created {self.actors_created:,} actors"
        )
        skipped = sum(self.skipped.values())
        out = [head + (f", skipped {skipped:,} rows:" if skipped else ", skipped none")]
        out += [f"  {n:,} {reason}" for reason, n in sorted(self.skipped.items())]
        if self.names:
            known = sum(self.names.values())
            out.append(
                f"  actor names: {len(self.names):,}, {known:,} resolved to the gazetteer, "
                f"{len(self.names) - known:,} to actors the dataset adds"
            )
        return out


@dataclass
class ImportBatch:
    """Everything one import would store, checked and ready."""

    report: ImportReport
    actors: list[Actor] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)

    def add_claim(self, claim: Claim) -> None:
        self.claims.append(claim)


class ActorBook:
    """Resolves dataset names to actor ids and mints actors for unknown names."""

    def __init__(
        self, resolver: Resolver, kinds: dict[str, str], iso3: dict[str, str] | None = None
    ) -> None:
        self._resolver = resolver
        self._kinds = kinds
        self.iso3 = iso3 or {}  # ISO 3166 alpha-3 → state id (GDELT, ACLED country codes)
        self._local: dict[str, str] = {}
        self.new: dict[str, Actor] = {}

    @classmethod
    def of(cls, kb: KnowledgeBase) -> ActorBook:
        return cls.over(kb.store.actors(), kb.resolver)

    @classmethod
    def over(cls, every: Sequence[Actor], resolver: Resolver) -> ActorBook:
        """A book over ``every`` actor (not yet stored), resolving names with ``resolver``."""
        iso3 = {a.iso3: a.id for a in every if a.iso3 and a.kind == "state"}
        return cls(resolver, {a.id: a.kind for a in every}, iso3)

    def gazetteer_knows(self, actor_id: str) -> bool:
        """Whether ``actor_id`` was known before this book minted anything."""
        return actor_id in self._kinds

    def known(self, actor_id: str) -> bool:
        return actor_id in self._kinds or actor_id in self.new

    def kind(self, actor_id: str) -> str | None:
        if actor_id in self.new:
            return self.new[actor_id].kind
        return self._kinds.get(actor_id)

    def find(self, *names: str) -> str | None:
        """The one actor (not a place) the first resolvable name means, else None."""
        for name in names:
            if not name.strip():
                continue
            local = self._local.get(normalize(name))
            if local:
                return local
            ids = [i for i in self._resolver.lookup(name) if self._kinds.get(i) != "place"]
            if len(ids) == 1:
                return ids[0]
        return None

    def add(self, actor: Actor) -> str:
        """Register a new actor (its names resolve to it for the rest of the import)."""
        if actor.id in self._kinds:
            return actor.id
        if actor.id not in self.new:
            self.new[actor.id] = actor
            for _, name in actor.names():
                self._local.setdefault(normalize(name), actor.id)
        return actor.id

    def get(
        self,
        name: str,
        *,
        new_id: str,
        kind: str,
        aliases: Iterable[str] = (),
        source: str | None = None,
        also: Iterable[str] = (),
    ) -> str:
        """The actor ``name`` (or one of ``also``) means, creating ``new_id`` if none."""
        found = self.find(name, *also)
        if found:
            return found
        if self.known(new_id):
            return new_id
        extra = tuple(dict.fromkeys(a for a in aliases if a and a != name))
        return self.add(Actor(id=new_id, name=name, kind=kind, aliases=extra, source=source))


def store_batch(kb: KnowledgeBase, batch: ImportBatch) -> ImportReport:
    """Write a checked batch in one transaction: its new actors (a known actor is never
    overwritten), documents and claims; fills in the report's counts."""
    report = batch.report
    known = kb.store.actors([a.id for a in batch.actors]) if batch.actors else []
    report.documents_new, report.claims_new = kb.store.add(
        batch.documents.values(), batch.claims, new_actors=batch.actors, actor_origin="import"
    )
    report.actors_created = len({a.id for a in batch.actors}) - len(known)
    if batch.actors:
        kb.refresh_names()
    report.claims_made = len({c.id for c in batch.claims})
    return report
