"""The kinds of record by name (a table's name is never shown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.i18n import QT_TRANSLATE_NOOP

TABLES = {
    "bill_lines": QT_TRANSLATE_NOOP("RecordNames", "Bill lines"),
    "bills": QT_TRANSLATE_NOOP("RecordNames", "Bills"),
    "branches": QT_TRANSLATE_NOOP("RecordNames", "Branches"),
    "branch_days": QT_TRANSLATE_NOOP("RecordNames", "Branch store days"),
    "branch_hours": QT_TRANSLATE_NOOP("RecordNames", "Branch business hours"),
    "branch_prices": QT_TRANSLATE_NOOP("RecordNames", "Branch prices"),
    "branch_settings": QT_TRANSLATE_NOOP("RecordNames", "Branch settings"),
    "branch_stock": QT_TRANSLATE_NOOP("RecordNames", "Branch stock"),
    "business_hours": QT_TRANSLATE_NOOP("RecordNames", "Business hours"),
    "call_chases": QT_TRANSLATE_NOOP("RecordNames", "Chases"),
    "calls": QT_TRANSLATE_NOOP("RecordNames", "Calls"),
    "cash_handovers": QT_TRANSLATE_NOOP("RecordNames", "Cash hand-overs"),
    "complaint_liaisons": QT_TRANSLATE_NOOP("RecordNames", "Complaint liaison notes"),
    "complaint_month_figures": QT_TRANSLATE_NOOP("RecordNames", "Complaint month figures"),
    "complaint_reminders": QT_TRANSLATE_NOOP("RecordNames", "Complaint reminders"),
    "complaints": QT_TRANSLATE_NOOP("RecordNames", "Complaints"),
    "contract_items": QT_TRANSLATE_NOOP("RecordNames", "Contract items"),
    "contract_visits": QT_TRANSLATE_NOOP("RecordNames", "Contract renewal visits"),
    "customer_phones": QT_TRANSLATE_NOOP("RecordNames", "Customer phones"),
    "customers": QT_TRANSLATE_NOOP("RecordNames", "Customers"),
    "daily_report_records": QT_TRANSLATE_NOOP("RecordNames", "Daily report lines"),
    "daily_report_steps": QT_TRANSLATE_NOOP("RecordNames", "Daily report steps"),
    "exchanges": QT_TRANSLATE_NOOP("RecordNames", "Exchanges"),
    "expenses": QT_TRANSLATE_NOOP("RecordNames", "Expenses"),
    "feedback": QT_TRANSLATE_NOOP("RecordNames", "Feedback analyses"),
    "followups": QT_TRANSLATE_NOOP("RecordNames", "Follow-ups"),
    "internal_work": QT_TRANSLATE_NOOP("RecordNames", "Internal work"),
    "invoices": QT_TRANSLATE_NOOP("RecordNames", "Invoices"),
    "item_receipts": QT_TRANSLATE_NOOP("RecordNames", "Item receipts"),
    "item_returns": QT_TRANSLATE_NOOP("RecordNames", "Item returns"),
    "items": QT_TRANSLATE_NOOP("RecordNames", "Items"),
    "job_assignments": QT_TRANSLATE_NOOP("RecordNames", "Job assignments"),
    "jobs": QT_TRANSLATE_NOOP("RecordNames", "Vouchers"),
    "maintenance_contracts": QT_TRANSLATE_NOOP("RecordNames", "Maintenance contracts"),
    "message_consents": QT_TRANSLATE_NOOP("RecordNames", "Message consents"),
    "message_templates": QT_TRANSLATE_NOOP("RecordNames", "Message templates"),
    "monthly_submissions": QT_TRANSLATE_NOOP("RecordNames", "Monthly submissions"),
    "outbox_messages": QT_TRANSLATE_NOOP("RecordNames", "Messages to customers"),
    "parts": QT_TRANSLATE_NOOP("RecordNames", "Parts"),
    "payments": QT_TRANSLATE_NOOP("RecordNames", "Payments"),
    "product_models": QT_TRANSLATE_NOOP("RecordNames", "Product models"),
    "promise_changes": QT_TRANSLATE_NOOP("RecordNames", "Promise changes"),
    "register_entries": QT_TRANSLATE_NOOP("RecordNames", "Register lines"),
    "repair_cards": QT_TRANSLATE_NOOP("RecordNames", "Repair cards"),
    "repair_escalations": QT_TRANSLATE_NOOP("RecordNames", "Requests for help"),
    "repair_inspections": QT_TRANSLATE_NOOP("RecordNames", "Inspections"),
    "repair_part_uses": QT_TRANSLATE_NOOP("RecordNames", "Parts used"),
    "repair_work": QT_TRANSLATE_NOOP("RecordNames", "Repair work"),
    "settings": QT_TRANSLATE_NOOP("RecordNames", "Settings"),
    "stock_movements": QT_TRANSLATE_NOOP("RecordNames", "Stock movements"),
    "store_days": QT_TRANSLATE_NOOP("RecordNames", "Store days"),
    "survey_cards": QT_TRANSLATE_NOOP("RecordNames", "Survey cards"),
    "users": QT_TRANSLATE_NOOP("RecordNames", "Users"),
    "van_stock": QT_TRANSLATE_NOOP("RecordNames", "Van stock"),
    "visits": QT_TRANSLATE_NOOP("RecordNames", "Visits"),
    "zones": QT_TRANSLATE_NOOP("RecordNames", "Zones"),
}


def table_text(table: str) -> str:
    """A kind of record in the user's language (the table name if unknown)."""
    source = TABLES.get(table)
    return QCoreApplication.translate("RecordNames", source) if source else table
