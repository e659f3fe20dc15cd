"""Blue Sheet operations: validation a seller can read, one transaction each, exact undo through snapshots."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import operations as ops
from planner import red_flags
from planner import sheet_operations as sheet
from planner.model import (
    AccountDraft,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    ConceptKind,
    Degree,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
)
from planner.operations import OperationError
from planner.sheet_operations import NewPerson, Objective
from planner.storage import activities, opportunities, people, stages
from planner.storage.db import PlanDB, open_memory
from tests.conftest import TODAY
from tests.planner.test_operations import dump


@dataclasses.dataclass
class Sheet:
    """An account with two deals and three people; the first deal has one influence."""

    plan: PlanDB
    account: int
    deal: int
    other_deal: int
    maria: int
    tom: int
    aisha: int
    influence: int


@pytest.fixture
def sheet_plan(plan: PlanDB) -> Sheet:
    _c, account = ops.create_account(plan, AccountDraft("Acme"))
    stage = stages.list_stages(plan)[1].id
    draft = OpportunityDraft("Fleet rollout", account, stage, product="Telematics", amount=1000.0)
    _c, deal = ops.create_opportunity(plan, draft, TODAY)
    _c, other = ops.create_opportunity(plan, dataclasses.replace(draft, title="Fleet pilot"), TODAY)
    maria = people.insert_person(plan, Person(0, account, "Maria Keller", "CFO"))
    tom = people.insert_person(plan, Person(0, account, "Tom Baker", "Head of Operations"))
    aisha = people.insert_person(plan, Person(0, account, "Aisha Rahman", "IT Architect"))
    _c, influence = sheet.add_influence(plan, deal, maria, BuyingInfluence(0, 0, 0, role=Role.ECONOMIC))
    return Sheet(plan, account, deal, other, maria, tom, aisha, influence)


def _undo_redo_is_exact(plan: PlanDB, deal: int, edit: Callable[[], object]) -> None:
    """Do an edit, then revert the deal's snapshot: every table, people included, is as before."""
    before_dump = dump(plan)
    before = ops.snapshot_opportunity(plan, deal)
    edit()
    after_dump = dump(plan)
    assert after_dump != before_dump, "the edit wrote nothing"
    after = ops.snapshot_opportunity(plan, deal)
    ops.revert_opportunity(plan, deal, before)
    assert dump(plan) == before_dump
    ops.revert_opportunity(plan, deal, after)
    assert dump(plan) == after_dump


# ----------------------------------------------------------------------------------------------
# Objective and position


def test_objective_is_written_and_a_close_date_change_is_history(sheet_plan: Sheet) -> None:
    s = sheet_plan
    objective = Objective("Route Optimiser", 25.0, 52_000.0, "usd", dt.date(2027, 3, 31))
    change = sheet.set_objective(s.plan, s.deal, objective)
    assert change.opportunities == {s.deal}
    deal = opportunities.get_opportunity(s.plan, s.deal)
    assert deal is not None
    assert (deal.product, deal.quantity, deal.amount, deal.currency, deal.close_date) == (
        "Route Optimiser",
        25.0,
        52_000.0,
        "USD",
        dt.date(2027, 3, 31),
    )
    assert deal.title == "Fleet rollout"  # the rest of the deal is untouched
    sheet.set_objective(s.plan, s.deal, dataclasses.replace(objective, close_date=dt.date(2027, 5, 1)))
    history = opportunities.close_date_history(s.plan, s.deal)
    assert [(c.old_date, c.new_date) for c in history] == [
        (None, dt.date(2027, 3, 31)),
        (dt.date(2027, 3, 31), dt.date(2027, 5, 1)),
    ]
    assert history[-1].is_slip
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.set_objective(s.plan, s.deal, Objective()))


@pytest.mark.parametrize(
    ("objective", "message"),
    [
        (Objective(amount=-5.0), "negative"),
        (Objective(amount=float("nan")), "number"),
        (Objective(quantity=0.0), "positive number"),
        (Objective(currency="euro"), "three-letter"),
        (Objective(product="x" * 301), "too long"),
        (Objective(close_date=dt.date(1800, 1, 1)), "between the years 1900 and 2200"),
    ],
)
def test_objective_refuses_what_a_seller_would_call_a_typo(
    sheet_plan: Sheet, objective: Objective, message: str
) -> None:
    before = dump(sheet_plan.plan)
    with pytest.raises(OperationError, match=message):
        sheet.set_objective(sheet_plan.plan, sheet_plan.deal, objective)
    assert dump(sheet_plan.plan) == before


