"""One open plan's edit session: the plan, its undo stack and clock, how an edit is written and told.

The path of an edit: an action (ui/actions/) or a view asks `push(make, failure)`; `make` writes
through a planner operation and returns its undo command; every write, undo and redo hands the
operation's change record to `apply_change(change, initiator)`, which emits `changed` once. Each
view is connected to `changed` and decides from the record what it must refresh; `initiator` is
the object that started the edit (or None), so a view can tell its own edits from others'.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.clock import Clock, SystemClock, until_next_day
from planner.errors import OperationError
from planner.storage.db import PlanDB, PlanError, PlanReadOnlyError

if TYPE_CHECKING:
    from planner.operations import Change

translate = QCoreApplication.translate

# What can go wrong when writing: the plan refused it, or the file did (locked, read-only...).
WRITE_ERRORS = (OperationError, PlanError, sqlite3.Error, OSError)
# The day-change timer fires this long after midnight, so the clock surely reads the new day.
AFTER_MIDNIGHT_MS = 50
# How long after a window opened the write path is imported (warm_up_soon).
WARM_UP_MS = 1500


class EditSession(QObject):
    """The plan one window shows, with its one undo stack; every view listens to `changed`."""

    # (Change, initiator): written (or undone, redone) and in the file; initiator may be None.
    changed = Signal(object, object)
    # Anything may differ from what the views show (a failed write, a failed undo, a new day):
    # every view reads the plan, and the clock, again.
    reloaded = Signal()
    # Nothing can be written any more, for this reason (the seller is told).
    read_only_set = Signal(str)
    # (title, message): an edit was not written; the views already show what the file holds.
    write_failed = Signal(str, str)

    def __init__(self, plan: PlanDB, clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.clock: Clock = clock or SystemClock()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        # Set by set_read_only: why nothing can be written.
        self.read_only_reason: str | None = None
        self._day = self.clock.today()
        # A window left open past midnight shows the new day's days in stage, stale flags...
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._on_midnight_timeout)
        self._arm_midnight()
        self._closed = False
        # Work that waits for a pause in the seller's typing (after_quiet).
        self._quiet_work: list[QTimer] = []

    # Writing --------------------------------------------------------------------------------
    def push(self, make: Callable[[], QUndoCommand], failure: str) -> bool:
        """Run an operation; on success push its undo command, on failure say so and resync."""
        try:
            command = make()
        except Exception as exc:
            # A refused or failed write (WRITE_ERRORS), or a bug: either way nothing half-done
            # stays in the file, and the views show what the file holds.
            if self.plan.conn.in_transaction:
                self.plan.conn.rollback()
            if not isinstance(exc, WRITE_ERRORS):
                traceback.print_exception(exc)
            self.resync()
            if isinstance(exc, PlanReadOnlyError) and self.read_only_reason is None:
                self.set_read_only(str(exc))  # the file was moved or deleted: stop offering edits
            self.write_failed.emit(failure, explain(exc))
            return False
        self.undo_stack.push(command)
        return True

    def apply_change(self, change: Change, initiator: object = None) -> None:
        """Tell every view what an operation (or its undo, or redo) changed in the plan.

        The change is already in the plan file. Should a view fail to follow it (a bug), the
        other views still follow, then the seller is told and every view is rebuilt from the
        file: the window never shows a plan that differs from the one saved, and the edit stays
        undoable.
        """
        # An exception in a slot does not reach emit()'s caller: Qt hands it to sys.excepthook.
        failures: list[BaseException] = []
        previous = sys.excepthook
        sys.excepthook = lambda _kind, value, _tb: failures.append(value)
        try:
            self.changed.emit(change, initiator)
        finally:
            sys.excepthook = previous
        if failures:
            self.view_failed(failures[0])

    def applier(self, initiator: object) -> Callable[[Change], None]:
        """`apply_change` with `initiator` filled in, for the undo commands a view makes."""

        def apply(change: Change) -> None:
            self.apply_change(change, initiator)

        return apply

    def resync(self) -> None:
        """Every view reads the plan file again (after a failed write or a failed refresh)."""
        if self.plan.conn.in_transaction:
            self.plan.conn.rollback()
        self.reloaded.emit()

    def view_failed(self, exc: BaseException, *, printed: bool = False) -> None:
        """A view could not follow the plan (a bug): say so, and show the plan as the file holds it."""
        if not printed:
            traceback.print_exception(exc)  # for a bug report; the seller reads the message below
        self.resync()
        self.write_failed.emit(
            translate("MainWindow", "The window could not show a change"),
            translate(
                "MainWindow",
                "Something went wrong while the window was updated ({error}). Nothing you entered "
                "was lost: the window now shows the plan as it is saved.",
            ).format(error=f"{type(exc).__name__}: {exc}"),
        )

    def set_read_only(self, reason: str) -> None:
        """Stop offering edits, for `reason`."""
        self.read_only_reason = reason
        # Undo and redo write too; with nothing writable their history is of no use.
        self.undo_stack.clear()
        self.read_only_set.emit(reason)

    def close(self) -> None:
        """The window is closing: no more day changes, and the history lets go of the plan."""
        self._closed = True
        self._midnight.stop()
        self.undo_stack.clear()

    def warm_up_soon(self) -> None:
        """Import the write path a moment from now: the first write imports sqlite-utils (about
        100 ms), better done while the seller reads the board than on their first edit."""
        self.after_quiet(WARM_UP_MS, self._on_warm_up_timeout)

    def after_quiet(self, delay_ms: int, work: Callable[[], object]) -> None:
        """Run `work` once, `delay_ms` from now or from the seller's last key (`seller_typed`).

        For background work of a hundred milliseconds and more (a backup of a large plan): run
        between two keys, it would hold up the second one. Cancelled when the window goes.
        """
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay_ms)

        def run() -> None:
            self._quiet_work.remove(timer)
            timer.deleteLater()
            work()

        timer.timeout.connect(run)
        self._quiet_work.append(timer)
        timer.start()

    def seller_typed(self) -> None:
        """The seller typed a key: background work waits its whole delay again from now."""
        for timer in self._quiet_work:
            timer.start()

    @Slot()
    def _on_warm_up_timeout(self) -> None:
        if self._closed:
            return
        # The plan may have been closed meanwhile (another plan opened): nothing to warm up.
        with contextlib.suppress(sqlite3.ProgrammingError):
            self.plan.warm_up()

    # Undo failures ----------------------------------------------------------------------------
    @Slot(int)
    def _on_undo_stack_index_changed(self, index: int) -> None:
        # An undo leaves the command at `index`, a redo the one before it: either may have failed.
        for position in (index, index - 1):
            command = self.undo_stack.command(position) if 0 <= position < self.undo_stack.count() else None
            failure = getattr(command, "failure", None)
            if isinstance(failure, Exception):
                self._undo_failed(failure)
                return

    def _undo_failed(self, exc: Exception) -> None:
        """An undo or redo could not be written: say so, show the plan as it is, drop the history."""
        if self.plan.conn.in_transaction:
            self.plan.conn.rollback()
        # The history no longer matches the file; keeping it would undo the wrong state.
        QTimer.singleShot(0, self.undo_stack.clear)
        self.reloaded.emit()
        if isinstance(exc, PlanReadOnlyError) and self.read_only_reason is None:
            self.set_read_only(str(exc))
        self.write_failed.emit(
            translate("MainWindow", "The change could not be undone or redone"), explain(exc)
        )

    # The day ----------------------------------------------------------------------------------
    def _arm_midnight(self) -> None:
        wait = until_next_day(self.clock)
        self._midnight.start(int(wait.total_seconds() * 1000) + AFTER_MIDNIGHT_MS)

    @Slot()
    def _on_midnight_timeout(self) -> None:
        today = self.clock.today()
        if today != self._day:
            self._day = today
            self.reloaded.emit()
        self._arm_midnight()


def explain(exc: BaseException) -> str:
    """Why a write failed, for the seller."""
    if isinstance(exc, OperationError | PlanError):
        return str(exc)  # written for the seller, with what to do
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return translate(
            "MainWindow",
            "The plan file is read-only, so the change could not be saved. Make it writable and try again.",
        )
    if "locked" in text or "busy" in text:
        return translate("MainWindow", "Another program is writing to the plan file. Try again in a moment.")
    if "disk" in text and "full" in text:
        return translate(
            "MainWindow",
            "The disk is full, so the change could not be saved; the plan still holds everything "
            "shown. Free some space and make the change again.",
        )
    if "disk I/O error" in text or isinstance(exc, OSError):
        return translate(
            "MainWindow",
            "The plan file could not be written ({error}); the plan still holds everything shown. "
            "Check the disk, then make the change again, or save a copy.",
        ).format(error=text)
    return translate("MainWindow", "The change could not be saved: {error}").format(error=text)
