"""Chinese running text wraps as a reader expects: a line never starts with a full-width
comma, semicolon, colon, full stop or closing bracket (it hangs at the end of the line
before), on the receipt's terms as on every paragraph the printouts set."""

from __future__ import annotations

import re

import pytest
from reportlab.platypus import Paragraph

from app.printing.styles import THERMAL_PRINTABLE, styles
from app.services import carry_in_service
from app.services.context import ServiceContext
from tests.helpers import pdf as pdfread
from tests.helpers.carry_in import walk_in

CANNOT_START = "，。、；：？！）》」』】…"


def _lines(text: str, width: float) -> list[str]:
    paragraph = Paragraph(text, styles(8.5, thermal=True).small)
    paragraph.wrap(width, 10_000)
    return ["".join(getattr(word, "text", str(word)) for word in line.words)
            if hasattr(line, "words") else "".join(str(w) for w in line[1])
            for line in paragraph.blPara.lines]


@pytest.mark.parametrize("mark", list("，；：？！"))
def test_a_wrapped_line_never_starts_with_closing_punctuation(mark: str) -> None:
    # given a terms sentence whose punctuation falls just past the end of a line
    text = "维修完成并通知后请于九十天内领取逾期未领取的" * 3
    for cut in range(20, 60):
        sentence = text[:cut] + mark + text[cut:]
        # when it is set at the receipt's printable width
        lines = _lines(sentence, THERMAL_PRINTABLE)
        # then no line begins with the mark
        assert not any(line.startswith(mark) for line in lines[1:]), (cut, lines)


def test_the_printed_receipt_terms_have_no_line_starting_with_a_comma(clerk: ServiceContext
                                                                      ) -> None:
    from app.printing.documents.item_receipt import render_item_receipt

    # given a walk-in item taken in, and the receipt printed on the 80 mm roll
    job = walk_in(clerk)
    pdf = render_item_receipt(carry_in_service.print_pack(
        clerk, job.receipt_id, document="item-receipt"), "thermal")
    # then no printed line begins with Chinese closing punctuation
    lines = [line.strip() for line in re.split(r"[\r\n]+", pdfread.text(pdf))]
    assert [line for line in lines if line[:1] and line[0] in CANNOT_START] == []
