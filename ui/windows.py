"""Which plan is open: replaces the window when the seller opens or starts another plan."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QMessageBox

from planner.paths import OWN_FILE
from planner.storage.db import PlanDamagedError, PlanDB, PlanError, open_plan
from ui import plain
from ui.main_window import MainWindow

translate = QCoreApplication.translate

Clock = Callable[[], dt.datetime]
TakeBackup = Callable[[PlanDB, dt.datetime], object]


# Background work after start-up (backup, weekly snapshot) waits this long after the window shows.
AFTER_START_MS = 1000
# The welcome of a first start comes this long after the window is shown.
WELCOME_AFTER_MS = 300


class WindowManager(QObject):
    """Owns the one open window and its plan, and the plan's automatic backups."""

    def __init__(self, data_dir: Path, clock: Clock = dt.datetime.now) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.window: MainWindow | None = None
        # Local time: backups rotate by the seller's days and weeks.
        self.clock = clock
        # The last automatic backup's failure, if any (also shown in the status bar).
        self.backup_problem: str | None = None

    def install_error_hook(self) -> None:
        """A Python exception in a Qt slot (a bug) reaches sys.excepthook, not the code that
        emitted the signal: print it for a bug report, tell the seller, and have the window show
        the plan as its file holds it (MainWindow.view_failed)."""
        reporting = False

        def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
            nonlocal reporting
            traceback.print_exception(value)
            window = self.window
            if window is None or reporting or not isinstance(value, Exception):
                return
            reporting = True  # an error while reporting one is printed, not reported again
            try:
                window.view_failed(value, printed=True)
            finally:
                reporting = False

        sys.excepthook = hook

    def show_plan(self, plan: PlanDB) -> MainWindow:
        """Show `plan` in a new window, closing the previous one and its file."""
        window = MainWindow(plan)
        window.open_plan_requested.connect(self._on_window_open_plan_requested)
        window.start_own_plan_requested.connect(self._on_window_start_own_plan_requested)
        # Every edit, undo and redo moves the undo stack's index, after it was committed.
        window.undo_stack.indexChanged.connect(lambda _index, w=window: self._after_edit(w))
        old = self.window
        self.window = window
        window.restore_layout()
        if plan.path is not None:
            window.settings.add_recent_plan(plan.path)
        window.show()
        if plan.read_only_reason is not None:
            window.set_read_only(plan.read_only_reason)
        window.greet()
        if plan.notice is not None:
            # Said once the window is on screen, over it: opening finished or undid a restore.
            QTimer.singleShot(0, window, lambda w=window, n=plan.notice: self._tell(w, str(n)))
        if old is not None:
            old.close()
            # Its file is closed once the window is gone: its views still read it as they go.
            old.destroyed.connect(lambda _gone=None, plan=old.plan: plan.close())
            old.deleteLater()
        # Well after the board is painted: copying a large plan must not delay the first paint.
        # The window is the timers' context: a window closed meanwhile cancels them.
        QTimer.singleShot(AFTER_START_MS, window, lambda w=window: self._backup(w, _backup_on_open))
        QTimer.singleShot(2 * AFTER_START_MS, window, lambda w=window: self._weekly_snapshot(w))
        if not window.settings.welcome_seen():
            # The first start on this computer: the welcome, once the board is painted (built
            # at once, it would hold back the board's first paint).
            QTimer.singleShot(WELCOME_AFTER_MS, window, lambda w=window: self._welcome(w))
        return window

    def _tell(self, window: MainWindow, text: str) -> None:
        if window is not self.window:
            return
        window.statusBar().showMessage(text)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("WindowManager", "Restore from backup"),
            text,
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names the plan's file, as the folder has it
        box.exec()

    def _welcome(self, window: MainWindow) -> None:
        if window is not self.window:
            return
        from ui.welcome import welcome_first_time  # only on a first start: not at import time

        welcome_first_time(window)

    def _weekly_snapshot(self, window: MainWindow) -> None:
        """The funnel snapshot of this week, which the forecast compares against later."""
        if window is not self.window:
            return
        from planner.forecast_operations import ensure_weekly_snapshot

        if window.plan.read_only_reason is not None:
            return
        try:
            ensure_weekly_snapshot(window.plan, dt.date.today())
        except (OSError, sqlite3.Error, PlanError) as exc:
            window.statusBar().showMessage(
                translate("WindowManager", "This week's funnel snapshot was not saved ({error}).").format(
                    error=exc
                )
            )

    def _after_edit(self, window: MainWindow) -> None:
        self._backup(window, _maybe_backup)

    def _backup(self, window: MainWindow, take: TakeBackup) -> None:
        if window is not self.window:
            return  # replaced meanwhile: its plan is being closed
        try:
            take(window.plan, self.clock())
        except (OSError, sqlite3.Error, PlanError) as exc:
            # The plan itself is safe; say so where it does not interrupt the seller.
            self.backup_problem = translate(
                "WindowManager", "The automatic backup failed ({error}); the plan itself is saved."
            ).format(error=exc)
            window.statusBar().showMessage(self.backup_problem)
        else:
            self.backup_problem = None

    def open_path(self, path: Path) -> MainWindow | None:
        """Open the plan at `path`, or explain why not and keep the current one.

        A damaged plan is not opened: the seller may put its latest good backup in its place
        or copy what can be read into a new plan, which then opens.
        """
        try:
            plan = open_plan(path)
        except PlanDamagedError as exc:
            from ui.dialogs.restore_dialog import run_damaged_dialog

            target = run_damaged_dialog(self.window, exc, self.clock())
            return self.open_path(target) if target is not None else None
        except PlanError as exc:
            plain.warning(self.window, translate("WindowManager", "Cannot open the plan"), str(exc))
            return None
        return self.show_plan(plan)

    @Slot(Path)
    def _on_window_open_plan_requested(self, path: Path) -> None:
        self.open_path(path)

    @Slot()
    def _on_window_start_own_plan_requested(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.open_path(self.data_dir / OWN_FILE)


# planner.storage.backup is imported by the first backup, a second after the board is painted.
def _backup_on_open(plan: PlanDB, now: dt.datetime) -> object:
    from planner.storage import backup

    return backup.backup_on_open(plan, now)


def _maybe_backup(plan: PlanDB, now: dt.datetime) -> object:
    from planner.storage import backup

    return backup.maybe_backup(plan, now)
