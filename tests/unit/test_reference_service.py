"""Reference data through the services: profile, terms, hours, zones, catalogue, staff."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models.enums import Role, StoreKind, ZoneKind
from app.models.store import ProductModel, Setting
from app.services import auth_service
from app.services import reference_service as ref


def test_store_profile_keeps_setup_defaults_and_saves_against_its_version(login, db):
    boss = login("boss")
    profile = ref.get_store_profile(boss)
    assert profile.name == "售后服务中心" and profile.kind is StoreKind.SERVICE_CENTRE
    assert profile.timezone == "Asia/Shanghai"
    saved = ref.update_store_profile(boss, replace(
        profile, name="喆喆家电服务部😀", kind=StoreKind.BRANCH, phone="0571 8765 4321",
        address="杭州市西湖区文三路 1 号"), expected_version=profile.version)
    assert saved.version == profile.version + 1 and saved.phone == "0571-87654321"
    assert ref.get_store_profile(login("clerk")) == saved  # everybody reads it
    with pytest.raises(ConflictError):
        ref.update_store_profile(boss, replace(profile, name="旧表单"),
                                 expected_version=profile.version)
    assert ref.get_store_profile(boss).name == "喆喆家电服务部😀"


@pytest.mark.parametrize(("field", "change"), [
    ("name", {"name": "  "}),
    ("phone", {"phone": "12ab"}),
    ("timezone", {"timezone": "Mars/Olympus"}),
])
def test_store_profile_refuses_bad_input(login, field, change):
    boss = login("boss")
    profile = ref.get_store_profile(boss)
    with pytest.raises(ValidationError) as err:
        ref.update_store_profile(boss, replace(profile, **change),
                                 expected_version=profile.version)
    assert err.value.field == field
    assert ref.get_store_profile(boss) == profile


@pytest.mark.parametrize("user", ["clerk", "tech", "super", "acct"])
def test_writes_are_refused_without_reference_permission(login, user):
    ctx = login(user)
    profile = ref.get_store_profile(ctx)
    zone = ref.list_zones(ctx)[0]
    day = ref.list_business_hours(ctx)[0]
    attempts = [
        lambda: ref.update_store_profile(ctx, profile, expected_version=profile.version),
        lambda: ref.update_receipt_terms(ctx, "x", expected_version=0),
        lambda: ref.update_business_hours(ctx, [day]),
        lambda: ref.create_zone(ctx, ref.ZoneInput("新区", ZoneKind.CITY)),
        lambda: ref.update_zone(ctx, zone.id, ref.ZoneInput("改名", ZoneKind.CITY),
                                expected_version=zone.version),
        lambda: ref.create_product_model(ctx, ref.ProductModelInput("X1", "某型号")),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert ref.list_zones(ctx)[0] == zone


def test_receipt_terms_start_empty_and_are_versioned(admin, db):
    terms = ref.get_receipt_terms(admin)
    assert terms == ref.ReceiptTerms("", 0)
    first = ref.update_receipt_terms(admin, "商品保管期 90 天。\n逾期不取，本店不负保管责任。",
                                     expected_version=0)
    assert first.version == 1
    with pytest.raises(ConflictError):
        ref.update_receipt_terms(admin, "另一个人写的", expected_version=0)
    with db.read() as s:
        assert "90 天" in s.get(Setting, "store.terms").value


def test_business_hours_refuse_closing_before_opening_and_conflicts(login):
    boss = login("boss")
    days = ref.list_business_hours(boss)
    assert [d.weekday for d in days] == list(range(7))
    assert [d.is_open for d in days] == [True] * 5 + [False] * 2
    monday = days[0]
    bad = replace(monday, opens_at=time(9), closes_at=time(9))
    with pytest.raises(ValidationError) as err:
        ref.update_business_hours(boss, [bad])
    assert err.value.field == "closes_at_0"
    saved = ref.update_business_hours(boss, [
        replace(monday, opens_at=time(8, 30), closes_at=time(17, 30)),
        replace(days[5], is_open=True, opens_at=time(9), closes_at=time(12)),
    ])
    assert (saved[0].opens_at, saved[0].closes_at) == (time(8, 30), time(17, 30))
    assert saved[5].is_open and saved[0].version == monday.version + 1
    with pytest.raises(ConflictError):
        ref.update_business_hours(boss, [monday])
    # A closed day may keep any times: they are not used.
    ref.update_business_hours(boss, [replace(saved[6], closes_at=time(0, 0))])


def test_zones_default_dispatch_hours_and_deactivate_instead_of_delete(admin, clerk):
    zones = {z.name: z for z in ref.list_zones(admin)}
    assert (zones["市区"].dispatch_hours, zones["郊区"].dispatch_hours) == (6, 7)
    north = ref.create_zone(admin, ref.ZoneInput("北郊", ZoneKind.SUBURB))
    assert north.dispatch_hours == 7
    east = ref.create_zone(admin, ref.ZoneInput("东城", ZoneKind.CITY, dispatch_hours=4))
    assert east.dispatch_hours == 4
    with pytest.raises(ValidationError) as err:
        ref.create_zone(admin, ref.ZoneInput("市区", ZoneKind.CITY))
    assert err.value.field == "name"
    with pytest.raises(ValidationError):
        ref.create_zone(admin, ref.ZoneInput("远郊", ZoneKind.SUBURB, dispatch_hours=0))
    retired = ref.update_zone(admin, north.id, ref.ZoneInput("北郊", ZoneKind.SUBURB, 7, False),
                              expected_version=north.version)
    assert not retired.active
    assert "北郊" not in {z.name for z in ref.list_zones(clerk)}
    assert "北郊" in {z.name for z in ref.list_zones(clerk, include_inactive=True)}
    with pytest.raises(ConflictError):
        ref.update_zone(admin, north.id, ref.ZoneInput("北郊区", ZoneKind.SUBURB),
                        expected_version=north.version)


def test_catalogue_keeps_money_exact_in_cents(admin, db):
    made = ref.create_product_model(admin, ref.ProductModelInput(
        "kfr-72lw", "格力柜机 3匹", "空调", "格力", 72, Decimal("0.10") + Decimal("0.20")))
    assert made.code == "KFR-72LW" and made.price == Decimal("0.30")
    with db.read() as s:
        assert s.scalar(select(ProductModel.price_cents).where(
            ProductModel.id == made.id)) == 30
    big = ref.update_product_model(admin, made.id, replace(
        ref.ProductModelInput("KFR-72LW", "格力柜机 3匹"), price=Decimal("999999.99")),
        expected_version=made.version)
    assert big.price == Decimal("999999.99")
    with db.read() as s:
        assert s.get(ProductModel, made.id).price_cents == 99999999


@pytest.mark.parametrize(("field", "data"), [
    ("code", ref.ProductModelInput("kfr-35gw", "重复的型号")),  # codes are case-blind
    ("code", ref.ProductModelInput("", "没有型号")),
    ("name", ref.ProductModelInput("N1", "")),
    ("warranty_months", ref.ProductModelInput("N2", "负保修", warranty_months=-1)),
    ("price", ref.ProductModelInput("N3", "三位小数", price=Decimal("1.005"))),
    ("price", ref.ProductModelInput("N4", "负价格", price=Decimal("-1"))),
    ("price", ref.ProductModelInput("N5", "过大", price=Decimal("12345678.99"))),  # > ¥1,000,000
    ("price", ref.ProductModelInput("N6", "无穷", price=Decimal("Infinity"))),
])
def test_catalogue_refuses_bad_entries(admin, db, field, data):
    with db.read() as s:
        before = len(s.scalars(select(ProductModel)).all())
    with pytest.raises(ValidationError) as err:
        ref.create_product_model(admin, data)
    assert err.value.field == field
    with db.read() as s:
        assert len(s.scalars(select(ProductModel)).all()) == before


def test_catalogue_refuses_float_prices_and_stale_edits(admin):
    with pytest.raises(TypeError):
        ref.to_cents(19.99)  # type: ignore[arg-type]
    model = ref.list_product_models(admin, search="XQB")[0]
    ref.update_product_model(admin, model.id, replace(
        ref.ProductModelInput(model.code, model.name), price=Decimal("1999")),
        expected_version=model.version)
    with pytest.raises(ConflictError):
        ref.update_product_model(admin, model.id, ref.ProductModelInput(model.code, "旧的"),
                                 expected_version=model.version)
    with pytest.raises(ValidationError) as err:
        ref.update_product_model(admin, model.id, ref.ProductModelInput("BCD-470", "撞号"),
                                 expected_version=model.version + 1)
    assert err.value.field == "code"


def test_catalogue_pages_by_code_and_searches(clerk):
    first = ref.list_product_models(clerk, limit=2)
    rest = ref.list_product_models(clerk, limit=2, after_code=first[-1].code)
    assert [m.code for m in first + rest] == ["BCD-470", "KFR-35GW", "XQB80"]
    assert [m.code for m in ref.list_product_models(clerk, search="格力")] == ["KFR-35GW"]


def test_staff_accounts_are_managed_by_admin_only(login, admin):
    made = auth_service.create_user(admin, username="new.tech", display_name="欧阳喆",
                                    role=Role.TECHNICIAN, password="longenough")
    for user in ("boss", "clerk", "tech"):
        with pytest.raises(PermissionDenied):
            auth_service.create_user(login(user), username="x", display_name="x",
                                     role=Role.ADMIN, password="longenough")
    changed = auth_service.update_user(admin, made.id, display_name="欧阳喆", role=Role.CLERK,
                                       phone="", active=False, expected_version=made.version)
    assert changed.role is Role.CLERK and not changed.active
    with pytest.raises(ConflictError):
        auth_service.update_user(admin, made.id, display_name="x", role=Role.ADMIN, phone="",
                                 active=True, expected_version=made.version)
