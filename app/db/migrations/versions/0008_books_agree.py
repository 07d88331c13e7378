"""The books agree: bill lines typed by hand are marked (the others follow the facts), the
technician who took money on site apart from who holds cash, each stock move's price.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07

Existing data: a bill line is hand-typed when it is "other", or a labour/transport line
with a description (the fact lines have none), or a parts line with a description naming
no catalogue part.
Money taken on site was taken by its holder; WeChat/Alipay/card money not yet handed
over is the store's (no holder). A used part's price is its repair card's price, else the
catalogue's.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bill_lines") as batch_op:
        batch_op.add_column(sa.Column("manual", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table("bill_lines") as batch_op:
        batch_op.alter_column("manual", server_default=None)
    with op.batch_alter_table("payments") as batch_op:
        batch_op.add_column(sa.Column("taken_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_payments_taken_by_id_users"), "users",
                                    ["taken_by_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_payments_taken_by_id"), ["taken_by_id"])
    # a plain ADD COLUMN, never a batch copy: repair_part_uses refers to stock_movements,
    # and SQLite cannot drop a table that rows of another still point at
    op.add_column("stock_movements", sa.Column("unit_price_cents", sa.Integer(),
                                               nullable=False, server_default="0"))
    _backfill()


def _backfill() -> None:
    op.execute("""
        UPDATE bill_lines SET manual = TRUE WHERE kind = 'other'
          OR (kind IN ('labour', 'transport') AND description != '')
          OR (kind = 'parts' AND description != ''
              AND description NOT IN (SELECT number || ' ' || name FROM parts))""")
    op.execute("UPDATE payments SET taken_by_id = held_by_id WHERE place = 'on_site'")
    op.execute("""
        UPDATE payments SET held_by_id = NULL WHERE place = 'on_site' AND method != 'cash'
          AND handover_id IS NULL AND handed_over_at IS NULL""")
    op.execute("""
        UPDATE stock_movements SET unit_price_cents = coalesce(
          (SELECT u.unit_price_cents FROM repair_part_uses u
           WHERE u.movement_id = stock_movements.id),
          (SELECT p.unit_price_cents FROM parts p WHERE p.id = stock_movements.part_id))""")


def downgrade() -> None:
    # not a batch copy: repair_part_uses refers to stock_movements (SQLite ≥ 3.35 drops it)
    op.execute("ALTER TABLE stock_movements DROP COLUMN unit_price_cents")
    op.execute("UPDATE payments SET held_by_id = taken_by_id WHERE place = 'on_site' "
               "AND held_by_id IS NULL")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_taken_by_id"))
        batch_op.drop_constraint(batch_op.f("fk_payments_taken_by_id_users"),
                                 type_="foreignkey")
        batch_op.drop_column("taken_by_id")
    with op.batch_alter_table("bill_lines") as batch_op:
        batch_op.drop_column("manual")
