"""The agenda: every dated source, its sections, and stale days exactly as planner.funnel says."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from planner import funnel, green_sheet
from planner import sheet_operations as sheet_ops
from planner.agenda import AgendaItem, Kind, Section, agenda, load_agenda, section_of, summary
from planner.model import ActionStatus, CallPlan, FunnelLevel, OpportunityDraft
from planner.operations import create_opportunity, snooze_opportunity
from planner.storage import activities
from planner.storage import board as board_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.agenda import load_agenda_rows
from planner.storage.db import PlanDB
from tests.conftest import TODAY


def _deal(plan: PlanDB, title: str, *, close: dt.date | None = None, stage: int = 0) -> int:
    stages = [s for s in stage_repo.list_stages(plan) if not s.is_closed]
    draft = OpportunityDraft(title=title, account_id=None, stage_id=stages[stage].id, close_date=close)
    _change, deal_id = create_opportunity(plan, draft, TODAY - dt.timedelta(days=1))
    return deal_id


def _keys(items: list[AgendaItem]) -> dict[str, Section]:
    return {item.key: item.section for item in items}


def test_sections_split_at_today_and_a_week() -> None:
    assert section_of(TODAY - dt.timedelta(days=1), TODAY) is Section.OVERDUE
    assert section_of(TODAY, TODAY) is Section.TODAY
    assert section_of(TODAY + dt.timedelta(days=6), TODAY) is Section.WEEK
    assert section_of(TODAY + dt.timedelta(days=7), TODAY) is Section.LATER


def test_actions_calls_and_close_dates_are_listed_by_section(plan: PlanDB) -> None:
    deal = _deal(plan, "Fleet rollout", close=TODAY + dt.timedelta(days=3))
    _c, late = sheet_ops.add_action(
        plan, deal, "Send the case", TODAY, due=TODAY - dt.timedelta(days=2), status=ActionStatus.PLANNED
    )
    _c, due = sheet_ops.add_action(plan, deal, "Call the CFO", TODAY, due=TODAY, who="Sam")
    _c, later = sheet_ops.add_action(plan, deal, "Workshop", TODAY, due=TODAY + dt.timedelta(days=10))
    _c, beyond = sheet_ops.add_action(plan, deal, "Far away", TODAY, due=TODAY + dt.timedelta(days=40))
    _c, undated = sheet_ops.add_action(plan, deal, "Some day", TODAY)
    _c, done = sheet_ops.add_action(plan, deal, "Done one", TODAY, due=TODAY, status=ActionStatus.DONE)
    moment = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10, 0))
    _c, held = green_sheet.create_call_plan(plan, CallPlan(0, deal, moment, title="Demo"))
    items = load_agenda(plan, TODAY, days=14)
    assert _keys(items) == {
        f"action-{late}": Section.OVERDUE,
        f"call-{held}": Section.OVERDUE,
        f"action-{due}": Section.TODAY,
        f"close-{deal}": Section.WEEK,
        f"action-{later}": Section.LATER,
    }
    assert f"action-{beyond}" in _keys(load_agenda(plan, TODAY, days=40))
    assert not {f"action-{undated}", f"action-{done}"} & set(_keys(load_agenda(plan, TODAY, days=400)))
    today = next(i for i in items if i.key == f"action-{due}")
    assert (today.what, today.deal, today.who, today.kind) == (
        "Call the CFO",
        "Fleet rollout",
        "Sam",
        Kind.ACTION,
    )
    call = next(i for i in items if i.kind is Kind.CALL)
    assert call.at == moment
    assert "debrief" in call.why
    assert summary(items) == "2 overdue, 1 due today"


def test_a_closed_deal_brings_nothing(plan: PlanDB) -> None:
    deal = _deal(plan, "Lost one", close=TODAY)
    sheet_ops.add_action(plan, deal, "Call", TODAY, due=TODAY)
    lost = next(s for s in stage_repo.list_stages(plan) if s.level is FunnelLevel.LOST)
    opportunity_repo.set_stage(plan, deal, lost.id, entered=TODAY, last_open_stage_id=None)
    assert load_agenda(plan, TODAY) == []


def test_a_snooze_that_ends_is_listed_on_its_last_day(plan: PlanDB) -> None:
    deal = _deal(plan, "Quiet one")
    until = TODAY + dt.timedelta(days=2)
    snooze_opportunity(plan, deal, until, "Budget round in January", TODAY)
    items = [i for i in load_agenda(plan, TODAY) if i.kind is Kind.SNOOZE_ENDS]
    assert [(i.deal_id, i.day) for i in items] == [(deal, until)]
    assert "Budget round in January" in items[0].why


def test_every_stale_day_is_the_first_day_the_funnel_rule_calls_the_deal_stale(demo_plan: PlanDB) -> None:
    stages = stage_repo.list_stages(demo_plan)
    rules = funnel.stage_rules(stages)
    cards = {c.id: c for c in board_repo.load_cards(demo_plan)}
    details = board_repo.load_all_details(demo_plan)
    found = 0
    for offset in range(0, 40, 3):
        today = TODAY + dt.timedelta(days=offset)
        stale = [i for i in load_agenda(demo_plan, today, days=14) if i.kind is Kind.STALE]
        for item in stale:
            timing = funnel.timing_of(cards[item.deal_id], details[item.deal_id])
            rule = rules[cards[item.deal_id].stage_id]
            assert funnel.status(timing, rule, item.day).stale
            assert not funnel.status(timing, rule, item.day - dt.timedelta(days=1)).stale
            assert today <= item.day <= today + dt.timedelta(days=6)
        # And none is missed: every deal that turns stale within the week is listed.
        listed = {i.deal_id for i in stale}
        for deal_id, card in cards.items():
            timing = funnel.timing_of(card, details[deal_id])
            rule = rules[card.stage_id]
            days = [today + dt.timedelta(days=k) for k in range(-1, 7)]
            flags = [funnel.status(timing, rule, d).stale for d in days]
            turns = any(flags[k] and not flags[k - 1] for k in range(1, 8))
            assert turns == (deal_id in listed), (today, deal_id, flags)
        found += len(stale)
    assert found > 0  # the demo plan has deals that turn stale in these weeks


def test_coaching_items_come_in_through_extra(plan: PlanDB) -> None:
    deal = _deal(plan, "Coached")
    rows = load_agenda_rows(plan, TODAY, TODAY + dt.timedelta(days=14), TODAY + dt.timedelta(days=6))
    coaching = AgendaItem(
        Kind.COACHING, 1, deal, TODAY, Section.TODAY, "Review the Blue Sheet", "Coached", "", "Manager", "1:1"
    )
    assert agenda(rows, TODAY, extra=[coaching]) == [coaching]


@pytest.mark.parametrize("stored", ["not a date", "2026-13-45", ""])
def test_a_hand_edited_date_is_no_date(plan: PlanDB, stored: str) -> None:
    deal = _deal(plan, "Edited")
    _c, action_id = sheet_ops.add_action(plan, deal, "Call", TODAY, due=TODAY)
    with plan.atomic():
        plan.execute("UPDATE action SET due = ? WHERE id = ?", [stored, action_id])
    assert [i.key for i in load_agenda(plan, TODAY)] == []


def test_a_rescheduled_action_moves_section(plan: PlanDB) -> None:
    deal = _deal(plan, "Moved")
    _c, action_id = sheet_ops.add_action(plan, deal, "Call", TODAY, due=TODAY)
    action = activities.get_action(plan, action_id)
    assert action is not None
    sheet_ops.update_action(plan, dataclasses.replace(action, due=TODAY + dt.timedelta(days=2)), TODAY)
    assert _keys(load_agenda(plan, TODAY)) == {f"action-{action_id}": Section.WEEK}


def test_a_stale_deal_whose_snooze_ends_turns_stale_the_day_after(plan: PlanDB) -> None:
    deal = _deal(plan, "Snoozed and quiet", stage=1)
    opened = opportunity_repo.get_opportunity(plan, deal)
    assert opened is not None
    limit = next(s for s in stage_repo.list_stages(plan) if s.id == opened.stage_id).stale_after_days
    assert limit
    with plan.atomic():
        long_ago = (TODAY - dt.timedelta(days=limit + 30)).isoformat()
        plan.execute(
            "UPDATE opportunity SET created = ?, stage_entered = ? WHERE id = ?", [long_ago, long_ago, deal]
        )
    snooze_opportunity(plan, deal, TODAY + dt.timedelta(days=2), "Holidays", TODAY)
    stale = [(i.deal_id, i.day) for i in load_agenda(plan, TODAY) if i.kind is Kind.STALE]
    assert stale == [(deal, TODAY + dt.timedelta(days=3))]


def test_reading_many_deals_in_one_scan_gives_the_same_agenda(
    demo_plan: PlanDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.storage import agenda as agenda_storage

    day = TODAY + dt.timedelta(days=10)
    by_id = load_agenda(demo_plan, day)
    monkeypatch.setattr(agenda_storage, "_ONE_SCAN", 0)
    assert load_agenda(demo_plan, day) == by_id
    assert by_id


@pytest.mark.parametrize("limit", [1, 2, 5, 300])
def test_a_page_lists_the_first_items_of_each_section_and_counts_all(demo_plan: PlanDB, limit: int) -> None:
    from planner.agenda import counts, load_agenda_page

    day = TODAY + dt.timedelta(days=12)
    whole = load_agenda(demo_plan, day)
    page = load_agenda_page(demo_plan, day, limit=limit)
    assert page.counts == counts(whole)
    expected = [i for s in Section for i in [j for j in whole if j.section is s][:limit]]
    assert page.items == expected
    assert sum(page.more.values()) == len(whole) - len(expected)
