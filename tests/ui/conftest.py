"""UI tests never block on the real "Discard what you typed?" question: a test that closes a
filled form answers it itself (``dialog.confirm_discard = …``) or closes with ``discard()``."""

from __future__ import annotations

import pytest

from app.ui.dialogs.form_dialog import FormDialog


def _unanswered(self: FormDialog) -> bool:
    raise AssertionError(f"{type(self).__name__} asked to discard typed work and the test "
                         "did not answer (set confirm_discard, or close with discard())")


@pytest.fixture(autouse=True)
def _no_blocking_discard_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FormDialog, "confirm_discard", _unanswered)
