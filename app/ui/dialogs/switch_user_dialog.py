"""Switch user on a shared counter PC: F2, the user's digit, the password, Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.errors import UserError
from app.services import auth_service
from app.services.auth_service import UserDTO
from app.services.context import Actor
from app.ui import theme
from app.ui.dialogs.login_dialog import KeyboardDialog, dialog_header, message_label, password_edit
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.style import icon

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SwitchUserDialog(KeyboardDialog):
    """切换用户. The list takes digits 1–9; the password field takes Enter."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._actor: Actor | None = None
        self._users: list[UserDTO] = auth_service.list_users(session.ctx)
        self.setWindowTitle(self.tr("Switch user"))
        self.setWindowIcon(icon("user"))
        self.user_list = QListWidget()
        self.user_list.setObjectName("userList")
        self.password_edit = password_edit()
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.message = message_label()
        self._fill()
        self._build()
        self.user_list.installEventFilter(self)
        self.user_list.itemActivated.connect(lambda _item: self.password_edit.setFocus())
        self.password_edit.returnPressed.connect(self.log_in)
        self.user_list.setFocus()

    def _fill(self) -> None:
        for index, user in enumerate(self._users):
            digit = f"{index + 1}" if index < 9 else " "
            text = f"{digit}   {user.display_name}  ·  {label('role', user.role.value)}"
            item = QListWidgetItem(icon("user"), text)
            item.setData(Qt.ItemDataRole.UserRole, user.username)
            self.user_list.addItem(item)
        current = self._session.ctx.actor.username
        for row, user in enumerate(self._users):
            if user.username == current:
                self.user_list.setCurrentRow(row)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(theme.SPACING + 4)
        layout.addLayout(dialog_header(
            self.tr("Switch user"),
            self.tr("Press the number of your name, type your password, press Enter.")))
        layout.addWidget(self.user_list)
        password_label = QLabel(self.tr("Password"))
        password_label.setBuddy(self.password_edit)
        layout.addWidget(password_label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.login_button.clicked.connect(self.log_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        rows = min(max(len(self._users), 3), 9)
        self.user_list.setMinimumHeight(rows * 36 + 12)
        self.user_list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumWidth(420)

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def chosen_username(self) -> str:
        item = self.user_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def choose(self, number: int) -> bool:
        """Pick the user shown with ``number`` (1-based) and move to the password."""
        if not 1 <= number <= min(9, self.user_list.count()):
            return False
        self.user_list.setCurrentRow(number - 1)
        self.password_edit.clear()
        self.password_edit.setFocus()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.user_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in _DIGITS:
                return self.choose(_DIGITS[key])
            if key in _ENTER_KEYS:
                self.password_edit.setFocus()
                return True
        return super().eventFilter(watched, event)

    def log_in(self) -> None:
        fields: dict[str, QWidget] = {"password": self.password_edit,
                                      "username": self.user_list}
        clear_field_errors(fields)
        try:
            self._actor = auth_service.log_in(self._session.db, self.chosen_username,
                                              self.password_edit.text(),
                                              workstation=config.workstation())
        except UserError as err:
            self.password_edit.clear()
            show_user_error(err, fields, message_label=self.message)
            return
        self.accept()
