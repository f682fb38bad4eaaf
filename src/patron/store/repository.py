"""Repository functions: the only code that reads or writes the knowledge base.

Invariants: every write runs in one transaction (:func:`patron.store.engine.write`),
so a failed or killed load leaves the database as it was, and writers from several
processes take turns; claims are insert-only and content-addressed, so writing a
claim twice stores it once, and rows another writer stored first are left as they
are (``ON CONFLICT DO NOTHING``) rather than failing the write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    and_,
    delete,
    func,
    insert,
    literal_column,
    not_,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from patron.actors.names import normalize
from patron.errors import StoreError
from patron.model import Actor, Attribution, Claim, Document, Evidence, Magnitude, ReviewEntry
from patron.store import current
from patron.store import engine as engines
from patron.store.filters import ClaimFilter
from patron.store.schema import actor_names, actors, claims, documents, reviews
from patron.timespan import OPEN_END, UNKNOWN_START, TimeSpan
from patron.vocab import VOCAB, parse_grade

__all__ = ["Store", "insert_claim"]

T = TypeVar("T")

_CHUNK = 500
_NAME_FORMS = ("aliases", "acronyms", "demonyms", "metonyms")


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _actor_row(actor: Actor, origin: str) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "iso3": actor.iso3,
        "wikidata": actor.wikidata,
        "part_of": actor.part_of,
        "sect": actor.sect,
        "active_start": actor.active.start if actor.active else None,
        "active_end": actor.active.end if actor.active else None,
        "source": actor.source,
        "origin": origin,
        "names": {form: list(getattr(actor, form)) for form in _NAME_FORMS},
        "ideology": list(actor.ideology),
    }


def _actor(row: Any) -> Actor:
    active = None
    if row.active_start or row.active_end:
        active = TimeSpan(start=row.active_start, end=row.active_end)
    return Actor(
        id=row.id,
        name=row.name,
        kind=row.kind,
        country=row.country,
        iso3=row.iso3,
        wikidata=row.wikidata,
        part_of=row.part_of,
        sect=row.sect,
        active=active,
        source=row.source,
        ideology=tuple(row.ideology or ()),
        **{form: tuple((row.names or {}).get(form, ())) for form in _NAME_FORMS},
    )


def _claim_row(claim: Claim, seq: int) -> dict[str, Any]:
    lo, hi = claim.time.bounds()
    ev, mag = claim.evidence, claim.magnitude
    return {
        "id": claim.id,
        "subject_id": claim.subject,
        "object_id": claim.object,
        "type": claim.type,
        "family": claim.family,
        "time_start": claim.time.start,
        "time_end": claim.time.end,
        "precision": claim.time.precision,
        "lo": lo,
        "hi": hi,
        "amount": mag.amount if mag else None,
        "currency": mag.currency if mag else None,
        "per": mag.per if mag else None,
        "route": list(claim.route),
        "attributed_by": claim.attribution.by,
        "attributed_on": claim.attribution.date,
        "stance": claim.stance,
        "grade": claim.grade,
        "document_id": ev.document,
        "quote": ev.quote,
        "span": list(ev.span) if ev.span else None,
        "subject_span": list(ev.subject_span) if ev.subject_span else None,
        "object_span": list(ev.object_span) if ev.object_span else None,
        "origin": claim.origin,
        "score": claim.score,
        "review": claim.review,
        "statement": claim.statement,
        "seq": seq,
    }


def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def _claim(row: Any) -> Claim:
    """Rebuild a stored claim without re-validating it.

    Rows were validated on the way in and are never updated (review status, stance
    and grade come from the latest review, :mod:`patron.store.current`), so reading skips
    pydantic validation (``model_construct``): listings of many thousands of
    claims stay fast.
    """
    magnitude = None
    if row.amount is not None and row.currency:
        magnitude = Magnitude.model_construct(amount=row.amount, currency=row.currency, per=row.per)
    return Claim.model_construct(
        id=row.id,
        subject=row.subject_id,
        type=row.type,
        object=row.object_id,
        time=TimeSpan.model_construct(
            start=row.time_start, end=row.time_end, precision=row.precision
        ),
        magnitude=magnitude,
        route=tuple(row.route or ()),
        attribution=Attribution.model_construct(by=row.attributed_by, date=row.attributed_on),
        stance=row.stance,
        grade=row.grade,
        evidence=Evidence.model_construct(
            document=row.document_id,
            quote=row.quote,
            span=_span(row.span),
            subject_span=_span(row.subject_span),
            object_span=_span(row.object_span),
        ),
        origin=row.origin,
        score=row.score,
        review=row.review,
        statement=row.statement,
    )


def _document(row: Any) -> Document:
    return Document(
        id=row.id,
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        url=row.url,
        kind=row.kind,
        text=_text(row.text),
    )


def _text(value: str | bytes | None) -> str | None:
    """A stored text: SQLite holds a text written in pieces as its UTF-8 bytes."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


