"""Stock places: each technician's van beside the store's shelf. ``van_stock`` keeps a van's
balance of a part; every ledger line names its place (``van_id``, NULL: the store).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "van_stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("technician_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["part_id"], ["parts.id"],
                                name=op.f("fk_van_stock_part_id_parts")),
        sa.ForeignKeyConstraint(["technician_id"], ["users.id"],
                                name=op.f("fk_van_stock_technician_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_van_stock")),
        sa.UniqueConstraint("part_id", "technician_id", name=op.f("uq_van_stock_part_id")),
    )
    with op.batch_alter_table("van_stock", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_van_stock_technician_id"), ["technician_id"],
                              unique=False)
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("van_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_stock_movements_van_id"), ["van_id"],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_stock_movements_van_id_users"), "users",
                                    ["van_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_stock_movements_van_id_users"),
                                 type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_stock_movements_van_id"))
        batch_op.drop_column("van_id")
    with op.batch_alter_table("van_stock", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_van_stock_technician_id"))
    op.drop_table("van_stock")
