"""The expiry notice, survey card, complaint reminder and reply: rendered, read back, decoded."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.printing.documents.complaint_reminder import complaint_reminder_pdf
from app.printing.documents.complaint_reply import complaint_reply_pdf
from app.printing.documents.expiry_notice import expiry_notices_pdf
from app.printing.documents.survey_card import survey_cards_pdf
from app.services import complaint_service as complaints
from app.services import contract_service as contracts
from app.services import survey_dto
from app.services import survey_service as surveys
from tests.helpers import pdf as pdfread
from tests.helpers.voice import at, completed_call, zhang


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    """The PDF's text without white space, after checking it renders."""
    assert pdfread.render(pdf, tmp_path / name)
    return pdfread.flat_text(pdf)


def _contract(ctx, end):
    customer_id, _, washer = zhang(ctx)
    return contracts.create_contract(ctx, contracts.ContractInput(
        customer_id, (washer,), date(2026, 1, 1), end, Decimal("680.00"), True, True, 2,
        "含上门清洗保养"))


def test_the_expiry_notice_prints_customer_items_end_date_and_terms(login, tmp_path):
    boss = at(login("super"), date(2026, 11, 22))
    c = _contract(boss, date(2026, 12, 31))
    text = _text(expiry_notices_pdf(contracts.expiry_notices(boss, [c.id])), tmp_path, "notice")

    for expected in ("保养到期通知书", "张伟", "市区人民路 12 号", c.number, "2026-12-31",
                     "XQB80 小天鹅洗衣机", "2027-01-01 — 2027-12-31", "￥680.00",
                     "每年上门保养 2 次", "续约条件"):
        assert pdfread.has(text, expected), expected


def test_a_month_of_notices_is_one_pdf_with_one_letter_each(login, tmp_path):
    boss = at(login("super"), date(2026, 11, 22))
    first, second = _contract(boss, date(2026, 12, 5)), _contract(boss, date(2026, 12, 20))
    ids = [c.id for c in contracts.contracts_ending_in(boss, 2026, 12)]
    text = _text(expiry_notices_pdf(contracts.expiry_notices(boss, ids)), tmp_path, "batch")
    assert pdfread.has(text, first.number) and pdfread.has(text, second.number)
    assert text.count("保养到期通知书") == 2
    assert pdfread.has(text, "第1页/共2页") and pdfread.has(text, "第2页/共2页")


def test_in_a_batch_only_the_letters_printed_before_are_marked_reprint(login, tmp_path):
    boss = at(login("super"), date(2026, 11, 22))
    first, second = _contract(boss, date(2026, 12, 5)), _contract(boss, date(2026, 12, 20))
    pdf = expiry_notices_pdf(contracts.expiry_notices(boss, [first.id, second.id]),
                             reprinted={second.number})
    pages = [pdfread.flat(page) for page in pdfread.page_texts(pdf)]

    def page(number: int) -> str:
        return pages[number - 1]

    assert first.number in page(1) and "补打" not in page(1)
    assert second.number in page(2) and "补打REPRINT" in page(2)  # banner and watermark
    assert page(2).count("补打") == 2


def test_the_survey_card_has_the_four_items_levels_and_a_qr_code(clerk, tmp_path):
    completed_call(clerk, item_id=zhang(clerk)[1])
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    docs = surveys.card_documents(clerk, [card.id])
    pdf = survey_cards_pdf(docs)
    text = _text(pdf, tmp_path, "card")

    for expected in ("客户意见调查卡", "态度", "技术", "到达时间", "答应事情的办理", "很满意",
                     "满意", "一般", "不满意", card.number, card.call_number, "李师傅",
                     "建议或抱怨"):
        assert pdfread.has(text, expected), expected
    png = sorted((tmp_path / "card").glob("*.png"))[0]
    assert pdfread.decode_png(png, qr_only=True) == [f"SC:{card.number}:{card.call_number}"]


def test_the_card_heads_its_items_and_a_cancelled_call_asks_about_the_counter(login, tmp_path):
    from app.services import calls_service as calls
    clerk = at(login("clerk"), date(2026, 12, 2), 10)
    completed_call(clerk, item_id=zhang(clerk)[1])
    call = calls.register_call(clerk, calls.CallInput(fault="不制冷",
                                                      customer_id=zhang(clerk)[0]))
    calls.cancel_call(clerk, call.id, reason="客户取消", expected_version=call.version)
    cards = surveys.issue_cards_for_day(clerk, clerk.today())
    text = _text(survey_cards_pdf(surveys.card_documents(clerk, [c.id for c in cards])),
                 tmp_path, "cards")
    assert pdfread.has(text, "评价项目") and not pdfread.has(text, "商品项目")
    for expected in ("门市服务台", "办事效率", "等候时间", "请对我们门市服务台的服务逐项评价",
                     "服务日期2026-12-02"):
        assert pdfread.has(text, expected), expected


def test_the_technicians_appraisal_prints_one_line_each(login, tmp_path):
    from app.printing.documents.technician_appraisal import appraisal_pdf
    from app.services.voice_stats import technician_appraisals
    boss = at(login("super"), date(2026, 11, 20), 18)
    completed_call(boss)
    completed_call(boss, technician="tech2")
    text = _text(appraisal_pdf(technician_appraisals(boss, 2026, 11)), tmp_path, "appraisal")
    for expected in ("技术员月度考评表", "李师傅", "赵师傅", "完成工作数", "迟到次数",
                     "被投诉次数", "第1页", "服务主任"):
        assert pdfread.has(text, expected), expected


