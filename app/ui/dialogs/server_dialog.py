"""Connect to a PostgreSQL server: host, database, user, how the link is protected (TLS mode,
root certificate) and, once, the password — which goes to the password file, never into the
URL the app keeps (app/db/pglink.py). The last server used is filled in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy.engine import make_url

from app.db import known_databases
from app.db.pglink import is_local_host, server_url, store_password, tls_of
from app.errors import UserError, ValidationError
from app.i18n import N_
from app.ui import file_dialogs
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, stack_form
from app.ui.errors import clear_field_errors, show_user_error

NEEDS_ROOT = ("verify-ca", "verify-full")


class ServerDialog(FormDialog):
    """``url`` after OK: the server's URL without a password, its TLS settings in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a database server"))
        self.setMinimumWidth(480)
        self.url = ""
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.database_edit = QLineEdit("service_counter")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("only to change the one kept"))
        self.tls_combo = QComboBox()
        for mode, text in (("verify-full", self.tr("Encrypted, server checked (recommended)")),
                           ("verify-ca", self.tr("Encrypted, certificate checked")),
                           ("require", self.tr("Encrypted, server not checked")),
                           ("prefer", self.tr("Encrypted if the server offers it (this PC "
                                              "only)"))):
            self.tls_combo.addItem(text, mode)
        self.root_edit = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_root)
        root_row = QHBoxLayout()
        root_row.addWidget(self.root_edit, 1)
        root_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Database"), self.database_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Encryption"), self.tls_combo)
        form.addRow(self.tr("Root certificate"), root_row)
        self.message = message_label()
        stack_form(self, form, self.message)
        self._fill_from_last()

    def _fill_from_last(self) -> None:
        servers = known_databases.known_servers()
        if not servers:
            return
        url = make_url(str(servers[0]["url"]))
        self.host_edit.setText(url.host or "")
        self.port_spin.setValue(url.port or 5432)
        self.database_edit.setText(url.database or "")
        self.user_edit.setText(url.username or "")
        sslmode, root = tls_of(str(servers[0]["url"]))
        index = self.tls_combo.findData(sslmode)
        if index >= 0:
            self.tls_combo.setCurrentIndex(index)
        self.root_edit.setText(root)

    def choose_root(self) -> None:
        chosen = file_dialogs.open_file_name(
            self, self.tr("The server's root certificate"), self.root_edit.text(),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"))
        if chosen:
            self.root_edit.setText(chosen)

    def fields(self) -> dict[str, QWidget]:
        return {"host": self.host_edit, "database": self.database_edit,
                "user": self.user_edit, "sslmode": self.tls_combo,
                "sslrootcert": self.root_edit, "password": self.password_edit}

    def server_url(self) -> str:
        """The URL as filled in (raises ValidationError at the field at fault)."""
        host = self.host_edit.text().strip()
        database = self.database_edit.text().strip()
        user = self.user_edit.text().strip()
        mode = str(self.tls_combo.currentData())
        root = self.root_edit.text().strip()
        if not host:
            raise ValidationError(N_("Enter the server's name or address."), field="host")
        if not database:
            raise ValidationError(N_("Enter the database's name."), field="database")
        if not user:
            raise ValidationError(N_("Enter the user name."), field="user")
        if mode == "prefer" and not is_local_host(host):
            raise ValidationError(N_("A server on another computer is reached encrypted "
                                     "only: choose one of the encrypted ways."),
                                  field="sslmode")
        if mode in NEEDS_ROOT and not Path(root).is_file():
            raise ValidationError(N_("Choose the server's root certificate file (needed to "
                                     "check the server)."), field="sslrootcert")
        return server_url(host=host, port=self.port_spin.value(), database=database,
                          user=user, sslmode=mode, sslrootcert=root if root else "")

    def accept(self) -> None:
        clear_field_errors(self.fields())
        self.message.setVisible(False)
        try:
            url = self.server_url()
        except UserError as err:
            show_user_error(err, self.fields(), message_label=self.message)
            return
        password = self.password_edit.text()
        if password:
            try:
                store_password(url, password)
            except (OSError, ValueError):
                show_user_error(ValidationError(N_("The password cannot be kept in the "
                                                   "password file."), field="password"),
                                self.fields(), message_label=self.message)
                return
            self.password_edit.clear()
        self.url = url
        super().accept()
