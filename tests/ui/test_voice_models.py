"""The customer-voice table model passes Qt's model tester and pages lazily; the chart draws."""

from __future__ import annotations

from decimal import Decimal

from app.ui.table_models.voice_table_model import Column, VoiceTableModel
from app.ui.widgets.rating_chart import RatingChart

ROWS = [(i, f"第{i}行") for i in range(250, 0, -1)]


def _fetch(after, limit):
    rows = [r for r in ROWS if after is None or r[0] < after]
    return rows[:limit]


def test_the_model_pages_by_key_and_passes_the_model_tester(qtmodeltester):
    columns = [Column("No.", lambda r: str(r[0])),
               Column("Text", lambda r: r[1], lambda r: "overdue" if r[0] % 2 else "")]
    model = VoiceTableModel(columns, _fetch, lambda r: r[0], page_size=100)
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert model.index(0, 1).data() == "第250行" and model.row_of(1) == 249
    qtmodeltester.check(model)


def test_the_rating_chart_draws_groups(qtbot, tmp_path):
    chart = RatingChart()
    qtbot.addWidget(chart)
    chart.resize(600, 260)
    chart.set_data([("李师傅", (Decimal("3.5"), Decimal("4"), Decimal("2"), None)),
                    ("赵师傅", (Decimal("2"),) * 4)],
                   ("态度", "技术", "到达时间", "答应事情的办理"))
    image = chart.grab().toImage()
    assert image.width() == 600
    colours = {image.pixelColor(x, 200).name() for x in range(40, 580, 4)}
    assert "#0b4a9e" in colours  # an attitude bar reaches down to the axis
