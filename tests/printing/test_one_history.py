"""One document, one print history: whatever the paper, the case typed or the route."""

from __future__ import annotations

from pathlib import Path

from app.printouts import trail
from app.services.context import ServiceContext
from tests.helpers.carry_in import walk_in
from tests.helpers.pdf import PdfCheck
from tests.helpers.printing import counter_payment, run_print


def test_the_a5_receipt_after_two_roll_copies_is_a_reprint(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck) -> None:
    number = counter_payment(clerk)
    outs = [tmp_path / f"{n}.pdf" for n in range(3)]
    assert run_print(tmp_path, "payment-receipt", number, "--out", str(outs[0])) == 0
    assert run_print(tmp_path, "payment-receipt", number, "--out", str(outs[1])) == 0
    assert run_print(tmp_path, "payment-receipt-a5", number, "--out", str(outs[2])) == 0
    texts = [pdfcheck.flat_text(out.read_bytes()) for out in outs]
    assert ["补打" in text for text in texts] == [False, True, True]
    history = trail.print_history(clerk, "payment-receipt-a5", number)
    assert len(history) == 3


def test_a_number_typed_in_lower_case_is_the_same_document(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck) -> None:
    number = counter_payment(clerk)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run_print(tmp_path, "payment-receipt", number, "--out", str(first)) == 0
    assert run_print(tmp_path, "payment-receipt", number.lower(), "--out", str(second)) == 0
    assert "补打" in pdfcheck.flat_text(second.read_bytes())
    assert trail.was_printed(clerk, "payment-receipt-a5", number.lower())


def test_a_form_printed_from_the_command_line_says_so_in_chinese(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck) -> None:
    job = walk_in(clerk)
    out = tmp_path / "r.pdf"
    assert run_print(tmp_path, "item-receipt", job.receipt_number, "--out", str(out)) == 0
    text = pdfcheck.flat_text(out.read_bytes())
    assert "命令行" in text and "commandline" not in text.lower()
