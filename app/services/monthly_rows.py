"""The monthly summary's row sheets: per technician, per product model, one row per job."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.billing import Bill, Payment
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, RepairCard, RepairPartUse, RepairWork
from app.models.customers import Customer, CustomerPhone, Item
from app.models.jobs import InternalWork, Job, Visit
from app.models.staff import User
from app.models.store import ProductModel, Zone
from app.services.monthly_dto import JobDetail, ModelMonth, TechnicianMonth
from app.services.validation import mask_phone

LABOUR_RATE = 6000  # cents per hour for valuing bench time by model (the repair rate)


def _pairs(session: Session, query: Any) -> dict[int, int]:
    return {int(k): int(v or 0) for k, v in session.execute(query)}


def technicians(session: Session, start: datetime, end: datetime) -> tuple[TechnicianMonth, ...]:
    hours: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for tech, category, minutes in session.execute(
            select(Visit.technician_id, Job.category, func.sum(Visit.labour_minutes))
            .join(Job, Job.id == Visit.job_id)
            .where(Visit.completed_at >= start, Visit.completed_at < end)
            .group_by(Visit.technician_id, Job.category)):
        hours[tech][category] += int(minutes or 0) / 60
    for tech, category, minutes in session.execute(
            select(RepairWork.technician_id, Call.category, func.sum(RepairWork.minutes))
            .join(RepairCard, RepairCard.id == RepairWork.card_id)
            .join(ItemReceipt, ItemReceipt.id == RepairCard.receipt_id)
            .join(Call, Call.id == ItemReceipt.call_id)
            .where(RepairWork.recorded_at >= start, RepairWork.recorded_at < end)
            .group_by(RepairWork.technician_id, Call.category)):
        hours[tech][category] += int(minutes or 0) / 60
    for tech, minutes in session.execute(
            select(InternalWork.technician_id, func.sum(InternalWork.minutes))
            .where(InternalWork.day >= start.date(), InternalWork.day < end.date(),
                   InternalWork.voided.is_(False)).group_by(InternalWork.technician_id)):
        hours[tech]["D"] += int(minutes or 0) / 60
    in_month = (Job.dispatched_at >= start) & (Job.dispatched_at < end)
    jobs = _pairs(session, select(Job.technician_id, func.count(Job.id)).where(in_month)
                  .group_by(Job.technician_id))
    due = _pairs(session, select(Job.technician_id, func.count(Job.id))
                 .where(in_month, Job.arrived_at.is_not(None)).group_by(Job.technician_id))
    met = _pairs(session, select(Job.technician_id, func.count(Job.id))
                 .where(in_month, Job.arrived_at <= Job.deadline_at)
                 .group_by(Job.technician_id))
    revenue = _pairs(session, select(Job.technician_id, func.sum(Bill.total_cents))
                     .join(Bill, Bill.call_id == Job.call_id).where(in_month)
                     .group_by(Job.technician_id))
    people = session.execute(select(User.id, User.display_name)
                             .where(User.role == "technician").order_by(User.display_name))
    return tuple(TechnicianMonth(name, jobs.get(uid, 0),
                                 {k: round(v, 2) for k, v in sorted(hours[uid].items())},
                                 met.get(uid, 0), due.get(uid, 0), revenue.get(uid, 0))
                 for uid, name in people)


def models(session: Session, start: datetime, end: datetime) -> tuple[ModelMonth, ...]:
    calls = _pairs(session, select(Item.product_model_id, func.count(Call.id))
                   .join(Item, Item.id == Call.item_id)
                   .where(Call.received_at >= start, Call.received_at < end)
                   .group_by(Item.product_model_id))
    card_join = (select(Item.product_model_id.label("model_id"), RepairCard.id.label("card_id"),
                        RepairCard.created_at.label("created_at"))
                 .join(ItemReceipt, ItemReceipt.item_id == Item.id)
                 .join(RepairCard, RepairCard.receipt_id == ItemReceipt.id).subquery())
    repairs = _pairs(session, select(card_join.c.model_id, func.count(card_join.c.card_id))
                     .where(card_join.c.created_at >= start, card_join.c.created_at < end)
                     .group_by(card_join.c.model_id))
    parts = _pairs(session, select(card_join.c.model_id,
                                   func.sum(RepairPartUse.quantity
                                            * RepairPartUse.unit_price_cents))
                   .join(RepairPartUse, RepairPartUse.card_id == card_join.c.card_id)
                   .join(RepairWork, RepairWork.id == RepairPartUse.work_id)
                   .where(RepairWork.recorded_at >= start, RepairWork.recorded_at < end)
                   .group_by(card_join.c.model_id))
    labour = _pairs(session, select(card_join.c.model_id, func.sum(RepairWork.minutes))
                    .join(RepairWork, RepairWork.card_id == card_join.c.card_id)
                    .where(RepairWork.recorded_at >= start, RepairWork.recorded_at < end)
                    .group_by(card_join.c.model_id))
    labour_visits = _pairs(session, select(Item.product_model_id, func.sum(Visit.labour_minutes))
                           .join(Job, Job.id == Visit.job_id).join(Call, Call.id == Job.call_id)
                           .join(Item, Item.id == Call.item_id)
                           .where(Visit.completed_at >= start, Visit.completed_at < end)
                           .group_by(Item.product_model_id))
    wanted = set(calls) | set(repairs) | set(parts) | set(labour_visits)
    rows = []
    for model in session.scalars(select(ProductModel).where(ProductModel.id.in_(wanted))
                                 .order_by(ProductModel.category, ProductModel.code)):
        minutes = labour.get(model.id, 0) + labour_visits.get(model.id, 0)
        cost = parts.get(model.id, 0) + minutes * LABOUR_RATE // 60
        rows.append(ModelMonth(model.code, model.name, model.category, calls.get(model.id, 0),
                               repairs.get(model.id, 0), parts.get(model.id, 0), cost))
    return tuple(rows)


_CALL_COLUMNS = (Call.id.label("call_id"), Call.number.label("call_number"), Call.received_at,
                 Call.channel, Call.category, Call.service_kind, Call.status)


def details(session: Session, start: datetime, end: datetime, *,
            full_phone: bool = False) -> tuple[JobDetail, ...]:
    """Vouchers dispatched in the month and walk-in carry-ins taken in, in time order.

    Plain column rows, not ORM objects: a month holds tens of thousands of jobs.
    """
    jobs = list(session.execute(
        select(Job.id.label("job_id"), Job.number, Job.technician_id, Job.dispatched_at,
               Job.arrived_at, Job.deadline_at, *_CALL_COLUMNS)
        .join(Call, Call.id == Job.call_id)
        .where(Job.dispatched_at >= start, Job.dispatched_at < end)))
    walk_ins = list(session.execute(
        select(ItemReceipt.number, ItemReceipt.technician_id, *_CALL_COLUMNS)
        .join(Call, Call.id == ItemReceipt.call_id)
        .where(ItemReceipt.voucher_id.is_(None), ItemReceipt.taken_in_at >= start,
               ItemReceipt.taken_in_at < end)))
    facts = _facts(session, [r.call_id for r in jobs] + [r.call_id for r in walk_ins],
                   [r.job_id for r in jobs])
    rows = [_detail(facts, r, full_phone=full_phone) for r in jobs]
    rows += [_detail(facts, r, full_phone=full_phone) for r in walk_ins]
    return tuple(sorted(rows, key=lambda r: (r.dispatched_at or r.received_at, r.number)))


def _facts(session: Session, call_ids: list[int], job_ids: list[int]) -> dict[str, dict]:  # type: ignore[type-arg]
    def chunks(ids: list[int]) -> list[list[int]]:
        return [ids[i:i + 900] for i in range(0, len(ids), 900)] or [[]]

    facts: dict[str, dict] = defaultdict(dict)  # type: ignore[type-arg]
    for part in chunks(call_ids):
        for cid, name, zone, model in session.execute(
                select(Call.id, Customer.name, Zone.name, ProductModel.code)
                .join(Customer, Customer.id == Call.customer_id)
                .outerjoin(Zone, Zone.id == Call.zone_id)
                .outerjoin(Item, Item.id == Call.item_id)
                .outerjoin(ProductModel, ProductModel.id == Item.product_model_id)
                .where(Call.id.in_(part))):
            facts["who"][cid] = (name, zone or "", model or "")
        for cid, phone in session.execute(
                select(Call.id, func.min(CustomerPhone.phone))
                .join(CustomerPhone, CustomerPhone.customer_id == Call.customer_id)
                .where(Call.id.in_(part)).group_by(Call.id)):
            facts["phone"][cid] = phone
        facts["billed"].update(_pairs(session, select(Bill.call_id, Bill.total_cents)
                                      .where(Bill.call_id.in_(part))))
        facts["paid"].update(_pairs(session, select(Bill.call_id, func.sum(Payment.amount_cents))
                                    .join(Payment, Payment.bill_id == Bill.id)
                                    .where(Bill.call_id.in_(part), Payment.voided.is_(False))
                                    .group_by(Bill.call_id)))
        facts["parts"].update(_pairs(session, select(
            ItemReceipt.call_id, func.sum(RepairPartUse.quantity * RepairPartUse.unit_price_cents))
            .join(RepairCard, RepairCard.receipt_id == ItemReceipt.id)
            .join(RepairPartUse, RepairPartUse.card_id == RepairCard.id)
            .where(ItemReceipt.call_id.in_(part)).group_by(ItemReceipt.call_id)))
    for part in chunks(job_ids):
        for jid, minutes, outcome in session.execute(
                select(Visit.job_id, func.sum(Visit.labour_minutes), func.max(Visit.outcome))
                .where(Visit.job_id.in_(part)).group_by(Visit.job_id)):
            facts["visits"][jid] = (int(minutes or 0), outcome or "")
    facts["techs"] = dict(session.execute(select(User.id, User.display_name)).all())
    return facts


def _detail(facts: dict[str, dict], row: Any, *,  # type: ignore[type-arg]
            full_phone: bool) -> JobDetail:
    """One sheet row from a voucher row (with ``job_id``) or a walk-in receipt row."""
    name, zone, model = facts["who"].get(row.call_id, ("", "", ""))
    phone = facts["phone"].get(row.call_id, "")
    is_job = "job_id" in row._fields
    minutes, outcome = facts["visits"].get(row.job_id, (0, "")) if is_job else (0, "walk_in")
    arrived = row.arrived_at if is_job else None
    met = None if arrived is None else arrived <= row.deadline_at
    return JobDetail(
        row.number, row.call_number, row.received_at, name,
        phone if full_phone else mask_phone(phone), zone, row.channel, model, row.category,
        row.service_kind, facts["techs"].get(row.technician_id, ""),
        row.dispatched_at if is_job else None, arrived, met, outcome or row.status, minutes,
        facts["parts"].get(row.call_id, 0), facts["billed"].get(row.call_id, 0),
        facts["paid"].get(row.call_id, 0))