def test_position_on_the_scale_or_not_set(sheet_plan: Sheet) -> None:
    s = sheet_plan
    for value in (5, -5, 0, None):
        sheet.set_position(s.plan, s.deal, value)
        deal = opportunities.get_opportunity(s.plan, s.deal)
        assert deal is not None
        assert deal.position == value
    for bad in (6, -6, 2.5, True, "3"):
        with pytest.raises(OperationError, match="Panic"):
            sheet.set_position(s.plan, s.deal, bad)  # type: ignore[arg-type]
    with pytest.raises(OperationError, match="no longer exists"):
        sheet.set_position(s.plan, 999, 1)
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.set_position(s.plan, s.deal, 4))


# ----------------------------------------------------------------------------------------------
# Buying influences and people


def test_add_an_account_person_and_a_new_person(sheet_plan: Sheet) -> None:
    s = sheet_plan
    change, tom_bi = sheet.add_influence(s.plan, s.deal, s.tom)
    assert change.opportunities == {s.deal}
    added = people.get_influence(s.plan, tom_bi)
    assert added is not None
    # Every value starts unknown: "missing information is a red flag".
    assert (added.role, added.degree, added.mode, added.rating) == (
        Role.UNKNOWN,
        Degree.UNKNOWN,
        Mode.UNKNOWN,
        None,
    )
    count = len(people.list_people(s.plan, s.account))
    _c, new_bi = sheet.add_influence(s.plan, s.deal, NewPerson("  Lena Fischer ", "Team Lead"))
    new = people.get_influence(s.plan, new_bi)
    assert new is not None
    person = people.get_person(s.plan, new.person_id)
    assert person is not None
    assert (person.name, person.title, person.account_id) == ("Lena Fischer", "Team Lead", s.account)
    assert len(people.list_people(s.plan, s.account)) == count + 1


def test_one_person_on_several_deals_but_once_per_deal(sheet_plan: Sheet) -> None:
    s = sheet_plan
    sheet.add_influence(s.plan, s.other_deal, s.maria)
    assert people.opportunities_of_person(s.plan, s.maria) == [s.deal, s.other_deal]
    with pytest.raises(OperationError, match="Maria Keller is already a buying influence on this deal"):
        sheet.add_influence(s.plan, s.deal, s.maria)


