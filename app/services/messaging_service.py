"""Messages to customers (短信通知): templates, consent (PIPL), the outbox and its delivery.

Templates: one per moment a customer waits for, in Chinese, edited by the store; only known
placeholders are accepted. A message is rendered once, when its event happens, and queued
under an ``event_key`` (unique): the same event never queues twice.

Consent: a service notice about the customer's own job goes unless they opted out (PIPL
Art. 13(1)2: needed to perform the service they asked for); a survey invitation or a contract
renewal reminder goes only with a recorded yes. Opt-out by the reply words 退订 / TD / T or at
the counter; recorded with when, how and who.

Delivery (``deliver_due``): claim a row (queued → sending, a fresh ``attempt_id``, committed)
before the sender is called, then record the outcome: sent, queued again with backoff, or
failed with the reason. A row found ``sending`` after a crash is reconciled at start
(``reconcile``): the sender is asked whether that attempt went out; when it cannot tell (a
modem), the row is marked ``interrupted`` for the clerk to check — never sent twice blindly.
Nothing is sent in the store's quiet hours.
"""

from __future__ import annotations

import re
import string
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import ConflictError, NotFound, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone, Item
from app.models.messaging import MessageConsent, MessageTemplate, OutboxMessage
from app.models.store import ProductModel
from app.services import calendar_service as cal_svc
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import store_profile_in
from app.services.settings_kv import load_setting, save_setting
from app.services.validation import check_version, clean_text, phone_digits
from app.telephony.senders import Outgoing, Sender
from app.telephony.sms import SmsLength, sms_length


@dataclass(frozen=True)
class TemplateKind:
    kind: str
    title: str  # English source; the UI translates
    placeholders: tuple[str, ...]
    default: str
    needs_consent: bool = False


OPT_OUT_HINT = "回TD退订"
KINDS: dict[str, TemplateKind] = {k.kind: k for k in (
    TemplateKind("call_registered", N_("Call registered"),
                 ("customer", "call_number", "item", "expected_by", "store_phone"),
                 "{customer}您好，您的报修已登记，单号{call_number}，技术员将于{expected_by}前"
                 "与您联系。咨询电话{store_phone}。" + OPT_OUT_HINT),
    TemplateKind("technician_on_way", N_("Technician on the way"),
                 ("customer", "call_number", "technician", "arrive_by", "store_phone"),
                 "{customer}您好，{technician}师傅已出发，预计{arrive_by}前到达，请保持电话畅通。"
                 + OPT_OUT_HINT),
    TemplateKind("item_ready", N_("Item ready for collection"),
                 ("customer", "item", "receipt_number", "store_phone"),
                 "{customer}您好，您送修的{item}已修好，请凭领取收据{receipt_number}到店领取。"
                 + OPT_OUT_HINT),
    TemplateKind("waiting_for_parts", N_("Waiting for parts"),
                 ("customer", "item", "promised_date", "store_phone"),
                 "{customer}您好，您的{item}正在等待配件，预计完成日期改为{promised_date}，"
                 "给您带来不便，敬请谅解。" + OPT_OUT_HINT),
    TemplateKind("contract_ending", N_("Contract ending"),
                 ("customer", "contract_number", "end_date", "store_phone"),
                 "{customer}您好，您的保养合同{contract_number}将于{end_date}到期，续约请致电"
                 "{store_phone}。" + OPT_OUT_HINT, needs_consent=True),
    TemplateKind("complaint_outcome", N_("Complaint outcome"),
                 ("customer", "complaint_number", "outcome", "store_phone"),
                 "{customer}您好，您反映的问题（{complaint_number}）处理结果：{outcome}。"
                 "如有疑问请致电{store_phone}。" + OPT_OUT_HINT),
    TemplateKind("survey_invitation", N_("Survey invitation"),
                 ("customer", "call_number"),
                 "{customer}您好，感谢您选择我们的服务，请回复1-5为本次服务（单号{call_number}）"
                 "打分，5为非常满意。" + OPT_OUT_HINT, needs_consent=True),
)}
SAMPLE = {"customer": "张先生", "call_number": "C2612-0001", "item": "KFR-35GW 空调",
          "expected_by": "12月8日 15:00", "technician": "李", "arrive_by": "10:30",
          "receipt_number": "R2612-0001", "promised_date": "12月12日",
          "contract_number": "HT2026-001", "end_date": "2027年1月31日",
          "complaint_number": "TS2612-001", "outcome": "免费更换压缩机",
          "store_phone": "0571-87000000"}
