"""Deadlines in one vocabulary: the time left as the board and the book write it, and the
legend that says what each colour means (the colours are theme.STATUS_COLORS)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.ui.labels import label
from app.ui.theme import STATUS_COLORS


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() under ""


def time_left_text(minutes: int) -> str:
    """``2 h 05 min`` left, or ``overdue 1 h 10 min`` (business time)."""
    h, m = divmod(abs(minutes), 60)
    text = tr("{h} h {m:02d} min").format(h=h, m=m)
    return tr("overdue {time}").format(time=text) if minutes < 0 else text


def legend_entries() -> list[tuple[str, str]]:
    """(colour key, what it means), in the order the legend shows them."""
    deadlines = [("overdue", tr("Past the deadline")), ("due_soon", tr("Due within the hour")),
                 ("ok", tr("Within the deadline"))]
    return deadlines + [(status, label("status", status)) for status in
                        ("registered", "dispatched", "taken_in", "completed")]


def legend(parent: QWidget | None = None) -> QWidget:
    """A row of swatches: each colour with its meaning, and what bold means."""
    widget = QWidget(parent)
    widget.setObjectName("colourLegend")
    row = QHBoxLayout(widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for key, text in legend_entries():
        background, foreground = STATUS_COLORS[key]
        swatch = QLabel(text)
        swatch.setObjectName(f"legend_{key}")
        swatch.setStyleSheet(f"background: {background}; color: {foreground}; "
                             "padding: 1px 6px; border-radius: 3px;")
        row.addWidget(swatch)
    bold = QLabel(tr("<b>Bold no.</b>: urgent"))
    bold.setObjectName("legend_bold")
    row.addWidget(bold)
    row.addStretch(1)
    return widget
