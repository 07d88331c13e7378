"""Property tests: every service that takes user input, fed what users (and pastes) type.

For each generated input the call either succeeds or raises a UserError (any other exception
fails the test), a refusal writes nothing (row counts and the audit trail unchanged, the
edited record as it was), and what was accepted reads back exactly. Set SC_TEST_PG_URL to run
them on PostgreSQL, where NUL, lone surrogates and over-long text used to crash.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import UserError, ValidationError
from app.models.carry_in import ItemReceipt
from app.models.enums import Channel, CustomerKind, Role, ServiceKind, StoreKind, Urgency, ZoneKind
from app.models.jobs import InternalWorkKind, VisitOutcome
from app.services import auth_service, survey_dto
from app.services import billing_service as billing
from app.services import calendar_service as calendar
from app.services import call_book_service as book
from app.services import calls_service as calls
from app.services import carry_in_service as carry_in
from app.services import complaint_service as complaints
from app.services import contract_service as contracts
from app.services import customers_service as customers
from app.services import dispatch_service as dispatch
from app.services import exchange_service as exchanges
from app.services import followup_service as followups
from app.services import parts_service as parts
from app.services import payments_service as payments
from app.services import reference_service as ref
from app.services import survey_service as surveys
from app.services import visit_service as visits
from app.services.context import ServiceContext
from app.services.money import parse_money, to_cents
from app.services.money_dto import LineInput
from app.services.validation import normalise_phone
from tests.helpers.input_strategies import (
    PROPERTY,
    attempt,
    days,
    moments,
    money,
    money_texts,
    names,
    texts,
    typed,
    whole_numbers,
    yuan,
)
from tests.helpers.voice import completed_call, user_id, zhang


def phones() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(["13912345678", "139１２３４５６７８", "+86 139 0000 1111",
                                      "(0571) 8765-4321 转 12", "400-800-1234", "1391234567８"]),
                     st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), texts(24))


@pytest.fixture
def li_id(admin) -> int:
    return customers.find_customers(admin, "李娜")[0].id


# ---- customers ------------------------------------------------------------------------------

@PROPERTY
@given(name=names(), numbers=st.lists(phones(), min_size=0, max_size=3), address=texts(),
       notes=texts())
def test_new_customer(admin, db, name, numbers, address, notes):
    data = customers.CustomerInput(name, tuple(numbers), address, None,
                                   CustomerKind.PERSON, notes)
    made = attempt(db, lambda: customers.create_customer(admin, data))
    if made is None:
        return
    back = customers.get_customer(admin, made.id)
    assert (back.name, back.address, back.notes) == (
        typed(name), typed(address), typed(notes, multiline=True))
    wanted = {normalise_phone(n)[0] for n in numbers if n.strip()}
    assert {p.phone for p in back.phones} == wanted


@PROPERTY
@given(name=names(), number=phones(), notes=texts())
def test_customer_edit(admin, db, li_id, name, number, notes):
    li = customers.get_customer(admin, li_id)
    data = customers.CustomerInput(name, (number,), li.address, li.zone_id,
                                   CustomerKind.PERSON, notes)
    done = attempt(db, lambda: customers.update_customer(admin, li.id, data,
                                                         expected_version=li.version),
                   unchanged=lambda: customers.get_customer(admin, li.id))
    if done is not None:
        back = customers.get_customer(admin, li.id)
        assert (back.name, back.notes) == (typed(name), typed(notes, multiline=True))
        assert [p.phone for p in back.phones] == [normalise_phone(number)[0]]


def test_a_full_width_phone_finds_the_customer_and_is_a_duplicate(admin):
    """138１２３４５６７８ (typed with a Chinese IME) is 张伟's 13812345678."""
    found = customers.find_customers(admin, "138１２３４５６７８")
    assert [c.name for c in found] == ["张伟"]
    assert customers.exact_phone_match("138１２３４５６７８", found) is not None
    with pytest.raises(customers.DuplicatePhone):
        customers.create_customer(admin, customers.CustomerInput("张伟二号",
                                                                 ("138１２３４５６７８",)))
    made = customers.create_customer(admin, customers.CustomerInput("新客户",
                                                                   ("１３９００００１１１１",)))
    assert [p.phone for p in customers.get_customer(admin, made.id).phones] == ["13900001111"]


# ---- calls ----------------------------------------------------------------------------------

