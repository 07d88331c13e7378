"""A small known store for tests: one user per role, zones, a catalogue, two customers."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.db.database import Database
from app.models.enums import Role
from app.models.store import ProductModel, Zone
from app.services import auth_service
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, ItemInput, add_item, create_customer

SEED_PASSWORD = "secret123"
USERS = {
    "admin": ("管理员", Role.ADMIN),
    "clerk": ("王小丽", Role.CLERK),
    "tech": ("李师傅", Role.TECHNICIAN),
    "tech2": ("赵师傅", Role.TECHNICIAN),
    "super": ("陈主任", Role.SUPERVISOR),
    "acct": ("孙会计", Role.ACCOUNTANT),
    "boss": ("周经理", Role.MANAGER),
}


def seed_store(db: Database) -> None:
    auth_service.create_first_admin(db, username="admin", display_name="管理员",
                                    password=SEED_PASSWORD)
    admin = ServiceContext(db, auth_service.log_in(db, "admin", SEED_PASSWORD))
    for username, (name, role) in USERS.items():
        if username != "admin":
            auth_service.create_user(admin, username=username, display_name=name, role=role,
                                     password=SEED_PASSWORD)
    with db.write(None) as session:
        session.add_all([
            ProductModel(code="KFR-35GW", name="格力空调 1.5匹", category="空调", brand="格力",
                         warranty_months=36, price_cents=329900),
            ProductModel(code="XQB80", name="小天鹅洗衣机", category="洗衣机", brand="小天鹅",
                         warranty_months=12, price_cents=189900),
            ProductModel(code="BCD-470", name="海尔冰箱", category="冰箱", brand="海尔",
                         warranty_months=12, price_cents=459900),
        ])
    with db.read() as session:
        city = session.scalar(select(Zone.id).where(Zone.name == "市区"))
        suburb = session.scalar(select(Zone.id).where(Zone.name == "郊区"))
        models = {m.code: m.id for m in session.scalars(select(ProductModel))}
    zhang = create_customer(admin, CustomerInput("张伟", ("13812345678",), "市区人民路 12 号",
                                                 city))
    add_item(admin, zhang.id, ItemInput(models["KFR-35GW"], "GR2024001",
                                        admin.today() - timedelta(days=200), "FP001"))
    add_item(admin, zhang.id, ItemInput(models["XQB80"], "XTE778",
                                        admin.today() - timedelta(days=800)))
    li = create_customer(admin, CustomerInput("李娜", ("0571-87654321",), "郊区桃源镇 3 号",
                                              suburb))
    add_item(admin, li.id, ItemInput(models["BCD-470"], "HE55501",
                                     admin.today() - timedelta(days=30)))
