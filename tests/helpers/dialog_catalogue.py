"""Every dialog of app/ui, opened as a clerk meets it, with its longest form showing.

The screen-fit, all-Chinese and discard-question tests walk this catalogue; the catalogue's
own test (tests/ui/test_dialog_catalogue.py) fails when a QDialog subclass in app/ui is in
none of its lists, so a new dialog cannot skip those tests.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from PySide6.QtWidgets import QDialog

import app.ui
from app.db.database import Database
from app.db.known_databases import MissingDatabase
from app.printing.registry import PrinterGroup, Rendered
from app.services import (
    backup_service,
    billing_service,
    calls_service,
    customers_service,
    dispatch_service,
    register_service,
)
from app.services.calls_service import CallInput
from app.services.carry_in_dto import CarryInDTO
from app.services.context import ServiceContext
from app.services.money_dto import LineInput
from app.telephony.config import TelephonyConfig
from app.ui.dialogs.bill_dialog import BillDialog, CollectDialog
from app.ui.dialogs.call_edit_dialog import CallEditDialog
from app.ui.dialogs.customer_file_dialog import CustomerFileDialog, ItemDialog
from app.ui.dialogs.dispatch_choice_dialog import ChoiceReasonDialog
from app.ui.dialogs.error_dialog import ErrorDialog
from app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.handover_dialog import HandoverDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.dialogs.import_dialog import ImportDialog
from app.ui.dialogs.internal_work_dialog import InternalWorkDialog
from app.ui.dialogs.late_repair_dialogs import (
    AskForHelpDialog,
    HelpRequestsDialog,
    WaitForPartsDialog,
)
from app.ui.dialogs.login_dialog import KeyboardDialog, LoginDialog
from app.ui.dialogs.messages_dialog import CustomerMessagesDialog, MessageTemplatesDialog
from app.ui.dialogs.missing_database_dialog import MissingDatabaseDialog
from app.ui.dialogs.parts_dialogs import (
    BranchTransferDialog,
    PartDialog,
    StockDialog,
    TransferDialog,
)
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.dialogs.product_model_dialog import ProductModelDialog
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.dialogs.recover_record_dialog import RecoverRecordDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.dialogs.register_correction_dialog import RegisterCorrectionDialog
from app.ui.dialogs.repair_dialogs import InspectionDialog, WorkEntryDialog
from app.ui.dialogs.return_dialog import ReturnDialog
from app.ui.dialogs.server_dialog import ServerDialog
from app.ui.dialogs.store_choice_dialog import StoreChoiceDialog
from app.ui.dialogs.store_days_dialog import StoreDaysDialog
from app.ui.dialogs.switch_user_dialog import SwitchUserDialog
from app.ui.dialogs.take_in_dialog import CallTakeInDialog, WalkInTakeInDialog
from app.ui.dialogs.telephony_dialog import TelephonyDialog
from app.ui.dialogs.visit_dialog import VisitDialog
from app.ui.dialogs.voice_dialogs import NewComplaintDialog, NewContractDialog, _CustomerForm
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.pages.setup_wizard import SetupWizard
from app.ui.session import AppSession
from tests.helpers.carry_in import stocked_part, walk_in
from tests.helpers.print_samples import LongList
from tests.helpers.voice import user_id, zhang


@dataclass
class Stage:
    """The store a dialog opens on: the seeded database, signed in as the administrator."""

    db: Database
    login: Callable[[str], ServiceContext]
    folder: Path

    @cached_property
    def admin(self) -> ServiceContext:
        return self.login("admin")

    @cached_property
    def session(self) -> AppSession:
        return AppSession(self.db, self.admin)

    @cached_property
    def zhang(self) -> int:
        return zhang(self.admin)[0]

    @cached_property
    def call_id(self) -> int:
        return calls_service.register_call(self.admin, CallInput(
            "不制冷", customer_id=self.zhang)).id

    @cached_property
    def job(self) -> CarryInDTO:
        return walk_in(self.login("clerk"))

    def billed(self) -> tuple[int, object]:
        bill = billing_service.make_bill(self.admin, self.call_id, extra=[
            LineInput("other", "门封", Decimal(1), Decimal("500.00"))])
        return self.call_id, bill


def _long_job() -> PrintJob:
    return PrintJob("测试", PrinterGroup.FORMS,
                    lambda reprint: Rendered(LongList(60, reprint=reprint).generate(), "l.pdf"))


def _visit(stage: Stage) -> VisitDialog:
    boss, tech = stage.login("super"), stage.login("tech")
    call = calls_service.get_call(stage.admin, stage.call_id)
    job = dispatch_service.dispatch_call(boss, call.id, user_id(boss, "tech"),
                                         expected_version=call.version)
    row = dispatch_service.get_job_row(tech, job.job_id)
    return VisitDialog(row, tech.now().astimezone(tech.tz), on_submit=lambda _v: None)


def _register_correction(stage: Stage) -> RegisterCorrectionDialog:
    assert stage.job is not None
    row = register_service.in_store_now(stage.admin)[0]
    return RegisterCorrectionDialog(stage.session, row)


def _recover(stage: Stage) -> RecoverRecordDialog:
    info = backup_service.backup_now(stage.admin, stage.folder)
    return RecoverRecordDialog(stage.session, info.path)


def _voice_form(_stage: Stage) -> VoiceFormDialog:
    form = VoiceFormDialog("记录费用")
    form.add_line("payee", "收款方")
    form.add_text("note", "说明")
    return form


def _item(stage: Stage) -> ItemDialog:
    models = customers_service.list_product_models(stage.admin)
    return ItemDialog(stage.session, stage.zhang, models)


def _part(stage: Stage) -> object:
    return stocked_part(stage.admin, number="P-0101")  # no Latin word in the title


Factory = Callable[[Stage], QDialog]

# Data-entry dialogs: Esc, Cancel and the window's X ask before typed work is lost.
FORMS: dict[type[QDialog], Factory] = {
    RegisterCallDialog: lambda s: RegisterCallDialog(s.session),
    WalkInTakeInDialog: lambda s: WalkInTakeInDialog(s.session),
    CallTakeInDialog: lambda s: CallTakeInDialog(
        s.session, calls_service.get_call(s.admin, s.call_id)),
    CallEditDialog: lambda s: CallEditDialog(s.session, s.call_id),
    CustomerFileDialog: lambda s: CustomerFileDialog(s.session, s.zhang),
    ItemDialog: _item,
    BillDialog: lambda s: BillDialog(s.session, s.call_id),
    CollectDialog: lambda s: CollectDialog(s.session, s.billed()[1]),  # type: ignore[arg-type]
    HandoverDialog: lambda s: HandoverDialog(s.session, user_id(s.admin, "tech"), "李师傅"),
    ChoiceReasonDialog: lambda s: ChoiceReasonDialog(
        "改派", "改派给谁，为什么", "技师", [(1, "李师傅"), (2, "王师傅")],
        on_submit=lambda _c, _r: None),
    InternalWorkDialog: lambda s: InternalWorkDialog(s.admin.today(), on_submit=lambda _w: None),
    VisitDialog: _visit,
    ReasonDialog: lambda s: ReasonDialog("退回", "退回的原因"),
    AskForHelpDialog: lambda s: AskForHelpDialog(s.session, s.job),
    WaitForPartsDialog: lambda s: WaitForPartsDialog(s.session, s.job),
    WorkEntryDialog: lambda s: WorkEntryDialog(s.session, s.job),
    InspectionDialog: lambda s: InspectionDialog(s.session, s.job),
    ReturnDialog: lambda s: ReturnDialog(s.session, s.job),
    RegisterCorrectionDialog: _register_correction,
    PartDialog: lambda s: PartDialog(s.session),
    StockDialog: lambda s: StockDialog(s.session, _part(s)),  # type: ignore[arg-type]
    TransferDialog: lambda s: TransferDialog(s.session, _part(s)),  # type: ignore[arg-type]
    BranchTransferDialog: lambda s: BranchTransferDialog(
        s.session, _part(s)),  # type: ignore[arg-type]
    ProductModelDialog: lambda s: ProductModelDialog(lambda _data: None),
    MessageTemplatesDialog: lambda s: MessageTemplatesDialog(s.session),
    StoreDaysDialog: lambda s: StoreDaysDialog(s.session),
    VoiceFormDialog: _voice_form,
    NewComplaintDialog: lambda s: NewComplaintDialog(s.session),
    NewContractDialog: lambda s: NewContractDialog(s.session),
    FirstAdminDialog: lambda s: FirstAdminDialog(s.db),
    PreferencesDialog: lambda s: PreferencesDialog("zh_CN"),
    TelephonyDialog: lambda s: TelephonyDialog(TelephonyConfig()),
    ServerDialog: lambda s: ServerDialog(),
    SetupWizard: lambda s: SetupWizard(s.session),
}

# Dialogs that take no typed work: they show, choose or sign in, and close without a question.
VIEWS: dict[type[QDialog], Factory] = {
    LoginDialog: lambda s: LoginDialog(s.db),  # Esc leaves the program
    SwitchUserDialog: lambda s: SwitchUserDialog(s.session),
    ErrorDialog: lambda s: ErrorDialog("Traceback (most recent call last):\n  ValueError"),
    HistoryDialog: lambda s: HistoryDialog(s.session, "calls", s.call_id),
    ImportDialog: lambda s: ImportDialog(s.session),
    HelpRequestsDialog: lambda s: HelpRequestsDialog(s.session),
    CustomerMessagesDialog: lambda s: CustomerMessagesDialog(s.session, s.zhang),
    PrintPreviewDialog: lambda s: PrintPreviewDialog(_long_job()),
    RecoverRecordDialog: _recover,
    MissingDatabaseDialog: lambda s: MissingDatabaseDialog(
        MissingDatabase(s.folder / "store.sqlite", last_used="2026-01-05"), None),
    StoreChoiceDialog: lambda s: StoreChoiceDialog(),
}

# Bases only ever shown through a subclass above.
BASES: set[type[QDialog]] = {FormDialog, KeyboardDialog, _CustomerForm}

DIALOGS: dict[str, Factory] = {cls.__name__: f for cls, f in {**FORMS, **VIEWS}.items()}
# The set-up's later steps, each shown as the owner meets it (the first is SetupWizard's own).
DIALOGS.update({f"SetupWizard: {step}": (lambda s, step=step: SetupWizard(s.session, start=step))
                for step in SetupWizard.STEP_KEYS[1:]})


def longest_form(dialog: QDialog) -> None:
    """Open the parts a form shows only on demand (a new customer with a new item)."""
    if isinstance(dialog, RegisterCallDialog):
        dialog.start_new_customer("")
        dialog.item_combo.setCurrentIndex(dialog.item_combo.count() - 1)  # 新物品…


def dialog_classes() -> set[type[QDialog]]:
    """Every QDialog subclass defined in app/ui (private helpers too)."""
    found: set[type[QDialog]] = set()
    for info in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(cls)
    return found


def is_form(cls: type[QDialog]) -> bool:
    return issubclass(cls, FormDialog)
