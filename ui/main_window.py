"""The main window: the stage board in the middle, accounts and deal details in docks.

It builds the layout, docks, tabs and menus and wires them; the edits live in ui/actions/ and
go through the plan's edit session (ui/session.py), whose `changed` signal every view follows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.clock import Clock
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from ui import plain
from ui.actions.accounts import AccountActions
from ui.actions.agenda import AgendaActions
from ui.actions.crm import CrmActions
from ui.actions.deals import DealActions
from ui.actions.help import HelpActions
from ui.actions.plan import PlanActions
from ui.actions.search import ResultPlaces, SearchActions
from ui.app_settings import AppSettings
from ui.board.controller import BoardController
from ui.board.view import BoardWidget
from ui.board_strips import BoardFilter, BoardSort, demo_banner, read_only_banner, status_text
from ui.lazy_parts import LazyTab, swap_tab
from ui.menus import WindowMenus
from ui.performance_tab import PerformanceTab
from ui.session import EditSession
from ui.window_docks import WindowDocks
from ui.window_parts import describe_board, status_line

if TYPE_CHECKING:
    from planner.operations import Change

    # Views are imported when first used: the board paints without them.
    from ui.accounts_panel import AccountsPanel
    from ui.agenda_view import AgendaView
    from ui.archive import ArchiveView
    from ui.blue_sheet import BlueSheetPanel
    from ui.detail_panel import DetailPanel
    from ui.forecast_view import ForecastView
    from ui.hygiene_view import HygieneView
    from ui.people_view import PeopleView

translate = QCoreApplication.translate

# Cards per column read before the board first paints: more than a tall screen shows.
FIRST_SCREEN_CARDS = 60
DOCK_WIDTH = 400
TITLE_BAR = 32  # a window manager's title bar, roughly: the height a window may not use


class MainWindow(QMainWindow):
    """One window per open plan."""

    open_plan_requested = Signal(Path)
    start_own_plan_requested = Signal()
    _closing = False
    forecast_view: ForecastView | None = None
    hygiene_view: HygieneView | None = None
    agenda_view: AgendaView | None = None
    people_view: PeopleView | None = None
    read_only_banner: QFrame | None = None

    def __init__(
        self,
        plan: PlanDB,
        parent: QWidget | None = None,
        *,
        settings: AppSettings | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = EditSession(plan, clock, self)
        self.plan = plan
        self.undo_stack = self.session.undo_stack
        self.is_demo = bool(settings_repo.get_setting(plan, "is_demo", False))
        name = settings_repo.get_setting(plan, "plan_name", None) or (
            plan.path.stem if plan.path else translate("MainWindow", "Plan")
        )
        self.setWindowTitle(translate("MainWindow", "{plan} — Opportunity Planner").format(plan=name))
        self.settings = settings or AppSettings()
        self.controller = BoardController(plan, self, today=self.session.clock.today)
        # The first cards of each column now, the rest right after the first paint.
        self.controller.load(first_screen=FIRST_SCREEN_CARDS)
        self.board = BoardWidget(self.controller, self)
        describe_board(self.board)
        self.deals = DealActions(
            self.session, self, self.controller, self.board, lambda: self.docks.selected_account()
        )
        self.account_actions = AccountActions(self.session, self)
        self.plan_actions = PlanActions(self.session, self, self.controller, self.board, self.settings)
        self.plan_actions.open_plan_requested.connect(self.open_plan_requested)
        self.plan_actions.status_message.connect(self.statusBar().showMessage)
        self.help_actions = HelpActions(
            self.session,
            self,
            self.settings,
            self.plan_actions,
            demo=self.is_demo,
            start_own=self.start_own_plan_requested.emit,
            show_forecast_settings=lambda: self.show_forecast().year_start_combo.setFocus(
                Qt.FocusReason.OtherFocusReason
            ),
        )
        self.crm_export = CrmActions(self.session, self)
        self.crm_export.status_message.connect(self.statusBar().showMessage)
        # What a card's double-click and a move do (review mode answers them differently).
        self.activate_deal: Callable[[int], object] = self.deals.edit_opportunity
        self.move_deal: Callable[[int, int], bool] = self.deals.request_move
        self.controller.drop_handler = lambda deal, stage: self.move_deal(deal, stage)
        self.controller.place_handler = self.deals.place_deal

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner: QFrame | None = None
        if self.is_demo:
            self.banner, self.start_button, self.import_button = demo_banner(self)
            self.start_button.clicked.connect(self.start_own_plan_requested)
            self.import_button.clicked.connect(self.plan_actions.import_from_crm)
            layout.addWidget(self.banner)
        self._archive_dirty = True
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # The board's tab holds the board and, above it, the notice of a filter matching nothing.
        self._board_page = QWidget(self)
        board_layout = QVBoxLayout(self._board_page)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(0)
        board_layout.addWidget(self.board, 1)
        self.board_filter = BoardFilter(self.controller, self.board, self._board_page)
        self.filter_edit = self.board_filter.edit
        self.filter_edit.textEdited.connect(lambda _text: self.session.seller_typed())
        self.board_sort = BoardSort(self.controller, self)
        self.tabs.addTab(self._board_page, translate("MainWindow", "&Board"))
        self._archive = LazyTab(self.tabs, translate("MainWindow", "&Archive"), self._build_archive)
        # The forecast (QtCharts) and the clean-up list are built when first opened: start-up
        # paints the board without loading the chart library.
        self._forecast_tab = QWidget(self)
        self._hygiene_tab = QWidget(self)
        self.tabs.addTab(self._forecast_tab, translate("MainWindow", "Fo&recast"))
        self.tabs.addTab(self._hygiene_tab, translate("MainWindow", "&Clean-up"))
        self._agenda_tab = QWidget(self)  # the landing tab of the seller's own plan (agenda.greet)
        self.tabs.addTab(self._agenda_tab, translate("MainWindow", "A&genda"))
        self._people_tab = QWidget(self)
        self.tabs.addTab(self._people_tab, translate("MainWindow", "&People"))
        self.performance_tab = PerformanceTab(self.session, self)  # its charts load when first shown
        self.tabs.addTab(self.performance_tab, translate("MainWindow", "Perf&ormance"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.agenda = AgendaActions(
            self.session,
            self,
            self.settings,
            layout,
            demo=self.is_demo,
            show_agenda=self.show_agenda,
            open_deal=self._on_view_opportunity_opened,
            blue_sheet=lambda: self.blue_sheet,
            status_text=lambda: status_text(self.controller),
        )
        self.agenda.status_message.connect(self.statusBar().showMessage)

        self.docks = WindowDocks(
            self,
            self.session,
            self.controller,
            self.account_actions,
            self.undo_stack,
            lambda deal, stage: self.move_deal(deal, stage),
        )
        self.details_dock, self.blue_sheet_dock = self.docks.details.dock, self.docks.blue_sheet.dock
        self.accounts_dock, self.history_dock = self.docks.accounts.dock, self.docks.history_dock
        self.undo_view = self.docks.undo_view

        self.board.opportunity_selected.connect(self._on_board_opportunity_selected)
        self.board.opportunity_activated.connect(self._on_board_opportunity_activated)
        self.board.context_menu_requested.connect(self._on_board_context_menu_requested)
        self.session.changed.connect(self._on_session_changed)
        self.session.reloaded.connect(self.resync)
        self.session.read_only_set.connect(self._on_session_read_only_set)
        self.session.write_failed.connect(self._on_session_write_failed)
        self.search = SearchActions(
            self.session,
            self,
            ResultPlaces(
                self.board,
                self.board_filter,
                lambda: self.archive,
                lambda: self.accounts,
                show_tab=self.tabs.setCurrentWidget,
                show_accounts=self._show_accounts,
                show_deal=self._show_deal,
            ),
        )
        self.menus = WindowMenus(
            self,
            self.session,
            self.controller,
            (self.deals, self.account_actions, self.plan_actions, self.help_actions),
            self.board_filter,
            (self.details_dock, self.blue_sheet_dock, self.accounts_dock, self.history_dock),
            demo=self.is_demo,
            start_own=self.start_own_plan_requested.emit,
            move_deal=lambda deal, stage: self.move_deal(deal, stage),
            search=self.search.show_search,
            export_for_crm=self.crm_export.export_for_crm,
            export_agenda=self.agenda.export_agenda,
        )
        self.menus.toolbar.addSeparator()
        self.menus.toolbar.addWidget(self.board_sort.label)
        self.menus.toolbar.addWidget(self.board_sort.combo)
        self._update_selection_actions()
        self.resize(1280, 780)
        # The right-hand docks' width on a first start (a saved layout replaces it): the Blue
        # Sheet's sections all show, and a 1280-pixel screen keeps four readable stage columns.
        self.resizeDocks(
            [self.details_dock, self.blue_sheet_dock], [DOCK_WIDTH, DOCK_WIDTH], Qt.Orientation.Horizontal
        )
        self.status_line = status_line(self.statusBar(), status_text(self.controller))
        self.session.warm_up_soon()

    # The session's news ---------------------------------------------------------------------
    @property
    def read_only_reason(self) -> str | None:
        """Why nothing can be written (the banner says it too); None when the plan is writable."""
        return self.session.read_only_reason

    def show_error(self, title: str, message: str) -> None:
        """Tell the seller an edit failed; the board already shows what the plan holds."""
        plain.warning(self, title, message)  # messages quote names, which may look like markup

    @Slot(str, str)
    def _on_session_write_failed(self, title: str, message: str) -> None:
        self.show_error(title, message)

    @Slot()
    def resync(self) -> None:
        """Rebuild the window's views from the plan file (the session's `reloaded`)."""
        if self._closing:
            return
        selected = self.board.selected_id()
        self.controller.load()
        self._archive_dirty = True
        if self._archive.view is not None and self.tabs.currentWidget() is self._archive.view:
            self._refresh_archive()
        self.docks.refresh_accounts()
        if selected and not self.board.select(selected):
            selected = 0
        self._show_in_docks(selected or self.docks.details_deal())
        self.status_line.setText(status_text(self.controller))

    @Slot(object, object)
    def _on_session_changed(self, change: Change, _initiator: object) -> None:
        # The board, archive, accounts and details follow here; the Blue Sheet, forecast and
        # clean-up views follow the session themselves.
        self.controller.apply(change)
        self._archive_dirty = True
        if self._archive.view is not None and self.tabs.currentWidget() is self._archive.view:
            self._refresh_archive()
        if change.accounts_changed:
            self.docks.refresh_accounts()
        shown = self.docks.details_deal()
        if shown and (shown in change.opportunities or shown in change.removed_opportunities):
            self.details.show_opportunity(shown)
        self.status_line.setText(status_text(self.controller))
        self._update_selection_actions()

    def _update_selection_actions(self) -> None:
        self.menus.update_selection(bool(self.board.selected_id()))

    def set_read_only(self, reason: str) -> None:
        """Stop offering edits and say why in a banner, with Save a copy as… as a way on."""
        self.session.set_read_only(reason)

    @Slot(str)
    def _on_session_read_only_set(self, reason: str) -> None:
        self.controller.drop_handler = None
        self.controller.place_handler = None
        self.menus.set_read_only()
        if self.read_only_banner is None:
            self.read_only_banner, self.read_only_label, self.save_copy_button = read_only_banner(self)
            self.save_copy_button.clicked.connect(self.plan_actions.save_copy)
            central = self.centralWidget()
            layout = central.layout() if central is not None else None
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self.read_only_banner)
            self.read_only_banner.show()  # now, not when the layout next runs
        self.read_only_label.setText(reason)
        self.statusBar().showMessage(translate("MainWindow", "Read-only: {reason}").format(reason=reason))

    def _refresh_archive(self) -> None:
        from planner.close_reasons import win_loss_settings  # read when shown: not at start, nor per edit
        from planner.storage.board import load_closed

        self.archive.set_deals(load_closed(self.plan), win_loss_settings(self.plan))
        self._archive_dirty = False

    # Tabs, cards, docks ---------------------------------------------------------------------
    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        tabs = getattr(self, "tabs", None)  # Qt removes the tabs, and signals, while tearing down
        if tabs is None:
            return
        if tabs.currentWidget() is self._forecast_tab:
            self.show_forecast()
        elif tabs.currentWidget() is self._hygiene_tab:
            self.show_hygiene()
        elif tabs.currentWidget() is self._agenda_tab:
            self.show_agenda()
        elif tabs.currentWidget() is self._people_tab:
            self.show_people()
        if self._archive.holds(tabs.currentWidget()):
            archive = self.archive  # built when first chosen
            if self._archive_dirty:
                self._refresh_archive()
            self._show_in_docks(archive.selected_id())
        elif tabs.currentWidget() is self._board_page and self.board.selected_id():
            # Back on the board: the docks show its selected card again, not the archive's.
            self._show_in_docks(self.board.selected_id())

    @Slot(int, QPoint)
    def _on_board_context_menu_requested(self, opportunity_id: int, pos: QPoint) -> None:
        self.menus.card_menu(opportunity_id).exec(pos)

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
        self.docks.show_deal(opportunity_id)
        self._update_selection_actions()

    # The parts built when first needed (ui/lazy_parts.py, ui/window_docks.py) -----------------
    @property
    def blue_sheet(self) -> BlueSheetPanel:
        """The Blue Sheet panel, built on first use."""
        return self.docks.blue_sheet.get()

    @property
    def details(self) -> DetailPanel:
        """The Deal details panel, built on first use."""
        return self.docks.details.get()

    @property
    def accounts(self) -> AccountsPanel:
        """The Accounts panel, built when its dock is first shown or the panel asked for."""
        return self.docks.accounts.get()

    @property
    def archive(self) -> ArchiveView:
        """The Archive tab's view, built when first chosen or asked for."""
        return self._archive.get()

    def _build_archive(self) -> ArchiveView:
        from ui.archive import ArchiveView

        archive = ArchiveView(self)
        archive.reopen_requested.connect(self.deals.reopen)
        archive.opportunity_selected.connect(self._on_archive_opportunity_selected)
        archive.opportunity_activated.connect(self._on_board_opportunity_activated)
        return archive

    def show_forecast(self) -> ForecastView:
        """The Forecast tab, built on first use."""
        if self.forecast_view is None:
            from ui.forecast_view import ForecastView

            self.forecast_view = ForecastView(self.session, self)
            self._add_view(self._forecast_tab, self.forecast_view)
        self.tabs.setCurrentWidget(self.forecast_view)
        return self.forecast_view

    def show_hygiene(self) -> HygieneView:
        """The Clean-up tab, built on first use."""
        if self.hygiene_view is None:
            from ui.hygiene_view import HygieneView

            self.hygiene_view = HygieneView(self.session, self)
            self._add_view(self._hygiene_tab, self.hygiene_view)
        self.tabs.setCurrentWidget(self.hygiene_view)
        return self.hygiene_view

    def show_agenda(self) -> AgendaView:
        """The Agenda tab, built on first use."""
        if self.agenda_view is None:
            from ui.agenda_view import AgendaView

            self.agenda_view = AgendaView(self.session, self, debrief_call=self.agenda.debrief_call)
            self._add_view(self._agenda_tab, self.agenda_view)
        self.tabs.setCurrentWidget(self.agenda_view)
        return self.agenda_view

    def show_people(self) -> PeopleView:
        """The People tab, built on first use."""
        if self.people_view is None:
            from ui.people_view import PeopleView

            self.people_view = PeopleView(self.session, self)
            self._add_view(self._people_tab, self.people_view)
        self.tabs.setCurrentWidget(self.people_view)
        return self.people_view

    def _add_view(
        self, placeholder: QWidget, view: ForecastView | HygieneView | AgendaView | PeopleView
    ) -> None:
        view.opportunity_opened.connect(self._on_view_opportunity_opened)
        swap_tab(self.tabs, placeholder, view)

    @Slot(int)
    def _on_view_opportunity_opened(self, opportunity_id: int) -> None:
        # From the forecast, the clean-up list or People: show the deal's Blue Sheet (and card).
        self.board.select(opportunity_id)
        self._show_deal(opportunity_id)

    def _show_accounts(self) -> None:
        self.accounts_dock.show()
        self.accounts_dock.raise_()
        self.accounts.refresh()

    def _show_deal(self, opportunity_id: int) -> BlueSheetPanel:
        self._show_in_docks(opportunity_id)
        self.blue_sheet_dock.show()
        self.blue_sheet_dock.raise_()
        return self.blue_sheet

    @Slot(int)
    def _on_board_opportunity_activated(self, opportunity_id: int) -> None:
        self.activate_deal(opportunity_id)

    # Window layout ---------------------------------------------------------------------------
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
        self.session.close()
        super().closeEvent(event)
