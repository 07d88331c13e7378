"""Phones stored with full-width digits (typed with a Chinese IME) are folded to ASCII.

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-07

Before this revision a phone typed as 138１２３４５６７８ was stored as typed, so the duplicate
check and every lookup by 13812345678 missed it. The phone, its digits and the digits in the
calls' search text are rewritten as the services now store them (NFKC, ASCII digits). Data
only: the schema is unchanged.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, customer_id, phone, digits FROM customer_phones"))
    for phone_id, customer_id, phone, digits in rows.fetchall():
        new_phone = unicodedata.normalize("NFKC", phone)
        new_digits = "".join(c for c in unicodedata.normalize("NFKC", digits) if c in "0123456789")
        if (new_phone, new_digits) == (phone, digits):
            continue
        conn.execute(sa.text("UPDATE customer_phones SET phone = :p, digits = :d WHERE id = :i"),
                     {"p": new_phone, "d": new_digits, "i": phone_id})
        conn.execute(sa.text("UPDATE calls SET search_text = replace(search_text, :old, :new) "
                             "WHERE customer_id = :c"),
                     {"old": digits, "new": new_digits, "c": customer_id})


def downgrade() -> None:
    """Nothing to undo: ASCII digits are what every version reads."""
