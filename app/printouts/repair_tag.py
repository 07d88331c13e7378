"""The repair tag: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.repair_tag import render_repair_tag
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.printouts.carry_in_common import copy_counter, copy_recorder, pack_by_number
from app.services.context import ServiceContext


@register(PrintKind.REPAIR_TAG, title=N_P("Repair card"), group=PrinterGroup.TAGS,
          record_output=copy_recorder("repair-tag"), copies=copy_counter("repair-tag"))
def render_repair_tag_kind(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print repair-tag J2611-0001`` (a receipt number finds the tag too)."""
    pack = pack_by_number(ctx, number, "repair-tag")
    return Rendered(render_repair_tag(pack, reprint=reprint),
                    f"repair-tag-{pack.job.card_number}.pdf")
