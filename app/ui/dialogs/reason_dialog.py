"""A small "reason required" dialog for cancel (注销), void (作废), edit and override."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.theme import SPACING

REASON_MAX = 200


class ReasonDialog(FormDialog):
    """Asks for a reason; with ``on_submit`` the action runs here and errors keep it open.

    ``on_submit(reason)`` is called on OK; if it raises a UserError the message shows at the
    reason field and the dialog stays open (nothing was saved), else the dialog closes.
    """

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *,
                 on_submit: Callable[[str], None] | None = None, ok_text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._on_submit = on_submit
        self._prompt = QLabel(prompt)
        self._prompt.setWordWrap(True)
        self._edit = QLineEdit()
        self._edit.setObjectName("reason")
        self._edit.setPlaceholderText(self.tr("Why? (required)"))
        self._message = message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        if ok_text:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        for widget in (self._prompt, self._edit, self._message, buttons):
            layout.addWidget(widget)
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def reason(self) -> str:
        return self._edit.text().strip()

    @property
    def reason_edit(self) -> QLineEdit:
        return self._edit

    def show_error(self, err: UserError) -> None:
        show_user_error(err, {"reason": self._edit, err.field or "": self._edit},
                        message_label=self._message)

    def accept(self) -> None:
        clear_field_errors({"reason": self._edit})
        try:
            if not self.reason:
                raise ValidationError(N_("Enter a reason."), field="reason")
            if len(self.reason) > REASON_MAX:
                raise ValidationError(N_("At most {n} characters (now {m})."), field="reason",
                                      n=REASON_MAX, m=len(self.reason))
            if self._on_submit is not None:
                self._on_submit(self.reason)
        except UserError as err:
            self.show_error(err)
            return
        super().accept()
