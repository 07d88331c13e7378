"""Column names an import file may use (Chinese or English), per kind of import."""

from __future__ import annotations

import re
from enum import StrEnum


class ImportKind(StrEnum):
    CATALOGUE = "catalogue"  # 产品型号目录
    CUSTOMERS = "customers"  # 客户资料


# Key → accepted header names; the first two (Chinese, English) are shown to the user.
COLUMNS: dict[ImportKind, dict[str, tuple[str, ...]]] = {
    ImportKind.CATALOGUE: {
        "code": ("型号", "model", "code", "型号编码", "产品型号"),
        "name": ("名称", "name", "品名", "产品名称"),
        "category": ("类别", "category", "品类", "分类"),
        "brand": ("品牌", "brand"),
        "warranty_months": ("保修月数", "warranty_months", "warranty", "保修期", "保修"),
        "price": ("价格", "price", "单价", "售价"),
    },
    ImportKind.CUSTOMERS: {
        "name": ("姓名", "name", "客户", "客户名称", "客户姓名"),
        "phones": ("电话", "phone", "phones", "手机", "联系电话", "电话号码"),
        "address": ("地址", "address", "住址"),
        "zone": ("区域", "zone", "片区"),
        "kind": ("类型", "kind", "type", "客户类型"),
        "notes": ("备注", "notes", "note"),
        "model": ("型号", "model", "产品型号"),
        "serial": ("序列号", "serial", "机号", "sn", "serial_no"),
        "purchase_date": ("购买日期", "purchase_date", "购机日期", "purchase date"),
        "invoice_no": ("发票号", "invoice_no", "invoice", "发票号码", "invoice no"),
    },
}

REQUIRED: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.CATALOGUE: ("code", "name"),
    ImportKind.CUSTOMERS: ("name", "phones"),
}


def _norm(header: str) -> str:
    """Lower case, no spaces, no '*' marks, no '(…)' hints such as '价格(元)'."""
    text = re.sub(r"[（(].*?[)）]", "", header)
    return re.sub(r"[\s*＊:：_\-]", "", text).lower()


def match_headers(kind: ImportKind, headers: tuple[str, ...]) -> dict[str, int]:
    """Key → column index for each recognised header (the first match wins)."""
    aliases = {_norm(alias): key for key, names in COLUMNS[kind].items() for alias in names}
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = aliases.get(_norm(header))
        if key is not None and key not in found:
            found[key] = index
    return found