OPT_OUT_WORDS = {"退订", "TD", "T", "N", "退", "取消"}
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15),
           timedelta(hours=1), timedelta(hours=4))
MAX_ATTEMPTS = len(BACKOFF) + 1
QUIET_KEY = "messages.quiet_hours"
DEFAULT_QUIET = ("21:00", "08:00")
BODY_MAX = 500


class Status:
    QUEUED, SENDING, SENT = "queued", "sending", "sent"
    FAILED, SKIPPED, INTERRUPTED = "failed", "skipped", "interrupted"


# ---- templates ---------------------------------------------------------------------------

@dataclass(frozen=True)
class TemplateDTO:
    kind: str
    title: str
    body: str
    placeholders: tuple[str, ...]
    gateway_template_id: str
    enabled: bool
    version: int  # 0: the default, never saved


@dataclass(frozen=True)
class Preview:
    text: str
    length: SmsLength


def _kind(kind: str) -> TemplateKind:
    if kind not in KINDS:
        raise NotFound(N_("No such message template."))
    return KINDS[kind]


def check_body(kind: str, body: str) -> str:
    """The body, checked: known placeholders only, braces balanced, not empty."""
    spec = _kind(kind)
    text = clean_text(body, field="body", max_len=BODY_MAX, required=True)
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise ValidationError(N_("A placeholder's brace is not closed."), field="body") from exc
    unknown = sorted({n for n in names if n not in spec.placeholders})
    if unknown:
        raise ValidationError(N_("Unknown placeholder: {names}. Allowed: {allowed}."),
                              field="body", names=", ".join("{" + n + "}" for n in unknown),
                              allowed=" ".join("{" + p + "}" for p in spec.placeholders))
    return text


def render(body: str, values: Mapping[str, str], sign: str) -> str:
    """The exact text sent: 【signature】 then the body with its placeholders filled."""
    filled = body.format_map({k: str(v) for k, v in values.items()})
    return (f"【{sign}】" if sign else "") + filled


def _template_rows(session: Session) -> dict[str, MessageTemplate]:
    return {t.kind: t for t in session.scalars(select(MessageTemplate))}


def _dto(spec: TemplateKind, row: MessageTemplate | None) -> TemplateDTO:
    if row is None:
        return TemplateDTO(spec.kind, spec.title, spec.default, spec.placeholders, "", True, 0)
    return TemplateDTO(spec.kind, spec.title, row.body, spec.placeholders,
                       row.gateway_template_id, row.enabled, row.version)


def list_templates(ctx: ServiceContext) -> list[TemplateDTO]:
    with ctx.read() as session:
        rows = _template_rows(session)
        return [_dto(spec, rows.get(kind)) for kind, spec in KINDS.items()]


def save_template(ctx: ServiceContext, kind: str, body: str, *, gateway_template_id: str = "",
                  enabled: bool = True, expected_version: int = 0) -> TemplateDTO:
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    spec = _kind(kind)
    text = check_body(kind, body)
    template_id = clean_text(gateway_template_id, field="gateway_template_id", max_len=40)
    with ctx.write(action="message.template") as session:
        row = session.scalar(select(MessageTemplate).where(MessageTemplate.kind == kind))
        if row is None:
            if expected_version != 0:
                raise ConflictError()
            row = MessageTemplate(kind=kind, body=text, gateway_template_id=template_id,
                                  enabled=enabled)
            session.add(row)
        else:
            check_version(session, row, expected_version)
            row.body, row.gateway_template_id, row.enabled = text, template_id, enabled
        session.flush()
        return _dto(spec, row)


def store_sign(session: Session) -> str:
    return store_profile_in(session).name


