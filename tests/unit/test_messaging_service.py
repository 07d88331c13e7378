"""Messages to customers: templates checked, once per event, consent, opt-out, quiet hours,
retries with backoff and failure with a reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.models.customers import Customer
from app.services import messaging_service as msgs
from app.telephony.senders import Outgoing, SendResult

NOON = datetime(2026, 11, 18, 12, tzinfo=ZoneInfo("Asia/Shanghai"))


def at(ctx, moment=NOON):
    return replace(ctx, clock=lambda: moment)


def customer_id(db, name="张伟") -> int:
    with db.read() as session:
        return session.scalar(select(Customer.id).where(Customer.name == name))


class FakeSender:
    name = "fake"

    def __init__(self, *results: SendResult) -> None:
        self.results = list(results)
        self.sent: list[Outgoing] = []

    def send(self, message: Outgoing) -> SendResult:
        self.sent.append(message)
        return self.results.pop(0) if self.results else SendResult(True, ref="ok")

    def was_sent(self, attempt_id: str) -> bool | None:
        return None


def queue(db, ctx, kind="call_registered", key="call:1:registered", name="张伟", **values):
    ctx = at(ctx)  # queued at noon
    with ctx.write() as session:
        row = msgs.queue_message(session, ctx, kind, event_key=key,
                                 customer_id=customer_id(db, name),
                                 values={"customer": "张先生", "call_number": "C1",
                                         "expected_by": "15:00", **values})
        return row.status if row is not None else None


def test_template_placeholders_are_checked_and_preview_counts_parts(db, admin):
    with pytest.raises(ValidationError) as err:
        msgs.save_template(admin, "item_ready", "{customer}您好，{technician}已到")
    assert "{technician}" in str(err.value)
    with pytest.raises(ValidationError):
        msgs.save_template(admin, "item_ready", "{customer您好")
    saved = msgs.save_template(admin, "item_ready", "{customer}您好，{item}修好了。回TD退订")
    assert saved.version == 1
    assert [t.body for t in msgs.list_templates(admin) if t.kind == "item_ready"] == \
        ["{customer}您好，{item}修好了。回TD退订"]
    short = msgs.preview(admin, "item_ready", "{customer}您好")
    assert short.text.startswith("【") and short.text.endswith("张先生您好")
    assert short.length.parts == 1
    long = msgs.preview(admin, "item_ready", "{customer}" + "您好" * 40)
    assert (long.length.parts, long.length.per_part) == (2, 67)


def test_clerk_cannot_edit_templates(db, clerk):
    with pytest.raises(PermissionDenied):
        msgs.save_template(clerk, "item_ready", "{customer}")


def test_one_event_queues_one_message(db, clerk):
    assert queue(db, clerk) == "queued"
    assert queue(db, clerk) is None
    rows = msgs.list_outbox(clerk, customer_id=customer_id(db))
    assert len(rows) == 1 and "C1" in rows[0].body and rows[0].phone == "13812345678"


def test_landline_only_opted_out_and_no_consent_are_skipped_with_the_reason(db, clerk):
    assert queue(db, clerk, name="李娜") == "skipped"  # 0571… is no mobile
    assert msgs.list_outbox(clerk, customer_id=customer_id(db, "李娜"))[0].last_error == \
        "no mobile number"
    assert queue(db, clerk, "survey_invitation", key="survey:1") == "skipped"  # needs a yes
    msgs.set_consent(clerk, customer_id(db), True)
    assert queue(db, clerk, "survey_invitation", key="survey:2") == "queued"


def test_reply_td_opts_out_and_stops_what_is_waiting(db, clerk):
    assert queue(db, clerk) == "queued"
    assert msgs.opt_out_by_reply(clerk, "+8613812345678", " td ") == [customer_id(db)]
    assert msgs.list_outbox(clerk)[0].status == "skipped"
    assert queue(db, clerk, key="call:2:registered") == "skipped"
    consent = msgs.get_consent(clerk, customer_id(db))
    assert consent.consented is False and consent.source == "reply"
    assert msgs.opt_out_by_reply(clerk, "13812345678", "好的谢谢") == []


def test_quiet_hours_hold_messages_until_morning(db, clerk):
    queue(db, clerk)
    sender = FakeSender()
    night = at(clerk, datetime(2026, 11, 18, 22, 30, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert msgs.deliver_due(night, sender).quiet and sender.sent == []
    morning = at(clerk, datetime(2026, 11, 19, 8, 5, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert msgs.deliver_due(morning, sender).sent == 1
    assert msgs.list_outbox(clerk)[0].status == "sent"
    assert msgs.in_quiet_hours(time(7, 59), time(21), time(8))
    assert not msgs.in_quiet_hours(time(12), time(21), time(8))


def test_temporary_errors_back_off_then_fail_with_the_reason(db, clerk):
    queue(db, clerk)
    sender = FakeSender(*[SendResult(False, error="modem busy")] * 10)
    moment = NOON
    for attempt in range(1, msgs.MAX_ATTEMPTS + 1):
        report = msgs.deliver_due(at(clerk, moment), sender)
        assert (report.retried, report.failed) == ((1, 0) if attempt < msgs.MAX_ATTEMPTS
                                                   else (0, 1))
        # not due again before its backoff
        assert msgs.deliver_due(at(clerk, moment + timedelta(seconds=30)), sender).retried == 0
        moment += timedelta(days=1)  # past any backoff, at noon (not in quiet hours)
    [row] = msgs.list_outbox(clerk)
    assert row.status == "failed" and row.last_error == "modem busy"
    assert row.attempts == msgs.MAX_ATTEMPTS == len(sender.sent)


def test_permanent_error_fails_at_once_and_can_be_sent_again(db, clerk):
    queue(db, clerk)
    msgs.deliver_due(at(clerk), FakeSender(SendResult(False, error="HTTP 400", permanent=True)))
    [row] = msgs.list_outbox(clerk)
    assert row.status == "failed"
    msgs.send_again(at(clerk), row.id)
    assert msgs.deliver_due(at(clerk), FakeSender()).sent == 1


def test_registering_and_dispatching_a_call_queue_their_messages_once_turned_on(
        db, clerk, admin, login):
    from app.models.staff import User
    from app.services import dispatch_service as dispatch
    from app.services.calls_service import CallInput, register_call
    first = register_call(clerk, CallInput(fault="不制冷", customer_id=customer_id(db)))
    assert msgs.list_outbox(clerk) == []  # off: a store without a sender queues nothing
    msgs.set_messages_enabled(admin, True)
    call = register_call(clerk, CallInput(fault="不制冷", customer_id=customer_id(db)))
    [registered] = msgs.list_outbox(clerk, call_id=call.id)
    assert registered.kind == "call_registered" and call.number in registered.body
    assert "前与您联系" in registered.body
    with db.read() as session:
        tech = session.scalar(select(User.id).where(User.username == "tech"))
    dispatch.dispatch_call(login("super"), call.id, tech, expected_version=call.version)
    kinds = [r.kind for r in msgs.list_outbox(clerk, call_id=call.id)]
    assert kinds == ["technician_on_way", "call_registered"]
    assert msgs.list_outbox(clerk, call_id=first.id) == []
