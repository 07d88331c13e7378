"""Printed names of complaint kinds, departments, severities and ways of telling."""

from __future__ import annotations

from app.printing.text import N_P, pt

KINDS = {
    "quality": N_P("Product quality"),
    "function": N_P("Product function"),
    "packaging": N_P("Damaged packaging"),
    "attitude": N_P("Staff attitude"),
    "service": N_P("After-sales service"),
    "other": N_P("Other complaint"),
}
DEPARTMENTS = {
    "quality_inspection": N_P("Quality inspection / manufacturer"),
    "warehouse_delivery": N_P("Warehouse and delivery"),
    "sales": N_P("Sales department"),
    "service": N_P("Service department"),
}
SEVERITIES = {"ordinary": N_P("Ordinary case"), "serious": N_P("Serious case")}
TOLD = {"letter": N_P("In writing"), "phone": N_P("By phone")}


def kind_text(kind: str) -> str:
    return pt(KINDS.get(kind, kind))


def department_text(department: str) -> str:
    return pt(DEPARTMENTS.get(department, department))


def severity_text(severity: str) -> str:
    return pt(SEVERITIES.get(severity, severity))


def told_text(told_via: str) -> str:
    return pt(TOLD.get(told_via, told_via))
