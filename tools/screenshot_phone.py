"""Screens of issue 18 in Chinese at 1366×768: the ring panel with three queued rings, the
caller-ID settings, the message templates with their preview, a customer's messages.

    python tools/screenshot_phone.py [OUT_DIR]      # default /tmp/shots-phone

Builds a throw-away demo store of 3,000 calls in OUT_DIR, queues a few messages, and grabs
each window into OUT_DIR/*.png.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-phone").resolve()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from PySide6.QtCore import QSettings  # noqa: E402
from shots import chinese_app  # noqa: E402

from app.bootstrap import open_database  # noqa: E402
from app.demo import generate  # noqa: E402
from app.services import auth_service  # noqa: E402
from app.services import messaging_service as msgs  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.telephony.caller_id import Ring  # noqa: E402
from app.telephony.config import TelephonyConfig  # noqa: E402


def callers(path: Path) -> tuple[str, str, int]:
    conn = sqlite3.connect(path)
    busy, customer = conn.execute(
        "SELECT p.digits, c.customer_id FROM calls c JOIN customer_phones p "
        "ON p.customer_id = c.customer_id WHERE c.status NOT IN ('closed', 'cancelled') "
        "AND p.digits LIKE '1%' GROUP BY c.customer_id ORDER BY count(*) DESC LIMIT 1").fetchone()
    other = conn.execute("SELECT digits FROM customer_phones WHERE digits LIKE '0%' "
                         "LIMIT 1").fetchone()[0]
    conn.close()
    return busy, other, customer


def main() -> None:
    from app.ui.app import build_main_window
    from app.ui.dialogs.messages_dialog import CustomerMessagesDialog, MessageTemplatesDialog
    from app.ui.dialogs.telephony_dialog import TelephonyDialog
    from app.ui.settings_store import SettingsStore

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "demo-phone.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")
    generate(db, calls=3000)
    busy, other, customer = callers(path)
    admin = ServiceContext(db, auth_service.log_in(db, "admin", "admin123"))
    msgs.set_messages_enabled(admin, True)
    with admin.write() as session:
        for n, kind in enumerate(("call_registered", "technician_on_way", "item_ready")):
            msgs.queue_message(session, admin, kind, event_key=f"shot:{n}", customer_id=customer,
                               values={k: v for k, v in msgs.SAMPLE.items()})
    app = chinese_app(OUT)
    settings = SettingsStore(QSettings(str(OUT / "settings.ini"), QSettings.Format.IniFormat))
    actor = auth_service.log_in(db, "clerk", "clerk123", workstation="counter-1")
    window = build_main_window(db, actor, settings, "zh_CN")
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    for number, line in ((busy, "1"), (other, "2"), ("13905710000", "3")):
        window.rings.show_ring(Ring(number=number, line=line))
    panel = window.rings.panel
    for _ in range(3):
        app.processEvents()
    shots = {"ring_panel.png": panel}
    grabs = [("caller_id_settings.png", TelephonyDialog(TelephonyConfig(
        modem_enabled=True, modem_port="/dev/ttyUSB0", hook_enabled=True,
        hook_secret="s3cret-for-the-pbx-01"), window))]
    templates = MessageTemplatesDialog(window.session, window)
    grabs.append(("message_templates.png", templates))
    grabs.append(("customer_messages.png", CustomerMessagesDialog(window.session, customer,
                                                                  window)))
    for name, widget in shots.items():
        widget.grab().save(str(OUT / name))
    for name, dialog in grabs:
        dialog.show()
        for _ in range(3):
            app.processEvents()
        dialog.grab().save(str(OUT / name))
        dialog.close()
    window.grab().save(str(OUT / "main_window_with_ring.png"))
    window.rings.stop()
    panel.close()
    window.close()
    app.processEvents()
    db.dispose()
    print(f"screens in {OUT}")


if __name__ == "__main__":
    main()