def test_people_of_another_account_or_a_deal_without_one(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, globex = ops.create_account(s.plan, AccountDraft("Globex"))
    stranger = people.insert_person(s.plan, Person(0, globex, "Wei Chen"))
    with pytest.raises(OperationError, match="Wei Chen is not at this deal's account"):
        sheet.add_influence(s.plan, s.deal, stranger)
    _c, orphan = ops.create_opportunity(
        s.plan, OpportunityDraft("No account", None, stages.list_stages(s.plan)[0].id), TODAY
    )
    with pytest.raises(OperationError, match="Give the deal an account first"):
        sheet.add_influence(s.plan, orphan, NewPerson("Someone"))
    with pytest.raises(OperationError, match="That person no longer exists"):
        sheet.add_influence(s.plan, s.deal, 9999)
    with pytest.raises(OperationError, match="name cannot be empty"):
        sheet.add_influence(s.plan, s.deal, NewPerson("   "))


def test_a_refused_influence_does_not_leave_its_new_person_behind(sheet_plan: Sheet) -> None:
    s = sheet_plan
    before = dump(s.plan)
    with pytest.raises(OperationError, match="rating runs from"):
        sheet.add_influence(s.plan, s.deal, NewPerson("Ghost"), BuyingInfluence(0, 0, 0, rating=9))
    assert dump(s.plan) == before


def test_unknown_is_valid_and_off_scale_ratings_are_refused(sheet_plan: Sheet) -> None:
    s = sheet_plan
    bi = people.get_influence(s.plan, s.influence)
    assert bi is not None
    unknown = dataclasses.replace(
        bi, role=Role.UNKNOWN, degree=Degree.UNKNOWN, mode=Mode.UNKNOWN, rating=None, concept_kind=None
    )
    sheet.update_influence(s.plan, unknown)
    assert people.get_influence(s.plan, s.influence) == unknown
    for rating in (6, -6, 100):
        with pytest.raises(
            OperationError, match=f"A rating runs from \u22125 to \\+5, or is Unknown; {rating}"
        ):
            sheet.update_influence(s.plan, dataclasses.replace(bi, rating=rating))
    with pytest.raises(OperationError, match="rating runs from"):
        sheet.update_influence(s.plan, dataclasses.replace(bi, rating=True))


@given(st.integers(min_value=-1000, max_value=1000))
def test_a_rating_is_accepted_exactly_when_it_is_on_the_scale(rating: int) -> None:
    plan = open_memory()
    try:
        _c, account = ops.create_account(plan, AccountDraft("Acme"))
        _c, deal = ops.create_opportunity(
            plan, OpportunityDraft("Deal one", account, stages.list_stages(plan)[0].id), TODAY
        )
        try:
            sheet.add_influence(plan, deal, NewPerson("Maria"), BuyingInfluence(0, 0, 0, rating=rating))
        except OperationError:
            assert not -5 <= rating <= 5
        else:
            assert -5 <= rating <= 5
    finally:
        plan.close()


def test_qt_hands_back_plain_strings_and_they_become_enums(sheet_plan: Sheet) -> None:
    s = sheet_plan
    bi = people.get_influence(s.plan, s.influence)
    assert bi is not None
    loose = dataclasses.replace(
        bi,
        role="coach",  # type: ignore[arg-type]
        degree="high",  # type: ignore[arg-type]
        mode="even_keel",  # type: ignore[arg-type]
        concept_kind="fix",  # type: ignore[arg-type]
    )
    sheet.update_influence(s.plan, loose)
    stored = people.get_influence(s.plan, s.influence)
    assert stored is not None
    assert (stored.role, stored.degree, stored.mode, stored.concept_kind) == (
        Role.COACH,
        Degree.HIGH,
        Mode.EVEN_KEEL,
        ConceptKind.FIX,
    )
    with pytest.raises(OperationError, match="“boss” is not a role: choose Economic, User"):
        sheet.update_influence(s.plan, dataclasses.replace(bi, role="boss"))  # type: ignore[arg-type]
    with pytest.raises(OperationError, match="not a response mode"):
        sheet.update_influence(s.plan, dataclasses.replace(bi, mode="calm"))  # type: ignore[arg-type]


def test_two_economic_buyers_can_be_saved_and_are_flagged(sheet_plan: Sheet) -> None:
    s = sheet_plan
    sheet.add_influence(s.plan, s.deal, s.tom, BuyingInfluence(0, 0, 0, role=Role.ECONOMIC))
    flags = red_flags.evaluate_plan(s.plan, TODAY, [s.deal])[s.deal]
    several = [f for f in flags if f.rule == red_flags.SEVERAL_ECONOMIC_BUYERS]
    assert len(several) == 1
    assert "Maria Keller and Tom Baker" in several[0].reason


def test_every_field_of_an_influence_is_written(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, tom_bi = sheet.add_influence(s.plan, s.deal, s.tom)
    bi = people.get_influence(s.plan, tom_bi)
    assert bi is not None
    edited = dataclasses.replace(
        bi,
        role=Role.COACH,
        degree=Degree.MEDIUM,
        mode=Mode.TROUBLE,
        rating=-4,
        win="Recognition",
        result="Fewer late deliveries",
        concept="Cut late deliveries",
        concept_kind=ConceptKind.ACCOMPLISH,
        covered_by="Sam Seller",
        last_contact=dt.date(2026, 11, 20),
        new_in_job=True,
        reports_to_id=s.maria,
        evidence="Said so in the call",
    )
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.update_influence(s.plan, edited))
    assert people.get_influence(s.plan, tom_bi) == edited


def test_reports_to_must_make_an_org_chart(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, tom_bi = sheet.add_influence(s.plan, s.deal, s.tom)
    maria = people.get_influence(s.plan, s.influence)
    tom = people.get_influence(s.plan, tom_bi)
    assert maria is not None
    assert tom is not None
    sheet.update_influence(s.plan, dataclasses.replace(tom, reports_to_id=s.maria))
    with pytest.raises(OperationError, match="Nobody reports to themself"):
        sheet.update_influence(s.plan, dataclasses.replace(maria, reports_to_id=s.maria))
    with pytest.raises(
        OperationError, match="Maria Keller cannot report to Tom Baker: Tom Baker already reports to Maria"
    ):
        sheet.update_influence(s.plan, dataclasses.replace(maria, reports_to_id=s.tom))
    _c, globex = ops.create_account(s.plan, AccountDraft("Globex"))
    stranger = people.insert_person(s.plan, Person(0, globex, "Wei Chen"))
    with pytest.raises(OperationError, match="someone at the deal's account"):
        sheet.update_influence(s.plan, dataclasses.replace(maria, reports_to_id=stranger))
    # Someone at the account who is not on this deal is fine: the map shows them greyed.
    sheet.update_influence(s.plan, dataclasses.replace(maria, reports_to_id=s.aisha))


def test_an_influence_stays_on_its_deal_and_can_change_person(sheet_plan: Sheet) -> None:
    s = sheet_plan
    bi = people.get_influence(s.plan, s.influence)
    assert bi is not None
    with pytest.raises(OperationError, match="stays on its deal"):
        sheet.update_influence(s.plan, dataclasses.replace(bi, opportunity_id=s.other_deal))
    sheet.update_influence(s.plan, dataclasses.replace(bi, person_id=s.aisha))
    moved = people.get_influence(s.plan, s.influence)
    assert moved is not None
    assert moved.person_id == s.aisha
    with pytest.raises(OperationError, match="no longer exists"):
        sheet.update_influence(s.plan, dataclasses.replace(bi, id=999))


def test_remove_keeps_the_person_and_undo_is_exact(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.remove_influence(s.plan, s.influence))
    assert people.get_influence(s.plan, s.influence) is None
    assert people.get_person(s.plan, s.maria) is not None
    with pytest.raises(OperationError, match="no longer exists"):
        sheet.remove_influence(s.plan, s.influence)


def test_person_edits_have_their_own_exact_undo(sheet_plan: Sheet) -> None:
    s = sheet_plan
    sheet.add_influence(s.plan, s.other_deal, s.maria)
    maria = people.get_person(s.plan, s.maria)
    assert maria is not None
    before_dump = dump(s.plan)
    before = sheet.snapshot_person(s.plan, s.maria)
    change = sheet.update_person(s.plan, dataclasses.replace(maria, name=" Maria Keller-Wolf ", title="CEO"))
    assert change.opportunities == {s.deal, s.other_deal}  # both cards and sheets show her
    renamed = people.get_person(s.plan, s.maria)
    assert renamed is not None
    assert (renamed.name, renamed.title) == ("Maria Keller-Wolf", "CEO")
    after_dump = dump(s.plan)
    after = sheet.snapshot_person(s.plan, s.maria)
    assert sheet.revert_person(s.plan, before).opportunities == {s.deal, s.other_deal}
    assert dump(s.plan) == before_dump
    sheet.revert_person(s.plan, after)
    assert dump(s.plan) == after_dump
    with pytest.raises(OperationError, match="name cannot be empty"):
        sheet.update_person(s.plan, dataclasses.replace(maria, name=" "))
    with pytest.raises(OperationError, match="stays at their account"):
        sheet.update_person(s.plan, dataclasses.replace(maria, account_id=999))


def test_adding_with_a_new_person_undoes_both(sheet_plan: Sheet) -> None:
    s = sheet_plan
    before_dump = dump(s.plan)
    before = ops.snapshot_opportunity(s.plan, s.deal)
    _c, bi_id = sheet.add_influence(s.plan, s.deal, NewPerson("Lena Fischer"), BuyingInfluence(0, 0, 0))
    bi = people.get_influence(s.plan, bi_id)
    assert bi is not None
    after_dump = dump(s.plan)
    after = ops.snapshot_opportunity(s.plan, s.deal)
    row = sheet.snapshot_person(s.plan, bi.person_id)
    absent = dataclasses.replace(row, rows=())
    assert sheet.revert_with_person(s.plan, s.deal, before, bi.person_id, absent).opportunities == {s.deal}
    assert dump(s.plan) == before_dump
    sheet.revert_with_person(s.plan, s.deal, after, bi.person_id, row)
    assert dump(s.plan) == after_dump


# ----------------------------------------------------------------------------------------------
# Competition, actions, manual flags, notes


def test_competition_of_every_kind(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, contoso = sheet.add_competitor(s.plan, s.deal, " Contoso ", CompetitionKind.VENDOR, "Cheaper")
    _c, nothing = sheet.add_competitor(s.plan, s.deal, "", CompetitionKind.DO_NOTHING)
    listed = activities.list_competitors(s.plan, s.deal)
    assert [(c.name, c.kind) for c in listed] == [
        ("Contoso", CompetitionKind.VENDOR),
        ("", CompetitionKind.DO_NOTHING),
    ]
    with pytest.raises(OperationError, match="Name the other vendor"):
        sheet.add_competitor(s.plan, s.deal, " ", CompetitionKind.VENDOR)
    with pytest.raises(OperationError, match="not a kind of competition"):
        sheet.add_competitor(s.plan, s.deal, "X", "partner")  # type: ignore[arg-type]
    internal = dataclasses.replace(listed[0], kind=CompetitionKind.INTERNAL, notes="The IT team builds it")
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.update_competitor(s.plan, internal))
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.remove_competitor(s.plan, nothing))
    assert contoso


def test_actions_keep_their_done_date_and_link_to_flags(sheet_plan: Sheet) -> None:
    s = sheet_plan
    flags = red_flags.evaluate_plan(s.plan, TODAY, [s.deal])[s.deal]
    no_coach = next(f for f in flags if f.rule == red_flags.NO_COACH)
    assert sheet.flag_ref(no_coach) == "no-coach"
    _c, action_id = sheet.add_action(
        s.plan,
        s.deal,
        "Ask Maria who could coach us",
        TODAY,
        who="Sam",
        due=TODAY + dt.timedelta(days=3),
        status=ActionStatus.PLANNED,
        flag_ref=sheet.flag_ref(no_coach),
    )
    action = activities.get_action(s.plan, action_id)
    assert action is not None
    assert action.done_on is None
    assert sheet.find_flag(flags, action.flag_ref) == no_coach
    later = TODAY + dt.timedelta(days=5)
    sheet.update_action(s.plan, dataclasses.replace(action, status=ActionStatus.DONE), TODAY)
    done = activities.get_action(s.plan, action_id)
    assert done is not None
    assert (done.status, done.done_on, done.due) == (ActionStatus.DONE, TODAY, action.due)
    sheet.update_action(s.plan, dataclasses.replace(done, who="Sam Seller"), later)
    kept = activities.get_action(s.plan, action_id)
    assert kept is not None
    assert kept.done_on == TODAY  # done actions keep their date
    sheet.update_action(s.plan, dataclasses.replace(kept, status=ActionStatus.PLANNED), later)
    reopened = activities.get_action(s.plan, action_id)
    assert reopened is not None
    assert reopened.done_on is None
    with pytest.raises(OperationError, match="What the action is cannot be empty"):
        sheet.add_action(s.plan, s.deal, "  ", TODAY)
    with pytest.raises(OperationError, match="not a red flag or strength the planner knows"):
        sheet.add_action(s.plan, s.deal, "Call", TODAY, flag_ref="no-such-rule")
    with pytest.raises(OperationError, match="not a status"):
        sheet.update_action(s.plan, dataclasses.replace(kept, status="later"), TODAY)  # type: ignore[arg-type]
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.remove_action(s.plan, action_id))


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("no-coach", ("no-coach", None)),
        ("hostile-influence:influence:12", ("hostile-influence", red_flags.RecordRef("influence", 12))),
        ("manual:manual_flag:3", ("manual", red_flags.RecordRef("manual_flag", 3))),
        ("", None),
        ("no-coach:influence", None),
        ("no-coach:person:3", None),
        ("no-coach:influence:x", None),
        ("no-coach:influence:\u0663", None),  # an Arabic-Indic digit is a digit, not an id
        ("made-up", None),
    ],
)
def test_flag_links_parse(text: str, parsed: Any) -> None:
    assert sheet.parse_flag_ref(text) == parsed


