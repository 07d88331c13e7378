"""The numbering service: gap-free, duplicate-free document numbers per series and month.

Per branch, too: the first branch (a single store) numbers as before (C2612-0001); another
branch's numbers carry its code after the letter (C02-2612-0001), from a counter of its own
(period "02:2612"), so numbers stay unique across the company and each branch's series has
no gaps.

The counter row is incremented inside the document's own transaction with one atomic
upsert, so a rolled-back document gives its number back and two counters never collide.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.numbering import DocumentCounter

# series → (prefix, serial width). Complaints have no letter prefix (seed 002: 2611-007).
SERIES: dict[str, tuple[str, int]] = {
    "call": ("C", 4),
    "voucher": ("V", 4),
    "receipt": ("R", 4),  # customer item receipt 客户商品领取收据
    "repair": ("J", 4),  # repair card 修护卡
    "payment": ("P", 4),  # payment receipt 收据
    "complaint": ("", 3),
    "contract": ("K", 4),
    "survey": ("S", 4),
    "liaison": ("Q", 3),  # 洽办单: a late-closed complaint traced with its department
}


def period_of(day: date) -> str:
    return day.strftime("%y%m")


def format_number(series: str, period: str, serial: int, branch_code: str = "") -> str:
    """``branch_code`` empty: the first branch's (a single store's) number."""
    prefix, width = SERIES[series]
    code = f"{branch_code}-" if branch_code else ""
    return f"{prefix}{code}{period}-{serial:0{width}d}"


def branch_code(session: Session, branch_id: int | None = None) -> str:
    """The code printed in the numbers of a branch ("" for the first): the session's branch,
    or for a session of every branch (the service department) ``branch_id``, the branch of
    the record the document belongs to."""
    branch = numbering_branch(session, branch_id)
    if branch == FIRST_BRANCH_ID:
        return ""
    codes: dict[int, str] = session.info.setdefault("branch_codes", {})
    if branch not in codes:
        code = session.scalar(select(Branch.code).where(Branch.id == branch))
        if code is None:
            raise KeyError(f"no branch {branch}")
        codes[branch] = str(code)
    return codes[branch]


def numbering_branch(session: Session, branch_id: int | None) -> int:
    """The branch whose series numbers a document: the session's own; a session of every
    branch numbers in the branch of the record the document is for."""
    own = branch_of(session)
    if own is not None:
        return own
    return branch_id if branch_id is not None else FIRST_BRANCH_ID


def next_number(session: Session, series: str, day: date, *,
                branch_id: int | None = None) -> str:
    """Allocate the next number of ``series`` for the month of ``day`` in this transaction.

    ``branch_id``: the branch of the record the document is for (a customer's, a call's),
    which a service department's session (of every branch) numbers in; a branch's session
    always numbers in its own."""
    if series not in SERIES:
        raise KeyError(f"unknown document series {series!r}")
    period = period_of(day)
    code = branch_code(session, branch_id)
    key = f"{code}:{period}" if code else period  # the branch's own counter
    table: Table = DocumentCounter.__table__  # type: ignore[assignment]
    dialect = session.get_bind().dialect.name
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    upsert = maker(table).values(series=series, period=key, last_value=1)
    stmt = upsert.on_conflict_do_update(
        index_elements=[table.c.series, table.c.period],
        set_={"last_value": table.c.last_value + 1},
    ).returning(table.c.last_value)
    serial = session.execute(stmt).scalar_one()
    return format_number(series, period, int(serial), code)


def reserve_block(session: Session, series: str, period: str, count: int) -> int:
    """Reserve ``count`` consecutive serials of one period; returns the first serial.

    For bulk loads (demo data, data moves) that write many documents in one transaction:
    the counter moves by ``count`` at once, so the numbers stay gap- and duplicate-free.
    A branch's session reserves from the branch's own counter (format the numbers with
    ``branch_code(session)``).
    """
    if count <= 0:
        raise ValueError("count must be positive")
    code = branch_code(session)
    period = f"{code}:{period}" if code else period
    table: Table = DocumentCounter.__table__  # type: ignore[assignment]
    dialect = session.get_bind().dialect.name
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    upsert = maker(table).values(series=series, period=period, last_value=count)
    stmt = upsert.on_conflict_do_update(
        index_elements=[table.c.series, table.c.period],
        set_={"last_value": table.c.last_value + count},
    ).returning(table.c.last_value)
    last = int(session.execute(stmt).scalar_one())
    return last - count + 1
