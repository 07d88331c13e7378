"""A company for the service department's tests: branch 1 (the store of today) and branch 02,
each with its own people and a day of work; the seeded ``admin`` is the service department."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from app.models.enums import Role
from app.services import branch_service, calls_service, complaint_service, dispatch_service
from app.services.auth_service import create_user
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, ItemInput
from tests.helpers.carry_in import model_id, user_id
from tests.helpers.on_site import visit
from tests.helpers.seed import SEED_PASSWORD

ROLES = {"clerk": Role.CLERK, "super": Role.SUPERVISOR, "tech": Role.TECHNICIAN,
         "boss": Role.MANAGER}
# calls each branch took yesterday (a different number each, so a mix-up shows)
YESTERDAY_CALLS = {1: 2, 2: 3}


@dataclass
class Company:
    office: ServiceContext  # the service department (no branch)
    people: dict[int, dict[str, ServiceContext]]  # branch id → role → context
    branch_ids: tuple[int, int]
    yesterday: date


def make_company(login: Callable[[str], ServiceContext]) -> Company:
    """Two branches; each: a customer of its own, calls yesterday and today, one of today's
    dispatched and worked on site, one open complaint."""
    office = login("admin")
    second = branch_service.create_branch(office, code="02", name="杭州分公司")
    people: dict[int, dict[str, ServiceContext]] = {}
    for n, branch_id in ((1, 1), (2, second.id)):
        for role, kind in ROLES.items():
            create_user(office, username=f"{role}_b{n}", display_name=f"{role}{n}号",
                        role=kind, password=SEED_PASSWORD, branch_id=branch_id)
        people[branch_id] = {role: login(f"{role}_b{n}") for role in ROLES}
    yesterday = office.today() - timedelta(days=1)
    for n, branch_id in ((1, 1), (2, second.id)):
        _work(people[branch_id], n, yesterday)
    return Company(office, people, (1, second.id), yesterday)


def _work(ctx: dict[str, ServiceContext], n: int, yesterday: date) -> None:
    clerk = ctx["clerk"]
    customer = CustomerInput(f"客户{n}号", (f"1370000000{n}",), "市区路 1 号")
    first = calls_service.register_call(clerk, CallInput(
        fault="不脱水", new_customer=customer, new_item=ItemInput(model_id(clerk), f"SN-{n}")))
    customer_id = first.customer_id
    noon = datetime.combine(yesterday, time(10), tzinfo=clerk.tz)
    for k in range(YESTERDAY_CALLS[n]):
        calls_service.register_call(clerk, CallInput(
            fault=f"昨天的第{k + 1}个电话", customer_id=customer_id,
            received_at=noon + timedelta(minutes=k)))
    job = dispatch_service.dispatch_call(ctx["super"], first.id,
                                         user_id(clerk, f"tech_b{n}"),
                                         expected_version=first.version)
    visit(replace(ctx["tech"]), job, minutes=60 * n)
    complaint_service.open_complaint(clerk, complaint_service.ComplaintInput(
        customer_id=customer_id, description="维修太慢", kind="attitude"))
