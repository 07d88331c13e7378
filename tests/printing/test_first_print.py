"""The first print of the day: fonts from the per-PC cache, only the form's own module.

A fresh process is what the counter has each morning; these run one (the figures themselves
are in ``benchmarks/bench_printing.py``: 200 ms first, 30 ms each next).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.printing import registry
from tests.helpers.pdf import PdfCheck

ROOT = Path(__file__).resolve().parents[2]

TEST_PAGE = r"""
import sys
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
rl_config.invariant = 1  # the same PDF bytes for the same content
if sys.argv[1] == "refuse-parsing":
    def refuse(self, *args, **kwargs):
        raise AssertionError("a font file was parsed")
    ttfonts.TTFontFile.extractInfo = refuse
from datetime import UTC, datetime
import app.printing.base as base
class PrintedAtNine(datetime):  # both processes print the same minute on the page
    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
base.datetime = PrintedAtNine
from app.printing.base import StoreHeader
from app.printing.documents.printer_test_page import printer_test_page
header = StoreHeader("华联电器 䶮 𬌗 𠮷野家", "上海市浦东新区张杨路 1234 号")
sys.stdout.buffer.write(printer_test_page(header, "thermal"))
"""


def run(code: str, *args: str, data: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SERVICE_COUNTER_DATA": str(data)}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          timeout=120, check=False)


def test_the_next_process_prints_from_the_font_cache_the_same_pdf(
        tmp_path: Path, pdfcheck: PdfCheck):
    # given the fonts parsed once on this PC (the first print ever)
    first = run(TEST_PAGE, "parse", data=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    # when the next day's process prints, not allowed to parse a font file
    second = run(TEST_PAGE, "refuse-parsing", data=tmp_path)
    # then it prints, the very same PDF: the same glyphs subset and embedded
    assert second.returncode == 0, second.stderr.decode()
    assert second.stdout == first.stdout
    assert pdfcheck.fonts_embedded(second.stdout)
    assert "华联电器䶮𬌗𠮷野家" in pdfcheck.flat_text(second.stdout)


def test_a_damaged_font_cache_costs_only_the_parse(tmp_path: Path, pdfcheck: PdfCheck):
    assert run(TEST_PAGE, "parse", data=tmp_path).returncode == 0
    caches = list((tmp_path / "cache" / "fonts").iterdir())
    assert len(caches) == 3  # regular, bold, the extension (𠮷)
    for cache in caches:
        cache.write_bytes(cache.read_bytes()[:1000])
    again = run(TEST_PAGE, "parse", data=tmp_path)
    assert again.returncode == 0, again.stderr.decode()
    assert "华联电器䶮𬌗𠮷野家" in pdfcheck.flat_text(again.stdout)
    assert run(TEST_PAGE, "refuse-parsing", data=tmp_path).returncode == 0  # rewritten


ONE_KIND = r"""
import sys
from app.printing import registry
kind = registry.get_kind(sys.argv[1])
papers = registry.papers(sys.argv[1])
loaded = sorted(m for m in sys.modules
                if m.startswith(("app.printing.documents.", "app.printouts.")))
print(kind.name, ",".join(sorted(papers)), ",".join(loaded))
"""


@pytest.mark.parametrize(("kind", "papers", "module"), [
    ("payment-receipt", "payment-receipt,payment-receipt-a5", "payment_receipt"),
    ("payment-receipt-a5", "payment-receipt,payment-receipt-a5", "payment_receipt"),
    ("test-page", "test-page", "printer_test_page"),
])
def test_a_kind_loads_its_own_form_module_only(tmp_path: Path, kind: str, papers: str,
                                               module: str):
    out = run(ONE_KIND, kind, data=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    assert out.stdout.decode().split() == [
        kind, papers, f"app.printing.documents.{module},app.printouts.{module}"]


def test_the_table_of_kinds_names_the_module_that_registers_each():
    # every module of app.printouts imported: a kind registered outside the table shows
    package = importlib.import_module("app.printouts")
    for info in pkgutil.iter_modules(package.__path__, "app.printouts."):
        importlib.import_module(info.name)
    registered = {kind.name: kind.render.__module__ for kind in registry.kinds()}
    assert registered == registry.KIND_MODULES
    assert set(registry.KIND_MODULES) == set(registry.PrintKind)
