"""Reading PDFs back in tests, with wheels only (no poppler, no zbar on the machine).

Text, page count, page size and rendering with pypdfium2 (Chrome's PDF engine); the fonts with
pypdf (name, embedded, subset — what ``pdffonts`` shows); QR codes and barcodes decoded with
zxing-cpp. Every function takes the PDF as bytes or as a path.

Use the ``pdfcheck`` fixture (tests/printing/conftest.py) or the functions directly::

    assert "张伟" in pdf.flat_text(pdf_bytes)
    assert pdf.fonts_embedded(pdf_bytes)
    assert pdf.codes(pdf_bytes) == ["V2611-0042"]

Set ``SC_KEEP_PNG=/some/folder`` to keep every PNG rendered by :func:`render` for a look.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

POINTS_PER_MM = 72 / 25.4
Source = bytes | Path


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool
    subset: bool


def _bytes(source: Source) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


def _pages(source: Source) -> Iterator[pdfium.PdfPage]:
    document = pdfium.PdfDocument(_bytes(source))
    try:
        for index in range(len(document)):
            yield document[index]
    finally:
        document.close()


def page_texts(source: Source) -> list[str]:
    """The text of each page, lines separated by ``\\n``."""
    texts = []
    for page in _pages(source):
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
        textpage.close()
    return texts


def text(source: Source) -> str:
    """The text (Chinese included) of every page, pages separated by a form feed."""
    return "\f".join(page_texts(source))


def flat(value: str) -> str:
    """``value`` without any white space (extracted CJK text is spaced unevenly)."""
    return re.sub(r"\s+", "", value)


def flat_text(source: Source) -> str:
    """The text of every page with all white space removed."""
    return flat(text(source))


def page_count(source: Source) -> int:
    document = pdfium.PdfDocument(_bytes(source))
    try:
        return len(document)
    finally:
        document.close()


def page_size_mm(source: Source, index: int = 0) -> tuple[float, float]:
    document = pdfium.PdfDocument(_bytes(source))
    try:
        width, height = document[index].get_size()
    finally:
        document.close()
    return round(width / POINTS_PER_MM, 1), round(height / POINTS_PER_MM, 1)


def _font_dicts(resources: object, seen: set[int]) -> Iterator[tuple[int, DictionaryObject]]:
    """Every font of a resources dictionary and of the forms it draws, once per object."""
    if isinstance(resources, IndirectObject):
        resources = resources.get_object()
    if not isinstance(resources, DictionaryObject):
        return
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else {}
    for ref in fonts.values():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key not in seen:
            seen.add(key)
            yield key, ref.get_object()
    xobjects = resources.get("/XObject")
    for ref in (xobjects.get_object().values() if xobjects is not None else ()):
        form = ref.get_object()
        key = ref.idnum if isinstance(ref, IndirectObject) else id(form)
        if form.get("/Subtype") == "/Form" and ("x", key) not in seen:
            seen.add(("x", key))  # type: ignore[arg-type]
            yield from _font_dicts(form.get("/Resources"), seen)


def _embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn by the PDF's own glyph procedures
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def fonts(source: Source) -> list[FontRow]:
    """One row per font object: its name, embedded, subset (a ``ABCDEF+`` name prefix)."""
    import io

    reader = PdfReader(io.BytesIO(_bytes(source)))
    seen: set[int] = set()
    rows = []
    for page in reader.pages:
        for _, font in _font_dicts(page.get("/Resources"), seen):
            name = str(font.get("/BaseFont", "[none]")).lstrip("/")
            rows.append(FontRow(name, _embedded(font), bool(re.match(r"[A-Z]{6}\+", name))))
    return rows


def fonts_embedded(source: Source) -> bool:
    """Every font in the PDF is embedded and subset (no machine font needed to show it)."""
    rows = fonts(source)
    return bool(rows) and all(r.embedded and r.subset for r in rows)


def render(source: Source, folder: Path, *, name: str = "page", dpi: int = 80,
           gray: bool = False) -> list[Path]:
    """One PNG per page in ``folder`` (``name-1.png`` …), at ``dpi``; anti-aliased like print
    previews; in 8-bit grey when ``gray``."""
    folder.mkdir(parents=True, exist_ok=True)
    pngs = []
    for number, page in enumerate(_pages(source), start=1):
        image = page.render(scale=dpi / 72, grayscale=gray).to_pil()
        path = folder / f"{name}-{number}.png"
        image.save(path)
        pngs.append(path)
    keep = os.environ.get("SC_KEEP_PNG")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for path in pngs:
            shutil.copy(path, Path(keep) / f"{folder.parent.name}-{path.name}")
    return pngs


def decode_png(png: Path, *, qr_only: bool = False) -> list[str]:
    """Decoded payloads of the QR codes (and, unless ``qr_only``, barcodes) in one image."""
    def read(image: Image.Image) -> list[str]:
        found = (zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
                 if qr_only else zxingcpp.read_barcodes(image))
        return [code.text for code in found]

    with Image.open(png) as image:
        found = read(image)
        # zxing misses a 1-D code whose narrowest bar is about one pixel (an 80 mm receipt at
        # 203 dpi), where zbar reads it: it reads the same image enlarged 2× (no ink added).
        larger = read(image.resize((image.width * 2, image.height * 2),
                                   Image.Resampling.LANCZOS))
    return larger if len(larger) > len(found) else found


def codes(source: Source, folder: Path, *, dpi: int = 200, qr_only: bool = False) -> list[str]:
    """Payloads of every QR code and barcode on every page, decoded from rendered PNGs."""
    return [code for png in render(source, folder, name="codes", dpi=dpi)
            for code in decode_png(png, qr_only=qr_only)]


class PdfCheck:
    """The functions above around PDF bytes; PNGs live in the test's tmp folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._count = 0

    def _folder(self) -> Path:
        self._count += 1
        return self.folder / f"doc{self._count}"

    def text(self, pdf: Source) -> str:
        return text(pdf)

    def flat_text(self, pdf: Source) -> str:
        return flat_text(pdf)

    def fonts(self, pdf: Source) -> list[FontRow]:
        return fonts(pdf)

    def fonts_embedded(self, pdf: Source) -> bool:
        return fonts_embedded(pdf)

    def pages(self, pdf: Source) -> int:
        return page_count(pdf)

    def page_size_mm(self, pdf: Source) -> tuple[float, float]:
        return page_size_mm(pdf)

    def png(self, pdf: Source, *, dpi: int = 80) -> list[Path]:
        return render(pdf, self._folder(), dpi=dpi)

    def codes(self, pdf: Source, *, dpi: int = 200) -> list[str]:
        return codes(pdf, self._folder(), dpi=dpi)


def has(flat_text_: str, expected: str) -> bool:
    """``expected`` (its white space ignored) is in a :func:`flat_text`."""
    return flat(expected) in flat_text_
