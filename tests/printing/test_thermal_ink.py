"""Thermal forms (80 mm roll, tag) as a 203-dpi head prints them: black only, type ≥ 8 pt,
rules ≥ 0.75 pt (2 dots). Read from the PDF's own drawing operators."""

from __future__ import annotations

import re
import zlib

import pytest

from app.printing import registry
from app.services.context import ServiceContext
from tests.helpers.carry_in import walk_in

NUMBER = rb"-?(?:\d+\.?\d*|\.\d+)"


def drawing(pdf: bytes) -> bytes:
    """Every content stream of the PDF, inflated (ReportLab compresses them)."""
    out = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            data = zlib.decompressobj().decompress(raw)
        except zlib.error:
            continue
        if b" Tf" in data or b" re" in data:  # drawing, not a font file or a CMap
            out.append(data)
    return b"\n".join(out)


def greys(ops: bytes) -> set[tuple[float, ...]]:
    """Colours set for fill or stroke that are neither black nor white."""
    found = set()
    for match in re.finditer(rb"((?:" + NUMBER + rb"\s+){1,4})(rg|RG|g|G|k|K)\b", ops):
        values = tuple(float(v) for v in match[1].split())
        if match[2] in (b"k", b"K"):
            values = tuple(1 - v for v in values[:3])  # CMYK black is (0,0,0,1)
        if set(values) - {0.0, 1.0}:
            found.add(values)
    return found


def font_sizes(ops: bytes) -> set[float]:
    return {float(m[1]) for m in re.finditer(rb"/F\S+\s+(" + NUMBER + rb")\s+Tf", ops)}


def line_widths(ops: bytes) -> set[float]:
    return {float(m[1]) for m in re.finditer(rb"(?:^|\s)(" + NUMBER + rb")\s+w\b", ops)}


@pytest.mark.parametrize("kind", ["item-receipt", "repair-tag"])
@pytest.mark.parametrize("reprint", [False, True])
def test_a_thermal_form_is_black_with_legible_type_and_whole_dot_rules(
        clerk: ServiceContext, kind: str, reprint: bool) -> None:
    job = walk_in(clerk)
    ops = drawing(registry.render(clerk, kind, job.receipt_number, reprint=reprint).pdf)
    assert ops
    assert greys(ops) == set()
    assert min(font_sizes(ops)) >= 8.0
    assert min(line_widths(ops) - {0.0}) >= 0.75
