"""Demo step: catalogue (being written)."""

from __future__ import annotations

from app.demo.core import DemoContext, Step


def run(dc: DemoContext) -> None:
    """Filled in shortly."""


STEP = Step("catalogue", run, weight=1)
