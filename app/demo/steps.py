"""The demo steps, in the order they run: append yours (one import + one entry).

Contract: see ``app.demo.core`` (each module defines ``STEP = Step(name, run, weight)``).
"""

from __future__ import annotations

from app.demo import (
    calls,
    carry_in_step,
    catalogue,
    chain_step,
    customers,
    dispatch_step,
    money_step,
    on_site_step,
    staff,
    store,
    voice_step,
)
from app.demo.core import Step

STEPS: list[Step] = [
    staff.STEP,
    store.STEP,
    catalogue.STEP,
    customers.STEP,
    calls.STEP,
    dispatch_step.STEP,
    carry_in_step.STEP,
    on_site_step.STEP,
    money_step.STEP,
    voice_step.STEP,
    chain_step.STEP,
]
