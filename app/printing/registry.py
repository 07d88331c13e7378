"""Printable kinds: "voucher", "item-receipt", … → how to render one numbered document.

Each kind registers in its module of ``app.printouts`` (the DTO for a number, through the
services, drawn by the form in ``app.printing.documents``); the print path (preview dialog,
``main.py print KIND NUMBER``) knows kinds by their ``PrintKind``::

    from app.printing.registry import PrintKind, PrinterGroup, Rendered, register

    @register(PrintKind.VOUCHER, title=N_P("Service voucher"), group=PrinterGroup.FORMS)
    def render_voucher(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
        voucher = dispatch_service.voucher_for_print(ctx, number)   # NotFound if unknown
        pdf = VoucherDocument(store_header(ctx), voucher, reprint=reprint).generate()
        return Rendered(pdf, f"voucher-{number}.pdf")

Registration happens when the module is imported. :func:`get_kind` imports only the module
that owns the kind (``KIND_MODULES``: the first receipt of the day does not wait for the
thirteen other forms); :func:`kinds` imports every module of the table. A new
form adds its kinds to ``PrintKind`` and ``KIND_MODULES`` (a test holds the table to both).

One rule for every kind: rendering (the preview) changes nothing in the database; each copy
that leaves the app (printed, or saved as PDF) is recorded once, on the print trail
(``app.printouts.trail`` → ``print_log_service``), and the next copy is marked as a reprint.
A kind whose record keeps its own state of the printing (a receipt's print count, a
notice's sending date) registers its service's ``record_output``, called in the same
transaction as the print event, and, if that state counted copies before the print trail
did, ``copies`` (so those count as printed too).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from app.errors import NotFound
from app.i18n import N_
from app.services.print_log_dto import CopyCounter, OutputRecorder, PrintedDocument

if TYPE_CHECKING:
    from app.services.context import ServiceContext

log = logging.getLogger(__name__)


class PrintKind(StrEnum):
    """Every printable kind (the CLI's KIND, the print trail's record of a copy)."""

    COMPLAINT_LIAISON = "complaint-liaison"
    COMPLAINT_REMINDER = "complaint-reminder"
    COMPLAINT_REPLY = "complaint-reply"
    DAILY_REPORT = "daily-report"
    DAY_END = "day-end"
    EXPIRY_NOTICE = "expiry-notice"
    ITEM_RECEIPT = "item-receipt"
    ITEM_RECEIPT_A5 = "item-receipt-a5"
    PAYMENT_RECEIPT = "payment-receipt"
    PAYMENT_RECEIPT_A5 = "payment-receipt-a5"
    REGISTER_MONTH = "register-month"
    REPAIR_TAG = "repair-tag"
    SURVEY_CARD = "survey-card"
    TECHNICIAN_APPRAISAL = "technician-appraisal"
    TEST_PAGE = "test-page"
    VOUCHER = "voucher"


_FORMS = "app.printouts."
# kind → the module that registers it (imported on first use of the kind); a test holds the
# table to the modules, and to the members of PrintKind
KIND_MODULES: dict[PrintKind, str] = {
    PrintKind.COMPLAINT_LIAISON: _FORMS + "complaint_liaison",
    PrintKind.COMPLAINT_REMINDER: _FORMS + "complaint_reminder",
    PrintKind.COMPLAINT_REPLY: _FORMS + "complaint_reply",
    PrintKind.DAILY_REPORT: _FORMS + "daily_report",
    PrintKind.DAY_END: _FORMS + "day_end_report",
    PrintKind.EXPIRY_NOTICE: _FORMS + "expiry_notice",
    PrintKind.ITEM_RECEIPT: _FORMS + "item_receipt",
    PrintKind.ITEM_RECEIPT_A5: _FORMS + "item_receipt",
    PrintKind.PAYMENT_RECEIPT: _FORMS + "payment_receipt",
    PrintKind.PAYMENT_RECEIPT_A5: _FORMS + "payment_receipt",
    PrintKind.REGISTER_MONTH: _FORMS + "register_page",
    PrintKind.REPAIR_TAG: _FORMS + "repair_tag",
    PrintKind.SURVEY_CARD: _FORMS + "survey_card",
    PrintKind.TECHNICIAN_APPRAISAL: _FORMS + "technician_appraisal",
    PrintKind.TEST_PAGE: _FORMS + "printer_test_page",
    PrintKind.VOUCHER: _FORMS + "voucher",
}


class PrinterGroup(StrEnum):
    """Which printer a document goes to; each PC remembers one printer per group."""

    FORMS = "forms"  # A4/A5 laser: vouchers, reports, letters
    RECEIPTS = "receipts"  # 80 mm thermal roll
    TAGS = "tags"  # label printer: repair tags


@dataclass(frozen=True)
class Rendered:
    """One rendered document: the PDF and the file name to suggest when saving it."""

    pdf: bytes
    filename: str


Renderer = Callable[["ServiceContext", str, bool], Rendered]
__all__ = ["CopyCounter", "OutputRecorder", "PrintKind", "PrintableKind", "PrinterGroup",
           "Rendered", "get_kind", "kinds", "papers", "printed_document", "register", "render"]


@dataclass(frozen=True)
class PrintableKind:
    name: PrintKind
    title: str  # English source ("Service voucher"), printed/shown translated
    group: PrinterGroup
    render: Renderer  # changes nothing in the database
    record_output: OutputRecorder | None = None  # in the print event's transaction
    copies: CopyCounter | None = None  # > 0: printed (also before the print trail)
    document: PrintKind | None = None  # the document it is a copy of, whatever the paper

    @property
    def history(self) -> PrintKind:
        """The kind whose print history this kind's copies share (A5 → the roll receipt)."""
        return self.document or self.name


