"""The customer's voice, complete: liaison notes (洽办单) for late-closed complaints, the
months' complaint statistics frozen as produced, who is sent to renew a contract (and the
visit's outcome), the contract maintenance visits scheduled as calls, and the information
feedback register (信息反馈分析登记表), the monthly reports handed in, and the real after-sales
expenses (差旅费报销).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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


    with op.batch_alter_table("maintenance_contracts") as batch_op:
        batch_op.add_column(sa.Column("renewal_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("renewal_assigned_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("renewal_visit_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("renewal_outcome", sa.String(length=12),
                                      server_default="", nullable=False))
        batch_op.add_column(sa.Column("renewal_notes", sa.Text(), server_default="",
                                      nullable=False))
        batch_op.create_foreign_key(
            batch_op.f("fk_maintenance_contracts_renewal_by_id_users"), "users",
            ["renewal_by_id"], ["id"])
    with op.batch_alter_table("maintenance_contracts") as batch_op:  # as the models: no defaults
        batch_op.alter_column("renewal_outcome", server_default=None)
        batch_op.alter_column("renewal_notes", server_default=None)
    op.create_table(
        "contract_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"],
                                name=op.f("fk_contract_visits_call_id_calls")),
        sa.ForeignKeyConstraint(["contract_id"], ["maintenance_contracts.id"],
                                name=op.f("fk_contract_visits_contract_id_maintenance_contracts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_visits")),
        sa.UniqueConstraint("contract_id", "due_on", name="uq_contract_visits_contract_id"),
    )
    with op.batch_alter_table("contract_visits") as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_visits_call_id"), ["call_id"])


    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("sent_to", sa.String(length=24), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("analysed_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["analysed_by_id"], ["users.id"],
                                name=op.f("fk_feedback_analysed_by_id_users")),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name=op.f("fk_feedback_customer_id_customers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
        sa.UniqueConstraint("source", "source_id", name="uq_feedback_source"),
    )
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_customer_id"), ["customer_id"])
        batch_op.create_index("ix_feedback_received", ["received_on", "id"])


    op.create_table(
        "monthly_submissions",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submitted_by_id"], ["users.id"],
                                name=op.f("fk_monthly_submissions_submitted_by_id_users")),
        sa.PrimaryKeyConstraint("kind", "year", "month", name=op.f("pk_monthly_submissions")),
    )


    op.create_table(
        "expenses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["entered_by_id"], ["users.id"],
                                name=op.f("fk_expenses_entered_by_id_users")),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_expenses_job_id_jobs")),
        sa.ForeignKeyConstraint(["person_id"], ["users.id"],
                                name=op.f("fk_expenses_person_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expenses")),
    )
    with op.batch_alter_table("expenses") as batch_op:
        batch_op.create_index(batch_op.f("ix_expenses_job_id"), ["job_id"])
        batch_op.create_index(batch_op.f("ix_expenses_person_id"), ["person_id"])
        batch_op.create_index("ix_expenses_day", ["spent_on", "id"])


def downgrade() -> None:
    with op.batch_alter_table("expenses") as batch_op:
        batch_op.drop_index("ix_expenses_day")
        batch_op.drop_index(batch_op.f("ix_expenses_person_id"))
        batch_op.drop_index(batch_op.f("ix_expenses_job_id"))
    op.drop_table("expenses")
    op.drop_table("monthly_submissions")
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.drop_index("ix_feedback_received")
        batch_op.drop_index(batch_op.f("ix_feedback_customer_id"))
    op.drop_table("feedback")
    with op.batch_alter_table("contract_visits") as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_visits_call_id"))
    op.drop_table("contract_visits")
    with op.batch_alter_table("maintenance_contracts") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_maintenance_contracts_renewal_by_id_users"),
                                 type_="foreignkey")
        for column in ("renewal_notes", "renewal_outcome", "renewal_visit_on",
                       "renewal_assigned_on", "renewal_by_id"):
            batch_op.drop_column(column)
    op.drop_table("complaint_month_figures")
    with op.batch_alter_table("complaint_liaisons") as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_liaisons_complaint_id"))
    op.drop_table("complaint_liaisons")
