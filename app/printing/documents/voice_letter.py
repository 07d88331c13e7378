"""The A4 letter the customer-voice forms share: recipient block, body, sign-off."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus.flowables import CallerMacro

from app.printing.base import BaseDocument
from app.printing.flowables import para
from app.printing.formatting import fmt_date
from app.printing.text import pt
from app.services.dto import StoreHeader


def recipient_block(doc: BaseDocument, name: str, address: str, phone: str) -> list[Flowable]:
    """To: name, address, phone — top left of the letter."""
    lines = [para(pt("To: {name}", name=name), doc.st.bold)]
    if address:
        lines.append(para(address, doc.st.body))
    if phone:
        lines.append(para(pt("Tel. {phone}", phone=phone), doc.st.body))
    return [*lines, Spacer(1, 4 * mm)]


def salutation(doc: BaseDocument, name: str) -> Flowable:
    return para(pt("Dear {name},", name=name), doc.st.body)


def body(doc: BaseDocument, paragraphs: Sequence[str]) -> list[Flowable]:
    out: list[Flowable] = []
    for text in paragraphs:
        out += [Spacer(1, 2 * mm), para(text, doc.st.body)]
    return out


def sign_off(doc: BaseDocument, day: date) -> list[Flowable]:
    """The store's name and the date, right-aligned under the letter."""
    return [Spacer(1, 10 * mm), para(doc.header.name, doc.st.right),
            para(fmt_date(day), doc.st.right)]


class LetterBatch(BaseDocument):
    """Several letters of one kind in one PDF: each starts a page with its own header; those
    whose number is in ``reprinted`` (a copy left before) are marked as reprints."""

    def __init__(self, header: StoreHeader, *, reprinted: Collection[str] = (),
                 **kw: Any) -> None:
        super().__init__(header, **kw)
        self.reprinted = frozenset(reprinted)

    def letters(self) -> Iterator[tuple[str, list[Flowable]]]:
        """(number, story) of each letter, yielded just before its header is built."""
        raise NotImplementedError

    def full_story(self) -> list[Flowable]:
        out: list[Flowable] = []
        first = False
        for i, (number, story) in enumerate(self.letters()):
            reprint = number in self.reprinted
            if i:
                # the pages' watermark is drawn as each page begins: switch it before the break
                out += [self._mark_pages(reprint), PageBreak()]
            else:
                first = reprint
            self.number, self.reprint = number, reprint  # the header's banner
            out += self.header_story() + story
        self.number, self.reprint = "", first
        return out

    def _mark_pages(self, reprint: bool) -> Flowable:
        return CallerMacro(drawCallable=lambda _flowable: setattr(self, "reprint", reprint))

    def story(self) -> list[Flowable]:  # pragma: no cover - full_story is used instead
        return []

    def draw_running_header(self, canvas: object) -> None:
        """Each letter has its own full header; no running header between them."""
