"""Every form at the longest text each field accepts: one page or label, nothing lost silently."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.printing import registry
from app.printing.documents.item_receipt import render_item_receipt
from app.printing.documents.repair_tag import render_repair_tag
from app.services import carry_in_service
from app.services.carry_in_dto import CarryInDTO
from app.services.context import ServiceContext
from tests.helpers.longest_text import (
    FAULT,
    LINE_TEXT,
    NAME,
    Longest,
    longest_payment,
    longest_voucher,
    make_longest,
)
from tests.helpers.pdf import PdfCheck


@pytest.fixture
def longest(login: Callable[[str], ServiceContext]) -> Longest:
    return make_longest(login)


def _pack(ctx: ServiceContext, job: CarryInDTO, document: str):
    return carry_in_service.print_pack(ctx, job.receipt_id, document=document)


@pytest.mark.parametrize("which", ["job", "bare"])
def test_the_tag_fits_one_label_at_every_longest_field(
        longest: Longest, clerk: ServiceContext, pdfcheck: PdfCheck, which: str) -> None:
    job = getattr(longest, which)
    pdf = render_repair_tag(_pack(clerk, job, "repair-tag"))
    assert pdfcheck.pages(pdf) == 1
    text = pdfcheck.flat_text(pdf)
    assert job.card_number in text and job.receipt_number in text
    assert "欧阳" in text and "洗衣机脱水时剧烈抖动" in text
    assert "…" in text  # the fault is shortened visibly, not cut silently
    assert pdfcheck.codes(pdf) == [job.card_number]


@pytest.mark.parametrize("kind", ["item-receipt", "item-receipt-a5", "repair-tag"])
def test_each_carry_in_kind_prints_the_longest_on_one_page_through_the_registry(
        longest: Longest, clerk: ServiceContext, pdfcheck: PdfCheck, kind: str) -> None:
    rendered = registry.render(clerk, kind, longest.job.receipt_number, reprint=True)
    assert pdfcheck.pages(rendered.pdf) == 1
    text = pdfcheck.flat_text(rendered.pdf)
    assert "补打" in text and longest.job.receipt_number in text


def test_the_a5_receipt_shortens_only_what_does_not_fit_and_the_roll_prints_it_whole(
        longest: Longest, clerk: ServiceContext, pdfcheck: PdfCheck) -> None:
    pack = _pack(clerk, longest.job, "item-receipt")
    a5 = pdfcheck.flat_text(render_item_receipt(pack, "a5"))
    roll = pdfcheck.flat_text(render_item_receipt(pack, "thermal"))
    assert "…" in a5 and "13900002222" in a5
    assert FAULT.replace(" ", "") in roll



@pytest.mark.parametrize("kind", ["voucher", "voucher@A4", "payment-receipt-a5"])
def test_the_voucher_and_the_a5_receipt_print_the_longest_on_one_page(
        longest: Longest, login: Callable[[str], ServiceContext], pdfcheck: PdfCheck,
        kind: str) -> None:
    sup = login("super")
    kind, _, paper = kind.partition("@")
    number = longest_voucher(login) if kind == "voucher" else longest_payment(login, longest)
    rendered = registry.render(sup if kind == "voucher" else login("acct"), kind,
                               f"{number}@{paper}" if paper else number, reprint=True)
    assert pdfcheck.pages(rendered.pdf) == 1
    text = pdfcheck.flat_text(rendered.pdf)
    assert "补打" in text and number in text and NAME[:6] in text
    assert pdfcheck.codes(rendered.pdf)[:1] == [number]


def test_the_roll_payment_receipt_prints_every_line_whole_at_the_longest(
        longest: Longest, login: Callable[[str], ServiceContext], pdfcheck: PdfCheck) -> None:
    number = longest_payment(login, longest)
    pdf = registry.render(login("acct"), "payment-receipt", number, reprint=False).pdf
    assert pdfcheck.pages(pdf) == 1
    text = pdfcheck.flat_text(pdf)
    assert LINE_TEXT in text and "壹元整" in text
    assert number in pdfcheck.codes(pdf, dpi=203)
