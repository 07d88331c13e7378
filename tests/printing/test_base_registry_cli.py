"""Printable kinds by name, the ``print KIND NUMBER --out`` command, prints on the trail."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.commands import print_cmd
from app.errors import NotFound
from app.printing import registry
from app.printing.registry import PrinterGroup, Rendered
from app.printing.terms import default_terms, terms_or_default
from app.printouts import trail
from app.printouts.carry_in_common import receipt_terms
from app.services.context import ServiceContext
from app.services.reference_service import letterhead
from tests.helpers.pdf import PdfCheck
from tests.helpers.printing import run_print


def test_every_form_module_is_loaded_and_kinds_are_found_by_name():
    names = {kind.name for kind in registry.kinds()}
    assert "test-page" in names
    assert registry.get_kind("test-page").group is PrinterGroup.FORMS
    with pytest.raises(NotFound) as err:
        registry.get_kind("no-such-kind")
    assert "test-page" in str(err.value)


def test_a_kind_cannot_be_registered_twice_with_another_renderer():
    def render(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
        return Rendered(b"", "x.pdf")

    with pytest.raises(ValueError):
        registry.register("test-page", title="x", group=PrinterGroup.FORMS)(render)


def test_print_command_writes_the_pdf_and_marks_the_second_copy(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck,
        capsys: pytest.CaptureFixture[str]):
    # when the test page is written twice from the command line
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    assert run_print(tmp_path, "test-page", "a4", "--out", str(first)) == 0
    assert run_print(tmp_path, "test-page", "a4", "--out", str(second)) == 0
    # then both files are the store's test page, the second marked as a reprint
    assert "打印测试页" in pdfcheck.flat_text(first.read_bytes())
    assert "补打" not in pdfcheck.flat_text(first.read_bytes())
    assert "补打REPRINT" in pdfcheck.flat_text(second.read_bytes())
    assert "first.pdf" in capsys.readouterr().out
    # and both copies are on the audit trail
    history = trail.print_history(clerk, "test-page", "a4")
    assert [e.action for e in history] == ["save_pdf", "save_pdf"]
    assert history[1].detail == str(second.resolve())


def test_print_command_counts_a_receipt_once_per_file_and_marks_the_second(
        db: object, clerk: ServiceContext, tmp_path: Path, pdfcheck: PdfCheck):
    from app.services import carry_in_service
    from tests.helpers.carry_in import walk_in

    job = walk_in(clerk)
    # when ``main.py print item-receipt NUMBER --out f.pdf`` runs twice
    first, second = tmp_path / "r1.pdf", tmp_path / "r2.pdf"
    for out in (first, second):
        assert run_print(tmp_path, "item-receipt", job.receipt_number, "--out", str(out)) == 0
    # then the first file is the original, the second the reprint, each counted once
    assert job.receipt_number in pdfcheck.flat_text(first.read_bytes())
    assert "补打" not in pdfcheck.flat_text(first.read_bytes())
    assert "补打REPRINT" in pdfcheck.flat_text(second.read_bytes())
    assert carry_in_service.get_carry_in(clerk, job.receipt_id).print_count == 2
    history = trail.print_history(clerk, "item-receipt", job.receipt_number)
    assert [(e.action, e.username, e.detail) for e in history] == [
        ("save_pdf", "cli", str(first.resolve())), ("save_pdf", "cli", str(second.resolve()))]


def test_print_command_refuses_unknown_kinds_and_numbers(db: object, tmp_path: Path):
    with pytest.raises(print_cmd.CliError) as unknown_kind:
        run_print(tmp_path, "no-such-kind", "1", "--out", str(tmp_path / "x.pdf"))
    assert unknown_kind.value.code != 0 and "no-such-kind" in str(unknown_kind.value)
    with pytest.raises(print_cmd.CliError) as unknown_number:
        run_print(tmp_path, "test-page", "a3", "--out", str(tmp_path / "x.pdf"))
    assert unknown_number.value.code != 0 and "a3" in str(unknown_number.value)
    assert not (tmp_path / "x.pdf").exists()


def test_print_command_lists_kinds(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    assert run_print(tmp_path, "--list") == 0
    assert "test-page" in capsys.readouterr().out


def test_default_receipt_terms_are_chinese_until_the_store_writes_its_own(
        clerk: ServiceContext):
    assert "收据" in default_terms()
    assert terms_or_default("  ") == default_terms()
    assert terms_or_default("本店自定条款") == "本店自定条款"
    assert receipt_terms(clerk) == default_terms()


def test_store_header_comes_from_the_store_profile(clerk: ServiceContext):
    header = letterhead(clerk)
    assert header.name and header.timezone == "Asia/Shanghai"
