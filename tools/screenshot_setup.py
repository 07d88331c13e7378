"""The README's first-start screenshot: the store's set-up (门店设置向导) at its first step
(store name, address and phone), in Chinese on the counter PC's 1366×768 screen, right after
the administrator account was made on a new, empty store.

    python tools/screenshot_setup.py [OUT_DIR]      # default /tmp/shots
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots").resolve()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from shots import chinese_app  # noqa: E402


def main() -> None:
    from PySide6.QtCore import QSettings

    from app.bootstrap import open_database
    from app.services import auth_service, setup_checklist
    from app.ui.app import make_context
    from app.ui.pages.setup_wizard import SetupWizard
    from app.ui.screen_fit import install_screen_fit
    from app.ui.session import AppSession
    from app.ui.settings_store import SettingsStore

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "new-store.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")  # a new, empty store
    app = chinese_app(OUT)
    install_screen_fit(app)
    auth_service.create_first_admin(db, username="admin", display_name="刘店长",
                                    password="counter-2026")
    actor = auth_service.log_in(db, "admin", "counter-2026", workstation="counter-1")
    ctx = make_context(db, actor)
    setup_checklist.begin(ctx)
    settings = SettingsStore(QSettings(str(OUT / "setup.ini"), QSettings.Format.IniFormat))
    wizard = SetupWizard(AppSession(db, ctx), settings=settings)
    wizard.show()
    for _ in range(5):
        app.processEvents()
    wizard.grab().save(str(OUT / "setup_wizard.png"))
    print(f"setup_wizard: {wizard.width()}×{wizard.height()}")
    wizard.discard()
    app.processEvents()
    db.dispose()
    print(f"screenshot in {OUT / 'setup_wizard.png'}")


if __name__ == "__main__":
    main()
