"""Which plan is open: replaces the window when the seller opens or starts another plan."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget

from planner.clock import Clock, SystemClock
from planner.i18n import plural
from planner.paths import OWN_FILE
from planner.storage.db import PlanDamagedError, PlanDB, PlanError, open_plan
from ui import format as fmt
from ui import plain
from ui.main_window import MainWindow

if TYPE_CHECKING:
    # Review mode is imported when a bundle is opened, not at start-up.
    from planner.exchange.review import Bundle

translate = QCoreApplication.translate

TakeBackup = Callable[[PlanDB, dt.datetime], object]


# Background work after start-up (backup, weekly snapshot) waits this long after the window shows.
AFTER_START_MS = 1000
# The welcome of a first start comes this long after the window is shown.
WELCOME_AFTER_MS = 300


# Testing only: PLANNER_QUIT_AFTER_START=1 quits once the window is shown, so a test can run
# the real `planner --db PATH` start-up offscreen and check its exit status and the plan file;
# =tabs first builds every tab and dock made on first use (the standalone build's smoke test).
QUIT_AFTER_START = "PLANNER_QUIT_AFTER_START"


class WindowManager(QObject):
    """Owns the one open window and its plan, and the plan's automatic backups."""

    # A plan's check, left for later by open_plan, has its result (emitted by the check's thread).
    _plan_checked = Signal(object)

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        super().__init__()
        self._plan_checked.connect(self._on_plan_checked)
        self.data_dir = data_dir
        self.window: MainWindow | None = None
        # Local time: backups rotate by the seller's days and weeks.
        self.clock: Clock = clock or SystemClock()
        # The last automatic backup's failure, if any (also shown in the status bar).
        self.backup_problem: str | None = None

    def install_error_hook(self) -> None:
        """A Python exception in a Qt slot (a bug) reaches sys.excepthook, not the code that
        emitted the signal: print it for a bug report, tell the seller, and have the window show
        the plan as its file holds it (EditSession.view_failed)."""
        reporting = False

        def hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
            nonlocal reporting
            traceback.print_exception(value)
            window = self.window
            if window is None or reporting or not isinstance(value, Exception):
                return
            reporting = True  # an error while reporting one is printed, not reported again
            try:
                window.session.view_failed(value, printed=True)
            finally:
                reporting = False

        sys.excepthook = hook

    def show_plan(self, plan: PlanDB) -> MainWindow:
        """Show `plan` in a new window, closing the previous one and its file."""
        window = MainWindow(plan, clock=self.clock)
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
        window.agenda.greet()
        if plan.check_pending:
            # The check open_plan left for later, once the board is on its way to the screen.
            QTimer.singleShot(0, window, functools.partial(self._start_check, plan))
        if plan.notice is not None:
            # Said once the window is on screen, over it: opening finished or undid a restore.
            QTimer.singleShot(0, window, lambda w=window, n=plan.notice: self._tell(w, str(n)))
        if old is not None:
            old.close()
            # Its file is closed once the window is gone: its views still read it as they go.
            old.destroyed.connect(lambda _gone=None, plan=old.plan: plan.close())
            old.deleteLater()
        # Well after the board is painted: copying a large plan must not delay the first paint,
        # nor a key the seller types. The window's session owns the timers: a window closed
        # meanwhile cancels them.
        window.session.after_quiet(AFTER_START_MS, functools.partial(self._backup, window, _backup_on_open))
        window.session.after_quiet(2 * AFTER_START_MS, functools.partial(self._weekly_snapshot, window))
        if not window.settings.welcome_seen():
            # The first start on this computer: the welcome, once the board is painted (built
            # at once, it would hold back the board's first paint).
            QTimer.singleShot(WELCOME_AFTER_MS, window, lambda w=window: self._welcome(w))
        return window

    def _start_check(self, plan: PlanDB) -> None:
        plan.start_check(functools.partial(self._plan_checked.emit, plan))

    @Slot(object)
    def _on_plan_checked(self, plan: PlanDB) -> None:
        """A check left for later found damage: nothing more is written, and the seller is
        offered what a damaged plan offers at its opening (its latest good backup, or a copy of
        what can be read). Cancelled, the window stays on the plan, read-only."""
        window = self.window
        if window is None or window.plan is not plan or plan.closed:
            return
        damage = plan.wait_check()
        if damage is None:
            return
        window.set_read_only(str(damage))
        from ui.dialogs.restore_dialog import run_damaged_dialog

        def release() -> None:
            # The restore takes the file's place: its window lets go of it first.
            window.hide()
            plan.close()

        target = run_damaged_dialog(window, damage, self.clock.now(), release)
        if target is not None:
            self.open_path(target)
        elif plan.closed:
            window.close()  # the way out failed: as a damaged plan at the opening, no window

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
        window.help_actions.welcome_first_time()

    def _weekly_snapshot(self, window: MainWindow) -> None:
        """The funnel snapshot of this week, which the forecast compares against later."""
        if window is not self.window:
            return
        from planner.forecast_operations import ensure_weekly_snapshot

        if window.plan.read_only_reason is not None:
            return
        try:
            ensure_weekly_snapshot(window.plan, window.session.clock.today())
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
            take(window.plan, self.clock.now())
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

            target = run_damaged_dialog(self.window, exc, self.clock.now())
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


