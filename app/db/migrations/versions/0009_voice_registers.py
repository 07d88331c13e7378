"""The customer's voice, complete: liaison notes (洽办单) for late-closed complaints and the
months' complaint statistics frozen as produced.

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaint_liaisons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=24), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("days_late", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"],
                                name=op.f("fk_complaint_liaisons_complaint_id_complaints")),
        sa.ForeignKeyConstraint(["issued_by_id"], ["users.id"],
                                name=op.f("fk_complaint_liaisons_issued_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_liaisons")),
        sa.UniqueConstraint("number", name=op.f("uq_complaint_liaisons_number")),
    )
    with op.batch_alter_table("complaint_liaisons") as batch_op:
        batch_op.create_index(batch_op.f("ix_complaint_liaisons_complaint_id"),
                              ["complaint_id"])
    op.create_table(
        "complaint_month_figures",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("produced_at", sa.DateTime(), nullable=False),
        sa.Column("produced_by_id", sa.Integer(), nullable=True),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["produced_by_id"], ["users.id"],
                                name=op.f("fk_complaint_month_figures_produced_by_id_users")),
        sa.PrimaryKeyConstraint("year", "month", name=op.f("pk_complaint_month_figures")),
    )


def downgrade() -> None:
    op.drop_table("complaint_month_figures")
    with op.batch_alter_table("complaint_liaisons") as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_liaisons_complaint_id"))
    op.drop_table("complaint_liaisons")
