"""The main window's docks: Deal details and the Blue Sheet on the right, Accounts on the left,
the undo history; each panel is built when first needed, not to paint the board.

Deal details and the Blue Sheet show the same deal, always (`show_deal`). Until a first deal is
shown their hints say what their empty panels would; the Accounts dock is hidden at first and
builds its panel when shown (ui/lazy_parts.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from ui.lazy_parts import LazyDock
from ui.session import EditSession
from ui.window_parts import add_dock, undo_history

if TYPE_CHECKING:
    from ui.accounts_panel import AccountsPanel
    from ui.actions.accounts import AccountActions
    from ui.blue_sheet import BlueSheetPanel
    from ui.board.controller import BoardController
    from ui.detail_panel import DetailPanel

translate = QCoreApplication.translate

# How long the status bar says that a typed value was not written (long enough to be read).
STATUS_MESSAGE_MS = 15_000


class WindowDocks(QObject):
    """The docks of `window`; `move_deal` moves a deal as the window does (review mode differs)."""

    def __init__(
        self,
        window: QMainWindow,
        session: EditSession,
        controller: BoardController,
        account_actions: AccountActions,
        undo_stack: QUndoStack,
        move_deal: Callable[[int, int], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.controller = controller
        self.account_actions = account_actions
        self.move_deal = move_deal
        self.details = LazyDock(
            window,
            translate("MainWindow", "Deal details"),
            "details-dock",
            translate("DetailPanel", "Select a deal on the board to see its details."),
            self._build_details,
        )
        self.blue_sheet = LazyDock(
            window,
            translate("MainWindow", "Blue Sheet"),
            "blue-sheet-dock",
            translate("MainWindow", "Select a deal on the board to see its Blue Sheet."),
            self._build_blue_sheet,
        )
        self.details.dock.visibilityChanged.connect(self._on_details_dock_visibility_changed)
        window.tabifyDockWidget(self.details.dock, self.blue_sheet.dock)
        self.blue_sheet.dock.raise_()
        self.accounts = LazyDock(
            window,
            translate("MainWindow", "Accounts"),
            "accounts-dock",
            "",
            self._build_accounts,
            Qt.DockWidgetArea.LeftDockWidgetArea,
            when_shown=True,
        )
        self.accounts.dock.hide()
        account_actions.account_created.connect(self.accounts.dock.show)
        self.undo_view = undo_history(undo_stack, window)
        self.history_dock = add_dock(
            window, translate("MainWindow", "Undo history"), "history-dock", self.undo_view
        )
        self.history_dock.hide()

    def show_deal(self, opportunity_id: int) -> None:
        """Deal details and the Blue Sheet show this deal (0: none)."""
        for dock in (self.details, self.blue_sheet):
            # Until a first deal is shown, the hints say as much as the empty panels would.
            if opportunity_id or dock.panel is not None:
                dock.get().show_opportunity(opportunity_id)

    def details_deal(self) -> int:
        """The deal Deal details shows (0: none)."""
        return self.details.panel.opportunity_id if self.details.panel is not None else 0

    def selected_account(self) -> int | None:
        """The account chosen in the Accounts dock, if its panel was ever built."""
        return self.accounts.panel.selected_account() if self.accounts.panel is not None else None

    def refresh_accounts(self) -> None:
        if self.accounts.panel is not None:
            self.accounts.panel.refresh()

    @Slot(bool)
    def _on_details_dock_visibility_changed(self, visible: bool) -> None:
        if self.details.panel is not None:
            self.details.panel.catch_up(visible)  # its tab chosen

    def _build_details(self) -> DetailPanel:
        from ui.detail_panel import DetailPanel

        return DetailPanel(
            self.session.plan,
            self.window,
            status_of=self.controller.status_of_id,
            today=self.session.clock.today,
        )

    def _build_blue_sheet(self) -> BlueSheetPanel:
        from ui.blue_sheet import BlueSheetPanel

        sheet = BlueSheetPanel(self.session, self.window)
        status = self.window.statusBar()
        sheet.edit_refused.connect(lambda message: status.showMessage(message, STATUS_MESSAGE_MS))
        # A debrief's commitment: the deal moves as from the board, through the same dialog.
        sheet.move_requested.connect(lambda deal, stage: self.move_deal(deal, stage))
        return sheet

    def _build_accounts(self) -> AccountsPanel:
        from ui.accounts_panel import AccountsPanel

        panel = AccountsPanel(self.session.plan, self.window)
        panel.new_requested.connect(self.account_actions.new_account)
        panel.edit_requested.connect(self.account_actions.edit_account)
        panel.delete_requested.connect(self.account_actions.delete_account)
        return panel
