"""The main window: the stage board in the middle, accounts and deal details in docks."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.errors import OperationError
from planner.funnel import is_snoozed
from planner.i18n import plural
from planner.model import AccountDraft, OpportunityDraft, Stage
from planner.stages import ordered
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage.board import load_closed
from planner.storage.db import PlanDB, PlanError, PlanReadOnlyError
from ui import format as fmt
from ui import plain
from ui.accounts_panel import AccountsPanel
from ui.app_settings import AppSettings
from ui.archive import ArchiveView
from ui.banner import banner as strip
from ui.board.controller import BoardController
from ui.board.view import BoardWidget
from ui.detail_panel import DetailPanel

if TYPE_CHECKING:
    # Edits are imported on the first edit: the board paints without them (start-up time).
    from planner import operations as ops
    from planner.operations import Change, MoveDetails, MovePlan

    # Dialogs (and undo commands) are imported when first used: the board paints without them.
    from ui.blue_sheet import BlueSheetPanel
    from ui.commands import GuardedCommand, OpportunityCommand
    from ui.dialogs.account_dialog import AccountDialog
    from ui.dialogs.commitment_dialog import CommitmentDraft
    from ui.dialogs.move_dialog import MoveDialog
    from ui.dialogs.opportunity_dialog import OpportunityDialog
    from ui.forecast_view import ForecastView
    from ui.hygiene_view import HygieneView
    from ui.people_view import PeopleView

translate = QCoreApplication.translate

# What can go wrong when writing: the plan refused it, or the file did (locked, read-only...).
WRITE_ERRORS = (OperationError, PlanError, sqlite3.Error, OSError)


# Cards per column read before the board first paints: more than a tall screen shows.
FIRST_SCREEN_CARDS = 60
# How long the status bar says that a typed value was not written (long enough to be read).
STATUS_MESSAGE_MS = 15_000
DOCK_WIDTH = 400
TITLE_BAR = 32  # a window manager's title bar, roughly: the height a window may not use


class FilterNotice(QFrame):
    """Over the board while the filter matches no deal: says so, and offers to clear it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("filter-notice")
        self.setStyleSheet(
            "#filter-notice { background: #e7f0fb; border-bottom: 1px solid #a8c4e6; }"
            "#filter-notice QLabel { color: #0c2d53; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)  # as ui/banner.py's strips
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the seller's text, never markup
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.clear_button = QPushButton(translate("MainWindow", "Clear filter"), self)
        row.addWidget(self.clear_button)

    def show_for(self, text: str) -> None:
        self.label.setText(translate("MainWindow", "No deal matches “{text}”.").format(text=text))
        self.show()


class MainWindow(QMainWindow):
    """One window per open plan."""

    open_plan_requested = Signal(Path)
    start_own_plan_requested = Signal()
    _closing = False
    forecast_view: ForecastView | None = None
    hygiene_view: HygieneView | None = None
    people_view: PeopleView | None = None
    # Set by set_read_only: why nothing can be written (the banner says it too).
    read_only_reason: str | None = None
    read_only_banner: QFrame | None = None
    # Built the first time a filter matches no deal.
    filter_notice: FilterNotice | None = None

    def __init__(
        self, plan: PlanDB, parent: QWidget | None = None, *, settings: AppSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.is_demo = bool(settings_repo.get_setting(plan, "is_demo", False))
        name = settings_repo.get_setting(plan, "plan_name", None) or (
            plan.path.stem if plan.path else translate("MainWindow", "Plan")
        )
        self.setWindowTitle(translate("MainWindow", "{plan} — Opportunity Planner").format(plan=name))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.settings = settings or AppSettings()
        self.controller = BoardController(plan, self)
        self.controller.drop_handler = self.request_move
        # The first cards of each column now, the rest right after the first paint.
        self.controller.load(first_screen=FIRST_SCREEN_CARDS)
        self.board = BoardWidget(self.controller, self)
        self.board.setAccessibleName(translate("MainWindow", "Stage board"))
        self.board.setAccessibleDescription(
            translate(
                "MainWindow",
                "The open deals by stage. Arrow keys move between cards, Enter opens one, "
                "Ctrl+Right and Ctrl+Left move it to the next or previous stage.",
            )
        )
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(translate("MainWindow", "Filter by title or account (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(translate("MainWindow", "Filter deals"))
        self.filter_edit.setAccessibleDescription(
            translate("MainWindow", "Shows only the deals whose title or account contains the text")
        )
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        # A line edit ignores Escape; here it clears the filter and goes back to the board.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.filter_edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.clear_filter)
        # The filter's result changes with edits too (a deal renamed to match, or away from it).
        self.controller.column_changed.connect(self._update_filter_notice)
        self.controller.stages_reset.connect(self._update_filter_notice)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = self._demo_banner() if self.is_demo else None
        if self.banner is not None:
            layout.addWidget(self.banner)
        self.archive = ArchiveView(self)
        self.archive.reopen_requested.connect(self.reopen)
        self.archive.opportunity_selected.connect(self._on_archive_opportunity_selected)
        self.archive.opportunity_activated.connect(self._on_board_opportunity_activated)
        self._archive_dirty = True
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # The board's tab holds the board and, above it, the notice of a filter matching nothing.
        self._board_page = QWidget(self)
        board_layout = QVBoxLayout(self._board_page)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(0)
        board_layout.addWidget(self.board, 1)
        self.tabs.addTab(self._board_page, translate("MainWindow", "&Board"))
        self.tabs.addTab(self.archive, translate("MainWindow", "&Archive"))
        # The forecast (QtCharts) and the clean-up list are built when first opened: start-up
        # paints the board without loading the chart library.
        self._forecast_tab = QWidget(self)
        self._hygiene_tab = QWidget(self)
        self.tabs.addTab(self._forecast_tab, translate("MainWindow", "&Forecast"))
        self.tabs.addTab(self._hygiene_tab, translate("MainWindow", "&Clean-up"))
        self._people_tab = QWidget(self)
        self.tabs.addTab(self._people_tab, translate("MainWindow", "&People"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.details = DetailPanel(plan, self, status_of=self.controller.status_of_id)
        self.details_dock = QDockWidget(translate("MainWindow", "Deal details"), self)
        self.details_dock.setObjectName("details-dock")
        self.details_dock.setWidget(self.details)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)

        # The Blue Sheet panel is built when the first deal is selected (start-up time).
        self._blue_sheet: BlueSheetPanel | None = None
        self.blue_sheet_dock = QDockWidget(translate("MainWindow", "Blue Sheet"), self)
        self.blue_sheet_dock.setObjectName("blue-sheet-dock")
        hint = QLabel(translate("MainWindow", "Select a deal on the board to see its Blue Sheet."), self)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint.setMargin(12)
        self.blue_sheet_dock.setWidget(hint)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.blue_sheet_dock)
        self.tabifyDockWidget(self.details_dock, self.blue_sheet_dock)
        self.blue_sheet_dock.raise_()

        self.accounts = AccountsPanel(self)
        self.accounts_dock = QDockWidget(translate("MainWindow", "Accounts"), self)
        self.accounts_dock.setObjectName("accounts-dock")
        self.accounts_dock.setWidget(self.accounts)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.accounts_dock)
        self.accounts_dock.hide()
        # Filled when first shown: a large plan's account list is not needed to paint the board.
        self._accounts_loaded = False
        self.accounts_dock.visibilityChanged.connect(self._on_accounts_dock_visibility_changed)
        self.accounts.new_requested.connect(self.new_account)
        self.accounts.edit_requested.connect(self.edit_account)
        self.accounts.delete_requested.connect(self.delete_account)

        self.undo_view = QUndoView(self.undo_stack, self)
        self.undo_view.setEmptyLabel(translate("MainWindow", "Plan as opened"))
        self.undo_view.setAccessibleName(translate("MainWindow", "Undo history"))
        self.undo_view.setAccessibleDescription(
            translate("MainWindow", "The changes made since the plan was opened; select one to go back to it")
        )
        self.history_dock = QDockWidget(translate("MainWindow", "Undo history"), self)
        self.history_dock.setObjectName("history-dock")
        self.history_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()

        self.board.opportunity_selected.connect(self._on_board_opportunity_selected)
        self.board.opportunity_activated.connect(self._on_board_opportunity_activated)
        self.board.context_menu_requested.connect(self._on_board_context_menu_requested)
        self._build_actions()
        self.resize(1280, 780)
        # The right-hand docks' width on a first start (a saved layout replaces it): the Blue
        # Sheet's sections all show, and a 1280-pixel screen keeps four readable stage columns.
        self.resizeDocks(
            [self.details_dock, self.blue_sheet_dock], [DOCK_WIDTH, DOCK_WIDTH], Qt.Orientation.Horizontal
        )
        self.statusBar().showMessage(self._status_text())
        # The first write imports sqlite-utils (about 100 ms); do it while the seller reads the board.
        QTimer.singleShot(1500, self._warm_up)

    # Construction ---------------------------------------------------------------------------
    def _demo_banner(self) -> QFrame:
        banner, row = strip(self, "demo-banner", "#fff4ce", "#e0c36c", "#3d3200")
        text = QLabel(
            translate(
                "MainWindow",
                "<b>This is a demo plan.</b> Look around: the board, a deal's details, the accounts. "
                "Nothing here is yours.",
            ),
            banner,
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)  # a longer translation wraps instead of widening the window
        row.addWidget(text, 1)
        self.start_button = QPushButton(translate("MainWindow", "Start my own plan"), banner)
        self.start_button.clicked.connect(self.start_own_plan_requested)
        self.import_button = QPushButton(translate("MainWindow", "Import from CRM…"), banner)
        self.import_button.setToolTip(
            translate("MainWindow", "Bring in deals from a Salesforce, HubSpot or Pipedrive export")
        )
        self.import_button.clicked.connect(self.import_from_crm)
        row.addWidget(self.start_button)
        row.addWidget(self.import_button)
        return banner

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_plan_action = self._action(translate("MainWindow", "&New plan…"), self.new_plan)
        self.open_plan_action = self._action(
            translate("MainWindow", "&Open plan…"), self.open_plan, QKeySequence(std.Open)
        )
        self.start_own_action = self._action(
            translate("MainWindow", "&Start my own plan"), self.start_own_plan_requested.emit
        )
        self.start_own_action.setEnabled(self.is_demo)
        self.import_action = self._action(
            translate("MainWindow", "&Import from CRM…"), self.import_from_crm, "Ctrl+I"
        )
        self.restore_action = self._action(
            translate("MainWindow", "&Restore from backup…"), self.restore_from_backup
        )
        self.export_pack_action = self._action(
            translate("MainWindow", "&Export review pack…"), self.export_review_pack, "Ctrl+E"
        )
        self.open_review_action = self._action(
            translate("MainWindow", "Open for re&view…"), self.open_for_review
        )
        self.import_review_action = self._action(
            translate("MainWindow", "Import review &notes…"), self.import_review_notes
        )
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.close, QKeySequence(std.Quit))
        self.undo_action = self.undo_stack.createUndoAction(self, translate("MainWindow", "&Undo"))
        # Every binding of the platform (Redo: Ctrl+Y and Ctrl+Shift+Z), not only the first.
        self.undo_action.setShortcuts(std.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcuts(std.Redo)
        self.addActions([self.undo_action, self.redo_action])
        # Their toolbar buttons' tooltips repeat the command's text, which names deals.
        self.undo_stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        self.undo_stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        self.new_deal_action = self._action(
            translate("MainWindow", "&New deal…"), self.new_opportunity, QKeySequence(std.New)
        )
        self.edit_deal_action = self._action(translate("MainWindow", "&Edit deal…"), self.edit_selected, "F2")
        self.delete_deal_action = self._action(
            translate("MainWindow", "&Delete deal…"), self.delete_selected, QKeySequence(std.Delete)
        )
        self.move_forward_action = self._action(
            translate("MainWindow", "Move &forward…"), self.move_selected_forward, "Ctrl+Right"
        )
        self.move_back_action = self._action(
            translate("MainWindow", "Move &back…"), self.move_selected_back, "Ctrl+Left"
        )
        self.snooze_action = self._action(
            translate("MainWindow", "&Snooze stale warning…"), self.snooze_selected
        )
        # The customer did something on any day, with or without a move: Stale counts from it.
        self.record_commitment_action = self._action(
            translate("MainWindow", "Record customer &commitment…"), self.record_commitment_selected
        )
        self.new_account_action = self._action(
            translate("MainWindow", "New &account…"), self.new_account, "Ctrl+Shift+N"
        )
        self.stage_settings_action = self._action(
            translate("MainWindow", "S&tage settings…"), self.edit_stage_settings
        )
        self.currencies_action = self._action(
            translate("MainWindow", "&Currencies and rates…"), self.edit_currencies
        )
        self.preferences_action = self._action(
            translate("MainWindow", "&Preferences…"), self.edit_preferences
        )
        # No standard key on Linux and Windows: Ctrl+, as on macOS.
        preferences_keys = QKeySequence.keyBindings(std.Preferences) or [QKeySequence("Ctrl+,")]
        self.preferences_action.setShortcuts(preferences_keys)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.welcome_action = self._action(translate("MainWindow", "&Welcome…"), self.show_welcome)
        self.find_action = self._action(
            translate("MainWindow", "&Filter deals"), self._focus_filter, QKeySequence(std.Find)
        )
        self.about_action = self._action(translate("MainWindow", "&About Opportunity Planner"), self.about)
        self.shortcuts_action = self._action(
            translate("MainWindow", "&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/"
        )
        self.guide_action = self._action(
            translate("MainWindow", "&User guide"), self.show_guide, QKeySequence(std.HelpContents)
        )
        from ui.icons import icon

        for action, name in (
            (self.new_deal_action, "new-deal"),
            (self.edit_deal_action, "edit"),
            (self.find_action, "filter"),
            (self.import_action, "import"),
            (self.export_pack_action, "export"),
            (self.undo_action, "undo"),
            (self.redo_action, "redo"),
        ):
            action.setIcon(icon(name))

        menus = self.menuBar()
        file_menu = menus.addMenu(translate("MainWindow", "&File"))
        file_menu.addActions([self.new_plan_action, self.open_plan_action, self.start_own_action])
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.import_review_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_pack_action, self.open_review_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_deal_action, self.edit_deal_action, self.delete_deal_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.move_forward_action, self.move_back_action])
        edit_menu.addActions([self.record_commitment_action, self.snooze_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.new_account_action, self.find_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.stage_settings_action, self.currencies_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = menus.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions(
            [
                self.details_dock.toggleViewAction(),
                self.blue_sheet_dock.toggleViewAction(),
                self.accounts_dock.toggleViewAction(),
                self.history_dock.toggleViewAction(),
            ]
        )
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(translate("MainWindow", "&Theme"))
        self.theme_actions: dict[str, QAction] = {}
        for value, label in (
            ("system", translate("MainWindow", "Follow the &system")),
            ("light", translate("MainWindow", "&Light")),
            ("dark", translate("MainWindow", "&Dark")),
        ):
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=value: self.set_theme(v))
            self.theme_actions[value] = action
        self.theme_actions[self.settings.theme().value].setChecked(True)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
        file_menu.insertMenu(self.restore_action, self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        help_menu = menus.addMenu(translate("MainWindow", "&Help"))
        help_menu.addActions([self.welcome_action, self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(translate("MainWindow", "Board"), self)
        toolbar.setObjectName("board-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(24, 24))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_deal_action, self.edit_deal_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addWidget(self.filter_edit)
        self.addToolBar(toolbar)
        self._update_selection_actions()

    # Helpers --------------------------------------------------------------------------------
    @Slot()
    def _warm_up(self) -> None:
        if self._closing:
            return
        # The plan may have been closed meanwhile (another plan opened): nothing to warm up.
        with contextlib.suppress(sqlite3.ProgrammingError):
            self.plan.warm_up()

    def _status_text(self) -> str:
        where = str(self.plan.path) if self.plan.path else translate("MainWindow", "in memory")
        # Counted from the board, not the file: this runs after every edit.
        count = sum(model.card_count for model in self.controller.models.values())
        return plural(
            count,
            translate(
                "MainWindow", "{n} open deal · plan file: {where} · every change is saved as you make it"
            ),
            translate(
                "MainWindow", "{n} open deals · plan file: {where} · every change is saved as you make it"
            ),
        ).format(n=fmt.number(count), where=where)

    def show_error(self, title: str, message: str) -> None:
        """Tell the seller an edit failed; the board already shows what the plan holds."""
        plain.warning(self, title, message)  # messages quote names, which may look like markup

    def confirm(self, title: str, message: str) -> bool:
        return plain.question(self, title, message) == plain.Button.Yes

    def apply_change(self, change: Change) -> None:
        """Refresh the views an operation touched.

        The change is already in the plan file. Should a view fail to follow it (a bug), the
        seller is told and every view is rebuilt from the file: the window never shows a plan
        that differs from the one saved, and the edit stays undoable.
        """
        try:
            self._apply_change(change)
        except Exception as exc:
            self.view_failed(exc)

    def view_failed(self, exc: BaseException, *, printed: bool = False) -> None:
        """A view could not follow the plan: say so, and show the plan as the file holds it."""
        if not printed:
            import traceback

            traceback.print_exception(exc)  # for a bug report; the seller reads the message below
        if self.plan.conn.in_transaction:
            self.plan.conn.rollback()
        self.resync()
        self.show_error(
            translate("MainWindow", "The window could not show a change"),
            translate(
                "MainWindow",
                "Something went wrong while the window was updated ({error}). Nothing you entered "
                "was lost: the window now shows the plan as it is saved.",
            ).format(error=f"{type(exc).__name__}: {exc}"),
        )

    def resync(self) -> None:
        """Rebuild every view from the plan file (after a failed write or a failed refresh)."""
        selected = self.board.selected_id()
        self.controller.load()
        for view in (self.forecast_view, self.hygiene_view, self.people_view):
            if view is not None:
                view.invalidate()
        self._archive_dirty = True
        if self.tabs.currentWidget() is self.archive:
            self._refresh_archive()
        self._refresh_accounts()
        if selected and not self.board.select(selected):
            selected = 0
        self._show_in_docks(selected or self.details.opportunity_id)
        self.statusBar().showMessage(self._status_text())

    def _apply_change(self, change: Change) -> None:
        self.controller.apply(change)
        for view in (self.forecast_view, self.hygiene_view, self.people_view):
            if view is not None:
                view.invalidate()
        self._archive_dirty = True
        if self.tabs.currentWidget() is self.archive:
            self._refresh_archive()
        if change.accounts_changed:
            self._refresh_accounts()
        shown = self.details.opportunity_id
        if shown and (shown in change.opportunities or shown in change.removed_opportunities):
            self.details.show_opportunity(shown)
        sheet = self._blue_sheet.opportunity_id if self._blue_sheet is not None else 0
        if sheet and (sheet in change.opportunities or sheet in change.removed_opportunities):
            self.blue_sheet.refresh()
        self.statusBar().showMessage(self._status_text())
        self._update_selection_actions()

    def _push(self, make: Callable[[], QUndoCommand], failure: str) -> bool:
        """Run an operation; on success push its undo command, on failure say so and resync."""
        try:
            command = make()
        except Exception as exc:
            # A refused or failed write (WRITE_ERRORS), or a bug: either way nothing half-done
            # stays in the file, and the window shows what the file holds.
            if self.plan.conn.in_transaction:
                self.plan.conn.rollback()
            if not isinstance(exc, WRITE_ERRORS):
                import traceback

                traceback.print_exception(exc)
            self.resync()
            if isinstance(exc, PlanReadOnlyError) and self.read_only_reason is None:
                self.set_read_only(str(exc))  # the file was moved or deleted: stop offering edits
            self.show_error(failure, _explain(exc))
            return False
        self.undo_stack.push(command)
        return True

    def _refresh_accounts(self) -> None:
        if self._accounts_loaded or self.accounts_dock.isVisible():
            self.accounts.model.set_accounts(account_repo.list_accounts(self.plan))
            self._accounts_loaded = True

    @Slot(bool)
    def _on_accounts_dock_visibility_changed(self, visible: bool) -> None:
        if visible and not self._accounts_loaded:
            self._refresh_accounts()

    def _update_selection_actions(self) -> None:
        selected = bool(self.board.selected_id())
        for action in (
            self.edit_deal_action,
            self.delete_deal_action,
            self.move_forward_action,
            self.move_back_action,
            self.snooze_action,
            self.record_commitment_action,
        ):
            action.setEnabled(selected and self.read_only_reason is None)

    # Every action that writes to the plan (set_read_only disables them).
    _EDIT_ACTIONS = (
        "new_deal_action",
        "edit_deal_action",
        "delete_deal_action",
        "move_forward_action",
        "move_back_action",
        "snooze_action",
        "record_commitment_action",
        "new_account_action",
        "stage_settings_action",
        "currencies_action",
        "import_action",
        "restore_action",
        "import_review_action",
    )

    def set_read_only(self, reason: str) -> None:
        """Stop offering edits and say why in a banner, with Save a copy as… as a way on."""
        self.read_only_reason = reason
        # Undo and redo write too; with nothing writable their history is of no use.
        self.undo_stack.clear()
        self.controller.drop_handler = None
        if self._blue_sheet is not None:
            self._blue_sheet.set_editable(False)
        for view in (self.forecast_view, self.hygiene_view, self.people_view):
            if view is not None:
                view.set_read_only(reason)
        for name in self._EDIT_ACTIONS:
            action = getattr(self, name, None)
            if isinstance(action, QAction):
                action.setEnabled(False)
        if self.read_only_banner is None:
            self.read_only_banner = self._read_only_banner()
            central = self.centralWidget()
            layout = central.layout() if central is not None else None
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self.read_only_banner)
            self.read_only_banner.show()  # now, not when the layout next runs
        self.read_only_label.setText(reason)
        self.statusBar().showMessage(translate("MainWindow", "Read-only: {reason}").format(reason=reason))

    def _read_only_banner(self) -> QFrame:
        banner, row = strip(self, "read-only-banner", "#fde7e9", "#d9a0a6", "#5c0a12")
        self.read_only_label = QLabel(banner)
        self.read_only_label.setTextFormat(Qt.TextFormat.PlainText)
        self.read_only_label.setWordWrap(True)
        row.addWidget(self.read_only_label, 1)
        self.save_copy_button = QPushButton(translate("MainWindow", "Save a copy as…"), banner)
        self.save_copy_button.clicked.connect(self._on_save_copy_button_clicked)
        row.addWidget(self.save_copy_button)
        return banner

    @Slot()
    def _on_save_copy_button_clicked(self) -> None:
        from ui.dialogs.restore_dialog import save_copy_dialog

        path = save_copy_dialog(self, self.plan)
        if path is not None:
            self.open_plan_requested.emit(path)

    def _refresh_archive(self) -> None:
        # Loaded when shown, not on every edit: a large plan has many closed deals.
        self.archive.set_deals(load_closed(self.plan))
        self._archive_dirty = False

    # Slots ----------------------------------------------------------------------------------
    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        tabs = getattr(self, "tabs", None)  # Qt removes the tabs, and signals, while tearing down
        if tabs is None:
            return
        if tabs.currentWidget() is self._forecast_tab:
            self.show_forecast()
        elif tabs.currentWidget() is self._hygiene_tab:
            self.show_hygiene()
        elif tabs.currentWidget() is self._people_tab:
            self.show_people()
        if tabs.currentWidget() is self.archive:
            if self._archive_dirty:
                self._refresh_archive()
            self._show_in_docks(self.archive.selected_id())
        elif tabs.currentWidget() is self._board_page and self.board.selected_id():
            # Back on the board: the docks show its selected card again, not the archive's.
            self._show_in_docks(self.board.selected_id())

    @Slot(int, QPoint)
    def _on_board_context_menu_requested(self, opportunity_id: int, pos: QPoint) -> None:
        menu = self.card_menu(opportunity_id)
        menu.exec(pos)

    def card_menu(self, opportunity_id: int) -> QMenu:
        """The context menu of a card (or of a column's empty space when 0)."""
        menu = QMenu(self)
        if not opportunity_id:
            menu.addAction(self.new_deal_action)
            return menu
        current = self.controller.stage_of(opportunity_id)
        move_menu = menu.addMenu(translate("MainWindow", "&Move to"))
        for stage in ordered(self.controller.stages):
            action = move_menu.addAction(stage.name)
            action.setEnabled(stage.id != current)
            action.triggered.connect(
                lambda _checked=False, target=stage.id: self.request_move(opportunity_id, target)
            )
        if self.read_only_reason is None:
            from ui.forecast_view import forecast_category_menu

            category = forecast_category_menu(menu, self.plan, opportunity_id, self._push, self.apply_change)
            if category is not None:
                menu.addMenu(category)
        menu.addActions([self.edit_deal_action, self.record_commitment_action, self.snooze_action])
        menu.addSeparator()
        menu.addAction(self.delete_deal_action)
        return menu

    @Slot(str)
    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.controller.set_filter(text)
        self._update_filter_notice()

    @Slot()
    def _update_filter_notice(self) -> None:
        text = self.filter_edit.text().strip()
        if text and not any(model.rowCount() for model in self.controller.models.values()):
            if self.filter_notice is None:
                self.filter_notice = FilterNotice(self._board_page)
                self.filter_notice.clear_button.clicked.connect(self.clear_filter)
                layout = self._board_page.layout()
                assert isinstance(layout, QVBoxLayout)
                layout.insertWidget(0, self.filter_notice)
            self.filter_notice.show_for(text)
        elif self.filter_notice is not None:
            self.filter_notice.hide()

    @Slot()
    def clear_filter(self) -> None:
        """Show every deal again, and go back to the board with the selected card, if any."""
        selected = self.board.selected_id()
        self.filter_edit.clear()
        if not (selected and self.board.select(selected)) and self.board.columns:
            next(iter(self.board.columns.values())).view.setFocus()

    @Slot(int)
    def _on_board_opportunity_selected(self, opportunity_id: int) -> None:
        self._show_in_docks(opportunity_id)

    @Slot(int)
    def _on_archive_opportunity_selected(self, opportunity_id: int) -> None:
        if opportunity_id:
            self._show_in_docks(opportunity_id)

    def _show_in_docks(self, opportunity_id: int) -> None:
        """Deal details and the Blue Sheet show this deal (0: none): always the same one."""
        if self._closing:
            return  # views tearing down still change their selection; the plan may be closed
        self.details.show_opportunity(opportunity_id)
        if opportunity_id or self._blue_sheet is not None:
            self.blue_sheet.show_opportunity(opportunity_id)
        self._update_selection_actions()

    @Slot(str)
    def _on_blue_sheet_edit_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    @Slot(int, int)
    def _on_blue_sheet_move_requested(self, opportunity_id: int, stage_id: int) -> None:
        # A debrief's commitment: the deal moves as from the board, through the same dialog.
        self.request_move(opportunity_id, stage_id)

    @property
    def blue_sheet(self) -> BlueSheetPanel:
        """The Blue Sheet panel, built on first use."""
        if self._blue_sheet is None:
            from ui.blue_sheet import BlueSheetPanel

            self._blue_sheet = BlueSheetPanel(self.plan, self._push, self.apply_change, self)
            self._blue_sheet.edit_refused.connect(self._on_blue_sheet_edit_refused)
            self._blue_sheet.move_requested.connect(self._on_blue_sheet_move_requested)
            # The dock keeps the width it had: the panel replacing the placeholder would size it to
            # its own liking and shift the board under the seller's pointer.
            width = self.blue_sheet_dock.width()
            self.blue_sheet_dock.setWidget(self._blue_sheet)
            if self.blue_sheet_dock.isVisible():
                self.resizeDocks([self.blue_sheet_dock], [width], Qt.Orientation.Horizontal)
            if self.read_only_reason is not None:
                self._blue_sheet.set_editable(False)
        return self._blue_sheet

    def show_forecast(self) -> ForecastView:
        """The Forecast tab, built on first use."""
        if self.forecast_view is None:
            from ui.forecast_view import ForecastView

            self.forecast_view = ForecastView(self.plan, self._push, self.apply_change, self)
            self.forecast_view.opportunity_opened.connect(self._on_view_opportunity_opened)
            self._replace_tab(self._forecast_tab, self.forecast_view, translate("MainWindow", "&Forecast"))
        self.tabs.setCurrentWidget(self.forecast_view)
        return self.forecast_view

    def show_hygiene(self) -> HygieneView:
        """The Clean-up tab, built on first use."""
        if self.hygiene_view is None:
            from ui.hygiene_view import HygieneView

            self.hygiene_view = HygieneView(self.plan, self._push, self.apply_change, self)
            self.hygiene_view.opportunity_opened.connect(self._on_view_opportunity_opened)
            self._replace_tab(self._hygiene_tab, self.hygiene_view, translate("MainWindow", "&Clean-up"))
        self.tabs.setCurrentWidget(self.hygiene_view)
        return self.hygiene_view

    def show_people(self) -> PeopleView:
        """The People tab, built on first use."""
        if self.people_view is None:
            from ui.people_view import PeopleView

            self.people_view = PeopleView(self.plan, self._push, self.apply_change, self)
            self.people_view.opportunity_opened.connect(self._on_view_opportunity_opened)
            self._replace_tab(self._people_tab, self.people_view, translate("MainWindow", "&People"))
        self.tabs.setCurrentWidget(self.people_view)
        return self.people_view

    def _replace_tab(self, placeholder: QWidget, view: QWidget, title: str) -> None:
        index = self.tabs.indexOf(placeholder)
        self.tabs.blockSignals(True)  # no currentChanged storm while the tab is swapped
        self.tabs.insertTab(index, view, title)
        self.tabs.removeTab(index + 1)
        self.tabs.blockSignals(False)
        if self.read_only_reason is not None:
            view.set_read_only(self.read_only_reason)  # type: ignore[attr-defined]

    @Slot(int)
    def _on_view_opportunity_opened(self, opportunity_id: int) -> None:
        # From the forecast or the clean-up list: show the deal's Blue Sheet (and its card).
        self.board.select(opportunity_id)
        self._show_in_docks(opportunity_id)
        self.blue_sheet_dock.show()
        self.blue_sheet_dock.raise_()

    @Slot(int)
    def _on_board_opportunity_activated(self, opportunity_id: int) -> None:
        self.edit_opportunity(opportunity_id)

    @Slot()
    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # Deals ----------------------------------------------------------------------------------
    def opportunity_dialog(self, opportunity_id: int | None = None) -> OpportunityDialog:
        """The editor for a new (None) or existing deal; tests drive it directly."""
        from planner.next_step import next_step
        from planner.storage import activities as activity_repo
        from ui.dialogs.opportunity_dialog import OpportunityDialog

        existing = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        step = (
            next_step(activity_repo.list_actions(self.plan, existing.id), existing.next_step)
            if existing is not None
            else None
        )
        return OpportunityDialog(
            account_repo.list_accounts(self.plan),
            self.controller.stages,
            existing,
            self,
            default_currency=self.controller.base_currency,
            default_account_id=self.accounts.selected_account(),
            next_step=step,
            today=self.controller.today(),
        )

    @Slot()
    def new_opportunity(self) -> None:
        dialog = self.opportunity_dialog()
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.create_opportunity(dialog.draft(), dialog.next_step_text(), dialog.new_account())

    def create_opportunity(
        self,
        draft: OpportunityDraft,
        next_step: str | None = None,
        new_account: AccountDraft | None = None,
    ) -> int | None:
        """Create a deal (undoable), with a planned action for `next_step` when one is given, and
        select its card; returns its id.

        With `new_account` the deal is for that account, created with it (`_with_new_account`).
        """
        from planner import sheet_operations as sheet_ops
        from ui.commands import run_opportunity_operation

        created: list[int] = []
        text = translate("MainWindow", "Create “{title}”").format(title=draft.title)

        def make_deal(account_id: int | None) -> OpportunityCommand:
            deal = draft if account_id is None else dataclasses.replace(draft, account_id=account_id)

            def operation() -> tuple[Change, int]:
                change, new_id = sheet_ops.create_deal(self.plan, deal, next_step, dt.date.today())
                created.append(new_id)
                return change, new_id

            return run_opportunity_operation(text, self.plan, None, operation, self.apply_change)

        def make() -> QUndoCommand:
            if new_account is None:
                return make_deal(None)
            return self._with_new_account(new_account, draft.title, make_deal)

        if not self._push(make, translate("MainWindow", "The deal was not created")):
            return None
        self.board.select(created[0])
        return created[0]

    def _with_new_account(
        self, account: AccountDraft, title: str, deal_step: Callable[[int], GuardedCommand]
    ) -> QUndoCommand:
        """Create `account`, then run `deal_step` (which creates or saves the deal) for it.

        One transaction, so a deal that cannot be written leaves no account behind, and one
        undo step, so Undo takes back both.
        """
        from planner import operations as ops
        from ui.commands import AccountPresenceCommand, SequenceCommand

        with self.plan.atomic():
            change, account_id = ops.create_account(self.plan, account)
            # The account alone, taken before the deal joins it: redo restores the deal itself.
            snap = ops.snapshot_account(self.plan, account_id)
            deal_command = deal_step(account_id)
        self.apply_change(change)
        account_command = AccountPresenceCommand(
            translate("MainWindow", "Create account “{name}”").format(name=account.name),
            self.plan,
            account_id,
            snap,
            self.apply_change,
            created=True,
        )
        return SequenceCommand(
            translate("MainWindow", "“{title}” for the new account “{name}”").format(
                title=title, name=account.name
            ),
            [account_command, deal_command],
        )

    @Slot()
    def edit_selected(self) -> None:
        if selected := self.board.selected_id():
            self.edit_opportunity(selected)

    def edit_opportunity(self, opportunity_id: int) -> None:
        dialog = self.opportunity_dialog(opportunity_id)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_opportunity(
                opportunity_id, dialog.draft(), dialog.next_step_text(), dialog.new_account()
            )

    def save_opportunity(
        self,
        opportunity_id: int,
        draft: OpportunityDraft,
        next_step: str | None = None,
        new_account: AccountDraft | None = None,
    ) -> bool:
        """Write an edited deal and, when `next_step` is given, rename its next step's action (or
        plan one): one undoable edit; with `new_account`, for that account, created with it.

        A changed stage goes through the same gate as a drag: the move dialog asks for the
        customer's commitment (forward) or the reason (back, closing), and the edits and the
        move are one undoable step. Cancelling it saves nothing.
        """
        from planner import sheet_operations as sheet_ops
        from ui.commands import run_opportunity_operation

        current = opportunity_repo.get_opportunity(self.plan, opportunity_id)
        move: MoveDetails | None = None
        if current is not None and draft.stage_id != current.stage_id:
            from planner import operations as ops

            try:
                move = self.move_details(ops.plan_move(self.plan, opportunity_id, draft.stage_id))
            except OperationError:
                move = None  # the stage went meanwhile: nothing to ask
            if move is None:
                return False  # the move was cancelled: the deal stays as it was

        def make_edit(account_id: int | None) -> OpportunityCommand:
            edited = draft if account_id is None else dataclasses.replace(draft, account_id=account_id)

            def operation() -> tuple[Change, int]:
                today = dt.date.today()
                return sheet_ops.save_deal(
                    self.plan, opportunity_id, edited, next_step, today, move
                ), opportunity_id

            target = self.controller.stage(draft.stage_id) if move is not None else None
            text = (
                translate("MainWindow", "Edit “{title}” and move it to {stage}").format(
                    title=draft.title, stage=target.name
                )
                if target is not None
                else translate("MainWindow", "Edit “{title}”").format(title=draft.title)
            )
            return run_opportunity_operation(
                text,
                self.plan,
                opportunity_id,
                operation,
                self.apply_change,
            )

        def make() -> QUndoCommand:
            if new_account is None:
                return make_edit(None)
            return self._with_new_account(new_account, draft.title, make_edit)

        return self._push(make, translate("MainWindow", "The deal was not saved"))

    @Slot()
    def delete_selected(self) -> None:
        opportunity_id = self.board.selected_id()
        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        if opportunity is None:
            return
        if self.confirm(
            translate("MainWindow", "Delete deal"),
            translate(
                "MainWindow",
                "Delete “{title}” with its Blue Sheet and history?\nYou can undo this with Edit → Undo.",
            ).format(title=opportunity.title),
        ):
            self.delete_opportunity(opportunity_id)

    def delete_opportunity(self, opportunity_id: int) -> bool:
        """Delete a deal (undoable)."""
        from planner import operations as ops
        from ui.commands import run_opportunity_operation

        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id)
        title = opportunity.title if opportunity else str(opportunity_id)

        def operation() -> tuple[Change, int]:
            change, _snap = ops.delete_opportunity(self.plan, opportunity_id)
            return change, opportunity_id

        return self._push(
            lambda: run_opportunity_operation(
                translate("MainWindow", "Delete “{title}”").format(title=title),
                self.plan,
                opportunity_id,
                operation,
                self.apply_change,
            ),
            translate("MainWindow", "The deal was not deleted"),
        )

    # Moves ----------------------------------------------------------------------------------
    def move_dialog(self, move: MovePlan) -> MoveDialog | None:
        """The dialog a planned move needs (None for a reopen, which needs no answer)."""
        from ui.dialogs.move_dialog import MoveDialog

        if move.kind in ("none", "reopen"):
            return None
        from planner import evidence

        passed = (
            evidence.passed_checklist(move.source, move.target, move.stages, move.commitments)
            if move.kind == "forward"
            else []
        )
        return MoveDialog(
            move.kind,
            move.opportunity.title,
            move.source,
            move.target,
            [item.text for item in passed],
            dt.date.today(),
            self,
            recorded={item.text: item.met_on for item in passed if item.met_on is not None},
            entry_missing=move.entry_missing,
        )

    def move_details(self, move: MovePlan) -> MoveDetails | None:
        """What a planned move needs, asked of the seller (None: cancelled, or no move at all)."""
        from planner import operations as ops
        from planner.operations import MoveDetails

        if move.kind == "none":
            return None
        if move.kind == "reopen":
            # Stored in English like the planner's other reasons; shown translated (shown_reason).
            return MoveDetails(reason=ops.REOPENED)
        dialog = self.move_dialog(move)
        if dialog is None or dialog.exec() != dialog.DialogCode.Accepted:
            return None  # cancelled: nothing is written
        return dialog.details()

    def request_move(self, opportunity_id: int, target_id: int) -> bool:
        """Move a deal (drag and drop, keyboard, menu): plan it once, ask why, write it undoably."""
        from planner import operations as ops

        try:
            move = ops.plan_move(self.plan, opportunity_id, target_id)
        except OperationError:
            return False  # the deal or the stage went meanwhile: nothing to ask
        details = self.move_details(move)
        return details is not None and self._apply_move(move, details)

    def move_opportunity(self, opportunity_id: int, target: Stage, details: MoveDetails) -> bool:
        """Write a move with its commitment or reason (undoable)."""
        from planner import operations as ops

        try:
            move = ops.plan_move(self.plan, opportunity_id, target.id)
        except OperationError as error:
            self.show_error(translate("MainWindow", "The deal was not moved"), str(error))
            return False
        return self._apply_move(move, details)

    def _apply_move(self, move: MovePlan, details: MoveDetails) -> bool:
        from planner import operations as ops
        from ui.commands import run_opportunity_operation

        opportunity_id, target = move.opportunity.id, move.target

        def operation() -> tuple[Change, int]:
            return ops.apply_move(self.plan, move, details, dt.date.today()), opportunity_id

        done = self._push(
            lambda: run_opportunity_operation(
                translate("MainWindow", "Move “{title}” to {stage}").format(
                    title=move.opportunity.title, stage=target.name
                ),
                self.plan,
                opportunity_id,
                operation,
                self.apply_change,
            ),
            translate("MainWindow", "The deal was not moved"),
        )
        if done and not target.is_closed:
            self.board.select(opportunity_id)
        return done

    def _move_selected(self, step: int) -> None:
        opportunity_id = self.board.selected_id()
        stage_id = self.controller.stage_of(opportunity_id) if opportunity_id else None
        columns = [s.id for s in self.controller.columns]
        if stage_id is None or stage_id not in columns:
            return
        position = columns.index(stage_id) + step
        if 0 <= position < len(columns):
            self.request_move(opportunity_id, columns[position])

    @Slot()
    def move_selected_forward(self) -> None:
        self._move_selected(1)

    @Slot()
    def move_selected_back(self) -> None:
        self._move_selected(-1)

    @Slot(int)
    def reopen(self, opportunity_id: int) -> bool:
        """Return a closed deal to its last open stage (undoable)."""
        from planner import operations as ops

        try:
            target_id = ops.reopen_stage(self.plan, opportunity_id)
        except OperationError as exc:
            self.show_error(translate("MainWindow", "The deal was not reopened"), str(exc))
            return False
        return self.request_move(opportunity_id, target_id)

    @Slot()
    def record_commitment_selected(self) -> None:
        if opportunity_id := self.board.selected_id():
            self.ask_commitment(opportunity_id)

    def ask_commitment(self, opportunity_id: int) -> bool:
        """Ask what the customer committed to, and when, and record it (undoable)."""
        from ui.dialogs.commitment_dialog import commitment_dialog

        dialog = commitment_dialog(self.plan, opportunity_id, dt.date.today(), self)
        if dialog is None or dialog.exec() != dialog.DialogCode.Accepted:
            return False
        return self.record_commitment(opportunity_id, dialog.draft())

    def record_commitment(self, opportunity_id: int, draft: CommitmentDraft) -> bool:
        """Record a customer commitment on a deal (undoable): its Stale badge counts from it."""
        from ui.dialogs.commitment_dialog import record_command

        return self._push(
            lambda: record_command(self.plan, opportunity_id, draft, dt.date.today(), self.apply_change),
            translate("MainWindow", "The commitment was not recorded"),
        )

    @Slot()
    def snooze_selected(self) -> None:
        opportunity_id = self.board.selected_id()
        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        if opportunity is None:
            return
        if is_snoozed(opportunity.snooze_until, dt.date.today()):
            if self.confirm(
                translate("MainWindow", "Snoozed"),
                translate("MainWindow", "Snoozed until {date}: {reason}\n\nClear the snooze?").format(
                    date=fmt.date(opportunity.snooze_until), reason=opportunity.snooze_reason
                ),
            ):
                self.snooze(opportunity_id, None, "")
            return
        from ui.dialogs.snooze_dialog import SnoozeDialog

        dialog = SnoozeDialog(opportunity.title, dt.date.today(), self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            until, reason = dialog.values()
            self.snooze(opportunity_id, until, reason)

    def snooze(self, opportunity_id: int, until: dt.date | None, reason: str) -> bool:
        """Snooze (or, with None, un-snooze) a deal's stale warning (undoable)."""
        from planner import operations as ops
        from ui.commands import run_opportunity_operation

        def operation() -> tuple[Change, int]:
            change = ops.snooze_opportunity(self.plan, opportunity_id, until, reason, dt.date.today())
            return change, opportunity_id

        text = (
            translate("MainWindow", "Snooze stale warning")
            if until
            else translate("MainWindow", "Clear snooze")
        )
        return self._push(
            lambda: run_opportunity_operation(text, self.plan, opportunity_id, operation, self.apply_change),
            translate("MainWindow", "The snooze was not saved"),
        )

    # Backups --------------------------------------------------------------------------------
    @Slot()
    def restore_from_backup(self) -> None:
        from ui.dialogs.restore_dialog import run_restore_dialog

        path = run_restore_dialog(self, self.plan)
        if path is not None:
            self.open_plan_requested.emit(path)  # reopened: fresh models, empty undo stack

    @Slot(str)
    def _on_undo_stack_undo_text_changed(self, _text: str) -> None:
        # After QUndoStack has set the action's text (its connection was made first).
        self.undo_action.setToolTip(plain.plain_tooltip(self.undo_action.iconText()))

    @Slot(str)
    def _on_undo_stack_redo_text_changed(self, _text: str) -> None:
        self.redo_action.setToolTip(plain.plain_tooltip(self.redo_action.iconText()))

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
        self.controller.load()
        if self._blue_sheet is not None:
            self._blue_sheet.refresh()
        if isinstance(exc, PlanReadOnlyError) and self.read_only_reason is None:
            self.set_read_only(str(exc))
        self.show_error(translate("MainWindow", "The change could not be undone or redone"), _explain(exc))

    # Review pack ----------------------------------------------------------------------------
    @Slot()
    def export_review_pack(self) -> None:
        from ui.dialogs.export_dialog import run_export_dialog

        selected = self.board.selected_id()
        written = run_export_dialog(self, self.plan, [selected] if selected else [])
        if written:
            self.statusBar().showMessage(
                translate("MainWindow", "Review pack written: {files}").format(
                    files=", ".join(str(p) for p in written)
                )
            )

    @Slot()
    def open_for_review(self) -> None:
        from ui.review_window import run_open_for_review

        run_open_for_review(self)

    @Slot()
    def import_review_notes(self) -> None:
        from ui.review_window import run_import_review_notes

        change = run_import_review_notes(self, self.plan)
        if change is not None:
            self.apply_change(change)

    # Import ---------------------------------------------------------------------------------
    @Slot()
    def import_from_crm(self) -> None:
        from ui.dialogs.import_wizard import run_import_wizard

        change = run_import_wizard(self, self.plan)
        if change is not None:
            # Imports are not undoable, and older undo snapshots predate the imported values.
            self.undo_stack.clear()
            self.controller.load()
            self.apply_change(change)

    # Stages and currencies ------------------------------------------------------------------
    @Slot()
    def edit_stage_settings(self) -> None:
        from ui.dialogs.stage_settings import StageSettingsDialog

        counts: dict[int, int] = {}
        for deal in opportunity_repo.list_opportunities(self.plan):
            counts[deal.stage_id] = counts.get(deal.stage_id, 0) + 1
        dialog = StageSettingsDialog(self.controller.stages, counts, self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_stage_settings(dialog.rows(), dialog.reassign())

    def save_stage_settings(self, rows: list[ops.StageRow], reassign: dict[int, int]) -> bool:
        """Apply a stage-settings change (undoable)."""
        from planner import operations as ops
        from ui.commands import StageSettingsCommand

        def make() -> QUndoCommand:
            done = ops.apply_stage_settings(self.plan, rows, reassign, dt.date.today())
            self.apply_change(done.change)
            return StageSettingsCommand(
                translate("MainWindow", "Change stage settings"),
                self.plan,
                done.before,
                done.after,
                self.apply_change,
            )

        return self._push(make, translate("MainWindow", "The stage settings were not saved"))

    @Slot()
    def edit_currencies(self) -> None:
        from ui.dialogs.currency_dialog import CurrencyDialog

        dialog = CurrencyDialog(self.controller.base_currency, self.controller.rates, self)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_currencies(*dialog.values())

    def save_currencies(self, base: str, rates: dict[str, float]) -> bool:
        """Set the base currency and rates (undoable)."""
        from planner import operations as ops
        from ui.commands import CurrenciesCommand

        before = (self.controller.base_currency, dict(self.controller.rates))

        def make() -> QUndoCommand:
            self.apply_change(ops.set_currencies(self.plan, base, rates))
            return CurrenciesCommand(self.plan, before, (base, dict(rates)), self.apply_change)

        return self._push(make, translate("MainWindow", "The currencies were not saved"))

    # Accounts -------------------------------------------------------------------------------
    def account_dialog(self, account_id: int | None = None) -> AccountDialog:
        from ui.dialogs.account_dialog import AccountDialog

        accounts = account_repo.list_accounts(self.plan)
        existing = account_repo.get_account(self.plan, account_id) if account_id else None
        excluded = frozenset(account_repo.descendants(self.plan, account_id)) if account_id else frozenset()
        return AccountDialog(accounts, existing, self, excluded_parents=excluded)

    @Slot()
    def new_account(self) -> None:
        dialog = self.account_dialog()
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.create_account(dialog.draft())

    def create_account(self, draft: AccountDraft) -> int | None:
        """Create an account (undoable); returns its id."""
        from planner import operations as ops
        from ui.commands import AccountPresenceCommand

        created: list[int] = []

        def make() -> QUndoCommand:
            change, account_id = ops.create_account(self.plan, draft)
            created.append(account_id)
            snap = ops.snapshot_account(self.plan, account_id)
            self.apply_change(change)
            return AccountPresenceCommand(
                translate("MainWindow", "Create account “{name}”").format(name=draft.name),
                self.plan,
                account_id,
                snap,
                self.apply_change,
                created=True,
            )

        if not self._push(make, translate("MainWindow", "The account was not created")):
            return None
        self.accounts_dock.show()
        return created[0]

    @Slot(int)
    def edit_account(self, account_id: int) -> None:
        dialog = self.account_dialog(account_id)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_account(account_id, dialog.draft())

    def save_account(self, account_id: int, draft: AccountDraft) -> bool:
        """Write an edited account (undoable)."""
        from planner import operations as ops
        from ui.commands import AccountEditCommand

        def make() -> QUndoCommand:
            before = ops.snapshot_account_row(self.plan, account_id)
            change = ops.update_account(self.plan, account_id, draft)
            after = ops.snapshot_account_row(self.plan, account_id)
            self.apply_change(change)
            return AccountEditCommand(
                translate("MainWindow", "Edit account “{name}”").format(name=draft.name),
                self.plan,
                before,
                after,
                self.apply_change,
            )

        return self._push(make, translate("MainWindow", "The account was not saved"))

    @Slot(int)
    def delete_account(self, account_id: int) -> None:
        account = account_repo.get_account(self.plan, account_id)
        if account is None:
            return
        deals = account_repo.count_opportunities(self.plan, account_id)
        if deals:
            question = plural(
                deals,
                translate(
                    "MainWindow",
                    "Delete “{name}” and its {n} deal, with its people and notes?\n"
                    "You can undo this with Edit → Undo.",
                ),
                translate(
                    "MainWindow",
                    "Delete “{name}” and its {n} deals, with its people and notes?\n"
                    "You can undo this with Edit → Undo.",
                ),
            )
        else:
            question = translate(
                "MainWindow",
                "Delete “{name}”, with its people and notes?\nYou can undo this with Edit → Undo.",
            )
        if self.confirm(
            translate("MainWindow", "Delete account"), question.format(name=account.name, n=fmt.number(deals))
        ):
            self.remove_account(account_id)

    def remove_account(self, account_id: int) -> bool:
        """Delete an account with everything in it (undoable)."""
        from planner import operations as ops
        from ui.commands import AccountPresenceCommand

        account = account_repo.get_account(self.plan, account_id)
        name = account.name if account else str(account_id)

        def make() -> QUndoCommand:
            change, snap = ops.delete_account(self.plan, account_id)
            self.apply_change(change)
            return AccountPresenceCommand(
                translate("MainWindow", "Delete account “{name}”").format(name=name),
                self.plan,
                account_id,
                snap,
                self.apply_change,
                created=False,
            )

        return self._push(make, translate("MainWindow", "The account was not deleted"))

    # Plans ----------------------------------------------------------------------------------
    @Slot()
    def new_plan(self) -> None:
        from ui.file_dialogs import FolderKind, save_file

        path = save_file(
            self,
            FolderKind.PLANS,
            translate("MainWindow", "New plan"),
            translate("MainWindow", "my-plan.plan"),
            translate("MainWindow", "Plans (*.plan);;All files (*)"),
            settings=self.settings,
        )
        if path:
            if path.exists():
                self.show_error(
                    translate("MainWindow", "New plan"),
                    translate("MainWindow", "{path} already exists. Choose another name, or open it.").format(
                        path=path
                    ),
                )
                return
            self.open_plan_requested.emit(path)

    @Slot()
    def open_plan(self) -> None:
        from ui.file_dialogs import FolderKind, open_file

        path = open_file(
            self,
            FolderKind.PLANS,
            translate("MainWindow", "Open plan"),
            translate("MainWindow", "Plans (*.plan);;All files (*)"),
            settings=self.settings,
        )
        if path:
            self.open_plan_requested.emit(path)

    @Slot()
    def about(self) -> None:
        plain.about(self, translate("MainWindow", "About Opportunity Planner"), self.about_text())

    def about_text(self) -> str:
        """What Help → About says: the version, the method, this plan's file."""
        where = str(self.plan.path) if self.plan.path else translate("MainWindow", "in memory")
        return translate(
            "MainWindow",
            "Opportunity Planner {version}\n\nPlan B2B deals offline with the Miller Heiman method.\n\n"
            "This plan: {where}\nLicense: MIT",
        ).format(version=__version__, where=where)

    # Help, theme, recent plans, window layout ----------------------------------------------------
    @Slot()
    def show_shortcuts(self) -> None:
        from ui.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    @Slot()
    def show_guide(self) -> None:
        from ui.help import GuideDialog

        GuideDialog(self).exec()

    @Slot()
    def show_welcome(self) -> None:
        """Help → Welcome…: the first run's three steps again (ui/welcome.py)."""
        from ui.welcome import show_welcome

        show_welcome(self)

    @Slot()
    def edit_preferences(self) -> None:
        """Edit → Preferences…: language, theme, paper; links to the plan's own settings."""
        from ui.dialogs.preferences_dialog import run_preferences

        run_preferences(self)

    def set_theme(self, value: str) -> None:
        """View → Theme: follow the system, or light or dark; remembered on this computer."""
        from PySide6.QtWidgets import QApplication

        from ui.theme import Theme, apply_theme

        theme = Theme(value)
        self.settings.set_theme(theme)
        for name, action in self.theme_actions.items():
            action.setChecked(name == theme.value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    @Slot()
    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_plans():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_plan_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(translate("MainWindow", "No other plans yet")).setEnabled(False)

    def restore_layout(self) -> None:
        """The window's size and docks as the seller left them (once shown)."""
        geometry, state = self.settings.geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.fit_to_screen()
        if state is not None:
            self.restoreState(state)

    def fit_to_screen(self) -> None:
        """Shrink the window to the screen's free area, as on a 1366x768 or 1280x720 laptop."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        # Less the title bar, which the window manager adds once the window is shown.
        self.resize(min(self.width(), free.width()), min(self.height(), free.height() - TITLE_BAR))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already committed; closing only releases the file.
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self._closing = True
        self.undo_stack.clear()
        super().closeEvent(event)


def _explain(exc: BaseException) -> str:
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
