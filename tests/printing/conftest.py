"""Printing tests' fixtures: ``pdfcheck`` (tests/helpers/pdf.py) and a CUPS-PDF queue.

Use the ``pdfcheck`` fixture::

    def test_voucher_prints_customer(pdfcheck):
        pdf = VoucherDocument(header, voucher).generate()
        assert "张伟" in pdfcheck.text(pdf)
        assert pdfcheck.fonts_embedded(pdf)
        assert "V2611-0042" in pdfcheck.codes(pdf)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.cups_queue import CupsQueue, start_cups_queue
from tests.helpers.pdf import PdfCheck


@pytest.fixture
def pdfcheck(tmp_path: Path) -> PdfCheck:
    folder = tmp_path / "pdf"
    folder.mkdir()
    return PdfCheck(folder)


@pytest.fixture(scope="session")
def cups_queue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CupsQueue]:
    """A private cupsd with a CUPS-PDF queue; skipped (with the reason) where CUPS is absent."""
    queue, reason = start_cups_queue(tmp_path_factory.mktemp("cups"))
    if queue is None:
        pytest.skip(reason)
    try:
        yield queue
    finally:
        queue.stop()
