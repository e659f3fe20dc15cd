"""What shows over the board: the demo and read-only strips, and the filter with its notice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.board_order import BoardOrder
from planner.i18n import plural
from ui import format as fmt
from ui.banner import banner as strip
from ui.board.controller import BoardController
from ui.board.view import BoardWidget

translate = QCoreApplication.translate


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


class BoardFilter(QObject):
    """The filter box of the toolbar, and the notice it puts over the board (`page`)."""

    def __init__(self, controller: BoardController, board: BoardWidget, page: QWidget) -> None:
        super().__init__(page)
        self.controller = controller
        self.board = board
        self.page = page
        # Built the first time a filter matches no deal.
        self.notice: FilterNotice | None = None
        self.edit = QLineEdit(page)
        self.edit.setPlaceholderText(
            translate("MainWindow", "Filter by title, account, product or person (Ctrl+F)")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(translate("MainWindow", "Filter deals"))
        self.edit.setAccessibleDescription(
            translate(
                "MainWindow", "Shows only the deals whose title, account, product or people contain the text"
            )
        )
        self.edit.textChanged.connect(self._on_edit_text_changed)
        # A line edit ignores Escape; here it clears the filter and goes back to the board.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.edit)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.clear)
        # The filter's result changes with edits too (a deal renamed to match, or away from it).
        controller.column_changed.connect(self._update_notice)
        controller.stages_reset.connect(self._update_notice)

    @Slot(str)
    def _on_edit_text_changed(self, text: str) -> None:
        self.controller.set_filter(text)
        self._update_notice()

    @Slot()
    def _update_notice(self) -> None:
        text = self.edit.text().strip()
        if text and not any(model.rowCount() for model in self.controller.models.values()):
            if self.notice is None:
                self.notice = FilterNotice(self.page)
                self.notice.clear_button.clicked.connect(self.clear)
                layout = self.page.layout()
                assert isinstance(layout, QVBoxLayout)
                layout.insertWidget(0, self.notice)
            self.notice.show_for(text)
        elif self.notice is not None:
            self.notice.hide()

    @Slot()
    def clear(self) -> None:
        """Show every deal again, and go back to the board with the selected card, if any."""
        selected = self.board.selected_id()
        self.edit.clear()
        if not (selected and self.board.select(selected)) and self.board.columns:
            next(iter(self.board.columns.values())).view.setFocus()

    @Slot()
    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()


class BoardSort(QObject):
    """The toolbar's "Sort by" choice: one order for every column, remembered in the plan.

    On the toolbar rather than in each column's header menu: one choice orders the whole board
    (as a CRM list is sorted), it shows which order is in force, and keys reach it.
    """

    def __init__(self, controller: BoardController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel(translate("MainWindow", "Sort by:"), parent)
        self.combo = QComboBox(parent)
        self.combo.setObjectName("board-sort")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for order in BoardOrder:
            self.combo.addItem(order.label, order.value)
        self.label.setBuddy(self.combo)
        self.combo.setAccessibleName(translate("MainWindow", "Sort the board's columns by"))
        self.combo.setToolTip(
            translate(
                "MainWindow", "Orders the cards of every column; with My own order, drag a card to place it"
            )
        )
        self.combo.activated.connect(self._on_combo_activated)
        controller.stages_reset.connect(self.show_order)
        self.show_order()

    @Slot()
    def show_order(self) -> None:
        """Show the order in force (the plan's, after a load)."""
        self.combo.setCurrentIndex(self.combo.findData(self.controller.order.value))

    @Slot(int)
    def _on_combo_activated(self, index: int) -> None:
        self.controller.set_order(BoardOrder(self.combo.itemData(index)))


def demo_banner(parent: QWidget) -> tuple[QFrame, QPushButton, QPushButton]:
    """The demo plan's strip, with its Start my own plan and Import from CRM… buttons."""
    banner, row = strip(parent, "demo-banner", "#fff4ce", "#e0c36c", "#3d3200")
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
    start_button = QPushButton(translate("MainWindow", "Start my own plan"), banner)
    import_button = QPushButton(translate("MainWindow", "Import from CRM…"), banner)
    import_button.setToolTip(
        translate("MainWindow", "Bring in deals from a Salesforce, HubSpot or Pipedrive export")
    )
    row.addWidget(start_button)
    row.addWidget(import_button)
    return banner, start_button, import_button


def read_only_banner(parent: QWidget) -> tuple[QFrame, QLabel, QPushButton]:
    """The strip of a plan that cannot be written: why (plain text), and Save a copy as…."""
    banner, row = strip(parent, "read-only-banner", "#fde7e9", "#d9a0a6", "#5c0a12")
    label = QLabel(banner)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    row.addWidget(label, 1)
    save_copy_button = QPushButton(translate("MainWindow", "Save a copy as…"), banner)
    row.addWidget(save_copy_button)
    return banner, label, save_copy_button


def status_text(controller: BoardController) -> str:
    """The status bar's line: how many open deals, and where the plan is saved."""
    path = controller.plan.path
    where = str(path) if path else translate("MainWindow", "in memory")
    # Counted from the board, not the file: this runs after every edit.
    count = sum(model.card_count for model in controller.models.values())
    return plural(
        count,
        translate("MainWindow", "{n} open deal · plan file: {where} · every change is saved as you make it"),
        translate("MainWindow", "{n} open deals · plan file: {where} · every change is saved as you make it"),
    ).format(n=fmt.number(count), where=where)
