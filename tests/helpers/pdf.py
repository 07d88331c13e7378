"""Render a PDF to PNG and text with poppler, and decode QR codes with zbar."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image
from pyzbar.pyzbar import ZBarSymbol, decode


def pdf_text(pdf: bytes, path: Path) -> str:
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True)
    return out.stdout.decode("utf-8")


def pdf_png(pdf: bytes, path: Path, *, dpi: int = 200) -> list[Path]:
    path.write_bytes(pdf)
    prefix = path.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(path), str(prefix)], check=True)
    return sorted(path.parent.glob(prefix.name + "*.png"))


def qr_payloads(png: Path) -> list[str]:
    with Image.open(png) as image:
        return [s.data.decode("ascii") for s in decode(image, symbols=[ZBarSymbol.QRCODE])]


def page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
