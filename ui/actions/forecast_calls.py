"""Record a forecast call (Forecast tab's button and the Edit menu): the dialog (its undo command
is in ui.forecast_commands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from ui.session import EditSession

# The forecast's rules and the undo command are imported when a call is recorded: the window
# opens without them (about 16 ms of the start; docs/architecture.md, "Opening a plan and
# background work").
translate = QCoreApplication.translate


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
        from ui.forecast_commands import record_calls_command

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
