"""Caller ID on this computer (来电显示设置): the serial device and the PBX hook."""

from __future__ import annotations

import secrets

import serial.tools.list_ports
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.telephony.config import TelephonyConfig
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.login_dialog import KeyboardDialog, dialog_header

BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)


class TelephonyDialog(KeyboardDialog, FormDialog):
    """``config`` is the set-up as entered; the caller saves it and restarts the sources."""

    def __init__(self, config: TelephonyConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Caller ID"))
        self.modem_box = QGroupBox(self.tr("Voice modem or caller-ID box (serial / USB)"))
        self.modem_box.setCheckable(True)
        self.modem_box.setChecked(config.modem_enabled)
        self.port_combo = QComboBox()
        self.port_combo.setEditable(True)
        for port in serial.tools.list_ports.comports():
            self.port_combo.addItem(f"{port.device}", port.device)
        self.port_combo.setEditText(config.modem_port)
        self.baud_combo = QComboBox()
        for rate in BAUD_RATES:
            self.baud_combo.addItem(str(rate), rate)
        self.baud_combo.setCurrentIndex(max(0, self.baud_combo.findData(config.modem_baud)))
        self.init_edit = QLineEdit(config.modem_init)
        self.init_edit.setToolTip(self.tr(
            "auto = ATZ; ATE0; AT+VCID=1 (AT#CID=1 if refused). Empty for a box that needs "
            "no commands. Several commands separated by ;"))
        modem_form = QFormLayout(self.modem_box)
        modem_form.addRow(self.tr("Port"), self.port_combo)
        modem_form.addRow(self.tr("Speed"), self.baud_combo)
        modem_form.addRow(self.tr("Start commands"), self.init_edit)
        self.hook_box = QGroupBox(self.tr("PBX hook (HTTP on this computer)"))
        self.hook_box.setCheckable(True)
        self.hook_box.setChecked(config.hook_enabled)
        self.lan_check = QCheckBox(self.tr("Accept calls from the local network"))
        self.lan_check.setChecked(config.hook_host not in ("127.0.0.1", "localhost", ""))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(config.hook_port)
        self.secret_edit = QLineEdit(config.hook_secret)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.new_secret_button = QPushButton(self.tr("New secret"))
        self.new_secret_button.setAutoDefault(False)
        self.new_secret_button.clicked.connect(
            lambda: self.secret_edit.setText(secrets.token_urlsafe(18)))
        hook_form = QFormLayout(self.hook_box)
        hook_form.addRow(self.lan_check)
        hook_form.addRow(self.tr("Port"), self.port_spin)
        hook_form.addRow(self.tr("Shared secret"), self.secret_edit)
        hook_form.addRow("", self.new_secret_button)
        hint = QLabel(self.tr(
            "The PBX sends POST /ring with {\"number\": …, \"line\": …} and the header "
            "Authorization: Bearer <secret>."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.hook_hint = hint
        self.sms_box = QGroupBox(self.tr("Sending messages to customers from this computer"))
        self.sms_mode = QComboBox()
        for mode, text in (("none", self.tr("This computer sends no messages")),
                           ("modem", self.tr("GSM modem on a serial port")),
                           ("http", self.tr("HTTP SMS gateway"))):
            self.sms_mode.addItem(text, mode)
        self.sms_mode.setCurrentIndex(max(0, self.sms_mode.findData(config.sms_mode)))
        self.sms_port_edit = QLineEdit(config.sms_port)
        self.sms_port_edit.setPlaceholderText("/dev/ttyUSB1")
        self.gateway_url_edit = QLineEdit(config.gateway_url)
        self.gateway_url_edit.setPlaceholderText("https://sms.example.cn/api/send")
        self.gateway_token_edit = QLineEdit(config.gateway_token)
        self.gateway_token_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.gateway_status_edit = QLineEdit(config.gateway_status_url)
        self.gateway_body_edit = QLineEdit(config.gateway_body)
        self.gateway_body_edit.setPlaceholderText(
            '{"mobile": "{phone}", "content": "{text}", "sign": "{sign}", …}')
        sms_form = QFormLayout(self.sms_box)
        sms_form.addRow(self.tr("Send by"), self.sms_mode)
        sms_form.addRow(self.tr("Modem port"), self.sms_port_edit)
        sms_form.addRow(self.tr("Gateway address"), self.gateway_url_edit)
        sms_form.addRow(self.tr("Gateway token"), self.gateway_token_edit)
        sms_form.addRow(self.tr("Request body (JSON)"), self.gateway_body_edit)
        sms_form.addRow(self.tr("Status address"), self.gateway_status_edit)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addLayout(dialog_header(self.tr("Caller ID"),
                                       self.tr("These settings apply to this computer.")))
        # two columns: the whole dialog fits a 1366×768 screen
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.modem_box)
        left.addWidget(self.hook_box)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.sms_box)
        right.addWidget(self.hook_hint)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(960)

    @property
    def config(self) -> TelephonyConfig:
        return TelephonyConfig(
            modem_enabled=self.modem_box.isChecked(),
            modem_port=self.port_combo.currentText().strip(),
            modem_baud=int(self.baud_combo.currentData()),
            modem_init=self.init_edit.text().strip(),
            hook_enabled=self.hook_box.isChecked(),
            hook_host="0.0.0.0" if self.lan_check.isChecked() else "127.0.0.1",
            hook_port=self.port_spin.value(),
            hook_secret=self.secret_edit.text().strip(),
            sms_mode=str(self.sms_mode.currentData()),
            sms_port=self.sms_port_edit.text().strip(),
            gateway_url=self.gateway_url_edit.text().strip(),
            gateway_body=self.gateway_body_edit.text().strip(),
            gateway_token=self.gateway_token_edit.text().strip(),
            gateway_status_url=self.gateway_status_edit.text().strip())

    def accept(self) -> None:
        problems = self.config.problems()
        if problems:
            self.message.setText("\n".join(self.tr(p) for p in problems))
            return
        super().accept()
