"""The knowledge base as users see it: open, initialise, resolve names, load claims.

Library functions here do the work; ``cli.py`` and the API only parse and print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from patron import settings
from patron.actors import gazetteer
from patron.actors.resolver import Resolver, from_actors
from patron.errors import InputError
from patron.extract.pipeline import Extractor
from patron.model import Actor, Claim, Document
from patron.sources import claimfile
from patron.sources.importing import (
    ActorBook,
    ImportBatch,
    ImportReport,
    Progress,
    store_batch,
)
from patron.sources.readers import Skipped, input_files, read_file
from patron.store import Store

__all__ = ["IngestReport", "KnowledgeBase", "LoadReport", "curated_files", "starter_datasets"]


@dataclass(frozen=True)
class LoadReport:
    actors_new: int = 0
    actors_total: int = 0
    documents_new: int = 0
    claims_read: int = 0
    claims_new: int = 0
    datasets: list[ImportReport] = field(default_factory=list)


@dataclass
class IngestReport:
    """What one ``ingest`` run did; ``skipped`` says which inputs could not be read, and why."""

    documents_read: int = 0
    documents_new: int = 0
    documents_known: int = 0
    claims_new: int = 0
    actors_new: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def curated_files(folder: Path) -> list[Path]:
    """The curated claim files of a data folder: ``claims/*.yaml``, in name order."""
    return sorted((folder / "claims").glob("*.yaml"))


def starter_datasets(
    folder: Path, actors: Sequence[Actor], names: Resolver, progress: Progress | None = None
) -> list[ImportBatch]:
    """The datasets shipped in ``folder/datasets``, read whole through their importers.

    Today the UCDP External Support Dataset: ``datasets/ucdp-esd/*.csv`` in name
    order (v18.1 actor-year before v1.0, so actors UCDP's own ids name are minted
    first). One actor book serves every file, so a name both files use makes one actor.
    """
    from patron.sources import ucdp_esd

    book = ActorBook.over(actors, names)
    return [ucdp_esd.read(p, book, progress)
            for p in sorted((folder / "datasets" / "ucdp-esd").glob("*.csv"))]


class KnowledgeBase:
    """A store plus the name resolver built from it."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._resolver: Resolver | None = None

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = False) -> KnowledgeBase:
        conf = settings.get()
        return cls(Store.open(url or conf.db, create=create, echo=conf.echo_sql))

    def close(self) -> None:
        self.store.close()

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self.store.actor_names())
        return self._resolver

    def refresh_names(self) -> None:
        """Drop the name index after actors were written; it is rebuilt from the store."""
        self._resolver = None

    def citations(self, claims: Sequence[Claim]) -> tuple[dict[str, str], dict[str, Document]]:
        """Display names of every actor and place the claims name, and their documents."""
        ids = {c.subject for c in claims} | {c.object for c in claims}
        ids |= {p for c in claims for p in c.route}
        return self.store.display_names(ids), self.store.documents(
            c.evidence.document for c in claims
        )

    def resolve(self, name: str) -> Actor:
        """The actor a person means by ``name``; UnknownActor/AmbiguousActor otherwise."""
        actor = self.store.actor(self.resolver.resolve(name))
        assert actor is not None, "the name index refers only to stored actors"
        return actor

    def init(
        self,
        data_dir: Path | None = None,
        *,
        datasets: bool = True,
        progress: Progress | None = None,
    ) -> LoadReport:
        """Load the starter gazetteer, curated claims and datasets; safe to run again.

        Everything is read and checked before the first write. ``datasets=False``
        leaves out the starter datasets (``datasets/ucdp-esd/*.csv``, the slow part);
        ``progress(done, total)`` follows their rows.
        """
        folder = data_dir or settings.get().data_dir
        actors = gazetteer.load_dir(folder / "actors")
        if not actors:
            raise InputError("no actors found", file=str(folder / "actors"))
        names = from_actors(actors)
        documents: dict[str, Document] = {}
        claims: list[Claim] = []
        for path in curated_files(folder):
            batch = claimfile.read_yaml(path, names)
            clash = sorted(batch.documents.keys() & documents.keys())
            if clash:
                raise InputError(
                    f"source id {clash[0]!r} is also defined in an earlier file",
                    file=str(path),
                    field="sources",
                )
            documents.update(batch.documents)
            claims.extend(batch.claims)
        imported = starter_datasets(folder, actors, names, progress) if datasets else []
        new_actors = self.store.put_actors(actors)
        self._resolver = None
        docs, new = self.store.add(documents.values(), claims) if claims else (0, 0)
        for dataset in imported:
            store_batch(self, dataset)
        return LoadReport(
            actors_new=new_actors,
            actors_total=len(actors),
            documents_new=docs,
            claims_read=len(claims),
            claims_new=new,
            datasets=[b.report for b in imported],
        )

    def load_claims(
        self, paths: Iterable[Path] = (), stream: TextIO | None = None, stream_name: str = "<stdin>"
    ) -> LoadReport:
        """Load claim files (YAML or JSON lines) whole: one bad line stores nothing."""
        documents: dict[str, Document] = {}
        claims = []
        batches = [claimfile.read_path(p, self.resolver, self._has_document) for p in paths]
        if stream is not None:
            batches.append(
                claimfile.read_jsonl(
                    stream, self.resolver, file=stream_name, has_document=self._has_document
                )
            )
        for batch in batches:
            documents.update(batch.documents)
            claims.extend(batch.claims)
        docs, new = self.store.add(documents.values(), claims)
        return LoadReport(documents_new=docs, claims_read=len(claims), claims_new=new)

    def _has_document(self, doc_id: str) -> bool:
        return self.store.document(doc_id) is not None

    def extractor(self, min_score: float = 0.0) -> Extractor:
        """An extractor over every actor in the knowledge base (candidates included)."""
        return Extractor(self.store.actors(), min_score=min_score)

    def ingest(self, paths: Iterable[Path],
               progress: Callable[[Document | Skipped], None] | None = None,
               min_score: float = 0.0) -> IngestReport:
        """Read, extract and store documents; idempotent by content hash.

        Each file (its documents, their claims and candidate actors) is one
        transaction, so a run killed halfway leaves whole files only, and a rerun
        skips the documents already stored.
        """
        report = IngestReport()
        extractor = self.extractor(min_score)
        for path in input_files(paths):
            items = [path] if isinstance(path, Skipped) else list(read_file(path))
            fresh: list[Document] = []
            for item in items:
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    continue
                report.documents_read += 1
                if self.store.documents([item.id]) or item.id in {d.id for d in fresh}:
                    report.documents_known += 1
                else:
                    fresh.append(item)
            if fresh:
                found = [extractor.extract(doc) for doc in fresh]
                new_actors = list({a.id: a for f in found for a in f.actors}.values())
                before = len(self.store.actors([a.id for a in new_actors]))
                docs, claims = self.store.add(
                    fresh, [c for f in found for c in f.claims], new_actors=new_actors
                )
                report.documents_new += docs
                report.claims_new += claims
                report.actors_new += len(new_actors) - before
            if progress is not None:
                for item in items:
                    progress(item)
        self._resolver = None
        return report
