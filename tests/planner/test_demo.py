"""The demo plan: about 8 accounts and 40 deals across every stage, with Blue Sheet data."""

from __future__ import annotations

from planner.storage import accounts, activities, opportunities, people, stages
from planner.storage.db import PlanDB


def test_demo_covers_every_stage(demo_plan: PlanDB) -> None:
    deals = opportunities.list_opportunities(demo_plan)
    assert len(deals) == 40
    assert len(accounts.list_accounts(demo_plan)) == 8
    used = {d.stage_id for d in deals}
    assert used == {s.id for s in stages.list_stages(demo_plan)}
    assert any(a.parent_id for a in accounts.list_accounts(demo_plan))


def test_demo_deals_have_influences_histories_and_actions(demo_plan: PlanDB) -> None:
    deals = opportunities.list_opportunities(demo_plan)
    assert all(len(people.list_influences(demo_plan, d.id)) >= 3 for d in deals)
    assert all(opportunities.stage_history(demo_plan, d.id) for d in deals)
    assert all(activities.list_actions(demo_plan, d.id) for d in deals)
    assert sum(1 for d in deals if opportunities.close_date_history(demo_plan, d.id)) >= 5
    closed = [d for d in deals if d.closed_on is not None]
    assert len(closed) == 10
    assert all(d.close_reason for d in closed)
