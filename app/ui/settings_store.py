"""Per-workstation preferences in QSettings: language, window layout, column widths, printers.

With SERVICE_COUNTER_DATA set (tests, portable installs) they live in an INI file in that
folder; otherwise in the platform's usual place under the application's names.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

from app import config
from app.printing.registry import PrintKind
from app.telephony.config import TelephonyConfig

SETTINGS_FILE = "settings.ini"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def normalise_language(value: str | None) -> str | None:
    """'en', 'EN_us' → 'en'; 'zh', 'zh-CN', 'zh_CN' → 'zh_CN'; anything else → None."""
    if not value:
        return None
    text = value.strip().replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.startswith("en"):
        return "en"
    return None


def default_qsettings() -> QSettings:
    if os.environ.get(config.DATA_ENV):
        path = config.data_dir() / SETTINGS_FILE
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                     config.APP_AUTHOR, config.APP_NAME)


# What a saved take-in prints at once: the documents of each choice, in printing order.
TAKE_IN_PRINTS: dict[str, tuple[PrintKind, ...]] = {
    "both": (PrintKind.ITEM_RECEIPT, PrintKind.REPAIR_TAG),
    "receipt": (PrintKind.ITEM_RECEIPT,),
    "tag": (PrintKind.REPAIR_TAG,),
    "none": (),
}


class SettingsStore:
    """Typed access to the few things a counter PC remembers between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else default_qsettings()

    # language -----------------------------------------------------------------------
    def language(self) -> str | None:
        return normalise_language(str(self.qsettings.value("ui/language", "") or ""))

    def set_language(self, lang: str) -> None:
        self.qsettings.setValue("ui/language", normalise_language(lang) or DEFAULT_LANGUAGE)
        self.qsettings.sync()

    # log-in -------------------------------------------------------------------------
    def last_username(self) -> str:
        return str(self.qsettings.value("login/last_username", "") or "")

    def set_last_username(self, username: str) -> None:
        self.qsettings.setValue("login/last_username", username)

    # windows --------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_geometry(self, key: str, widget: QWidget) -> None:
        self.qsettings.setValue(f"geometry/{key}", widget.saveGeometry())

    def restore_geometry(self, key: str, widget: QWidget) -> bool:
        data = self._bytes(f"geometry/{key}")
        return bool(data is not None and widget.restoreGeometry(data))

    def save_window_state(self, key: str, window: QMainWindow) -> None:
        self.save_geometry(key, window)
        self.qsettings.setValue(f"state/{key}", window.saveState())

    def restore_window_state(self, key: str, window: QMainWindow) -> bool:
        restored = self.restore_geometry(key, window)
        data = self._bytes(f"state/{key}")
        if data is not None:
            window.restoreState(data)
        return restored

    def save_splitter(self, key: str, splitter: QSplitter) -> None:
        self.qsettings.setValue(f"splitter/{key}", splitter.saveState())

    def restore_splitter(self, key: str, splitter: QSplitter) -> bool:
        data = self._bytes(f"splitter/{key}")
        return bool(data is not None and splitter.restoreState(data))

    def value(self, key: str, default: str = "") -> str:
        return str(self.qsettings.value(key, default) or default)

    def set_value(self, key: str, value: str) -> None:
        self.qsettings.setValue(key, value)

    # tables ---------------------------------------------------------------------------
    def save_column_widths(self, key: str, header: QHeaderView) -> None:
        widths = [header.sectionSize(i) for i in range(header.count())]
        self.qsettings.setValue(f"columns/{key}", ",".join(str(w) for w in widths))

    def restore_column_widths(self, key: str, header: QHeaderView) -> bool:
        """Apply saved widths (only if the column count still matches)."""
        raw = str(self.qsettings.value(f"columns/{key}", "") or "")
        try:
            widths = [int(part) for part in raw.split(",") if part]
        except ValueError:
            return False
        if not widths or len(widths) != header.count():
            return False
        for index, width in enumerate(widths):
            if width > 0:
                header.resizeSection(index, width)
        return True

    # printers -------------------------------------------------------------------------
    def printer_for(self, document_type: str) -> str | None:
        """The printer chosen last time for this kind of document (voucher, receipt, …)."""
        name = str(self.qsettings.value(f"printers/{document_type}", "") or "")
        return name or None

    def set_printer_for(self, document_type: str, printer_name: str) -> None:
        self.qsettings.setValue(f"printers/{document_type}", printer_name)

    # each document: its own printer, paper, and one keystroke or the dialog -------------
    def document_printer(self, document: str) -> str:
        """The printer this PC chose for ``document`` ("" = the one of its group)."""
        return str(self.qsettings.value(f"documents/{document}/printer", "") or "")

    def set_document_printer(self, document: str, printer_name: str) -> None:
        self.qsettings.setValue(f"documents/{document}/printer", printer_name)

    def document_paper(self, document: str) -> str:
        """The paper chosen for ``document`` ("" = its first: roll, A5)."""
        return str(self.qsettings.value(f"documents/{document}/paper", "") or "")

    def set_document_paper(self, document: str, paper: str) -> None:
        self.qsettings.setValue(f"documents/{document}/paper", paper)

    def silent(self, document: str) -> bool | None:
        """True: print in one keystroke, no dialog; False: the dialog; None: the default."""
        value = str(self.qsettings.value(f"documents/{document}/silent", "") or "")
        return None if not value else value == "1"

    def set_silent(self, document: str, silent: bool | None) -> None:
        key = f"documents/{document}/silent"
        if silent is None:
            self.qsettings.remove(key)
        else:
            self.qsettings.setValue(key, "1" if silent else "0")

    # printing on saving a take-in ----------------------------------------------------------
    def take_in_prints(self) -> str:
        """What a saved take-in prints at once on this PC: one of ``TAKE_IN_PRINTS``
        ("both": the item receipt and the repair tag, the default)."""
        value = str(self.qsettings.value("documents/take_in_prints", "") or "")
        return value if value in TAKE_IN_PRINTS else "both"

    def set_take_in_prints(self, value: str) -> None:
        if value not in TAKE_IN_PRINTS:
            raise ValueError(value)
        self.qsettings.setValue("documents/take_in_prints", value)

    # caller ID (this PC's telephone line) ------------------------------------------------
    def telephony(self) -> TelephonyConfig:
        d = TelephonyConfig()

        def text(key: str, default: str) -> str:
            return str(self.qsettings.value(f"telephony/{key}", default) or default)

        def number(key: str, default: int) -> int:
            try:
                return int(text(key, str(default)))
            except ValueError:
                return default

        return TelephonyConfig(
            modem_enabled=text("modem_enabled", "0") == "1",
            modem_port=text("modem_port", d.modem_port),
            modem_baud=number("modem_baud", d.modem_baud),
            modem_init=str(self.qsettings.value("telephony/modem_init", d.modem_init) or ""),
            hook_enabled=text("hook_enabled", "0") == "1",
            hook_host=text("hook_host", d.hook_host),
            hook_port=number("hook_port", d.hook_port),
            hook_secret=text("hook_secret", ""),
            sms_mode=text("sms_mode", d.sms_mode), sms_port=text("sms_port", ""),
            gateway_url=text("gateway_url", ""),
            gateway_body=str(self.qsettings.value("telephony/gateway_body", "") or ""),
            gateway_token=text("gateway_token", ""),
            gateway_status_url=text("gateway_status_url", ""))

    def set_telephony(self, cfg: TelephonyConfig) -> None:
        values = {"modem_enabled": "1" if cfg.modem_enabled else "0",
                  "modem_port": cfg.modem_port, "modem_baud": str(cfg.modem_baud),
                  "modem_init": cfg.modem_init,
                  "hook_enabled": "1" if cfg.hook_enabled else "0",
                  "hook_host": cfg.hook_host, "hook_port": str(cfg.hook_port),
                  "hook_secret": cfg.hook_secret, "sms_mode": cfg.sms_mode,
                  "sms_port": cfg.sms_port, "gateway_url": cfg.gateway_url,
                  "gateway_body": cfg.gateway_body, "gateway_token": cfg.gateway_token,
                  "gateway_status_url": cfg.gateway_status_url}
        for key, value in values.items():
            self.qsettings.setValue(f"telephony/{key}", value)
        self.qsettings.sync()

    def sync(self) -> None:
        self.qsettings.sync()
