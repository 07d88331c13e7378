"""SQLAlchemy models, one module per aggregate; importing this package registers them all."""

from app.models import audit, calls, customers, numbering, staff, store
from app.models import contracts, voice
from app.models.base import Base

__all__ = ["Base", "audit", "calls", "customers", "numbering", "staff", "store", "contracts", "voice"]
