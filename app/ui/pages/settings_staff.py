"""Settings tab for staff accounts (admin only): create, role, branch, active, password,
unlock. The service department's administrator puts an account in a branch or in the service
department (服务部); a branch's administrator sees and makes their own branch's accounts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.i18n import QT_TRANSLATE_NOOP
from app.models.enums import Role
from app.services import auth_service, branch_service
from app.ui.labels import choices, label
from app.ui.session import AppSession
from app.ui.settings_forms import ListAndForm, fill_combo, saved_text, select_data, yes_no


class StaffTab(ListAndForm):
    headers = (QT_TRANSLATE_NOOP("Settings", "User name"), QT_TRANSLATE_NOOP("Settings", "Name"),
               QT_TRANSLATE_NOOP("Settings", "Role"), QT_TRANSLATE_NOOP("Settings", "Branch"),
               QT_TRANSLATE_NOOP("Settings", "Active"), QT_TRANSLATE_NOOP("Settings", "Locked"))

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        fill_combo(self.role, choices("role"))
        self.branch = QComboBox(self)
        # the service department's administrator places accounts; a branch's makes its own
        self.office = session.ctx.actor.branch_id is None
        self.phone = QLineEdit(self)
        self.active = QCheckBox(self.tr("Active"), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = QPushButton(self.tr("Reset password"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Branch"), self.branch)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow("", self.active)
        self.form.addRow(self.tr("Password"), self.password)
        row = QHBoxLayout()
        row.addWidget(self.reset_button)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        self.form.addRow("", row)
        self.new_button.setText(self.tr("New account"))
        self.save_button.setText(self.tr("Save account"))
        self.build({"username": self.username, "display_name": self.display_name,
                    "password": self.password, "phone": self.phone,
                    "branch": self.branch})
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.refresh()

    def rows(self) -> list[auth_service.UserDTO]:
        self._fill_branches()
        return auth_service.list_users(self.session.ctx, include_inactive=True,
                                       managed_only=True)

    def _fill_branches(self) -> None:
        """服务部 (the service department's administrator only) and the branches: a closed
        one is listed for the accounts still in it."""
        self.branches = {b.id: b for b in branch_service.list_branches(self.session.ctx)}
        pairs = [("", self.tr("Service department"))] if self.office else []
        pairs += [(str(b.id), self.branch_text(b.id) + ("" if b.active else self.tr(" (closed)")))
                  for b in self.branches.values()]
        fill_combo(self.branch, pairs)
        self.branch.setEnabled(self.office)

    def branch_text(self, branch_id: int | None) -> str:
        if branch_id is None:
            return self.tr("Service department")
        branch = self.branches.get(branch_id)
        return f"{branch.code} {branch.name}".strip() if branch else "?"

    def cells(self, record: auth_service.UserDTO) -> list[str]:
        return [record.username, record.display_name, label("role", record.role.value),
                self.branch_text(record.branch_id), yes_no(record.active),
                yes_no(record.locked)]

    def chosen_branch(self) -> int | None:
        data = str(self.branch.currentData() or "")
        return int(data) if data else None

    def load(self, record: auth_service.UserDTO | None) -> None:
        self.current = record
        self.username.setText(record.username if record else "")
        self.username.setReadOnly(record is not None)
        self.display_name.setText(record.display_name if record else "")
        select_data(self.role, (record.role if record else Role.CLERK).value)
        if record is not None:
            select_data(self.branch, "" if record.branch_id is None else str(record.branch_id))
        else:  # a new account: the first branch's counter, or the branch admin's own
            self.branch.setCurrentIndex(1 if self.office and self.branch.count() > 1 else 0)
        self.phone.setText(record.phone if record else "")
        self.active.setChecked(record.active if record else True)
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("New password for this account") if record else
            self.tr("At least 6 characters"))
        self.reset_button.setEnabled(record is not None)
        self.unlock_button.setEnabled(record is not None and record.locked)
        if record is None:
            self.table.clearSelection()
            self.username.setFocus()

    def save(self) -> None:
        ctx, current, role = self.session.ctx, self.current, Role(self.role.currentData())
        branch = self.chosen_branch() if self.office else None  # a branch's: their own
        if current is None:
            saved = self.feedback.run(lambda: auth_service.create_user(
                ctx, username=self.username.text(), display_name=self.display_name.text(),
                role=role, password=self.password.text(), phone=self.phone.text().strip(),
                branch_id=branch), saved_text())
        else:
            saved = self.feedback.run(lambda: auth_service.update_user(
                ctx, current.id, display_name=self.display_name.text(), role=role,
                phone=self.phone.text().strip(), active=self.active.isChecked(),
                expected_version=current.version,
                branch_id=branch if self.office else auth_service.KEEP), saved_text())
        if saved is not None:
            self.refresh(keep=saved)
            self.feedback.ok(saved_text())

    def reset_password(self) -> None:
        current = self.current
        if current is None:
            return
        def change() -> bool:
            auth_service.set_password(self.session.ctx, current.id,
                                      password=self.password.text())
            return True

        if self.feedback.run(change, self.tr("The password was changed.")):
            self.password.clear()

    def unlock(self) -> None:
        current = self.current
        if current is None:
            return

        def lift() -> bool:
            auth_service.unlock(self.session.ctx, current.id)
            return True

        if self.feedback.run(lift, self.tr("The account is unlocked.")):
            self.refresh(keep=current)
            self.feedback.ok(self.tr("The account is unlocked."))
