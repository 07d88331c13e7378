"""Parts stock dialogs: a new catalogue part, goods received, a stock count with a reason,
a transfer between the store and a technician's van, a move between branches."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_
from app.services import branch_service, parts_service
from app.services.money import parse_money
from app.services.parts_service import PartDTO, PartInput
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, save_buttons, stack_form
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession


class PartDialog(FormDialog):
    """A new part in the catalogue (stock arrives as goods received)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New part"))
        self._session = session
        self.part: PartDTO | None = None
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label in (("number", self.tr("Part &No.")), ("name", self.tr("&Name")),
                            ("unit", self.tr("&Unit")), ("unit_price", self.tr("Unit &price")),
                            ("reorder_level", self.tr("&Reorder level"))):
            edit = QLineEdit()
            edit.setObjectName(name)
            self.edits[name] = edit
            form.addRow(label, edit)
        self.edits["unit"].setText(self.tr("pc"))
        self.edits["reorder_level"].setText("0")
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))

    def accept(self) -> None:
        clear_field_errors(self.edits)
        text = {k: e.text() for k, e in self.edits.items()}
        try:
            level = text["reorder_level"].strip()
            if not level.isdigit():
                raise ValidationError(N_("Enter a whole number."), field="reorder_level")
            data = PartInput(text["number"], text["name"], text["unit"],
                             parse_money(text["unit_price"], field="unit_price"), int(level))
            self.part = parts_service.create_part(self._session.ctx, data)
        except UserError as err:
            show_user_error(err, self.edits, message_label=self.message)
            return
        super().accept()


class StockDialog(FormDialog):
    """``count=False``: goods received (quantity, note); ``count=True``: counted stock with a
    reason for the correction."""

    def __init__(self, session: AppSession, part: PartDTO, parent: QWidget | None = None, *,
                 count: bool = False) -> None:
        super().__init__(parent)
        self._session, self._part, self.count = session, part, count
        self.part: PartDTO | None = None
        title = self.tr("Stock count: {part}") if count else self.tr("Goods received: {part}")
        self.setWindowTitle(title.format(part=part.label))
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("quantity")
        self.quantity_spin.setRange(0, 1_000_000)
        if count:  # the store's shelf (a van's count is its own)
            self.quantity_spin.setValue(part.store)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        form = QFormLayout()
        form.addRow(self.tr("Counted in the &store") if count else self.tr("&Quantity received"),
                    self.quantity_spin)
        form.addRow(self.tr("&Reason") if count else self.tr("&Note"), self.reason_edit)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))

    def accept(self) -> None:
        fields: dict[str, QWidget] = {"quantity": self.quantity_spin,
                                      "reason": self.reason_edit, "note": self.reason_edit}
        clear_field_errors(fields)
        ctx, qty, text = self._session.ctx, self.quantity_spin.value(), self.reason_edit.text()
        try:
            if self.count:
                self.part = parts_service.count_stock(ctx, self._part.id, qty, reason=text)
            else:
                self.part = parts_service.receive_goods(ctx, self._part.id, qty, note=text)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()


class TransferDialog(FormDialog):
    """Parts between the store and a technician's van (领料上车 / 退回库房): technician,
    direction, quantity and a note, with what the store and that van hold shown."""

    def __init__(self, session: AppSession, part: PartDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session, self._part = session, part
        self.part: PartDTO | None = None
        self.setWindowTitle(self.tr("Transfer: {part}").format(part=part.label))
        self.tech_combo = QComboBox()
        self.tech_combo.setObjectName("technician")
        for tech_id, name in parts_service.van_holders(session.ctx):
            self.tech_combo.addItem(name, tech_id)
        self.direction_combo = QComboBox()
        self.direction_combo.setObjectName("direction")
        self.direction_combo.addItem(self.tr("Store → van"), True)
        self.direction_combo.addItem(self.tr("Van → store"), False)
        self.held_label = QLabel()
        self.held_label.setObjectName("held")
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("quantity")
        self.quantity_spin.setRange(1, 100_000)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.tech_combo.currentIndexChanged.connect(self._show_held)
        form = QFormLayout()
        form.addRow(self.tr("&Technician"), self.tech_combo)
        form.addRow(self.tr("&Direction"), self.direction_combo)
        form.addRow(self.held_label)
        form.addRow(self.tr("&Quantity"), self.quantity_spin)
        form.addRow(self.tr("&Note"), self.note_edit)
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))
        self._show_held()

    def _show_held(self) -> None:
        tech_id = self.tech_combo.currentData()
        van = 0
        if tech_id is not None:
            van = sum(line.quantity for line in parts_service.van_stock(self._session.ctx,
                                                                         int(tech_id))
                      if line.part_id == self._part.id)
        store = parts_service.get_part(self._session.ctx, self._part.id).store
        self.held_label.setText(self.tr("Van {van} / store {store}").format(van=van,
                                                                           store=store))

    def accept(self) -> None:
        fields: dict[str, QWidget] = {"quantity": self.quantity_spin, "note": self.note_edit,
                                      "technician": self.tech_combo}
        clear_field_errors(fields)
        tech_id = self.tech_combo.currentData()
        try:
            if tech_id is None:
                raise ValidationError(N_("Choose a technician."), field="technician")
            self.part = parts_service.transfer(
                self._session.ctx, self._part.id, self.quantity_spin.value(),
                technician_id=int(tech_id), to_van=bool(self.direction_combo.currentData()),
                note=self.note_edit.text())
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()


class BranchTransferDialog(FormDialog):
    """调拨: the service department moves parts from one branch's shelf to another's, with
    what each shelf holds shown."""

    def __init__(self, session: AppSession, part: PartDTO,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session, self._part = session, part
        self.part: PartDTO | None = None
        self.setWindowTitle(self.tr("Move between branches: {part}").format(part=part.label))
        self._held = parts_service.shelves_by_branch(session.ctx, part.id)
        self.from_combo, self.to_combo = QComboBox(), QComboBox()
        self.from_combo.setObjectName("source")
        self.to_combo.setObjectName("branch")
        for branch in branch_service.list_branches(session.ctx):
            label = f"{branch.code} {branch.name}".strip()
            held = self._held.get(branch.id, 0)
            self.from_combo.addItem(self.tr("{branch} (holds {held})").format(
                branch=label, held=held), branch.id)
            self.to_combo.addItem(label, branch.id)
        self.to_combo.setCurrentIndex(min(1, self.to_combo.count() - 1))
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("quantity")
        self.quantity_spin.setRange(1, 100_000)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        form = QFormLayout()
        form.addRow(self.tr("&From branch"), self.from_combo)
        form.addRow(self.tr("&To branch"), self.to_combo)
        form.addRow(self.tr("&Quantity"), self.quantity_spin)
        form.addRow(self.tr("&Note"), self.note_edit)
        self.message = message_label()
        stack_form(self, form, self.message, save=True)

    def accept(self) -> None:
        fields: dict[str, QWidget] = {"quantity": self.quantity_spin, "note": self.note_edit,
                                      "branch": self.to_combo}
        clear_field_errors(fields)
        try:
            self.part = parts_service.transfer_between_branches(
                self._session.ctx, self._part.id, self.quantity_spin.value(),
                source=int(self.from_combo.currentData()),
                target=int(self.to_combo.currentData()), note=self.note_edit.text())
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()
