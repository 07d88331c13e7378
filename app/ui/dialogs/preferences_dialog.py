"""Preferences of this workstation: the interface language (more to come)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from app.ui import theme
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.login_dialog import KeyboardDialog, dialog_header
from app.ui.settings_store import DEFAULT_LANGUAGE, normalise_language

# Each language is named in itself, so a user can always find their own.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


class PreferencesDialog(KeyboardDialog, FormDialog):
    """偏好设置. ``language`` is the chosen code ("zh_CN" or "en")."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        current = normalise_language(language) or DEFAULT_LANGUAGE
        self.language_combo.setCurrentIndex(self.language_combo.findData(current))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(theme.SPACING * 2)
        layout.addLayout(dialog_header(self.tr("Preferences"),
                                       self.tr("These settings apply to this computer.")))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)
        self.language_combo.setFocus()

    @property
    def language(self) -> str:
        return str(self.language_combo.currentData())
