"""Closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # 业务员
    TECHNICIAN = "technician"  # 技术员
    SUPERVISOR = "supervisor"  # 服务主任
    ACCOUNTANT = "accountant"  # 会计员
    MANAGER = "manager"  # 经理
    ADMIN = "admin"


class Category(StrEnum):
    A = "A"  # 有费服务
    B = "B"  # 合同服务
    C = "C"  # 免费服务
    D = "D"  # 一般行政工作


class Channel(StrEnum):
    PHONE = "phone"
    LETTER = "letter"
    EMAIL = "email"
    WALK_IN = "walk_in"
    WEB = "web"


class ServiceKind(StrEnum):
    REPAIR = "repair"
    INSTALL = "install"  # 安装调试
    MAINTENANCE = "maintenance"
    INSPECTION = "inspection"
    CONSULT = "consult"


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class CallStatus(StrEnum):
    REGISTERED = "registered"
    DISPATCHED = "dispatched"
    ON_SITE = "on_site"
    COMPLETED = "completed"
    TAKEN_IN = "taken_in"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class CustomerKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class ZoneKind(StrEnum):
    CITY = "city"
    SUBURB = "suburb"

    @property
    def dispatch_hours(self) -> int:
        """The dispatch deadline (seed 002 §十九): from call to arrival at most 6 business hours
        in the city, 7 in the suburbs. The one statement of the rule: a zone starts with its
        kind's hours (and may change them); a call without a zone is held to the city's."""
        return 6 if self is ZoneKind.CITY else 7


class StoreKind(StrEnum):
    SERVICE_CENTRE = "service_centre"  # 服务中心
    BRANCH = "branch"  # 分公司
