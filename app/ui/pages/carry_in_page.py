"""Carry-in (客户商品领取 / 修护卡): find an item by receipt number (scan or type), take items
in, record repair work, inspect, print receipt and tag, return the item."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.printing.registry import PrintKind
from app.services import calls_service, carry_in_service
from app.services.carry_in_dto import CarryInDTO
from app.services.permissions import Perm
from app.ui.dialogs.late_repair_dialogs import AskForHelpDialog, WaitForPartsDialog
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.dialogs.repair_dialogs import InspectionDialog, WorkEntryDialog
from app.ui.dialogs.return_dialog import ReturnDialog
from app.ui.dialogs.take_in_dialog import CallTakeInDialog, WalkInTakeInDialog
from app.ui.errors import user_message
from app.ui.pages.carry_in_detail import detail_html
from app.ui.pages.registry import PageKey
from app.ui.printing_ui import SavePrint, document_title, print_document, print_on_save
from app.ui.session import AppSession, Topic, touches
from app.ui.settings_store import TAKE_IN_PRINTS, SettingsStore
from app.ui.table_models.carry_in_table_models import CardsTableModel

PAGE_KEY = PageKey.CARRY_IN


class CarryInPage(QWidget):
    """The bench and counter view of carried-in items; ``open_number`` is the scan entry."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job: CarryInDTO | None = None
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("receipt_number")
        self.number_edit.setPlaceholderText(self.tr("Scan or type a receipt number, Enter"))
        self.number_edit.returnPressed.connect(
            lambda: self.open_number(self.number_edit.text()))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.late_check = QCheckBox(self.tr("&Late only"))
        self.late_check.setObjectName("late_only")
        self.model = CardsTableModel(session, self)
        self.table = QTableView()
        self.table.setObjectName("items_in_store")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.activated.connect(self._row_activated)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.detail = QTextBrowser()
        self.detail.setObjectName("job_detail")
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self.late_check.toggled.connect(self._late_toggled)
        session.data_changed.connect(self._data_changed)
        session.user_changed.connect(self.refresh)
        self._update_buttons()

    # ---- layout -------------------------------------------------------------------------
    def _button(self, key: str, text: str, slot: Callable[[], Any],
                shortcut: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(key)
        button.clicked.connect(slot)
        if shortcut:
            QShortcut(QKeySequence(shortcut), self, slot)
        self.buttons[key] = button
        return button

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Receipt No.")))
        top.addWidget(self.number_edit, 1)
        top.addWidget(self._button("walk_in", self.tr("&Walk-in take-in…"), self.walk_in,
                                   "Ctrl+N"))
        top.addWidget(self._button("take_in_call", self.tr("Take in a &call…"),
                                   self.take_in_call))
        top.addWidget(self.late_check)
        top.addWidget(self._button("export", self.tr("Export to Excel…"), self.export_excel))
        actions = QGridLayout()  # two rows: the bench's steps, then the counter's
        for i, (key, text, slot, keys) in enumerate((
                ("add_work", self.tr("Wor&k entry…"), self.add_work, "Ctrl+W"),
                ("inspect", self.tr("&Inspect…"), self.inspect, "Ctrl+I"),
                ("ask_help", self.tr("Ask for &help…"), self.ask_for_help, ""),
                ("wait_parts", self.tr("Waiting for &parts…"), self.wait_for_parts, ""),
                ("print_tag", self.tr("Print &tag"),
                 lambda: self.print_document(PrintKind.REPAIR_TAG), "Ctrl+T"),
                ("return", self.tr("&Return…"), self.return_item, "Ctrl+R"),
                ("return_lost", self.tr("Return with&out receipt…"), self.return_lost, ""),
                ("print_receipt", self.tr("Print r&eceipt"),
                 lambda: self.print_document(PrintKind.ITEM_RECEIPT), "Ctrl+P"),
                ("print_receipt_a5", self.tr("Receipt A5"),
                 lambda: self.print_document(PrintKind.ITEM_RECEIPT_A5), ""))):
            actions.addWidget(self._button(key, text, slot, keys), i // 5, i % 5)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    # ---- finding ------------------------------------------------------------------------
    def open_number(self, text: str) -> bool:
        """Open the item of a receipt (or repair card) number; a scanner's text + Enter."""
        self.number_edit.setText(text.strip())
        try:
            self.show_job(carry_in_service.find_by_number(self.session.ctx, text))
        except UserError as err:
            self._say(user_message(err), error=True)
            self.number_edit.selectAll()
            self.number_edit.setFocus()
            return False
        self.number_edit.selectAll()
        return True

    def show_job(self, job: CarryInDTO | None) -> None:
        self.job = job
        self.detail.setHtml(detail_html(job, self.session.ctx) if job else "")
        if job is not None:
            self._say(self.tr("{number}: {customer}, {item}").format(
                number=job.receipt_number, customer=job.customer_name, item=job.item_label))
        self._update_buttons()

    def _row_activated(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.show_job(carry_in_service.get_carry_in(self.session.ctx, row.receipt_id))

    def export_excel(self) -> None:
        """The list as shown ("Late only" = the late-repairs list), every row, to .xlsx."""
        from app.ui.list_export_ui import export_repairs

        self.export_task = export_repairs(self, self.session, late_only=self.late_check.isChecked(),
                                          message=self.message)

    def _late_toggled(self, late: bool) -> None:
        self.model.late_only = late
        self.model.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        if self.job is not None:
            self.show_job(carry_in_service.get_carry_in(self.session.ctx, self.job.receipt_id))

    def _data_changed(self, topic: str) -> None:
        if touches(topic, (Topic.CARRY_IN, Topic.CALLS, Topic.PARTS)):
            self.model.refresh()

    # ---- actions ------------------------------------------------------------------------
    def _after(self, dialog: QDialog, result: CarryInDTO | None) -> CarryInDTO | None:
        if result is not None:
            self.show_job(result)
            self.session.changed(Topic.CARRY_IN)
        dialog.deleteLater()
        return result

    def run_dialog(self, dialog: QDialog) -> bool:
        """Modal run (tests drive the dialog themselves and replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def walk_in(self) -> CarryInDTO | None:
        dialog = WalkInTakeInDialog(self.session, self)
        self.run_dialog(dialog)
        return self._print_taken_in(self._after(dialog, dialog.carried_in))

    def ask_call_number(self) -> str:
        """A call taken in on site and waiting (the list), or any number typed in."""
        waiting = [f"{number}  {name}" for number, name in
                   carry_in_service.calls_waiting(self.session.ctx)]
        text, ok = QInputDialog.getItem(self, self.tr("Take in a call"), self.tr("Call No."),
                                        waiting, 0, True)
        return text.split()[0] if ok and text.strip() else ""

    def take_in_call(self) -> CarryInDTO | None:
        number = self.ask_call_number().strip()
        if not number:
            return None
        try:
            call = calls_service.find_call_by_number(self.session.ctx, number)
        except UserError as err:
            self._say(user_message(err), error=True)
            return None
        dialog = CallTakeInDialog(self.session, call, self)
        self.run_dialog(dialog)
        return self._print_taken_in(self._after(dialog, dialog.carried_in))

    def _with_job(self, make: Callable[[CarryInDTO], QDialog]) -> CarryInDTO | None:
        if self.job is None:
            self._say(self.tr("Open an item first: scan or type its receipt number."),
                      error=True)
            return None
        dialog = make(self.job)
        self.run_dialog(dialog)
        return self._after(dialog, getattr(dialog, "carried_in", None))

    def add_work(self) -> CarryInDTO | None:
        return self._with_job(lambda job: WorkEntryDialog(self.session, job, self))

    def inspect(self) -> CarryInDTO | None:
        return self._with_job(lambda job: InspectionDialog(self.session, job, self))

    def ask_for_help(self) -> CarryInDTO | None:
        """§十四: a repair the technician cannot finish goes to the supervisor's list."""
        return self._with_job(lambda job: AskForHelpDialog(self.session, job, self))

    def wait_for_parts(self) -> CarryInDTO | None:
        """§十四: the repair waits for parts; a new promised date and the reason."""
        return self._with_job(lambda job: WaitForPartsDialog(self.session, job, self))

    def return_item(self) -> CarryInDTO | None:
        return self._with_job(lambda job: ReturnDialog(self.session, job, self))

    def return_lost(self) -> CarryInDTO | None:
        return self._with_job(lambda job: ReturnDialog(self.session, job, self,
                                                       lost_receipt=True))

    # ---- printing -----------------------------------------------------------------------
    def print_document(self, kind: PrintKind) -> None:
        """The print key: on this PC's printer in one keystroke where it prints the kind
        silently (receipts, tags), else the preview; a copy printed or saved is counted (the
        next one is a reprint), then the item is read again (its print count, version)."""
        if self.job is None:
            return
        copy = print_document(self.session, self, kind, self.job.receipt_number,
                              preview=lambda job: self.open_preview(kind, job))
        self.refresh()
        if copy is not None:  # after refresh, which shows the item's summary there
            self.message.setText(self.tr("Printed on {printer}.").format(printer=copy.printer)
                                 if not copy.reprint else
                                 self.tr("Printed again (marked as a reprint) on {printer}.")
                                 .format(printer=copy.printer))

    def _print_taken_in(self, job: CarryInDTO | None) -> CarryInDTO | None:
        """A saved take-in prints what this PC's setting says (receipt, tag, both, none) in
        one go, each on its printer. The take-in is saved whatever happens here: a copy that
        did not print is said, and printing it again is offered (marked 补打 by the trail)."""
        if job is None:
            return None
        settings = SettingsStore()
        documents = TAKE_IN_PRINTS[settings.take_in_prints()]
        printed: list[SavePrint] = []
        while documents:
            results = print_on_save(self.session, documents, job.receipt_number,
                                    settings=settings)
            printed += [r for r in results if r.printed]
            failed = [r for r in results if not r.printed]
            self.refresh()
            self._say_printed(job.receipt_number, printed + failed)
            for result in (r for r in failed if r.no_printer):
                # this PC prints it "choosing the printer when printing": its preview opens
                # (non-modal, one per document), where the clerk picks the printer
                print_document(self.session, self, result.document, job.receipt_number)
            if not failed or all(r.no_printer for r in failed):
                break
            if not self.ask_reprint(job.receipt_number, failed):
                break
            documents = tuple(r.document for r in failed)
        return job

    def _say_printed(self, number: str, results: list[SavePrint]) -> None:
        printed = [r for r in results if r.printed]
        failed = [r for r in results if not r.printed]
        lines = [self.tr("Taken in: {number} is saved.").format(number=number)]
        if printed:
            lines.append(self.tr("Printed: {documents}.").format(documents=self.tr(", ").join(
                f"{document_title(r.document)} ({r.copy.printer if r.copy else ''})"
                for r in printed)))
        for r in failed:
            if r.no_printer:
                lines.append(self.tr("{document}: print it from its preview (this computer "
                                     "chooses the printer when printing).").format(
                    document=document_title(r.document)))
            else:
                lines.append(self.tr("Not printed: {document}. {problem}").format(
                    document=document_title(r.document), problem=r.problem))
        self._say("\n".join(lines), error=any(not r.no_printer for r in failed))

    def ask_reprint(self, number: str, failed: list[SavePrint]) -> bool:
        """Printing after the save failed: say so and offer to print again (tests replace
        this). True: print the copies that failed once more."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Printing failed"),
                          self.tr("The take-in {number} is saved; nothing is lost. These "
                                  "documents did not print:").format(number=number)
                          + "\n\n" + "\n".join(self.tr("{document}: {problem}").format(
                              document=document_title(r.document), problem=r.problem)
                              for r in failed), parent=self)
        again = box.addButton(self.tr("Print again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(again)
        box.exec()
        return box.clickedButton() is again

    def open_preview(self, kind: PrintKind, job: PrintJob) -> None:
        """The one print path's preview (tests replace this to keep the PDF)."""
        dialog = PrintPreviewDialog(job, self)
        dialog.exec()
        dialog.deleteLater()

    # ---- state --------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        job, may = self.job, self.session.may
        open_card = job is not None and job.card_open
        held = job is not None and job.in_store
        enabled = {
            "add_work": open_card and may(Perm.REPAIR_WORK),
            "inspect": open_card and may(Perm.INSPECT) and bool(job and job.work),
            "return": held and may(Perm.RETURN_ITEM),
            "return_lost": held and may(Perm.RETURN_ITEM),
            "ask_help": open_card and held and may(Perm.REPAIR_WORK),
            "wait_parts": open_card and held and may(Perm.REPAIR_WORK),
            "print_receipt": held, "print_receipt_a5": held, "print_tag": held,
            "walk_in": may(Perm.TAKE_IN) and may(Perm.CALL_REGISTER),
            "take_in_call": may(Perm.TAKE_IN),
        }
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #B00020;" if error else "")


def handle_global_search(window: Any, text: str) -> bool:
    """For the main window's global search (a scan of a receipt/tag QR types the number +
    Enter): open the carry-in page on that item. Returns False for other text."""
    if not carry_in_service.looks_like_number(text):
        return False
    page = window.open_page(PAGE_KEY)
    return bool(page.open_number(text)) if isinstance(page, CarryInPage) else False
