"""Log-in at start: user name, password, Enter logs in; refusals shown at the password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.db.database import Database
from app.errors import UserError
from app.services import auth_service
from app.services.context import Actor
from app.ui import theme
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.style import icon

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyboardDialog(QDialog):
    """A dialog whose line edits decide what Enter does (move on or submit)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and isinstance(self.focusWidget(), QLineEdit):
            event.accept()
            return
        super().keyPressEvent(event)


def dialog_header(title: str, subtitle: str) -> QVBoxLayout:
    """The bold title and grey hint that open every shell dialog."""
    box = QVBoxLayout()
    box.setSpacing(4)
    heading = QLabel(title)
    heading.setObjectName("dialogTitle")
    font = heading.font()
    font.setPointSize(theme.HEADER_POINT_SIZE)
    heading.setFont(font)
    hint = QLabel(subtitle)
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    box.addWidget(heading)
    box.addWidget(hint)
    return box


def message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("formMessage")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName("password")
    return edit


class LoginDialog(KeyboardDialog):
    """用户登录. ``actor`` is the logged-in user once the dialog is accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 username: str = "") -> None:
        super().__init__(parent)
        self._db = db
        self._actor: Actor | None = None
        self.setWindowTitle(self.tr("Service Counter — Log in"))
        self.setWindowIcon(icon("user"))
        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("username")
        self.password_edit = password_edit()
        self.message = message_label()
        self._build()
        self.username_edit.returnPressed.connect(self._username_entered)
        self.password_edit.returnPressed.connect(self.log_in)
        (self.password_edit if username else self.username_edit).setFocus()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(theme.SPACING * 2)
        top = QHBoxLayout()
        top.setSpacing(theme.SPACING * 2)
        logo = QLabel()
        logo.setPixmap(icon("calls").pixmap(44, 44))
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(dialog_header(self.tr("Service Counter"),
                                    self.tr("Log in with your user name and password.")), 1)
        layout.addLayout(top)
        form = QFormLayout()
        form.setSpacing(theme.SPACING + 2)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self.log_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def username(self) -> str:
        return self.username_edit.text().strip()

    def _fields(self) -> dict[str, QWidget]:
        return {"username": self.username_edit, "password": self.password_edit}

    def _username_entered(self) -> None:
        if self.password_edit.text():
            self.log_in()
        else:
            self.password_edit.setFocus()

    def log_in(self) -> None:
        """Check the password with the service; accept on success, else say why."""
        clear_field_errors(self._fields())
        try:
            self._actor = auth_service.log_in(self._db, self.username, self.password_edit.text(),
                                              workstation=config.workstation())
        except UserError as err:
            self.password_edit.clear()
            show_user_error(err, self._fields(), message_label=self.message)
            return
        self.accept()