def preview(ctx: ServiceContext, kind: str, body: str) -> Preview:
    """The text a customer would read with sample values, and its SMS length."""
    text = check_body(kind, body)
    with ctx.read() as session:
        profile = store_profile_in(session)
    values = {**SAMPLE, "store_phone": profile.phone or SAMPLE["store_phone"]}
    message = render(text, values, profile.name)
    return Preview(message, sms_length(message))


# ---- consent -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConsentDTO:
    customer_id: int
    consented: bool | None  # None: never asked
    source: str
    recorded_at: datetime | None
    version: int


def _customer_seen(session: Session, customer_id: int) -> None:
    """Consent rows have no branch of their own: the customer's branch holds them."""
    if session.get(Customer, customer_id) is None:
        raise NotFound(N_("No such customer."), field="customer")


def get_consent(ctx: ServiceContext, customer_id: int) -> ConsentDTO:
    with ctx.read() as session:
        _customer_seen(session, customer_id)
        row = session.get(MessageConsent, customer_id)
        if row is None:
            return ConsentDTO(customer_id, None, "", None, 0)
        return ConsentDTO(customer_id, row.consented, row.source, row.recorded_at, row.version)


def _set_consent(session: Session, ctx: ServiceContext, customer_id: int, consented: bool,
                 source: str, note: str) -> None:
    row = session.get(MessageConsent, customer_id)
    if row is None:
        session.add(MessageConsent(customer_id=customer_id, consented=consented,
                                   recorded_at=ctx.now(), source=source,
                                   recorded_by_id=ctx.actor.user_id, note=note))
    else:
        row.consented, row.recorded_at, row.source = consented, ctx.now(), source
        row.recorded_by_id, row.note = ctx.actor.user_id, note
    if not consented:  # an opt-out stops what is still waiting, too
        session.execute(update(OutboxMessage).where(
            OutboxMessage.customer_id == customer_id, OutboxMessage.status == Status.QUEUED)
            .values(status=Status.SKIPPED, last_error="opted out"))


def set_consent(ctx: ServiceContext, customer_id: int, consented: bool, *,
                note: str = "") -> ConsentDTO:
    """Recorded at the counter (the customer said yes or no)."""
    require(ctx.actor, Perm.CUSTOMER_EDIT)
    note = clean_text(note, field="note", max_len=200)
    with ctx.write(action="message.consent") as session:
        _customer_seen(session, customer_id)
        _set_consent(session, ctx, customer_id, consented, "counter", note)
    return get_consent(ctx, customer_id)


def opt_out_by_reply(ctx: ServiceContext, phone: str, reply: str) -> list[int]:
    """A reply SMS: 退订 / TD / T … opts out every customer with that phone; returns them."""
    word = re.sub(r"\s+", "", reply).upper().strip("。.!！")
    digits = phone_digits(phone)
    if word not in OPT_OUT_WORDS or not digits:
        return []
    with ctx.write(action="message.opt_out") as session:
        ids = sorted(set(session.scalars(
            select(CustomerPhone.customer_id).where(CustomerPhone.digits == digits))))
        for customer_id in ids:
            _set_consent(session, ctx, customer_id, False, "reply", reply[:200])
    return ids


# ---- the outbox ----------------------------------------------------------------------------

def _mobile(session: Session, customer_id: int) -> str:
    for digits in session.scalars(select(CustomerPhone.digits).where(
            CustomerPhone.customer_id == customer_id).order_by(CustomerPhone.id)):
        if len(digits) == 11 and digits.startswith("1"):
            return digits
    return ""


