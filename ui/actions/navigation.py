"""Showing a deal where it lives: a search result, or a deal opened from the Forecast, Clean-up or
People tab, on the board (or in the archive) and in the docks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from ui.accounts_panel import AccountsPanel
from ui.archive import ArchiveView
from ui.board.controller import BoardController
from ui.board.view import BoardWidget
from ui.board_strips import BoardFilter

if TYPE_CHECKING:
    from planner.search import Hit
    from ui.blue_sheet import BlueSheetPanel


class DealNavigation(QObject):
    """Brings a deal (or an account) into view in `window`'s tabs and docks.

    `show_in_docks` shows a deal in Deal details and the Blue Sheet; `blue_sheet` builds the Blue
    Sheet panel on first use; `refresh_accounts` fills the Accounts dock.
    """

    def __init__(
        self,
        window: QWidget,
        tabs: QTabWidget,
        board_page: QWidget,
        board: BoardWidget,
        board_filter: BoardFilter,
        controller: BoardController,
        archive: ArchiveView,
        *,
        docks: tuple[QDockWidget, QDockWidget],
        accounts: AccountsPanel,
        show_in_docks: Callable[[int], None],
        blue_sheet: Callable[[], BlueSheetPanel],
        refresh_accounts: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self.board_page = board_page
        self.board = board
        self.board_filter = board_filter
        self.controller = controller
        self.archive = archive
        self.blue_sheet_dock, self.accounts_dock = docks
        self.accounts = accounts
        self.show_in_docks = show_in_docks
        self.blue_sheet = blue_sheet
        self.refresh_accounts = refresh_accounts

    @Slot(int)
    def open_deal(self, opportunity_id: int) -> None:
        """From the forecast, the clean-up list or the People tab: the deal's Blue Sheet (and card)."""
        self.board.select(opportunity_id)
        self.show_in_docks(opportunity_id)
        self.blue_sheet_dock.show()
        self.blue_sheet_dock.raise_()

    def open_search_hit(self, hit: Hit) -> None:
        """Show what a search result names: its deal on the board (or in the archive) and in the
        docks, at its Blue Sheet section and row; an account without deals in the Accounts dock."""
        self.window.activateWindow()
        if hit.opportunity_id is None:
            self.accounts_dock.show()
            self.accounts_dock.raise_()
            self.refresh_accounts()
            row = self.accounts.model.row_of(hit.account_id or 0)
            if row >= 0:
                self.accounts.view.setCurrentIndex(self.accounts.model.index(row))
                self.accounts.view.setFocus()
            return
        deal = hit.opportunity_id
        if self.controller.stage_of(deal) is None:
            # A closed deal: the archive lists it.
            self.tabs.setCurrentWidget(self.archive)
            self.archive.select(deal)
        else:
            self.tabs.setCurrentWidget(self.board_page)
            if not self.board.select(deal) and self.board_filter.edit.text():
                self.board_filter.clear()  # the filter hides it
                self.board.select(deal)
        self.show_in_docks(deal)
        self.blue_sheet_dock.show()
        self.blue_sheet_dock.raise_()
        sheet = self.blue_sheet()
        sections: dict[str, QWidget] = {
            "influence": sheet.influence,
            "action": sheet.action_section,
            "note": sheet.note_section,
            "call": sheet.call_section,
            "competitor": sheet.competition,
        }
        section = sections.get(hit.section)
        if section is not None:
            sheet.tabs.setCurrentWidget(section)
        if hit.section == "influence":
            sheet.select_influence(hit.row_id)
