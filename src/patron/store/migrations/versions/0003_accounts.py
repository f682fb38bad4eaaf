"""Accounts for the REST API (users, hashed tokens), the audit log of writes, and indexes
on claims' load order (the change counter reads its maximum), on their document, and
on the order listings give (so a page from far in is not a sort of every claim).

Revision ID: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_seq", "claims", ["seq"])
    op.create_index("ix_claims_document", "claims", ["document_id"])
    op.create_index("ix_claims_order", "claims", ["lo", "seq"])
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("label", sa.Text),
        sa.Column("created", sa.String(32), nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.Text),
        sa.Column("detail", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("audit", "tokens", "users"):
        op.drop_table(table)
    op.drop_index("ix_claims_order", "claims")
    op.drop_index("ix_claims_document", "claims")
    op.drop_index("ix_claims_seq", "claims")
