"""What the screenshot tools share: the application in Chinese, with the translation as it is
in the TSV files now (compiled into the shots folder, not over resources/i18n)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import i18n
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication


def counter_screen(out: Path) -> None:
    """Grab on the counter PC's 1366×768 screen: Qt's plain offscreen platform is 800 wide,
    and the app fits every window to the screen it is on."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        config = out / "screen-1366x768.json"
        config.write_text(json.dumps({"screens": [{
            "name": "counter", "x": 0, "y": 0, "width": 1366, "height": 768,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def chinese_app(out: Path) -> QApplication:
    from app.ui.app import create_application
    from app.ui.language import install_translator

    out.mkdir(parents=True, exist_ok=True)
    counter_screen(out)
    app = create_application([])
    install_translator(app, "zh_CN")
    i18n.build(ts_file=out / "sc.ts", qm_file=out / "sc.qm")
    translator = QTranslator(app)
    assert translator.load(str(out / "sc.qm"))
    app.installTranslator(translator)
    return app


def fresh_demo(out: Path, name: str, calls: int):  # -> Database (app imported late)
    """A demo store built anew in ``out`` (the old file and its -wal/-shm removed first)."""
    from app.bootstrap import open_database
    from app.demo import generate

    out.mkdir(parents=True, exist_ok=True)
    path = out / f"demo-{name}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")  # a fresh file, deliberately
    generate(db, calls=calls)
    return db


def main_window_as(db, out: Path, username: str, password: str):  # -> MainWindow
    """The main window logged in as ``username`` at counter-1, with this folder's settings."""
    from PySide6.QtCore import QSettings

    from app.services import auth_service
    from app.ui.app import build_main_window
    from app.ui.settings_store import SettingsStore

    settings = SettingsStore(QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat))
    actor = auth_service.log_in(db, username, password, workstation="counter-1")
    return build_main_window(db, actor, settings, "zh_CN")
