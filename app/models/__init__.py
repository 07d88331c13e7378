"""SQLAlchemy models, one module per aggregate; importing this package registers them all."""

from app.models import (
    audit,
    billing,
    branch,
    calls,
    carry_in,
    contracts,
    customers,
    jobs,
    messaging,
    numbering,
    parts,
    reports,
    staff,
    store,
    tokens,
    voice,
)
from app.models.base import Base

__all__ = [
    "Base", "audit", "billing", "branch", "calls", "carry_in", "contracts", "customers", "jobs",
    "messaging", "numbering", "parts", "reports", "staff", "store", "tokens", "voice",
]
