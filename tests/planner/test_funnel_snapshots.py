"""Weekly funnel snapshots: the migration, one per week, and what changed since, by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner import forecast as fc
from planner import forecast_operations as fops
from planner import operations as ops
from planner.forecast import ChangeKind
from planner.model import ForecastCategory
from planner.operations import MoveDetails
from planner.storage import funnel_snapshots as repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, open_plan
from planner.storage.migrations import KNOWN_MIGRATIONS
from tests.planner.forecast_support import add_deal, currencies, stage

D = dt.date
MONDAY = D(2026, 11, 9)


def test_the_migration_is_appended_and_makes_both_tables(plan: PlanDB) -> None:
    assert KNOWN_MIGRATIONS.index("0002_funnel_snapshots") == 1
    tables = {r[0] for r in plan.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"funnel_snapshot", "funnel_snapshot_deal"} <= tables


def test_a_snapshot_holds_every_open_deal_as_it_stood(plan: PlanDB) -> None:
    currencies(plan)
    open_id = add_deal(
        plan, "Evaluating", 5_000, D(2026, 12, 1), category=ForecastCategory.COMMIT, probability=60
    )
    add_deal(plan, "Won", 1_000, D(2026, 10, 1))
    snapshot_id = fops.take_snapshot(plan, MONDAY)
    (deal,) = repo.load_snapshot_deals(plan, snapshot_id)
    evaluating = stage(plan, "Evaluating")
    assert deal == repo.SnapshotDeal(
        open_id, "Fleet rollout for the depot", evaluating.id, evaluating.position, "in", 5_000.0, "EUR",
        "2026-12-01", "commit", 60,
    )  # fmt: skip
    # Taken again the same day: replaced, not doubled.
    again = fops.take_snapshot(plan, MONDAY)
    assert [s.id for s in repo.list_snapshots(plan)] == [again]
    assert plan.query("SELECT COUNT(*) FROM funnel_snapshot_deal") == [(1,)]


def test_one_snapshot_per_week_it_is_used(plan: PlanDB) -> None:
    currencies(plan)
    add_deal(plan, "Prospect", 1_000, D(2026, 12, 1))
    assert fops.ensure_weekly_snapshot(plan, MONDAY + dt.timedelta(days=2)) is not None
    assert fops.ensure_weekly_snapshot(plan, MONDAY + dt.timedelta(days=6)) is None  # Sunday, same week
    assert fops.ensure_weekly_snapshot(plan, MONDAY + dt.timedelta(days=7)) is not None
    assert fops.ensure_weekly_snapshot(plan, MONDAY + dt.timedelta(days=8)) is None
    assert [s.taken_on for s in repo.list_snapshots(plan)] == [D(2026, 11, 11), D(2026, 11, 16)]


def test_a_read_only_plan_takes_no_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "a.plan"
    open_plan(path).close()
    before = path.read_bytes()
    plan = open_plan(path, create=False, read_only=True)
    try:
        assert fops.ensure_weekly_snapshot(plan, MONDAY) is None
    finally:
        plan.close()
    assert path.read_bytes() == before


def test_snapshots_outlive_the_deals_they_name(plan: PlanDB) -> None:
    currencies(plan)
    deal = add_deal(plan, "Qualified", 1_000, D(2026, 12, 1))
    fops.take_snapshot(plan, MONDAY)
    snap = ops.snapshot_opportunity(plan, deal)
    ops.revert_opportunity(plan, deal, snap)  # undo deletes and re-inserts the deal
    ops.delete_opportunity(plan, deal)
    assert plan.query("SELECT opportunity_id FROM funnel_snapshot_deal") == [(deal,)]


def test_what_changed_since_a_snapshot_by_hand(plan: PlanDB) -> None:
    currencies(plan)
    kept = add_deal(plan, "Qualified", 1_000, D(2026, 12, 1), title="Kept as it was")
    advanced = add_deal(plan, "Qualified", 2_000, D(2026, 12, 1), title="Advanced")
    back = add_deal(plan, "Evaluating", 4_000, D(2026, 12, 1), title="Moved back")
    slipped = add_deal(plan, "Evaluating", 8_000, D(2026, 12, 1), title="Slipped", currency="USD")
    won = add_deal(plan, "Committed", 16_000, D(2026, 12, 1), title="Won")
    lost = add_deal(plan, "Committed", 32_000, D(2026, 12, 1), title="Lost")
    walked = add_deal(plan, "Prospect", 64_000, D(2026, 12, 1), title="Walked away")
    deleted = add_deal(plan, "Prospect", 128_000, D(2026, 12, 1), title="Deleted")
    undated = add_deal(plan, "Prospect", 100, D(2026, 12, 1), title="Date removed")
    add_deal(plan, "Lost", 5, D(2026, 11, 1), title="Closed before the snapshot")
    since = repo.SnapshotInfo(fops.take_snapshot(plan, MONDAY), MONDAY, "")
    today = MONDAY + dt.timedelta(days=7)

    def move(deal: int, name: str, reason: str = "", commitment: str = "") -> None:
        details = MoveDetails(commitment=commitment, reason=reason, closed_on=today)
        ops.move_opportunity(plan, deal, stage(plan, name).id, details, today)

    move(advanced, "Evaluating", commitment="Shared decision criteria")
    move(back, "Qualified", reason="The buyer left")
    opportunity_repo.set_close_date(plan, slipped, D(2026, 12, 1), D(2027, 1, 15))
    move(won, "Won", reason="Signed")
    move(lost, "Lost", reason="Price")
    move(walked, "Walked away", reason="No budget")
    ops.delete_opportunity(plan, deleted)
    opportunity_repo.set_close_date(plan, undated, D(2026, 12, 1), None)
    added = add_deal(plan, "Prospect", 256_000, D(2027, 1, 1), title="Added")
    added_and_won = add_deal(plan, "Won", 512_000, today, title="Added and won", closed_on=today)

    facts = fc.load_plan_facts(plan)
    result = fc.compare(facts, repo.load_snapshot_deals(plan, since.id), since, "last week")
    ids = {kind: [c.opportunity_id for c in result.changes[kind]] for kind in ChangeKind}
    assert ids == {
        ChangeKind.ADDED: [added, added_and_won],
        ChangeKind.ADVANCED: [advanced],
        ChangeKind.MOVED_BACK: [back],
        ChangeKind.SLIPPED: [slipped, undated],
        ChangeKind.WON: [won, added_and_won],
        ChangeKind.LOST: [lost],
        ChangeKind.WALKED_AWAY: [walked],
        ChangeKind.DELETED: [deleted],
    }
    assert kept not in {i for found in ids.values() for i in found}
    assert result.value(ChangeKind.SLIPPED) == 4_100  # 8,000 USD at 0.5, plus 100
    assert result.value(ChangeKind.WON) == 528_000
    assert result.value(ChangeKind.DELETED) == 128_000
    assert [c.detail for c in result.changes[ChangeKind.ADVANCED]] == ["Qualified → Evaluating"]
    assert [c.detail for c in result.changes[ChangeKind.SLIPPED]] == [
        "1 Dec 2026 → 15 Jan 2027",
        "1 Dec 2026 → no date",
    ]
    assert result.count(ChangeKind.ADDED) == 2


def test_comparisons_pick_last_week_and_last_month(plan: PlanDB) -> None:
    currencies(plan)
    add_deal(plan, "Prospect", 1_000, D(2026, 12, 1))
    today = D(2026, 11, 26)
    facts = fc.load_plan_facts(plan)
    week, month = fc.comparisons(plan, facts, today)
    assert (week.since, month.since) == (None, None)
    assert "no snapshot that old yet" in fc.comparison_heading(week)
    for day in (D(2026, 10, 20), D(2026, 10, 29), D(2026, 10, 30), D(2026, 11, 19), D(2026, 11, 20)):
        fops.take_snapshot(plan, day)
    week, month = fc.comparisons(plan, facts, today)
    assert week.since is not None
    assert week.since.taken_on == D(2026, 11, 19)
    assert month.since is not None
    assert month.since.taken_on == D(2026, 10, 29)
    assert fc.comparison_heading(week) == "Since last week (19 Nov 2026)"
    assert fc.comparison_json(week)["changes"]["added"]["count"] == 0


@pytest.mark.parametrize("days", [0, 6])
def test_too_recent_a_snapshot_is_not_last_week(plan: PlanDB, days: int) -> None:
    today = D(2026, 11, 26)
    fops.take_snapshot(plan, today - dt.timedelta(days=days))
    week, _month = fc.comparisons(plan, fc.load_plan_facts(plan), today)
    assert week.since is None
