"""The service voucher (服务凭证) as printed: everything the technician carries to the customer."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, PermissionDenied
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer, Item
from app.models.enums import CallStatus
from app.models.jobs import Job, JobStatus
from app.models.staff import User
from app.models.store import ProductModel, Zone
from app.services.audit_service import last_change
from app.services.context import ServiceContext
from app.services.dto import VoidInfo
from app.services.permissions import Perm, allowed
from app.services.voucher_dto import VoucherDTO
from app.services.warranty import warranty_status

_MAY_PRINT = (Perm.DISPATCH, Perm.VISIT_RECORD, Perm.CALL_CLOSE)


def voucher_void(session: Session, job: Job, call: Call) -> VoidInfo | None:
    """Whether voucher ``job`` no longer holds, and since when and why: the one place that
    decides. Cancelling a call voids its vouchers with reason and time (``job.voided_at``);
    a voucher of a call cancelled before that was recorded, or a job cancelled on its own,
    takes the time and reason from the call or the audit trail."""
    if job.voided_at is not None:
        return VoidInfo(job.voided_at, job.void_reason)
    if call.status == CallStatus.CANCELLED.value:
        change = last_change(session, "calls", call.id, "status")
        at = call.closed_at or (change[0] if change else call.updated_at)
        return VoidInfo(at, call.cancel_reason or (change[1] if change else ""))
    if job.status == JobStatus.CANCELLED.value:
        change = last_change(session, "jobs", job.id, "status")
        return VoidInfo(change[0], change[1]) if change else VoidInfo(job.updated_at, "")
    return None


def voucher_for_print(ctx: ServiceContext, number: str) -> VoucherDTO:
    """The voucher ``number`` (e.g. V2611-0007) with its call, customer and item."""
    if not any(allowed(ctx.actor, p) for p in _MAY_PRINT):
        raise PermissionDenied(Perm.DISPATCH.value)
    with ctx.read() as session:
        job = session.scalar(select(Job).where(Job.number == number.strip().upper()))
        if job is None:
            raise NotFound(N_("No service voucher with the number {number}."), number=number)
        call = session.get(Call, job.call_id)
        assert call is not None
        customer = session.get(Customer, call.customer_id)
        assert customer is not None
        tech = session.get(User, job.technician_id)
        zone = session.get(Zone, call.zone_id) if call.zone_id else None
        item = session.get(Item, call.item_id) if call.item_id else None
        model = session.get(ProductModel, item.product_model_id) if item else None
        label, serial, purchase, state, last = "", "", None, "unknown", None
        if item is not None and model is not None:
            status = warranty_status(item.purchase_date, model.warranty_months,
                                     ctx.local(call.received_at).date(),
                                     restarted=item.warranty_restart)
            label, serial, purchase = f"{model.code} {model.name}", item.serial, \
                item.purchase_date
            state, last = status.state.value, status.last_day
        return VoucherDTO(
            job.number, call.number, call.received_at, customer.name, customer.address,
            tuple(p.phone for p in customer.phones), zone.name if zone else "", label, serial,
            purchase, state, last, job.category, call.fault,
            tech.display_name if tech else "", job.dispatched_at, job.deadline_at,
            voucher_void(session, job, call), branch_id=job.branch_id)
