"""A small form dialog for the customer-voice actions: fields, one service call, errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.errors import show_user_error
from app.ui.widgets.date_field import DateField

Action = Callable[["VoiceFormDialog"], Any]


class VoiceFormDialog(FormDialog):
    """Fields by key; OK runs ``action(self)``; a UserError is shown at its field."""

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._fields: dict[str, QWidget] = {}
        self._action: Action | None = None
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        self._form = QFormLayout()
        layout.addLayout(self._form)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # ---- building --------------------------------------------------------------------
    def _add(self, key: str, label: str, widget: QWidget) -> None:
        widget.setObjectName(key)
        self._fields[key] = widget
        self._form.addRow(label, widget)

    def add_line(self, key: str, label: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        self._add(key, label, edit)
        return edit

    def add_text(self, key: str, label: str, text: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(80)
        self._add(key, label, edit)
        return edit

    def add_combo(self, key: str, label: str, choices: list[tuple[str, str]],
                  current: str | None = None) -> QComboBox:
        combo = QComboBox()
        for value, text in choices:
            combo.addItem(text, value)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._add(key, label, combo)
        return combo

    def add_date(self, key: str, label: str, value: date) -> QDateEdit:
        edit = DateField(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        self._add(key, label, edit)
        return edit

    def add_check(self, key: str, label: str, checked: bool = False) -> QCheckBox:
        box = QCheckBox(label)
        box.setChecked(checked)
        box.setObjectName(key)
        self._fields[key] = box
        self._form.addRow("", box)
        return box

    def set_action(self, action: Action) -> None:
        self._action = action

    # ---- reading ---------------------------------------------------------------------
    def field(self, key: str) -> QWidget:
        return self._fields[key]

    def text(self, key: str) -> str:
        widget = self._fields[key]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        raise TypeError(key)

    def choice(self, key: str) -> Any:
        widget = self._fields[key]
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def day(self, key: str) -> date:
        widget = self._fields[key]
        assert isinstance(widget, QDateEdit)
        value = widget.date()
        return date(value.year(), value.month(), value.day())

    def checked(self, key: str) -> bool:
        widget = self._fields[key]
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    def accept(self) -> None:
        if self._action is not None:
            try:
                self.result_value = self._action(self)
            except UserError as err:
                show_user_error(err, self._fields, message_label=self.message)
                return
        super().accept()
