"""The interface language: the saved choice or --lang, and the translators that carry it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.ui.settings_store import DEFAULT_LANGUAGE, SettingsStore, normalise_language

log = logging.getLogger(__name__)
I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
QM_BASENAME = "service_counter"

_translators: list[QTranslator] = []


def resolve_language(cli_lang: str | None, settings: SettingsStore) -> str:
    """--lang beats the saved preference, which beats Chinese."""
    return normalise_language(cli_lang) or settings.language() or DEFAULT_LANGUAGE


def install_translator(app: QCoreApplication, lang: str | None) -> str:
    """Chinese loads our .qm and Qt's own; English runs on the source texts. Returns the code."""
    chosen = normalise_language(lang) or DEFAULT_LANGUAGE
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if chosen == "zh_CN":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"{QM_BASENAME}_zh_CN", str(I18N_DIR)), ("qtbase_zh_CN", qt_dir)):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _translators.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return chosen
