"""Each branch's own reference data (issue 17): its hours, calendar and zones give its
deadlines, its letterhead heads its printed forms, its prices are on its bills, its stock is
its own; a branch changes only its own values; and a single store upgraded to branches keeps
every value it had. Runs on SQLite and on PostgreSQL (SC_TEST_PG_URL)."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command

from app.bootstrap import open_database
from app.db.engine import create_app_engine
from app.db.migrate import alembic_config
from app.errors import NotFound, PermissionDenied, ValidationError
from app.models.enums import Role, ZoneKind
from app.models.jobs import VisitOutcome
from app.printing.registry import render
from app.services import (
    billing_service,
    branch_service,
    calls_service,
    carry_in_service,
    customers_service,
    dispatch_service,
    parts_service,
    reference_service,
)
from app.services import calendar_service as cal_svc
from app.services.auth_service import create_user
from app.services.carry_in_service import TakeInInput
from app.services.context import ServiceContext
from app.services.parts_service import PartInput
from app.services.visit_service import VisitInput, record_visit
from tests.helpers import pdf
from tests.helpers.carry_in import model_id, user_id
from tests.helpers.seed import SEED_PASSWORD

ROLES = {"clerk": Role.CLERK, "super": Role.SUPERVISOR, "tech": Role.TECHNICIAN,
         "boss": Role.ADMIN}
SECOND_HEAD = "杭州分公司维修部"


@dataclass
class Company:
    office: ServiceContext  # the service department
    one: dict[str, ServiceContext]
    two: dict[str, ServiceContext]
    second: int  # branch 2's id


@pytest.fixture
def company(db, login) -> Company:
    office = login("admin")
    second = branch_service.create_branch(office, code="02", name="杭州分公司").id
    for branch_id, n in ((1, 1), (second, 2)):
        for role, kind in ROLES.items():
            create_user(office, username=f"{role}_b{n}", display_name=f"{role}{n}",
                        role=kind, password=SEED_PASSWORD, branch_id=branch_id)
    return Company(office, {r: login(f"{r}_b1") for r in ROLES},
                   {r: login(f"{r}_b2") for r in ROLES}, second)


def _last_plain_friday(today: date) -> date:
    """A Friday at least a week back whose Friday to Monday are plain days (no holiday,
    no 调休), so only the store's own hours decide."""
    day = today - timedelta(days=7)
    while day.weekday() != 4 or any(cal_svc.official_day(day + timedelta(days=n)) is not None
                                    for n in range(4)):
        day -= timedelta(days=1)
    return day


def _at(ctx: ServiceContext, moment: datetime) -> ServiceContext:
    return replace(ctx, clock=lambda: moment)


def _call_in_zone(clerk: ServiceContext, zone_id: int, name: str, phone: str) -> int:
    customer = customers_service.create_customer(clerk, customers_service.CustomerInput(
        name, (phone,), "人民路 8 号", zone_id=zone_id))
    return calls_service.register_call(clerk, calls_service.CallInput(
        fault="不制冷", customer_id=customer.id)).id


