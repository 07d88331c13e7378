"""The print command line run in the test process, and a counter payment to print."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from app.commands import print_cmd
from app.services import billing_service as billing
from app.services import payments_service as payments
from app.services.billing_service import LineInput
from app.services.context import ServiceContext
from tests.helpers.carry_in import walk_in


def run_print(tmp_path: Path, *argv: str) -> int:
    """``service-counter print ARGV…`` on the ``db`` fixture's store; its exit status."""
    parser = argparse.ArgumentParser()
    print_cmd.add_arguments(parser)
    args = parser.parse_args(list(argv))
    args.db = str(tmp_path / "store.sqlite")  # the db fixture's copy
    args.lang = "zh_CN"
    return print_cmd.run(args)


def counter_payment(clerk: ServiceContext) -> str:
    """A walk-in's ￥80.00 check fee paid in cash at the counter: the payment's number."""
    carry = walk_in(clerk)
    bill = billing.make_bill(clerk, carry.call_id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal("80.00"))])
    return payments.collect(clerk, bill.id, amount=Decimal("80.00"), method="cash",
                            place="counter").number
