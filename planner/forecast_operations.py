"""Forecast edits as service functions: a deal's category, quarter targets, the fiscal year, snapshots."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

from planner import calendar, forecast
from planner.forecast import SETTABLE_CATEGORIES, Quarter
from planner.i18n import translate
from planner.model import MAX_AMOUNT, ForecastCategory
from planner.operations import Change, OperationError
from planner.storage import forecast_data
from planner.storage import funnel_snapshots as snapshot_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB


def set_forecast_category(plan: PlanDB, opportunity_id: int, category: ForecastCategory | None) -> Change:
    """The seller's forecast category for an open deal; None returns it to the stage's default.

    Closed follows the Won stage and closed deals keep the category their outcome gives them,
    so both are refused with a reason. Undo: snapshot the deal first (ui.commands does).
    """
    current = opportunity_repo.get_opportunity(plan, opportunity_id)
    if current is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    stage = stage_repo.get_stage(plan, current.stage_id)
    if stage is not None and stage.is_closed:
        raise OperationError(
            translate(
                "Operations", "“{title}” is {stage}: its forecast category follows the outcome."
            ).format(title=current.title, stage=stage.name.lower())
        )
    if category is not None and category not in SETTABLE_CATEGORIES:
        raise OperationError(
            translate("Operations", "A deal counts as Closed once it is won: move it to the Won stage.")
        )
    forecast_data.set_forecast_category(plan, opportunity_id, category.value if category else None)
    return Change(opportunities=frozenset({opportunity_id}))


def targets(plan: PlanDB) -> dict[str, float]:
    """The quarter targets of the plan, {'2026Q4': 500000.0}, in the base currency."""
    return forecast.targets_from(settings_repo.get_setting(plan, forecast.SETTING_TARGETS, {}))


def set_targets(plan: PlanDB, values: Mapping[str, float]) -> Change:
    """Replace the quarter targets (undo writes the previous dictionary back)."""
    clean: dict[str, float] = {}
    for key, amount in values.items():
        try:
            label = forecast.parse_quarter(key).label
        except ValueError as exc:
            raise OperationError(str(exc)) from exc
        if not math.isfinite(amount) or not 0 <= amount <= MAX_AMOUNT:
            raise OperationError(
                translate("Operations", "A target is an amount between 0 and 1,000,000,000,000.")
            )
        clean[label] = float(amount)
    settings_repo.set_setting(plan, forecast.SETTING_TARGETS, dict(sorted(clean.items())))
    # No deal changed: the views that show targets refresh themselves.
    return Change()


def set_quarter_target(plan: PlanDB, quarter: Quarter, amount: float | None) -> Change:
    """Set (or with None, clear) one quarter's target."""
    values = targets(plan)
    if amount is None:
        values.pop(quarter.label, None)
    else:
        values[quarter.label] = amount
    return set_targets(plan, values)


def fiscal_year_start_month(plan: PlanDB) -> int:
    """The month (1-12) the plan's fiscal year starts in; 1 (calendar quarters) by default."""
    return calendar.plan_start_month(plan)


def set_fiscal_year_start_month(plan: PlanDB, month: int) -> Change:
    """The month the fiscal year starts in (quarters and targets are counted from it)."""
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise OperationError(
            translate("Operations", "The fiscal year starts in a month from 1 (January) to 12 (December).")
        )
    settings_repo.set_setting(plan, forecast.SETTING_FISCAL_START, month)
    return Change()


def take_snapshot(plan: PlanDB, today: dt.date) -> int:
    """Record today's funnel (every open deal), replacing a snapshot taken earlier today."""
    facts = forecast.load_plan_facts(plan)
    return snapshot_repo.save_snapshot(plan, today, forecast.snapshot_rows(facts))


def ensure_weekly_snapshot(plan: PlanDB, today: dt.date) -> int | None:
    """Take this week's snapshot unless one exists since Monday; returns its id, or None.

    Called when a plan is opened (and safe to call often): a plan records its funnel in each
    week it is used. A read-only plan is left untouched.
    """
    if plan.read_only:
        return None
    monday = today - dt.timedelta(days=today.weekday())
    latest = snapshot_repo.latest_on_or_before(plan, today)
    if latest is not None and latest.taken_on >= monday:
        return None
    return take_snapshot(plan, today)


def setting_state(plan: PlanDB, key: str) -> str | None:
    """A forecast setting as stored (None: unset), to undo a change of it exactly."""
    return forecast_data.setting_text(plan, key)


def restore_setting(plan: PlanDB, key: str, state: str | None) -> Change:
    """Put a forecast setting back exactly as `setting_state` read it."""
    if key not in (forecast.SETTING_TARGETS, forecast.SETTING_FISCAL_START):
        raise OperationError(translate("Operations", "{key} is not a forecast setting.").format(key=key))
    forecast_data.restore_setting_text(plan, key, state)
    return Change()
