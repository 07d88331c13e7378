"""Keeps a status cell's colour (theme.STATUS_COLORS) visible when its row is selected."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class StatusDelegate(QStyledItemDelegate):
    """Paints the cell's BackgroundRole colour even on a selected row, lined in the accent."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if not selected or background is None:
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        rect = option.rect
        super().paint(painter, plain, index)  # the style paints BackgroundRole when unselected
        painter.save()
        painter.setPen(QPen(option.palette.highlight().color(), 2))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topLeft(), rect.topRight())
        painter.restore()
