"""The ring panel: rings from a PBX queue up (never overwrite), Enter starts a prefilled call,
and a repeat call about an open job becomes a chase (催修) instead of a duplicate."""

from __future__ import annotations

import json
import socket
import urllib.request
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models.calls import Call
from app.models.customers import Customer, Item
from app.models.messaging import CallChase
from app.services.calls_service import CallInput, register_call
from app.telephony.config import TelephonyConfig
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.settings_store import SettingsStore
from tests.helpers.ui import type_text
from tests.helpers.ui_call_log import press
from tests.helpers.ui_shell import open_window

# offscreen has no window stacking: the panel's raise() is a no-op there
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
SECRET = "panel-test-secret-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ring(port: int, number: str, line: str = "1") -> None:
    body = json.dumps({"number": number, "line": line}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/ring", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {SECRET}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200


@pytest.fixture
def window(qtbot, db, tmp_path):
    settings = SettingsStore(QSettings(str(tmp_path / "pc.ini"), QSettings.Format.IniFormat))
    port = free_port()
    settings.set_telephony(TelephonyConfig(hook_enabled=True, hook_port=port,
                                           hook_secret=SECRET))
    win = open_window(qtbot, db, "clerk", settings)
    win.test_port = port
    yield win
    win.rings.stop()
    win.rings.panel.close()


def open_call_for_zhang(db, login) -> int:
    with db.read() as s:
        cid = s.scalar(select(Customer.id).where(Customer.name == "张伟"))
        item = s.scalar(select(Item.id).where(Item.customer_id == cid).order_by(Item.id))
    clerk = login("clerk")
    return register_call(clerk, CallInput(fault="不制冷", customer_id=cid, item_id=item,
                                          received_at=clerk.now() - timedelta(hours=1))).id


def count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


def test_three_rings_queue_enter_starts_a_prefilled_call_and_a_chase(
        qtbot, db, login, window):
    # given 张伟 has an open call about his air conditioner
    open_id = open_call_for_zhang(db, login)
    panel = window.rings.panel
    # when three calls ring in quick succession through the PBX hook
    ring(window.test_port, "13812345678")
    qtbot.waitUntil(lambda: len(panel.cards) == 1, timeout=10_000)
    ring(window.test_port, "0571-87654321", "2")
    ring(window.test_port, "13900001111", "3")
    qtbot.waitUntil(lambda: len(panel.cards) == 3, timeout=10_000)
    # then all three wait in the queue and the first is still on screen, with its open call
    assert panel.isVisible()
    assert [c.customers[0].name if c.customers else "" for c in panel.cards] == \
        ["张伟", "李娜", ""]
    assert panel.current_card is panel.cards[0]
    assert "张伟" in panel.header.text() and panel.calls.count() == 1
    assert panel.cards[2].place.place == "中国移动"
    assert window.rings.last_shown_ms < 1000

    # when the clerk picks 李娜's ring and presses Enter
    panel.activateWindow()
    panel.queue.setCurrentRow(1)
    panel.queue.setFocus()
    press(qtbot, Qt.Key.Key_Return, panel.queue)
    dialog = window.rings.dialog
    assert isinstance(dialog, RegisterCallDialog)
    qtbot.waitExposed(dialog)
    # then the register dialog opens for her, cursor in the fault
    assert "李娜" in dialog.chosen_label.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fault_edit)
    assert not dialog.chase_row.isVisible()  # no open call about her fridge
    type_text(dialog.fault_edit, "冰箱不制冷")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    assert dialog.result_call is not None and count(db, Call) == 2

    # when 张伟's ring is taken and Enter pressed on his open call
    panel.queue.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Return, panel.calls)
    dialog = window.rings.dialog
    assert isinstance(dialog, RegisterCallDialog)
    qtbot.waitExposed(dialog)
    assert "张伟" in dialog.chosen_label.text()
    assert dialog.item_combo.currentText().startswith("KFR-35GW")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fault_edit)
    # then the dialog offers a chase on the open call, without stopping the clerk
    assert dialog.chase_row.isVisible() and "C" in dialog.chase_label.text()
    type_text(dialog.fault_edit, "还是不制冷，催一下")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_K, modifier=Qt.KeyboardModifier.ControlModifier)
    # then no duplicate call: a chase on the open one
    assert dialog.result_call is None and dialog.result_chase.call_id == open_id
    assert count(db, Call) == 2 and count(db, CallChase) == 1

    # and Delete dismisses rings one by one; the panel goes when the queue is empty
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Delete, panel.queue)
    assert not panel.cards and not panel.isVisible()
