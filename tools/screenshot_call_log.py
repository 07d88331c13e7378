"""Screenshots of the call-log book and its dialogs, in Chinese, on a small believable store.

    python tools/screenshot_call_log.py [OUT_DIR]      # default /tmp/shots

Builds a throw-away database (the test seed plus eight customers and 30 calls in every
status), compiles the current Chinese translation to OUT_DIR and grabs the page and dialogs.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from shots import chinese_app  # noqa: E402

from app.bootstrap import open_database  # noqa: E402
from app.models.calls import Call  # noqa: E402
from app.services import auth_service  # noqa: E402
from app.services import calls_service as calls  # noqa: E402
from app.services import customers_service as cs  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from tests.helpers.seed import SEED_PASSWORD, seed_store  # noqa: E402

PEOPLE = [("王建国", "13905711234", "市区解放路 88 号 3 单元", "市区"),
          ("刘晓燕", "13757129876", "市区文三路 56 号", "市区"),
          ("陈志强", "0571-86651234", "郊区良渚镇 7 号", "郊区"),
          ("杨丽华", "18868712345", "市区庆春路 201 号", "市区"),
          ("赵海峰", "15967154321", "郊区塘栖镇水北街 5 号", "郊区"),
          ("黄美玲", "13588776655", "市区延安路 12 号 1502 室", "市区"),
          ("周国平", "13666612345", "市区湖墅南路 9 号", "市区"),
          ("吴婷婷", "18757100011", "郊区临平新城 3 幢", "郊区")]
FAULTS = ["不制冷，外机有异响", "室内机漏水", "洗衣机不脱水", "冰箱冷藏室不冷", "开机后跳闸",
          "遥控失灵，按键无反应", "显示 E4 故障代码", "噪音大，夜间明显", "不加热", "门封条破损",
          "排水慢", "需要移机安装"]
STATUSES = ["closed"] * 8 + ["completed"] * 5 + ["dispatched"] * 5 + ["on_site"] * 3 + \
    ["taken_in"] * 3


def build_store() -> ServiceContext:
    data = OUT / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    auth_service.use_fast_hashing()
    db = open_database(str(data / "store.sqlite"))
    seed_store(db)
    ctx = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD,
                                                 workstation="前台1"))
    rnd = random.Random(7)
    zones = {z.name: z.id for z in cs.list_zones(ctx)}
    models = cs.list_product_models(ctx)
    ids = []
    for name, phone, address, zone in PEOPLE:
        customer = cs.create_customer(ctx, cs.CustomerInput(name, (phone,), address, zones[zone]))
        cs.add_item(ctx, customer.id, cs.ItemInput(
            rnd.choice(models).id, f"SN{rnd.randint(100000, 999999)}",
            ctx.today() - timedelta(days=rnd.randint(30, 1500))))
        ids.append(customer.id)
    ids += [c.id for c in cs.find_customers(ctx, "张伟") + cs.find_customers(ctx, "李娜")]
    start = ctx.now() - timedelta(days=6)
    made = []
    for i in range(30):
        file = cs.get_customer(ctx, rnd.choice(ids))
        item = rnd.choice(file.items) if file.items else None
        made.append(calls.register_call(ctx, calls.CallInput(
            fault=rnd.choice(FAULTS), customer_id=file.id, item_id=item.id if item else None,
            channel=rnd.choice(["phone"] * 4 + ["walk_in", "web", "email"]),
            urgency="urgent" if i % 9 == 0 else "normal",
            received_at=start + timedelta(hours=4.7 * i))))
    with db.write(None) as session:  # later issues move calls along; here we just set them
        for call, status in zip(made, STATUSES, strict=False):
            session.get(Call, call.id).status = status
    for call in made[24:26]:
        calls.cancel_call(ctx, call.id, reason="客户来电取消",
                          expected_version=calls.get_call(ctx, call.id).version)
    return ctx


def main() -> None:
    ctx = build_store()
    from app.ui.dialogs.customer_file_dialog import CustomerFileDialog
    from app.ui.dialogs.register_call_dialog import RegisterCallDialog
    from app.ui.pages.call_log_page import CallLogPage
    from app.ui.session import AppSession

    app = chinese_app(OUT)
    session = AppSession(ctx.db, ctx)
    page = CallLogPage(session)
    page.resize(1360, 800)
    page.show()
    for _ in range(3):  # the count arrives after the rows; let the layout follow
        app.processEvents()
    page.grab().save(str(OUT / "call_log.png"))
    dialog = RegisterCallDialog(session, page)
    dialog.show()
    dialog.picker.lookup.setText("1381234")
    dialog.picker.search_now()
    app.processEvents()
    dialog.grab().save(str(OUT / "register_search.png"))
    dialog.picker.choose_current()
    dialog.fault_edit.setText("不制冷，室内机漏水")
    app.processEvents()
    app.processEvents()
    dialog.grab().save(str(OUT / "register.png"))
    file = CustomerFileDialog(session, cs.find_customers(ctx, "张伟")[0].id, page)
    file.show()
    app.processEvents()
    file.grab().save(str(OUT / "customer_file.png"))
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
