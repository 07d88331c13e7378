"""Date fields that Tab leaves, like every other field (Left/Right move between the parts)."""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit, QWidget


class DateField(QDateEdit):
    """A date that Tab leaves, also while it shows its special text (不限): Qt's own date edit
    keeps the focus, moving between its sections (or sections that are not shown)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateTimeField(QDateTimeEdit):
    """Tab leaves the field (Left/Right move between date and time parts), like other fields."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class TimeField(QTimeEdit):
    """A time of day that Tab leaves (Left/Right move between hours and minutes)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
