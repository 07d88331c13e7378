"""One rule for every printable kind: a preview writes nothing; each copy that leaves the app
(printed or saved as PDF) is recorded once, with the record's own state, and the next copy is
marked 补打 REPRINT — through the preview dialog's own code path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app.models.audit import AuditEntry
from app.models.carry_in import ItemReceipt
from app.models.contracts import MaintenanceContract
from app.printing.documents.expiry_notice import expiry_notices_pdf
from app.printouts import trail
from app.services import carry_in_service, contract_dto
from app.services import contract_service as contracts
from app.services import survey_service as surveys
from app.services.context import ServiceContext
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.printing_ui import batch_job, document_job
from app.ui.settings_store import SettingsStore
from tests.helpers.carry_in import walk_in
from tests.helpers.pdf import PdfCheck, flat, page_texts
from tests.helpers.voice import at, completed_call, zhang

REPRINT = "补打REPRINT"


@pytest.fixture
def open_preview(qtbot: QtBot, tmp_path: Path):
    """Open the real preview dialog of a job (as the pages do), with this test's settings."""
    settings = SettingsStore(QSettings(str(tmp_path / "settings.ini"),
                                       QSettings.Format.IniFormat))

    def open_(job: PrintJob) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(job, settings=settings)
        qtbot.addWidget(dialog)
        return dialog

    return open_


def file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def events(ctx: ServiceContext, table: str) -> list[tuple[str, str]]:
    """(row key, action) of the non-data events of ``table``, oldest first."""
    with ctx.read() as session:
        rows = session.execute(select(AuditEntry.row_key, AuditEntry.action).where(
            AuditEntry.table_name == table, AuditEntry.field == "").order_by(AuditEntry.id))
        return [(r.row_key, r.action) for r in rows]


def page_text(pdf: bytes, page: int) -> str:
    """Page ``page`` (from 1) of ``pdf``, its white space removed."""
    return flat(page_texts(pdf)[page - 1])


# ---- receipt and tag ------------------------------------------------------------------------

def test_a_receipt_previewed_and_closed_is_not_printed(clerk: ServiceContext, open_preview,
                                                       pdfcheck: PdfCheck):
    job = walk_in(clerk)
    # when the clerk opens the receipt's preview twice and closes it without printing
    for _ in range(2):
        dialog = open_preview(document_job(clerk, "item-receipt", job.receipt_number))
        assert not dialog.reprint and REPRINT not in pdfcheck.flat_text(dialog.pdf)
        dialog.reject()
    # then nothing was counted or recorded: the first real print is still the original
    assert carry_in_service.get_carry_in(clerk, job.receipt_id).print_count == 0
    assert trail.print_history(clerk, "item-receipt", job.receipt_number) == []
    assert events(clerk, "item_receipts") == []
    assert not document_job(clerk, "item-receipt", job.receipt_number).reprint


def test_the_first_copy_saved_is_the_original_and_the_next_ones_are_reprints(
        clerk: ServiceContext, open_preview, pdfcheck: PdfCheck, tmp_path: Path):
    job = walk_in(clerk)
    dialog = open_preview(document_job(clerk, "item-receipt", job.receipt_number))
    # when the clerk saves the receipt as PDF from the preview
    assert dialog.save_to(str(tmp_path / "first.pdf"))
    # then that copy is the original, recorded once, and counted on the receipt
    assert REPRINT not in pdfcheck.flat_text((tmp_path / "first.pdf").read_bytes())
    history = trail.print_history(clerk, "item-receipt", job.receipt_number)
    assert [(e.action, e.username, e.detail) for e in history] == [
        ("save_pdf", "clerk", str(tmp_path / "first.pdf"))]
    assert carry_in_service.get_carry_in(clerk, job.receipt_id).print_count == 1
    assert events(clerk, "item_receipts") == []  # the copy is recorded once: on the print trail
    # and the preview now shows the reprint; printing it records a reprint
    assert dialog.reprint and REPRINT in pdfcheck.flat_text(dialog.pdf)
    assert dialog.print_now(file_printer(tmp_path / "printed.pdf"))
    assert [e.action for e in trail.print_history(
        clerk, "item-receipt", job.receipt_number)] == ["save_pdf", "reprint"]
    assert carry_in_service.get_carry_in(clerk, job.receipt_id).print_count == 2
    assert events(clerk, "item_receipts") == []
    # and a new preview, on A5 paper too (the same receipt), starts as a reprint
    for kind in ("item-receipt", "item-receipt-a5"):
        again = open_preview(document_job(clerk, kind, job.receipt_number))
        assert again.reprint and REPRINT in pdfcheck.flat_text(again.pdf)


def test_the_tag_counts_its_own_copies(clerk: ServiceContext, open_preview,
                                       pdfcheck: PdfCheck, tmp_path: Path):
    job = walk_in(clerk)
    open_preview(document_job(clerk, "item-receipt", job.receipt_number)).save_to(
        str(tmp_path / "receipt.pdf"))
    # a receipt printed does not make the tag a reprint
    tag = open_preview(document_job(clerk, "repair-tag", job.receipt_number))
    assert not tag.reprint and REPRINT not in pdfcheck.flat_text(tag.pdf)
    assert tag.save_to(str(tmp_path / "tag.pdf"))
    after = carry_in_service.get_carry_in(clerk, job.receipt_id)
    assert (after.print_count, after.card_print_count) == (1, 1)
    assert document_job(clerk, "repair-tag", job.card_number).reprint


