"""Plain data of the carry-in flow (receipt, repair card, work, parts), built in one place."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.calls import Call
from app.models.carry_in import (
    CardStatus,
    Inspection,
    ItemReceipt,
    ItemReturn,
    ReceiptStatus,
    RepairCard,
    RepairPartUse,
    RepairWork,
)
from app.models.customers import Customer, Item
from app.models.jobs import Job
from app.models.parts import Part
from app.models.staff import User
from app.models.store import ProductModel
from app.services.context import ServiceContext
from app.services.dto import StoreHeader, item_label
from app.services.permissions import Perm, allowed
from app.services.settings_kv import SESSION, BranchArg, load_setting
from app.services.validation import mask_phone


@dataclass(frozen=True)
class WorkDTO:
    id: int
    technician_name: str
    started_at: datetime | None
    stopped_at: datetime | None
    minutes: int
    note: str
    recorded_at: datetime


@dataclass(frozen=True)
class PartUseDTO:
    id: int
    work_id: int
    part_number: str
    part_name: str
    unit: str
    quantity: int
    unit_price_cents: int

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_price_cents


@dataclass(frozen=True)
class InspectionDTO:
    id: int
    inspector_name: str
    at: datetime
    passed: bool
    note: str


@dataclass(frozen=True)
class ReturnDTO:
    returned_at: datetime
    returned_by_name: str
    collected_by: str
    customer_signed: bool
    receipt_lost: bool
    id_type: str
    id_last_digits: str
    phone_matched: bool


@dataclass(frozen=True)
class CarryInDTO:
    """One carried-in item: its receipt, repair card, work, parts, inspections, return."""

    receipt_id: int
    receipt_number: str
    receipt_status: str  # held | taken_back | lost
    receipt_version: int
    print_count: int
    call_id: int
    call_number: str
    voucher_id: int | None
    voucher_number: str
    customer_id: int
    customer_name: str
    customer_phone: str
    customer_address: str
    item_id: int
    model_code: str
    model_name: str
    serial: str
    accessories: tuple[str, ...]
    accessories_note: str
    condition: str
    fault: str
    promised_date: date
    taken_in_at: datetime
    technician_id: int
    technician_name: str
    card_id: int
    card_number: str
    card_status: str  # in_repair | failed | passed | returned
    card_version: int
    card_print_count: int
    total_minutes: int
    parts_cents: int
    work: tuple[WorkDTO, ...]
    parts: tuple[PartUseDTO, ...]
    inspections: tuple[InspectionDTO, ...]
    returned: ReturnDTO | None
    waiting_for_parts: bool = False  # §十四: the promised date was moved for parts

    @property
    def item_label(self) -> str:
        return item_label(self.model_code, self.model_name, self.serial)

    @property
    def card_open(self) -> bool:
        """Work can still be recorded on the card (in repair or failed inspection)."""
        return CardStatus(self.card_status).is_open

    @property
    def in_store(self) -> bool:
        return self.receipt_status == ReceiptStatus.HELD.value

    @property
    def receipt_lost(self) -> bool:
        """The item went back on an identity check because the receipt was lost."""
        return self.receipt_status == ReceiptStatus.LOST.value

    def days_late(self, today: date) -> int:
        return max(0, (today - self.promised_date).days) if self.in_store else 0


def accessories_of(receipt: ItemReceipt) -> tuple[str, ...]:
    raw = json.loads(receipt.accessories or "[]")
    return tuple(str(a) for a in raw)


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {r.id: r.display_name for r in rows}


def _work(session: Session, card_id: int) -> tuple[list[RepairWork], list[Inspection]]:
    work = list(session.scalars(select(RepairWork).where(RepairWork.card_id == card_id)
                                .order_by(RepairWork.id)))
    checks = list(session.scalars(select(Inspection).where(Inspection.card_id == card_id)
                                  .order_by(Inspection.id)))
    return work, checks


def _parts(session: Session, card_id: int) -> tuple[PartUseDTO, ...]:
    rows = session.execute(
        select(RepairPartUse, Part.number, Part.name, Part.unit)
        .join(Part, Part.id == RepairPartUse.part_id)
        .where(RepairPartUse.card_id == card_id).order_by(RepairPartUse.id))
    return tuple(PartUseDTO(u.id, u.work_id, number, name, unit, u.quantity, u.unit_price_cents)
                 for u, number, name, unit in rows)


def _returned(session: Session, receipt_id: int,
              names: dict[int, str]) -> ReturnDTO | None:
    ret = session.scalar(select(ItemReturn).where(ItemReturn.receipt_id == receipt_id))
    if ret is None:
        return None
    who = names.get(ret.returned_by_id) or _names(session, {ret.returned_by_id}).get(
        ret.returned_by_id, "")
    return ReturnDTO(ret.returned_at, who, ret.collected_by, ret.customer_signed,
                     ret.receipt_lost, ret.id_type, ret.id_last_digits, ret.phone_matched)


def phone_for(ctx: ServiceContext, customer: Customer) -> str:
    phone = customer.phones[0].phone if customer.phones else ""
    full = allowed(ctx.actor, Perm.CUSTOMER_FULL_PHONE) or allowed(ctx.actor, Perm.TAKE_IN)
    return phone if full else mask_phone(phone)


def carry_in_dto(session: Session, ctx: ServiceContext, receipt: ItemReceipt) -> CarryInDTO:
    card = session.scalar(select(RepairCard).where(RepairCard.receipt_id == receipt.id))
    assert card is not None
    call = session.get(Call, receipt.call_id)
    customer = session.get(Customer, receipt.customer_id)
    item = session.get(Item, receipt.item_id)
    assert call is not None and customer is not None and item is not None
    model = session.get(ProductModel, item.product_model_id)
    assert model is not None
    job = session.get(Job, receipt.voucher_id) if receipt.voucher_id else None
    work, checks = _work(session, card.id)
    names = _names(session, {receipt.technician_id} | {w.technician_id for w in work}
                   | {c.inspector_id for c in checks})
    return CarryInDTO(
        receipt.id, receipt.number, receipt.status, receipt.version, receipt.print_count,
        call.id, call.number, receipt.voucher_id, job.number if job else "",
        customer.id, customer.name, phone_for(ctx, customer), customer.address,
        item.id, model.code, model.name, item.serial,
        accessories_of(receipt), receipt.accessories_note, receipt.condition, receipt.fault,
        receipt.promised_date, receipt.taken_in_at, receipt.technician_id,
        names.get(receipt.technician_id, ""), card.id, card.number, card.status, card.version,
        card.print_count, card.total_minutes, card.parts_cents,
        tuple(WorkDTO(w.id, names.get(w.technician_id, ""), w.started_at, w.stopped_at,
                      w.minutes, w.note, w.recorded_at) for w in work),
        _parts(session, card.id),
        tuple(InspectionDTO(c.id, names.get(c.inspector_id, ""), c.at, c.passed, c.note)
              for c in checks),
        _returned(session, receipt.id, names), receipt.waiting_for_parts,
    )


@dataclass(frozen=True)
class PrintPack:
    """Everything one print of a receipt or tag needs; ``copy`` > 1 is a reprint."""

    job: CarryInDTO
    store: StoreHeader
    terms: str
    copy: int
    printed_at: datetime
    printed_by: str
    tag_size_mm: tuple[float, float] = (100.0, 70.0)

    @property
    def reprint(self) -> bool:
        return self.copy > 1


def setting(session: Session, key: str, branch: BranchArg = SESSION) -> Any:
    """A setting's value for a branch (by default the session's; see settings_kv)."""
    return load_setting(session, key, branch=branch)[0]
