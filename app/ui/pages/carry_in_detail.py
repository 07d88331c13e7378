"""The repair card of one carried-in item as HTML for the detail pane."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.i18n import N_
from app.models.carry_in import ReceiptStatus
from app.printing.formatting import money
from app.services import late_repair_service
from app.services.carry_in_dto import CarryInDTO
from app.services.context import ServiceContext
from app.ui.table_models.carry_in_table_models import card_status_text

RECEIPT_STATUS: dict[str, str] = {
    ReceiptStatus.HELD: N_("Customer holds the receipt"),
    ReceiptStatus.TAKEN_BACK: N_("Receipt taken back (void)"),
    ReceiptStatus.LOST: N_("Receipt lost (void)"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left'>{escape(tr(label))}</th><td>{escape(value)}</td></tr>"


def _when(ctx: ServiceContext, job: CarryInDTO) -> str:
    return ctx.local(job.taken_in_at).strftime("%Y-%m-%d %H:%M")


def _summary(job: CarryInDTO, ctx: ServiceContext) -> list[str]:
    late = job.days_late(ctx.today())
    promised = job.promised_date.isoformat() + (
        "  " + tr("{n} days late").format(n=late) if late else "") + (
        "  " + tr("waiting for parts") if job.waiting_for_parts and job.in_store else "")
    return [
        _row(N_("Receipt No."),
             f"{job.receipt_number}  ({tr(RECEIPT_STATUS[job.receipt_status])})"),
        _row(N_("Card No."), f"{job.card_number}  ({card_status_text(job.card_status)})"),
        _row(N_("Call No."), job.call_number + (f" / {job.voucher_number}"
                                            if job.voucher_number else "")),
        _row(N_("Customer"), f"{job.customer_name}  {job.customer_phone}"),
        _row(N_("Item"), job.item_label),
        _row(N_("Accessories"), "、".join([*job.accessories, *([job.accessories_note]
                                                          if job.accessories_note else [])])),
        _row(N_("Condition"), job.condition), _row(N_("Fault"), job.fault),
        _row(N_("Taken in at"), f"{_when(ctx, job)}  {job.technician_name}"),
        _row(N_("Promised date"), promised),
        _row(N_("Time spent"), tr("{n} min").format(n=job.total_minutes)),
        _row(N_("Parts"), money(job.parts_cents)),
    ]


def _li(text: str) -> str:
    return f"<li>{escape(text)}</li>"


def _help_lines(job: CarryInDTO, ctx: ServiceContext) -> list[str]:
    """§十四: the promised date moved for parts (with what the customer was told), the
    requests for help on this item and the supervisor's answers."""
    lines = []
    for change in late_repair_service.promise_changes(ctx, job.receipt_id):
        when = ctx.local(change.at).strftime("%m-%d %H:%M")
        lines.append(_li(f"{when} " + tr("{name}: waiting for parts, promised {old} → {new}: "
                                          "{reason}").format(
            name=change.by, old=change.old_date.isoformat(), new=change.new_date.isoformat(),
            reason=change.reason)))
    for ask in late_repair_service.requests_for(ctx, job.receipt_id):
        when = ctx.local(ask.asked_at).strftime("%m-%d %H:%M")
        lines.append(_li(f"{when} " + tr("{name} asked for help: {note}").format(
            name=ask.asked_by, note=ask.note)))
        if ask.answered_at is not None:
            when = ctx.local(ask.answered_at).strftime("%m-%d %H:%M")
            lines.append(_li(f"{when} " + tr("{name} answered: {answer}").format(
                name=ask.answered_by, answer=ask.answer)))
    return lines


def _history(job: CarryInDTO, ctx: ServiceContext) -> list[str]:
    lines = []
    for work in job.work:
        when = ctx.local(work.recorded_at).strftime("%m-%d %H:%M")
        parts = "，".join(f"{p.part_number} {p.part_name} × {p.quantity}"
                         for p in job.parts if p.work_id == work.id)
        minutes = tr("{n} min").format(n=work.minutes)
        lines.append(_li(f"{when} {work.technician_name}: {minutes} {work.note} {parts}"))
    for check in job.inspections:
        result = tr("Inspection passed") if check.passed else tr("Inspection failed")
        when = ctx.local(check.at).strftime("%m-%d %H:%M")
        lines.append(_li(f"{when} {result} {check.inspector_name} {check.note}"))
    lines += _help_lines(job, ctx)
    if job.returned is not None:
        ret = job.returned
        when = ctx.local(ret.returned_at).strftime("%Y-%m-%d %H:%M")
        lost = tr("receipt lost, identity checked") if ret.receipt_lost else ""
        who = tr("Returned to {name}").format(name=ret.collected_by)
        lines.append(_li(f"{when} {who} ({ret.returned_by_name}) {lost}"))
    return lines


def detail_html(job: CarryInDTO, ctx: ServiceContext) -> str:
    history = _history(job, ctx)
    return ("<table cellspacing='4'>" + "".join(_summary(job, ctx)) + "</table>"
            + (f"<ul>{''.join(history)}</ul>" if history else ""))