class ReviewWindow(MainWindow):
    """The seller's plan as the bundle holds it: the board and details, read-only, plus coaching notes."""

    def __init__(self, bundle: Bundle, parent: QWidget | None = None) -> None:
        from ui.review_window import CoachingNotesPanel

        super().__init__(bundle.plan, parent)
        self.bundle = bundle
        self.saved_to: Path | None = None
        self.unsaved = False
        self._asked_reviewer = False
        self.setWindowTitle(
            translate("ReviewWindow", "Review mode: {plan} — Opportunity Planner").format(
                plan=bundle.plan_name
            )
        )
        self.set_read_only(bundle.banner)
        if self.read_only_banner is not None:
            self.read_only_banner.setStyleSheet(
                "#read-only-banner { background: #ddeeff; border-bottom: 2px solid #1f5fa8; }"
                "#read-only-banner QLabel { color: #0b2e59; font-weight: bold; }"
            )
        self.save_copy_button.hide()  # the bundle is not a plan file to copy
        self.notes_panel = CoachingNotesPanel(bundle, self, self.reviewer_name)
        self.notes_panel.notes_changed.connect(self._on_notes_panel_notes_changed)
        self.notes_dock = QDockWidget(translate("ReviewWindow", "Coaching notes"), self)
        self.notes_dock.setObjectName("coaching-notes-dock")
        self.notes_dock.setWidget(self.notes_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        # A tab beside the deal's details and Blue Sheet, in front: stacked under them, the notes
        # made the window taller than a laptop's screen (its buttons out of reach).
        self.tabifyDockWidget(self.blue_sheet_dock, self.notes_dock)
        self.notes_dock.raise_()
        self.board.opportunity_selected.connect(self._on_board_opportunity_selected_for_notes)
        self.activate_deal = self._take_notes
        self.move_deal = lambda _deal, _stage: False
        self.save_notes_action = QAction(translate("ReviewWindow", "&Save review notes…"), self)
        self.save_notes_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_notes_action.triggered.connect(self.save_notes_dialog)
        self.addAction(self.save_notes_action)
        review_menu = self.menuBar().addMenu(translate("ReviewWindow", "&Review"))
        review_menu.addAction(self.save_notes_action)
        review_menu.addAction(self.notes_dock.toggleViewAction())
        self.statusBar().showMessage(bundle.banner)

    def reviewer_name(self) -> str:
        """The manager's name, asked the first time and remembered on this computer."""
        name = self.settings.reviewer_name()
        if not name and not self._asked_reviewer:
            from ui.review_window import ask_name

            self._asked_reviewer = True  # declined once: not asked again in this review
            name = ask_name(
                self,
                translate("ReviewWindow", "Your name"),
                translate("ReviewWindow", "Your name, as the seller sees it on your notes and verdicts:"),
            )
            if name:
                self.settings.set_reviewer_name(name)
        return name

    # The board opens the editor on a double-click and moves cards; here a card only takes notes.
    def _take_notes(self, opportunity_id: int) -> None:
        self.notes_panel.show_deal(opportunity_id)
        self.notes_panel.deal_editor.setFocus()

    @Slot(int)
    def _on_board_opportunity_selected_for_notes(self, opportunity_id: int) -> None:
        self.notes_panel.show_deal(opportunity_id)

    @Slot()
    def _on_notes_panel_notes_changed(self) -> None:
        self.unsaved = bool(self.notes_panel.notes or self.notes_panel.verdicts)
        count = len(self.notes_panel.notes)
        self.statusBar().showMessage(
            plural(
                count,
                translate("ReviewWindow", "{n} coaching note in this review, not saved"),
                translate("ReviewWindow", "{n} coaching notes in this review, not saved"),
            ).format(n=fmt.number(count))
        )

    def save_notes(self, path: Path) -> Path:
        """Write the review's notes (PackError when the file cannot be written)."""
        from planner.exchange.review import notes_for, write_review_notes

        review = notes_for(
            self.bundle,
            self.notes_panel.notes,
            self.reviewer_name(),
            tuple(self.notes_panel.verdicts.values()),
        )
        written = write_review_notes(review, path)
        self.saved_to = written
        self.unsaved = False
        self.statusBar().showMessage(
            translate("ReviewWindow", "Review notes saved to {file}").format(file=written)
        )
        return written

    @Slot()
    def save_notes_dialog(self) -> Path | None:
        """Review → Save review notes…: ask where, then write."""
        from planner.exchange.pack import PackError
        from ui.file_dialogs import FolderKind, save_file

        stem = self.bundle.path.stem
        name = (
            self.saved_to.name
            if self.saved_to
            else translate("ReviewWindow", "{stem} review notes {date}.json").format(
                stem=stem, date=self.session.clock.today()
            )
        )
        path = save_file(
            self,
            FolderKind.REVIEWS,
            translate("ReviewWindow", "Save review notes"),
            name,
            translate("ReviewWindow", "Review notes (*.json);;All files (*)"),
            fallback=self.bundle.path.parent,
            settings=self.settings,
        )
        if path is None:
            return None
        try:
            return self.save_notes(path)
        except PackError as exc:
            plain.warning(self, translate("ReviewWindow", "The review notes were not saved"), str(exc))
            return None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unsaved:
            answer = QMessageBox.question(
                self,
                translate("ReviewWindow", "Save the review notes?"),
                translate("ReviewWindow", "Your coaching notes are not saved yet. Save them for the seller?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and self.save_notes_dialog() is None
            ):
                event.ignore()
                return
        super().closeEvent(event)
        if event.isAccepted():
            self.bundle.plan.close()


def open_review_window(path: Path, parent: QWidget | None = None) -> ReviewWindow:
    """Open a plan bundle in review mode and show it; ReviewError (a message for people) when it cannot."""
    from planner.exchange.review import load_bundle

    bundle = load_bundle(Path(path))
    window = ReviewWindow(bundle, parent)
    if parent is not None:
        window.setWindowFlag(Qt.WindowType.Window, True)  # its own window, closed with its parent
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.fit_to_screen()
    window.show()
    return window


def quit_after_start(app: QApplication, window: MainWindow | None) -> None:
    """Under PLANNER_QUIT_AFTER_START (tests only): build every tab first (=tabs), then quit."""
    quit_after = os.environ.get(QUIT_AFTER_START)
    if quit_after == "tabs" and window is not None:
        deal = next((cards[0].id for m in window.controller.models.values() if (cards := m.cards)), 0)
        window.blue_sheet.show_opportunity(deal)
        window.show_forecast()
        window.show_hygiene()
    if quit_after in ("1", "tabs"):
        QTimer.singleShot(0, app.quit)
