"""Settings tab for the service zones (city / suburb) and their dispatch deadlines."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from app.i18n import QT_TRANSLATE_NOOP
from app.models.enums import ZoneKind
from app.services import reference_service as ref
from app.services.settings_kv import SESSION, BranchArg
from app.ui.labels import choices, label
from app.ui.session import AppSession, Topic
from app.ui.settings_forms import ListAndForm, fill_combo, saved_text, select_data, yes_no


class ZonesTab(ListAndForm):
    """Zones are never deleted: a zone no longer served is made inactive."""

    headers = (QT_TRANSLATE_NOOP("Settings", "Zone"), QT_TRANSLATE_NOOP("Settings", "Kind"),
               QT_TRANSLATE_NOOP("Settings", "Dispatch within (business hours)"),
               QT_TRANSLATE_NOOP("Settings", "Active"))

    stretch_column = 0

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.branch: BranchArg = SESSION  # whose zones (the settings page's branch picker)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        fill_combo(self.kind, choices("zone_kind"))
        self.hours = QSpinBox(self)
        self.hours.setRange(1, 72)
        self.hours.setSuffix(self.tr(" h"))
        self.active = QCheckBox(self.tr("Active"), self)
        self.form.addRow(self.tr("Zone name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Dispatch within"), self.hours)
        self.form.addRow("", self.active)
        self.new_button.setText(self.tr("New zone"))
        self.save_button.setText(self.tr("Save zone"))
        self.build({"name": self.name, "kind": self.kind, "dispatch_hours": self.hours})
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name.returnPressed.connect(self.save)
        self.refresh()

    def rows(self) -> list[ref.ZoneDTO]:
        return ref.list_zones(self.session.ctx, include_inactive=True, branch=self.branch)

    def cells(self, record: ref.ZoneDTO) -> list[str]:
        return [record.name, label("zone_kind", record.kind.value),
                str(record.dispatch_hours), yes_no(record.active)]

    def load(self, record: ref.ZoneDTO | None) -> None:
        self.current = record
        self.name.setText(record.name if record else "")
        select_data(self.kind, (record.kind if record else ZoneKind.CITY).value)
        self.hours.setValue(record.dispatch_hours if record else ZoneKind.CITY.dispatch_hours)
        self.active.setChecked(record.active if record else True)
        if record is None:
            self.table.clearSelection()
            self.name.setFocus()

    def _kind_changed(self) -> None:
        if self.current is None:  # a new zone starts with the default deadline of its kind
            self.hours.setValue(ZoneKind(self.kind.currentData()).dispatch_hours)

    @property
    def value(self) -> ref.ZoneInput:
        return ref.ZoneInput(self.name.text(), ZoneKind(self.kind.currentData()),
                             self.hours.value(), self.active.isChecked())

    def save(self) -> None:
        ctx, data, current, branch = self.session.ctx, self.value, self.current, self.branch
        if current is None:
            saved = self.feedback.run(lambda: ref.create_zone(ctx, data, branch), saved_text())
        else:
            saved = self.feedback.run(lambda: ref.update_zone(
                ctx, current.id, data, expected_version=current.version), saved_text())
        if saved is not None:
            self.refresh(keep=saved)
            self.feedback.ok(saved_text())
            self.session.changed(Topic.REFERENCE)
