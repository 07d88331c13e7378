"""The parts every data-entry dialog is built of: the red message under the fields, the
OK/Cancel (or Save/Cancel) row wired to accept/reject, and the fields-message-buttons stack."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout

from app.ui.theme import SPACING

_Button = QDialogButtonBox.StandardButton


def message_label() -> QLabel:
    """The dialog's message line (object name "message"): red, wrapped, hidden until used."""
    label = QLabel()
    label.setObjectName("message")
    label.setStyleSheet("color: #B00020;")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def ok_cancel_buttons(dialog: QDialog, ok: _Button = _Button.Ok) -> QDialogButtonBox:
    """``ok`` and Cancel, wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(ok | _Button.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def save_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel, wired to the dialog's accept and reject."""
    return ok_cancel_buttons(dialog, _Button.Save)


def stack_form(dialog: QDialog, form: QLayout, message: QLabel, *,
               save: bool = False) -> QDialogButtonBox:
    """Lay the dialog out as its form, the message line, then OK (``save``: Save) and Cancel;
    return the buttons."""
    buttons = save_buttons(dialog) if save else ok_cancel_buttons(dialog)
    layout = QVBoxLayout(dialog)
    layout.setSpacing(SPACING)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addWidget(buttons)
    return buttons
