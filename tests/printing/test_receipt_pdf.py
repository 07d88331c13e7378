"""The item receipt (80 mm and A5) and a register month page, rendered and read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.printing.documents.item_receipt import render_item_receipt
from app.printing.documents.register_page import render_register_month
from app.printouts import trail
from app.services import carry_in_service, register_service
from app.services.context import ServiceContext
from tests.helpers import pdf as pdfread
from tests.helpers.carry_in import back, walk_in


@pytest.mark.parametrize("paper", ["thermal", "a5"])
def test_receipt_prints_labels_number_terms_and_qr(clerk: ServiceContext, tmp_path: Path,
                                                   paper: str) -> None:
    # given a walk-in item taken in
    job = walk_in(clerk)
    # when the receipt is printed
    pdf = render_item_receipt(carry_in_service.print_pack(
        clerk, job.receipt_id, document="item-receipt"), paper)
    # then it reads in Chinese, with the number as text and as a QR code
    text = pdfread.text(pdf)
    for expected in ("客户商品领取收据", job.receipt_number, "刘洋", "XTE-9001", "电源线",
                     "外壳左侧划痕", "承诺日期", job.promised_date.isoformat(), "客户签字",
                     "售后服务中心", "须知", "妥善保管本收据"):
        assert expected in text.replace(" ", ""), expected
    assert "补打" not in text
    pngs = pdfread.render(pdf, tmp_path / f"receipt-{paper}", dpi=200)
    assert len(pngs) == 1
    assert pdfread.decode_png(pngs[0], qr_only=True) == [job.receipt_number]
    fonts = " ".join(row.name for row in pdfread.fonts(pdf))
    assert "SCSans" in fonts and "Helvetica" not in fonts


def test_reprint_is_marked_and_custom_terms_print(clerk: ServiceContext, admin: ServiceContext,
                                                  tmp_path: Path) -> None:
    from app.services import reference_service

    terms = reference_service.get_receipt_terms(admin)
    reference_service.update_receipt_terms(admin, "凭本收据取件，遗失请带身份证。",
                                           expected_version=terms.version)
    job = walk_in(clerk)
    trail.record_print(clerk, "item-receipt", job.receipt_number, reprint=False)
    again = carry_in_service.print_pack(clerk, job.receipt_id, document="item-receipt")
    text = pdfread.text(render_item_receipt(again, "a5"))
    assert "补打" in text and "凭本收据取件" in text.replace(" ", "")


def test_register_month_prints_as_a4_pages(clerk: ServiceContext, tmp_path: Path) -> None:
    jobs = [walk_in(clerk, new_customer=False) for _ in range(1)] + [walk_in(clerk)]
    book = register_service.month_book(clerk, clerk.today())
    pdf = render_register_month(book)
    text = pdfread.text(pdf).replace(" ", "")
    for expected in ("客户商品进出登记簿", "收据号", "取回人", jobs[0].receipt_number,
                     jobs[1].receipt_number, "张伟", "刘洋", clerk.today().strftime("%Y-%m")):
        assert expected in text, expected
    pngs = pdfread.render(pdf, tmp_path / "register", dpi=80)
    assert len(pngs) == 1


def test_print_path_kinds_render_by_number(clerk: ServiceContext, tmp_path: Path) -> None:
    from app.errors import NotFound
    from app.printing import registry

    job = walk_in(clerk)
    receipt = registry.render(clerk, "item-receipt", job.receipt_number.lower(), reprint=False)
    tag = registry.render(clerk, "repair-tag", job.receipt_number, reprint=True)
    month = registry.render(clerk, "register-month", clerk.today().strftime("%Y-%m"),
                            reprint=False)
    assert receipt.filename == f"item-receipt-{job.receipt_number}.pdf"
    assert "补打" in pdfread.text(tag.pdf)
    assert job.receipt_number in pdfread.text(month.pdf)
    with pytest.raises(NotFound):
        registry.render(clerk, "item-receipt", "R0000-0000", reprint=False)


def test_register_month_runs_over_pages_with_header_each_page(tmp_path: Path) -> None:
    from datetime import UTC, date, datetime

    from app.services.dto import StoreHeader
    from app.services.register_dto import RegisterMonth, RegisterRow

    at = datetime(2026, 10, 3, 2, 0, tzinfo=UTC)
    rows = [RegisterRow(i, i, at, f"R2610-{i:04d}", "欧阳喆", "KFR-35GW 格力空调 1.5匹 #GR1",
                        "遥控器、说明书", "李师傅", date(2026, 10, 9),
                        at if i % 2 else None, "欧阳喆" if i % 2 else "",
                        "王小丽" if i % 2 else "", "", 1) for i in range(1, 81)]
    book = RegisterMonth(date(2026, 10, 1), StoreHeader("售后服务中心"),
                         rows, at)
    pdf = render_register_month(book)
    pngs = pdfread.render(pdf, tmp_path / "long", dpi=50)
    text = pdfread.text(pdf)
    assert len(pngs) >= 3 and "R2610-0080" in text
    assert text.count("收据号") == len(pngs)  # the column headers repeat on every page
    assert f"第 {len(pngs)} 页" in text or f"{len(pngs)}" in text


def test_a_copy_of_a_voided_receipt_is_marked_void(login, tmp_path: Path) -> None:
    from app.printing import registry
    from app.services import repair_service
    from app.services.repair_service import WorkInput

    clerk = login("clerk")
    job = walk_in(clerk)
    job = repair_service.add_work(login("tech"), job.card_id, WorkInput(minutes=5),
                                  expected_version=job.card_version)
    job = repair_service.inspect(login("super"), job.card_id, passed=True,
                                 expected_version=job.card_version)
    carry_in_service.return_item(clerk, job.receipt_id, back("刘洋", True),
                                 expected_version=job.receipt_version)
    copy = registry.render(clerk, "item-receipt", job.receipt_number, reprint=False)
    assert "作废" in pdfread.text(copy.pdf)