def queue_message(session: Session, ctx: ServiceContext, kind: str, *, event_key: str,
                  customer_id: int, values: Mapping[str, str],
                  call_id: int | None = None) -> OutboxMessage | None:
    """Queue one message for one event, inside the caller's unit of work; None when this
    event already has its message. Skipped (kept, with the reason) without a mobile, when
    the customer opted out, or without the yes a kind needs."""
    spec = _kind(kind)
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.event_key == event_key)):
        return None
    template = session.scalar(select(MessageTemplate).where(MessageTemplate.kind == kind))
    body = template.body if template is not None else spec.default
    profile = store_profile_in(session)
    text = render(body, {"store_phone": profile.phone, **values}, profile.name)
    consent = session.get(MessageConsent, customer_id)
    phone = _mobile(session, customer_id)
    reason = ""
    if template is not None and not template.enabled:
        reason = "template switched off"
    elif not phone:
        reason = "no mobile number"
    elif consent is not None and not consent.consented:
        reason = "opted out"
    elif spec.needs_consent and consent is None:
        reason = "no consent recorded"
    row = OutboxMessage(event_key=event_key[:120], kind=kind, customer_id=customer_id,
                        call_id=call_id, phone=phone, body=text,
                        status=Status.SKIPPED if reason else Status.QUEUED,
                        next_try_at=ctx.now(), last_error=reason)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:  # another counter queued the same event a moment ago
        return None
    return row


@dataclass(frozen=True)
class OutboxRow:
    id: int
    kind: str
    customer_id: int
    call_id: int | None
    phone: str
    body: str
    status: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    last_error: str


def list_outbox(ctx: ServiceContext, *, customer_id: int | None = None,
                call_id: int | None = None, limit: int = 200) -> list[OutboxRow]:
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    if customer_id is not None:
        query = query.where(OutboxMessage.customer_id == customer_id)
    if call_id is not None:
        query = query.where(OutboxMessage.call_id == call_id)
    with ctx.read() as session:
        return [OutboxRow(m.id, m.kind, m.customer_id, m.call_id, m.phone, m.body, m.status,
                          m.attempts, m.created_at, m.sent_at, m.last_error)
                for m in session.scalars(query)]


def quiet_hours(ctx: ServiceContext) -> tuple[time, time]:
    with ctx.read() as session:
        value, _ = load_setting(session, QUIET_KEY)
    start, end = value or DEFAULT_QUIET
    return time.fromisoformat(start), time.fromisoformat(end)


def set_quiet_hours(ctx: ServiceContext, start: time, end: time) -> None:
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write(action="message.quiet_hours") as session:
        _, version = load_setting(session, QUIET_KEY)
        save_setting(session, QUIET_KEY, [start.strftime("%H:%M"), end.strftime("%H:%M")],
                     version)


def in_quiet_hours(moment: time, start: time, end: time) -> bool:
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end  # across midnight: 21:00 → 08:00


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    quiet: bool = False


def _claim(ctx: ServiceContext, message_id: int) -> tuple[str, Outgoing] | None:
    """queued → sending with a fresh attempt id, committed before anything is sent."""
    attempt = uuid.uuid4().hex
    with ctx.write() as session:
        done = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.status == Status.QUEUED)
            .values(status=Status.SENDING, attempt_id=attempt,
                    attempts=OutboxMessage.attempts + 1))
        if done.rowcount != 1:  # type: ignore[attr-defined]
            return None  # another counter took it
        row = session.get(OutboxMessage, message_id)
        assert row is not None
        template = session.scalar(select(MessageTemplate.gateway_template_id).where(
            MessageTemplate.kind == row.kind))
        return attempt, Outgoing(row.phone, row.body, attempt, template or "")


def _finish(ctx: ServiceContext, message_id: int, attempt: str, *, ok: bool, ref: str = "",
            error: str = "", permanent: bool = False) -> str:
    with ctx.write() as session:
        row = session.get(OutboxMessage, message_id)
        if row is None or row.attempt_id != attempt or row.status != Status.SENDING:
            return ""
        now = ctx.now()
        if ok:
            row.status, row.sent_at, row.provider_ref, row.last_error = (
                Status.SENT, now, ref[:80], "")
        elif permanent or row.attempts >= MAX_ATTEMPTS:
            row.status, row.last_error = Status.FAILED, error[:300]
        else:
            row.status, row.last_error = Status.QUEUED, error[:300]
            row.next_try_at = now + BACKOFF[min(row.attempts, len(BACKOFF)) - 1]
        return row.status


