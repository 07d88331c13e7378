""""Export to Excel…" for the lists: ask for a file, fetch and write off the GUI thread
(a Task), record the export, open the folder. Pages add a button and one call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget

from app.errors import UserError
from app.export.list_export import export_rows
from app.i18n import QT_TRANSLATE_NOOP
from app.services import export_service, voice_registers
from app.services.call_book_service import CallFilter
from app.services.register_service import RegisterFilter
from app.ui.errors import user_message
from app.ui.file_dialogs import save_file_name
from app.ui.labels import label, translate_message
from app.ui.session import AppSession
from app.ui.tasks import Task, TaskControl
from app.ui.voice_labels import screen_label


def tr(text: str) -> str:
    return QCoreApplication.translate("ListExport", text)


def open_folder(folder: Path) -> None:
    """Show the exported file's folder (tests monkeypatch this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def ask_save_path(parent: QWidget, default: Path) -> Path | None:
    """The save-file dialog (tests monkeypatch this)."""
    title = tr(QT_TRANSLATE_NOOP("ListExport", "Export to Excel"))
    kinds = tr(QT_TRANSLATE_NOOP("ListExport", "Excel workbook (*.xlsx)"))
    chosen = save_file_name(parent, title, default, kinds)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_export(parent: QWidget, session: AppSession, *, list_name: str, title: str,
                 headers: Sequence[str], fetch: Callable[[], Sequence[Sequence[Any]]],
                 filter: Any, message: QLabel, money_columns: Sequence[int] = (),
                 date_columns: Sequence[int] = ()) -> Task | None:
    """Ask for the file, then fetch + write + audit in a Task. Returns the running Task."""
    day = session.ctx.today()
    path = ask_save_path(parent, documents_folder() / f"{title}-{day:%Y-%m-%d}.xlsx")
    if path is None:
        return None
    ctx = session.ctx

    def work(control: TaskControl) -> Path:
        rows = fetch()
        export_rows(path, title=title, headers=headers, rows=rows, money_columns=money_columns,
                    date_columns=date_columns, progress=control.report)
        export_service.record_export(ctx, list_name, rows=len(rows), filter=filter)
        return path

    task = Task(work, parent)
    task.finished.connect(lambda p: _done(message, Path(str(p))))
    task.failed.connect(lambda err: message.setText(
        user_message(err) if isinstance(err, UserError)
        else tr(QT_TRANSLATE_NOOP("ListExport", "The export failed: {error}")).format(error=err)))
    task.start()
    return task


def _done(message: QLabel, path: Path) -> None:
    message.setText(tr(QT_TRANSLATE_NOOP("ListExport", "Saved {file}.")).format(file=path))
    open_folder(path.parent)


# ---- the call-log book ------------------------------------------------------------------
CALL_HEADERS = tuple(QT_TRANSLATE_NOOP("ListExport", text) for text in (
    "No.", "Received", "Customer", "Phone", "Item", "Fault", "Category", "Status", "Channel",
    "Zone"))


def call_log_fetch(session: AppSession, flt: CallFilter) -> Callable[[], list[tuple[Any, ...]]]:
    ctx = session.ctx

    def fetch() -> list[tuple[Any, ...]]:
        return [(r.number, ctx.local(r.received_at), r.customer_name, r.phone, r.item_label,
                 r.fault, label("category", r.category), label("status", r.status),
                 label("channel", r.channel), r.zone_name)
                for r in export_service.call_log_rows(ctx, flt)]
    return fetch


def export_call_log(parent: QObject, session: AppSession, flt: CallFilter,
                    message: QLabel) -> Task | None:
    assert isinstance(parent, QWidget)
    title = tr(QT_TRANSLATE_NOOP("ListExport", "Call-log book"))
    return start_export(parent, session, list_name="call_log", title=title,
                        headers=[tr(h) for h in CALL_HEADERS], fetch=call_log_fetch(session, flt),
                        filter=flt, message=message)


# ---- money: receivables and invoices ------------------------------------------------------
RECEIVABLE_HEADERS = tuple(QT_TRANSLATE_NOOP("ListExport", text) for text in (
    "Call", "Customer", "Billed on", "Billed", "Paid", "Outstanding", "Age (days)"))
INVOICE_HEADERS = tuple(QT_TRANSLATE_NOOP("ListExport", text) for text in (
    "Invoice", "Call", "Customer", "Issued", "Amount", "To mail", "Mailed"))


def export_receivables(parent: QWidget, session: AppSession, message: QLabel) -> Task | None:
    ctx = session.ctx

    def fetch() -> list[tuple[Any, ...]]:
        return [(r.call_number, ctx.local(r.billed_at).date(), r.customer_name,
                 r.total_cents, r.paid_cents, r.outstanding_cents, r.age_days)
                for r in export_service.receivable_rows(ctx)]

    return start_export(parent, session, list_name="receivables",
                        title=tr(QT_TRANSLATE_NOOP("ListExport", "Receivables")),
                        headers=[tr(h) for h in RECEIVABLE_HEADERS], fetch=fetch, filter=None,
                        message=message, money_columns=(3, 4, 5), date_columns=(1,))


