"""The look in one place: the application stylesheet and the bundled icons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"

ACCENT = "#2F5D8A"
ACCENT_DARK = "#244A6E"
ACCENT_LIGHT = "#E3EEF9"
BORDER = "#CFD8DC"
WINDOW_BG = "#F4F6F8"
TEXT = "#263238"
MUTED = "#607D8B"
CHEVRON = (ICON_DIR / "chevron-down.svg").as_posix()

APP_STYLESHEET = f"""
QMainWindow, QDialog {{ background: {WINDOW_BG}; }}
QWidget {{ color: {TEXT}; }}
QLineEdit, QComboBox, QSpinBox, QDateEdit, QDateTimeEdit, QPlainTextEdit, QTextEdit {{
    background: #FFFFFF; border: 1px solid {BORDER}; border-radius: 4px; padding: 5px 8px;
    selection-background-color: {ACCENT};
}}
QComboBox::drop-down, QDateEdit::drop-down, QDateTimeEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 24px; border: none;
}}
QComboBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow {{
    image: url("{CHEVRON}"); width: 12px; height: 12px;
}}
QComboBox QAbstractItemView {{
    background: #FFFFFF; border: 1px solid {BORDER}; selection-background-color: {ACCENT_LIGHT};
    selection-color: {TEXT}; outline: 0;
}}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QTextEdit:focus,
QDateEdit:focus, QDateTimeEdit:focus, QSpinBox:focus {{ border: 1px solid {ACCENT}; }}
QPushButton {{
    background: #FFFFFF; border: 1px solid {BORDER}; border-radius: 4px;
    padding: 6px 18px; min-height: 22px;
}}
QPushButton:hover {{ background: {ACCENT_LIGHT}; }}
QPushButton:default {{ background: {ACCENT}; color: #FFFFFF; border-color: {ACCENT_DARK}; }}
QPushButton:default:hover {{ background: {ACCENT_DARK}; }}
QPushButton:disabled {{ color: #9EA7AD; background: #F0F2F4; }}
QListWidget#sidebar {{
    background: #FFFFFF; border: none; border-right: 1px solid {BORDER};
    padding-top: 8px; outline: 0;
}}
QListWidget#sidebar::item {{
    padding: 10px 12px; margin: 2px 8px; border-radius: 6px;
}}
QListWidget#sidebar::item:selected {{ background: {ACCENT_LIGHT}; color: {ACCENT_DARK}; }}
QListWidget#sidebar::item:hover:!selected {{ background: #F0F4F8; }}
QToolBar#mainToolbar {{
    background: #FFFFFF; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 10px; spacing: 8px;
}}
QLineEdit#globalSearch {{ min-width: 360px; padding: 6px 10px; }}
QStatusBar {{ background: #FFFFFF; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 10px; }}
QHeaderView::section {{
    background: #ECEFF1; border: none; border-right: 1px solid {BORDER};
    border-bottom: 1px solid {BORDER}; padding: 6px 8px; font-weight: bold;
}}
QTableView, QTreeView, QListView {{
    background: #FFFFFF; border: 1px solid {BORDER}; gridline-color: #ECEFF1;
    selection-background-color: {ACCENT_LIGHT}; selection-color: {TEXT};
    alternate-background-color: #FAFBFC;
}}
QGroupBox {{
    border: 1px solid {BORDER}; border-radius: 6px; margin-top: 14px; padding: 10px;
    background: #FFFFFF;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {MUTED}; }}
QLabel#pageTitle {{ font-weight: bold; color: {ACCENT_DARK}; }}
QLabel#dialogTitle {{ font-weight: bold; color: {ACCENT_DARK}; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#formMessage {{
    color: #B00020; background: #FFF5F5; border: 1px solid #F3C1C1; border-radius: 4px;
    padding: 6px 8px;
}}
QMenuBar {{ background: #FFFFFF; }}
QMenu {{ background: #FFFFFF; border: 1px solid {BORDER}; }}
QMenu::item {{ padding: 6px 24px; }}
QMenu::item:selected {{ background: {ACCENT_LIGHT}; color: {TEXT}; }}
"""


def install_stylesheet(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(APP_STYLESHEET)


def icon(name: str) -> QIcon:
    """An icon from resources/icons by file name ("calls.svg") or stem ("calls")."""
    file_name = name if name.endswith(".svg") else f"{name}.svg"
    path = ICON_DIR / file_name
    return QIcon(str(path)) if path.exists() else QIcon()
