"""The knowledge base's tables (SQLAlchemy Core). Migrations in ``migrations/`` build them.

Invariant: ``claims`` rows are never updated or deleted. A review, comment or
correction is a new row in ``reviews`` referring to the claim, holding the claim's
review status, stance and grade after it: the latest row gives the claim's current
state (see :mod:`patron.store.current`); actors and edges are views
assembled from claims. ``lo``/``hi`` are the ordinal day bounds of the claim's
time span (see :mod:`patron.timespan`), denormalised so overlap filters use an index.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "actor_names",
    "actors",
    "audit",
    "claims",
    "documents",
    "metadata",
    "reviews",
    "tokens",
    "users",
]

metadata = MetaData()

actors = Table(
    "actors",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False, index=True),
    Column("country", String(2)),
    Column("iso3", String(3)),
    Column("wikidata", String(20)),
    Column("part_of", String(120)),
    Column("sect", String(40)),
    Column("active_start", String(10)),
    Column("active_end", String(10)),
    Column("source", Text),
    Column("origin", String(60), nullable=False),
    Column("names", JSON, nullable=False),  # {"aliases": [...], "acronyms": [...], ...}
    Column("ideology", JSON, nullable=False),
)

actor_names = Table(
    "actor_names",
    metadata,
    Column("norm", String(300), primary_key=True),
    Column("actor_id", String(120), ForeignKey("actors.id"), primary_key=True),
    Column("form", String(20), primary_key=True),
    Column("name", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", String(10)),
    Column("url", Text),
    Column("kind", String(40)),
    Column("text", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("subject_id", String(120), ForeignKey("actors.id"), nullable=False),
    Column("object_id", String(120), ForeignKey("actors.id"), nullable=False),
    Column("type", String(40), nullable=False),
    Column("family", String(20), nullable=False),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("precision", String(20), nullable=False),
    Column("lo", Integer, nullable=False),
    Column("hi", Integer, nullable=False),
    Column("amount", Float),
    Column("currency", String(3)),
    Column("per", String(10)),
    Column("route", JSON, nullable=False),
    Column("attributed_by", Text),
    Column("attributed_on", String(10)),
    Column("stance", String(20), nullable=False),
    Column("grade", String(2), nullable=False),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False),
    Column("quote", Text),
    Column("span", JSON),
    Column("subject_span", JSON),
    Column("object_span", JSON),
    Column("origin", String(80), nullable=False),
    Column("score", Float),  # the classifier's probability for machine-made claims
    Column("review", String(20), nullable=False),
    Column("statement", Text),
    Column("seq", BigInteger, nullable=False),  # load order, for stable listings
)
Index("ix_claims_object", claims.c.object_id, claims.c.family, claims.c.lo)
Index("ix_claims_subject", claims.c.subject_id, claims.c.family, claims.c.lo)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(40), ForeignKey("claims.id"), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("reviewer", Text),
    Column("comment", Text),
    Column("grade", String(2)),
    Column("at", String(32), nullable=False),
    Column("stance", String(20)),
    Column("corrected", String(40)),  # the claim a correction made in this one's place
)

# Accounts and the audit log (the REST API; see store/accounts.py). Users and tokens are
# the one mutable part of the store: every change to them, and every write made through
# an account, is a row in ``audit``.
Index("ix_claims_seq", claims.c.seq)  # the change counter (store/pages.py) reads max(seq)
Index("ix_claims_document", claims.c.document_id)  # a document's claims
Index("ix_claims_order", claims.c.lo, claims.c.seq)  # listings' order, read a page at a time

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("created", String(32), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", String(16), primary_key=True),  # public handle, shown in listings
    Column("hash", String(64), nullable=False, unique=True),  # SHA-256 of the secret, hex
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("label", Text),
    Column("created", String(32), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("who", Text, nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", Text),
    Column("detail", JSON, nullable=False),
)
