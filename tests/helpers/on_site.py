"""On-site jobs for tests: a call dispatched to the technician, and his visit recorded."""

from __future__ import annotations

from app.models.jobs import VisitOutcome
from app.services import calls_service as calls
from app.services import dispatch_service
from app.services.visit_service import MoneyTaken, VisitInput, record_visit
from tests.helpers.carry_in import user_id, zhang_item


def on_site_job(clerk, supervisor, *, item: str = "out", minutes: int = 90):
    """A call dispatched to the technician (city zone): (call, job)."""
    customer_id, item_id = zhang_item(clerk)  # washing machine, 800 days old: out of warranty
    if item == "in":
        file = calls.customers.get_customer(clerk, customer_id)
        item_id = next(i.id for i in file.items if i.warranty.in_warranty)
    call = calls.register_call(clerk, calls.CallInput(fault="不脱水", customer_id=customer_id,
                                                      item_id=item_id))
    job = dispatch_service.dispatch_call(supervisor, call.id, user_id(clerk, "tech"),
                                         expected_version=call.version)
    return call, job


def visit(tech, job, minutes: int = 90) -> None:
    """Arrive just after dispatch; labour is entered as minutes (the visit ends now)."""
    record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=minutes,
        outcome=VisitOutcome.COMPLETED, work_done="更换排水阀", customer_signed=True),
        expected_version=job.version)


def complete_on_site(tech, job, *, minutes: int = 30, taken: MoneyTaken | None = None):
    """The technician finishes the job on site (signed), optionally taking money."""
    return record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=minutes,
        outcome=VisitOutcome.COMPLETED, work_done="紧固", customer_signed=True, taken=taken),
        expected_version=job.version)
