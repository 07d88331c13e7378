"""The clerk is told, in Chinese, when the store was lost under the app; nothing is saved."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.session import AppSession
from tests.helpers.locks import live_path, other_process, other_process_opens_and_closes
from tests.helpers.ui import type_text
from tests.helpers.ui_call_log import IGNORE_SIZE_HINTS, calls_in_db, press
from tests.helpers.ui_shell import chinese  # noqa: F401  (fixture)

pytestmark = [IGNORE_SIZE_HINTS, pytest.mark.usefixtures("sqlite_only")]


def _fill_and_save(qtbot, dialog: RegisterCallDialog) -> None:
    qtbot.keyClicks(dialog.picker.lookup, "13812345678")
    qtbot.waitUntil(lambda: "张伟" in dialog.chosen_label.text())
    dialog.fault_edit.setFocus()
    type_text(dialog.fault_edit, "不制冷")
    press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)


@pytest.mark.parametrize("lose", ["locks", "delete"])
def test_registering_a_call_after_the_store_was_lost_shows_why_and_saves_nothing(
        lose, qtbot, db, login, chinese):  # noqa: F811
    # given the register-call form open on a store that is then lost under the app
    path = live_path(db)
    dialog = RegisterCallDialog(AppSession(db, login("clerk")))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if lose == "locks":  # what the stock file dialog did, then a second counter looked in
        for name in (f"{path}-shm", f"{path}-wal", str(path)):
            with open(name, "rb") as handle:
                handle.read(16)
        other_process_opens_and_closes(path)
    else:
        os.unlink(path)
    # when the clerk fills it in and presses Enter
    _fill_and_save(qtbot, dialog)
    # then the form stays open with the message: what happened, nothing saved, restart
    assert dialog.isVisible() and dialog.result() == 0
    text = dialog.message.text()
    assert "本次未保存任何内容" in text and "重新启动" in text, text
    assert ("日志文件" if lose == "locks" else "被删除或移走") in text
    # and no call was written: not in this process's view, nor in what another one sees
    assert calls_in_db(db) == []
    if lose == "locks":
        assert other_process(path, "SELECT count(*) FROM calls") == [(0,)]
