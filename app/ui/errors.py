"""Showing a UserError at the field that is wrong, in the user's language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.errors import UserError
from app.ui.labels import translate_message
from app.ui.theme import ERROR_STYLE


def user_message(err: UserError) -> str:
    return err.text(translate_message)


def clear_field_errors(fields: Mapping[str, QWidget]) -> None:
    for widget in fields.values():
        widget.setStyleSheet("")
        widget.setToolTip("")


def show_user_error(err: UserError, fields: Mapping[str, QWidget], *,
                    message_label: QLabel | None = None, parent: QWidget | None = None) -> None:
    """Mark the field named by the error, focus it, and show the message beside the form.

    Without a message label the message goes to a box; either way nothing was saved.
    """
    clear_field_errors(fields)
    text = user_message(err)
    widget = fields.get(err.field or "")
    if widget is not None:
        widget.setStyleSheet(ERROR_STYLE)
        widget.setToolTip(text)
        widget.setFocus()
    if message_label is not None:
        message_label.setText(text)
        message_label.setVisible(True)
    else:
        title = QCoreApplication.translate("Errors", "Service Counter")
        QMessageBox.warning(parent or widget, title, text)
