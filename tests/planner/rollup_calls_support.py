"""Sellers who recorded forecast calls, exported as real bundles (the pack's JSON writer) in 2027Q1,
so that 2026Q4 is last quarter: for the roll-up's "Last call" and "Accuracy last quarter"."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planner import calendar
from planner import forecast_calls as calls_api
from planner.forecast_calls import CallEntry
from planner.model import ForecastCategory
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.rollup_support import Deal, export_bundle, seller_plan

Q4 = calendar.Quarter(2026, 4)
Q1 = calendar.Quarter(2027, 1)
Q2 = calendar.Quarter(2027, 2)
EXPORTED = dt.date(2027, 1, 14)  # a Thursday in 2027Q1
COMMENT = "Renewal <b>signed</b> & <script>x</script>"

# Anna's 2026Q4, written out:
#   won before any call: "Early" 20,000 (20 Oct)
#   call of  2 Nov: Commit 150,000, Best Case 200,000
#   call of  1 Dec: Commit 160,000, Best Case 180,000   <- the quarter's last call
#   then "Big" (100,000) won on 10 Dec, "Small" (40,000) lost on 15 Dec
#   won in 2026Q4 = 20,000 + 100,000 = 120,000
#   accuracy last quarter = 120,000 / 160,000 = 0.75 (75 %)
# Anna's 2027Q1 (the export's quarter): calls of 5 Jan (30,000 / 50,000) and of 12 Jan
# (35,000 / 45,000, with COMMENT): the last call is 12 Jan's. A 2027Q2 call made the same day is
# another quarter's and never the row's.
ANNA_WON_Q4 = 20_000 + 100_000
ANNA_LAST_Q4_COMMIT = 160_000
ANNA_ACCURACY = ANNA_WON_Q4 / ANNA_LAST_Q4_COMMIT


def _close(plan: PlanDB, deal_id: int, stage_name: str, day: dt.date) -> None:
    stage = next(s for s in stage_repo.list_stages(plan) if s.name == stage_name)
    with plan.atomic():
        opportunity_repo.set_stage(plan, deal_id, stage.id, entered=day, last_open_stage_id=None)
        opportunity_repo.set_closed(plan, deal_id, day, "Because")


def _call(plan: PlanDB, day: dt.date, *entries: CallEntry) -> None:
    calls_api.record_calls(plan, entries, day, recorded_at=f"{day.isoformat()}T09:00:00+00:00")


def _deal_id(plan: PlanDB, title: str) -> int:
    return int(plan.query("SELECT id FROM opportunity WHERE title = ?", [title])[0][0])


def anna(folder: Path) -> Path:
    """Anna's bundle: calls for 2026Q4 (last quarter), 2027Q1 and 2027Q2."""
    commit = ForecastCategory.COMMIT
    plan = seller_plan(
        "Anna",
        [
            Deal("Early", "Won", 20_000, close_date=dt.date(2026, 10, 20), closed_on=dt.date(2026, 10, 20)),
            Deal("Big", "Committed", 100_000, close_date=dt.date(2026, 12, 10), category=commit),
            Deal("Small", "Committed", 40_000, close_date=dt.date(2026, 12, 15), category=commit),
            Deal("January", "Committed", 30_000, close_date=dt.date(2027, 2, 10), category=commit),
        ],
    )
    _call(plan, dt.date(2026, 11, 2), CallEntry(Q4, 150_000, 200_000, "first"))
    _call(plan, dt.date(2026, 12, 1), CallEntry(Q4, ANNA_LAST_Q4_COMMIT, 180_000, "final word"))
    _close(plan, _deal_id(plan, "Big"), "Won", dt.date(2026, 12, 10))
    _close(plan, _deal_id(plan, "Small"), "Lost", dt.date(2026, 12, 15))
    _call(plan, dt.date(2027, 1, 5), CallEntry(Q1, 30_000, 50_000))
    _call(plan, dt.date(2027, 1, 12), CallEntry(Q1, 35_000, 45_000, COMMENT), CallEntry(Q2, 10_000, 20_000))
    path = export_bundle(plan, folder / "anna.json", EXPORTED)
    plan.close()
    return path


def ben(folder: Path) -> Path:
    """Ben's bundle: one call for 2027Q1 (Commit 8,000, Best Case 9,000), none for last quarter."""
    plan = seller_plan("Ben", [Deal("Pumps", "Committed", 8_000, close_date=dt.date(2027, 3, 1))], base="USD")
    _call(plan, dt.date(2027, 1, 11), CallEntry(Q1, 8_000, 9_000))
    path = export_bundle(plan, folder / "ben.json", EXPORTED)
    plan.close()
    return path


def chloe_without_calls(folder: Path) -> Path:
    """Chloe's bundle as one written before forecast calls: no `forecast_calls` at all."""
    plan = seller_plan("Chloe", [Deal("Valves", "Committed", 5_000, close_date=dt.date(2027, 3, 1))])
    _call(plan, dt.date(2027, 1, 11), CallEntry(Q1, 5_000, 5_000))
    path = export_bundle(plan, folder / "chloe.json", EXPORTED)
    plan.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["forecast_calls"]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
