"""Connecting to a PostgreSQL server: TLS mode and root certificate in the URL the app
keeps, the password in the password file only, the last server filled in."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.db import known_databases
from app.db.pglink import tls_of
from app.ui.dialogs.server_dialog import ServerDialog

SECRET = "Counter-Pw-42"


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


def _dialog(qtbot) -> ServerDialog:  # type: ignore[no-untyped-def]
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_verify_full_needs_the_root_certificate_and_the_password_goes_to_the_file(
        qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot)
    dialog.host_edit.setText("db.store.lan")
    dialog.user_edit.setText("clerk")
    dialog.password_edit.setText(SECRET)
    assert dialog.tls_combo.currentData() == "verify-full"  # the recommended way first
    dialog.accept()
    assert dialog.isVisible() and dialog.url == ""
    assert dialog.message.isVisible() and "root certificate" in dialog.message.text()
    assert not (tmp_path / "pgpass").exists()  # nothing kept from a refused form
    root = tmp_path / "root.crt"
    root.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.root_edit.setText(str(root))
    dialog.accept()
    assert not dialog.isVisible()
    assert SECRET not in dialog.url and "clerk@db.store.lan" in dialog.url
    assert tls_of(dialog.url) == ("verify-full", str(root))
    kept = tmp_path / "pgpass"
    assert kept.read_text() == f"db.store.lan:5432:service_counter:clerk:{SECRET}\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert dialog.password_edit.text() == ""


def test_a_remote_server_is_never_reached_unencrypted(qtbot) -> None:
    dialog = _dialog(qtbot)
    dialog.host_edit.setText("10.0.0.5")
    dialog.user_edit.setText("clerk")
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("prefer"))
    dialog.accept()
    assert dialog.isVisible() and "encrypted" in dialog.message.text()
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("require"))
    dialog.accept()
    assert tls_of(dialog.url) == ("require", "")


def test_the_last_server_is_filled_in(qtbot, tmp_path: Path) -> None:
    known_databases.remember_server(
        f"postgresql+psycopg://boss@db.store.lan:5433/branch2?sslmode=verify-ca"
        f"&sslrootcert={tmp_path / 'ca.crt'}")
    dialog = _dialog(qtbot)
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("db.store.lan", 5433)
    assert (dialog.database_edit.text(), dialog.user_edit.text()) == ("branch2", "boss")
    assert dialog.tls_combo.currentData() == "verify-ca"
    assert dialog.root_edit.text() == str(tmp_path / "ca.crt")
    assert dialog.password_edit.text() == ""
