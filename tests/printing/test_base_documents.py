"""The printing base: fonts, header, marks, page X of Y, codes, thermal length, money."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from app.printing.base import BaseDocument, StoreHeader
from app.printing.documents.printer_test_page import (
    TEST_PAGE_NUMBER,
    PrinterTestTag,
    printer_test_page,
)
from app.printing.flowables import Field, QRCode, code128, field_grid
from app.printing.formatting import fmt_date, fmt_datetime, money
from app.printing.styles import A5, label_size
from app.services.dto import VoidInfo
from tests.helpers.pdf import PdfCheck
from tests.helpers.print_samples import HEADER, LongList, Receipt


def test_a4_test_page_prints_chinese_labels_and_number_in_the_bundled_font(pdfcheck: PdfCheck):
    # given the printer test page of a store
    pdf = printer_test_page(HEADER, "a4")
    # then its text carries the store, the Chinese labels and the number
    text = pdfcheck.flat_text(pdf)
    for expected in ("华联电器售后服务中心", "打印测试页", "客户签字", "日期", "编号：TEST-0001",
                     "张伟喆堃赟昇玥珺璟", "￥155.50", "第1页/共1页"):
        assert expected in text
    # and only the bundled font, embedded and subset, in two weights (bold is really bold)
    fonts = pdfcheck.fonts(pdf)
    assert pdfcheck.fonts_embedded(pdf)
    assert {f.name.split("+")[1] for f in fonts} == {"SCSans-Regular", "SCSans-Bold"}
    assert "¥" not in text


def test_qr_code_and_code128_decode_to_the_exact_payload(pdfcheck: PdfCheck):
    # given the thermal test receipt rendered at the thermal printer's 203 dpi
    pdf = printer_test_page(HEADER, "thermal")
    codes = pdfcheck.codes(pdf, dpi=203)
    # then both the QR code and the Code128 read back as the number
    assert codes == [TEST_PAGE_NUMBER, TEST_PAGE_NUMBER]  # header QR and body Code128


def test_many_rows_flow_onto_numbered_pages_with_a_running_header(pdfcheck: PdfCheck):
    # given a list too long for one page
    pdf = LongList(150).generate()
    # then every page says which page of how many it is
    pages = pdfcheck.pages(pdf)
    assert pages >= 3
    text = pdfcheck.flat_text(pdf)
    for page in range(1, pages + 1):
        assert f"第{page}页/共{pages}页" in text
    assert "客户150" in text and "￥150.50" in text
    # and pages after the first repeat store, title and number at the top
    assert text.count("华联电器售后服务中心·打印测试页·R2611-0001") == pages - 1


def test_reprint_and_void_marks_are_printed_with_the_time_in_the_store_zone(
        pdfcheck: PdfCheck):
    original = pdfcheck.flat_text(LongList(3).generate())
    reprint = pdfcheck.flat_text(LongList(3, reprint=True).generate())
    voided = VoidInfo(datetime(2026, 11, 20, 1, 30, tzinfo=UTC), "客户取消")
    void = pdfcheck.flat_text(LongList(3, void=voided).generate())
    assert "补打" not in original and "作废" not in original
    assert "补打REPRINT2026-11-2214:05" in reprint
    # the VOID banner: when and why it was voided, not when this copy was printed
    assert "作废VOID2026-11-2009:30原因：客户取消" in void


def test_thermal_page_is_80mm_wide_and_as_long_as_its_content(pdfcheck: PdfCheck):
    # given a short and a long receipt
    short, long = Receipt(3).generate(), Receipt(120).generate()
    # then both are one 80 mm page, and the long one is much longer
    assert pdfcheck.pages(short) == pdfcheck.pages(long) == 1
    short_w, short_h = pdfcheck.page_size_mm(short)
    long_w, long_h = pdfcheck.page_size_mm(long)
    assert short_w == long_w == 80.0
    assert long_h > short_h + 400
    assert short_h < 120
    # and nothing is lost at the end of the long one
    assert "第119行" in pdfcheck.flat_text(long)


def test_label_and_a5_page_sizes(pdfcheck: PdfCheck):
    assert pdfcheck.page_size_mm(printer_test_page(HEADER, "label")) == (100.0, 70.0)
    assert pdfcheck.page_size_mm(printer_test_page(HEADER, "a5")) == (148.0, 210.0)
    tag = PrinterTestTag(HEADER, number=TEST_PAGE_NUMBER, pagesize=label_size(120, 80))
    assert pdfcheck.page_size_mm(tag.generate()) == (120.0, 80.0)
    assert A5[0] < A5[1]


def test_customer_text_with_markup_characters_prints_as_typed(pdfcheck: PdfCheck):
    class Form(BaseDocument):
        def story(self) -> list[Flowable]:
            return [field_grid([Field("姓名", "<张&伟>"), Field("地址", "长" * 200, wide=True)],
                               width=self.width, st=self.st)]

    text = pdfcheck.flat_text(Form(HEADER).generate())
    assert "<张&伟>" in text
    assert text.count("长") == 200  # wrapped, not cut


def test_codes_refuse_non_ascii_payloads():
    with pytest.raises(ValueError):
        QRCode("张伟")
    with pytest.raises(ValueError):
        code128("C2611-零")


def test_code128_bars_are_whole_printer_dots():
    bar = code128("C2611-0042").code.barWidth
    assert bar == pytest.approx(2 * 72 / 203)  # 2 dots at 203 dpi, in points
    assert bar / mm == pytest.approx(0.25, abs=0.001)


def test_money_is_decimal_or_cents_with_the_fullwidth_yuan_sign():
    assert money(Decimal("1234.5")) == "￥1,234.50"
    assert money(123450) == "￥1,234.50"
    assert money(Decimal("-0.05")) == "-￥0.05"
    assert money(Decimal("2.675")) == "￥2.68"
    assert money(0, symbol=False) == "0.00"
    with pytest.raises(TypeError):
        money(12.5)  # type: ignore[arg-type]


def test_times_print_in_the_store_zone():
    from zoneinfo import ZoneInfo

    shanghai = ZoneInfo("Asia/Shanghai")
    assert fmt_datetime(datetime(2026, 11, 22, 17, 30, tzinfo=UTC), shanghai) == \
        "2026-11-23 01:30"
    assert fmt_date(datetime(2026, 11, 22, 17, 30, tzinfo=UTC), shanghai) == "2026-11-23"
    assert fmt_datetime(None, shanghai) == ""


def test_bold_markup_uses_the_bold_file(pdfcheck: PdfCheck):
    class Form(BaseDocument):
        def story(self) -> list[Flowable]:
            return [Paragraph("常规 <b>粗体</b>", self.st.body)]

    class Plain(BaseDocument):
        numbered_pages = False

        def story(self) -> list[Flowable]:
            return [Paragraph("常规", self.st.body)]

    names = {f.name.split("+")[1] for f in pdfcheck.fonts(Form(HEADER).generate())}
    assert names == {"SCSans-Regular", "SCSans-Bold"}  # header name is bold too
    plain = StoreHeader("")  # no bold header name, no title: regular only
    assert {f.name.split("+")[1] for f in pdfcheck.fonts(Plain(plain).generate())} == \
        {"SCSans-Regular"}
