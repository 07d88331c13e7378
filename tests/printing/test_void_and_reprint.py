"""补打 and 作废 on paper: the second copy of a daily report, a cancelled call's voucher, a voided
payment; the VOID banner says when and why the document was voided, not when it was printed.
Payment receipts carry a QR code of their number."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from app.models.audit import AuditEntry
from app.models.calls import Call
from app.printing import registry
from app.services import billing_service as billing
from app.services import calls_service
from app.services import payments_service as payments
from app.services.context import ServiceContext
from app.services.money_dto import LineInput, PaymentDTO
from tests.helpers.carry_in import walk_in
from tests.helpers.pdf import PdfCheck
from tests.helpers.printing import run_print

TZ = ZoneInfo("Asia/Shanghai")
CANCELLED_AT = datetime(2026, 11, 18, 10, 20, tzinfo=TZ)  # not "now": the print is later


def _payment(clerk: ServiceContext) -> PaymentDTO:
    carry = walk_in(clerk)
    bill = billing.make_bill(clerk, carry.call_id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal("80.00"))])
    return payments.collect(clerk, bill.id, amount=Decimal("80.00"), method="cash",
                            place="counter")


def test_the_second_copy_of_each_daily_report_is_marked_reprint(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck) -> None:
    day = clerk.today().isoformat()
    for number in (day, f"{day}/1"):
        outs = [tmp_path / f"{number.replace('/', '-')}-{n}.pdf" for n in range(2)]
        for out in outs:
            assert run_print(tmp_path, "daily-report", number, "--out", str(out)) == 0
        texts = [pdfcheck.flat_text(out.read_bytes()) for out in outs]
        assert ["补打" in text for text in texts] == [False, True], number


def test_a_cancelled_calls_voucher_prints_void_with_when_and_why(
        db: object, login, tmp_path: Path, pdfcheck: PdfCheck) -> None:
    sup = login("super")
    job = _dispatch(login)
    valid = pdfcheck.flat_text(registry.render(sup, "voucher", job, reprint=False).pdf)
    assert "作废" not in valid
    with sup.read() as session:
        call = session.scalars(select(Call).order_by(Call.id.desc())).first()
        assert call is not None
        call_id, version = call.id, call.version
    then = replace(sup, clock=lambda: CANCELLED_AT)
    calls_service.cancel_call(then, call_id, reason="客户已自行修好", expected_version=version)
    for number in (job, f"{job.lower()}@A4"):
        out = tmp_path / "v.pdf"
        assert run_print(tmp_path, "voucher", number, "--out", str(out)) == 0
        text = pdfcheck.flat_text(out.read_bytes())
        assert "作废VOID2026-11-1810:20原因：客户已自行修好" in text, text[:400]


def _dispatch(login) -> str:
    from app.models.customers import Customer, Item
    from app.models.staff import User
    from app.services import dispatch_service
    from app.services.calls_service import CallInput, register_call

    clerk, sup = login("clerk"), login("super")
    with clerk.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.name == "张伟"))
        item = session.scalar(select(Item.id).where(Item.customer_id == zhang))
        tech_id = session.scalar(select(User.id).where(User.username == "tech"))
    call = register_call(clerk, CallInput(fault="空调不制冷", customer_id=zhang, item_id=item))
    return dispatch_service.dispatch_call(sup, call.id, tech_id,
                                          expected_version=call.version).number


def test_a_voided_payment_receipt_says_when_and_why_on_both_papers(
        db, clerk: ServiceContext, login, pdfcheck: PdfCheck) -> None:
    payment = _payment(clerk)
    acct = login("acct")
    payments.void_payment(acct, payment.id, reason="金额收错", expected_version=payment.version)
    voided_at = datetime(2026, 11, 18, 16, 45, tzinfo=TZ)
    with db.write(None) as session:  # voided on the 18th; the receipt is printed today
        session.execute(update(AuditEntry).where(AuditEntry.table_name == "payments",
                                                 AuditEntry.action == "void")
                        .values(at=voided_at))
    for kind in ("payment-receipt", "payment-receipt-a5"):
        text = pdfcheck.flat_text(registry.render(acct, kind, payment.number,
                                                  reprint=False).pdf)
        assert "作废VOID2026-11-1816:45原因：金额收错" in text, kind


def test_payment_receipts_carry_a_qr_code_of_their_number(
        db: object, clerk: ServiceContext, pdfcheck: PdfCheck) -> None:
    payment = _payment(clerk)
    for kind in ("payment-receipt", "payment-receipt-a5"):
        pdf = registry.render(clerk, kind, payment.number, reprint=False).pdf
        assert payment.number in pdfcheck.codes(pdf), kind
