"""The payment receipt (both papers) and the day-end cash report, checked from the PDF."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from app.models.billing import Payment
from app.printing import registry
from app.services import billing_service as billing
from app.services import payments_service as payments
from app.services.money_dto import LineInput
from tests.helpers.carry_in import walk_in


def _paid_carry_in(clerk):
    carry = walk_in(clerk)
    bill = billing.make_bill(clerk, carry.call_id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal("1000.10"))])
    first = payments.collect(clerk, bill.id, amount=Decimal("1000.00"), method="cash",
                             place="counter")
    second = payments.collect(clerk, bill.id, amount=Decimal("0.10"), method="wechat",
                              place="counter")
    return first, second


def test_payment_receipt_prints_the_amount_in_figures_and_in_words(clerk, login, pdfcheck):
    first, second = _paid_carry_in(clerk)
    for kind in ("payment-receipt", "payment-receipt-a5"):
        pdf = registry.render(login("acct"), kind, first.number, reprint=False).pdf
        text = pdfcheck.flat_text(pdf)
        assert "收据" in text and first.number in text and "刘洋" in text
        assert "壹仟元整" in text and "￥1,000.00" in text and "现金" in text
        assert pdfcheck.fonts_embedded(pdf)
    small = pdfcheck.flat_text(registry.render(clerk, "payment-receipt", second.number,
                                               reprint=True).pdf)
    assert "壹角整" in small and "补打" in small


def test_day_end_report_totals_equal_the_payments_in_the_database(clerk, login, db, pdfcheck):
    _paid_carry_in(clerk)
    pdf = registry.render(login("acct"), "day-end", clerk.today().isoformat(), reprint=False).pdf
    with db.read() as s:
        total = s.scalar(select(func.sum(Payment.amount_cents)))
    text = pdfcheck.flat_text(pdf)
    assert total == 100010 and "全店合计" in text and text.count("￥1,000.10") >= 2
    assert "日结报表" in text and "王小丽" in text
