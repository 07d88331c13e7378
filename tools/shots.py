"""What the screenshot tools share: the application in Chinese, with the translation as it is
in the TSV files now (compiled into the shots folder, not over resources/i18n)."""

from __future__ import annotations

from pathlib import Path

import i18n
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication


def chinese_app(out: Path) -> QApplication:
    from app.ui.app import create_application, install_translator

    app = create_application([])
    install_translator(app, "zh_CN")
    i18n.build(ts_file=out / "sc.ts", qm_file=out / "sc.qm")
    translator = QTranslator(app)
    assert translator.load(str(out / "sc.qm"))
    app.installTranslator(translator)
    return app
