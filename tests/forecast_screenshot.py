"""Renders the forecast and hygiene views on the demo plan: resources/screenshots/forecast.png, hygiene.png.

`QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.forecast_screenshot` (not collected by pytest).
The demo plan has no target and no snapshot history, so this gives it the seller's usual week:
a target for this quarter and the next, a snapshot from last week and a month ago, and a few
moves since (a deal advanced, one slipped, one walked away from).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Pictures of a first start: the default layout, and the seller's own preferences untouched.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from planner import forecast, forecast_operations, hygiene
from planner import operations as ops
from planner.clock import FixedClock
from planner.demo import populate_demo
from planner.operations import MoveDetails
from planner.stages import open_stages
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan
from planner.storage.funnel_snapshots import SnapshotDeal, save_snapshot
from ui.forecast_view import ForecastView
from ui.hygiene_view import HygieneView
from ui.i18n import install_language
from ui.session import EditSession

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def take_past_snapshot(plan: PlanDB, day: dt.date) -> None:
    """A snapshot as the plan would have taken it on `day`: deals closed since were still open then.

    Only an approximation of the past (today's amounts and dates), good enough for a picture.
    """
    facts = forecast.load_plan_facts(plan)
    rows = forecast.snapshot_rows(facts)
    for deal in facts.deals:
        stage = facts.stages[deal.stage_id]
        if not stage.is_closed or deal.closed_on is None or deal.closed_on <= day.isoformat():
            continue
        stored = opportunity_repo.get_opportunity(plan, deal.id)
        before = facts.stages.get(stored.last_open_stage_id or 0) if stored else None
        if before is not None:
            rows.append(
                SnapshotDeal(
                    deal.id,
                    deal.title,
                    before.id,
                    before.position,
                    before.level.value,
                    deal.amount,
                    deal.currency,
                    deal.close_date,
                    forecast.default_category(before.level).value,
                    before.probability,
                )
            )
    save_snapshot(plan, day, rows)


def a_usual_week(plan: PlanDB, today: dt.date) -> None:
    """Targets, two older snapshots, then a few changes for the comparison to show."""
    quarter = forecast.quarter_of(today)
    forecast_operations.set_targets(plan, {quarter.label: 900_000.0, quarter.shifted(1).label: 1_000_000.0})
    for days in (30, 8):
        take_past_snapshot(plan, today - dt.timedelta(days=days))
    columns = open_stages(stage_repo.list_stages(plan))
    deals = [d for d in opportunity_repo.list_opportunities(plan) if d.stage_id in {s.id for s in columns}]
    qualified = next(d for d in deals if d.stage_id == columns[1].id)
    commitment = columns[1].exit_commitments[0]
    ops.move_opportunity(plan, qualified.id, columns[2].id, MoveDetails(commitment=commitment), today)
    evaluating = next(d for d in deals if d.stage_id == columns[2].id and d.close_date)
    assert evaluating.close_date is not None
    opportunity_repo.set_close_date(
        plan, evaluating.id, evaluating.close_date, evaluating.close_date + dt.timedelta(days=45)
    )
    cleanup = hygiene.cleanup_list(plan, today)
    stale = next(row for row in reversed(cleanup.rows) if "stale" in row.rules)
    hygiene.walk_away(plan, [stale.id], "No budget this year and no access to the economic buyer", today)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language(app, "en")
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan, today)
        a_usual_week(plan, today)
        session = EditSession(plan, FixedClock(today))
        for name, view in (
            ("forecast.png", ForecastView(session)),
            ("hygiene.png", HygieneView(session)),
        ):
            view.resize(1280, 820)  # about what the window's tab area gives
            view.show()
            _settle()
            if isinstance(view, HygieneView):
                view.select_ids([row.id for row in view.model.rows[1:3]])
                _settle()
            path = OUT / name
            view.grab().save(str(path))
            print(f"wrote {path}")
            view.close()
            view.deleteLater()
            _settle()
        session.close()
        plan.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