def deliver_due(ctx: ServiceContext, sender: Sender, *, limit: int = 50) -> DeliveryReport:
    """Send what is due (outside quiet hours), one claim and one outcome per message."""
    report = DeliveryReport()
    start, end = quiet_hours(ctx)
    if in_quiet_hours(ctx.local(ctx.now()).time(), start, end):
        report.quiet = True
        return report
    with ctx.read() as session:
        due = list(session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == Status.QUEUED,
                   OutboxMessage.next_try_at <= ctx.now())
            .order_by(OutboxMessage.next_try_at, OutboxMessage.id).limit(limit)))
    for message_id in due:
        claimed = _claim(ctx, message_id)
        if claimed is None:
            continue
        attempt, outgoing = claimed
        result = sender.send(outgoing)
        status = _finish(ctx, message_id, attempt, ok=result.ok, ref=result.ref,
                         error=result.error, permanent=result.permanent)
        if status == Status.SENT:
            report.sent += 1
        elif status == Status.QUEUED:
            report.retried += 1
        elif status == Status.FAILED:
            report.failed += 1
    return report


def reconcile(ctx: ServiceContext, sender: Sender) -> dict[str, int]:
    """At start: each message left ``sending`` by a crash is settled by asking the sender."""
    with ctx.read() as session:
        stuck = [(m.id, m.attempt_id) for m in session.scalars(
            select(OutboxMessage).where(OutboxMessage.status == Status.SENDING))]
    counts = {"sent": 0, "requeued": 0, "interrupted": 0}
    for message_id, attempt in stuck:
        answer = sender.was_sent(attempt)
        with ctx.write() as session:
            row = session.get(OutboxMessage, message_id)
            if row is None or row.status != Status.SENDING or row.attempt_id != attempt:
                continue
            if answer is True:
                row.status, row.sent_at = Status.SENT, ctx.now()
                counts["sent"] += 1
            elif answer is False:
                row.status, row.next_try_at = Status.QUEUED, ctx.now()
                counts["requeued"] += 1
            else:
                row.status = Status.INTERRUPTED
                row.last_error = "interrupted while sending: check with the customer"
                counts["interrupted"] += 1
    return counts


def send_again(ctx: ServiceContext, message_id: int) -> None:
    """The clerk checked an interrupted or failed message: queue it once more."""
    require(ctx.actor, Perm.CALL_REGISTER)
    with ctx.write(action="message.send_again") as session:
        row = session.get(OutboxMessage, message_id)
        if row is None:
            raise NotFound(N_("No such message."))
        if row.status not in (Status.INTERRUPTED, Status.FAILED):
            raise ValidationError(N_("Only a failed or interrupted message can be sent again."))
        row.status, row.next_try_at, row.last_error = Status.QUEUED, ctx.now(), ""


# ---- the events that queue messages ------------------------------------------------------

ENABLED_KEY = "messages.enabled"


def messages_enabled(session: Session) -> bool:
    """Off until the store turns messages on (a store without a sender queues nothing)."""
    value, _ = load_setting(session, ENABLED_KEY)
    return bool(value)


def messages_are_on(ctx: ServiceContext) -> bool:
    """Whether the store has turned messages on (what the templates dialog shows)."""
    with ctx.read() as session:
        return messages_enabled(session)


def set_messages_enabled(ctx: ServiceContext, enabled: bool) -> None:
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write(action="message.enabled") as session:
        _, version = load_setting(session, ENABLED_KEY)
        save_setting(session, ENABLED_KEY, bool(enabled), version)


def _when(ctx: ServiceContext, moment: datetime) -> str:
    local = ctx.local(moment)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def _call_values(session: Session, call: Call) -> dict[str, str]:
    return {"customer": _name(session, call.customer_id), "call_number": call.number,
            "item": _item_text(session, call.item_id)}


def notify_call_registered(session: Session, ctx: ServiceContext, call: Call) -> None:
    """Call registered: its number and when to expect the technician (the dispatch deadline)."""
    if not messages_enabled(session):
        return
    cal = cal_svc.load_calendar(session, ctx.tz, call.branch_id)
    deadline = cal_svc.dispatch_deadline(cal, call.received_at,
                                         cal_svc.zone_hours(session).get(call.zone_id or 0))
    queue_message(session, ctx, "call_registered", event_key=f"call:{call.id}:registered",
                  customer_id=call.customer_id, call_id=call.id,
                  values={**_call_values(session, call), "expected_by": _when(ctx, deadline)})


