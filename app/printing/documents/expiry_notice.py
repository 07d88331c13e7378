"""The maintenance expiry notice (保养到期通知书): an A4 letter, one or a month's batch."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument
from app.printing.documents.voice_letter import (
    LetterBatch,
    body,
    recipient_block,
    salutation,
    sign_off,
)
from app.printing.flowables import Field, field_grid
from app.printing.formatting import fmt_date, money
from app.printing.text import pt
from app.services.contract_dto import ExpiryNotice


def _covers(notice: ExpiryNotice) -> str:
    c = notice.contract
    parts = [pt("labour costs") if c.covers_labour else "",
             pt("spare parts") if c.covers_parts else "",
             pt("{n} visits a year", n=c.visits_per_year) if c.visits_per_year else ""]
    return "、".join(p for p in parts if p) or "—"


def notice_story(doc: BaseDocument, notice: ExpiryNotice) -> list[Flowable]:
    c = notice.contract
    grid = field_grid([
        Field(pt("Contract No."), c.number),
        Field(pt("Ends on"), fmt_date(c.end_date)),
        Field(pt("Items covered"), "；".join(c.item_labels), wide=True),
        Field(pt("Term"), f"{fmt_date(c.start_date)} — {fmt_date(c.end_date)}"),
        Field(pt("Fee"), money(c.fee_cents)),
        Field(pt("Covers"), _covers(notice), wide=True),
    ], width=doc.width, st=doc.st)
    renewal = field_grid([
        Field(pt("New term"),
              f"{fmt_date(notice.renewal_start)} — {fmt_date(notice.renewal_end)}", wide=True),
        Field(pt("Renewal fee"), money(c.fee_cents)),
        Field(pt("Covers"), _covers(notice)),
        Field(pt("Contract terms"), c.terms or "—", wide=True),
    ], width=doc.width, st=doc.st)
    return [
        *recipient_block(doc, c.customer_name, c.customer_address, c.customer_phone),
        salutation(doc, c.customer_name),
        *body(doc, [_opening(notice)]),
        Spacer(1, 3 * mm), grid, Spacer(1, 3 * mm),
        *body(doc, [pt("Renewal terms")]), Spacer(1, 1 * mm), renewal,
        *body(doc, [pt("Please call us to renew, or tell the staff member who visits you.")]),
        *sign_off(doc, notice.notice_date),
    ]


def _opening(notice: ExpiryNotice) -> str:
    """"Ends on" before the end date; "ended on" when printed after it (never "将于" then);
    the person sent to renew is named when one is assigned."""
    c = notice.contract
    if notice.ended:
        text = pt("Your maintenance contract {number} ended on {end}. So that your products "
                  "are looked after again, we invite you to renew it.",
                  number=c.number, end=fmt_date(c.end_date))
    else:
        text = pt("Your maintenance contract {number} ends on {end}. So that your "
                  "products stay looked after without a break, we invite you to renew "
                  "it; our staff will contact you shortly.",
                  number=c.number, end=fmt_date(c.end_date))
    if c.renewal_by:
        text += pt(" {name} of our store will visit you to arrange it.", name=c.renewal_by)
    return text


class ExpiryNoticeDocument(BaseDocument):
    title = "Maintenance expiry notice"

    def __init__(self, notice: ExpiryNotice, **kw: Any) -> None:
        super().__init__(notice.store, number=notice.contract.number, **kw)
        self.notice = notice

    def story(self) -> list[Flowable]:
        return notice_story(self, self.notice)


class ExpiryNoticeBatch(LetterBatch):
    """All the notices of a month in one PDF, one letter per page."""

    title = "Maintenance expiry notice"

    def __init__(self, notices: list[ExpiryNotice], **kw: Any) -> None:
        if not notices:
            raise ValueError("no notices to print")
        super().__init__(notices[0].store, **kw)
        self.notices = notices

    def letters(self) -> Iterator[tuple[str, list[Flowable]]]:
        for n in self.notices:
            yield n.contract.number, notice_story(self, n)


def expiry_notices_pdf(notices: list[ExpiryNotice], reprinted: Collection[str] = ()) -> bytes:
    """One notice, or a month's notices in one PDF; those of the contracts in ``reprinted``
    (numbers) are marked as reprints."""
    if len(notices) == 1:
        number = notices[0].contract.number
        return ExpiryNoticeDocument(notices[0], reprint=number in reprinted).generate()
    return ExpiryNoticeBatch(notices, reprinted=reprinted).generate()
