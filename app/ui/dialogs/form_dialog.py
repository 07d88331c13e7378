"""Data-entry dialogs: Esc, Cancel and the window's X ask before typed work is lost.

A FormDialog remembers what its fields held when it was first shown (a ring's prefill, a
record being edited); ``reject`` — which Esc, a Cancel/Close button and the window's X or
Alt+F4 (QDialog.closeEvent) all go through — asks "Discard what you typed?" when a field
differs, and closes silently for an untouched form. Saving inside the dialog without closing
(a customer's file, the store calendar) calls ``mark_clean``.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

_BASELINE = "_scFormBaseline"
_SHOWN = "_scFormShown"
NOT_FORM = "_scNotForm"  # a widget property: a search or filter box, not typed work


def _value(widget: QWidget) -> str | None:
    """What the clerk typed or chose in ``widget`` (None: not an input)."""
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly() or isinstance(widget.parentWidget(),
                                             (QComboBox, QAbstractSpinBox)):
            return None  # the combo or spin box it belongs to speaks for it
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return f"{widget.currentIndex()}\x1f{widget.currentText()}"
    if isinstance(widget, QAbstractSpinBox):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, (QCheckBox, QRadioButton)):
        return "1" if widget.isChecked() else "0"
    return None


def _inputs(root: QWidget) -> list[tuple[QWidget, str]]:
    window = root.window()
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.window() is not window or widget.property(NOT_FORM):
            continue
        if (value := _value(widget)) is not None:
            found.append((widget, value))
    return found


class FormDialog(QDialog):
    """A data-entry dialog (see the module's note). Subclasses call nothing at build time."""

    def form_roots(self) -> list[QWidget]:
        """The widgets whose fields are the form (the whole dialog unless narrowed)."""
        return [self]

    def mark_clean(self) -> None:
        """What the fields hold now is no one's unsaved work."""
        for root in self.form_roots():
            for widget, value in _inputs(root):
                widget.setProperty(_BASELINE, value)
        self.setProperty(_BASELINE, True)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property(_SHOWN):  # the first time: what the form opened with
            self.setProperty(_SHOWN, True)
            self.mark_clean()
        super().showEvent(event)

    def has_typed_work(self) -> bool:
        """A field differs from what it held when the form opened (or was last saved)."""
        if not self.property(_BASELINE):
            return False
        for root in self.form_roots():
            for widget, value in _inputs(root):
                baseline = widget.property(_BASELINE)
                if baseline is None:  # a field added since: typed work if not empty
                    if value.strip() and value != "0" and not value.startswith("-1\x1f"):
                        return True
                elif baseline != value:
                    return True
        return False

    def reject(self) -> None:
        """Esc, Cancel and the window's X: a filled form is kept unless the clerk discards it."""
        if self.isVisible() and self.has_typed_work() and not self.confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's X or Alt+F4 (a spontaneous close) asks like Esc; the program closing
        the window (close() on quitting, a test's teardown) does not."""
        if event.spontaneous():
            super().closeEvent(event)  # QDialog: reject(), and the window stays if it did
            return
        self.discard()
        event.accept()

    def discard(self) -> None:
        """Close without asking (the work is saved elsewhere, or there is none to keep)."""
        QDialog.reject(self)

    def confirm_discard(self) -> bool:
        """Ask before typed work is lost (tests replace this)."""
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Discard what you typed in this form?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
