"""SQLAlchemy models, one module per aggregate; importing this package registers them all."""

from app.models import audit, calls, contracts, customers, jobs, numbering, staff, store, voice
from app.models.base import Base

__all__ = [
    "Base", "audit", "calls", "contracts", "customers", "jobs", "numbering", "staff", "store",
    "voice",
]