def test_branch_2s_own_hours_and_zones_give_its_deadlines_and_branch_1s_stay(company):
    one, two = company.one, company.two
    # branch 2 opens on Saturdays and holds its suburb to 4 business hours
    week = reference_service.list_business_hours(two["boss"])
    saturday = replace(week[5], is_open=True, opens_at=time(9), closes_at=time(17))
    reference_service.update_business_hours(two["boss"], [saturday])
    zones_one = reference_service.list_zones(one["boss"])
    zones_two = reference_service.list_zones(two["boss"])  # its own, the company's to start
    assert [(z.name, z.dispatch_hours) for z in zones_two] == [
        (z.name, z.dispatch_hours) for z in zones_one]
    assert not {z.id for z in zones_two} & {z.id for z in zones_one}
    suburb_one = next(z for z in zones_one if z.name == "郊区")
    suburb_two = next(z for z in zones_two if z.name == "郊区")
    fast = reference_service.update_zone(two["boss"], suburb_two.id, reference_service.ZoneInput(
        "郊区", ZoneKind.SUBURB, dispatch_hours=4), expected_version=suburb_two.version)
    with pytest.raises(NotFound):  # branch 1's zones are not branch 2's to change
        reference_service.update_zone(two["boss"], suburb_one.id, reference_service.ZoneInput(
            "郊区", ZoneKind.SUBURB, dispatch_hours=4), expected_version=suburb_one.version)
    assert reference_service.list_zones(one["boss"]) == zones_one
    friday = _last_plain_friday(one["clerk"].today())
    at_five = datetime.combine(friday, time(17), tzinfo=one["clerk"].tz)  # an hour to close
    call_one = _call_in_zone(_at(one["clerk"], at_five), suburb_one.id, "沈一", "13700000011")
    call_two = _call_in_zone(_at(two["clerk"], at_five), fast.id, "钱二", "13700000012")
    # 1 h on Friday and 3 on Saturday morning; branch 1 is closed at the weekend: Monday
    saturday_noon = datetime.combine(friday + timedelta(days=1), time(12), tzinfo=at_five.tzinfo)
    due_two = dispatch_service.call_deadlines(two["super"], [call_two])[call_two].deadline_at
    assert due_two == saturday_noon
    due_one = dispatch_service.call_deadlines(one["super"], [call_one])[call_one].deadline_at
    monday = friday + timedelta(days=3)
    assert due_one.astimezone(at_five.tzinfo).date() > monday - timedelta(days=1)
    assert due_one == cal_svc.dispatch_deadline(cal_svc.calendar_for(one["super"]), at_five,
                                                suburb_one.dispatch_hours)
    # the service department sees each call by its own branch's calendar, in one reading
    both = dispatch_service.call_deadlines(company.office, [call_one, call_two])
    assert (both[call_one].deadline_at, both[call_two].deadline_at) == (due_one, due_two)
    board = {row.call_id: row.deadline_at for row in dispatch_service.dispatch_queue(
        company.office)}
    assert (board[call_one], board[call_two]) == (due_one, due_two)
    # dispatching keeps that deadline on the voucher
    job = dispatch_service.dispatch_call(two["super"], call_two,
                                         user_id(two["clerk"], "tech_b2"),
                                         expected_version=1)
    assert job.deadline_at == saturday_noon


def test_a_branch_closed_day_moves_only_its_own_deadlines(company):
    one, two = company.one, company.two
    friday = _last_plain_friday(one["clerk"].today())
    monday = friday + timedelta(days=3)
    cal_svc.set_store_day(two["boss"], monday, is_open=False, note="盘点")
    assert cal_svc.calendar_for(two["clerk"]).is_working_day(monday) is False
    assert cal_svc.calendar_for(one["clerk"]).is_working_day(monday) is True
    assert [d.day for d in cal_svc.list_store_days(one["boss"], monday.year)] == []


def test_a_branch_follows_the_companys_hours_where_it_did_not_change_them(company):
    one, two = company.one, company.two
    week = reference_service.list_business_hours(two["boss"])
    week[5] = replace(week[5], is_open=True, opens_at=time(9), closes_at=time(17))
    reference_service.update_business_hours(two["boss"], week)  # the tab saves all seven
    company_week = reference_service.list_business_hours(company.office)
    reference_service.update_business_hours(company.office, [replace(
        company_week[0], opens_at=time(10))])  # the company opens later on Mondays
    mine = reference_service.list_business_hours(two["clerk"])
    assert (mine[0].opens_at, mine[5].is_open) == (time(10), True)
    theirs = reference_service.list_business_hours(one["clerk"])
    assert (theirs[0].opens_at, theirs[5].is_open) == (time(10), False)


