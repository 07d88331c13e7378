"""A line at the top of a page: last month's reports still to hand in, and by when."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.services.submission_service import TITLES, submissions_due
from app.ui.labels import translate_message
from app.ui.session import AppSession


class SubmissionBanner(QLabel):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submissions_due")
        self.setWordWrap(True)
        self._session = session
        self.refresh()

    def refresh(self) -> None:
        due = submissions_due(self._session.ctx)
        lines = []
        for d in due:
            title = translate_message(TITLES[d.kind])
            month = f"{d.year}-{d.month:02d}"
            if d.days_left < 0:
                lines.append(QCoreApplication.translate(
                    "Submissions", "{title} for {month} was due on {due}: {days} days late.")
                    .format(title=title, month=month, due=d.due_on.isoformat(),
                            days=-d.days_left))
            else:
                lines.append(QCoreApplication.translate(
                    "Submissions", "{title} for {month} is due by {due}.")
                    .format(title=title, month=month, due=d.due_on.isoformat()))
        self.setText("  ".join(lines))  # one line: the page keeps its height
        self.setStyleSheet("color: #B00020; font-weight: bold;" if any(
            d.days_left < 0 for d in due) else "color: #8A5A00;")
        self.setVisible(bool(lines))
