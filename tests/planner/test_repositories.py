"""Every repository function against a real (in-memory) SQLite plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from planner.model import (
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Competitor,
    ConceptKind,
    Degree,
    ForecastCategory,
    FunnelLevel,
    ManualFlag,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
)
from planner.stages import StageSpec
from planner.storage import accounts, activities, opportunities, people, settings, stages
from planner.storage.board import account_names, load_all_details, load_cards, load_details
from planner.storage.db import PlanDB

D = dt.date


def _deal(plan: PlanDB, title: str = "Rollout", **fields: object) -> int:
    stage_id = stages.list_stages(plan)[0].id
    values: dict[str, object] = {"title": title, "account_id": None, "stage_id": stage_id}
    values.update(fields)
    return opportunities.insert_opportunity(plan, OpportunityDraft(**values), stage_entered=D(2026, 11, 1))  # type: ignore[arg-type]


def test_accounts_round_trip_and_hierarchy(plan: PlanDB) -> None:
    parent = accounts.insert_account(plan, AccountDraft("Northwind Group", industry="Logistics"))
    child = accounts.insert_account(plan, AccountDraft("Northwind Freight", parent_id=parent))
    grandchild = accounts.insert_account(plan, AccountDraft("Northwind Air", parent_id=child))
    got = accounts.get_account(plan, child)
    assert got is not None
    assert (got.name, got.parent_id) == ("Northwind Freight", parent)
    assert [a.name for a in accounts.list_accounts(plan)] == [
        "Northwind Air",
        "Northwind Freight",
        "Northwind Group",
    ]
    assert sorted(accounts.descendants(plan, parent)) == sorted([parent, child, grandchild])
    accounts.update_account(plan, child, AccountDraft("  NW Freight ", parent_id=None, notes="n"))
    updated = accounts.get_account(plan, child)
    assert updated is not None
    assert (updated.name, updated.parent_id, updated.notes) == ("NW Freight", None, "n")
    assert accounts.get_account(plan, 9999) is None


def test_deleting_an_account_removes_its_deals_and_unparents_children(plan: PlanDB) -> None:
    parent = accounts.insert_account(plan, AccountDraft("Parent"))
    child = accounts.insert_account(plan, AccountDraft("Child", parent_id=parent))
    _deal(plan, account_id=parent)
    _deal(plan, account_id=parent)
    assert accounts.count_opportunities(plan, parent) == 2
    accounts.delete_account(plan, parent)
    assert opportunities.count_opportunities(plan) == 0
    orphan = accounts.get_account(plan, child)
    assert orphan is not None
    assert orphan.parent_id is None


def test_account_name_cannot_be_blank_in_the_database(plan: PlanDB) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        accounts.insert_account(plan, AccountDraft("   "))


def test_stages_insert_update_delete(plan: PlanDB) -> None:
    spec = StageSpec("Discovery", FunnelLevel.ABOVE, 15, 20, ("Shared the org chart",))
    stage_id = stages.insert_stage(plan, spec, position=10)
    got = stages.get_stage(plan, stage_id)
    assert got is not None
    assert got.exit_commitments == ("Shared the org chart",)
    stages.update_stage(plan, stage_id, StageSpec("Discovery call", FunnelLevel.IN, 20, None, ()), position=1)
    got = stages.get_stage(plan, stage_id)
    assert got is not None
    assert (got.name, got.level, got.probability, got.stale_after_days) == (
        "Discovery call",
        FunnelLevel.IN,
        20,
        None,
    )
    stages.delete_stage(plan, stage_id)
    assert stages.get_stage(plan, stage_id) is None


def test_opportunity_round_trip(plan: PlanDB) -> None:
    account = accounts.insert_account(plan, AccountDraft("Acme"))
    deal = _deal(
        plan,
        "Telematics",
        account_id=account,
        product="Fleet Telematics",
        quantity=25.0,
        amount=120_000.5,
        currency="USD",
        close_date=D(2026, 12, 15),
        probability_override=35,
        forecast_category=ForecastCategory.BEST_CASE,
        next_step="Demo",
    )
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.title, got.account_id, got.amount, got.currency) == ("Telematics", account, 120_000.5, "USD")
    assert (got.close_date, got.probability_override, got.forecast_category) == (
        D(2026, 12, 15),
        35,
        ForecastCategory.BEST_CASE,
    )
    assert got.stage_entered == D(2026, 11, 1)
    assert [o.id for o in opportunities.list_opportunities(plan, account_id=account)] == [deal]
    assert opportunities.get_opportunity(plan, 12345) is None


def test_update_records_close_date_changes(plan: PlanDB) -> None:
    deal = _deal(plan, close_date=D(2026, 12, 1))
    current = opportunities.get_opportunity(plan, deal)
    assert current is not None
    draft = OpportunityDraft(current.title, None, current.stage_id, close_date=D(2027, 1, 15))
    opportunities.update_opportunity(plan, deal, draft)
    opportunities.update_opportunity(plan, deal, draft)  # unchanged date: no new row
    history = opportunities.close_date_history(plan, deal)
    assert [(c.old_date, c.new_date, c.is_slip) for c in history] == [(D(2026, 12, 1), D(2027, 1, 15), True)]
    with pytest.raises(KeyError):
        opportunities.update_opportunity(plan, 999, draft)


def test_stage_moves_and_closing(plan: PlanDB) -> None:
    all_stages = stages.list_stages(plan)
    deal = _deal(plan)
    opportunities.add_stage_move(
        plan,
        deal,
        all_stages[0].id,
        all_stages[1].id,
        commitment_date=D(2026, 11, 20),
        commitment="Agreed to meet",
    )
    opportunities.set_stage(plan, deal, all_stages[1].id, entered=D(2026, 11, 20), last_open_stage_id=None)
    history = opportunities.stage_history(plan, deal)
    assert [(m.from_stage_id, m.to_stage_id, m.commitment) for m in history] == [
        (all_stages[0].id, all_stages[1].id, "Agreed to meet")
    ]
    opportunities.set_closed(plan, deal, D(2026, 11, 25), "Lost to Contoso")
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.stage_id, got.closed_on, got.close_reason) == (
        all_stages[1].id,
        D(2026, 11, 25),
        "Lost to Contoso",
    )
    opportunities.delete_opportunity(plan, deal)
    assert opportunities.stage_history(plan, deal) == []


def test_people_and_buying_influences(plan: PlanDB) -> None:
    account = accounts.insert_account(plan, AccountDraft("Acme"))
    boss = people.insert_person(plan, Person(0, account, "Maria Keller", "CFO"))
    engineer = people.insert_person(plan, Person(0, account, "Aisha Rahman", "Architect"))
    assert [p.name for p in people.list_people(plan, account)] == ["Aisha Rahman", "Maria Keller"]
    person = people.get_person(plan, boss)
    assert person is not None
    assert person.title == "CFO"
    deal = _deal(plan, account_id=account)
    influence = BuyingInfluence(
        id=0,
        opportunity_id=deal,
        person_id=engineer,
        role=Role.TECHNICAL,
        degree=Degree.HIGH,
        mode=Mode.TROUBLE,
        rating=-4,
        win="Recognition",
        result="Fewer outages",
        concept="Fix the integration",
        concept_kind=ConceptKind.FIX,
        covered_by="Sam",
        last_contact=D(2026, 11, 2),
        new_in_job=True,
        reports_to_id=boss,
        evidence="Said it in the call",
    )
    new_id = people.insert_influence(plan, influence)
    (got,) = people.list_influences(plan, deal)
    assert got == dataclasses.replace(influence, id=new_id)
    # Unknown is a valid value for role, mode, degree and rating.
    people.insert_influence(plan, BuyingInfluence(0, deal, boss))
    unknown = people.list_influences(plan, deal)[1]
    assert (unknown.role, unknown.degree, unknown.mode, unknown.rating) == (
        Role.UNKNOWN,
        Degree.UNKNOWN,
        Mode.UNKNOWN,
        None,
    )
    with pytest.raises(sqlite3.IntegrityError):  # one row per person and deal
        people.insert_influence(plan, BuyingInfluence(0, deal, boss))


def test_actions_competitors_flags_notes(plan: PlanDB) -> None:
    deal = _deal(plan)
    activities.insert_action(
        plan, Action(0, deal, "Done thing", status=ActionStatus.DONE, done_on=D(2026, 11, 3))
    )
    activities.insert_action(plan, Action(0, deal, "Later", due=D(2026, 12, 3), status=ActionStatus.PLANNED))
    activities.insert_action(plan, Action(0, deal, "Sooner", due=D(2026, 12, 1), flag_ref="no-coach"))
    assert [a.what for a in activities.list_actions(plan, deal)] == ["Sooner", "Later", "Done thing"]
    assert activities.list_actions(plan, deal)[0].flag_ref == "no-coach"
    activities.insert_competitor(plan, Competitor(0, deal, "Contoso", CompetitionKind.VENDOR, "cheaper"))
    activities.insert_competitor(plan, Competitor(0, deal, "Status quo", CompetitionKind.DO_NOTHING))
    assert [(c.name, c.kind) for c in activities.list_competitors(plan, deal)] == [
        ("Contoso", CompetitionKind.VENDOR),
        ("Status quo", CompetitionKind.DO_NOTHING),
    ]
    activities.insert_manual_flag(plan, ManualFlag(0, deal, False, "Budget freeze rumour"))
    activities.insert_manual_flag(plan, ManualFlag(0, deal, True, "Long relationship"))
    assert [(f.is_strength, f.text) for f in activities.list_manual_flags(plan, deal)] == [
        (False, "Budget freeze rumour"),
        (True, "Long relationship"),
    ]
    activities.insert_note(plan, Note(0, "Private thought", opportunity_id=deal))
    activities.insert_note(
        plan, Note(0, "Coach harder", opportunity_id=deal, private=False, author="manager")
    )
    notes = activities.list_notes(plan, deal)
    assert [(n.body, n.private, n.author) for n in notes] == [
        ("Private thought", True, "seller"),
        ("Coach harder", False, "manager"),
    ]


def test_settings_round_trip_any_json(plan: PlanDB) -> None:
    assert settings.get_setting(plan, "rates", {}) == {}
    settings.set_setting(plan, "rates", {"USD": 0.92})
    settings.set_setting(plan, "rates", {"USD": 0.93, "GBP": 1.17})
    assert settings.get_setting(plan, "rates") == {"USD": 0.93, "GBP": 1.17}
    settings.set_setting(plan, "plan_name", "Q4 <plan>'; DROP TABLE x;--")
    assert settings.get_setting(plan, "plan_name") == "Q4 <plan>'; DROP TABLE x;--"


def test_cards_are_open_deals_ordered_by_close_date_with_slips(plan: PlanDB) -> None:
    account = accounts.insert_account(plan, AccountDraft("Acme"))
    late = _deal(plan, "Late", account_id=account, close_date=D(2027, 2, 1), amount=10.0)
    early = _deal(plan, "Early", close_date=D(2026, 12, 1), probability_override=70)
    undated = _deal(plan, "Undated")
    closed = _deal(plan, "Closed")
    won = next(s for s in stages.list_stages(plan) if s.level is FunnelLevel.WON)
    opportunities.set_stage(plan, closed, won.id, entered=D(2026, 11, 2), last_open_stage_id=None)
    opportunities.add_close_date_change(plan, late, D(2026, 12, 1), D(2027, 1, 1))
    opportunities.add_close_date_change(plan, late, D(2027, 1, 1), D(2027, 2, 1))
    opportunities.add_close_date_change(plan, late, D(2027, 3, 1), D(2027, 2, 1))  # pulled in: no slip
    opportunities.add_stage_move(
        plan, early, None, stages.list_stages(plan)[1].id, commitment_date=D(2026, 11, 3), commitment="Met"
    )
    cards = load_cards(plan)
    assert [c.id for c in cards] == [early, late, undated]
    by_id = {c.id: c for c in cards}
    assert (by_id[late].account_id, by_id[late].close_date, by_id[late].probability_override) == (
        account,
        "2027-02-01",
        None,
    )
    assert (by_id[early].account_id, by_id[early].probability_override) == (None, 70)
    assert by_id[undated].order_key == "9999-12-31"
    assert [c.id for c in load_cards(plan, [late, closed])] == [late]
    assert account_names(plan) == {account: "Acme"}
    few = load_details(plan, [late, early])
    every = load_all_details(plan)
    assert few[late] == every[late]
    assert few[early] == every[early]
    assert (every[late].slips, every[early].slips, every[undated].slips) == (2, 0, 0)
    # A move's commitment is a record too, under the stage the deal left (none here).
    assert (every[early].last_commitment, every[early].recorded, every[early].last_what) == (
        D(2026, 11, 3),
        (),
        "Met",
    )
    assert (every[late].last_commitment, every[late].recorded, every[late].last_what) == (None, (), "")
    assert every[closed].created is not None
