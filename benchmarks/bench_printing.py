"""Printing figures: font registration, PDF generation (first and after), preview and print.

    python benchmarks/bench_printing.py [--runs 20]

Targets (issues 3–5): one one-page form well under 100 ms after the first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.printing import fonts
from app.printing.base import BaseDocument, StoreHeader
from app.printing.documents.printer_test_page import FORMATS, printer_test_page
from app.printing.styles import PageSize

HEADER = StoreHeader("华联电器售后服务中心", "上海市浦东新区张杨路 1234 号", "021-58881234")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median and worst wall time and median CPU time of ``runs`` calls, in ms.

    CPU time is shown because the machine is shared: wall time includes waiting for a core.
    """
    samples, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(samples), max(samples), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    started = time.perf_counter()
    fonts.ensure_fonts()
    print(f"font registration (once per process): {(time.perf_counter() - started) * 1000:6.1f} ms")
    started = time.perf_counter()
    printer_test_page(HEADER, "a5")
    print(f"first document (styles, caches):     {(time.perf_counter() - started) * 1000:6.1f} ms")
    serial = iter(range(1, 10**6))
    for fmt in ("a4", "a5", "thermal", "label"):
        cls, size = FORMATS[fmt]

        def one(cls: type[BaseDocument] = cls, size: PageSize | None = size) -> bytes:
            # a new number each time, as in the store: no QR from the cache
            return cls(HEADER, number=f"V2611-{next(serial):04d}", pagesize=size).generate()

        median, worst, cpu = timed(one, runs)
        print(f"test page {fmt:<8} generate: median {median:6.1f} ms, worst {worst:6.1f} ms, "
              f"CPU {cpu:5.1f} ms")
    _qt_figures(runs)


def _qt_figures(runs: int) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from app.printing.output import LoadedPdf, print_pdf_bytes

    app = QApplication.instance() or QApplication([])
    del app
    for fmt, dpi in (("a4", 96), ("thermal", 96)):
        pdf = printer_test_page(HEADER, fmt)
        loaded = LoadedPdf(pdf)
        median, _, _ = timed(lambda loaded=loaded, dpi=dpi: loaded.render(0, dpi), runs)
        print(f"preview render {fmt:<8} at {dpi} dpi: median {median:6.1f} ms per page")
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("a4", "thermal"):
            pdf = printer_test_page(HEADER, fmt)

            def send(pdf: bytes = pdf) -> None:
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(Path(folder) / "out.pdf"))
                print_pdf_bytes(pdf, printer)

            median, _, _ = timed(send, max(3, runs // 5))
            print(f"print_pdf_bytes {fmt:<8} (300 dpi, to a PDF spool file): "
                  f"median {median:6.1f} ms per page")


if __name__ == "__main__":
    main()
