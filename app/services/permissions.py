"""Who may do what: checked in the services, mirrored (only) for hiding in the UI."""

from __future__ import annotations

from enum import StrEnum

from app.errors import PermissionDenied
from app.models.enums import Role
from app.services.context import Actor


class Perm(StrEnum):
    CALL_REGISTER = "call.register"
    CALL_EDIT = "call.edit"
    CALL_CANCEL = "call.cancel"
    CALL_CLOSE = "call.close"
    CUSTOMER_EDIT = "customer.edit"
    CUSTOMER_FULL_PHONE = "customer.full_phone"
    AUDIT_VIEW = "audit.view"
    REFERENCE_MANAGE = "reference.manage"
    USERS_MANAGE = "users.manage"
    DATA_IMPORT = "data.import"
    DISPATCH = "dispatch"
    CATEGORY_OVERRIDE = "category.override"
    VISIT_RECORD = "visit.record"
    INTERNAL_WORK = "internal.work"
    REPORTS_VIEW = "reports.view"
    REPORT_SIGN = "report.sign"
    REPORT_SUBMIT = "report.submit"  # a technician sends their own daily report
    TAKE_IN = "carry_in.take_in"
    REPAIR_WORK = "repair.work"
    INSPECT = "repair.inspect"
    RETURN_ITEM = "carry_in.return"
    REGISTER_CORRECT = "register.correct"
    PARTS_MANAGE = "parts.manage"
    STOCK_OVERRIDE = "parts.stock_override"
    BILL = "money.bill"
    COLLECT = "money.collect"
    HANDOVER_CONFIRM = "money.handover_confirm"
    INVOICE = "money.invoice"
    DISCOUNT = "money.discount"
    EXPORT = "export"
    COMPLAINT_MANAGE = "complaint.manage"
    COMPLAINT_DECIDE = "complaint.decide"
    CONTRACT_MANAGE = "contract.manage"
    SURVEY_ENTER = "survey.enter"
    BACKUP = "backup"
    RESTORE = "restore"


_CLERK = {
    Perm.CALL_REGISTER, Perm.CALL_EDIT, Perm.CALL_CANCEL, Perm.CALL_CLOSE, Perm.CUSTOMER_EDIT,
    Perm.AUDIT_VIEW, Perm.TAKE_IN, Perm.RETURN_ITEM, Perm.BILL, Perm.COLLECT, Perm.EXPORT,
    Perm.SURVEY_ENTER, Perm.COMPLAINT_MANAGE, Perm.BACKUP,
}
_TECHNICIAN = {
    Perm.AUDIT_VIEW, Perm.VISIT_RECORD, Perm.INTERNAL_WORK, Perm.REPAIR_WORK, Perm.TAKE_IN,
    Perm.COLLECT, Perm.REPORT_SUBMIT,
}
_SUPERVISOR = _CLERK | _TECHNICIAN | {
    Perm.CUSTOMER_FULL_PHONE, Perm.DISPATCH, Perm.CATEGORY_OVERRIDE, Perm.REPORTS_VIEW,
    Perm.INSPECT, Perm.REGISTER_CORRECT, Perm.PARTS_MANAGE,
    Perm.STOCK_OVERRIDE, Perm.DISCOUNT, Perm.CONTRACT_MANAGE,
}
_ACCOUNTANT = {
    Perm.AUDIT_VIEW, Perm.BILL, Perm.HANDOVER_CONFIRM, Perm.INVOICE, Perm.REPORTS_VIEW,
    Perm.EXPORT, Perm.CUSTOMER_FULL_PHONE, Perm.BACKUP,
}
_MANAGER = _SUPERVISOR | _ACCOUNTANT | {
    Perm.REFERENCE_MANAGE, Perm.DATA_IMPORT, Perm.COMPLAINT_DECIDE,
    Perm.REPORT_SIGN,  # a branch's supervisor report is signed by its manager (§十七)
}
_ADMIN = set(Perm)

ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CLERK: frozenset(_CLERK),
    Role.TECHNICIAN: frozenset(_TECHNICIAN),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ACCOUNTANT: frozenset(_ACCOUNTANT),
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: frozenset(_ADMIN),
}


def allowed(actor: Actor, perm: Perm) -> bool:
    return perm in ROLE_PERMISSIONS.get(actor.role, frozenset())


def require(actor: Actor, perm: Perm) -> None:
    """Raise PermissionDenied unless the actor's role carries ``perm``."""
    if not allowed(actor, perm):
        raise PermissionDenied(perm.value)
