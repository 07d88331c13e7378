"""Opening what a number found: the record's own book where it has one, else its call."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.services import calls_service
from app.services.find_service import Found
from app.ui.errors import user_message
from app.ui.pages.registry import PageKey

KINDS = {
    "call": QT_TRANSLATE_NOOP("FindNumber", "Call"),
    "voucher": QT_TRANSLATE_NOOP("FindNumber", "Voucher"),
    "receipt": QT_TRANSLATE_NOOP("FindNumber", "Receipt"),
    "repair": QT_TRANSLATE_NOOP("FindNumber", "Repair card"),
    "payment": QT_TRANSLATE_NOOP("FindNumber", "Payment"),
    "invoice": QT_TRANSLATE_NOOP("FindNumber", "Invoice"),
    "complaint": QT_TRANSLATE_NOOP("FindNumber", "Complaint"),
    "contract": QT_TRANSLATE_NOOP("FindNumber", "Contract"),
    "survey": QT_TRANSLATE_NOOP("FindNumber", "Survey card"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("FindNumber", text)


def kind_text(kind: str) -> str:
    return tr(KINDS[kind]) if kind in KINDS else kind


def _open_call(window: Any, found: Found) -> bool:
    if found.call_id is None:
        return False
    try:
        number = calls_service.get_call(window.session.ctx, found.call_id).number
    except UserError as err:
        window.statusBar().showMessage(user_message(err), 10000)
        return True
    page = window.open_page(PageKey.CALLS)
    show = getattr(page, "show_number", None)
    if not callable(show):
        return False
    show(number)
    if found.kind != "call":
        window.statusBar().showMessage(tr("{kind} {number} belongs to call {call}.").format(
            kind=kind_text(found.kind), number=found.number, call=number), 10000)
    return True


def open_found(window: Any, found: Found) -> None:
    """Show ``found`` in the main window ``window``: receipts and repair cards on the carry-in
    page, complaints on theirs, contracts on theirs, anything else as its call in the book."""
    if found.kind in ("receipt", "repair"):
        page = window.open_page(PageKey.CARRY_IN)
        if page is not None and page.open_number(found.number):
            return
    if found.kind == "complaint":
        page = window.open_page(PageKey.COMPLAINTS)
        if page is not None:
            page.refresh()
            page.select(found.id)
            return
    if found.kind == "contract" and window.open_page(PageKey.CONTRACTS) is not None:
        window.statusBar().showMessage(tr("Contract {number}.").format(
            number=found.number), 10000)
        return
    if not _open_call(window, found):
        window.statusBar().showMessage(
            tr("{kind} {number} is not in a book you may open.").format(
                kind=kind_text(found.kind), number=found.number), 10000)
