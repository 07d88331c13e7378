"""The Settings page as the service department sees it in a company of two branches (issue
17): the branch picker above the tabs, branch 02 picked, its own letterhead; and the Money
page's price tables of branch 02. Chinese, 1366 × 768, a small demo store.

    python tools/screenshot_branch_settings.py [OUT_DIR]      # default /tmp/shots
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots").resolve()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["SERVICE_COUNTER_DATA"] = str(OUT / "data")
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from shots import chinese_app, fresh_demo, main_window_as  # noqa: E402


def main() -> None:
    from app.services import auth_service, branch_service
    from app.services import reference_service as ref
    from app.services.context import ServiceContext
    from app.ui.pages.settings_page import SettingsPage

    db = fresh_demo(OUT, "branch-settings", calls=20)
    office = ServiceContext(db, auth_service.log_in(db, "admin", "admin123"))
    second = branch_service.create_branch(office, code="02", name="杭州分公司")
    profile = ref.get_store_profile(office)
    ref.update_store_profile(office, replace(profile, name="杭州分公司售后服务部",
                                             address="杭州市拱墅区湖墅南路 9 号",
                                             phone="0571-88886666"),
                             expected_version=0, branch=second.id)
    app = chinese_app(OUT)
    window = main_window_as(db, OUT, "admin", "admin123")
    window.resize(1366, 768)
    window.show()
    page = window.open_page("settings")
    assert isinstance(page, SettingsPage)
    page.branch_picker.combo.setCurrentIndex(page.branch_picker.combo.findData(second.id))
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / "settings_branch_profile.png"))
    page.tabs.setCurrentWidget(page.hours)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / "settings_branch_hours.png"))
    window.close()
    app.processEvents()
    db.dispose()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
