"""Each branch hands in its own monthly summary (issue 17): monthly_submissions gets a branch,
part of its key; a store's submissions so far are its first branch's.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("monthly_submissions") as batch_op:
        batch_op.add_column(sa.Column("branch_id", sa.Integer(), nullable=False,
                                      server_default=sa.text("1")))
        batch_op.drop_constraint(op.f("pk_monthly_submissions"), type_="primary")
        batch_op.create_primary_key(op.f("pk_monthly_submissions"),
                                    ["kind", "year", "month", "branch_id"])
        batch_op.create_foreign_key(op.f("fk_monthly_submissions_branch_id_branches"),
                                    "branches", ["branch_id"], ["id"])
        batch_op.create_index(op.f("ix_monthly_submissions_branch_id"), ["branch_id"])


def downgrade() -> None:
    # a company's other branches' submissions cannot stay in a table keyed by month alone
    op.execute("DELETE FROM monthly_submissions WHERE branch_id <> 1")
    with op.batch_alter_table("monthly_submissions") as batch_op:
        batch_op.drop_index(op.f("ix_monthly_submissions_branch_id"))
        batch_op.drop_constraint(op.f("fk_monthly_submissions_branch_id_branches"),
                                 type_="foreignkey")
        batch_op.drop_constraint(op.f("pk_monthly_submissions"), type_="primary")
        batch_op.create_primary_key(op.f("pk_monthly_submissions"), ["kind", "year", "month"])
        batch_op.drop_column("branch_id")
