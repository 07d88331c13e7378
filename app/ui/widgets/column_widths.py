"""Column widths of a table remembered between runs (one settings key per table)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView

from app.ui.settings_store import SettingsStore

SAVE_DELAY_MS = 400


class ColumnWidths(QObject):
    """Restores saved widths (else ``defaults``) and saves them shortly after a resize."""

    def __init__(self, key: str, header: QHeaderView, defaults: dict[int, int],
                 store: SettingsStore | None = None) -> None:
        super().__init__(header)
        self.key, self._header = key, header
        self._store = store or SettingsStore()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self._defaults = defaults
        self._restoring = False
        header.sectionResized.connect(self._resized)
        header.sectionCountChanged.connect(lambda *_: self.restore())
        self.restore()

    def _resized(self, *_args: object) -> None:
        if not self._restoring:
            self._timer.start()

    def restore(self) -> None:
        self._restoring = True
        try:
            if not self._store.restore_column_widths(self.key, self._header):
                for column, width in self._defaults.items():
                    if column < self._header.count():
                        self._header.resizeSection(column, width)
        finally:
            self._restoring = False

    def save(self) -> None:
        self._timer.stop()
        self._store.save_column_widths(self.key, self._header)
        self._store.sync()
