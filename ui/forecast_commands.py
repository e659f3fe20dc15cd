"""Undo commands of the forecast and hygiene views: several deals at once, targets, the fiscal year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from planner import forecast_operations as fops
from planner import hygiene
from planner.forecast import SETTING_FISCAL_START, SETTING_TARGETS, Quarter
from planner.hygiene import DealsSnapshot
from planner.model import ForecastCategory
from planner.operations import Change
from planner.storage.db import PlanDB
from ui.commands import Apply, OpportunityCommand, SwapCommand, run_opportunity_operation

if TYPE_CHECKING:
    from planner.forecast_calls import CallEntry
    from planner.storage.forecast_calls import DayRows

translate = QCoreApplication.translate


class DealsCommand(SwapCommand):
    """Any change to several deals in one transaction (walk away, snooze, new close date).

    Like OpportunityCommand, for many: undo and redo swap whole-record snapshots of every deal
    the operation touched, in one transaction each, so one undo entry puts them all back.
    """

    def __init__(
        self, text: str, plan: PlanDB, before: DealsSnapshot, after: DealsSnapshot, apply: Apply
    ) -> None:
        super().__init__(text, partial(hygiene.revert_deals, plan), before, after, apply)


def run_deals_operation(
    text: str, plan: PlanDB, opportunity_ids: Sequence[int], operation: Callable[[], Change], apply: Apply
) -> DealsCommand:
    """Run `operation` on the deals (raising on failure) and return the command that undoes it."""
    before = hygiene.snapshot_deals(plan, opportunity_ids)
    change = operation()
    after = hygiene.snapshot_deals(plan, opportunity_ids)
    apply(change)
    return DealsCommand(text, plan, before, after, apply)


def set_category_command(
    plan: PlanDB, opportunity_id: int, title: str, category: ForecastCategory | None, apply: Apply
) -> OpportunityCommand:
    """Set a deal's forecast category (None: back to the stage's) and return its undo command."""
    if category is None:
        text = translate("ForecastCommands", "Forecast “{title}” from its stage").format(title=title)
    else:
        text = translate("ForecastCommands", "Forecast “{title}” as {category}").format(
            title=title, category=category.label
        )

    def operation() -> tuple[Change, int]:
        return fops.set_forecast_category(plan, opportunity_id, category), opportunity_id

    return run_opportunity_operation(text, plan, opportunity_id, operation, apply)


class SettingCommand(SwapCommand):
    """A forecast setting (the targets, the fiscal year's first month): undo writes it back exactly."""

    def __init__(
        self, text: str, plan: PlanDB, key: str, before: str | None, after: str | None, apply: Apply
    ) -> None:
        super().__init__(text, partial(fops.restore_setting, plan, key), before, after, apply)


def _setting_command(
    text: str, plan: PlanDB, key: str, operation: Callable[[], Change], apply: Apply
) -> SettingCommand:
    before = fops.setting_state(plan, key)
    change = operation()
    after = fops.setting_state(plan, key)
    apply(change)
    return SettingCommand(text, plan, key, before, after, apply)


def set_target_command(plan: PlanDB, quarter: Quarter, amount: float | None, apply: Apply) -> SettingCommand:
    """Set (or clear) one quarter's target and return its undo command."""
    if amount is None:
        text = translate("ForecastCommands", "Clear the target of {quarter}").format(quarter=quarter.label)
    else:
        text = translate("ForecastCommands", "Set the target of {quarter}").format(quarter=quarter.label)
    return _setting_command(
        text, plan, SETTING_TARGETS, lambda: fops.set_quarter_target(plan, quarter, amount), apply
    )


def set_fiscal_start_command(plan: PlanDB, month: int, apply: Apply) -> SettingCommand:
    """Set the month the fiscal year starts in and return its undo command."""
    return _setting_command(
        translate("ForecastCommands", "Change the fiscal year's first month"),
        plan,
        SETTING_FISCAL_START,
        lambda: fops.set_fiscal_year_start_month(plan, month),
        apply,
    )


class RecordCallsCommand(SwapCommand):
    """The calls of one day: undo puts back the day's calls as they were before (none, or the
    ones a same-day call replaced), redo the ones recorded."""

    def __init__(self, plan: PlanDB, day: dt.date, before: DayRows, after: DayRows, apply: Apply) -> None:
        from planner import forecast_calls as fcalls

        super().__init__(
            translate("ForecastCalls", "Record forecast call"),
            partial(fcalls.restore_day, plan, day),
            before,
            after,
            apply,
        )


def record_calls_command(
    plan: PlanDB, entries: Sequence[CallEntry], day: dt.date, apply: Apply
) -> RecordCallsCommand:
    """Record the calls (raising on failure) and return the command that undoes them."""
    from planner import forecast_calls as fcalls

    before = fcalls.day_state(plan, day)
    change: Change = fcalls.record_calls(plan, entries, day)
    after = fcalls.day_state(plan, day)
    apply(change)
    return RecordCallsCommand(plan, day, before, after, apply)
