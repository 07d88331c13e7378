"""Which paper each document can go on, and which printable kind prints it there.

A counter PC chooses, per document, its paper (the payment receipt on the 80 mm roll or on
A5, the voucher on A5 or A4) and whether it prints in one keystroke without a dialog; the
choice lives in the PC's settings (``app/ui/settings_store.py``), this module only knows
what each choice means. Every paper of a document shares its one print history.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.printing import registry
from app.printing.registry import PrintableKind, PrinterGroup, PrintKind
from app.printing.text import N_P

ROLL, A5, A4 = "roll", "A5", "A4"
PAPER_TITLES = {ROLL: N_P("80 mm roll"), A5: N_P("A5"), A4: N_P("A4")}


@dataclass(frozen=True)
class Paper:
    name: str  # "roll", "A5", "A4"
    kind: PrintKind  # the printable kind that prints the document on it
    suffix: str = ""  # added to the number ("@A4": the voucher's A4 layout)


PAPERS: dict[PrintKind, tuple[Paper, ...]] = {
    PrintKind.VOUCHER: (Paper(A5, PrintKind.VOUCHER), Paper(A4, PrintKind.VOUCHER, "@A4")),
    PrintKind.ITEM_RECEIPT: (Paper(ROLL, PrintKind.ITEM_RECEIPT),
                             Paper(A5, PrintKind.ITEM_RECEIPT_A5)),
    PrintKind.PAYMENT_RECEIPT: (Paper(ROLL, PrintKind.PAYMENT_RECEIPT),
                                Paper(A5, PrintKind.PAYMENT_RECEIPT_A5)),
}
# Printed in one keystroke unless the PC says otherwise: what the counter hands over at once.
SILENT_GROUPS = (PrinterGroup.RECEIPTS, PrinterGroup.TAGS)
NOT_DOCUMENTS = (PrintKind.TEST_PAGE,)


def documents() -> list[PrintableKind]:
    """The documents a PC chooses a printer and paper for (one row per document, not per
    paper: ``payment-receipt-a5`` is the payment receipt on A5)."""
    return [k for k in registry.kinds() if not k.document and k.name not in NOT_DOCUMENTS]


def papers(document: PrintKind) -> tuple[Paper, ...]:
    """The papers ``document`` can go on (empty: one paper only)."""
    return PAPERS.get(document, ())


def on_paper(document: PrintKind, number: str, paper: str) -> tuple[PrintKind, str]:
    """(kind, number) that print document ``number`` on ``paper`` ("" or unknown: the
    document's first paper, i.e. as the kind prints by default)."""
    for choice in papers(document):
        if choice.name == paper:
            return choice.kind, number.partition("@")[0] + choice.suffix
    return document, number


def silent_by_default(document: str) -> bool:
    """Receipts and tags print without a dialog unless the PC chose otherwise."""
    return registry.get_kind(document).group in SILENT_GROUPS
