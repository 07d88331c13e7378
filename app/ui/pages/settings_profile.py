"""Settings tabs for the store profile (with receipt terms) and the business hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from functools import partial

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.models.enums import StoreKind
from app.services import reference_service as ref
from app.services.context import ServiceContext
from app.services.settings_kv import SESSION, BranchArg
from app.ui.session import AppSession, Topic
from app.ui.settings_forms import FormFeedback, fill_combo, saved_text, select_data

STORE_KINDS = {
    StoreKind.SERVICE_CENTRE: QT_TRANSLATE_NOOP("StoreProfileTab", "Service centre"),
    StoreKind.BRANCH: QT_TRANSLATE_NOOP("StoreProfileTab", "Branch"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Monday"),
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Tuesday"),
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Wednesday"),
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Thursday"),
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Friday"),
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Saturday"),
    QT_TRANSLATE_NOOP("BusinessHoursTab", "Sunday"),
)


class StoreProfileTab(QWidget):
    """Name, address, phone, kind and time zone of the store; the receipt terms."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.name = QLineEdit(self)
        self.address = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.kind = QComboBox(self)
        fill_combo(self.kind, [(k.value, self.tr(t)) for k, t in STORE_KINDS.items()])
        self.timezone = QLineEdit(self)
        self.save_button = QPushButton(self.tr("Save profile"), self)
        self.terms = QPlainTextEdit(self)
        self.terms.setTabChangesFocus(True)
        self.terms.setPlaceholderText(self.tr("Printed on the customer item receipt"))
        self.save_terms_button = QPushButton(self.tr("Save terms"), self)
        self.feedback = FormFeedback({"name": self.name, "address": self.address,
                                      "phone": self.phone, "kind": self.kind,
                                      "timezone": self.timezone, "terms": self.terms}, self)
        self.branch: BranchArg = SESSION  # whose values (the settings page's branch picker)
        self._profile = ref.StoreProfile("", "", "", StoreKind.SERVICE_CENTRE, "")
        self._terms = ref.ReceiptTerms("")
        self._layout()
        self.save_button.clicked.connect(self.save_profile)
        self.save_terms_button.clicked.connect(self.save_terms)
        for edit in (self.name, self.address, self.phone, self.timezone):
            edit.returnPressed.connect(self.save_profile)
        self.refresh()

    def _layout(self) -> None:
        profile = QGroupBox(self.tr("Store profile"), self)
        form = QFormLayout(profile)
        form.addRow(self.tr("Store name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Time zone"), self.timezone)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        terms = QGroupBox(self.tr("Receipt terms"), self)
        box = QVBoxLayout(terms)
        box.addWidget(self.terms)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_terms_button)
        box.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(profile)
        layout.addWidget(terms, 1)
        layout.addWidget(self.feedback.label)

    def refresh(self) -> None:
        self._profile = ref.get_store_profile(self.session.ctx, self.branch)
        self._terms = ref.get_receipt_terms(self.session.ctx, self.branch)
        p = self._profile
        self.name.setText(p.name)
        self.address.setText(p.address)
        self.phone.setText(p.phone)
        select_data(self.kind, p.kind.value)
        self.timezone.setText(p.timezone)
        self.terms.setPlainText(self._terms.text)

    @property
    def value(self) -> ref.StoreProfile:
        return ref.StoreProfile(self.name.text(), self.address.text(), self.phone.text(),
                                StoreKind(self.kind.currentData()), self.timezone.text())

    def save_profile(self) -> bool:
        saved = self.feedback.run(lambda: ref.update_store_profile(
            self.session.ctx, self.value, expected_version=self._profile.version,
            branch=self.branch), saved_text())
        if saved is not None:
            self._profile = saved
            self.phone.setText(saved.phone)
            self.session.changed(Topic.REFERENCE)
        return saved is not None

    def save_terms(self) -> None:
        saved = self.feedback.run(lambda: ref.update_receipt_terms(
            self.session.ctx, self.terms.toPlainText(), expected_version=self._terms.version,
            branch=self.branch), saved_text())
        if saved is not None:
            self._terms = saved


class BusinessHoursTab(QWidget):
    """Seven rows, Monday first: open or closed, opening and closing time."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.open_boxes: list[QCheckBox] = []
        self.opens: list[QTimeEdit] = []
        self.closes: list[QTimeEdit] = []
        self.save_button = QPushButton(self.tr("Save hours"), self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(4, 1)
        for column, title in enumerate((self.tr("Weekday"), self.tr("Open"),
                                        self.tr("Opens at"), self.tr("Closes at"))):
            grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, column)
        for day, name in enumerate(WEEKDAYS):
            self._add_day(grid, day, self.tr(name))
        fields = {f"closes_at_{d}": w for d, w in enumerate(self.closes)}
        self.feedback = FormFeedback(fields, self)
        self._days: list[ref.DayHours] = []
        self.branch: BranchArg = SESSION  # whose hours (the settings page's branch picker)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.feedback.label)
        layout.addStretch(1)
        self.save_button.clicked.connect(lambda: self.save())
        self.refresh()

    def _add_day(self, grid: QGridLayout, day: int, name: str) -> None:
        box = QCheckBox(self)
        opens, closes = QTimeEdit(self), QTimeEdit(self)
        for edit in (opens, closes):
            edit.setDisplayFormat("HH:mm")
            edit.setFixedWidth(96)
        box.toggled.connect(opens.setEnabled)
        box.toggled.connect(closes.setEnabled)
        self.open_boxes.append(box)
        self.opens.append(opens)
        self.closes.append(closes)
        label = QLabel(name, self)
        label.setBuddy(box)
        for column, widget in enumerate((label, box, opens, closes)):
            grid.addWidget(widget, day + 1, column)

    def refresh(self) -> None:
        self._days = ref.list_business_hours(self.session.ctx, self.branch)
        for day in self._days:
            self.open_boxes[day.weekday].setChecked(day.is_open)
            self.opens[day.weekday].setTime(QTime(day.opens_at.hour, day.opens_at.minute))
            self.closes[day.weekday].setTime(QTime(day.closes_at.hour, day.closes_at.minute))
            self.opens[day.weekday].setEnabled(day.is_open)
            self.closes[day.weekday].setEnabled(day.is_open)

    @property
    def value(self) -> list[ref.DayHours]:
        return [ref.DayHours(d.weekday, self.open_boxes[d.weekday].isChecked(),
                             _time(self.opens[d.weekday]), _time(self.closes[d.weekday]),
                             d.version)
                for d in self._days]

    def save(self, save: Callable[[ServiceContext, list[ref.DayHours]], list[ref.DayHours]]
             | None = None) -> bool:
        """Save the seven days (``save``: the set-up's, which also ticks its step)."""
        saving = save or partial(ref.update_business_hours, branch=self.branch)
        saved = self.feedback.run(lambda: saving(self.session.ctx, self.value), saved_text())
        if saved is not None:
            self._days = saved
            self.session.changed(Topic.REFERENCE)
        return saved is not None


def _time(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())