def _paid_visit(side: dict[str, ServiceContext], tech: str, phone: str) -> int:
    clerk = side["clerk"]
    customer = customers_service.create_customer(clerk, customers_service.CustomerInput(
        "付费客户", (phone,), "中山路 1 号"))
    call = calls_service.register_call(clerk, calls_service.CallInput(
        fault="不脱水", customer_id=customer.id))
    job = dispatch_service.dispatch_call(side["super"], call.id, user_id(clerk, tech),
                                         expected_version=call.version)
    record_visit(side["tech"], job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=side["tech"].now(), labour_minutes=60,
        outcome=VisitOutcome.COMPLETED, work_done="更换皮带", customer_signed=True),
        expected_version=job.version)
    return call.id


def test_branch_2s_prices_are_on_its_bills_and_branch_1_keeps_the_companys(company):
    one, two = company.one, company.two
    rates = billing_service.get_rates(two["boss"])
    billing_service.set_rates(
        two["boss"], labour={k: Decimal(v) / 100 for k, v in rates.labour.items()},
        transport={**{k: Decimal(v) / 100 for k, v in rates.transport.items()},
                   "city": Decimal("35.00")},
        labour_version=rates.labour_version, transport_version=rates.transport_version)
    bill_two = billing_service.make_bill(two["clerk"], _paid_visit(two, "tech_b2",
                                                                   "13700000021"))
    bill_one = billing_service.make_bill(one["clerk"], _paid_visit(one, "tech_b1",
                                                                   "13700000022"))
    transport = {b.call_number: next(ln.amount_cents for ln in b.lines
                                     if ln.kind == "transport") for b in (bill_one, bill_two)}
    assert transport == {bill_one.call_number: 2000, bill_two.call_number: 3500}
    assert billing_service.get_rates(company.office).transport["city"] == 2000
    # the catalogue's list price: branch 2's own, the company's elsewhere
    model = reference_service.get_product_model(two["boss"], model_id(two["clerk"]))
    reference_service.update_product_model(
        two["boss"], model.id, reference_service.ProductModelInput(
            model.code, model.name, model.category, model.brand, model.warranty_months,
            Decimal("1999.00"), model.active), expected_version=model.version)
    assert reference_service.get_product_model(two["clerk"], model.id).price == Decimal(
        "1999.00")
    assert reference_service.get_product_model(one["clerk"], model.id).price == model.price


def test_branch_2s_letterhead_heads_its_voucher_and_branch_1s_is_the_companys(company):
    one, two = company.one, company.two
    profile = reference_service.get_store_profile(two["boss"])
    reference_service.update_store_profile(
        two["boss"], replace(profile, name=SECOND_HEAD, phone="0571-88886666"),
        expected_version=profile.version)
    numbers = {}
    for n, side in ((1, one), (2, two)):
        customer = customers_service.create_customer(side["clerk"],
                                                     customers_service.CustomerInput(
                                                         f"客户{n}", (f"1370000003{n}",)))
        call = calls_service.register_call(side["clerk"], calls_service.CallInput(
            fault="异响", customer_id=customer.id))
        numbers[n] = dispatch_service.dispatch_call(
            side["super"], call.id, user_id(side["clerk"], f"tech_b{n}"),
            expected_version=call.version).number
    two_pdf = pdf.flat_text(render(two["clerk"], "voucher", numbers[2], reprint=False).pdf)
    one_pdf = pdf.flat_text(render(one["clerk"], "voucher", numbers[1], reprint=False).pdf)
    assert SECOND_HEAD in two_pdf and "0571-88886666" in two_pdf
    assert SECOND_HEAD not in one_pdf
    assert profile.name in one_pdf
    # the service department prints branch 2's voucher under branch 2's letterhead
    office_pdf = pdf.flat_text(render(company.office, "voucher", numbers[2],
                                      reprint=True).pdf)
    assert SECOND_HEAD in office_pdf
    # and its customer item receipt, with the branch's own terms
    terms = reference_service.get_receipt_terms(two["boss"])
    reference_service.update_receipt_terms(two["boss"], "二号店：保管期九十天",
                                           expected_version=terms.version)
    clerk = two["clerk"]
    taken = carry_in_service.take_in(clerk, TakeInInput(
        technician_id=user_id(clerk, "tech_b2"), promised_date=clerk.today() + timedelta(days=5),
        accessories=(), accessories_note="", condition="外壳完好",
        walk_in=calls_service.CallInput(
            fault="不脱水", new_customer=customers_service.CustomerInput(
                "送修客户", ("13700000041",), "市区路 1 号"),
            new_item=customers_service.ItemInput(model_id(clerk), "SN-B2"))))
    receipt = pdf.flat_text(render(company.office, "item-receipt-a5", taken.receipt_number,
                                   reprint=False).pdf)
    assert SECOND_HEAD in receipt and "保管期九十天" in receipt


