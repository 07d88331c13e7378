"""One visual vocabulary: status colours, spacing and fonts used on every screen."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Status → (background, foreground). The same colours on every list, board and badge.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "registered": ("#FFF4CE", "#7A5B00"),  # waiting: amber
    "dispatched": ("#DDEBFF", "#0B4A9E"),  # on its way: blue
    "on_site": ("#E3DDFF", "#4B2A9E"),
    "completed": ("#DDF5E3", "#17643A"),  # done: green
    "taken_in": ("#FFE6D5", "#8A3B00"),  # in the store: orange
    "closed": ("#ECEFF1", "#37474F"),  # filed: grey
    "cancelled": ("#F5F5F5", "#9E9E9E"),
    # Deadlines and warnings, reused by the board and late lists.
    "overdue": ("#FDE0E0", "#B00020"),
    "due_soon": ("#FFF4CE", "#7A5B00"),
    "ok": ("#DDF5E3", "#17643A"),
}

SPACING = 8
BASE_POINT_SIZE = 11  # readable at arm's length across a counter
HEADER_POINT_SIZE = 14


def status_background(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, ("#FFFFFF", "#000000"))[0])


def status_foreground(status: str) -> QColor:
    return QColor(STATUS_COLORS.get(status, ("#FFFFFF", "#000000"))[1])


ERROR_STYLE = "border: 2px solid #B00020; background: #FFF5F5;"
