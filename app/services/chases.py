"""How often customers chased (催修) their open calls: one count, read by the dispatch board,
the call-log book and the ring panel alike."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.messaging import CallChase


def chase_counts(session: Session, call_ids: list[int]) -> dict[int, int]:
    """call id → number of chases (calls without any are left out)."""
    if not call_ids:
        return {}
    return {cid: int(n) for cid, n in session.execute(
        select(CallChase.call_id, func.count()).where(CallChase.call_id.in_(call_ids))
        .group_by(CallChase.call_id))}
