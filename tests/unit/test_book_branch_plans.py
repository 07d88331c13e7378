"""A branch's book: a rare word (a phone) finds its calls by their own rows, not by walking
the branch's whole book newest first (SQLite's plans; at 1,000,000 calls 2.6 ms against 76)."""

from __future__ import annotations

from collections.abc import Callable

from app.db.database import Database
from app.models.enums import Role
from app.services import call_book_service, calls_service, customers_service
from app.services.auth_service import create_user
from app.services.call_book_service import CallFilter
from app.services.context import ServiceContext
from tests.helpers.plans import query_plans
from tests.helpers.seed import SEED_PASSWORD


def test_a_phone_search_in_a_branch_does_not_walk_the_branchs_book(
        db: Database, login: Callable[[str], ServiceContext], sqlite_only: None) -> None:
    # given a clerk of a branch (the first: a single store's, migrated) and a customer
    create_user(login("admin"), username="clerk_b1", display_name="分店业务员",
                role=Role.CLERK, password=SEED_PASSWORD, branch_id=1)
    clerk = login("clerk_b1")
    assert clerk.actor.branch_id == 1
    customer = customers_service.create_customer(
        clerk, customers_service.CustomerInput("赵敏", ("13912345678",)))
    calls_service.register_call(clerk, calls_service.CallInput("不制冷", customer_id=customer.id))
    # when the book is searched for the phone
    plans = query_plans(db, lambda: call_book_service.list_calls(
        clerk, CallFilter(search="12345678"), limit=100), "calls")
    # then no statement reads the calls by the branch's received-time index
    assert not any("ix_calls_branch_received" in plan for plan in plans), plans
