"""Reads the REST API makes beyond :class:`~patron.store.Store`'s: claim and actor
listings a page at a time, one claim or one document's claims, document listings, and
the change counter that ETags and caches are keyed on.

Debt: these belong on :class:`~patron.store.Store` (they use its row readers); they are
kept apart while repository.py is being changed by others.

Invariant: :func:`state` changes whenever a claim, document, actor, review or audit
row is added (each of those only grows), so anything computed from the store and
keyed on it is current. An actor rewritten in place (``patron init`` run again over
an edited gazetteer) does not change it.
"""

from __future__ import annotations

from sqlalchemy import func, select

from patron.actors.names import normalize
from patron.model import Actor, Claim, Document
from patron.store import current
from patron.store.filters import ClaimFilter
from patron.store.repository import Store, _actor, _claim
from patron.store.schema import actor_names, actors, audit, claims, documents, reviews

__all__ = ["actors_page", "claim", "claims_page", "document_claims", "documents_page", "state"]


_STATE = select(
    select(func.coalesce(func.max(claims.c.seq), 0)).scalar_subquery(),
    select(func.count()).select_from(documents).scalar_subquery(),
    select(func.count()).select_from(actors).scalar_subquery(),
    select(func.coalesce(func.max(reviews.c.id), 0)).scalar_subquery(),
    select(func.coalesce(func.max(audit.c.id), 0)).scalar_subquery(),
)  # built once: every request of the API reads it


def state(store: Store) -> str:
    """The change counter: ``"seq.documents.actors.review.audit"`` in one query."""
    with store.engine.connect() as conn:
        row = conn.execute(_STATE).one()
    return ".".join(str(int(v)) for v in row)


def claims_page(store: Store, flt: ClaimFilter, *, offset: int, limit: int) -> list[Claim]:
    """:meth:`Store.claims` from ``offset``, at most ``limit`` claims (same order)."""
    stmt = (select(*current.COLUMNS).select_from(current.SOURCE).where(*Store._conditions(flt))
            .order_by(claims.c.lo, claims.c.seq).offset(offset).limit(limit))  # fmt: skip
    with store.engine.connect() as conn:
        return [_claim(row) for row in conn.execute(stmt)]


def claim(store: Store, claim_id: str) -> Claim | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(*current.COLUMNS).select_from(current.SOURCE)
                           .where(claims.c.id == claim_id)).first()  # fmt: skip
    return _claim(row) if row else None


def document_claims(
    store: Store, doc_id: str, *, offset: int = 0, limit: int | None = None
) -> tuple[list[Claim], int]:
    """The claims whose evidence is document ``doc_id``, in load order, from ``offset``
    (at most ``limit``); and how many it has in all."""
    mine = claims.c.document_id == doc_id
    stmt = (select(*current.COLUMNS).select_from(current.SOURCE).where(mine)
            .order_by(claims.c.seq).offset(offset).limit(limit))  # fmt: skip
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(claims).where(mine))
                    .scalar_one())  # fmt: skip
        return [_claim(row) for row in conn.execute(stmt)], total


def actors_page(
    store: Store, *, kind: str | None = None, query: str | None = None, offset: int,
    limit: int,
) -> tuple[list[Actor], int]:
    """:meth:`Store.actors` (by kind, then name; ``kind`` and the name fragment ``query``
    narrow it the same way) from ``offset``, at most ``limit``; and how many pass."""
    conds = []
    if kind:
        conds.append(actors.c.kind == kind)
    if query:
        matching = select(actor_names.c.actor_id).where(
            actor_names.c.norm.like(f"%{normalize(query)}%"))
        conds.append(actors.c.id.in_(matching))
    stmt = (select(actors).where(*conds).order_by(actors.c.kind, actors.c.name)
            .offset(offset).limit(limit))  # fmt: skip
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(actors).where(*conds))
                    .scalar_one())  # fmt: skip
        return [_actor(row) for row in conn.execute(stmt)], total


def documents_page(store: Store, *, offset: int, limit: int) -> tuple[list[Document], int]:
    """Documents without their text, by id, from ``offset``; and how many there are."""
    cols = [c for c in documents.c if c.name != "text"]
    stmt = select(*cols).order_by(documents.c.id).offset(offset).limit(limit)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
        rows = list(conn.execute(stmt))
    items = [Document(id=r.id, title=r.title, publisher=r.publisher, published=r.published,
                      url=r.url, kind=r.kind) for r in rows]  # fmt: skip
    return items, total
