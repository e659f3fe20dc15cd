"""Plan-wide figures kept between look-ups are read again as soon as the plan changes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from planner.model import OpportunityDraft
from planner.stages import open_stages
from planner.storage import blue_sheet
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan

TODAY = dt.date(2026, 11, 26)


def _win(plan: PlanDB, title: str, created: str, won_on: dt.date) -> int:
    stages = stage_repo.list_stages(plan)
    won = next(s for s in stages if s.level == "won")
    deal = opportunity_repo.insert_opportunity(
        plan, OpportunityDraft(title, None, open_stages(stages)[0].id), stage_entered=TODAY, created=created
    )
    opportunity_repo.set_stage(plan, deal, won.id, entered=won_on, last_open_stage_id=None)
    opportunity_repo.set_closed(plan, deal, won_on, "")
    return deal


def test_the_won_cycle_follows_every_write(plan: PlanDB) -> None:
    _win(plan, "First", "2026-01-01T09:00:00", dt.date(2026, 1, 31))
    assert blue_sheet.won_cycle_days(plan) == [30]
    assert blue_sheet.won_cycle_days(plan) == [30]  # asked again, nothing changed
    second = _win(plan, "Second", "2026-02-01T09:00:00", dt.date(2026, 2, 11))
    assert sorted(blue_sheet.won_cycle_days(plan)) == [10, 30]
    opportunity_repo.set_closed(plan, second, dt.date(2026, 2, 21), "")
    assert sorted(blue_sheet.won_cycle_days(plan)) == [20, 30]
    # A caller changing the list it got changes nothing for the next one.
    blue_sheet.won_cycle_days(plan).append(999)
    assert sorted(blue_sheet.won_cycle_days(plan)) == [20, 30]


def test_the_won_cycle_follows_another_connections_commit(tmp_path: Path) -> None:
    plan = open_plan(tmp_path / "plan.plan")
    try:
        deal = _win(plan, "First", "2026-01-01T09:00:00", dt.date(2026, 1, 31))
        assert blue_sheet.won_cycle_days(plan) == [30]
        # Another connection (a second process, a repair tool) writes the file meanwhile.
        raw = sqlite3.connect(tmp_path / "plan.plan")
        with raw:
            raw.execute("UPDATE opportunity SET closed_on = '2026-01-11' WHERE id = ?", [deal])
        raw.close()
        assert blue_sheet.won_cycle_days(plan) == [10]
    finally:
        plan.close()


def test_the_normal_cycle_follows_a_newly_won_deal(plan: PlanDB) -> None:
    from planner import red_flags

    for n in range(5):
        _win(plan, f"Won {n}", "2026-01-01T09:00:00", dt.date(2026, 1, 1) + dt.timedelta(days=10 + 10 * n))
    assert red_flags.load_context(plan).cycle == red_flags.NormalCycle(30, 5)
    assert red_flags.load_context(plan).cycle == red_flags.NormalCycle(30, 5)
    _win(plan, "Quick", "2026-01-01T09:00:00", dt.date(2026, 1, 2))
    assert red_flags.load_context(plan).cycle == red_flags.NormalCycle(20, 6)
