"""What is left to set up (待完成的设置): the store's checklist and this computer's printers.

Shown at the end of the first start's set-up and on the Today page until every step is
done; "Continue set-up…" reopens the set-up at the first step left.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import QT_TRANSLATE_NOOP
from app.printing.registry import PrinterGroup
from app.services import setup_checklist
from app.services.context import ServiceContext
from app.services.permissions import Perm
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore

PRINTERS = "printers"
PRINTERS_SAVED = "setup/printers_saved"  # this PC's printers step was saved
STEP_TITLES = {
    "profile": QT_TRANSLATE_NOOP("SetupChecklist", "Store name, address and phone"),
    "hours": QT_TRANSLATE_NOOP("SetupChecklist", "Business hours"),
    "zones": QT_TRANSLATE_NOOP("SetupChecklist", "Service zones"),
    "catalogue": QT_TRANSLATE_NOOP("SetupChecklist", "Product models (import from Excel)"),
    "staff": QT_TRANSLATE_NOOP("SetupChecklist", "Staff accounts: clerk, supervisor, "
                                                 "technician"),
    PRINTERS: QT_TRANSLATE_NOOP("SetupChecklist", "Printers of this computer"),
}
STEP_HINTS = {
    "profile": QT_TRANSLATE_NOOP("SetupChecklist", "The letterhead of every printed form "
                                                   "needs the address and the phone."),
    "hours": QT_TRANSLATE_NOOP("SetupChecklist", "Deadlines count business hours only."),
    "zones": QT_TRANSLATE_NOOP("SetupChecklist", "Each zone has its dispatch deadline."),
    "catalogue": QT_TRANSLATE_NOOP("SetupChecklist", "Calls pick the model from this list."),
    "staff": QT_TRANSLATE_NOOP("SetupChecklist", "Each person logs in with an account."),
    PRINTERS: QT_TRANSLATE_NOOP("SetupChecklist", "Receipts, repair cards and forms."),
}
STEPS = (*setup_checklist.STEPS, PRINTERS)


@dataclass(frozen=True)
class Step:
    key: str
    done: bool


def printers_done(settings: SettingsStore) -> bool:
    """This computer has a printer for receipts or forms (a counter PC, a back office), or
    its printers step was saved (a PC that chooses when printing)."""
    return settings.value(PRINTERS_SAVED) == "1" or any(
        settings.printer_for(group.value) for group in
        (PrinterGroup.RECEIPTS, PrinterGroup.FORMS))


def steps(ctx: ServiceContext, settings: SettingsStore) -> list[Step]:
    """Every set-up step, in the set-up's order, done or not."""
    found = [Step(item.key, item.done) for item in setup_checklist.checklist(ctx)]
    return [*found, Step(PRINTERS, printers_done(settings))]


def left_to_do(ctx: ServiceContext, settings: SettingsStore) -> list[str]:
    return [step.key for step in steps(ctx, settings) if not step.done]


def checklist_due(session: AppSession, settings: SettingsStore) -> bool:
    """The Today page shows the checklist to this user (as TodayPage does): one who sets the
    store up, on a real store whose set-up began and has steps left."""
    ctx = session.ctx
    return (session.may(Perm.REFERENCE_MANAGE) and not setup_checklist.is_demo(ctx)
            and setup_checklist.shown(ctx) and bool(left_to_do(ctx, settings)))


def step_title(key: str) -> str:
    return QCoreApplication.translate("SetupChecklist", STEP_TITLES[key])


class SetupChecklistWidget(QWidget):
    """The steps, ticked or not, and "Continue set-up…" (``continue_clicked``)."""

    continue_clicked = Signal()

    def __init__(self, ctx: ServiceContext, settings: SettingsStore, *,
                 with_button: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupChecklist")
        self._ctx, self._settings = ctx, settings
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.list_label = QLabel()
        self.list_label.setObjectName("setupSteps")
        self.list_label.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("Continue set-up…"))
        self.continue_button.setObjectName("continue_setup")
        self.continue_button.setVisible(with_button)
        self.continue_button.clicked.connect(self.continue_clicked)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list_label)
        layout.addStretch(1)
        self.steps: list[Step] = []
        self.refresh()

    def set_context(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self.refresh()

    @property
    def left(self) -> list[str]:
        return [step.key for step in self.steps if not step.done]

    def refresh(self) -> None:
        self.steps = steps(self._ctx, self._settings)
        left = self.left
        self.title.setText(
            self.tr("Left to set up: {n} of {total}").format(n=len(left), total=len(self.steps))
            if left else self.tr("The store is set up."))
        lines = []
        for step in self.steps:
            mark = "✔" if step.done else "☐"
            hint = "" if step.done else "　" + QCoreApplication.translate(
                "SetupChecklist", STEP_HINTS[step.key])
            if step.key == "staff" and not step.done:  # which accounts are still to make
                hint += "　" + self.tr("Still missing: {roles}").format(roles=self.tr(", ").join(
                    label("role", role.value)
                    for role in setup_checklist.missing_roles(self._ctx)))
            lines.append(f"{mark} {step_title(step.key)}{hint}")
        self.list_label.setText("\n".join(lines))
