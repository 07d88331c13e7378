"""Outside programs some tests need, and the skip reason when one is missing.

A test that needs a real program (LibreOffice, CUPS, tesseract, poppler …) asks
:func:`missing` and skips with the reason it returns: what is missing and how to install it.
CI installs every one of them and runs with ``SC_REQUIRE_ALL=1``, which turns any skip into a
failure (tests/conftest.py), so nothing CI should check is skipped quietly.
"""

from __future__ import annotations

import shutil

# program → the Debian 12 packages that bring it
INSTALL = {
    "soffice": "libreoffice-calc",
    "tesseract": "tesseract-ocr tesseract-ocr-chi-sim",
    "pdftoppm": "poppler-utils",
    "cupsd": "cups printer-driver-cups-pdf",
    "lpadmin": "cups printer-driver-cups-pdf",
    "lpstat": "cups printer-driver-cups-pdf",
}


def missing(*programs: str) -> str:
    """"" when every program is on PATH, else the skip reason naming the missing ones."""
    absent = [p for p in programs if shutil.which(p) is None]
    if not absent:
        return ""
    packages = " ".join(dict.fromkeys(INSTALL.get(p, p) for p in absent))
    return f"{', '.join(absent)} not installed: apt-get install {packages}"
