"""Maintenance contracts (商品保养合同书): renewal list, notices, renew, lapse, all contracts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.models.contracts import ContractStatus
from app.printing.documents.expiry_notice import expiry_notices_pdf
from app.printing.formatting import money
from app.printing.registry import PrintKind
from app.services import contract_service as svc
from app.services.auth_service import list_users
from app.services.contract_dto import ContractDTO
from app.services.contract_visit_service import schedule_due_visits
from app.services.money import money_edit_text, parse_yuan
from app.ui.dialogs.voice_dialogs import NewContractDialog
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.pages.voice_page_base import VoicePageBase
from app.ui.printing_ui import batch_job
from app.ui.session import AppSession, Topic
from app.ui.table_models.voice_table_model import Column, VoiceTableModel
from app.ui.voice_labels import vchoices, vlabel


def _left_status(c: ContractDTO) -> str:
    return "overdue" if c.days_left < 0 else ("due_soon" if c.days_left <= 7 else "ok")


def _renewal_visit(c: ContractDTO) -> str:
    if c.renewal_visit_on is None:
        return ""
    return f"{c.renewal_visit_on.isoformat()} {vlabel('renewal_outcome', c.renewal_outcome)}"


COLUMNS: list[Column[ContractDTO]] = [
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Contract No."), lambda c: c.number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Customer"), lambda c: c.customer_name),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Items"), lambda c: "；".join(c.item_labels)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Starts on"), lambda c: c.start_date.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Ends on"), lambda c: c.end_date.isoformat()),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Days left"), lambda c: str(c.days_left), _left_status),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Fee"), lambda c: money(c.fee_cents)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Status"),
           lambda c: vlabel("contract_status", c.status)),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Notice sent"),
           lambda c: c.notice_sent_at.date().isoformat() if c.notice_sent_at else ""),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Renewal of"), lambda c: c.previous_number),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Sent to renew"), lambda c: c.renewal_by,
           lambda c: "ok" if c.renewal_by or c.status != ContractStatus.ACTIVE.value
           or c.days_left > 31
           else "due_soon"),
    Column(QT_TRANSLATE_NOOP("VoiceTables", "Renewal visit"), _renewal_visit),
]


class ContractsPage(VoicePageBase):
    TOPIC = Topic.CONTRACTS

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.renewals: VoiceTableModel[ContractDTO] = VoiceTableModel(
            COLUMNS, lambda _a, _n: svc.renewal_list(self.session.ctx), lambda c: c.id, self,
            paged=False)
        self.all: VoiceTableModel[ContractDTO] = VoiceTableModel(
            COLUMNS, lambda a, n: svc.list_contracts(self.session.ctx, after_id=a, limit=n),
            lambda c: c.id, self)
        self.renewal_table = self.make_table(self.renewals, "renewals")
        self.all_table = self.make_table(self.all, "contracts")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._renewal_tab(), self.tr("Renewal list"))
        self.tabs.addTab(self._all_tab(), self.tr("All contracts"))
        QVBoxLayout(self).addWidget(self.tabs)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _renewal_tab(self) -> QWidget:
        tab = QWidget()
        today = self.session.ctx.today()
        self.month_year, self.month = QSpinBox(), QSpinBox()
        self.month_year.setRange(2000, 2100)
        self.month_year.setValue(today.year if today.month < 12 else today.year + 1)
        self.month.setRange(1, 12)
        self.month.setValue(today.month % 12 + 1)
        bar = QHBoxLayout()  # two rows: fits a 1366-pixel screen
        bar.addWidget(QLabel(self.tr("Contracts ending within one month")))
        bar.addWidget(self._button(self.tr("Send to renew…"), "assign", self.assign_selected))
        bar.addWidget(self._button(self.tr("Renewal visit…"), "renewal_visit",
                                   self.renewal_visit_selected))
        bar.addWidget(self._button(self.tr("Renew…"), "renew", self.renew_selected))
        bar.addWidget(self._button(self.tr("Lapse…"), "lapse", self.lapse_selected))
        bar.addStretch(1)
        notices = QHBoxLayout()
        notices.addWidget(self._button(self.tr("Print notice"), "notice", self.print_notice))
        notices.addStretch(1)
        notices.addWidget(QLabel(self.tr("Notices for contracts ending in")))
        notices.addWidget(self.month_year)
        notices.addWidget(self.month)
        notices.addWidget(self._button(self.tr("Print the month's notices"), "month_notices",
                                       self.print_month))
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addLayout(notices)
        lay.addWidget(self.renewal_table, 1)
        return tab

    def _all_tab(self) -> QWidget:
        tab = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self._button(self.tr("New contract…"), "new", self.new_contract))
        bar.addWidget(self._button(self.tr("Schedule due maintenance visits"), "schedule",
                                   self.schedule_visits))
        bar.addStretch(1)
        lay = QVBoxLayout(tab)
        lay.addLayout(bar)
        lay.addWidget(self.all_table, 1)
        return tab

    def refresh(self) -> None:
        self.renewals.refresh()
        self.all.refresh()

    def _current(self) -> ContractDTO | None:
        if self.tabs.currentIndex() == 1:
            return self.selected(self.all_table, self.all)
        return self.selected(self.renewal_table, self.renewals)

    @property
    def current_table(self) -> QTableView:
        return self.all_table if self.tabs.currentIndex() == 1 else self.renewal_table

    # ---- actions ---------------------------------------------------------------------
    def new_contract(self) -> None:
        if self.run_dialog(NewContractDialog(self.session, self)):
            self.changed()

    def renew_selected(self) -> None:
        c = self._current()
        if c is None:
            return
        start, end = svc.next_term(c)
        form = VoiceFormDialog(self.tr("Renew contract {number}").format(number=c.number), self)
        form.add_date("start_date", self.tr("Starts on"), start)
        form.add_date("end_date", self.tr("Ends on"), end)
        form.add_line("fee", self.tr("Fee (yuan)"), money_edit_text(c.fee_cents))
        form.set_action(lambda d: svc.renew_contract(
            self.session.ctx, c.id, expected_version=c.version, fee=_fee(d.text("fee")),
            start_date=d.day("start_date"), end_date=d.day("end_date")))
        if self.run_dialog(form):
            self.changed()

    def assign_selected(self) -> None:
        """§二十: who goes to renew the contract."""
        c = self._current()
        if c is None:
            return
        users = self.try_action(lambda: list_users(self.session.ctx)) or []
        form = VoiceFormDialog(self.tr("Send to renew contract {number}").format(
            number=c.number), self)
        form.add_combo("user", self.tr("Who goes"), [(str(u.id), u.display_name) for u in users],
                       str(c.renewal_by_id or self.session.ctx.actor.user_id))
        form.set_action(lambda d: svc.assign_renewal(
            self.session.ctx, c.id, user_id=int(d.choice("user")), expected_version=c.version))
        if self.run_dialog(form):
            self.changed()

    def renewal_visit_selected(self) -> None:
        c = self._current()
        if c is None:
            return
        form = VoiceFormDialog(self.tr("Renewal visit for contract {number}").format(
            number=c.number), self, intro=c.renewal_by)
        form.add_date("visit_on", self.tr("Visited on"), self.session.ctx.today())
        form.add_combo("outcome", self.tr("Outcome"), vchoices("renewal_outcome"), "renewed")
        form.add_line("notes", self.tr("Notes (the reason when the customer declines)"))
        form.set_action(lambda d: svc.record_renewal_visit(
            self.session.ctx, c.id, visit_on=d.day("visit_on"), outcome=d.choice("outcome"),
            notes=d.text("notes"), expected_version=c.version))
        if self.run_dialog(form):
            self.changed()

    def schedule_visits(self) -> None:
        """The visits contracts promise, due by today, become B calls for dispatch."""
        done = self.try_action(lambda: schedule_due_visits(self.session.ctx))
        if done is None:
            return
        self.changed()
        self.session.changed(Topic.CALLS)
        QMessageBox.information(self, self.tr("Maintenance visits"), self.tr(
            "{n} maintenance visits registered as calls for dispatch.").format(n=len(done)))

    def lapse_selected(self) -> None:
        c = self._current()
        if c is None:
            return
        form = VoiceFormDialog(self.tr("Contract {number} not renewed").format(number=c.number),
                               self)
        form.add_line("reason", self.tr("Reason"))
        form.set_action(lambda d: svc.record_lapse(
            self.session.ctx, c.id, reason=d.text("reason"), expected_version=c.version))
        if self.run_dialog(form):
            self.changed()

    def print_notice(self) -> None:
        c = self._current()
        if c is not None:
            self._print([c.id], f"expiry-notice-{c.number}.pdf")

    def print_month(self) -> None:
        year, month = self.month_year.value(), self.month.value()
        found = self.try_action(lambda: svc.contracts_ending_in(self.session.ctx, year, month))
        if found:
            self._print([c.id for c in found], f"expiry-notices-{year}-{month:02d}.pdf")

    def _print(self, ids: list[int], filename: str) -> None:
        """The notices in one PDF; a notice printed or saved is noted as sent on its contract
        (a preview closed without printing changes nothing)."""
        notices = self.try_action(lambda: svc.expiry_notices(self.session.ctx, ids))
        if notices:
            numbers = [n.contract.number for n in notices]
            self.show_print(batch_job(self.session.ctx, PrintKind.EXPIRY_NOTICE, numbers,
                                      lambda reprinted: expiry_notices_pdf(notices, reprinted),
                                      title=self.tr("Maintenance expiry notice"),
                                      filename=filename))
            self.changed()


def _fee(text: str) -> Decimal:
    return parse_yuan(text, field="fee")

