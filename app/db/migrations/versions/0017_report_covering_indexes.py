"""Indexes for the monthly workbook on a large store: parts used, by time (a partial index:
the month's materials and parts by model no longer read every stock movement ever made),
and a month's visits with what the report sums of them in the index (labour by technician,
by model and by kind, outcomes: no visit row read).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

USED = "kind = 'used'"
VISIT_MONTH = ["completed_at", "job_id", "technician_id", "labour_minutes", "outcome"]


def upgrade() -> None:
    op.create_index("ix_stock_movements_used_at", "stock_movements", ["at"],
                    sqlite_where=sa.text(USED), postgresql_where=sa.text(USED))
    op.drop_index("ix_visits_completed", table_name="visits")
    op.create_index("ix_visits_completed", "visits", VISIT_MONTH)


def downgrade() -> None:
    op.drop_index("ix_visits_completed", table_name="visits")
    op.create_index("ix_visits_completed", "visits", ["completed_at"])
    op.drop_index("ix_stock_movements_used_at", table_name="stock_movements")
