"""Indexes for the reports and registers on a large store: the survey card and follow-up
registers read newest first (a page of 500 of 200,000 without sorting them all), and the
month's carry-ins by the day they were taken in.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_survey_issued", "survey_cards", ["issued_on", "id"])
    op.create_index("ix_followups_done", "followups", ["done_on", "id"])
    op.create_index("ix_item_receipts_taken_in", "item_receipts", ["taken_in_at"])


def downgrade() -> None:
    op.drop_index("ix_item_receipts_taken_in", table_name="item_receipts")
    op.drop_index("ix_followups_done", table_name="followups")
    op.drop_index("ix_survey_issued", table_name="survey_cards")
