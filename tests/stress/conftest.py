"""Everything under tests/stress is a long test with real processes: marked ``slow``.

The suite runs them by default (CI too); ``-m "not slow"`` leaves them out for a quick run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.slow)
