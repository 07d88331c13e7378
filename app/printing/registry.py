"""Printable kinds: "voucher", "item-receipt", … → how to render one numbered document.

The module that owns a form registers its kind; the print path (preview dialog, ``main.py
print KIND NUMBER``) only knows kinds by name::

    from app.printing.registry import PrinterGroup, Rendered, register

    @register("voucher", title=N_P("Service voucher"), group=PrinterGroup.FORMS)
    def render_voucher(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
        voucher = dispatch_service.voucher_for_print(ctx, number)   # NotFound if unknown
        pdf = VoucherDocument(store_header(ctx), voucher, reprint=reprint).generate()
        return Rendered(pdf, f"voucher-{number}.pdf")

Registration happens when the module is imported. :func:`get_kind` imports only the module
that owns the kind (``KIND_MODULES``: the first receipt of the day does not wait for the
thirteen other forms); :func:`kinds` imports every module of ``app.printing.documents``.
A new form adds its kinds to ``KIND_MODULES`` (a test holds the table to the modules).

One rule for every kind: rendering (the preview) changes nothing in the database; each copy
that leaves the app (printed, or saved as PDF) is recorded once, on the print trail
(``app.printing.trail`` → ``print_log_service``), and the next copy is marked as a reprint.
A kind whose record keeps its own state of the printing (a receipt's print count, a
notice's sending date) registers its service's ``record_output``, called in the same
transaction as the print event, and, if that state counted copies before the print trail
did, ``copies`` (so those count as printed too).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from app.errors import NotFound
from app.i18n import N_
from app.services.print_log_service import CopyCounter, OutputRecorder, PrintedDocument

if TYPE_CHECKING:
    from app.services.context import ServiceContext

log = logging.getLogger(__name__)
DOCUMENT_PACKAGES = ("app.printing.documents",)
# kind → the module that registers it (imported on first use of the kind)
KIND_MODULES = {
    "complaint-liaison": "app.printing.documents.complaint_liaison",
    "complaint-reminder": "app.printing.documents.complaint_reminder",
    "complaint-reply": "app.printing.documents.complaint_reply",
    "daily-report": "app.printing.documents.daily_report",
    "day-end": "app.printing.documents.day_end_report",
    "expiry-notice": "app.printing.documents.expiry_notice",
    "item-receipt": "app.printing.documents.item_receipt",
    "item-receipt-a5": "app.printing.documents.item_receipt",
    "payment-receipt": "app.printing.documents.payment_receipt",
    "payment-receipt-a5": "app.printing.documents.payment_receipt",
    "register-month": "app.printing.documents.register_page",
    "repair-tag": "app.printing.documents.repair_tag",
    "survey-card": "app.printing.documents.survey_card",
    "technician-appraisal": "app.printing.documents.technician_appraisal",
    "test-page": "app.printing.documents.printer_test_page",
    "voucher": "app.printing.documents.voucher",
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
__all__ = ["CopyCounter", "OutputRecorder", "PrintableKind", "PrinterGroup", "Rendered",
           "get_kind", "kinds", "papers", "printed_document", "register", "render"]


@dataclass(frozen=True)
class PrintableKind:
    name: str  # "voucher", "item-receipt", … (the CLI's KIND)
    title: str  # English source ("Service voucher"), printed/shown translated
    group: PrinterGroup
    render: Renderer  # changes nothing in the database
    record_output: OutputRecorder | None = None  # in the print event's transaction
    copies: CopyCounter | None = None  # > 0: printed (also before the print trail)
    document: str = ""  # the document it is a copy of, whatever the paper ("" = name)

    @property
    def history(self) -> str:
        """The kind whose print history this kind's copies share (A5 → the roll receipt)."""
        return self.document or self.name


_kinds: dict[str, PrintableKind] = {}
_loaded = False


def register(name: str, *, title: str, group: PrinterGroup,
             record_output: OutputRecorder | None = None,
             copies: CopyCounter | None = None,
             document: str = "") -> Callable[[Renderer], Renderer]:
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
    global _loaded
    if _loaded:
        return
    _loaded = True
    for package_name in DOCUMENT_PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__, package_name + "."):
            try:
                importlib.import_module(info.name)
            except Exception:  # one broken form must not take every other print down
                log.exception("printable kinds in %s not loaded", info.name)


def kinds() -> list[PrintableKind]:
    load_all()
    return sorted(_kinds.values(), key=lambda k: k.name)


def get_kind(name: str) -> PrintableKind:
    """The kind called ``name`` (importing only its module); NotFound (with the known kinds)
    otherwise."""
    kind = _kinds.get(name)
    if kind is None and name in KIND_MODULES:
        importlib.import_module(KIND_MODULES[name])
        kind = _kinds.get(name)
    if kind is None:
        load_all()
        kind = _kinds.get(name)
    if kind is None:
        raise NotFound(N_("There is no printable document kind {kind}. Known kinds: {known}."),
                       kind=name, known=", ".join(sorted(_kinds)))
    return kind


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