def test_stock_received_in_branch_2_is_not_on_hand_in_branch_1(company):
    one, two = company.one, company.two
    part = parts_service.create_part(company.office, PartInput("P-BELT-9", "皮带", "条", 1200, 2))
    received = parts_service.receive_goods(two["boss"], part.id, 7, note="杭州入库")
    assert received.stock_on_hand == 7
    assert parts_service.get_part(one["boss"], part.id).stock_on_hand == 0
    assert [p.stock_on_hand for p in parts_service.list_parts(one["boss"], search="P-BELT")
            ] == [0]
    assert [p.number for p in parts_service.low_stock(one["boss"])] == ["P-BELT-9"]
    assert parts_service.get_part(company.office, part.id).stock_on_hand == 7  # the company's
    with pytest.raises(ValidationError):  # branch 1 cannot give out branch 2's belts
        parts_service.transfer(one["boss"], part.id, 1, technician_id=user_id(
            one["clerk"], "tech_b1"), to_van=True)
    # the service department moves three belts from branch 2's store to branch 1's
    moved = parts_service.transfer_between_branches(company.office, part.id, 3,
                                                    source=company.second, target=1)
    assert moved.stock_on_hand == 7  # the company's total does not change
    assert [parts_service.get_part(side["boss"], part.id).stock_on_hand
            for side in (one, two)] == [3, 4]
    with pytest.raises(ValidationError):  # branch 2 holds 4
        parts_service.transfer_between_branches(company.office, part.id, 5,
                                                source=company.second, target=1)
    with pytest.raises(PermissionDenied):  # a branch does not take another's stock
        parts_service.transfer_between_branches(one["boss"], part.id, 1,
                                                source=company.second, target=1)
    assert parts_service.verify_stock(company.office) == []


def test_a_branch_cannot_change_another_branchs_or_the_companys_values(company):
    two = company.two["boss"]
    profile = reference_service.get_store_profile(two)
    with pytest.raises(PermissionDenied):
        reference_service.create_product_model(two, reference_service.ProductModelInput(
            "NEW-1", "新型号"))
    model = reference_service.get_product_model(two, model_id(two))
    with pytest.raises(PermissionDenied):  # the catalogue entry itself is the company's
        reference_service.update_product_model(two, model.id, reference_service.ProductModelInput(
            model.code, "改名", model.category, model.brand, model.warranty_months,
            model.price, model.active), expected_version=model.version)
    for target in (None, 1):  # the company's, branch 1's
        with pytest.raises(PermissionDenied):
            reference_service.update_store_profile(two, replace(profile, name="篡改"),
                                                   expected_version=0, branch=target)
        with pytest.raises(PermissionDenied):
            reference_service.update_business_hours(
                two, reference_service.list_business_hours(two)[:1], branch=target)
        with pytest.raises(PermissionDenied):
            cal_svc.set_store_day(two, date(2026, 10, 10), is_open=False, branch=target)
        with pytest.raises(PermissionDenied):
            reference_service.create_zone(two, reference_service.ZoneInput(
                "新区", ZoneKind.CITY), branch=target)
    assert reference_service.get_store_profile(company.office).name == profile.name
    # the service department edits a branch's own values
    reference_service.update_store_profile(company.office, replace(profile, name=SECOND_HEAD),
                                           expected_version=0, branch=company.second)
    assert reference_service.get_store_profile(two).name == SECOND_HEAD
    assert reference_service.get_store_profile(company.one["clerk"]).name == profile.name


