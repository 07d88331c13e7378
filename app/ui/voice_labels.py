"""Screen names of the customer-voice vocabularies (complaint kinds, departments, …)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP
from app.models.contracts import ContractStatus
from app.models.voice import SurveyCardStatus
from app.services.money import format_money
from app.services.voice_dto import COUNTER

_CTX = "VoiceLabels"
_LABELS: dict[str, dict[str, str]] = {
    "kind": {
        "quality": QT_TRANSLATE_NOOP("VoiceLabels", "Product quality"),
        "function": QT_TRANSLATE_NOOP("VoiceLabels", "Product function"),
        "packaging": QT_TRANSLATE_NOOP("VoiceLabels", "Damaged packaging"),
        "attitude": QT_TRANSLATE_NOOP("VoiceLabels", "Staff attitude"),
        "service": QT_TRANSLATE_NOOP("VoiceLabels", "After-sales service"),
        "other": QT_TRANSLATE_NOOP("VoiceLabels", "Other complaint"),
    },
    "department": {
        "quality_inspection": QT_TRANSLATE_NOOP("VoiceLabels", "Quality inspection / manufacturer"),
        "warehouse_delivery": QT_TRANSLATE_NOOP("VoiceLabels", "Warehouse and delivery"),
        "sales": QT_TRANSLATE_NOOP("VoiceLabels", "Sales department"),
        "service": QT_TRANSLATE_NOOP("VoiceLabels", "Service department"),
    },
    "severity": {
        "ordinary": QT_TRANSLATE_NOOP("VoiceLabels", "Ordinary case"),
        "serious": QT_TRANSLATE_NOOP("VoiceLabels", "Serious case"),
    },
    "source": {
        "call": QT_TRANSLATE_NOOP("VoiceLabels", "Phone call"),
        "card": QT_TRANSLATE_NOOP("VoiceLabels", "Survey card"),
        "visit": QT_TRANSLATE_NOOP("VoiceLabels", "Customer visit"),
        "letter": QT_TRANSLATE_NOOP("VoiceLabels", "Letter"),
        "followup": QT_TRANSLATE_NOOP("VoiceLabels", "Follow-up call"),
    },
    "told": {
        "letter": QT_TRANSLATE_NOOP("VoiceLabels", "In writing"),
        "phone": QT_TRANSLATE_NOOP("VoiceLabels", "By phone"),
    },
    "complaint_status": {
        "open": QT_TRANSLATE_NOOP("VoiceLabels", "Open complaint"),
        "resolved": QT_TRANSLATE_NOOP("VoiceLabels", "Resolved complaint"),
        "closed": QT_TRANSLATE_NOOP("VoiceLabels", "Closed complaint"),
    },
    "contract_status": {
        ContractStatus.ACTIVE: QT_TRANSLATE_NOOP("VoiceLabels", "Active contract"),
        ContractStatus.RENEWED: QT_TRANSLATE_NOOP("VoiceLabels", "Renewed contract"),
        ContractStatus.LAPSED: QT_TRANSLATE_NOOP("VoiceLabels", "Lapsed contract"),
        ContractStatus.CANCELLED: QT_TRANSLATE_NOOP("VoiceLabels", "Cancelled contract"),
    },
    "renewal_outcome": {
        "renewed": QT_TRANSLATE_NOOP("VoiceLabels", "Customer renews"),
        "declined": QT_TRANSLATE_NOOP("VoiceLabels", "Customer declines"),
        "undecided": QT_TRANSLATE_NOOP("VoiceLabels", "Customer still deciding"),
    },
    "card_status": {
        SurveyCardStatus.SENT: QT_TRANSLATE_NOOP("VoiceLabels", "Card sent"),
        SurveyCardStatus.RETURNED: QT_TRANSLATE_NOOP("VoiceLabels", "Card returned"),
    },
    "level": {
        "4": QT_TRANSLATE_NOOP("VoiceLabels", "4 Very satisfied"),
        "3": QT_TRANSLATE_NOOP("VoiceLabels", "3 Satisfied"),
        "2": QT_TRANSLATE_NOOP("VoiceLabels", "2 Fair rating"),
        "1": QT_TRANSLATE_NOOP("VoiceLabels", "1 Unsatisfied"),
    },
    "return_way": {
        "paper": QT_TRANSLATE_NOOP("VoiceLabels", "On paper"),
        "phone": QT_TRANSLATE_NOOP("VoiceLabels", "By phone"),
    },
    "item": {
        "attitude": QT_TRANSLATE_NOOP("VoiceLabels", "Attitude"),
        "skill": QT_TRANSLATE_NOOP("VoiceLabels", "Skill"),
        "arrival": QT_TRANSLATE_NOOP("VoiceLabels", "Arrival time"),
        "promise": QT_TRANSLATE_NOOP("VoiceLabels", "Follow-through on promises"),
    },
}


def vlabel(vocabulary: str, value: str) -> str:
    source = _LABELS.get(vocabulary, {}).get(value)
    return QCoreApplication.translate(_CTX, source) if source else value


def vchoices(vocabulary: str) -> list[tuple[str, str]]:
    return [(value, vlabel(vocabulary, value)) for value in _LABELS.get(vocabulary, {})]


# ---- the registers' own codes (app/ui/pages/voice_registers_page.py, the Excel export) ----
EXTRA_CODES = {
    "feedback_source": {"card": QT_TRANSLATE_NOOP("Registers", "Survey card"),
                        "complaint": QT_TRANSLATE_NOOP("Registers", "Complaint"),
                        "followup": QT_TRANSLATE_NOOP("Registers", "Follow-up call"),
                        "other": QT_TRANSLATE_NOOP("Registers", "Noted by hand")},
    "yes_no": {"yes": QT_TRANSLATE_NOOP("Registers", "yes"),
               "no": QT_TRANSLATE_NOOP("Registers", "no")},
    "served_by": {COUNTER: QT_TRANSLATE_NOOP("Registers", "Service counter")},
    "expense_kind": {"travel": QT_TRANSLATE_NOOP("Registers", "Travel"),
                     "transport": QT_TRANSLATE_NOOP("Registers", "Transport"),
                     "shipping": QT_TRANSLATE_NOOP("Registers", "Shipping"),
                     "other": QT_TRANSLATE_NOOP("Registers", "Other expense")},
}


def registers_tr(text: str) -> str:
    return QCoreApplication.translate("Registers", text)


def screen_label(vocab: str, code: Any) -> Any:
    """A code as the screen (and the exported workbook) names it."""
    if vocab == "money":
        return format_money(int(code))
    extra = EXTRA_CODES.get(vocab)
    if extra is not None:
        return registers_tr(extra[code]) if code in extra else code
    return vlabel(vocab, code) if code else ""
