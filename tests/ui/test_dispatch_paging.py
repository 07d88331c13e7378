"""The dispatch board with more open work than one page: it reads the first page of the queue
and of the technician's vouchers, says the exact counts, and shows the rest as the lists
scroll — in the order of the whole lists."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models.calls import Call
from app.models.customers import Customer
from app.models.staff import User
from app.services import dispatch_service, today_service
from app.services.calls_service import CallInput, register_call
from app.ui.pages.dispatch_page import DispatchPage
from app.ui.session import AppSession
from app.ui.table_models.dispatch_table_models import DispatchQueueModel, JobsModel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen, shown window

PAGE = 4


def _scroll_to_the_end(qtbot, view) -> None:
    """Scroll down as a user does until the list has no more to show."""
    model = view.model()
    for _ in range(50):
        if not model.canFetchMore():
            return
        view.scrollToBottom()
        bar = view.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: True)  # let the view ask for the next page
    raise AssertionError("the list never finished")


@pytest.fixture
def busy(db, login, monkeypatch):
    """11 calls waiting (3 received days ago: overdue), 9 vouchers with 李师傅; lists of PAGE
    rows."""
    monkeypatch.setattr(DispatchQueueModel, "PAGE_SIZE", PAGE)
    monkeypatch.setattr(JobsModel, "PAGE_SIZE", PAGE)
    clerk, supervisor = login("clerk"), login("super")
    with db.read() as session:
        customer = session.scalar(select(Customer.id).order_by(Customer.id))
        tech = session.scalar(select(User.id).where(User.username == "tech"))
    calls = [register_call(clerk, CallInput(
        fault=f"故障{n}", customer_id=customer,
        received_at=clerk.now() - (timedelta(days=5, minutes=n) if n < 3
                                   else timedelta(minutes=200 - n))))
        for n in range(20)]
    for call in calls[11:]:
        dispatch_service.dispatch_call(supervisor, call.id, tech, expected_version=call.version)
    return supervisor, tech


def test_the_board_reads_a_page_counts_all_and_shows_the_rest_on_scroll(qtbot, db, busy,
                                                                        monkeypatch):
    supervisor, tech = busy
    whole_queue = dispatch_service.dispatch_queue(supervisor)
    whole_jobs = dispatch_service.technician_jobs(supervisor, tech)
    with db.read() as session:
        waiting = session.scalar(select(func.count()).select_from(Call)
                                 .where(Call.status == "registered"))
    assert waiting == len(whole_queue) == 11 and len(whole_jobs) == 9
    overdue = sum(row.state == "overdue" for row in whole_queue)
    assert overdue == 3

    # the Today page counts the same overdue and waiting calls as the board (it once read
    # only the oldest 1,000 waiting calls)
    today = {line.key: line.count for line in today_service.today(supervisor)}
    assert today["overdue_calls"] == overdue
    page = DispatchPage(AppSession(db, supervisor))
    page.print_check.setChecked(False)
    qtbot.addWidget(page)
    page.tech_view.selectRow(0)  # 李师傅
    assert page.selected_tech().user_id == tech
    # Opening read one page of each list, not the whole backlog …
    assert len(page.queue_model.all_rows()) == PAGE
    assert len(page.jobs_model.all_rows()) == PAGE
    # … and yet the header counts every call waiting and every overdue one
    assert page.summary.text() == f"{waiting} calls waiting, {overdue} overdue"
    assert page.tech_model.row_at(0).open_jobs == 9

    # Scrolling down shows the rest, in the order of the whole lists (each list showing
    # fewer rows than a page, as the board's do with pages of 100)
    for view in (page.queue_view, page.jobs_view):
        view.setFixedHeight(100)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    for view in (page.queue_view, page.jobs_view):
        _scroll_to_the_end(qtbot, view)
    assert [r.call_id for r in page.queue_model.rows()] == [r.call_id for r in whole_queue]
    assert page.jobs_model.rows() == whole_jobs

    # Dispatching a call from the second page: it leaves the queue and the counts follow
    last = page.queue_model.rowCount() - 1
    gone = page.queue_model.row_at(last)
    page.queue_view.selectRow(last)
    assert page.dispatch_to(0), page.message.text()
    assert gone.call_id not in [r.call_id for r in page.queue_model.rows()]
    assert page.summary.text() == (
        f"{waiting - 1} calls waiting, {overdue - (gone.state == 'overdue')} overdue")
    assert page.selected_job().call_id == gone.call_id  # the new voucher, shown and selected
