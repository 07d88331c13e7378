"""Settings tab 分公司 (the service department's administrator only): the company's branches,
a new one (a two-digit code and a name), a new name, and closing or reopening one (a closed
branch's people cannot log in; its records stay)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.models.enums import StoreKind
from app.services import branch_service
from app.services.branch_service import BranchDTO
from app.services.permissions import Perm
from app.ui.session import AppSession
from app.ui.settings_forms import ListAndForm, saved_text, select_data, yes_no

KINDS = {
    StoreKind.BRANCH: QT_TRANSLATE_NOOP("BranchesTab", "Branch"),
    StoreKind.SERVICE_CENTRE: QT_TRANSLATE_NOOP("BranchesTab", "Service centre"),
}


def may_manage_branches(session: AppSession) -> bool:
    """The service department's administrators (no branch of their own) only."""
    return session.may(Perm.USERS_MANAGE) and session.ctx.actor.branch_id is None


class BranchesTab(ListAndForm):
    headers = (QT_TRANSLATE_NOOP("Settings", "Code"),
               QT_TRANSLATE_NOOP("Settings", "Branch name"),
               QT_TRANSLATE_NOOP("Settings", "Kind"), QT_TRANSLATE_NOOP("Settings", "Active"))

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.code = QLineEdit(self)
        self.code.setMaxLength(2)
        self.code.setPlaceholderText(self.tr("two digits, like 02"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Hangzhou branch"))
        self.kind = QComboBox(self)
        for kind, text in KINDS.items():
            self.kind.addItem(self.tr(text), kind.value)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.close_button = QPushButton(self)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("State"), self.state)
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addStretch(1)
        self.form.addRow("", row)
        self.new_button.setText(self.tr("New branch"))
        self.save_button.setText(self.tr("Save branch"))
        self.build({"code": self.code, "name": self.name})
        self.name.returnPressed.connect(self.save)
        self.close_button.clicked.connect(self.close_or_reopen)
        self.refresh()

    def rows(self) -> list[BranchDTO]:
        return branch_service.list_branches(self.session.ctx)

    def cells(self, record: BranchDTO) -> list[str]:
        # a store's first branch has no name until one is given (made from an older store)
        return [record.code, record.name or self.tr("(no name yet)"),
                self.tr(KINDS[record.kind]),
                yes_no(True) if record.active else self.tr("Closed")]

    def load(self, record: BranchDTO | None) -> None:
        self.current = record
        self.code.setText(record.code if record else "")
        self.code.setReadOnly(record is not None)  # printed in the branch's numbers
        self.name.setText(record.name if record else "")
        select_data(self.kind, (record.kind if record else StoreKind.BRANCH).value)
        self.kind.setEnabled(record is None)
        if record is None:
            self.state.setText(self.tr("New"))
        elif record.active:
            self.state.setText(self.tr("Active: its people log in as usual."))
        else:
            self.state.setText(self.tr("Closed: its people cannot log in; its records stay."))
        self.close_button.setText(self.tr("Reopen the branch") if record and not record.active
                                  else self.tr("Close the branch"))
        self.close_button.setEnabled(record is not None)
        if record is None:
            self.table.clearSelection()
            self.code.setFocus()

    def save(self) -> None:
        ctx, current = self.session.ctx, self.current
        if current is None:
            kind = StoreKind(self.kind.currentData())
            saved = self.feedback.run(lambda: branch_service.create_branch(
                ctx, code=self.code.text(), name=self.name.text(), kind=kind), saved_text())
        else:
            saved = self.feedback.run(lambda: branch_service.rename_branch(
                ctx, current.id, name=self.name.text(), expected_version=current.version),
                saved_text())
        if saved is not None:
            self.refresh(keep=saved)
            self.feedback.ok(saved_text())

    def close_or_reopen(self) -> None:
        current = self.current
        if current is None:
            return
        if current.active and not self.confirm_close(current):
            return
        done = (self.tr("The branch is reopened.") if not current.active
                else self.tr("The branch is closed."))
        saved = self.feedback.run(lambda: branch_service.set_active(
            self.session.ctx, current.id, active=not current.active,
            expected_version=current.version), done)
        if saved is not None:
            self.refresh(keep=saved)
            self.feedback.ok(done)

    def confirm_close(self, branch: BranchDTO) -> bool:
        """Closing shuts the branch's people out: asked first (No is the default)."""
        answer = QMessageBox.question(
            self, self.tr("Close the branch"),
            self.tr("Close {name}? Its people can no longer log in; its records stay, and "
                    "reopening it lets them in again.").format(name=branch.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
