"""Calls for tests of the call-log book and its exports."""

from __future__ import annotations

from app.models.enums import Channel
from app.services import calls_service as calls
from tests.helpers.voice import zhang


def three_calls(clerk) -> None:
    """Three calls from 张伟: 漏水 and 漏水严重 by phone, 不制冷 at the counter."""
    customer_id = zhang(clerk)[0]
    calls.register_call(clerk, calls.CallInput(fault="漏水", customer_id=customer_id))
    calls.register_call(clerk, calls.CallInput(fault="不制冷", customer_id=customer_id,
                                               channel=Channel.WALK_IN))
    calls.register_call(clerk, calls.CallInput(fault="漏水严重", customer_id=customer_id))
