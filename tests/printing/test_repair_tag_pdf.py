"""The repair card tag: label size, Chinese labels, card number and its QR code."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from sqlalchemy import select

from app.models.store import Setting
from app.printing.documents.repair_tag import render_repair_tag
from app.services import carry_in_service
from app.services.context import ServiceContext
from tests.helpers import pdf as pdfread
from tests.helpers.carry_in import walk_in


def test_tag_prints_card_number_customer_fault_and_qr(clerk: ServiceContext,
                                                      tmp_path: Path) -> None:
    job = walk_in(clerk)
    pdf = render_repair_tag(carry_in_service.print_pack(clerk, job.receipt_id,
                                                        document="repair-tag"))
    text = pdfread.text(pdf).replace(" ", "")
    for expected in ("修护卡", job.card_number, job.receipt_number, "刘洋", "不脱水",
                     job.promised_date.isoformat()):
        assert expected in text, expected
    assert b"/MediaBox [ 0 0 283.4646 198.4252 ]" in pdf
    pngs = pdfread.render(pdf, tmp_path / "tag", dpi=200)
    assert pdfread.decode_png(pngs[0], qr_only=True) == [job.card_number]
    # the tag's QR opens the same job as the receipt number
    assert carry_in_service.find_by_number(clerk, job.card_number).receipt_id == job.receipt_id


def test_tag_size_follows_the_store_setting(clerk: ServiceContext, tmp_path: Path) -> None:
    with clerk.write() as session:
        if session.scalar(select(Setting).where(Setting.key == "print.repair_tag_mm")) is None:
            session.add(Setting(key="print.repair_tag_mm", value="[80, 60]"))
    job = walk_in(clerk)
    pack = carry_in_service.print_pack(clerk, job.receipt_id, document="repair-tag")
    pdf = render_repair_tag(pack)
    assert pack.tag_size_mm == (80.0, 60.0)
    width, height = 80 * mm, 60 * mm
    assert f"/MediaBox [ 0 0 {width:.4f} {height:.4f} ]".encode() in pdf
    assert "修护卡" in pdfread.text(pdf)
