"""Voucher actions shared by the dispatch board, "My jobs" and the filing list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.errors import UserError
from app.printing.registry import PrintKind
from app.services import payments_service, visit_service
from app.services.dispatch_service import JobRow
from app.services.visit_service import InternalWorkInput, VisitInput
from app.ui.dialogs.internal_work_dialog import InternalWorkDialog
from app.ui.dialogs.visit_dialog import VisitDialog
from app.ui.errors import user_message
from app.ui.printing_ui import print_document
from app.ui.session import AppSession, Topic

_CTX = "DispatchPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class JobActions:
    """Mixed into a page that has ``_session``, ``message``, ``selected_job()``, ``refresh()``."""

    _session: AppSession
    message: QLabel
    active_dialog: QDialog | None

    def selected_job(self) -> JobRow | None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #B00020;" if error else "color: #17643A;")
        self.message.setText(text)

    def say_error(self, err: UserError) -> None:
        self.say(user_message(err), error=True)

    def _changed(self, topic: Topic = Topic.CALLS) -> None:
        self.refresh()
        self._session.changed(topic)

    # ---- the visit ---------------------------------------------------------------------
    def record_visit(self) -> VisitDialog | None:
        job = self.selected_job()
        if job is None:
            self.say(tr("Select a voucher first."), error=True)
            return None
        ctx = self._session.ctx

        def submit(data: VisitInput) -> None:
            visit = visit_service.record_visit(ctx, job.job_id, data,
                                               expected_version=job.version)
            self._changed()
            self._session.changed(Topic.MONEY)
            self.say(tr("Visit recorded on {number}.").format(number=job.number))
            if visit.payment_id is not None:  # the customer gets a receipt on the spot
                number = payments_service.payment_number(ctx, visit.payment_id)
                print_document(self._session, self._widget(), PrintKind.PAYMENT_RECEIPT, number)

        dialog = VisitDialog(job, ctx.local(ctx.now()), self._widget(), on_submit=submit,
                             session=self._session)
        self._open(dialog)
        return dialog

    def record_arrival(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        ctx = self._session.ctx
        try:
            visit_service.record_arrival(ctx, job.job_id, arrived_at=ctx.now(),
                                         expected_version=job.version)
        except UserError as err:
            self.say_error(err)
            return
        self._changed()
        self.say(tr("Arrival recorded on {number}.").format(number=job.number))

    def close_call(self) -> bool:
        """注销: the clerk closes a call completed on site; the voucher is filed."""
        job = self.selected_job()
        if job is None:
            self.say(tr("Select a voucher first."), error=True)
            return False
        try:
            visit_service.close_call(self._session.ctx, job.call_id,
                                     expected_version=job.call_version)
        except UserError as err:
            self.say_error(err)
            return False
        self._changed()
        self.say(tr("Call {call} closed; voucher {number} filed.").format(
            call=job.call_number, number=job.number))
        return True

    def print_voucher(self) -> None:
        job = self.selected_job()
        if job is not None:
            print_document(self._session, self._widget(), PrintKind.VOUCHER, job.number)

    # ---- internal work -------------------------------------------------------------------
    def log_internal_work(self) -> InternalWorkDialog:
        ctx = self._session.ctx

        def submit(data: InternalWorkInput) -> None:
            visit_service.log_internal_work(ctx, data)
            self._changed(Topic.INTERNAL_WORK)
            self.say(tr("Internal work logged."))

        dialog = InternalWorkDialog(ctx.today(), self._widget(), on_submit=submit)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "active_dialog", None))
        dialog.open()