@PROPERTY
@given(data=st.data(), fault=texts())
def test_register_call(clerk, db, data, fault):
    received = data.draw(st.none() | moments(clerk.now()))
    customer_id = zhang(clerk)[0]
    call = attempt(db, lambda: calls.register_call(clerk, calls.CallInput(
        fault=fault, customer_id=customer_id, received_at=received)))
    if call is None:
        return
    back = calls.get_call(clerk, call.id)
    assert back.fault == typed(fault)
    assert back.received_at.year >= 2000
    if received is not None:
        assert back.received_at == received


def test_a_call_received_in_1925_is_refused(clerk, db):
    with pytest.raises(ValidationError) as err:
        calls.register_call(clerk, calls.CallInput(fault="不制冷", customer_id=zhang(clerk)[0],
                                                   received_at=datetime(1925, 3, 1, tzinfo=UTC)))
    assert err.value.field == "received_at"


@PROPERTY
@given(data=st.data(), fault=texts(), reason=texts())
def test_edit_call(clerk, db, data, fault, reason):
    call = calls.register_call(clerk, calls.CallInput(fault="不制冷",
                                                      customer_id=zhang(clerk)[0]))
    received = data.draw(moments(clerk.now()))
    edit = calls.CallEdit(fault, Channel.PHONE, None, ServiceKind.REPAIR,
                          Urgency.NORMAL, received)
    done = attempt(db, lambda: calls.update_call(clerk, call.id, edit,
                                                 expected_version=call.version, reason=reason),
                   unchanged=lambda: calls.get_call(clerk, call.id))
    if done is not None:
        back = calls.get_call(clerk, call.id)
        assert (back.fault, back.received_at) == (typed(fault), received)


# ---- carry-in take-in -------------------------------------------------------------------------

@PROPERTY
@given(data=st.data(), accessories=st.lists(texts(50), max_size=4), note=texts(),
       condition=texts(), fault=texts())
def test_take_in(clerk, db, data, accessories, note, condition, fault):
    promised = data.draw(days(clerk.today()))
    customer_id, item_id = zhang(clerk)[0], zhang(clerk)[2]
    walk_in = calls.CallInput(fault=fault, customer_id=customer_id, item_id=item_id,
                              channel=Channel.WALK_IN)
    taken = attempt(db, lambda: carry_in.take_in(clerk, carry_in.TakeInInput(
        user_id(clerk, "tech"), promised, tuple(accessories), note, condition,
        walk_in=walk_in)))
    if taken is None:
        return
    back = carry_in.get_carry_in(clerk, taken.receipt_id)
    assert back.accessories == tuple(typed(a) for a in accessories if a.strip())
    assert (back.accessories_note, back.condition, back.fault) == (
        typed(note), typed(condition), typed(fault))
    assert back.promised_date == promised
    # give the item back so the next example can take it in again
    carry_in_returned(clerk, taken)


def carry_in_returned(clerk: ServiceContext, taken: carry_in.CarryInDTO) -> None:
    with clerk.db.write(None) as session:
        row = session.get(ItemReceipt, taken.receipt_id)
        assert row is not None
        row.status = "taken_back"


# ---- bills, payments, invoices --------------------------------------------------------------

@pytest.fixture
def big_bill(admin) -> int:
    """A ¥100,000.00 bill on a call of 张伟's, for payments and invoices."""
    call = calls.register_call(admin, calls.CallInput(fault="中央空调改造",
                                                      customer_id=zhang(admin)[0]))
    bill = billing.make_bill(admin, call.id, extra=[LineInput("other", "改造工程", Decimal(1),
                                                               Decimal("100000.00"))])
    assert bill.id is not None and bill.total_cents == 10_000_000
    return bill.id


@PROPERTY
@given(description=texts(), quantity=money(), unit=money(), discount=money(), reason=texts())
def test_bill_lines(admin, db, description, quantity, unit, discount, reason):
    call = calls.register_call(admin, calls.CallInput(fault="换门封",
                                                      customer_id=zhang(admin)[0]))
    line = LineInput("other", description, quantity, unit)
    bill = attempt(db, lambda: billing.make_bill(admin, call.id, extra=[line], discount=discount,
                                                 discount_reason=reason))
    if bill is None:
        return
    back = billing.get_bill(admin, call.id)
    assert back is not None
    mine = [ln for ln in back.lines if ln.kind == "other"]
    assert [(ln.description, ln.quantity, ln.unit_cents) for ln in mine] == [
        (typed(description), quantity, to_cents(unit))]
    assert back.discount_cents == to_cents(discount)


@PROPERTY
@given(amount=money(), method=st.sampled_from(["cash", "wechat", "card", "bitcoin"]))
def test_collect(admin, db, big_bill, amount, method):
    paid = attempt(db, lambda: payments.collect(admin, big_bill, amount=amount, method=method,
                                                place="counter"))
    if paid is not None:
        assert payments.find_payment(admin, paid.number).amount_cents == to_cents(amount)


