"""The history names people and places: 张伟 and 王小丽, not 客户 1 and 用户编号 5."""

from __future__ import annotations

from app.services import audit_service, calls_service, customers_service
from app.services.calls_service import CallInput
from app.services.context import ServiceContext


def test_history_names_the_records_an_id_points_to(clerk: ServiceContext,
                                                   admin: ServiceContext):
    # given a call registered by the clerk for 张伟
    zhang = customers_service.find_customers(clerk, "张伟")[0]
    call = calls_service.register_call(clerk, CallInput("不制冷", customer_id=zhang.id))
    # when its history is read
    rows = {row.field: row for row in audit_service.history(admin, "calls", call.id)}
    # then the customer and the clerk are there by name, and who did it too
    assert rows["customer_id"].new_name == "张伟"
    assert rows["created_by_id"].new_name == clerk.actor.display_name
    assert {row.person for row in rows.values()} == {clerk.actor.display_name}