def test_a_receipt_printed_by_an_older_version_counts_as_printed(
        clerk: ServiceContext, open_preview, pdfcheck: PdfCheck):
    # given a receipt whose count an older version kept, with no print event on the trail
    job = walk_in(clerk)
    with clerk.write() as session:
        session.execute(update(ItemReceipt).where(ItemReceipt.id == job.receipt_id)
                        .values(print_count=1))
    assert trail.print_history(clerk, "item-receipt", job.receipt_number) == []
    # then its next copy is a reprint
    dialog = open_preview(document_job(clerk, "item-receipt", job.receipt_number))
    assert dialog.reprint and REPRINT in pdfcheck.flat_text(dialog.pdf)


# ---- expiry notices and survey cards --------------------------------------------------------

def _contract(ctx: ServiceContext, end: date) -> contract_dto.ContractDTO:
    customer_id, _, washer = zhang(ctx)
    return contracts.create_contract(ctx, contracts.ContractInput(
        customer_id, (washer,), date(2026, 1, 1), end, Decimal("680.00")))


def _sent_at(ctx: ServiceContext, contract_id: int) -> object:
    with ctx.read() as session:
        return session.scalar(select(MaintenanceContract.notice_sent_at)
                              .where(MaintenanceContract.id == contract_id))


def test_an_expiry_notice_previewed_but_not_printed_is_not_sent(
        login, open_preview, pdfcheck: PdfCheck, tmp_path: Path):
    boss = at(login("super"), date(2026, 11, 22))
    c = _contract(boss, date(2026, 12, 10))  # on the renewal list
    dialog = open_preview(document_job(boss, "expiry-notice", c.number))
    dialog.reject()
    # then the contract does not look sent on the renewal list, and nothing is on the trail
    assert _sent_at(boss, c.id) is None
    assert [r.notice_sent_at for r in contracts.renewal_list(boss)] == [None]
    assert events(boss, "maintenance_contracts") == []
    assert trail.print_history(boss, "expiry-notice", c.number) == []
    # when it is saved, it is sent; the next copy is a reprint
    dialog = open_preview(document_job(boss, "expiry-notice", c.number))
    assert REPRINT not in pdfcheck.flat_text(dialog.pdf)
    assert dialog.save_to(str(tmp_path / "notice.pdf"))
    assert _sent_at(boss, c.id) is not None
    assert events(boss, "maintenance_contracts") == []  # once: on the print trail
    assert [e.action for e in trail.print_history(boss, "expiry-notice", c.number)] == [
        "save_pdf"]
    assert document_job(boss, "expiry-notice", c.number).reprint
    assert REPRINT in pdfcheck.flat_text(dialog.pdf)


def test_a_month_of_notices_marks_only_the_letters_printed_before(
        login, open_preview, pdfcheck: PdfCheck, tmp_path: Path):
    boss = at(login("super"), date(2026, 11, 22))
    first, second = _contract(boss, date(2026, 12, 5)), _contract(boss, date(2026, 12, 20))
    open_preview(document_job(boss, "expiry-notice", first.number)).save_to(
        str(tmp_path / "one.pdf"))
    # given the month's notices in one PDF: the first was sent before, the second not
    notices = contracts.expiry_notices(boss, [first.id, second.id])
    job = batch_job(boss, "expiry-notice", [first.number, second.number],
                    lambda reprinted: expiry_notices_pdf(notices, reprinted),
                    title="notices", filename="month.pdf")
    dialog = open_preview(job)
    assert not dialog.reprint and pdfcheck.pages(dialog.pdf) == 2
    assert REPRINT in page_text(dialog.pdf, 1)
    assert REPRINT not in page_text(dialog.pdf, 2)
    # a batch previewed and closed sends nothing
    dialog.reject()
    assert _sent_at(boss, second.id) is None
    # when it is printed: one event per notice, each noted as sent, all marked from now on
    dialog = open_preview(job)
    assert dialog.print_now(file_printer(tmp_path / "month-printed.pdf"))
    assert [e.action for e in trail.print_history(
        boss, "expiry-notice", first.number)] == ["save_pdf", "reprint"]
    assert [e.action for e in trail.print_history(
        boss, "expiry-notice", second.number)] == ["print"]
    assert _sent_at(boss, second.id) is not None
    assert dialog.reprint and REPRINT in page_text(dialog.pdf, 2)


def test_a_survey_card_is_recorded_when_printed_not_when_previewed(
        clerk: ServiceContext, open_preview, pdfcheck: PdfCheck, tmp_path: Path):
    completed_call(clerk, item_id=zhang(clerk)[1])
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    open_preview(document_job(clerk, "survey-card", card.number)).reject()
    assert events(clerk, "survey_cards") == []
    dialog = open_preview(document_job(clerk, "survey-card", card.number))
    assert dialog.save_to(str(tmp_path / "card.pdf"))
    assert REPRINT not in pdfcheck.flat_text((tmp_path / "card.pdf").read_bytes())
    assert events(clerk, "survey_cards") == []  # once: on the print trail
    assert [e.action for e in trail.print_history(clerk, "survey-card", card.number)] == [
        "save_pdf"]
    assert REPRINT in pdfcheck.flat_text(
        open_preview(document_job(clerk, "survey-card", card.number)).pdf)


def test_a_register_month_printed_again_is_a_reprint(clerk: ServiceContext, open_preview,
                                                      pdfcheck: PdfCheck, tmp_path: Path):
    walk_in(clerk)
    month = clerk.today().strftime("%Y-%m")
    dialog = open_preview(document_job(clerk, "register-month", month))
    assert REPRINT not in pdfcheck.flat_text(dialog.pdf)
    assert dialog.save_to(str(tmp_path / "register.pdf"))
    assert REPRINT in pdfcheck.flat_text(dialog.pdf)
    with clerk.read() as session:  # the book itself is only read
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.table_name == "print")) == 1
