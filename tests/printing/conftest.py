"""PDF checking for printing tests: text, fonts, pages, PNGs, decoded QR/barcodes; CUPS-PDF.

Use the ``pdfcheck`` fixture::

    def test_voucher_prints_customer(pdfcheck):
        pdf = VoucherDocument(header, voucher).generate()
        assert "张伟" in pdfcheck.text(pdf)
        assert pdfcheck.fonts_embedded(pdf)
        assert "V2611-0042" in pdfcheck.codes(pdf)

Set ``SC_KEEP_PNG=/some/folder`` to keep every PNG rendered by ``pdfcheck.png`` for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.cups_queue import CupsQueue, start_cups_queue

POPPLER = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")
POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool
    subset: bool


class PdfCheck:
    """poppler-utils and zbar around PDF bytes; files live in the test's tmp folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._count = 0

    def _file(self, pdf: bytes) -> Path:
        self._count += 1
        path = self.folder / f"doc{self._count}.pdf"
        path.write_bytes(pdf)
        return path

    def _run(self, *args: str) -> str:
        return subprocess.run(args, check=True, capture_output=True, timeout=60).stdout.decode()

    def text(self, pdf: bytes, *, layout: bool = False) -> str:
        """The extracted text (Chinese included) of every page."""
        flags = ["-layout"] if layout else []
        return self._run("pdftotext", *flags, "-enc", "UTF-8", str(self._file(pdf)), "-")

    def flat_text(self, pdf: bytes) -> str:
        """The text with all white space removed (pdftotext drops spaces between CJK)."""
        return re.sub(r"\s+", "", self.text(pdf))

    def fonts(self, pdf: bytes) -> list[FontRow]:
        lines = self._run("pdffonts", str(self._file(pdf))).splitlines()[2:]
        rows = []
        for line in lines:
            parts = line.split()
            # name type... encoding emb sub uni id gen: read the yes/no flags from the right
            rows.append(FontRow(parts[0], parts[-5] == "yes", parts[-4] == "yes"))
        return rows

    def fonts_embedded(self, pdf: bytes) -> bool:
        """Every font in the PDF is embedded and subset (no machine font needed to show it)."""
        rows = self.fonts(pdf)
        return bool(rows) and all(r.embedded and r.subset for r in rows)

    def info(self, pdf: bytes) -> dict[str, str]:
        out = self._run("pdfinfo", str(self._file(pdf)))
        return {k.strip(): v.strip() for k, _, v in (line.partition(":")
                                                      for line in out.splitlines())}

    def pages(self, pdf: bytes) -> int:
        return int(self.info(pdf)["Pages"])

    def page_size_mm(self, pdf: bytes) -> tuple[float, float]:
        match = re.match(r"([\d.]+) x ([\d.]+) pts", self.info(pdf)["Page size"])
        assert match, "pdfinfo gave no page size"
        return (round(float(match[1]) / POINTS_PER_MM, 1),
                round(float(match[2]) / POINTS_PER_MM, 1))

    def png(self, pdf: bytes, *, dpi: int = 80) -> list[Path]:
        """One PNG per page (``pdftoppm -png``)."""
        source = self._file(pdf)
        prefix = source.with_suffix("")
        self._run("pdftoppm", "-png", "-r", str(dpi), str(source), str(prefix))
        pngs = sorted(self.folder.glob(f"{prefix.name}-*.png"))
        keep = os.environ.get("SC_KEEP_PNG")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            for path in pngs:
                shutil.copy(path, Path(keep) / f"{self.folder.parent.name}-{path.name}")
        return pngs

    def codes(self, pdf: bytes, *, dpi: int = 200) -> list[str]:
        """Payloads of every QR code and barcode on every page, decoded from rendered PNGs."""
        return [code for png in self.png(pdf, dpi=dpi) for code in decode_png(png)]


def decode_png(png: Path) -> list[str]:
    """Decoded payloads (QR and 1-D codes) from one image, with pyzbar or zbarimg."""
    try:
        from PIL import Image
        from pyzbar.pyzbar import decode
    except ImportError:
        if not shutil.which("zbarimg"):
            pytest.skip("neither pyzbar nor zbarimg (apt: zbar-tools libzbar0) is installed")
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True,
                             timeout=60)
        return out.stdout.decode().splitlines()
    with Image.open(png) as image:
        return [symbol.data.decode("ascii") for symbol in decode(image)]


@pytest.fixture
def pdfcheck(tmp_path: Path) -> PdfCheck:
    missing = [tool for tool in POPPLER if not shutil.which(tool)]
    if missing:
        pytest.skip(f"poppler-utils missing ({', '.join(missing)}): apt-get install poppler-utils")
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
