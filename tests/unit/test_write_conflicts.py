"""What a unit of work turns database-level races into: clear refusals, not the apology."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from app.errors import BusyError, ConflictError
from app.models.customers import Customer


class _DriverError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"driver error {sqlstate}")
        self.sqlstate = sqlstate


def test_a_record_saved_by_someone_else_mid_action_is_a_conflict(db):
    # Given a customer loaded in a unit of work, and its row saved by another counter
    with pytest.raises(ConflictError), db.write(None) as session:
        customer = session.scalar(select(Customer).where(Customer.name == "张伟"))
        assert customer is not None
        session.execute(update(Customer).where(Customer.id == customer.id)
                        .values(version=Customer.version + 1)
                        .execution_options(synchronize_session=False))
        # When this action writes its change against the version it read
        customer.notes = "老客户"
    # Then the clerk is told someone else changed it (not the generic apology), nothing saved
    with db.read() as session:
        assert session.scalar(select(Customer.notes).where(Customer.name == "张伟")) == ""


@pytest.mark.parametrize("sqlstate", ["40P01", "40001", "55P03"])
def test_a_deadlock_or_serialisation_failure_is_try_again(db, sqlstate):
    # PostgreSQL ends one of two transactions that wait on each other; nothing was saved
    with pytest.raises(BusyError), db.write(None):
        raise OperationalError("UPDATE …", {}, _DriverError(sqlstate))
