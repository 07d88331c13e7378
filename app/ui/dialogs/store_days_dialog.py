"""The store's own calendar: closed days and extra working days over the official holidays."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError, UserError
from app.services import calendar_service
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession, Topic
from app.ui.settings_forms import BranchPicker
from app.ui.theme import SPACING
from app.ui.widgets.date_field import DateField


class StoreDaysDialog(FormDialog):
    """Lists this year's store days; "Save day" closes or opens the store on one date."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Store calendar"))
        today = session.ctx.today()
        self.day_edit = DateField(QDate(today.year, today.month, today.day))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Closed (store's own day off)"), False)
        self.kind_combo.addItem(self.tr("Open (extra working day)"), True)
        self.note_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("Save day"))
        self.save_button.clicked.connect(self.save_day)
        self.days_list = QListWidget()
        # day → version as listed: a save is checked against what the clerk saw
        self._versions: dict[date, int] = {}
        self._listed_year = 0
        self.day_edit.dateChanged.connect(self._year_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        # the service department: the company's days, or a branch's own
        self.branch_picker = BranchPicker(session, self.reload, self)
        form = QFormLayout()
        form.addRow(self.tr("Day"), self.day_edit)
        form.addRow(self.tr("Store is"), self.kind_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(self.save_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.branch_picker)
        layout.addWidget(QLabel(self.tr(
            "Public holidays and make-up working days come from the official calendar; "
            "days saved here override it.")))
        layout.addLayout(form)
        layout.addWidget(self.days_list, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    @property
    def day(self) -> date:
        value: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        return value

    def reload(self) -> None:
        self.days_list.clear()
        days = calendar_service.list_store_days(self._session.ctx, self.day.year,
                                                self.branch_picker.branch)
        self._versions = {d.day: d.version for d in days}
        self._listed_year = self.day.year
        for d in days:
            state = self.tr("open") if d.is_open else self.tr("closed")
            self.days_list.addItem(f"{d.day.isoformat()}  {state}  {d.note}")

    def _year_changed(self) -> None:
        if self.day.year != self._listed_year:
            self.reload()

    def save_day(self) -> bool:
        fields: dict[str, QWidget] = {"note": self.note_edit, "hours": self.day_edit}
        clear_field_errors(fields)
        try:
            calendar_service.set_store_day(
                self._session.ctx, self.day, is_open=bool(self.kind_combo.currentData()),
                note=self.note_edit.text(), expected_version=self._versions.get(self.day, 0),
                branch=self.branch_picker.branch)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            if isinstance(err, ConflictError):
                self.reload()  # show what the other counter saved; saving again applies over it
            return False
        self.message.setText(self.tr("Saved."))
        self.reload()
        self._session.changed(Topic.REFERENCE)
        self.mark_clean()
        return True