def export_invoices(parent: QWidget, session: AppSession, *, to_mail_only: bool,
                    message: QLabel) -> Task | None:
    ctx = session.ctx
    yes = tr(QT_TRANSLATE_NOOP("ListExport", "yes"))

    def fetch() -> list[tuple[Any, ...]]:
        return [(i.invoice_no, i.call_number, i.customer_name, i.issued_on, i.amount_cents,
                 yes if i.to_mail else "", i.mailed_on)
                for i in export_service.invoice_rows(ctx, to_mail_only=to_mail_only)]

    return start_export(parent, session, list_name="invoices",
                        title=tr(QT_TRANSLATE_NOOP("ListExport", "Invoices")),
                        headers=[tr(h) for h in INVOICE_HEADERS], fetch=fetch,
                        filter={"to_mail_only": to_mail_only}, message=message,
                        money_columns=(4,), date_columns=(3, 6))


# ---- the goods in/out register (and its "overdue" state: the late repairs) ---------------
REGISTER_HEADERS = tuple(QT_TRANSLATE_NOOP("ListExport", text) for text in (
    "Date in", "Receipt", "Customer", "Item", "Accessories", "Taken in by", "Promised",
    "Date out", "Returned to", "Returned by", "Days late", "Remark"))


def export_register(parent: QWidget, session: AppSession, flt: RegisterFilter,
                    message: QLabel) -> Task | None:
    ctx = session.ctx
    today = ctx.today()

    def fetch() -> list[tuple[Any, ...]]:
        return [(ctx.local(r.date_in), r.receipt_number, r.customer_name, r.item_label,
                 r.accessories_text, r.taken_in_by, r.promised_date,
                 ctx.local(r.date_out) if r.date_out else None, r.returned_to, r.returned_by,
                 r.days_late(today), r.remark)
                for r in export_service.register_rows(ctx, flt)]

    return start_export(parent, session, list_name=f"register_{flt.state}",
                        title=tr(QT_TRANSLATE_NOOP("ListExport", "Goods in-out register")),
                        headers=[tr(h) for h in REGISTER_HEADERS], fetch=fetch, filter=flt,
                        message=message, date_columns=(6,))


# ---- carry-in repairs (with "Late only": the late-repairs list) --------------------------
REPAIR_HEADERS = tuple(QT_TRANSLATE_NOOP("ListExport", text) for text in (
    "Receipt", "Repair card", "Customer", "Item", "Technician", "Promised", "Days late",
    "Status"))


def export_repairs(parent: QWidget, session: AppSession, *, late_only: bool,
                   message: QLabel) -> Task | None:
    from app.ui.table_models.carry_in_table_models import card_status_text

    ctx = session.ctx

    def fetch() -> list[tuple[Any, ...]]:
        return [(r.receipt_number, r.card_number, r.customer_name, r.item_label,
                 r.technician_name, r.promised_date, r.days_late, card_status_text(r.card_status))
                for r in export_service.repair_rows(ctx, late_only=late_only)]

    title = (QT_TRANSLATE_NOOP("ListExport", "Late repairs") if late_only
             else QT_TRANSLATE_NOOP("ListExport", "Carry-in repairs"))
    return start_export(parent, session, list_name="late_repairs" if late_only else "repairs",
                        title=tr(title), headers=[tr(h) for h in REPAIR_HEADERS], fetch=fetch,
                        filter={"late_only": late_only}, message=message, date_columns=(5,))


# ---- the registers of seed 003 §6 -----------------------------------------------------------
def export_voice_register(parent: QWidget, session: AppSession, flt: Any,
                          message: QLabel) -> Task | None:
    """A register with the filter on its page: every line the filter finds."""
    ctx = session.ctx
    columns = voice_registers.COLUMNS[flt.kind]
    dates = [i for i, c in enumerate(columns)
             if c.header in DATE_HEADERS]

    money = [i for i, c in enumerate(columns) if c.vocab == "money"]

    def keep_money(vocab: str, code: Any) -> Any:  # cents stay numbers in the workbook
        return code if vocab == "money" else screen_label(vocab, code)

    def fetch() -> list[list[Any]]:
        return voice_registers.register_sheet(ctx, flt).cells(keep_money)

    title = translate_message(voice_registers.TITLES[flt.kind])
    return start_export(parent, session, list_name=f"register_{flt.kind}", title=title,
                        headers=[translate_message(c.header) for c in columns],
                        fetch=fetch, filter=flt, message=message, date_columns=dates,
                        money_columns=money)


DATE_HEADERS = frozenset({"Issued on", "Came back on", "Accepted on", "Visited on", "Closed on",
                          "Received on", "Sent on", "Called on", "Last call", "Spent on"})