class Store:
    """A knowledge base at a SQLAlchemy URL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, create: bool = False, echo: bool = False) -> Store:
        """Open the knowledge base at ``url``; ``create`` builds its schema. A knowledge
        base made by an older Patron has its schema brought up to date (the migrations
        only add)."""
        try:
            engine = engines.create(url, echo=echo)
            if create:
                engines.migrate(engine)
            elif engines.missing_file(engine) or not engines.is_initialised(engine):
                raise StoreError(f"no knowledge base at {url}: run `patron init` first")
            elif engines.behind(engine):
                engines.migrate(engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open {url}: {exc.__class__.__name__}: {exc}") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- actors -----------------------------------------------------------

    def put_actors(self, items: Iterable[Actor], origin: str = "gazetteer") -> int:
        """Insert or replace actors and their names; returns how many were new."""
        batch = list(items)

        def work(conn: Connection) -> int:
            existing = self._existing(conn, actors.c.id, [a.id for a in batch])
            fresh = [_actor_row(a, origin) for a in batch if a.id not in existing]
            if fresh:
                conn.execute(insert(actors), fresh)
            for actor in batch:
                if actor.id in existing:
                    row = _actor_row(actor, origin)
                    conn.execute(update(actors).where(actors.c.id == actor.id).values(**row))
            for ids in _chunks([a.id for a in batch]):
                conn.execute(delete(actor_names).where(actor_names.c.actor_id.in_(ids)))
            _insert_names(conn, batch)
            return len(fresh)

        return self._write(work)

    def actor(self, actor_id: str) -> Actor | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(actors).where(actors.c.id == actor_id)).first()
        return _actor(row) if row else None

    def actors(
        self, ids: Iterable[str] | None = None, *, kind: str | None = None, query: str | None = None
    ) -> list[Actor]:
        """Actors by id, kind, or a name fragment (matched on normalised names)."""
        stmt = select(actors).order_by(actors.c.kind, actors.c.name)
        if ids is not None:
            stmt = stmt.where(actors.c.id.in_(list(ids)))
        if kind:
            stmt = stmt.where(actors.c.kind == kind)
        if query:
            like = f"%{normalize(query)}%"
            matching = select(actor_names.c.actor_id).where(actor_names.c.norm.like(like))
            stmt = stmt.where(actors.c.id.in_(matching))
        with self.engine.connect() as conn:
            return [_actor(row) for row in conn.execute(stmt)]

    def actor_names(self) -> list[tuple[str, str, str, str]]:
        """Every ``(norm, actor_id, form, name)``: the resolver's index is built from it."""
        stmt = select(
            actor_names.c.norm, actor_names.c.actor_id, actor_names.c.form, actor_names.c.name
        )
        with self.engine.connect() as conn:
            return [(r.norm, r.actor_id, r.form, r.name) for r in conn.execute(stmt)]

    def made_actors(self, ids: Iterable[str]) -> dict[str, tuple[Actor, str]]:
        """The actors among ``ids`` that the gazetteer did not supply (candidates found by
        extraction, actors an import or a claim file made), each with its origin."""
        wanted = sorted(set(ids))
        out: dict[str, tuple[Actor, str]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(wanted):
                stmt = select(actors).where(actors.c.id.in_(chunk), actors.c.origin != "gazetteer")
                out.update({r.id: (_actor(r), r.origin) for r in conn.execute(stmt)})
        return out

    def display_names(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(ids))
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(wanted):
                stmt = select(actors.c.id, actors.c.name).where(actors.c.id.in_(chunk))
                out.update({r.id: r.name for r in conn.execute(stmt)})
        return out

    # --- documents and claims --------------------------------------------

    def add(
        self,
        docs: Iterable[Document],
        items: Iterable[Claim],
        new_actors: Iterable[Actor] = (),
        actor_origin: str = "extract:candidate",
        origins: Mapping[str, str] | None = None,
        reviewed: Mapping[str, Sequence[ReviewEntry]] | None = None,
    ) -> tuple[int, int]:
        """Store documents and claims in one transaction; returns (new docs, new claims).

        ``new_actors`` (candidates found by extraction or importers) are inserted
        when their id is not taken; a known actor is never overwritten. Each is
        stored with ``actor_origin``, or with its own from ``origins`` (actor id →
        origin). Anything already stored (same id) is left as it was. ``reviewed``
        (claim id → review rows read from a wire form) adds the rows a claim lacks. If
        any row fails, nothing of this call is stored.
        """
        claim_list = list({c.id: c for c in items}.values())
        return self.add_batches(docs, lambda: [claim_list], new_actors, actor_origin, origins,
                                reviewed=reviewed)  # fmt: skip

    def add_batches(
        self,
        docs: Iterable[Document],
        batches: Callable[[], Iterable[Sequence[Claim]]],
        new_actors: Iterable[Actor] = (),
        actor_origin: str = "extract:candidate",
        origins: Mapping[str, str] | None = None,
        texts: Mapping[str, Callable[[], Iterable[str]]] | None = None,
        reviewed: Mapping[str, Sequence[ReviewEntry]] | None = None,
    ) -> tuple[int, int]:
        """:meth:`add` for more than is held in memory at once, in one transaction.

        ``batches()`` yields the claims a batch at a time (a claim in two batches is
        stored once). A document whose id is in ``texts`` is stored with the text that
        ``texts[id]()`` yields, a piece at a time, so the whole text is never held
        here. Both are called again when a busy database makes the write start over.
        """
        doc_list = list({d.id: d for d in docs}.values())
        candidates = list({a.id: a for a in new_actors}.values())
        own = origins or {}
        pieces = texts or {}

        def work(conn: Connection) -> tuple[int, int]:
            if candidates:
                taken = self._existing(conn, actors.c.id, [a.id for a in candidates])
                fresh_actors = [a for a in candidates if a.id not in taken]
                if fresh_actors:
                    rows = [_actor_row(a, own.get(a.id, actor_origin)) for a in fresh_actors]
                    _insert_new(conn, actors, rows)
                    _insert_names(conn, fresh_actors)
            known_docs = self._existing(conn, documents.c.id, [d.id for d in doc_list])
            new_docs = [d for d in doc_list if d.id not in known_docs]
            if new_docs:
                rows = [d.model_dump() | ({"text": ""} if d.id in pieces else {}) for d in new_docs]
                _insert_new(conn, documents, rows)
                for doc in new_docs:
                    if doc.id in pieces:
                        _store_text(conn, doc.id, pieces[doc.id])
            seq = int(conn.execute(select(func.coalesce(func.max(claims.c.seq), 0))).scalar_one())
            added = 0
            for batch in batches():
                unique = list({c.id: c for c in batch}.values())
                known = self._existing(conn, claims.c.id, [c.id for c in unique])
                new_claims = [
                    _claim_row(c, seq + added + i + 1)
                    for i, c in enumerate(c for c in unique if c.id not in known)
                ]
                for chunk in _chunks(new_claims, 5000):
                    _insert_new(conn, claims, list(chunk))
                added += len(new_claims)
            if reviewed:
                _insert_reviews(conn, reviewed)
            return len(new_docs), added

        return self._write(work)

    def add_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Bulk-insert prepared claim rows (benchmarks and importers with known-new ids)."""

        def work(conn: Connection) -> None:
            for chunk in _chunks(rows, 20000):
                conn.execute(insert(claims), list(chunk))

        self._write(work)

    def documents(self, ids: Iterable[str]) -> dict[str, Document]:
        wanted = sorted(set(ids))
        out: dict[str, Document] = {}
        cols = [c for c in documents.c if c.name != "text"]
        with self.engine.connect() as conn:
            for chunk in _chunks(wanted):
                rows = conn.execute(select(*cols).where(documents.c.id.in_(chunk)))
                for r in rows:
                    out[r.id] = Document(
                        id=r.id,
                        title=r.title,
                        publisher=r.publisher,
                        published=r.published,
                        url=r.url,
                        kind=r.kind,
                    )
        return out

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        return _document(row) if row else None

    def claims(self, flt: ClaimFilter = ClaimFilter()) -> list[Claim]:
        """Claims passing ``flt``, oldest span first, then in load order."""
        stmt = select(*current.COLUMNS).select_from(current.SOURCE)
        stmt = stmt.where(*self._conditions(flt)).order_by(claims.c.lo, claims.c.seq)
        if flt.limit:
            stmt = stmt.limit(flt.limit)
        with self.engine.connect() as conn:
            return [_claim(row) for row in conn.execute(stmt)]

    def count(self, flt: ClaimFilter = ClaimFilter()) -> int:
        stmt = select(func.count()).select_from(current.SOURCE).where(*self._conditions(flt))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def undated_left_out(self, flt: ClaimFilter) -> int:
        """How many claims ``flt``'s time window leaves out for having no date at all."""
        if not flt.windowed:
            return 0
        return self.count(replace(flt, lo=None, hi=None, undated_only=True, limit=None))

    def unreviewed_left_out(self, flt: ClaimFilter) -> int:
        """How many machine-extracted, unreviewed claims ``flt`` leaves out for being so."""
        if flt.unreviewed != "exclude":
            return 0
        return self.count(replace(flt, unreviewed="only", limit=None))

    def max_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(claims.c.seq), 0))).scalar_one())

    # --- helpers ----------------------------------------------------------

    def _write(self, work: Callable[[Connection], T]) -> T:
        """``work`` in one write transaction; database failures become StoreError."""
        try:
            return engines.write(self.engine, work)
        except SQLAlchemyError as exc:
            if engines.is_busy(exc):
                raise StoreError(
                    "the knowledge base is busy: another process kept it locked for "
                    f"{engines.WRITE_ATTEMPTS} tries of {engines.BUSY_TIMEOUT_S:.0f} s; "
                    "nothing was stored, run the command again"
                ) from exc
            raise StoreError(
                f"the write was rolled back: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
            ) from exc

    @staticmethod
    def _existing(conn: Connection, column: Any, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            found.update(r[0] for r in conn.execute(select(column).where(column.in_(chunk))))
        return found

    @staticmethod
    def _conditions(flt: ClaimFilter) -> list[Any]:
        c = claims.c
        conds: list[Any] = []
        if flt.subjects:
            conds.append(c.subject_id.in_(flt.subjects))
        if flt.objects:
            conds.append(c.object_id.in_(flt.objects))
        if flt.actors:
            # A union of two indexed lookups: "subject IN .. OR object IN .." makes
            # the planners scan.
            either = union(
                select(c.id).where(c.subject_id.in_(flt.actors)),
                select(c.id).where(c.object_id.in_(flt.actors)),
            )
            conds.append(c.id.in_(either))
        if flt.types:
            conds.append(c.type.in_(flt.types))
        if flt.families:
            conds.append(c.family.in_(flt.families))
        if flt.stances:
            conds.append(current.STANCE.in_(flt.stances))
        if flt.origins:
            conds.append(
                or_(
                    *[
                        or_(c.origin == o, c.origin.like(f"{o}:%"), c.origin.like(f"{o}@%"))
                        for o in flt.origins
                    ]
                )
            )
        if flt.min_grade:
            rel, cred = parse_grade(flt.min_grade)
            conds.append(func.substr(current.GRADE, 1, 1) <= rel)
            if cred is not None:
                conds.append(func.substr(current.GRADE, 2, 1) <= str(cred))
        machine = and_(c.origin.like("extract%"), current.REVIEW == "proposed")
        if flt.unreviewed == "exclude":
            conds.append(not_(machine))
        elif flt.unreviewed == "only":
            conds.append(machine)
        undated = and_(c.lo == UNKNOWN_START, c.hi == OPEN_END)
        if flt.undated_only:
            conds.append(undated)
        elif flt.windowed:
            conds.append(not_(undated))
            if flt.lo is not None:
                conds.append(c.hi >= flt.lo)
            if flt.hi is not None:
                conds.append(c.lo <= flt.hi)
        unknown = [t for t in flt.types if t not in VOCAB.claim_types]
        if unknown:
            raise StoreError(f"unknown claim type(s): {', '.join(unknown)}")
        return conds or [and_(True)]


def insert_claim(conn: Connection, claim: Claim) -> bool:
    """Store one claim on ``conn`` after every other (inside the caller's transaction);
    False when a claim with its id is stored already (it is left as it was)."""
    if conn.execute(select(claims.c.id).where(claims.c.id == claim.id)).first() is not None:
        return False
    seq = int(conn.execute(select(func.coalesce(func.max(claims.c.seq), 0))).scalar_one())
    conn.execute(insert(claims).values(**_claim_row(claim, seq + 1)))
    return True


def _insert_reviews(conn: Connection, reviewed: Mapping[str, Sequence[ReviewEntry]]) -> None:
    """Append the review rows each claim does not have yet, in their order."""
    fields = list(ReviewEntry.model_fields)
    cols = [reviews.c["reviewer" if f == "by" else f] for f in fields]
    have: set[tuple[Any, ...]] = set()
    for chunk in _chunks(sorted(reviewed)):
        stmt = select(reviews.c.claim_id, *cols).where(reviews.c.claim_id.in_(chunk))
        have.update(tuple(r) for r in conn.execute(stmt))
    new = []
    for claim_id, rows in reviewed.items():
        for row in rows:
            key = (claim_id, *(getattr(row, f) for f in fields))
            if key not in have:
                have.add(key)
                new.append({"claim_id": claim_id,
                            **{("reviewer" if f == "by" else f): getattr(row, f) for f in fields}})
    for part in _chunks(new, 5000):
        conn.execute(insert(reviews), list(part))


def _insert_names(conn: Connection, batch: Sequence[Actor]) -> None:
    rows: dict[tuple[str, str, str], dict[str, str]] = {}
    for actor in batch:
        for form, name in actor.names():
            key = (normalize(name), actor.id, form)
            if key[0]:
                rows.setdefault(key, {"norm": key[0], "actor_id": actor.id, "form": form,
                                      "name": name})
    if rows:
        _insert_new(conn, actor_names, list(rows.values()))


_TEXT_PIECE = 1 << 22  # characters appended to a document's text by one statement


def _store_text(conn: Connection, doc_id: str, source: Callable[[], Iterable[str]]) -> None:
    """Store the text ``source()`` yields in pieces as a stored document's text: only
    the database, never Python, holds the whole text.

    SQLite: a blob of the text's length in bytes, then its UTF-8 bytes written in
    place (incremental BLOB I/O), so SQLite never builds the value in memory (a
    ``CAST(zeroblob(n) AS TEXT)`` would, twice over) and reading decodes it;
    elsewhere, appended a few million characters a statement.
    """
    if conn.dialect.name != "sqlite":
        _append_text(conn, doc_id, source())
        return
    size = sum(len(piece.encode("utf-8")) for piece in source())
    row = documents.c.id == doc_id
    conn.execute(update(documents).where(row).values(text=func.zeroblob(size)))
    rowid: int = conn.execute(select(literal_column("rowid")).where(row)).scalar_one()
    raw: Any = conn.connection.driver_connection  # sqlite3.Connection
    written = 0
    with raw.blobopen("documents", "text", rowid) as blob:
        for piece in source():
            data = piece.encode("utf-8")
            if written + len(data) <= size:
                blob.write(data)
            written += len(data)
    if written != size:  # a source that checks itself (TextFile.pieces) has raised already
        raise StoreError(f"the text of {doc_id} changed while it was stored")


def _append_text(conn: Connection, doc_id: str, pieces: Iterable[str]) -> None:
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= _TEXT_PIECE:
            _concat(conn, doc_id, "".join(held))
            held, size = [], 0
    if held:
        _concat(conn, doc_id, "".join(held))


def _concat(conn: Connection, doc_id: str, more: str) -> None:
    stmt = update(documents).where(documents.c.id == doc_id)
    conn.execute(stmt.values(text=documents.c.text + more))


def _insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows``, leaving any whose key is already stored as it is."""
    if conn.dialect.name == "postgresql":
        conn.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    elif conn.dialect.name == "sqlite":
        conn.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)
    else:
        conn.execute(insert(table), rows)