def notify_technician_on_way(session: Session, ctx: ServiceContext, call: Call, *,
                             job_id: int, technician: str, arrive_by: datetime) -> None:
    if not messages_enabled(session):
        return
    queue_message(session, ctx, "technician_on_way", event_key=f"job:{job_id}:on_way",
                  customer_id=call.customer_id, call_id=call.id,
                  values={**_call_values(session, call), "technician": technician[:1] or
                          technician, "arrive_by": _when(ctx, arrive_by)})


def _item_text(session: Session, item_id: int | None) -> str:
    if item_id is None:
        return ""
    row = session.execute(select(ProductModel.code, ProductModel.name).join(
        Item, Item.product_model_id == ProductModel.id).where(Item.id == item_id)).first()
    return f"{row.code} {row.name}" if row else ""


def _name(session: Session, customer_id: int) -> str:
    customer = session.get(Customer, customer_id)
    return customer.name if customer else ""


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def notify_item_ready(session: Session, ctx: ServiceContext, *, receipt_id: int,
                      receipt_number: str, customer_id: int, item_id: int,
                      call_id: int | None) -> None:
    """A carried-in item passed inspection: it can be collected with its receipt."""
    if not messages_enabled(session):
        return
    queue_message(session, ctx, "item_ready", event_key=f"receipt:{receipt_id}:ready",
                  customer_id=customer_id, call_id=call_id,
                  values={"customer": _name(session, customer_id),
                          "item": _item_text(session, item_id),
                          "receipt_number": receipt_number})


def notify_waiting_for_parts(session: Session, ctx: ServiceContext, *, change_id: int,
                             customer_id: int, item_id: int, call_id: int | None,
                             promised: date) -> None:
    """The repair waits for parts: the new promised date (one message per change)."""
    if not messages_enabled(session):
        return
    queue_message(session, ctx, "waiting_for_parts", event_key=f"promise:{change_id}:parts",
                  customer_id=customer_id, call_id=call_id,
                  values={"customer": _name(session, customer_id),
                          "item": _item_text(session, item_id),
                          "promised_date": f"{promised.month}月{promised.day}日"})


def notify_contract_ending(session: Session, ctx: ServiceContext, *, contract_id: int,
                           number: str, customer_id: int, end_date: date) -> None:
    """The renewal notice of a contract went out: once per contract term (needs a yes)."""
    if not messages_enabled(session):
        return
    queue_message(session, ctx, "contract_ending",
                  event_key=f"contract:{contract_id}:ending:{end_date.isoformat()}",
                  customer_id=customer_id,
                  values={"customer": _name(session, customer_id), "contract_number": number,
                          "end_date": _day(end_date)})


def notify_complaint_outcome(session: Session, ctx: ServiceContext, *, complaint_id: int,
                             number: str, customer_id: int, outcome: str,
                             call_id: int | None) -> None:
    """A complaint was closed: the customer hears its outcome (shortened to fit a message)."""
    if not messages_enabled(session):
        return
    short = re.sub(r"\s+", " ", outcome).strip()
    short = short if len(short) <= 60 else short[:59] + "…"
    queue_message(session, ctx, "complaint_outcome", event_key=f"complaint:{complaint_id}:closed",
                  customer_id=customer_id, call_id=call_id,
                  values={"customer": _name(session, customer_id),
                          "complaint_number": number, "outcome": short})


def notify_survey_invitation(session: Session, ctx: ServiceContext, call: Call) -> None:
    """The day's survey card was made for a served call: invite a reply (needs a yes)."""
    if not messages_enabled(session):
        return
    queue_message(session, ctx, "survey_invitation", event_key=f"call:{call.id}:survey",
                  customer_id=call.customer_id, call_id=call.id,
                  values=_call_values(session, call))
