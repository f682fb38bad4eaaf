"""Reviews carry the claim's state after them: its stance (a correction may change it,
as it may the grade) and the claim that replaced it when a correction changed what the
claim says (its sides, type or time).

Revision ID: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("stance", sa.String(20)))
    op.add_column("reviews", sa.Column("corrected", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("corrected")
        batch.drop_column("stance")
