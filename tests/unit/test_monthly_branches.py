"""The monthly workbook of a company (issue 17): the service department's has the company's
totals and a sheet per branch; a branch's people get their branch's only; the numbers agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import openpyxl
import pytest

from app.export.monthly_workbook import branch_sheet_name, write_monthly_workbook
from app.services import (
    billing_service,
    calls_service,
    customers_service,
    dispatch_service,
    reference_service,
)
from app.services.money import from_cents
from app.services.monthly_report_service import monthly_report
from tests.helpers.carry_in import user_id
from tests.helpers.on_site import visit
from tests.helpers.service_dept import Company, make_company
from tests.helpers.voice import at

ADDITIVE = ("count", "money")  # averages and rates are not sums of the branches'


@pytest.fixture
def company(db, login) -> Company:
    return make_company(login)


def test_company_totals_are_the_sum_of_the_branch_sheets(company):
    month = company.office.today().replace(day=1)
    report = monthly_report(company.office, month)
    assert [b.code for b in report.branches] == ["01", "02"]
    summed = 0
    for figure in report.figures:
        if figure.kind in ADDITIVE:
            assert figure.value == sum(b.figure(figure.key) for b in report.branches), figure.key
            summed += 1
    assert summed > 20
    # each branch worked one voucher on site today, 60 and 120 minutes of labour
    assert [b.figure("dispatch_times") for b in report.branches] == [1, 1]
    assert report.figure("dispatch_times") == 2
    costs = [b.figure("dispatch_cost") for b in report.branches]
    assert costs[0] > 0 and costs[1] == 2 * costs[0]


def test_each_branch_sheet_is_what_the_branchs_own_people_export(company):
    month = company.office.today().replace(day=1)
    sheets = {b.code: b for b in monthly_report(company.office, month).branches}
    for code, branch_id in zip(("01", "02"), company.branch_ids, strict=True):
        own = monthly_report(company.people[branch_id]["boss"], month)
        assert own.branches == ()  # a branch's workbook is its branch only
        assert own.figures == sheets[code].figures
        assert {d.customer for d in own.details} == {f"客户{int(code)}号"}


def test_a_single_stores_workbook_has_no_branch_sheets(admin):
    assert monthly_report(admin, admin.today().replace(day=1)).branches == ()


def test_the_workbook_has_a_sheet_per_branch_with_its_figures(company, tmp_path):
    report = monthly_report(company.office, company.office.today().replace(day=1))
    path = write_monthly_workbook(report, tmp_path / "month.xlsx")
    book = openpyxl.load_workbook(path)
    names = [branch_sheet_name(b) for b in report.branches]
    assert names == ["01", "02 杭州分公司"]
    assert set(names) <= set(book.sheetnames)
    summary = book.worksheets[0]
    for branch, name in zip(report.branches, names, strict=True):
        sheet = book[name]
        assert branch.name in str(sheet["A1"].value)
        values = [row[1] for row in sheet.iter_rows(min_row=4, max_col=2, values_only=True)]
        counts = [f.value for f in branch.figures]
        assert [v for v, f in zip(values, branch.figures, strict=True) if f.kind == "count"] \
            == [c for c, f in zip(counts, branch.figures, strict=True) if f.kind == "count"]
    row = [f.key for f in report.figures].index("calls") + 4
    assert summary.cell(row=row, column=2).value == report.figure("calls") == sum(
        book[name].cell(row=row, column=2).value for name in names)  # the company's totals


def test_the_companys_costs_are_each_branchs_at_its_own_prices(company):
    """Branch 02 charges twice the company's labour and transport: its sheet values its
    work at its prices, and the company's cost is still the sum of the branch sheets."""
    two = company.branch_ids[1]
    rates = billing_service.get_rates(company.office, two)
    billing_service.set_rates(
        company.office, branch=two,
        labour={k: from_cents(2 * v) for k, v in rates.labour.items()},
        transport={k: from_cents(2 * v) for k, v in rates.transport.items()},
        labour_version=rates.labour_version, transport_version=rates.transport_version)
    report = monthly_report(company.office, company.office.today().replace(day=1))
    one_sheet, two_sheet = report.branches
    # 60 minutes at the company's rate in 01, 120 minutes at twice the rate in 02
    assert two_sheet.figure("dispatch_cost") == 4 * one_sheet.figure("dispatch_cost")
    for key in ("dispatch_cost", "transport_cost", "total_cost"):
        assert report.figure(key) == one_sheet.figure(key) + two_sheet.figure(key), key


def test_the_companys_time_to_arrival_counts_each_branchs_own_hours(company):
    """Branch 02 opens at 07:00 on Tuesdays (the company at 09:00): a call it took at 08:00
    and reached at 09:00 took 60 business minutes in its hours. The company's figure is made
    of the branches' own, not of the company's hours (which count 0 minutes)."""
    two = company.branch_ids[1]
    hours = reference_service.list_business_hours(company.office, two)
    reference_service.update_business_hours(company.office, [
        replace(h, is_open=True, opens_at=time(7)) if h.weekday == 1 else h for h in hours],
        branch=two)
    tuesday = date(2026, 11, 10)
    clerk, boss = company.people[two]["clerk"], company.people[two]["super"]
    customer = customers_service.find_customers(clerk, "客户2号")[0]
    call = calls_service.register_call(at(clerk, tuesday, 8), calls_service.CallInput(
        fault="早上八点的电话", customer_id=customer.id))
    job = dispatch_service.dispatch_call(at(boss, tuesday, 9), call.id,
                                         user_id(clerk, "tech_b2"),
                                         expected_version=call.version)
    visit(at(company.people[two]["tech"], tuesday, 11), job, minutes=30)
    report = monthly_report(company.office, tuesday.replace(day=1))
    by_code = {b.code: b for b in report.branches}
    assert by_code["02"].figure("arrival_hours") == 1.0
    assert report.figure("arrival_hours") == 1.0
