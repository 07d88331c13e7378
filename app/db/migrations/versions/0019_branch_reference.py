"""Each branch's own reference data (issue 17): its settings (profile, letterhead, terms,
rates …), hours, calendar exceptions and prices over the company's, its zones, its stock.

The company's values stay where they were and are every branch's defaults; the new
``branch_*`` tables hold a branch's own values and start empty, so a single store reads what
it read before. Zones belong to a branch: the existing ones to the first; a branch already
opened gets a copy of them, and its calls and customers point at its copies. Stock on hand
per branch: each branch's balance is the sum of its ledger lines, the first branch's the
part's kept total less the others' (so a single store's stays its kept balance exactly).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def _owned(name: str, *columns: sa.Column, unique: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        *columns,
        sa.Column("branch_id", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["branches.id"],
                                name=op.f(f"fk_{name}_branch_id_branches")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("branch_id", unique, name=op.f(f"uq_{name}_branch_id")),
    )
    op.create_index(op.f(f"ix_{name}_branch_id"), name, ["branch_id"])


def _version() -> sa.Column:
    return sa.Column("version", sa.Integer(), nullable=False)


def upgrade() -> None:
    _owned("branch_settings", sa.Column("key", sa.String(length=60), nullable=False),
           sa.Column("value", sa.Text(), nullable=False), _version(), unique="key")
    _owned("branch_hours", sa.Column("weekday", sa.Integer(), nullable=False),
           sa.Column("is_open", sa.Boolean(), nullable=False),
           sa.Column("opens_at", sa.Time(), nullable=False),
           sa.Column("closes_at", sa.Time(), nullable=False), _version(), unique="weekday")
    _owned("branch_days", sa.Column("day", sa.Date(), nullable=False),
           sa.Column("is_open", sa.Boolean(), nullable=False),
           sa.Column("opens_at", sa.Time(), nullable=True),
           sa.Column("closes_at", sa.Time(), nullable=True),
           sa.Column("note", sa.String(length=100), nullable=False), _version(), unique="day")
    _owned("branch_prices",
           sa.Column("product_model_id", sa.Integer(), nullable=False),
           sa.Column("price_cents", sa.Integer(), nullable=False), _version(),
           sa.ForeignKeyConstraint(["product_model_id"], ["product_models.id"],
                                   name=op.f("fk_branch_prices_product_model_id_product_models")),
           unique="product_model_id")
    op.create_index(op.f("ix_branch_prices_product_model_id"), "branch_prices",
                    ["product_model_id"])
    _owned("branch_stock", sa.Column("part_id", sa.Integer(), nullable=False),
           sa.Column("quantity", sa.Integer(), nullable=False),
           sa.ForeignKeyConstraint(["part_id"], ["parts.id"],
                                   name=op.f("fk_branch_stock_part_id_parts")),
           unique="part_id")
    op.create_index(op.f("ix_branch_stock_part_id"), "branch_stock", ["part_id"])
    with op.batch_alter_table("zones") as batch_op:
        batch_op.add_column(sa.Column("branch_id", sa.Integer(), nullable=False,
                                      server_default=sa.text("1")))
        batch_op.create_foreign_key(op.f("fk_zones_branch_id_branches"), "branches",
                                    ["branch_id"], ["id"])
        batch_op.create_index(op.f("ix_zones_branch_id"), ["branch_id"])
        batch_op.drop_constraint("uq_zones_name", type_="unique")
        batch_op.create_unique_constraint(op.f("uq_zones_branch_id"), ["branch_id", "name"])
    _zones_for_other_branches()
    _stock_per_branch()


def _zones_for_other_branches() -> None:
    bind = op.get_bind()
    others = [r[0] for r in bind.execute(sa.text("SELECT id FROM branches WHERE id <> 1"))]
    zones = bind.execute(sa.text(
        "SELECT id, name, kind, dispatch_hours, active, version, created_at, updated_at "
        "FROM zones WHERE branch_id = 1 ORDER BY id")).all()
    for branch in others:
        for zid, name, kind, hours, active, version, created, updated in zones:
            new = bind.execute(sa.text(
                "INSERT INTO zones (name, kind, dispatch_hours, active, version, created_at, "
                "updated_at, branch_id) VALUES (:n, :k, :h, :a, :v, :c, :u, :b) RETURNING id"),
                {"n": name, "k": kind, "h": hours, "a": active, "v": version, "c": created,
                 "u": updated, "b": branch}).scalar_one()
            for table in ("calls", "customers"):
                bind.execute(sa.text(f"UPDATE {table} SET zone_id = :new "
                                     "WHERE zone_id = :old AND branch_id = :b"),
                             {"new": new, "old": zid, "b": branch})


def _stock_per_branch() -> None:
    op.execute(
        "INSERT INTO branch_stock (part_id, quantity, branch_id) "
        "SELECT part_id, sum(quantity), branch_id FROM stock_movements WHERE branch_id <> 1 "
        "GROUP BY part_id, branch_id HAVING sum(quantity) <> 0")
    op.execute(
        "INSERT INTO branch_stock (part_id, quantity, branch_id) "
        "SELECT p.id, p.stock_on_hand - coalesce((SELECT sum(s.quantity) FROM branch_stock s "
        "WHERE s.part_id = p.id), 0), 1 FROM parts p")


def downgrade() -> None:
    for table in ("calls", "customers"):  # back to the first branch's zone of that name
        op.execute(f"UPDATE {table} SET zone_id = (SELECT f.id FROM zones z JOIN zones f "
                   "ON f.name = z.name AND f.branch_id = 1 WHERE z.id = zone_id) "
                   "WHERE zone_id IN (SELECT id FROM zones WHERE branch_id <> 1)")
    op.execute("DELETE FROM zones WHERE branch_id <> 1")
    with op.batch_alter_table("zones") as batch_op:
        batch_op.drop_constraint(op.f("uq_zones_branch_id"), type_="unique")
        batch_op.create_unique_constraint("uq_zones_name", ["name"])
        batch_op.drop_index(op.f("ix_zones_branch_id"))
        batch_op.drop_constraint(op.f("fk_zones_branch_id_branches"), type_="foreignkey")
        batch_op.drop_column("branch_id")
    for name in ("branch_stock", "branch_prices", "branch_days", "branch_hours",
                 "branch_settings"):
        op.drop_table(name)
