"""Record a forecast call (Forecast tab's button and the Edit menu): the dialog and its undo command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from ui.commands import Apply, SwapCommand
from ui.session import EditSession

if TYPE_CHECKING:
    # Imported when a call is recorded: the forecast's rules are not needed to open the window
    # (about 16 ms of the start; docs/architecture.md, "Opening a plan and background work").
    from planner.forecast_calls import CallEntry
    from planner.operations import Change
    from planner.storage.db import PlanDB
    from planner.storage.forecast_calls import DayRows

translate = QCoreApplication.translate


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


class ForecastCallActions(QObject):
    """The forecast call flow of one window; its dialog opens over `widget`."""

    # What the status bar should say after a call was recorded.
    status_message = Signal(str)

    def __init__(self, session: EditSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget

    @Slot()
    def record_call(self) -> bool:
        """Ask for Commit and Best Case of the current and the next quarter, then record them (undoable)."""
        from planner import forecast_calls as fcalls
        from ui.dialogs.forecast_call_dialog import ForecastCallDialog

        plan = self.session.plan
        if self.session.read_only_reason is not None:
            return False
        today = self.session.clock.today()
        proposals = [fcalls.propose(plan, quarter, today) for quarter in fcalls.call_quarters(plan, today)]
        dialog = ForecastCallDialog(proposals, self.widget)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            entries = dialog.entries()
        finally:
            dialog.deleteLater()
        done = self.session.push(
            lambda: record_calls_command(plan, entries, today, self.session.apply_change),
            translate("ForecastCalls", "The forecast call was not recorded"),
        )
        if done:
            self.status_message.emit(
                translate("ForecastCalls", "Forecast call recorded for {quarters}.").format(
                    quarters=", ".join(e.quarter.label for e in entries)
                )
            )
        return done