def test_flag_refs_round_trip_for_every_result_of_the_demo(demo_plan: PlanDB) -> None:
    for flags in red_flags.evaluate_plan(demo_plan, TODAY).values():
        for flag in flags:
            rule, ref = sheet.parse_flag_ref(sheet.flag_ref(flag)) or ("", None)
            assert rule == flag.rule
            assert (ref or red_flags.RecordRef("opportunity", flag.ref.id)) == flag.ref
            assert sheet.find_flag(flags, sheet.flag_ref(flag)) is not None


def test_manual_flags_reach_the_rule_engine(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, mine = sheet.add_manual_flag(s.plan, s.deal, "Procurement wants three quotes", is_strength=False)
    _c, good = sheet.add_manual_flag(
        s.plan, s.deal, "Maria liked the pilot", is_strength=True, influence_id=s.influence
    )
    flags = red_flags.evaluate_plan(s.plan, TODAY, [s.deal])[s.deal]
    manual = [(f.reason, f.is_strength, f.ref) for f in flags if f.rule == red_flags.MANUAL]
    assert manual == [
        ("Procurement wants three quotes", False, red_flags.RecordRef("manual_flag", mine)),
        ("Maria liked the pilot", True, red_flags.RecordRef("manual_flag", good)),
    ]
    with pytest.raises(OperationError, match="The red flag cannot be empty"):
        sheet.add_manual_flag(s.plan, s.deal, " ", is_strength=False)
    _c, tom_bi = sheet.add_influence(s.plan, s.other_deal, s.tom)
    with pytest.raises(OperationError, match="not on this deal"):
        sheet.add_manual_flag(s.plan, s.deal, "x", is_strength=False, influence_id=tom_bi)
    flag = activities.get_manual_flag(s.plan, mine)
    assert flag is not None
    _undo_redo_is_exact(
        s.plan,
        s.deal,
        lambda: sheet.update_manual_flag(s.plan, dataclasses.replace(flag, text="Four quotes")),
    )
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.remove_manual_flag(s.plan, mine))


