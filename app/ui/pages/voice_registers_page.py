"""The registers of seed 003 §6 (顾客满意度调查情况登记表, 客户投诉处理登记表, 信息反馈分析登记表,
质量回访、顾客意见记录表, 用户登记表): pick one, filter, read, print, export to Excel; the
feedback register is analysed here, and a customer's line opens the customer's file."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.printing.documents.voice_register import register_sheet_pdf
from app.printing.registry import Rendered
from app.services import feedback_service
from app.services import voice_registers as registers
from app.services.permissions import Perm
from app.services.voice_dto import RegisterFilter, RegisterSheet
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.labels import translate_message
from app.ui.list_export_ui import export_voice_register
from app.ui.pages.voice_page_base import VoicePageBase
from app.ui.printing_ui import pdf_job
from app.ui.session import AppSession, Topic
from app.ui.voice_labels import registers_tr, screen_label, vchoices
from app.ui.widgets.date_field import DateField

STATE_TEXT = {
    "": QT_TRANSLATE_NOOP("Registers", "All of them"),
    "sent": QT_TRANSLATE_NOOP("Registers", "Waiting to come back"),
    "returned": QT_TRANSLATE_NOOP("Registers", "Returned"),
    "open": QT_TRANSLATE_NOOP("Registers", "Not closed"),
    "overdue": QT_TRANSLATE_NOOP("Registers", "Overdue complaints"),
    "unvisited": QT_TRANSLATE_NOOP("Registers", "Not yet visited"),
    "closed": QT_TRANSLATE_NOOP("Registers", "Closed complaints"),
    "unanalysed": QT_TRANSLATE_NOOP("Registers", "Not yet analysed"),
    "satisfied": QT_TRANSLATE_NOOP("Registers", "Satisfied"),
    "unsatisfied": QT_TRANSLATE_NOOP("Registers", "Not satisfied"),
    "travel": QT_TRANSLATE_NOOP("Registers", "Travel"),
    "transport": QT_TRANSLATE_NOOP("Registers", "Transport"),
    "shipping": QT_TRANSLATE_NOOP("Registers", "Shipping"),
    "other": QT_TRANSLATE_NOOP("Registers", "Other expense"),
}
class VoiceRegistersPage(VoicePageBase):
    TOPIC = Topic.REGISTERS
    SHOWS = (Topic.SURVEYS, Topic.COMPLAINTS, Topic.FOLLOWUPS, Topic.CUSTOMERS, Topic.MONEY)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.sheet: RegisterSheet | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("register")
        for kind in registers.KINDS:
            self.kind_combo.addItem(translate_message(registers.TITLES[kind]), kind)
        today = session.ctx.today()
        self.all_dates = QCheckBox(self.tr("All dates"))
        self.date_from = DateField(QDate(today.year, today.month, 1))  # Tab leaves it
        self.date_to = DateField(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("state")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Name, number or words"))
        self.search.returnPressed.connect(self.refresh)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.refresh)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_register)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_register)
        self.collect_button = QPushButton(self.tr("Collect feedback"))
        self.collect_button.setObjectName("collect")
        self.collect_button.clicked.connect(self.collect)
        self.analyse_button = QPushButton(self.tr("Analyse and send…"))
        self.analyse_button.setObjectName("analyse")
        self.analyse_button.clicked.connect(self.analyse_selected)
        self.expense_button = QPushButton(self.tr("Record expense…"))
        self.expense_button.setObjectName("record_expense")
        self.expense_button.clicked.connect(self.record_expense)
        self.open_button = QPushButton(self.tr("Customer's file…"))
        self.open_button.setObjectName("open_customer")
        self.open_button.clicked.connect(self.open_customer)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Register")))
        top.addWidget(self.kind_combo, 1)
        filters: list[QWidget] = [self.all_dates, self.date_from, QLabel("—"), self.date_to,
                                  self.state_combo, self.search]
        for widget in filters:
            top.addWidget(widget)
        actions = QHBoxLayout()
        for button in (show, self.print_button, self.export_button, self.collect_button,
                       self.analyse_button, self.expense_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        actions.addWidget(self.count_label)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("register_table")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self._activate())
        self.message = QLabel()
        self.message.setObjectName("message")
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(actions)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.all_dates.toggled.connect(self._dates_toggled)
        self._kind_changed()

    def _dates_toggled(self, all_dates: bool) -> None:
        self.date_from.setEnabled(not all_dates)
        self.date_to.setEnabled(not all_dates)

    # ---- the filter --------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_register(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(registers.KINDS.index(kind))

    def _kind_changed(self) -> None:
        self.state_combo.blockSignals(True)
        self.state_combo.clear()
        for state in registers.STATES[self.kind]:
            self.state_combo.addItem(registers_tr(STATE_TEXT[state]), state)
        self.state_combo.blockSignals(False)
        self.state_combo.setVisible(len(registers.STATES[self.kind]) > 1)
        feedback = self.kind == "feedback"
        self.collect_button.setVisible(feedback)
        self.analyse_button.setVisible(feedback and self.session.may(Perm.COMPLAINT_MANAGE))
        self.open_button.setVisible(self.kind == "customers")
        self.expense_button.setVisible(self.kind == "expenses"
                                       and self.session.may(Perm.REPORTS_VIEW))
        self.all_dates.setChecked(self.kind == "customers")
        self.refresh()

    def current_filter(self) -> RegisterFilter:
        if self.all_dates.isChecked():
            start = end = None
        else:
            start, end = _day(self.date_from), _day(self.date_to)
        return RegisterFilter(self.kind, start, end, self.state_combo.currentData() or "",
                              self.search.text())

    # ---- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        sheet = self.try_action(lambda: registers.register_sheet(
            self.session.ctx, self.current_filter(), limit=registers.PAGE))
        if sheet is None:
            return
        self.sheet = sheet
        cells = sheet.cells(screen_label)
        self.table.clear()
        self.table.setColumnCount(len(sheet.columns))
        self.table.setHorizontalHeaderLabels([translate_message(c.header)
                                              for c in sheet.columns])
        self.table.setRowCount(len(cells))
        for r, row in enumerate(cells):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(_cell(value)))
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))
        self.count_label.setText(self.tr("{shown} of {total} lines").format(
            shown=len(cells), total=sheet.total))

    def _selected_id(self) -> int | None:
        row = self.table.currentRow()
        if self.sheet is None or not 0 <= row < len(self.sheet.ids):
            return None
        return self.sheet.ids[row]

    def _activate(self) -> None:
        if self.kind == "customers":
            self.open_customer()
        elif self.kind == "feedback":
            self.analyse_selected()

    # ---- print and export (all the lines the filter finds) -----------------------------
    def _full_sheet(self) -> RegisterSheet | None:
        sheet = self.try_action(lambda: registers.register_sheet(self.session.ctx,
                                                                 self.current_filter()))
        return sheet if isinstance(sheet, RegisterSheet) else None

    def print_register(self) -> None:
        sheet = self._full_sheet()
        if sheet is None:
            return
        name = f"register-{sheet.kind}-{self.session.ctx.today():%Y-%m-%d}.pdf"
        self.show_print(pdf_job(Rendered(register_sheet_pdf(sheet), name),
                                title=translate_message(sheet.title)))

    def export_register(self) -> None:
        self.export_task = export_voice_register(self, self.session, self.current_filter(),
                                                 self.message)

    # ---- feedback: collect, analyse ----------------------------------------------------
    def collect(self) -> None:
        added = self.try_action(lambda: feedback_service.collect_feedback(self.session.ctx))
        if added is None:
            return
        self.message.setText(self.tr("{n} new lines from cards, complaints and follow-ups.")
                             .format(n=added))
        self.refresh()

    def analyse_selected(self) -> None:
        feedback_id = self._selected_id()
        if feedback_id is None or self.kind != "feedback":
            return
        found = [f for f in feedback_service.list_feedback(self.session.ctx, limit=100_000)
                 if f.id == feedback_id]
        if not found:
            return
        f = found[0]
        form = VoiceFormDialog(self.tr("Analyse feedback"), self, intro=f.content)
        form.add_text("analysis", self.tr("Analysis"), f.analysis)
        form.add_combo("sent_to", self.tr("Sent to"), vchoices("department"),
                       f.sent_to or "service")
        form.add_text("result", self.tr("Result"), f.result)
        form.set_action(lambda d: feedback_service.analyse_feedback(
            self.session.ctx, f.id, analysis=d.text("analysis"), sent_to=d.choice("sent_to"),
            result=d.text("result"), expected_version=f.version))
        if self.run_dialog(form):
            self.refresh()

    def record_expense(self) -> None:
        """An expense from the 差旅费报销: who, what kind, how much, which voucher."""
        from app.services import expense_service
        from app.services.auth_service import list_users
        from app.services.money import parse_yuan

        users = self.try_action(lambda: list_users(self.session.ctx)) or []
        form = VoiceFormDialog(self.tr("Record expense"), self)
        form.add_date("spent_on", self.tr("Spent on"), self.session.ctx.today())
        form.add_combo("kind", self.tr("Kind of expense"),
                       [(k, registers_tr(STATE_TEXT[k])) for k in expense_service.KINDS], "travel")
        form.add_combo("person", self.tr("Person"), [(str(u.id), u.display_name)
                                                     for u in users],
                       str(self.session.ctx.actor.user_id))
        form.add_line("amount", self.tr("Amount (yuan)"))
        form.add_line("job", self.tr("Voucher No. (if for one job)"))
        form.add_line("note", self.tr("Note"))
        form.set_action(lambda d: expense_service.record_expense(
            self.session.ctx, spent_on=d.day("spent_on"), kind=d.choice("kind"),
            person_id=int(d.choice("person")),
            amount=parse_yuan(d.text("amount"), field="amount"), note=d.text("note"),
            job_number=d.text("job")))
        if self.run_dialog(form):
            self.refresh()

    def open_customer(self) -> None:
        customer_id = self._selected_id()
        if customer_id is None or self.kind != "customers":
            QMessageBox.information(self, self.tr("Customer's file"),
                                    self.tr("Choose a customer in the register first."))
            return
        from app.ui.dialogs.customer_file_dialog import CustomerFileDialog

        self.run_dialog(CustomerFileDialog(self.session, customer_id, self))


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
