"""Indexes of open work for the Today page and the dispatch board on a large store: open
complaints by deadline and cash still held by technicians — partial indexes, so their size
follows the open work, not the history — and a technician's vouchers by dispatch time.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

OPEN_COMPLAINT = "status != 'closed'"
CASH_HELD = "held_by_id IS NOT NULL AND handed_over_at IS NULL"


def upgrade() -> None:
    op.create_index("ix_complaints_open_deadline", "complaints", ["deadline", "id"],
                    sqlite_where=sa.text(OPEN_COMPLAINT),
                    postgresql_where=sa.text(OPEN_COMPLAINT))
    op.create_index("ix_payments_cash_held", "payments", ["held_by_id"],
                    sqlite_where=sa.text(CASH_HELD), postgresql_where=sa.text(CASH_HELD))
    op.create_index("ix_jobs_tech_dispatched", "jobs", ["technician_id", "dispatched_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_tech_dispatched", table_name="jobs")
    op.drop_index("ix_payments_cash_held", table_name="payments")
    op.drop_index("ix_complaints_open_deadline", table_name="complaints")