def test_notes_private_shareable_and_coaching(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, note_id = sheet.add_note(s.plan, s.deal, "The CFO wants payback in a year")
    note = activities.get_note(s.plan, note_id)
    assert note is not None
    assert (note.private, note.author) == (True, "seller")
    _undo_redo_is_exact(
        s.plan,
        s.deal,
        lambda: sheet.update_note(
            s.plan, dataclasses.replace(note, body="Payback in 10 months", private=False)
        ),
    )
    coaching = activities.insert_note(
        s.plan, Note(0, "Meet the CFO before the proposal", opportunity_id=s.deal, author="manager")
    )
    with pytest.raises(OperationError, match="Coaching notes are your manager's"):
        sheet.update_note(s.plan, Note(coaching, "Overwritten", opportunity_id=s.deal))
    with pytest.raises(OperationError, match="Coaching notes are your manager's"):
        sheet.remove_note(s.plan, coaching)
    with pytest.raises(OperationError, match="The note cannot be empty"):
        sheet.add_note(s.plan, s.deal, "\n ")
    _undo_redo_is_exact(s.plan, s.deal, lambda: sheet.remove_note(s.plan, note_id))


def test_every_operation_on_a_missing_record_says_so(sheet_plan: Sheet) -> None:
    s = sheet_plan
    calls: list[Callable[[], object]] = [
        lambda: sheet.remove_competitor(s.plan, 999),
        lambda: sheet.remove_action(s.plan, 999),
        lambda: sheet.remove_manual_flag(s.plan, 999),
        lambda: sheet.remove_note(s.plan, 999),
        lambda: sheet.add_note(s.plan, 999, "x"),
        lambda: sheet.add_competitor(s.plan, 999, "x"),
        lambda: sheet.add_action(s.plan, 999, "x", TODAY),
        lambda: sheet.set_objective(s.plan, 999, Objective()),
    ]
    before = dump(s.plan)
    for call in calls:
        with pytest.raises(OperationError, match="no longer exists"):
            call()
    assert dump(s.plan) == before


def test_values_the_schema_refuses_today_read_as_defaults(sheet_plan: Sheet) -> None:
    s = sheet_plan
    _c, action_id = sheet.add_action(s.plan, s.deal, "Call", TODAY)
    _c, competitor_id = sheet.add_competitor(s.plan, s.deal, "Contoso")
    s.plan.conn.execute("PRAGMA ignore_check_constraints = ON")
    with s.plan.atomic():
        s.plan.execute(
            "UPDATE action SET status = 'someday', due = 'next week', done_on = 42 WHERE id = ?", [action_id]
        )
        s.plan.execute("UPDATE competitor SET kind = 'partner' WHERE id = ?", [competitor_id])
    s.plan.conn.execute("PRAGMA ignore_check_constraints = OFF")
    (action,) = activities.list_actions(s.plan, s.deal)
    assert (action.status, action.due, action.done_on) == (ActionStatus.POSSIBLE, None, None)
    (competitor,) = activities.list_competitors(s.plan, s.deal)
    assert competitor.kind is CompetitionKind.VENDOR
