"""A stacked bar chart drawn with QPainter (QtCharts is not available): one bar per x label,
one coloured segment per series (e.g. jobs per category per day).

RatingChart (rating_chart.py) draws grouped bars of survey averages on a fixed 0–4 scale;
this one stacks counts, so the two stay separate widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

SERIES_COLORS = ("#0B4A9E", "#17643A", "#8A3B00", "#4B2A9E", "#6B6B6B")
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 36.0, 28.0, 28.0


class StackedBarChart(QWidget):
    """``set_data(x_labels, series)``: series = [(name, [value per x label]), …]."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._series: list[tuple[str, list[int]]] = []
        self.setMinimumHeight(220)

    def set_data(self, x_labels: list[str], series: list[tuple[str, list[int]]]) -> None:
        self._labels = list(x_labels)
        self._series = [(name, list(values)) for name, values in series]
        self.update()

    def totals(self) -> list[int]:
        """The height of each bar (what a user reads off the chart)."""
        return [sum(values[i] for _name, values in self._series)
                for i in range(len(self._labels))]

    def sizeHint(self) -> QSize:
        return QSize(720, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        plot = QRectF(MARGIN_LEFT, MARGIN_TOP, self.width() - MARGIN_LEFT - 8,
                      self.height() - MARGIN_TOP - MARGIN_BOTTOM)
        top = max([*self.totals(), 1])
        top = -(-top // 4) * 4  # whole-number gridlines
        self._axes(painter, plot, top)
        self._bars(painter, plot, top)
        self._legend(painter)
        painter.end()

    def _axes(self, painter: QPainter, plot: QRectF, top: int) -> None:
        painter.setPen(QColor("#DDDDDD"))
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{top * step / 4:.0f}")
            painter.setPen(QColor("#DDDDDD"))

    def _bars(self, painter: QPainter, plot: QRectF, top: int) -> None:
        count = len(self._labels)
        if not count:
            return
        slot = plot.width() / count
        width = max(slot * 0.7, 1.0)
        label_every = max(1, int(28 // slot) + 1)
        for i, text in enumerate(self._labels):
            x = plot.left() + slot * i + (slot - width) / 2
            y = plot.bottom()
            for index, (_name, values) in enumerate(self._series):
                height = plot.height() * values[i] / top
                painter.fillRect(QRectF(x, y - height, width, height),
                                 QColor(SERIES_COLORS[index % len(SERIES_COLORS)]))
                y -= height
            if i % label_every == 0:
                painter.setPen(QColor("#333333"))
                painter.drawText(QRectF(x - slot, plot.bottom() + 4, width + 2 * slot, 18),
                                 Qt.AlignmentFlag.AlignHCenter, text)

    def _legend(self, painter: QPainter) -> None:
        x = MARGIN_LEFT
        for index, (name, _values) in enumerate(self._series):
            painter.fillRect(QRectF(x, 8, 12, 12),
                             QColor(SERIES_COLORS[index % len(SERIES_COLORS)]))
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(x + 16, 4, 160, 20), Qt.AlignmentFlag.AlignVCenter, name)
            x += 24 + painter.fontMetrics().horizontalAdvance(name)
