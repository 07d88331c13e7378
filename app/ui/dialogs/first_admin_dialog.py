"""First start: create the administrator account before anyone can log in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.db.database import Database
from app.errors import UserError, ValidationError
from app.i18n import N_
from app.services import auth_service
from app.services.auth_service import UserDTO
from app.services.context import Actor
from app.ui import theme
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.login_dialog import KeyboardDialog, dialog_header, message_label, password_edit
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.style import icon

PASSWORDS_DIFFER = N_("The two passwords differ.")


class FirstAdminDialog(KeyboardDialog, FormDialog):
    """首次启动: the admin's user name, name and password (twice). ``created`` once done,
    and ``actor``: the administrator who runs the set-up that follows. Or "Try the
    demo store": the dialog ends with ``DEMO`` and nothing is written here."""

    DEMO = 2

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._created: UserDTO | None = None
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Service Counter — First start"))
        self.setWindowIcon(icon("settings"))
        self.username_edit = QLineEdit("admin")
        self.username_edit.setObjectName("username")
        self.display_name_edit = QLineEdit()
        self.display_name_edit.setObjectName("display_name")
        self.password_edit = password_edit()
        self.password_edit.setPlaceholderText(self.tr("6 characters or more"))
        self.repeat_edit = password_edit()
        self.repeat_edit.setObjectName("repeat_password")
        self.message = message_label()
        self._build()
        edits = [self.username_edit, self.display_name_edit, self.password_edit]
        for edit, following in zip(edits, [*edits[1:], self.repeat_edit], strict=True):
            edit.returnPressed.connect(following.setFocus)
        self.repeat_edit.returnPressed.connect(self.create_admin)
        self.display_name_edit.setFocus()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(theme.SPACING * 2)
        layout.addLayout(dialog_header(
            self.tr("Welcome to Service Counter"),
            self.tr("This is the first start. Create the administrator account: it sets up "
                    "the store and the staff accounts. Keep its password safe. A short "
                    "set-up follows (store, hours, zones, staff, printers); or try the demo "
                    "store first.")))
        form = QFormLayout()
        form.setSpacing(theme.SPACING + 2)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Full name"), self.display_name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Repeat password"), self.repeat_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.create_button = QPushButton(self.tr("Create administrator"))
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.demo_button = QPushButton(self.tr("Try the &demo store"))
        self.demo_button.setObjectName("demo")
        self.demo_button.setAutoDefault(False)
        self.demo_button.setToolTip(self.tr("A made-up store in a file of its own, to try "
                                            "things out; your store stays empty until you "
                                            "set it up."))
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.demo_button.clicked.connect(lambda: self.done(self.DEMO))
        self.create_button.clicked.connect(self.create_admin)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    @property
    def created(self) -> UserDTO | None:
        return self._created

    def _fields(self) -> dict[str, QWidget]:
        return {"username": self.username_edit, "display_name": self.display_name_edit,
                "password": self.password_edit, "repeat_password": self.repeat_edit}

    def create_admin(self) -> None:
        clear_field_errors(self._fields())
        try:
            if self.password_edit.text() != self.repeat_edit.text():
                raise ValidationError(PASSWORDS_DIFFER, field="repeat_password")
            self._created = auth_service.create_first_admin(
                self._db, username=self.username_edit.text(),
                display_name=self.display_name_edit.text(), password=self.password_edit.text())
            created = self._created
            self.actor = Actor(created.id, created.username, created.display_name,
                               created.role, config.workstation())
        except UserError as err:
            show_user_error(err, self._fields(), message_label=self.message)
            return
        self.accept()
