"""Thermal forms read back as a 203-dpi head prints them: rendered at 203 dpi, thresholded to
1 bit (as thermal drivers do), read by OCR (tesseract, chi_sim) against the PDF's own text.

Every label and number must come back exactly; the terms' characters at least as well as
from a 600-dpi grey render of the same page, and ≥ 95 %; the QR code still decodes.

The 1-bit image is enlarged 3× (Lanczos) before OCR only because tesseract reads 8-pt
Chinese best at about 30 px per line: it adds no ink the head did not print. Without
tesseract and its chi_sim data, or poppler's pdftoppm (the rasteriser CUPS's own filters use),
the test is skipped (CI installs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.printing import registry
from app.printing.formatting import fmt_date
from app.printing.terms import terms_or_default
from app.printing.text import pt
from app.printouts.carry_in_common import receipt_terms
from app.services import billing_service as billing
from app.services import payments_service as payments
from app.services.context import ServiceContext
from app.services.money_dto import LineInput
from tests.helpers.carry_in import walk_in
from tests.helpers.outside import missing
from tests.helpers.pdf import PdfCheck, decode_png

HEAD_DPI, GREY_DPI, OCR_SCALE = 203, 600, 3


def _tesseract_reason() -> str:
    if missing("tesseract", "pdftoppm"):
        return missing("tesseract", "pdftoppm")
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True,
                           timeout=60).stdout.split()
    if "chi_sim" not in langs:
        return "tesseract has no chi_sim data: apt-get install tesseract-ocr-chi-sim"
    return ""


pytestmark = pytest.mark.skipif(bool(_tesseract_reason()), reason=_tesseract_reason() or "-")


@dataclass(frozen=True)
class Form:
    kind: str
    number: str
    labels: tuple[str, ...]  # English sources, printed through pt()
    numbers: tuple[str, ...]
    code: str  # the QR code's payload
    terms: str = ""  # the terms text printed on it ("" = none)


def _forms(clerk: ServiceContext) -> list[Form]:
    job = walk_in(clerk)
    bill = billing.make_bill(clerk, job.call_id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal("80.00"))])
    paid = payments.collect(clerk, bill.id, amount=Decimal("80.00"), method="cash",
                            place="counter")
    promised = fmt_date(job.promised_date)
    return [
        Form("item-receipt", job.receipt_number,
             ("Customer", "Phone", "Item", "Serial No.", "Accessories", "Condition", "Fault",
              "Taken in by", "Promised date", "Terms", "Customer signature"),
             (job.receipt_number, job.customer_phone, job.serial, promised),
             job.receipt_number, terms_or_default(receipt_terms(clerk))),
        Form("payment-receipt", paid.number,
             ("Customer", "Call No.", "Payment method", "Collected by", "Qty", "Amount"),
             (paid.number, job.call_number, "80.00"), paid.number),
        Form("repair-tag", job.receipt_number,
             ("Receipt No.", "Promised date", "Customer", "Item", "Serial No.", "Fault",
              "Repair time", "Parts replaced"),
             (job.card_number, job.receipt_number, job.serial, promised), job.card_number),
    ]


def _gray(pdf: Path, dpi: int, out: Path) -> Path:
    """The first page as an 8-bit grey PNG at ``dpi``, rasterised by poppler as CUPS's thermal
    filter chain does (pdftoraster); pdfium's anti-aliasing reads about one character worse."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-png", "-singlefile", str(pdf),
                    str(out)], check=True, timeout=120)
    return out.with_suffix(".png")


def one_bit(grey_png: Path) -> Path:
    """The page as the thermal driver sends it: each dot black or white (threshold 50 %)."""
    from PIL import Image

    target = grey_png.with_name(grey_png.stem + "-1bit.png")
    with Image.open(grey_png) as image:
        image.convert("L").point(lambda v: 255 if v > 127 else 0).convert("1").save(target)
    return target


def ocr(png: Path, scale: int = 1) -> str:
    from PIL import Image

    source = png
    if scale > 1:
        source = png.with_name(png.stem + f"-x{scale}.png")
        with Image.open(png) as image:
            image.convert("L").resize((image.width * scale, image.height * scale),
                                      Image.Resampling.LANCZOS).save(source)
    out = subprocess.run(["tesseract", str(source), "-", "-l", "chi_sim", "--psm", "6"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return re.sub(r"\s+", "", out)


def recall(expected: str, read: str) -> float:
    """Share of ``expected``'s characters OCR read, in order (white space ignored)."""
    want = re.sub(r"\s+", "", expected)
    matcher = SequenceMatcher(None, want, read, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(want))


def read_form(pdf: bytes, folder: Path, name: str) -> tuple[Path, str, str]:
    """(the 1-bit 203-dpi image, its OCR text, the OCR text of a 600-dpi grey render)."""
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    head = one_bit(_gray(source, HEAD_DPI, folder / f"{name}-203"))
    grey = _gray(source, GREY_DPI, folder / f"{name}-600")
    return head, ocr(head, OCR_SCALE), ocr(grey)


# Three days of the year, so the numbers (C2601-…, C2606-…, C2611-…), dates and times differ:
# the same PDF always reads the same, and no one month's digits carry the test.
DAYS = ("2026-01-05T09:30", "2026-06-18T14:05", "2026-11-28T17:45")


@pytest.mark.slow
@pytest.mark.parametrize("day", DAYS)
def test_each_thermal_form_reads_back_from_a_one_bit_203_dpi_print(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck,
        day: str) -> None:
    moment = datetime.fromisoformat(day).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    clerk.clock = lambda: moment
    failures: list[str] = []
    for form in _forms(clerk):
        pdf = registry.render(clerk, form.kind, form.number, reprint=True).pdf
        own_text = pdfcheck.flat_text(pdf)
        head, read, grey_read = read_form(pdf, tmp_path, form.kind)
        for label in (pt(source) for source in form.labels):
            assert label in own_text, (form.kind, label)  # the test's list is the form's
            if label not in read:
                failures.append(f"{form.kind}: label {label} not read")
        for number in form.numbers:
            assert number in own_text, (form.kind, number)
            if number not in read:
                failures.append(f"{form.kind}: number {number} not read")
        if form.terms:
            head_recall, grey_recall = recall(form.terms, read), recall(form.terms, grey_read)
            if head_recall < max(0.95, grey_recall - 0.005):
                failures.append(f"{form.kind}: terms {head_recall:.1%} read at 203 dpi 1-bit, "
                                f"{grey_recall:.1%} at 600 dpi grey")
        if form.code not in decode_png(head):
            failures.append(f"{form.kind}: QR {form.code} not decoded from the 1-bit image")
    assert not failures, "\n".join(failures)
