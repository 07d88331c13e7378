"""Initial schema.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

While version 0.1 is being built this revision creates the schema from the models;
it is frozen into explicit operations before the first release.
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    from app.models import Base

    Base.metadata.create_all(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("the initial schema cannot be downgraded")
