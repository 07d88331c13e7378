"""The store's set-up (门店设置向导): after the first start's administrator account, or
reopened from the checklist on the Today page.

Store profile → business hours → zones → product models → staff accounts → printers →
what is left to do. Each step saves on "Next" in one transaction through the service the
Settings page uses (the very same tabs where they fit), shows a bad input at its field and
stays; "Skip" moves on without saving and leaves the step on the checklist.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.models.enums import Role
from app.services import auth_service, reference_service, setup_checklist
from app.services.auth_service import NewAccount
from app.services.permissions import Perm
from app.ui import theme
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.import_dialog import ImportDialog
from app.ui.dialogs.login_dialog import dialog_header
from app.ui.errors import clear_field_errors
from app.ui.labels import label
from app.ui.pages.settings_profile import BusinessHoursTab, StoreProfileTab
from app.ui.pages.settings_zones import ZonesTab
from app.ui.printing_ui import printer_test_pages
from app.ui.session import AppSession
from app.ui.settings_forms import FORM_STYLE, FormFeedback
from app.ui.settings_store import SettingsStore
from app.ui.style import icon
from app.ui.widgets.printer_setup import PrinterSetupWidget
from app.ui.widgets.setup_checklist import (
    PRINTERS,
    PRINTERS_SAVED,
    STEPS,
    SetupChecklistWidget,
    step_title,
)

DONE = "done"
INTROS = {
    "profile": QT_TRANSLATE_NOOP("SetupWizard", "The name, address and phone head every "
                                                "receipt, voucher and report you print."),
    "hours": QT_TRANSLATE_NOOP("SetupWizard", "Deadlines count business hours only. The "
                                              "usual hours are filled in: change them or "
                                              "accept them."),
    "zones": QT_TRANSLATE_NOOP("SetupWizard", "A city and a suburb zone are ready, each with "
                                              "its dispatch deadline. Add or change zones "
                                              "here (Save zone), then Next accepts them."),
    "catalogue": QT_TRANSLATE_NOOP("SetupWizard", "Calls pick the product model from the "
                                                  "catalogue. Import it from an Excel sheet "
                                                  "now, or skip and do it later."),
    "staff": QT_TRANSLATE_NOOP("SetupWizard", "One account for each person at the counter. "
                                              "Fill in the rows you need; empty rows are left "
                                              "out. Passwords need 6 characters or more."),
    PRINTERS: QT_TRANSLATE_NOOP("SetupWizard", "The printers of this computer, by kind of "
                                               "paper. Each document's printer and paper "
                                               "can be changed later in Settings, Printing."),
    DONE: QT_TRANSLATE_NOOP("SetupWizard", "That is all for now. What is not done stays on "
                                           "the Today page until it is; Continue set-up "
                                           "there brings you back here."),
}
STAFF_ROWS = ((Role.CLERK, "clerk"), (Role.SUPERVISOR, "super"), (Role.TECHNICIAN, "tech"))


class StaffStep(QWidget):
    """A clerk, a supervisor and a technician: user name, full name, password each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, tuple[Role, QLineEdit, QLineEdit, QLineEdit]] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(theme.SPACING * 2)
        for column, text in enumerate((self.tr("Role"), self.tr("User name"),
                                       self.tr("Full name"), self.tr("Password"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for row, (role, username) in enumerate(STAFF_ROWS, start=1):
            user = QLineEdit(username)
            name, password = QLineEdit(), QLineEdit()
            password.setEchoMode(QLineEdit.EchoMode.Password)
            for edit, field in ((user, "username"), (name, "display_name"),
                                (password, "password")):
                edit.setObjectName(f"{role.value}.{field}")
            grid.addWidget(QLabel(label("role", role.value)), row, 0)
            grid.addWidget(user, row, 1)
            grid.addWidget(name, row, 2)
            grid.addWidget(password, row, 3)
            self.rows[role.value] = (role, user, name, password)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(STAFF_ROWS) + 1, 1)

    def fields(self) -> dict[str, QWidget]:
        return {f"{key}.{field}": edit for key, (_, *edits) in self.rows.items()
                for field, edit in zip(("username", "display_name", "password"), edits,
                                       strict=True)}

    def accounts(self) -> list[NewAccount]:
        """The rows with a name or a password typed (the user name alone is a suggestion)."""
        return [NewAccount(key, user.text(), name.text(), role, password.text())
                for key, (role, user, name, password) in self.rows.items()
                if name.text().strip() or password.text()]

    def clear(self) -> None:
        for _, _, name, password in self.rows.values():
            name.clear()
            password.clear()


class CatalogueStep(QWidget):
    """The import from Excel (the Settings page's), and how many models the store has."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.import_button = QPushButton(icon("settings"), self.tr("Import from Excel…"))
        self.import_button.setObjectName("import")
        self.count = QLabel()
        self.count.setObjectName("model_count")
        self.import_button.clicked.connect(self.open_import)
        self.import_button.setEnabled(session.may(Perm.DATA_IMPORT))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.refresh()

    def run_import(self, dialog: QDialog) -> None:
        """Modal run (tests replace this)."""
        dialog.exec()

    def open_import(self) -> None:
        dialog = ImportDialog(self.session, self)
        self.run_import(dialog)
        dialog.deleteLater()
        self.refresh()

    def refresh(self) -> None:
        found = len(reference_service.list_product_models(self.session.ctx, limit=101))
        n = "100+" if found > 100 else str(found)
        self.count.setText(self.tr("Product models in the catalogue: {n}").format(n=n))


class SetupWizard(FormDialog):
    """The set-up, one step a page; ``start`` opens at a step (the first one left)."""

    STEP_KEYS = (*STEPS, DONE)

    def __init__(self, session: AppSession, parent: QWidget | None = None, *,
                 settings: SettingsStore | None = None, start: str = "profile") -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings or SettingsStore()
        self.setWindowTitle(self.tr("Service Counter — Store set-up"))
        self.setWindowIcon(icon("settings"))
        self.setStyleSheet(FORM_STYLE)
        self.keys = [key for key in self.STEP_KEYS  # staff accounts: administrators only
                     if key != "staff" or session.may(Perm.USERS_MANAGE)]
        self.profile = StoreProfileTab(session, self)
        self._profile_only(self.profile)
        self.hours = BusinessHoursTab(session, self)
        self.hours.save_button.hide()
        self.zones = ZonesTab(session, self)
        self.catalogue = CatalogueStep(session, self)
        self.staff = StaffStep(self)
        self.printers = PrinterSetupWidget(self.settings,
                                           test_page=printer_test_pages(session.ctx))
        self.checklist = SetupChecklistWidget(session.ctx, self.settings, with_button=False)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.feedback = FormFeedback(self.staff.fields(), self)
        self.feedback.label = self.message
        self.stack = QStackedWidget()
        self.step_labels: list[QLabel] = []
        self.back_button = QPushButton(self.tr("< &Back"))
        self.skip_button = QPushButton(self.tr("&Skip (do it later)"))
        self.next_button = QPushButton(self.tr("&Next >"))
        # Leave the set-up for now (Esc and the window's X do the same); Today keeps the list.
        self.close_box = QDialogButtonBox()
        self.close_box.addButton(self.tr("Close, continue &later"),
                                 QDialogButtonBox.ButtonRole.RejectRole)
        self.close_box.rejected.connect(self.reject)
        self.next_button.setObjectName("next")
        self.skip_button.setObjectName("skip")
        self.back_button.setObjectName("back")
        self._build()
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.next)
        self.show_step(start if start in self.keys else self.keys[0])

    def _profile_only(self, tab: StoreProfileTab) -> None:
        """The profile tab without its own Save (Next saves) and without the receipt terms
        (Settings has them): Enter in a field moves on too."""
        tab.save_button.hide()
        group = tab.terms.parentWidget()
        if group is not None and group is not tab:
            group.hide()
        form = tab.timezone.parentWidget()
        layout = form.layout() if form is not None else None
        if isinstance(layout, QFormLayout):  # Asia/Shanghai: Settings has it
            layout.setRowVisible(tab.timezone, False)
        tab.feedback.label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Maximum)
        outer = tab.layout()
        if isinstance(outer, QVBoxLayout):
            outer.addStretch(1)
        for edit in (tab.name, tab.address, tab.phone, tab.timezone):
            edit.returnPressed.disconnect(tab.save_profile)

    def _page(self, key: str, body: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(dialog_header(self._title(key), self.tr(INTROS[key])))
        layout.addWidget(body, 1)
        return page

    def _title(self, key: str) -> str:
        return self.tr("What is left to do") if key == DONE else step_title(key)

    def _build(self) -> None:
        bodies: dict[str, QWidget] = {"profile": self.profile, "hours": self.hours,
                                      "zones": self.zones, "catalogue": self.catalogue,
                                      "staff": self.staff, PRINTERS: self.printers,
                                      DONE: self.checklist}
        for key in self.keys:
            self.stack.addWidget(self._page(key, bodies[key]))
        self.staff.setVisible("staff" in self.keys)
        side = QGroupBox(self.tr("Set-up"))
        side_layout = QVBoxLayout(side)
        for number, key in enumerate(self.keys, start=1):
            step = QLabel(f"{number}. {self._title(key)}")
            step.setWordWrap(True)
            self.step_labels.append(step)
            side_layout.addWidget(step)
        side_layout.addStretch(1)
        side.setFixedWidth(270)
        body = QHBoxLayout()
        body.addWidget(side)
        body.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_box)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for button in (self.back_button, self.skip_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        self.resize(1000, 600)

    # ---- navigation --------------------------------------------------------------------
    @property
    def step(self) -> str:
        return self.keys[self.stack.currentIndex()]

    def form_roots(self) -> list[QWidget]:
        """The step shown: what the owner typed there and has not saved (Next) is asked about
        before Esc or the window's X lose it; saved and skipped steps are not."""
        shown = self.stack.currentWidget()
        return [shown] if shown is not None else []

    def show_step(self, key: str) -> None:
        index = self.keys.index(key)
        self.stack.setCurrentIndex(index)
        self.mark_clean()
        for number, step in enumerate(self.step_labels):
            font = step.font()
            font.setBold(number == index)
            step.setFont(font)
        last = key == DONE
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(not last)
        self.next_button.setText(self.tr("&Finish") if last else self.tr("&Next >"))
        self.message.clear()
        self.message.setVisible(False)
        if key == "catalogue":
            self.catalogue.refresh()
        if last:
            self.checklist.refresh()
        self._focus_first(key)

    def _focus_first(self, key: str) -> None:
        first: dict[str, Callable[[], QWidget]] = {
            "profile": lambda: self.profile.name, "hours": lambda: self.hours.open_boxes[0],
            # the ready zones' list, not the empty name of a new zone: Enter is Next there
            # (in the name it saves a zone, and an empty one is refused: "required")
            "zones": lambda: self.zones.table, "catalogue": lambda: self.catalogue.import_button,
            "staff": lambda: self.staff.rows[Role.CLERK.value][2],
            PRINTERS: lambda: self.printers.findChildren(QWidget, "printer-receipts")[0],
            DONE: lambda: self.next_button}
        first[key]().setFocus()

    def back(self) -> None:
        index = self.stack.currentIndex()
        if index > 0:
            self.show_step(self.keys[index - 1])

    def skip(self) -> None:
        self._move_on()

    def next(self) -> None:
        if self.step == DONE:
            self.accept()
            return
        if self._save(self.step):
            self._move_on()

    def _move_on(self) -> None:
        self.show_step(self.keys[self.stack.currentIndex() + 1])

    def _save(self, key: str) -> bool:
        """The step's one transaction; False (and the message at the field) on bad input."""
        ctx = self.session.ctx
        if key == "profile":
            return self.profile.save_profile()
        if key == "hours":
            return self.hours.save(setup_checklist.accept_hours)
        if key == "zones":
            return self._run(lambda: setup_checklist.confirm(ctx, "zones"))
        if key == "staff":
            accounts = self.staff.accounts()
            if not accounts:
                return True
            if self._run(lambda: auth_service.create_users(ctx, accounts)):
                self.staff.clear()
                return True
            return False
        if key == PRINTERS:
            self.settings.set_value(PRINTERS_SAVED, "1")
            self.printers.save()  # syncs this PC's settings
        return True

    def _run(self, action: Callable[[], object]) -> bool:
        clear_field_errors(self.staff.fields())
        try:
            action()
        except UserError as err:
            self.feedback.error(err)
            return False
        return True

    # ---- keyboard ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field that saves on Enter (a zone) saves it; elsewhere it is Next."""
        focus = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(focus, QLineEdit)
                and focus.receivers(SIGNAL("returnPressed()")) > 0):
            event.accept()
            return
        super().keyPressEvent(event)
