"""The store edits message templates with a live preview; the counter records consent."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models.customers import Customer
from app.services import messaging_service as msgs
from app.ui.dialogs.messages_dialog import CustomerMessagesDialog, MessageTemplatesDialog
from tests.helpers.ui_call_log import app_session

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_template_preview_shows_exact_text_and_length_and_refuses_unknown_placeholders(
        qtbot, db, login):
    dialog = MessageTemplatesDialog(app_session(db, login, "admin"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kinds.setCurrentRow(2)  # item ready
    assert dialog.current.kind == "item_ready"
    dialog.body_edit.setPlainText("{customer}您好，{item}已修好。")
    assert dialog.preview.text().endswith("张先生您好，KFR-35GW 空调已修好。")
    assert "1 SMS" in dialog.length.text()
    dialog.body_edit.setPlainText("{customer}您好，{technician}已修好。")
    assert "{technician}" in dialog.message.text() and not dialog.save_button.isEnabled()
    dialog.body_edit.setPlainText("{customer}" + "您好" * 40)
    assert "2 SMS (67" in dialog.length.text()
    dialog.save_button.click()
    assert [t.body for t in msgs.list_templates(login("admin"))
            if t.kind == "item_ready"] == ["{customer}" + "您好" * 40]


def test_counter_records_an_opt_out(qtbot, db, login):
    with db.read() as session:
        cid = session.scalar(select(Customer.id).where(Customer.name == "张伟"))
    dialog = CustomerMessagesDialog(app_session(db, login, "clerk"), cid)
    qtbot.addWidget(dialog)
    assert "not asked" in dialog.consent_label.text()
    dialog.refuse_button.click()
    assert "opted out" in dialog.consent_label.text()
    assert msgs.get_consent(login("clerk"), cid).consented is False
