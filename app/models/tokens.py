"""Action tokens: a form's one-time token, saved with what the form recorded.

A save whose commit went unanswered (the link to the server broke) may or may not have been
kept. The form sends the same token again with the retry; finding it here means the first
save was kept, and the retry returns that record instead of recording it twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class ActionToken(Base):
    __tablename__ = "action_tokens"

    token: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
