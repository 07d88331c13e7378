"""Excel import of the catalogue and customer list: preview, error report, all or nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from app.export.import_errors import write_error_report
from app.models.customers import Customer, CustomerPhone, Item
from app.models.store import ProductModel
from app.services import customers_service as customers
from app.services import import_service as imp
from app.services.context import DEFAULT_TZ

CUSTOMER_HEADER = ["姓名", "电话", "地址", "区域", "类型", "备注", "型号", "序列号", "购买日期",
                   "发票号"]


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def customer_file(tmp_path: Path) -> Path:
    future = datetime.now(ZoneInfo(DEFAULT_TZ)).date() + timedelta(days=3)  # the store's
    return write_xlsx(tmp_path / "customers.xlsx", [
        CUSTOMER_HEADER,
        ["欧阳喆😀", "13911112222；0571-88886666", "市区文三路 8 号", "市区", "个人", "老客户",
         "kfr-35gw", "GR-9", datetime(2024, 5, 6), "FP-77"],                        # 2 good
        ["杭州某某公司", 13922223333, "郊区工业园", "郊区", "公司", "", "", "", None, ""],  # 3 good
        ["王五", "1234", "", "", "", "", "", "", None, ""],                        # 4 bad phone
        ["赵六", "13933334444", "", "", "", "", "XQB80", "S1", future, ""],        # 5 future
        ["", "13944445555", "", "", "", "", "", "", None, ""],                     # 6 no name
        ["钱七", "13955556666", "", "", "", "", "NOPE-1", "", None, ""],           # 7 model
        ["孙八", "13812345678", "", "", "", "", "", "", None, ""],                 # 8 on file
        ["周九", "13911112222", "", "", "", "", "", "", None, ""],                 # 9 row 2's
        [None, None, None],                                                       # blank
        ["吴十", "139 5555 7777 / 139 5555 8888", "", "火星", "", "", "", "", None, ""],  # 11
        ["欧阳喆😀", "0571-88886666；13911112222", "", "", "", "", "BCD-470", "HE-2",
         "2023/3/5", ""],                                                         # 12 extra item
    ])


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return (s.scalar(select(func.count(Customer.id))), s.scalar(select(func.count(Item.id))),
                s.scalar(select(func.count(CustomerPhone.id))))


def test_preview_reports_each_bad_row_by_number_and_column(admin, tmp_path):
    preview = imp.preview_import(admin, customer_file(tmp_path), imp.ImportKind.CUSTOMERS)
    assert preview.total_rows == 10
    assert [n for n, _ in preview.good] == [2, 3]
    report = {(i.row, i.column): i.text() for i in preview.issues}
    assert report == {
        (4, "电话"): "1234 is not a phone number.",
        (5, "购买日期"): "This date is in the future.",
        (6, "姓名"): "This field is required.",
        (7, "型号"): "The model NOPE-1 is not in the catalogue.",
        (8, "电话"): "The phone 13812345678 is already on file.",
        (9, "电话"): "The phone 13911112222 is also on row 2.",
        (11, "区域"): "There is no zone 火星.",
    }
    first = preview.good[0][1]
    assert first.customer.name == "欧阳喆😀" and len(first.items) == 2  # row 12 joins row 2


def test_file_with_errors_imports_nothing_unless_bad_rows_are_skipped(admin, db, tmp_path):
    preview = imp.preview_import(admin, customer_file(tmp_path), imp.ImportKind.CUSTOMERS)
    before = _counts(db)
    with pytest.raises(ValidationError) as err:
        imp.run_import(admin, preview)
    assert err.value.params["n"] == 7
    assert _counts(db) == before
    seen: list[tuple[int, int]] = []
    result = imp.run_import(admin, preview, skip_bad_rows=True,
                            progress=lambda done, total: seen.append((done, total)))
    assert (result.imported, result.skipped, result.items) == (2, 7, 2)
    assert seen[-1] == (2, 2)
    assert _counts(db) == (before[0] + 2, before[1] + 2, before[2] + 3)
    found = customers.find_customers(admin, "欧阳喆")
    file = customers.get_customer(admin, found[0].id)
    assert file.name == "欧阳喆😀" and file.notes == "老客户" and file.zone_name == "市区"
    assert [p.phone for p in file.phones] == ["13911112222", "0571-88886666"]
    assert [(i.model_code, i.serial, i.purchase_date, i.invoice_no) for i in file.items] == [
        ("KFR-35GW", "GR-9", date(2024, 5, 6), "FP-77"), ("BCD-470", "HE-2", date(2023, 3, 5), "")]
    company = customers.get_customer(admin, customers.find_customers(admin, "13922223333")[0].id)
    assert company.kind == "company" and company.items == ()


def test_cancel_rolls_back_the_whole_import(admin, db, tmp_path):
    preview = imp.preview_import(admin, customer_file(tmp_path), imp.ImportKind.CUSTOMERS)
    before = _counts(db)
    calls = iter([False, True])
    with pytest.raises(imp.ImportCancelled):
        imp.run_import(admin, preview, skip_bad_rows=True, is_cancelled=lambda: next(calls))
    assert _counts(db) == before


def test_catalogue_import_with_english_headers_keeps_prices_exact(admin, db, tmp_path):
    path = write_xlsx(tmp_path / "models.xlsx", [
        ["Model", "Name", "Category", "Brand", "Warranty months", "Price (元)"],
        ["KFR-50LW", "美的柜机 2匹", "空调", "美的", 36, 4999.9],
        ["BCD-600", "西门子冰箱", "冰箱", "西门子", "", "12,345.67"],
        ["kfr-35gw", "重复", "", "", 12, 1],             # already in the catalogue
        ["BCD-600", "文件里重复", "", "", 12, 1],          # twice in the file
        ["X-1", "负保修", "", "", -3, 1],
        ["X-2", "三位小数", "", "", 12, 1.005],
    ])
    preview = imp.preview_import(admin, path, imp.ImportKind.CATALOGUE)
    assert [(i.row, i.column) for i in preview.issues] == [
        (4, "Model"), (5, "Model"), (6, "Warranty months"), (7, "Price (元)")]
    result = imp.run_import(admin, preview, skip_bad_rows=True)
    assert result.imported == 2
    with db.read() as s:
        prices = dict(s.execute(select(ProductModel.code, ProductModel.price_cents)).all())
        months = s.scalar(select(ProductModel.warranty_months).where(
            ProductModel.code == "BCD-600"))
    assert prices["KFR-50LW"] == 499990 and prices["BCD-600"] == 1234567 and months == 12
    assert preview.good[0][1].price == Decimal("4999.90")


def test_error_report_writes_bad_rows_with_their_messages(admin, tmp_path):
    preview = imp.preview_import(admin, customer_file(tmp_path), imp.ImportKind.CUSTOMERS)
    out = tmp_path / "errors.xlsx"
    write_error_report(preview, out, headers=("行", "错误"))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "行" and rows[0][-1] == "错误" and rows[0][1:3] == ("姓名", "电话")
    assert [r[0] for r in rows[1:]] == [4, 5, 6, 7, 8, 9, 11]
    assert rows[1][1] == "王五" and rows[1][-1] == "电话: 1234 is not a phone number."


def test_missing_column_unreadable_file_and_permissions(login, admin, tmp_path):
    no_phone = write_xlsx(tmp_path / "bad.xlsx", [["姓名", "地址"], ["张三", "某地"]])
    with pytest.raises(ValidationError) as err:
        imp.preview_import(admin, no_phone, imp.ImportKind.CUSTOMERS)
    assert err.value.params["column"] == "电话 / phone"
    text = tmp_path / "not.xlsx"
    text.write_text("hello")
    with pytest.raises(ValidationError):
        imp.preview_import(admin, text, imp.ImportKind.CUSTOMERS)
    for user in ("clerk", "tech", "super"):
        with pytest.raises(PermissionDenied):
            imp.preview_import(login(user), no_phone, imp.ImportKind.CUSTOMERS)
    imp.preview_import(login("boss"), customer_file(tmp_path), imp.ImportKind.CUSTOMERS)
