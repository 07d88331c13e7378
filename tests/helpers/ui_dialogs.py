"""Every dialog of the app, opened on a session with the seeded store (name → maker)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from app.printing.registry import PrinterGroup, Rendered
from app.services import calls_service, customers_service
from app.services.calls_service import CallInput
from app.ui.dialogs.call_edit_dialog import CallEditDialog
from app.ui.dialogs.customer_file_dialog import CustomerFileDialog
from app.ui.dialogs.first_admin_dialog import FirstAdminDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.dialogs.import_dialog import ImportDialog
from app.ui.dialogs.late_repair_dialogs import HelpRequestsDialog
from app.ui.dialogs.parts_dialogs import PartDialog
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.dialogs.server_dialog import ServerDialog
from app.ui.dialogs.setup_wizard import SetupWizard
from app.ui.dialogs.take_in_dialog import WalkInTakeInDialog
from app.ui.dialogs.voice_dialogs import NewComplaintDialog
from app.ui.session import AppSession
from tests.helpers.print_samples import LongList


def _seed_call(session: AppSession) -> int:
    ctx = session.ctx
    customer = customers_service.find_customers(ctx, "张伟")[0]
    call = calls_service.register_call(ctx, CallInput("不制冷", customer_id=customer.id))
    return call.id


def _long_job() -> PrintJob:
    return PrintJob("测试", PrinterGroup.FORMS,
                    lambda reprint: Rendered(LongList(60, reprint=reprint).generate(), "l.pdf"))


DIALOGS: dict[str, Callable[[AppSession], QDialog]] = {
    "new call, new customer and item": lambda s: RegisterCallDialog(s),
    "walk-in take-in, new customer and item": lambda s: WalkInTakeInDialog(s),
    "edit call": lambda s: CallEditDialog(s, _seed_call(s)),
    "customer file": lambda s: CustomerFileDialog(
        s, customers_service.find_customers(s.ctx, "张伟")[0].id),
    "history": lambda s: HistoryDialog(s, "calls", _seed_call(s)),
    "import": lambda s: ImportDialog(s),
    "help requests": lambda s: HelpRequestsDialog(s),
    "new part": lambda s: PartDialog(s),
    "preferences": lambda s: PreferencesDialog("zh_CN"),
    "new complaint": lambda s: NewComplaintDialog(s),
    "print preview": lambda s: PrintPreviewDialog(_long_job()),
    "database server": lambda s: ServerDialog(),
    "first start": lambda s: FirstAdminDialog(s.db),
    **{f"store set-up: {step}": (lambda s, step=step: SetupWizard(s, start=step))
       for step in SetupWizard.STEP_KEYS},
}