@PROPERTY
@given(number=texts(), amount=money())
def test_invoice(admin, db, big_bill, number, amount):
    done = attempt(db, lambda: payments.record_invoice(admin, big_bill, invoice_no=number,
                                                       amount=amount, issued_on=admin.today()))
    if done is not None:
        found = [i for i in payments.invoices(admin) if i.id == done.id]
        assert [(i.invoice_no, i.amount_cents) for i in found] == [
            (typed(number), to_cents(amount))]


# ---- parts ----------------------------------------------------------------------------------

@PROPERTY
@given(number=texts(), name=names(), unit=texts(12), price=whole_numbers(),
       level=whole_numbers(), received=whole_numbers(), note=texts())
def test_parts(admin, db, number, name, unit, price, level, received, note):
    part = attempt(db, lambda: parts.create_part(admin, parts.PartInput(number, name, unit,
                                                                        price, level)))
    if part is None:
        return
    back = parts.get_part(admin, part.id)
    assert (back.number, back.name, back.unit, back.unit_price_cents, back.reorder_level) == (
        typed(number).upper(), typed(name), typed(unit), price, level)
    stocked = attempt(db, lambda: parts.receive_goods(admin, part.id, received, note=note),
                      unchanged=lambda: parts.get_part(admin, part.id))
    if stocked is not None:
        assert parts.get_part(admin, part.id).stock_on_hand == received
        assert parts.movements(admin, part.id)[0].reason == typed(note)
    counted = attempt(db, lambda: parts.count_stock(admin, part.id, level, reason=note),
                      unchanged=lambda: parts.get_part(admin, part.id))
    if counted is not None:
        assert parts.get_part(admin, part.id).stock_on_hand == level


# ---- complaints, surveys, contracts ---------------------------------------------------------

@PROPERTY
@given(data=st.data(), description=texts(), demand=texts(),
       kind=st.sampled_from(["quality", "attitude", "nonsense"]))
def test_open_complaint(clerk, db, data, description, demand, kind):
    accepted = data.draw(st.none() | days(clerk.today()))
    complaint = attempt(db, lambda: complaints.open_complaint(clerk, complaints.ComplaintInput(
        zhang(clerk)[0], description, kind, demand=demand, accepted_on=accepted)))
    if complaint is not None:
        back = complaints.get_complaint(clerk, complaint.id)
        assert (back.description, back.demand, back.kind) == (
            typed(description, multiline=True), typed(demand, multiline=True), kind)
        assert back.accepted_on == (accepted or clerk.today())


@PROPERTY
@given(data=st.data(), comments=texts(),
       ratings=st.tuples(*[st.integers(-1, 6)] * 4))
def test_survey_card(clerk, db, data, comments, ratings):
    completed_call(clerk)
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    returned = data.draw(st.none() | days(clerk.today()))
    done = attempt(db, lambda: surveys.enter_returned_card(
        clerk, card.id, survey_dto.Ratings(*ratings), via="phone", expected_version=card.version,
        returned_on=returned, comments=comments),
        unchanged=lambda: surveys.get_card(clerk, card.id))
    if done is not None:
        back = surveys.get_card(clerk, card.id)
        assert back.ratings == survey_dto.Ratings(*ratings)
        assert back.comments == typed(comments, multiline=True)


@PROPERTY
@given(data=st.data(), fee=money(), visits_per_year=whole_numbers(), terms=texts())
def test_contract(admin, db, data, fee, visits_per_year, terms):
    start = data.draw(days(admin.today()))
    customer_id, item_id = zhang(admin)[0], zhang(admin)[2]
    end = start + timedelta(days=364)
    made = attempt(db, lambda: contracts.create_contract(admin, contracts.ContractInput(
        customer_id, (item_id,), start, end, fee, True, False, visits_per_year, terms)))
    if made is None:
        return
    back = contracts.get_contract(admin, made.id)
    assert (back.fee_cents, back.visits_per_year, back.terms, back.start_date) == (
        to_cents(fee), visits_per_year, typed(terms, multiline=True), start)
    contracts.cancel_contract(admin, made.id, reason="测试", expected_version=back.version)


# ---- reference data, store profile --------------------------------------------------------

@PROPERTY
@given(code=texts(), name=names(), brand=texts(), months=whole_numbers(), price=money())
def test_product_model(admin, db, code, name, brand, months, price):
    made = attempt(db, lambda: ref.create_product_model(admin, ref.ProductModelInput(
        code, name, "空调", brand, months, price)))
    if made is not None:
        back = ref.get_product_model(admin, made.id)
        assert (back.code, back.name, back.brand, back.warranty_months, back.price) == (
            typed(code).upper(), typed(name), typed(brand), months, yuan(price))


