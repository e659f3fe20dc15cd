"""Plan-wide figures kept between look-ups are read again as soon as the plan changes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

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


def test_a_move_keeps_the_won_cycle_unless_a_deal_is_won_or_reopened(
    plan: PlanDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner import operations as ops

    _win(plan, "First", "2026-01-01T09:00:00", dt.date(2026, 1, 31))
    stages = stage_repo.list_stages(plan)
    columns, won = open_stages(stages), next(s for s in stages if s.level == "won")
    deal = opportunity_repo.insert_opportunity(
        plan,
        OpportunityDraft("Open", None, columns[0].id),
        stage_entered=TODAY,
        created="2026-11-06T09:00:00",
    )
    assert blue_sheet.won_cycle_days(plan) == [30]
    reads: list[int] = []
    real = blue_sheet._won_cycle_days

    def counted(plan: PlanDB) -> tuple[int, ...]:
        reads.append(1)
        return real(plan)

    monkeypatch.setattr(blue_sheet, "_won_cycle_days", counted)
    ops.move_opportunity(plan, deal, columns[1].id, ops.MoveDetails(commitment="Agreed to a demo"), TODAY)
    assert blue_sheet.won_cycle_days(plan) == [30]
    assert reads == []  # no deal won or un-won: the figure was kept
    ops.move_opportunity(plan, deal, won.id, ops.MoveDetails(reason="Signed"), TODAY)
    assert sorted(blue_sheet.won_cycle_days(plan)) == [20, 30]
    assert reads == [1]
    reopened = ops.reopen_stage(plan, deal)
    ops.move_opportunity(plan, deal, reopened, ops.MoveDetails(reason=ops.REOPENED), TODAY)
    assert blue_sheet.won_cycle_days(plan) == [30]
