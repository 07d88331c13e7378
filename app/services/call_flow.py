"""A call's status flow: dispatched → on site → completed / taken in → closed."""

from __future__ import annotations

from datetime import datetime

from app.errors import ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.enums import CallStatus

_MOVES_FROM: dict[CallStatus, frozenset[CallStatus]] = {
    CallStatus.DISPATCHED: frozenset({CallStatus.REGISTERED, CallStatus.DISPATCHED}),
    CallStatus.ON_SITE: frozenset({CallStatus.DISPATCHED, CallStatus.ON_SITE}),
    CallStatus.COMPLETED: frozenset({CallStatus.DISPATCHED, CallStatus.ON_SITE}),
    CallStatus.TAKEN_IN: frozenset({CallStatus.REGISTERED, CallStatus.DISPATCHED,
                                    CallStatus.ON_SITE}),
    CallStatus.CLOSED: frozenset({CallStatus.COMPLETED, CallStatus.TAKEN_IN}),
}


def move_call(call: Call, to: CallStatus, *, at: datetime | None = None) -> None:
    """Move a call along its flow (dispatched → on site → completed / taken in → closed).

    Called inside the caller's transaction; refuses a move the flow does not allow.
    ``at`` is the closing time when ``to`` is CLOSED.
    """
    if CallStatus(call.status) not in _MOVES_FROM.get(to, frozenset()):
        raise ValidationError(N_("This call cannot go from {old} to {new}."), field="status",
                              old=call.status, new=to.value)
    call.status = to.value
    if to is CallStatus.CLOSED:
        call.closed_at = at