@PROPERTY
@given(name=names(), hours=st.none() | whole_numbers())
def test_zone(admin, db, name, hours):
    made = attempt(db, lambda: ref.create_zone(admin, ref.ZoneInput(name, ZoneKind.CITY, hours)))
    if made is not None:
        back = ref.get_zone(admin, made.id)
        assert back.name == typed(name)
        if hours is not None:
            assert back.dispatch_hours == hours


@PROPERTY
@given(name=names(), address=texts(), phone=phones(), terms=texts())
def test_store_profile_and_terms(admin, db, name, address, phone, terms):
    current = ref.get_store_profile(admin)
    wanted = ref.StoreProfile(name, address, phone, StoreKind.SERVICE_CENTRE, current.timezone)
    saved = attempt(db, lambda: ref.update_store_profile(admin, wanted,
                                                         expected_version=current.version),
                    unchanged=lambda: ref.get_store_profile(admin))
    if saved is not None:
        back = ref.get_store_profile(admin)
        assert (back.name, back.address) == (typed(name), typed(address))
    old = ref.get_receipt_terms(admin)
    done = attempt(db, lambda: ref.update_receipt_terms(admin, terms,
                                                        expected_version=old.version),
                   unchanged=lambda: ref.get_receipt_terms(admin))
    if done is not None:
        assert ref.get_receipt_terms(admin).text == typed(terms, multiline=True)


# ---- visits ---------------------------------------------------------------------------------

@pytest.fixture
def open_job(login) -> tuple[int, ServiceContext]:
    clerk, boss, tech = login("clerk"), login("super"), login("tech")
    call = calls.register_call(clerk, calls.CallInput(fault="不制冷",
                                                      customer_id=zhang(clerk)[0]))
    job = dispatch.dispatch_call(boss, call.id, user_id(boss, "tech"),
                                 expected_version=call.version)
    later = replace(tech, clock=lambda: tech.now() + timedelta(hours=3))
    return job.job_id, later


@PROPERTY
@given(data=st.data(), hostile=st.booleans(), fee=money(),
       small=st.decimals(places=2, min_value=Decimal("0.01"), max_value=60))
def test_visit(db, open_job, data, hostile, fee, small):
    """Any input is saved exactly or refused cleanly; half the examples are a visit as a
    technician would record it (between the dispatch and now, plain text, a small amount),
    so that the saving path and the money taken on the spot are exercised too."""
    job_id, tech = open_job
    if hostile:
        arrived = data.draw(moments(tech.now()))
        completed = arrived + timedelta(minutes=data.draw(st.integers(-10, 600)))
        work, part_text = data.draw(texts()), data.draw(texts())
        minutes = data.draw(st.none() | whole_numbers())
        method = data.draw(st.sampled_from(["cash", "wechat", "bogus", ""]))
    else:
        arrived = tech.now() - timedelta(minutes=data.draw(st.integers(90, 170)))
        completed = arrived + timedelta(minutes=data.draw(st.integers(1, 80)))
        work = data.draw(st.text("清洗滤网更换电容已修好 ", max_size=40))
        part_text = data.draw(st.text("电容滤网𬌗 ", max_size=20))
        minutes = data.draw(st.none() | st.integers(0, 300))
        method, fee = data.draw(st.sampled_from(["cash", "wechat", "alipay", "card"])), small
    taken = None if data.draw(st.booleans()) else visits.MoneyTaken(fee, method)
    job = dispatch.get_job_row(tech, job_id)
    visit = visits.VisitInput(arrived, completed, VisitOutcome.UNFINISHED, work, minutes,
                              part_text, taken=taken)
    done = attempt(db, lambda: visits.record_visit(tech, job_id, visit,
                                                   expected_version=job.version),
                   unchanged=lambda: visits.visits_of_job(tech, job_id))
    if done is None:
        return
    back = next(v for v in visits.visits_of_job(tech, job_id) if v.id == done.id)
    assert (back.work_done, back.parts) == (typed(work, multiline=True), typed(part_text))
    if minutes is not None:
        assert back.labour_minutes == minutes
    assert (done.payment_id is None) == (taken is None)
    if taken is not None and done.payment_id is not None:  # the money taken, to the fen
        paid = payments.find_payment(tech, payments.payment_number(tech, done.payment_id))
        assert (paid.amount_cents, paid.method) == (int(yuan(fee) * 100), taken.method)


