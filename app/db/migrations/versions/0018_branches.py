"""Branches (分公司, issue 17): every business record belongs to one branch; staff to a branch
or (NULL) to the service department. The store of today becomes branch 1, code "01", named
as its profile: every existing record and user lands in it, and a record written without a
branch lands there too (the server default), so a one-store database works as before.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Every table whose rows belong to a branch (app.models.branch.BranchOwned).
OWNED = (
    "customers", "customer_phones", "items", "calls", "jobs", "visits", "internal_work",
    "item_receipts", "register_entries", "repair_cards", "bills", "payments",
    "cash_handovers", "invoices", "exchanges", "maintenance_contracts", "contract_visits",
    "call_chases", "outbox_messages", "stock_movements", "van_stock",
    "daily_report_records", "survey_cards", "complaints", "feedback", "followups", "expenses",
)


# SQLite rebuilds a table to add a constrained column, and its triggers go with the old one:
# the full-text index's triggers on calls (0001) come back (rowids are kept, so the index
# itself still holds).
CALLS_FTS_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS calls_fts_ai AFTER INSERT ON calls BEGIN "
    "INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS calls_fts_ad AFTER DELETE ON calls BEGIN "
    "INSERT INTO calls_fts(calls_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS calls_fts_au AFTER UPDATE OF search_text ON calls BEGIN "
    "INSERT INTO calls_fts(calls_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def _calls_triggers_back() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in CALLS_FTS_TRIGGERS:
            op.execute(statement)


def _first_branch() -> tuple[str, str]:
    row = op.get_bind().execute(
        sa.text("SELECT value FROM settings WHERE key = 'store.profile'")).first()
    name, kind = "", "service_centre"
    if row is not None:
        try:
            profile = json.loads(row[0])
        except ValueError:
            profile = {}
        if isinstance(profile, dict):
            name = str(profile.get("name") or "")[:60]
            kind = str(profile.get("kind") or kind)[:16]
    return name, kind


def upgrade() -> None:
    branches = op.create_table(
        "branches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branches")),
        sa.UniqueConstraint("code", name=op.f("uq_branches_code")),
    )
    name, kind = _first_branch()
    now = datetime.now(UTC).replace(tzinfo=None)
    op.execute(branches.insert().values(id=1, code="01", name=name, kind=kind, active=True,
                                        version=1, created_at=now, updated_at=now))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval(pg_get_serial_sequence('branches', 'id'), 1)")
    for table in OWNED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("branch_id", sa.Integer(), nullable=False,
                                          server_default=sa.text("1")))
            batch_op.create_foreign_key(op.f(f"fk_{table}_branch_id_branches"), "branches",
                                        ["branch_id"], ["id"])
            batch_op.create_index(op.f(f"ix_{table}_branch_id"), ["branch_id"])
    op.create_index("ix_calls_branch_received", "calls", ["branch_id", "received_at", "id"])
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("branch_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_users_branch_id_branches"), "branches",
                                    ["branch_id"], ["id"])
        batch_op.create_index(op.f("ix_users_branch_id"), ["branch_id"])
    # The store's staff work in it; its administrators run the company (the service
    # department), so they can open the next branch.
    op.execute("UPDATE users SET branch_id = 1 WHERE role <> 'admin'")
    _calls_triggers_back()


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_index(op.f("ix_users_branch_id"))
        batch_op.drop_constraint(op.f("fk_users_branch_id_branches"), type_="foreignkey")
        batch_op.drop_column("branch_id")
    op.drop_index("ix_calls_branch_received", table_name="calls")
    for table in reversed(OWNED):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_index(op.f(f"ix_{table}_branch_id"))
            batch_op.drop_constraint(op.f(f"fk_{table}_branch_id_branches"),
                                     type_="foreignkey")
            batch_op.drop_column("branch_id")
    op.drop_table("branches")
    _calls_triggers_back()
