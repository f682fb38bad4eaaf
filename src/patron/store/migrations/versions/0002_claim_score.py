"""Claims carry the relation classifier's score (None for curated and imported claims).

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("score", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("score")