def test_the_liaison_note_asks_the_department_why_it_was_late(login, tmp_path):
    from app.printing.documents.complaint_liaison import complaint_liaison_pdf
    clerk = login("clerk")
    customer_id, aircon, _ = zhang(clerk)
    c = complaints.open_complaint(at(clerk, date(2026, 11, 2)), complaints.ComplaintInput(
        customer_id, "包装破损", "packaging", item_id=aircon))
    late = at(clerk, date(2026, 11, 19))
    c = complaints.record_visit(late, c.id, visit_on=late.today(), visit_by="陈主任", notes="",
                                expected_version=c.version)
    c = complaints.resolve_complaint(late, c.id, resolution="换货", responsible="仓储",
                                     told_via="phone", expected_version=c.version)
    c = complaints.close_complaint(late, c.id, outcome="满意", told_via="phone",
                                   expected_version=c.version)
    note = complaints.issue_liaison(late, c.id, question="请说明逾期原因")
    text = _text(complaint_liaison_pdf(note), tmp_path, "liaison")
    for expected in ("客户投诉洽办单", "Q2611-001", c.number, "仓储配送部", "逾期天数",
                     "请说明逾期原因", "2026-11-15", "部门主管"):
        assert pdfread.has(text, expected), expected


def _overdue(login):
    clerk = login("clerk")
    customer_id, aircon, _ = zhang(clerk)
    c = complaints.open_complaint(at(clerk, date(2026, 11, 2)), complaints.ComplaintInput(
        customer_id, "包装箱破损，外壳有划痕", "packaging", demand="更换新机", item_id=aircon))
    return clerk, c


def test_the_reminder_names_department_deadline_and_days_overdue(login, tmp_path):
    clerk, c = _overdue(login)
    doc = complaints.issue_reminder(at(clerk, date(2026, 11, 20)), c.id)
    text = _text(complaint_reminder_pdf(doc), tmp_path, "reminder")
    for expected in ("客户投诉催办单", "仓储配送部门", "2611-001", "2026-11-15", "逾期 5 天",
                     "包装破损", "包装箱破损，外壳有划痕", "更换新机", "第 1 次"):
        assert pdfread.has(text, expected), expected


def test_the_reply_letter_tells_the_customer_what_was_done(login, tmp_path):
    clerk, c = _overdue(login)
    c = complaints.resolve_complaint(clerk, c.id, resolution="已为您更换同型号新机一台",
                                     responsible="仓储配送部", told_via="letter",
                                     expected_version=c.version)
    text = _text(complaint_reply_pdf(complaints.reply_letter(clerk, c.id)), tmp_path, "reply")
    for expected in ("客户投诉处理回复函", "尊敬的张伟：", "2611-001", "2026-11-02",
                     "已为您更换同型号新机一台", "包装箱破损"):
        assert pdfread.has(text, expected), expected


def test_the_four_kinds_are_printable_by_number(login):
    from app.printing import registry

    clerk, c = _overdue(login)
    complaints.issue_reminder(at(clerk, date(2026, 11, 20)), c.id)
    rendered = registry.render(clerk, "complaint-reminder", c.number, reprint=True)
    assert rendered.pdf.startswith(b"%PDF") and c.number in rendered.filename
    assert {"expiry-notice", "survey-card", "complaint-reminder", "complaint-reply"} <= {
        k.name for k in registry.kinds()}


@pytest.mark.parametrize("kind", ["surveys", "complaints", "feedback", "followups", "customers"])
def test_every_register_prints_on_a4_with_the_header_and_page_numbers(login, tmp_path, kind):
    from app.printing.documents.voice_register import register_sheet_pdf
    from app.services import feedback_service, followup_service, voice_registers
    from app.services.voice_dto import RegisterFilter

    clerk = at(login("clerk"), date(2026, 11, 20), 18)
    first = completed_call(clerk, item_id=zhang(clerk)[1])
    for _ in range(40):  # enough lines for a second page
        completed_call(clerk)
    cards = surveys.issue_cards_for_day(clerk, date(2026, 11, 20))
    surveys.enter_returned_card(clerk, cards[0].id, survey_dto.Ratings(2, 3, 1, 2), via="paper",
                                expected_version=cards[0].version, comments="师傅迟到")
    boss = at(login("super"), date(2026, 11, 28), 10)
    followup_service.record_followup(boss, first, satisfied=False, answer="又坏了")
    feedback_service.collect_feedback(boss)
    sheet = voice_registers.register_sheet(boss, RegisterFilter(
        kind, None if kind == "customers" else date(2026, 11, 1), date(2026, 11, 30)))
    text = _text(register_sheet_pdf(sheet), tmp_path, kind)
    titles = {"surveys": "顾客满意度调查情况登记表", "complaints": "客户投诉处理登记表",
              "feedback": "信息反馈分析登记表", "followups": "质量回访、顾客意见记录表",
              "customers": "用户登记表"}
    assert pdfread.has(text, titles[kind]) and pdfread.has(text, "售后服务中心")
    assert pdfread.has(text, "第1页")
    if kind == "surveys":
        assert pdfread.has(text, "共2页") and pdfread.has(text, "师傅迟到")
        assert not pdfread.has(text, "很满意")