_kinds: dict[PrintKind, PrintableKind] = {}


def register(name: PrintKind, *, title: str, group: PrinterGroup,
             record_output: OutputRecorder | None = None,
             copies: CopyCounter | None = None,
             document: PrintKind | None = None) -> Callable[[Renderer], Renderer]:
    """Decorator: make ``render(ctx, number, reprint) -> Rendered`` printable as ``name``;
    ``document``: the kind it prints on another paper (one print history for both)."""

    def decorate(render: Renderer) -> Renderer:
        register_kind(PrintableKind(name, title, group, render, record_output, copies,
                                    document))
        return render

    return decorate


def register_kind(kind: PrintableKind) -> None:
    existing = _kinds.get(kind.name)
    if existing is not None and existing.render is not kind.render:
        raise ValueError(f"printable kind {kind.name!r} registered twice")
    _kinds[kind.name] = kind


def load_all() -> None:
    """Import every form module once, so every kind is registered."""
    for module in sorted(set(KIND_MODULES.values())):
        importlib.import_module(module)


def kinds() -> list[PrintableKind]:
    load_all()
    return sorted(_kinds.values(), key=lambda k: k.name)


def get_kind(name: str) -> PrintableKind:
    """The kind called ``name`` (importing only its module); NotFound (with the known kinds)
    otherwise."""
    if name not in set(PrintKind):
        raise NotFound(N_("There is no printable document kind {kind}. Known kinds: {known}."),
                       kind=name, known=", ".join(sorted(PrintKind)))
    kind = PrintKind(name)
    if kind not in _kinds:
        importlib.import_module(KIND_MODULES[kind])
    return _kinds[kind]


def papers(name: str) -> frozenset[str]:
    """The kinds that print the same document as ``name`` (the roll and the A5 receipt);
    they live in one module, so only that module is imported."""
    history = get_kind(name).history
    get_kind(history)
    return frozenset(k.name for k in _kinds.values() if k.history == history)


def printed_document(name: str) -> PrintedDocument:
    """What the print trail records copies of kind ``name`` as: the document's one history,
    the kinds that print it, and its service's note of a copy."""
    kind = get_kind(name)
    own = get_kind(kind.history)
    return PrintedDocument(own.name, papers(name), own.record_output, own.copies)


def render(ctx: ServiceContext, kind: str, number: str, *, reprint: bool) -> Rendered:
    """Render document ``number`` of ``kind`` (the renderer raises NotFound for no such one)."""
    return get_kind(kind).render(ctx, number, reprint)
