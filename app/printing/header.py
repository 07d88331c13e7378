"""The store header DTO printed on every form (kept free of ReportLab for the services)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoreHeader:
    """What every form prints at its top: the store's name, address and phone."""

    name: str
    address: str = ""
    phone: str = ""
    timezone: str = "Asia/Shanghai"
