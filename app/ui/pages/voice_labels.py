"""Screen names of the customer-voice vocabularies (complaint kinds, departments, …)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP

_CTX = "VoiceLabels"
_LABELS: dict[str, dict[str, str]] = {
    "kind": {
        "quality": QT_TRANSLATE_NOOP(_CTX, "Product quality"),
        "function": QT_TRANSLATE_NOOP(_CTX, "Product function"),
        "packaging": QT_TRANSLATE_NOOP(_CTX, "Damaged packaging"),
        "attitude": QT_TRANSLATE_NOOP(_CTX, "Staff attitude"),
        "service": QT_TRANSLATE_NOOP(_CTX, "After-sales service"),
        "other": QT_TRANSLATE_NOOP(_CTX, "Other complaint"),
    },
    "department": {
        "quality_inspection": QT_TRANSLATE_NOOP(_CTX, "Quality inspection / manufacturer"),
        "warehouse_delivery": QT_TRANSLATE_NOOP(_CTX, "Warehouse and delivery"),
        "sales": QT_TRANSLATE_NOOP(_CTX, "Sales department"),
        "service": QT_TRANSLATE_NOOP(_CTX, "Service department"),
    },
    "severity": {
        "ordinary": QT_TRANSLATE_NOOP(_CTX, "Ordinary case"),
        "serious": QT_TRANSLATE_NOOP(_CTX, "Serious case"),
    },
    "source": {
        "call": QT_TRANSLATE_NOOP(_CTX, "Phone call"),
        "card": QT_TRANSLATE_NOOP(_CTX, "Survey card"),
        "visit": QT_TRANSLATE_NOOP(_CTX, "Visit"),
        "letter": QT_TRANSLATE_NOOP(_CTX, "Letter"),
        "followup": QT_TRANSLATE_NOOP(_CTX, "Follow-up call"),
    },
    "told": {
        "letter": QT_TRANSLATE_NOOP(_CTX, "In writing"),
        "phone": QT_TRANSLATE_NOOP(_CTX, "By phone"),
    },
    "complaint_status": {
        "open": QT_TRANSLATE_NOOP(_CTX, "Open"),
        "resolved": QT_TRANSLATE_NOOP(_CTX, "Resolved"),
        "closed": QT_TRANSLATE_NOOP(_CTX, "Closed"),
    },
    "contract_status": {
        "active": QT_TRANSLATE_NOOP(_CTX, "Active"),
        "renewed": QT_TRANSLATE_NOOP(_CTX, "Renewed"),
        "lapsed": QT_TRANSLATE_NOOP(_CTX, "Lapsed"),
        "cancelled": QT_TRANSLATE_NOOP(_CTX, "Cancelled"),
    },
    "card_status": {
        "sent": QT_TRANSLATE_NOOP(_CTX, "Sent"),
        "returned": QT_TRANSLATE_NOOP(_CTX, "Returned"),
    },
    "level": {
        "4": QT_TRANSLATE_NOOP(_CTX, "4 Very satisfied"),
        "3": QT_TRANSLATE_NOOP(_CTX, "3 Satisfied"),
        "2": QT_TRANSLATE_NOOP(_CTX, "2 Fair rating"),
        "1": QT_TRANSLATE_NOOP(_CTX, "1 Unsatisfied"),
    },
    "return_way": {
        "paper": QT_TRANSLATE_NOOP(_CTX, "On paper"),
        "phone": QT_TRANSLATE_NOOP(_CTX, "By phone"),
    },
    "item": {
        "attitude": QT_TRANSLATE_NOOP(_CTX, "Attitude"),
        "skill": QT_TRANSLATE_NOOP(_CTX, "Skill"),
        "arrival": QT_TRANSLATE_NOOP(_CTX, "Arrival time"),
        "promise": QT_TRANSLATE_NOOP(_CTX, "Follow-through on promises"),
    },
}


def vlabel(vocabulary: str, value: str) -> str:
    source = _LABELS.get(vocabulary, {}).get(value)
    return QCoreApplication.translate(_CTX, source) if source else value


def vchoices(vocabulary: str) -> list[tuple[str, str]]:
    return [(value, vlabel(vocabulary, value)) for value in _LABELS.get(vocabulary, {})]
