"""The knowledge base as users see it: open, initialise, resolve names, load claims.

Library functions here do the work; ``cli.py`` and the API only parse and print.
"""

from __future__ import annotations

import io
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from patron import settings
from patron.actors import gazetteer
from patron.actors.resolver import Resolver, from_actors
from patron.errors import InputError
from patron.extract.pipeline import CANDIDATE_ORIGIN, Extractor
from patron.importers.batch import (
    ActorBook,
    ImportBatch,
    ImportReport,
    Progress,
    store_batch,
)
from patron.model import Actor, Claim, Document, ReviewEntry
from patron.readers import claimfile
from patron.readers.documents import Skipped, TextFile, input_files, large_text, read_file
from patron.store import Store, reviews

__all__ = [
    "SPOOL_CLAIMS",
    "IngestReport",
    "KnowledgeBase",
    "LoadReport",
    "curated_files",
    "starter_datasets",
]


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


#: How many claims of one document ingest holds in memory; more wait on disk.
SPOOL_CLAIMS = 1000


class _Spool:
    """Claims kept in order, in memory up to ``size`` and on disk past it, so a document
    with more claims than fit in memory can still be stored in one transaction.

    Invariant: the claims are those given to :meth:`extend`, in that order, in the
    batches :meth:`batches` reads back (again each time it is called).
    """

    def __init__(self, size: int | None = None) -> None:
        self.size = size or SPOOL_CLAIMS
        self._held: list[Claim] = []
        self._file: IO[bytes] | None = None

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()

    def extend(self, claims: Iterable[Claim]) -> None:
        self._held.extend(claims)
        if len(self._held) >= self.size:
            if self._file is None:
                self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by __exit__)
            self._file.seek(0, io.SEEK_END)
            pickle.dump(self._held, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._held = []

    def batches(self) -> Iterator[list[Claim]]:
        if self._file is not None:
            self._file.seek(0)
            while True:
                try:
                    yield pickle.load(self._file)  # written by extend, in this process
                except EOFError:
                    break
        if self._held:
            yield self._held


@dataclass
class _Defined:
    """Actors that claim files define (the first definition of an id stands), stored
    with the claims that name them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)

    def add(self, batch: claimfile.ClaimBatch) -> None:
        for actor_id, actor in batch.actors.items():
            if actor_id not in self.actors:
                self.actors[actor_id] = actor
                self.origins[actor_id] = batch.origins[actor_id]


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
    from patron.importers import ucdp_esd

    book = ActorBook.over(actors, names)
    return [ucdp_esd.read(p, book, progress)
            for p in sorted((folder / "datasets" / "ucdp-esd").glob("*.csv"))]


def _named(claims: Sequence[Claim]) -> set[str]:
    """Every actor and place ``claims`` name."""
    ids = {c.subject for c in claims} | {c.object for c in claims}
    return ids | {p for c in claims for p in c.route}


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
        return self.store.display_names(_named(claims)), self.store.documents(
            c.evidence.document for c in claims
        )

    def made_actors(self, claims: Sequence[Claim]) -> dict[str, tuple[Actor, str]]:
        """The actors and places the claims name that the gazetteer did not supply
        (extraction's candidates, actors an import minted), with their origin: an
        export defines them, so it loads into a knowledge base that lacks them."""
        return self.store.made_actors(_named(claims))

    def reviewed(self, claims: Sequence[Claim]) -> dict[str, dict[str, Any]]:
        """What the wire form adds for claims that have been reviewed, corrected or
        commented on (:func:`patron.store.reviews.wired`): an export carries it, so
        the reviews load back with the claims."""
        return reviews.wired(self.store, (c.id for c in claims))

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
        defined = _Defined()
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
            defined.add(batch)
        imported = starter_datasets(folder, actors, names, progress) if datasets else []
        new_actors = self.store.put_actors(actors)
        self._resolver = None
        docs, new = self.store.add(
            documents.values(), claims, new_actors=defined.actors.values(),
            origins=defined.origins,
        ) if claims else (0, 0)  # fmt: skip
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

    def _ingest_large(self, large: TextFile, extractor: Extractor, report: IngestReport) -> None:
        doc = large.document
        report.documents_read += 1
        if self.store.documents([doc.id]):
            report.documents_known += 1
            return
        new_actors: dict[str, Actor] = {}
        with _Spool() as spool:
            try:
                for part in extractor.extract_pieces(doc, large.pieces()):
                    spool.extend(part.claims)
                    new_actors.update((a.id, a) for a in part.actors if a.id not in new_actors)
                before = len(self.store.actors(list(new_actors)))
                docs, claims = self.store.add_batches(
                    [doc], spool.batches, new_actors.values(), actor_origin=CANDIDATE_ORIGIN,
                    texts={doc.id: large.pieces},
                )
            except InputError as exc:  # the file changed while it was read
                report.skipped.append(Skipped(str(large.path), exc.message))
                return
        report.documents_new += docs
        report.claims_new += claims
        report.actors_new += len(new_actors) - before

    def load_claims(
        self, paths: Iterable[Path] = (), stream: TextIO | None = None, stream_name: str = "<stdin>"
    ) -> LoadReport:
        """Load claim files (YAML or JSON lines) whole: one bad line stores nothing.

        Actors the files define (see :mod:`patron.readers.claimfile`) that the
        knowledge base lacks are stored in the same transaction as the claims.
        """
        documents: dict[str, Document] = {}
        claims = []
        batches = [claimfile.read_path(p, self.resolver, self._has_document) for p in paths]
        if stream is not None:
            batches.append(
                claimfile.read_jsonl(
                    stream, self.resolver, file=stream_name, has_document=self._has_document
                )
            )
        defined = _Defined()
        reviewed: dict[str, list[ReviewEntry]] = {}
        for batch in batches:
            documents.update(batch.documents)
            claims.extend(batch.claims)
            defined.add(batch)
            for claim_id, rows in batch.reviews.items():
                reviewed.setdefault(claim_id, []).extend(rows)
        made = list(defined.actors.values())
        known = len(self.store.actors([a.id for a in made])) if made else 0
        docs, new = self.store.add(documents.values(), claims, new_actors=made,
                                   origins=defined.origins, reviewed=reviewed)  # fmt: skip
        if made:
            self._resolver = None
        return LoadReport(actors_new=len(made) - known, documents_new=docs,
                          claims_read=len(claims), claims_new=new)  # fmt: skip

    def _has_document(self, doc_id: str) -> bool:
        return bool(self.store.documents([doc_id]))  # without its text: it may be long

    def extractor(self, min_score: float = 0.0) -> Extractor:
        """An extractor over every actor in the knowledge base (candidates included)."""
        return Extractor(self.store.actors(), min_score=min_score)

    def ingest(self, paths: Iterable[Path],
               progress: Callable[[Document | Skipped], None] | None = None,
               min_score: float = 0.0) -> IngestReport:
        """Read, extract and store documents; idempotent by content hash.

        Each file (its documents, their claims and candidate actors) is one
        transaction, so a run killed halfway leaves whole files only, and a rerun
        skips the documents already stored. A plain-text file too large to hold
        (:func:`patron.readers.documents.large_text`) is read and extracted a block at a
        time; its claims wait on disk, not in memory, and its text is stored a piece
        at a time, in the one transaction with its claims.
        """
        report = IngestReport()
        extractor = self.extractor(min_score)
        for path in input_files(paths):
            large = None if isinstance(path, Skipped) else large_text(path)
            if large is not None:
                self._ingest_large(large, extractor, report)
                if progress is not None:
                    progress(large.document)
                continue
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
                    fresh, [c for f in found for c in f.claims], new_actors=new_actors,
                    actor_origin=CANDIDATE_ORIGIN,
                )
                report.documents_new += docs
                report.claims_new += claims
                report.actors_new += len(new_actors) - before
            if progress is not None:
                for item in items:
                    progress(item)
        self._resolver = None
        return report
