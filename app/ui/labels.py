"""Translated labels for the domain's vocabularies (statuses, channels, categories, roles)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP

_LABELS: dict[str, dict[str, str]] = {
    "status": {
        "registered": QT_TRANSLATE_NOOP("Labels", "Registered"),
        "dispatched": QT_TRANSLATE_NOOP("Labels", "Dispatched"),
        "on_site": QT_TRANSLATE_NOOP("Labels", "On site"),
        "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
        "taken_in": QT_TRANSLATE_NOOP("Labels", "Taken in"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "report_status": {
        "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
        "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
        "reviewed": QT_TRANSLATE_NOOP("Labels", "Reviewed"),
        "signed": QT_TRANSLATE_NOOP("Labels", "Signed"),
        "forwarded": QT_TRANSLATE_NOOP("Labels", "Forwarded"),
    },
    "report_step": {
        "submitted": QT_TRANSLATE_NOOP("Labels", "submitted by"),
        "reviewed": QT_TRANSLATE_NOOP("Labels", "reviewed by"),
        "signed": QT_TRANSLATE_NOOP("Labels", "signed by"),
        "forwarded": QT_TRANSLATE_NOOP("Labels", "forwarded by"),
        "reopened": QT_TRANSLATE_NOOP("Labels", "reopened by"),
    },
    "channel": {
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
        "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
        "walk_in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
        "web": QT_TRANSLATE_NOOP("Labels", "Web"),
    },
    "category": {
        "A": QT_TRANSLATE_NOOP("Labels", "A Paid service"),
        "B": QT_TRANSLATE_NOOP("Labels", "B Contract service"),
        "C": QT_TRANSLATE_NOOP("Labels", "C Free (warranty)"),
        "D": QT_TRANSLATE_NOOP("Labels", "D Internal work"),
    },
    "role": {
        "clerk": QT_TRANSLATE_NOOP("Labels", "Counter clerk"),
        "technician": QT_TRANSLATE_NOOP("Labels", "Technician"),
        "supervisor": QT_TRANSLATE_NOOP("Labels", "Service supervisor"),
        "accountant": QT_TRANSLATE_NOOP("Labels", "Accountant"),
        "manager": QT_TRANSLATE_NOOP("Labels", "Manager"),
        "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
    },
    "service_kind": {
        "repair": QT_TRANSLATE_NOOP("Labels", "Repair"),
        "install": QT_TRANSLATE_NOOP("Labels", "Installation"),
        "maintenance": QT_TRANSLATE_NOOP("Labels", "Maintenance"),
        "inspection": QT_TRANSLATE_NOOP("Labels", "Inspection"),
        "consult": QT_TRANSLATE_NOOP("Labels", "Consultation"),
    },
    "urgency": {
        "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
        "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
    },
    "warranty": {
        "in": QT_TRANSLATE_NOOP("Labels", "In warranty"),
        "out": QT_TRANSLATE_NOOP("Labels", "Out of warranty"),
        "unknown": QT_TRANSLATE_NOOP("Labels", "Warranty unknown"),
    },
    "customer_kind": {
        "person": QT_TRANSLATE_NOOP("Labels", "Person"),
        "company": QT_TRANSLATE_NOOP("Labels", "Company"),
    },
    "zone_kind": {
        "city": QT_TRANSLATE_NOOP("Labels", "City"),
        "suburb": QT_TRANSLATE_NOOP("Labels", "Suburb"),
    },
}


def label(vocabulary: str, value: str) -> str:
    """The translated label of ``value`` in ``vocabulary`` (the value itself if unknown)."""
    source = _LABELS.get(vocabulary, {}).get(value)
    return QCoreApplication.translate("Labels", source) if source else value


def choices(vocabulary: str) -> list[tuple[str, str]]:
    """(value, translated label) pairs in their defined order, for combo boxes."""
    return [(value, label(vocabulary, value)) for value in _LABELS.get(vocabulary, {})]


def translate_message(text: str) -> str:
    """Translate a service message marked with N_() (context "")."""
    return QCoreApplication.translate("", text)


def chased_suffix(count: int) -> str:
    """" · 催修 2 次" after a call its customer chased (the book, the dispatch board)."""
    if not count:
        return ""
    return QCoreApplication.translate("Labels", " · chased {count}×").format(count=count)