# ---- the migration keeps a single store's values --------------------------------------------

OLD = Path(__file__).parents[1] / "resources" / "store_v0_1.sqlite"


def test_a_store_upgraded_to_0019_keeps_its_values_and_branches_get_their_own_zones(
        tmp_path, monkeypatch, sqlite_only):
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    path = tmp_path / "old.sqlite"
    shutil.copy(OLD, path)
    engine = create_app_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # as the app's upgrade: outside a transaction
        with conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0018")
        raw.execute("PRAGMA foreign_keys=ON")
    engine.dispose()
    with sqlite3.connect(path) as old:
        old.execute("INSERT INTO branches (id, code, name, kind, active, version, created_at, "
                    "updated_at) VALUES (2, '02', '杭州', 'branch', 1, 1, '2026-12-01', "
                    "'2026-12-01')")
        suburb = old.execute("SELECT id FROM zones WHERE name = '郊区'").fetchone()[0]
        customer = old.execute("SELECT id FROM customers ORDER BY id").fetchone()[0]
        old.execute("UPDATE customers SET branch_id = 2, zone_id = ? WHERE id = ?",
                    (suburb, customer))
        old.execute("UPDATE calls SET branch_id = 2, zone_id = ? WHERE customer_id = ?",
                    (suburb, customer))
        part = old.execute("SELECT id FROM parts ORDER BY id").fetchone()
        if part is None:
            old.execute("INSERT INTO parts (number, name, unit, unit_price_cents, "
                        "stock_on_hand, reorder_level, active, version, created_at, "
                        "updated_at) VALUES ('P-1', '皮带', '条', 100, 0, 0, 1, 1, "
                        "'2026-12-01', '2026-12-01')")
            part = old.execute("SELECT id FROM parts ORDER BY id").fetchone()
        for branch, qty in ((1, 5), (2, 3)):
            old.execute("INSERT INTO stock_movements (part_id, at, kind, quantity, "
                        "balance_after, unit_price_cents, reason, overridden, branch_id) "
                        "VALUES (?, '2026-12-01', 'received', ?, 0, 100, '', 0, ?)",
                        (part[0], qty, branch))
        old.execute("UPDATE parts SET stock_on_hand = stock_on_hand + 8 WHERE id = ?", part)
        before = {t: old.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                  for t in ("settings", "business_hours", "store_days", "zones")}
        on_hand = old.execute("SELECT stock_on_hand FROM parts WHERE id = ?", part).fetchone()[0]
    old.close()
    db = open_database(str(path))
    db.dispose()
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone()[0] >= "0019"
        for table in ("settings", "business_hours", "store_days"):
            assert new.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() == before[table]
        zones = new.execute("SELECT id, name, kind, dispatch_hours, active, version, "
                            "created_at, updated_at FROM zones WHERE branch_id = 1 ORDER BY id"
                            ).fetchall()
        assert zones == [row[:8] for row in before["zones"]]
        copy = new.execute("SELECT id FROM zones WHERE branch_id = 2 AND name = '郊区'"
                           ).fetchone()[0]
        assert {r[0] for r in new.execute("SELECT zone_id FROM calls WHERE branch_id = 2")} \
            <= {copy}
        assert new.execute("SELECT zone_id FROM customers WHERE id = ?",
                           (customer,)).fetchone()[0] == copy
        stock = dict(new.execute("SELECT branch_id, quantity FROM branch_stock "
                                 "WHERE part_id = ?", part).fetchall())
        assert stock == {1: on_hand - 3, 2: 3}
        assert new.execute("PRAGMA foreign_key_check").fetchall() == []
        for empty in ("branch_settings", "branch_hours", "branch_days", "branch_prices"):
            assert new.execute(f"SELECT count(*) FROM {empty}").fetchone()[0] == 0
    new.close()
