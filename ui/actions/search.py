"""Search everything (Ctrl+K): the search window of one plan, and what a result opens."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from planner.storage.db import PlanError
from ui.board.view import BoardWidget
from ui.board_strips import BoardFilter
from ui.session import EditSession

if TYPE_CHECKING:
    from planner.search import Hit
    from ui.accounts_panel import AccountsPanel
    from ui.archive import ArchiveView
    from ui.blue_sheet import BlueSheetPanel
    from ui.search_view import SearchDialog


@dataclass(frozen=True, slots=True)
class ResultPlaces:
    """Where a window shows what a search result names."""

    board: BoardWidget
    board_filter: BoardFilter
    # The Archive tab's view and the Accounts panel (each built when first asked for).
    archive: Callable[[], ArchiveView]
    accounts: Callable[[], AccountsPanel]
    # Bring a tab (the board's page or the archive) to the front.
    show_tab: Callable[[QWidget], None]
    # Show the Accounts dock, raised and filled.
    show_accounts: Callable[[], None]
    # Show a deal in the docks with its Blue Sheet raised; the Blue Sheet panel.
    show_deal: Callable[[int], BlueSheetPanel]


class SearchActions(QObject):
    """Opens the search window (built on first use) over `parent`; `open_hit` shows a result."""

    def __init__(self, session: EditSession, parent: QWidget, places: ResultPlaces) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.places = places
        self.dialog: SearchDialog | None = None

    def open_hit(self, hit: Hit) -> None:
        """Show what a search result names: its deal on the board (or in the archive) and in the
        docks, at its Blue Sheet section and row; an account without deals in the Accounts dock."""
        places = self.places
        self.parent_widget.activateWindow()
        if hit.opportunity_id is None:
            places.show_accounts()
            accounts = places.accounts()
            row = accounts.model.row_of(hit.account_id or 0)
            if row >= 0:
                accounts.view.setCurrentIndex(accounts.model.index(row))
                accounts.view.setFocus()
            return
        deal = hit.opportunity_id
        places.board.controller.show_pipeline_of(deal)  # an open deal of a pipeline not shown
        if places.board.controller.stage_of(deal) is None:
            # A closed deal: the archive lists it.
            archive = places.archive()
            places.show_tab(archive)
            archive.select(deal)
        else:
            places.show_tab(places.board_filter.page)
            if not places.board.select(deal) and places.board_filter.edit.text():
                places.board_filter.clear()  # the filter hides it
                places.board.select(deal)
        sheet = places.show_deal(deal)
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

    def show_search(self) -> SearchDialog:
        """The search window, shown with its text selected to type anew."""
        if self.dialog is None:
            from ui.search_view import SearchDialog

            self.dialog = SearchDialog(
                self.session.plan, self.open_hit, self.parent_widget, rebuild=self._rebuild
            )
            # Typing a search holds back background work, as typing a filter does.
            self.dialog.edit.textEdited.connect(lambda _text: self.session.seller_typed())
        self.dialog.start()
        return self.dialog

    def _rebuild(self) -> bool:
        # A damaged search index is derived from the rows, not the seller's work: rebuilt without
        # an undo step, when the plan may be written.
        from planner.storage import search_index

        if self.session.read_only_reason is not None or self.session.plan.read_only:
            return False
        try:
            search_index.rebuild(self.session.plan)
        except (sqlite3.Error, PlanError):
            return False
        return True
