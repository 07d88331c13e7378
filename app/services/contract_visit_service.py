"""The maintenance visits a contract promises (visits_per_year, seed 002 §二十), scheduled as
B-category calls: each due visit becomes a call in the call-log book on its due day, and the
dispatch board sends a technician like for any other call.

Due days spread evenly over each year of the term, in the middle of each interval (two a
year: about three and nine months in). A due day is scheduled once (contract_visits keeps
it); a day missed is caught up by the next run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.calls import Call
from app.models.contracts import ContractItem, ContractStatus, ContractVisit, MaintenanceContract
from app.models.enums import Category, Channel, ServiceKind
from app.services import calls_service
from app.services.context import ServiceContext
from app.services.permissions import Perm, require

# The fault text of the call: stored data in the store's language, like a clerk would type it.
VISIT_FAULT = "合同保养上门（{number} 第{n}次）"


@dataclass(frozen=True)
class ScheduledVisit:
    contract_id: int
    contract_number: str
    due_on: date
    call_id: int
    call_number: str


def due_days(start: date, end: date, visits_per_year: int) -> list[date]:
    """The visits' due days within the term: ``visits_per_year`` a year, each in the middle of
    its share of the year."""
    if visits_per_year <= 0:
        return []
    days: list[date] = []
    k = 0
    while True:
        due = start + timedelta(days=int((k + 0.5) * 365 / visits_per_year))
        if due > end:
            return days
        days.append(due)
        k += 1


def schedule_due_visits(ctx: ServiceContext, *, up_to: date | None = None,
                        since: date | None = None) -> list[ScheduledVisit]:
    """Register a B-category maintenance call for every contract visit due by ``up_to``
    (today) and not yet scheduled; ``since`` ignores older due days (a store starting to use
    this). One transaction: all the day's visits or none."""
    require(ctx.actor, Perm.CONTRACT_MANAGE)
    require(ctx.actor, Perm.CALL_REGISTER)
    last = up_to or ctx.today()
    with ctx.write(action="contract.visits") as session:
        contracts = session.scalars(
            select(MaintenanceContract)
            .where(MaintenanceContract.status.in_((ContractStatus.ACTIVE.value,
                                                   ContractStatus.RENEWED.value,
                                                   ContractStatus.LAPSED.value)),
                   MaintenanceContract.visits_per_year > 0,
                   MaintenanceContract.start_date <= last)
            .order_by(MaintenanceContract.id)).all()
        done = {(cid, day) for cid, day in session.execute(
            select(ContractVisit.contract_id, ContractVisit.due_on)
            .where(ContractVisit.contract_id.in_([c.id for c in contracts])))} \
            if contracts else set()
        out: list[ScheduledVisit] = []
        for contract in contracts:
            days = due_days(contract.start_date, contract.end_date, contract.visits_per_year)
            for n, due in enumerate(days, start=1):
                if due > last or (since and due < since) or (contract.id, due) in done:
                    continue
                out.append(_schedule(session, ctx, contract, due, n))
        return out


def _schedule(session: Session, ctx: ServiceContext, contract: MaintenanceContract, due: date,
              n: int) -> ScheduledVisit:
    item_id = session.scalar(select(ContractItem.item_id)
                             .where(ContractItem.contract_id == contract.id)
                             .order_by(ContractItem.id).limit(1))
    call = calls_service.insert_call(session, ctx, calls_service.CallInput(
        fault=VISIT_FAULT.format(number=contract.number, n=n), channel=Channel.PHONE,
        customer_id=contract.customer_id, item_id=item_id,
        service_kind=ServiceKind.MAINTENANCE))
    call.proposed_category = call.category = Category.B.value
    call.category_reason = f"contract {contract.number} visit {n} due {due.isoformat()}"
    session.add(ContractVisit(contract_id=contract.id, due_on=due, call_id=call.id))
    session.flush()
    return ScheduledVisit(contract.id, contract.number, due, call.id, call.number)


def visits_of(ctx: ServiceContext, contract_id: int) -> list[tuple[date, str, str]]:
    """A contract's scheduled visits: due day, call number, the call's status."""
    with ctx.read() as session:
        rows = session.execute(
            select(ContractVisit.due_on, Call.number, Call.status)
            .join(Call, Call.id == ContractVisit.call_id)
            .where(ContractVisit.contract_id == contract_id)
            .order_by(ContractVisit.due_on)).all()
        return [(r[0], r[1], r[2]) for r in rows]