# ---- the one money parser, as the UI fields use it -------------------------------------------

@PROPERTY
@given(typed_text=money_texts())
def test_money_text_parses_exactly_or_is_refused(typed_text):
    try:
        cents = parse_money(typed_text)
    except ValidationError as err:
        assert err.field == "amount" and err.text()
        return
    assert 0 <= cents <= 100_000_000
    assert parse_money(f"{Decimal(cents) / 100:.2f}") == cents  # the edit text reads back


# ---- staff accounts, log-in, the store calendar, internal work, follow-ups --------------------

@PROPERTY
@given(username=st.one_of(st.from_regex(r"[a-z][a-z0-9_.]{2,12}", fullmatch=True), texts()),
       display=names(), password=texts(), phone=st.just("") | phones())
def test_staff_account_and_log_in(admin, db, username, display, password, phone):
    made = attempt(db, lambda: auth_service.create_user(
        admin, username=username, display_name=display, role=Role.CLERK, password=password,
        phone=phone))
    if made is not None:
        assert (made.username, made.display_name) == (typed(username).lower(), typed(display))
        assert made.phone == (normalise_phone(phone)[0] if phone.strip() else "")
        assert auth_service.log_in(db, username, password).user_id == made.id
    else:
        with pytest.raises(UserError):  # a hostile log-in is refused, never a crash
            auth_service.log_in(db, username, password + "x")


@PROPERTY
@given(data=st.data(), note=texts(), is_open=st.booleans())
def test_store_day(admin, db, data, note, is_open):
    day = data.draw(days(admin.today()))
    done = attempt(db, lambda: calendar.set_store_day(admin, day, is_open=is_open, note=note))
    if done is not None:
        back = [d for d in calendar.list_store_days(admin, day.year) if d.day == day]
        assert [(d.is_open, d.note) for d in back] == [(is_open, typed(note))]


@PROPERTY
@given(data=st.data(), minutes=whole_numbers(), note=texts())
def test_internal_work(login, db, data, minutes, note):
    tech = login("tech")
    day = data.draw(days(tech.today()))
    done = attempt(db, lambda: visits.log_internal_work(tech, visits.InternalWorkInput(
        day, InternalWorkKind.TOOLS, minutes, note)))
    if done is not None:
        back = [w for w in visits.internal_work_of(tech, tech.actor.user_id or 0, day)
                if w.id == done.id]
        assert [(w.minutes, w.note) for w in back] == [(minutes, typed(note))]


@PROPERTY
@given(data=st.data(), answer=texts(), satisfied=st.booleans())
def test_followup(clerk, db, data, answer, satisfied):
    call_id = completed_call(clerk)
    done_on = data.draw(st.none() | days(clerk.today()))
    done = attempt(db, lambda: followups.record_followup(clerk, call_id, satisfied=satisfied,
                                                         answer=answer, done_on=done_on))
    if done is not None:
        back = [f for f in followups.list_followups(clerk) if f.id == done.id]
        assert [(f.answer, f.satisfied) for f in back] == [(typed(answer, multiline=True),
                                                            satisfied)]


# ---- what is typed into a search or number box --------------------------------------------

SEARCHES = {
    "customers": lambda c, t: customers.find_customers(c, t),
    "call number": lambda c, t: calls.find_call_by_number(c, t),
    "call book": lambda c, t: book.list_calls(c, book.CallFilter(search=t)),
    "bill by number": lambda c, t: billing.call_for_number(c, t),
    "receipt number": lambda c, t: carry_in.find_by_number(c, t),
    "part number": lambda c, t: parts.find_part(c, t),
    "parts list": lambda c, t: parts.list_parts(c, search=t),
    "complaint number": lambda c, t: complaints.find_complaint(c, t),
    "survey card": lambda c, t: surveys.find_card(c, t),
    "contract number": lambda c, t: contracts.find_contract(c, t),
    "payment number": lambda c, t: payments.find_payment(c, t),
    "catalogue": lambda c, t: ref.list_product_models(c, search=t),
    "serial": lambda c, t: exchanges.find_item_by_serial(c, t),
}


@pytest.mark.parametrize("box", sorted(SEARCHES))
@PROPERTY
@given(term=texts())
def test_search_boxes_find_or_say_not_found(admin, box, term):
    try:
        SEARCHES[box](admin, term)
    except UserError as err:
        assert err.text()


def test_a_search_with_nul_or_a_broken_character_still_finds(admin):
    assert [c.name for c in customers.find_customers(admin, "张\x00伟\ud800")] == ["张伟"]
