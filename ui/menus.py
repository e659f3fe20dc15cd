"""The main window's actions, menu bar, toolbar and card menu, made from its edit flows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from planner.stages import ordered
from ui import plain
from ui.actions.accounts import AccountActions
from ui.actions.deals import DealActions
from ui.actions.forecast_calls import ForecastCallActions
from ui.actions.help import HelpActions
from ui.actions.plan import PlanActions
from ui.board.controller import BoardController
from ui.board.pipeline_switch import PipelineSwitch
from ui.board_strips import BoardFilter
from ui.session import EditSession

translate = QCoreApplication.translate


class WindowMenus(QObject):
    """Every QAction of one window, in its menus and toolbar; what a card's context menu offers."""

    def __init__(
        self,
        window: QMainWindow,
        session: EditSession,
        controller: BoardController,
        flows: tuple[DealActions, AccountActions, PlanActions, HelpActions],
        board_filter: BoardFilter,
        docks: Sequence[QDockWidget],
        *,
        demo: bool,
        start_own: Callable[[], object],
        move_deal: Callable[[int, int], bool],
        search: Callable[[], object],
        export_for_crm: Callable[[], object],
        export_agenda: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.controller = controller
        # How a card's Move to entries move it (the window's, so review mode can refuse).
        self.move_deal = move_deal
        deals, accounts, plan, helps = flows
        std, a = QKeySequence.StandardKey, self._action
        self.new_plan_action = a(translate("MainWindow", "&New plan…"), plan.new_plan)
        self.open_plan_action = a(
            translate("MainWindow", "&Open plan…"), plan.open_plan, QKeySequence(std.Open)
        )
        self.start_own_action = a(translate("MainWindow", "&Start my own plan"), start_own)
        self.start_own_action.setEnabled(demo)
        self.import_action = a(translate("MainWindow", "&Import from CRM…"), plan.import_from_crm, "Ctrl+I")
        self.export_crm_action = a(translate("MainWindow", "E&xport for CRM…"), export_for_crm)
        self.restore_action = a(translate("MainWindow", "&Restore from backup…"), plan.restore_from_backup)
        self.export_pack_action = a(
            translate("MainWindow", "&Export review pack…"), plan.export_review_pack, "Ctrl+E"
        )
        # Not an edit: a read-only plan is exported too (it only cannot remember the export).
        self.export_agenda_action = a(translate("MainWindow", "Export a&genda…"), export_agenda)
        self.open_review_action = a(translate("MainWindow", "Open for re&view…"), plan.open_for_review)
        self.open_team_action = a(
            translate("MainWindow", "Open a &team's folder for review…"), plan.open_folder_for_review
        )
        self.import_review_action = a(
            translate("MainWindow", "Import review &notes…"), plan.import_review_notes
        )
        self.coaching_items_action = a(
            translate("MainWindow", "Coac&hing items…"), plan.answer_coaching_items
        )
        self.quit_action = a(translate("MainWindow", "&Quit"), window.close, QKeySequence(std.Quit))
        self.undo_action = session.undo_stack.createUndoAction(window, translate("MainWindow", "&Undo"))
        # Every binding of the platform (Redo: Ctrl+Y and Ctrl+Shift+Z), not only the first.
        self.undo_action.setShortcuts(std.Undo)
        self.redo_action = session.undo_stack.createRedoAction(window, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcuts(std.Redo)
        window.addActions([self.undo_action, self.redo_action])
        # The toolbar's buttons say only "Undo" and "Redo": with the command's text beside the
        # icon ("Undo Move “…” to Qualified") every edit resized the button and moved the filter
        # box under the seller's pointer (and relaid the whole window). The menu items and the
        # buttons' tooltips say what would be undone; the command's text names deals.
        self.undo_action.setIconText(translate("MainWindow", "Undo"))
        self.redo_action.setIconText(translate("MainWindow", "Redo"))
        for action, signal in (
            (self.undo_action, session.undo_stack.undoTextChanged),
            (self.redo_action, session.undo_stack.redoTextChanged),
        ):
            # After QUndoStack has set the action's text (its connection was made first).
            signal.connect(
                lambda _text, x=action: x.setToolTip(plain.plain_tooltip(plain.without_mnemonic(x.text())))
            )
        self.new_deal_action = a(
            translate("MainWindow", "&New deal…"), deals.new_opportunity, QKeySequence(std.New)
        )
        self.edit_deal_action = a(translate("MainWindow", "&Edit deal…"), deals.edit_selected, "F2")
        self.delete_deal_action = a(
            translate("MainWindow", "&Delete deal…"), deals.delete_selected, QKeySequence(std.Delete)
        )
        self.move_forward_action = a(
            translate("MainWindow", "Move &forward…"), deals.move_selected_forward, "Ctrl+Right"
        )
        self.move_back_action = a(
            translate("MainWindow", "Move &back…"), deals.move_selected_back, "Ctrl+Left"
        )
        self.snooze_action = a(translate("MainWindow", "&Snooze stale warning…"), deals.snooze_selected)
        # The customer did something on any day, with or without a move: Stale counts from it.
        self.record_commitment_action = a(
            translate("MainWindow", "Record customer &commitment…"), deals.record_commitment_selected
        )
        self.new_account_action = a(
            translate("MainWindow", "New &account…"), accounts.new_account, "Ctrl+Shift+N"
        )
        self.stage_settings_action = a(translate("MainWindow", "S&tage settings…"), plan.edit_stage_settings)
        self.currencies_action = a(translate("MainWindow", "&Currencies and rates…"), plan.edit_currencies)
        self.close_reasons_action = a(translate("MainWindow", "C&lose reasons…"), plan.edit_close_reasons)
        self.forecast_calls = ForecastCallActions(session, window)
        self.forecast_calls.status_message.connect(window.statusBar().showMessage)
        self.record_call_action = a(
            translate("MainWindow", "Record &forecast call…"), self.forecast_calls.record_call
        )
        self.preferences_action = a(translate("MainWindow", "&Preferences…"), helps.edit_preferences)
        # No standard key on Linux and Windows: Ctrl+, as on macOS.
        self.preferences_action.setShortcuts(
            QKeySequence.keyBindings(std.Preferences) or [QKeySequence("Ctrl+,")]
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.welcome_action = a(translate("MainWindow", "&Welcome…"), helps.show_welcome)
        self.find_action = a(
            translate("MainWindow", "&Filter deals"), board_filter.focus, QKeySequence(std.Find)
        )
        self.search_action = a(translate("MainWindow", "&Search everything…"), search)
        self.search_action.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        self.about_action = a(translate("MainWindow", "&About Opportunity Planner"), helps.about)
        self.shortcuts_action = a(
            translate("MainWindow", "&Keyboard shortcuts"), helps.show_shortcuts, "Ctrl+/"
        )
        self.guide_action = a(
            translate("MainWindow", "&User guide"), helps.show_guide, QKeySequence(std.HelpContents)
        )
        # What a selected card enables, and every action that writes to the plan (read-only: off).
        self.selection_actions = (
            self.edit_deal_action,
            self.delete_deal_action,
            self.move_forward_action,
            self.move_back_action,
            self.snooze_action,
            self.record_commitment_action,
        )
        self.edit_actions = (
            *self.selection_actions,
            self.new_deal_action,
            self.new_account_action,
            self.stage_settings_action,
            self.currencies_action,
            self.close_reasons_action,
            self.record_call_action,
            self.import_action,
            self.restore_action,
            self.import_review_action,
            self.coaching_items_action,
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

        menus = window.menuBar()
        file_menu = menus.addMenu(translate("MainWindow", "&File"))
        for group in (
            [self.new_plan_action, self.open_plan_action, self.start_own_action, self.restore_action],
            [
                self.import_action,
                self.export_crm_action,
                self.import_review_action,
                self.coaching_items_action,
            ],
            [
                self.export_pack_action,
                self.export_agenda_action,
                self.open_review_action,
                self.open_team_action,
            ],
            [self.quit_action],
        ):
            file_menu.addActions(group)
            file_menu.addSeparator()
        file_menu.removeAction(file_menu.actions()[-1])
        edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
        for group in (
            [self.undo_action, self.redo_action],
            [self.new_deal_action, self.edit_deal_action, self.delete_deal_action],
            [
                self.move_forward_action,
                self.move_back_action,
                self.record_commitment_action,
                self.snooze_action,
            ],
            [self.new_account_action, self.find_action, self.search_action],
            [self.record_call_action],
            [self.stage_settings_action, self.currencies_action, self.close_reasons_action],
            [self.preferences_action],
        ):
            edit_menu.addActions(group)
            edit_menu.addSeparator()
        edit_menu.removeAction(edit_menu.actions()[-1])
        view_menu = menus.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions([dock.toggleViewAction() for dock in docks])
        view_menu.addSeparator()
        helps.theme_menu(view_menu.addMenu(translate("MainWindow", "&Theme")))
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
        file_menu.insertMenu(self.restore_action, self.recent_menu)
        self.recent_menu.aboutToShow.connect(lambda: helps.fill_recent(self.recent_menu))
        help_menu = menus.addMenu(translate("MainWindow", "&Help"))
        help_menu.addActions([self.welcome_action, self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(translate("MainWindow", "Board"), window)
        toolbar.setObjectName("board-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(24, 24))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_deal_action, self.edit_deal_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addWidget(board_filter.edit)
        toolbar.addSeparator()
        self.pipeline_switch = PipelineSwitch(controller, toolbar)
        toolbar.addWidget(self.pipeline_switch)
        self.toolbar = toolbar  # the window adds the board's "Sort by" after the filter
        window.addToolBar(toolbar)
        self.update_selection(False)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def update_selection(self, selected: bool) -> None:
        """Enable what needs a selected card (never while the plan is read-only)."""
        for action in self.selection_actions:
            action.setEnabled(selected and self.session.read_only_reason is None)

    def set_read_only(self) -> None:
        """Nothing that writes to the plan is offered any more."""
        for action in self.edit_actions:
            action.setEnabled(False)

    def card_menu(self, opportunity_id: int) -> QMenu:
        """The context menu of a card (or of a column's empty space when 0)."""
        menu = QMenu(self.window)
        if not opportunity_id:
            menu.addAction(self.new_deal_action)
            return menu
        current = self.controller.stage_of(opportunity_id)
        move_menu = menu.addMenu(translate("MainWindow", "&Move to"))
        for stage in ordered(self.controller.stages):
            action = move_menu.addAction(stage.name)
            action.setEnabled(stage.id != current)
            action.triggered.connect(
                lambda _checked=False, target=stage.id: self.move_deal(opportunity_id, target)
            )
        if self.session.read_only_reason is None:
            from ui.forecast_view import forecast_category_menu

            category = forecast_category_menu(menu, self.session, opportunity_id)
            if category is not None:
                menu.addMenu(category)
        menu.addActions([self.edit_deal_action, self.record_commitment_action, self.snooze_action])
        menu.addSeparator()
        menu.addAction(self.delete_deal_action)
        return menu
