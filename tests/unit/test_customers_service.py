"""The customer file (客户资料袋) through the services: find, duplicates, bad input, warranty."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models.customers import Customer, Item
from app.services import customers_service as customers
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, DuplicatePhone, ItemInput
from app.services.warranty import WarrantyState, warranty_status


def _names(found):
    return [c.name for c in found]


def _model(ctx: ServiceContext, code: str) -> int:
    return next(m.id for m in customers.list_product_models(ctx) if m.code == code)


def _count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(("query", "expected"), [
    ("5678", ["张伟"]),  # any part of a mobile
    ("138 1234", ["张伟"]),  # typed with a space
    ("8765", ["李娜"]),  # part of a landline
    ("0571-8765", ["李娜"]),
    ("张", ["张伟"]),  # one Chinese character of a name
    ("李娜", ["李娜"]),
    ("GR2024001", ["张伟"]),  # serial number
    ("HE55501", ["李娜"]),
    ("王", []),
    ("", []),
])
def test_find_customers(clerk, query, expected):
    assert _names(customers.find_customers(clerk, query)) == expected


def test_exact_phone_match_picks_only_a_whole_number(clerk):
    found = customers.find_customers(clerk, "13812345678")
    assert customers.exact_phone_match("138-1234-5678", found).name == "张伟"
    assert customers.exact_phone_match("5678", customers.find_customers(clerk, "5678")) is None


def test_duplicate_phone_is_refused_with_the_existing_file(clerk, db):
    before = _count(db, Customer)
    with pytest.raises(DuplicatePhone) as err:
        customers.create_customer(clerk, CustomerInput("张伟的妻子", ("+86 138 1234 5678",)))
    assert err.value.field == "phones" and "张伟" in err.value.text()
    zhang = customers.find_customers(clerk, "张伟")[0]
    assert err.value.customer_ids == (zhang.id,)
    assert _count(db, Customer) == before
    # the clerk may knowingly keep a shared household phone
    shared = customers.create_customer(clerk, CustomerInput("张伟的妻子", ("13812345678",)),
                                       allow_duplicate_phone=True)
    assert shared.phones[0].phone == "13812345678"


@pytest.mark.parametrize(("data", "field"), [
    (CustomerInput("  ", ("13900001111",)), "name"),
    (CustomerInput("王芳", ("1390000111",)), "phones"),  # ten digits
    (CustomerInput("王芳", ("13900001111x",)), "phones"),
    (CustomerInput("王芳", ()), "phones"),
    (CustomerInput("王" * 61, ("13900001111",)), "name"),
    (CustomerInput("王芳", ("13900001111",), zone_id=9999), "zone_id"),
])
def test_bad_customer_input_saves_nothing(clerk, db, data, field):
    before = _count(db, Customer)
    with pytest.raises(ValidationError) as err:
        customers.create_customer(clerk, data)
    assert err.value.field == field
    assert _count(db, Customer) == before


def test_emoji_and_chinese_round_trip(clerk):
    made = customers.create_customer(clerk, CustomerInput(
        "欧阳喆😀", ("021-6543 2100 转 8",), "上海市浦东新区 🏠 世纪大道 1 号", notes="周末上门👍"))
    again = customers.get_customer(clerk, made.id)
    assert again.name == "欧阳喆😀" and again.address == "上海市浦东新区 🏠 世纪大道 1 号"
    assert again.notes == "周末上门👍" and again.phones[0].phone == "021-65432100 转8"
    assert _names(customers.find_customers(clerk, "喆😀")) == ["欧阳喆😀"]


def test_purchase_date_in_the_future_is_refused(clerk, db):
    zhang = customers.find_customers(clerk, "张伟")[0].id
    before = _count(db, Item)
    with pytest.raises(ValidationError) as err:
        customers.add_item(clerk, zhang, ItemInput(
            _model(clerk, "XQB80"), "F1", clerk.today() + timedelta(days=1)))
    assert err.value.field == "purchase_date"
    assert _count(db, Item) == before


def test_update_customer_against_its_version(clerk, login):
    zhang = customers.get_customer(clerk, customers.find_customers(clerk, "张伟")[0].id)
    data = CustomerInput("张伟", ("13812345678", "0571-88886666"), zhang.address, zhang.zone_id)
    changed = customers.update_customer(login("super"), zhang.id, data,
                                        expected_version=zhang.version)
    assert [p.phone for p in changed.phones] == ["13812345678", "0571-88886666"]
    with pytest.raises(ConflictError):
        customers.update_customer(clerk, zhang.id, data, expected_version=zhang.version)
    with pytest.raises(PermissionDenied):
        customers.update_customer(login("tech"), zhang.id, data,
                                  expected_version=changed.version)


def _at(ctx: ServiceContext, day: date) -> ServiceContext:
    noon = datetime(day.year, day.month, day.day, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
    return ServiceContext(ctx.db, ctx.actor, ctx.tz, lambda: noon)


@pytest.mark.parametrize(("purchase", "today", "state", "last"), [
    (date(2025, 3, 10), date(2026, 3, 9), WarrantyState.IN, date(2026, 3, 9)),  # last day
    (date(2025, 3, 10), date(2026, 3, 10), WarrantyState.OUT, date(2026, 3, 9)),  # day after
    (date(2025, 1, 31), date(2026, 1, 30), WarrantyState.IN, date(2026, 1, 30)),  # 31st
    (date(2025, 1, 31), date(2026, 1, 31), WarrantyState.OUT, date(2026, 1, 30)),
    (date(2024, 2, 29), date(2025, 2, 27), WarrantyState.IN, date(2025, 2, 27)),  # leap day
    (None, date(2026, 1, 1), WarrantyState.UNKNOWN, None),  # purchase date not known
])
def test_warranty_status_on_edge_dates(clerk, purchase, today, state, last):
    """XQB80 has 12 months: bought on the 10th, covered through the 9th a year later."""
    ctx = _at(clerk, today)
    zhang = customers.find_customers(ctx, "张伟")[0].id
    item = customers.add_item(ctx, zhang, ItemInput(_model(ctx, "XQB80"), "EDGE", purchase))
    assert (item.warranty.state, item.warranty.last_day) == (state, last)
    assert warranty_status(purchase, 12, today).state == state
    filed = next(i for i in customers.get_customer(ctx, zhang).items if i.id == item.id)
    assert filed.warranty == item.warranty


def test_thirty_first_with_a_short_month_end():
    # 31 August + 6 months → 28 February (clamped), so the last covered day is 27 February
    status = warranty_status(date(2025, 8, 31), 6, date(2026, 2, 27))
    assert status.in_warranty and status.last_day == date(2026, 2, 27)
    assert not warranty_status(date(2025, 8, 31), 6, date(2026, 2, 28)).in_warranty


def test_zones_and_catalogue_for_pick_lists(clerk):
    assert [z.name for z in customers.list_zones(clerk)] == ["市区", "郊区"]
    assert [m.code for m in customers.list_product_models(clerk)] == [
        "BCD-470", "KFR-35GW", "XQB80"]


def test_technician_sees_masked_phones_in_the_file(clerk, login):
    tech, acct = login("tech"), login("acct")
    zhang = customers.find_customers(clerk, "张伟")[0].id
    assert [p.phone for p in customers.get_customer(tech, zhang).phones] == ["138****5678"]
    assert customers.find_customers(tech, "张伟")[0].phones == ("138****5678",)
    assert [p.phone for p in customers.get_customer(acct, zhang).phones] == ["13812345678"]
    assert [p.phone for p in customers.get_customer(clerk, zhang).phones] == ["13812345678"]
