"""A bar chart of survey averages per technician, drawn with QPainter (no QtCharts wheel)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

BAR_COLORS = ("#0B4A9E", "#17643A", "#8A3B00", "#4B2A9E")  # attitude, skill, arrival, promise
MAX_LEVEL = 4


class RatingChart(QWidget):
    """Groups of four bars (one per survey item) per technician, scaled 0–4."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, tuple[Decimal | None, ...]]] = []
        self._legend: tuple[str, ...] = ()
        self.setMinimumHeight(220)

    def set_data(self, groups: list[tuple[str, tuple[Decimal | None, ...]]],
                 legend: tuple[str, ...]) -> None:
        self._groups = groups
        self._legend = legend
        self.update()

    @property
    def groups(self) -> list[tuple[str, tuple[Decimal | None, ...]]]:
        return list(self._groups)

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        plot = QRectF(40, 28, max(10, self.width() - 60), max(10, self.height() - 68))
        self._axes(painter, plot)
        if self._groups:
            self._bars(painter, plot)
        self._draw_legend(painter)
        painter.end()

    def _axes(self, painter: QPainter, plot: QRectF) -> None:
        painter.setPen(QColor("#888888"))
        for level in range(MAX_LEVEL + 1):
            y = plot.bottom() - plot.height() * level / MAX_LEVEL
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.drawText(QRectF(0, y - 8, 34, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(level))

    def _bars(self, painter: QPainter, plot: QRectF) -> None:
        group_w = plot.width() / len(self._groups)
        bar_w = group_w * 0.8 / len(BAR_COLORS)
        for g, (name, values) in enumerate(self._groups):
            left = plot.left() + g * group_w + group_w * 0.1
            for i, value in enumerate(values):
                if value is None:
                    continue
                h = plot.height() * float(value) / MAX_LEVEL  # drawing only, not money
                painter.fillRect(QRectF(left + i * bar_w, plot.bottom() - h, bar_w - 2, h),
                                 QColor(BAR_COLORS[i % len(BAR_COLORS)]))
            painter.setPen(QColor("#222222"))
            painter.drawText(QRectF(plot.left() + g * group_w, plot.bottom() + 4, group_w, 18),
                             Qt.AlignmentFlag.AlignHCenter, name)

    def _draw_legend(self, painter: QPainter) -> None:
        x = 40.0
        for i, text in enumerate(self._legend):
            painter.fillRect(QRectF(x, 8, 12, 12), QColor(BAR_COLORS[i % len(BAR_COLORS)]))
            painter.setPen(QColor("#222222"))
            width = painter.fontMetrics().horizontalAdvance(text) + 4
            painter.drawText(QRectF(x + 16, 4, width, 20), Qt.AlignmentFlag.AlignVCenter, text)
            x += 24 + width
