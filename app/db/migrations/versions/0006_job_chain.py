"""The job's chain: who holds money taken on site, cash hand-overs, void vouchers, the bill decided at a return, daily
reports as records, late-repair escalations and promise changes.

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-23

Existing on-site payments not yet handed over are held by whoever collected them (the
only owner the old data knows).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cash_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recorded_cents", sa.Integer(), nullable=False),
        sa.Column("counted_cents", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["confirmed_by_id"], ["users.id"],
                                name=op.f("fk_cash_handovers_confirmed_by_id_users")),
        sa.ForeignKeyConstraint(["holder_id"], ["users.id"],
                                name=op.f("fk_cash_handovers_holder_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_handovers")),
    )
    with op.batch_alter_table("cash_handovers") as batch_op:
        batch_op.create_index(batch_op.f("ix_cash_handovers_holder_id"), ["holder_id"])
    with op.batch_alter_table("payments") as batch_op:
        batch_op.add_column(sa.Column("held_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("handover_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_payments_held_by_id_users"), "users",
                                    ["held_by_id"], ["id"])
        batch_op.create_foreign_key(batch_op.f("fk_payments_handover_id_cash_handovers"),
                                    "cash_handovers", ["handover_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_payments_held_by_id"), ["held_by_id"])
    op.execute("UPDATE payments SET held_by_id = collected_by_id WHERE place = 'on_site'")
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("void_reason", sa.String(length=200), nullable=False,
                                      server_default=""))
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.alter_column("void_reason", server_default=None)
    with op.batch_alter_table("item_receipts") as batch_op:
        batch_op.add_column(sa.Column("waiting_for_parts", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table("item_receipts") as batch_op:
        batch_op.alter_column("waiting_for_parts", server_default=None)
    with op.batch_alter_table("item_returns") as batch_op:
        batch_op.add_column(sa.Column("settlement", sa.String(length=12), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("settlement_reason", sa.String(length=200),
                                      nullable=False, server_default=""))
    with op.batch_alter_table("item_returns") as batch_op:
        batch_op.alter_column("settlement", server_default=None)
        batch_op.alter_column("settlement_reason", server_default=None)
    op.create_table(
        "promise_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("old_date", sa.Date(), nullable=False),
        sa.Column("new_date", sa.Date(), nullable=False),
        sa.Column("waiting_for_parts", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"],
                                name=op.f("fk_promise_changes_by_id_users")),
        sa.ForeignKeyConstraint(["receipt_id"], ["item_receipts.id"],
                                name=op.f("fk_promise_changes_receipt_id_item_receipts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promise_changes")),
    )
    with op.batch_alter_table("promise_changes") as batch_op:
        batch_op.create_index(batch_op.f("ix_promise_changes_receipt_id"), ["receipt_id"])
    op.create_table(
        "repair_escalations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("asked_by_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("answer", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["answered_by_id"], ["users.id"],
                                name=op.f("fk_repair_escalations_answered_by_id_users")),
        sa.ForeignKeyConstraint(["asked_by_id"], ["users.id"],
                                name=op.f("fk_repair_escalations_asked_by_id_users")),
        sa.ForeignKeyConstraint(["receipt_id"], ["item_receipts.id"],
                                name=op.f("fk_repair_escalations_receipt_id_item_receipts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repair_escalations")),
    )
    with op.batch_alter_table("repair_escalations") as batch_op:
        batch_op.create_index(batch_op.f("ix_repair_escalations_receipt_id"), ["receipt_id"])
    op.create_table(
        "daily_report_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("total_minutes", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["technician_id"], ["users.id"],
                                name=op.f("fk_daily_report_records_technician_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_report_records")),
        sa.UniqueConstraint("kind", "day", "technician_id",
                            name="uq_daily_report_records_kind_day_tech"),
    )
    with op.batch_alter_table("daily_report_records") as batch_op:
        batch_op.create_index("ix_daily_report_records_day", ["day"])
    op.create_table(
        "daily_report_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"],
                                name=op.f("fk_daily_report_steps_actor_id_users")),
        sa.ForeignKeyConstraint(["report_id"], ["daily_report_records.id"],
                                name=op.f("fk_daily_report_steps_report_id_daily_report_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_report_steps")),
    )
    with op.batch_alter_table("daily_report_steps") as batch_op:
        batch_op.create_index(batch_op.f("ix_daily_report_steps_report_id"), ["report_id"])


def downgrade() -> None:
    for table in ("daily_report_steps", "daily_report_records", "repair_escalations",
                  "promise_changes"):
        op.drop_table(table)
    with op.batch_alter_table("item_returns") as batch_op:
        batch_op.drop_column("settlement_reason")
        batch_op.drop_column("settlement")
    with op.batch_alter_table("item_receipts") as batch_op:
        batch_op.drop_column("waiting_for_parts")
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_column("void_reason")
        batch_op.drop_column("voided_at")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_held_by_id"))
        batch_op.drop_constraint(batch_op.f("fk_payments_handover_id_cash_handovers"),
                                 type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_payments_held_by_id_users"), type_="foreignkey")
        batch_op.drop_column("handover_id")
        batch_op.drop_column("held_by_id")
    op.drop_table("cash_handovers")
