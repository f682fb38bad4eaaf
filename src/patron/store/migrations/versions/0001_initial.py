"""Initial knowledge base: actors, their names, documents, claims, reviews.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(120), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False, index=True),
        sa.Column("country", sa.String(2)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("wikidata", sa.String(20)),
        sa.Column("part_of", sa.String(120)),
        sa.Column("sect", sa.String(40)),
        sa.Column("active_start", sa.String(10)),
        sa.Column("active_end", sa.String(10)),
        sa.Column("source", sa.Text),
        sa.Column("origin", sa.String(60), nullable=False),
        sa.Column("names", sa.JSON, nullable=False),
        sa.Column("ideology", sa.JSON, nullable=False),
    )
    op.create_table(
        "actor_names",
        sa.Column("norm", sa.String(300), primary_key=True),
        sa.Column("actor_id", sa.String(120), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("form", sa.String(20), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text),
        sa.Column("kind", sa.String(40)),
        sa.Column("text", sa.Text),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("subject_id", sa.String(120), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("object_id", sa.String(120), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("family", sa.String(20), nullable=False),
        sa.Column("time_start", sa.String(10)),
        sa.Column("time_end", sa.String(10)),
        sa.Column("precision", sa.String(20), nullable=False),
        sa.Column("lo", sa.Integer, nullable=False),
        sa.Column("hi", sa.Integer, nullable=False),
        sa.Column("amount", sa.Float),
        sa.Column("currency", sa.String(3)),
        sa.Column("per", sa.String(10)),
        sa.Column("route", sa.JSON, nullable=False),
        sa.Column("attributed_by", sa.Text),
        sa.Column("attributed_on", sa.String(10)),
        sa.Column("stance", sa.String(20), nullable=False),
        sa.Column("grade", sa.String(2), nullable=False),
        sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("quote", sa.Text),
        sa.Column("span", sa.JSON),
        sa.Column("subject_span", sa.JSON),
        sa.Column("object_span", sa.JSON),
        sa.Column("origin", sa.String(80), nullable=False),
        sa.Column("review", sa.String(20), nullable=False),
        sa.Column("statement", sa.Text),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_claims_object", "claims", ["object_id", "family", "lo"])
    op.create_index("ix_claims_subject", "claims", ["subject_id", "family", "lo"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "claim_id", sa.String(40), sa.ForeignKey("claims.id"), nullable=False, index=True
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reviewer", sa.Text),
        sa.Column("comment", sa.Text),
        sa.Column("grade", sa.String(2)),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("reviews", "claims", "documents", "actor_names", "actors"):
        op.drop_table(table)
