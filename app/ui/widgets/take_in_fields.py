"""What the item receipt records beyond the call: accessories, condition, promise, technician."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.printing.text import pt
from app.services.carry_in_service import StaffChoice
from app.ui.widgets.date_field import DateField

PROMISE_DAYS = 7
# The paper receipt's checklist (遥控器, 电源线, 说明书, 包装箱, 配件包).
ACCESSORIES = (
    ("remote", QT_TRANSLATE_NOOP("TakeInFields", "Remote control")),
    ("power_cord", QT_TRANSLATE_NOOP("TakeInFields", "Power cord")),
    ("manual", QT_TRANSLATE_NOOP("TakeInFields", "Manual")),
    ("box", QT_TRANSLATE_NOOP("TakeInFields", "Box")),
    ("parts_bag", QT_TRANSLATE_NOOP("TakeInFields", "Parts bag")),
)


def qdate_of(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_of(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TakeInFieldsWidget(QWidget):
    """The take-in block of the walk-in and the call take-in dialogs."""

    def __init__(self, technicians: list[StaffChoice], today: date, *,
                 default_technician: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (key, text) in enumerate(ACCESSORIES):
            box = QCheckBox(QCoreApplication.translate("TakeInFields", text))
            box.setObjectName(f"acc_{key}")
            self.checks[key] = box
            grid.addWidget(box, i // 3, i % 3)
        self.other_edit = QLineEdit()
        self.other_edit.setObjectName("accessories_note")
        self.other_edit.setPlaceholderText(self.tr("Other accessories"))
        self.condition_edit = QLineEdit()
        self.condition_edit.setObjectName("condition")
        self.condition_edit.setPlaceholderText(self.tr("Scratches, dents, missing parts …"))
        self.promised_edit = DateField(qdate_of(today + timedelta(days=PROMISE_DAYS)))
        self.promised_edit.setObjectName("promised_date")
        self.promised_edit.setDisplayFormat("yyyy-MM-dd")
        self.promised_edit.setCalendarPopup(True)
        self.technician_combo = QComboBox()
        self.technician_combo.setObjectName("technician")
        for tech in technicians:
            self.technician_combo.addItem(tech.name, tech.id)
        if default_technician is not None:
            index = self.technician_combo.findData(default_technician)
            self.technician_combo.setCurrentIndex(max(index, 0))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Accessories"), grid)
        form.addRow("", self.other_edit)
        form.addRow(self.tr("C&ondition"), self.condition_edit)
        form.addRow(self.tr("Promise&d date"), self.promised_edit)
        form.addRow(self.tr("&Technician"), self.technician_combo)

    def focus_chain(self) -> list[QWidget]:
        return [*self.checks.values(), self.other_edit, self.condition_edit,
                self.promised_edit, self.technician_combo]

    @property
    def accessories(self) -> tuple[str, ...]:
        # Stored as printed (the store's document language), whatever the screen language.
        return tuple(pt(text) for key, text in ACCESSORIES if self.checks[key].isChecked())

    @property
    def technician_id(self) -> int:
        data = self.technician_combo.currentData()
        return int(data) if data is not None else 0

    @property
    def promised_date(self) -> date:
        return date_of(self.promised_edit.date())

    def fields(self) -> dict[str, QWidget]:
        return {"accessories_note": self.other_edit, "condition": self.condition_edit,
                "promised_date": self.promised_edit, "technician": self.technician_combo}
