"""Changes reach pages through typed topics: every announcement is a Topic, every topic a page
listens for is announced somewhere (no "*" listened for and never sent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.db.database import Database
from app.ui.session import TABLE_TOPICS, AppSession, Topic, touches

APP = Path(__file__).resolve().parents[2] / "app"
SOURCES = {p: p.read_text(encoding="utf-8") for p in APP.rglob("*.py")}


def test_no_page_announces_a_free_string():
    free = [f"{p.relative_to(APP)}" for p, text in SOURCES.items()
            if "data_changed.emit(" in text and p.name != "session.py"]
    assert free == []


def test_every_topic_is_announced_somewhere():
    text = "\n".join(SOURCES.values())
    sent = set(re.findall(r"\.changed\(Topic\.([A-Z_]+)\)", text))
    sent |= set(re.findall(r"TOPIC = Topic\.([A-Z_]+)", text))  # pages announce self.TOPIC
    sent |= {t.name for t in TABLE_TOPICS.values()} | {"ANY"}  # record recovery
    sent |= set(re.findall(r"topic = Topic\.([A-Z_]+)", text))
    sent |= set(re.findall(r"else Topic\.([A-Z_]+)", text))
    assert {t.name for t in Topic} - sent == set()


def test_an_unknown_topic_is_refused(db: Database, admin):
    session = AppSession(db, admin)
    with pytest.raises(ValueError):
        session.changed("everything")  # type: ignore[arg-type]


def test_any_concerns_every_page():
    assert touches(Topic.ANY, (Topic.CALLS,))
    assert touches("calls", (Topic.CALLS,)) and not touches("money", (Topic.CALLS,))
