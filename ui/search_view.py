"""Search everything (Ctrl+K): a text field and the results of planner.search, grouped by kind.

Results update with every keystroke; Up and Down move through them from the text field, Enter
or a click opens one. The window gives what opening a result means (`open_hit`), and, when the
plan may be written, how to rebuild a damaged index (`rebuild`): this view never edits the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner import search
from planner.i18n import translate
from planner.search import Group, Hit, Results
from planner.storage.db import PlanDB
from ui.plain import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
Search = Callable[[PlanDB, str], Results]
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractTableModel):
    """Rows of results: a heading row per group, then its hits (title, where it is)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Group | Hit] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_results(self, results: Results) -> None:
        """Show these results (an empty Results shows nothing)."""
        self.beginResetModel()
        rows: list[Group | Hit] = []
        for group, hits in results.groups:
            rows.append(group)
            rows.extend(hits)
        self._rows = rows
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        """The result in `row`; None for a heading or a row out of range."""
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item if isinstance(item, Hit) else None

    def hit_rows(self) -> list[int]:
        """The rows that hold results (not headings), top to bottom."""
        return [n for n, row in enumerate(self._rows) if isinstance(row, Hit)]

    def is_heading(self, row: int) -> bool:
        """Whether `row` is a group's heading."""
        return 0 <= row < len(self._rows) and isinstance(self._rows[row], Group)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        if isinstance(item, Group):
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return item.label
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title if index.column() == 0 else item.detail
        if role == Qt.ItemDataRole.ToolTipRole:
            # Text sellers and CRMs wrote: escaped, so Qt never reads it as markup.
            return plain_tooltip(f"{item.title}\n{item.detail}")
        if role == HIT_ROLE:
            return item
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_heading(index.row()):
            return Qt.ItemFlag.ItemIsEnabled  # a heading is not a result: never selected
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SearchDialog(QDialog):
    """The search window: type, then open a result with Enter or a click."""

    def __init__(
        self,
        plan: PlanDB,
        open_hit: Callable[[Hit], None],
        parent: QWidget | None = None,
        *,
        rebuild: Callable[[], bool] | None = None,
        run_search: Search | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self._open_hit = open_hit
        self._rebuild = rebuild
        self._search: Search = run_search or (lambda p, text: search.search(p, text))
        self.results = Results("", (), False)
        self._damaged = False  # the index could not be read, nor rebuilt
        self.setWindowTitle(translate("SearchDialog", "Search everything"))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            translate("SearchDialog", "Deals, accounts, people, actions, notes, call plans, competitors…")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(translate("SearchDialog", "Search text"))
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.installEventFilter(self)
        self.model = SearchResultsModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setHeaderHidden(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAccessibleName(translate("SearchDialog", "Search results"))
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.activated.connect(self._on_view_clicked)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what the seller typed
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.resize(720, 460)
        self._show_status()

    # What the seller does ---------------------------------------------------------------------
    def start(self, text: str | None = None) -> None:
        """Show the window with the text field focused (and its text selected, to type anew)."""
        if text is not None:
            self.edit.setText(text)
        else:
            self.refresh()  # the plan may have changed since it was last open
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
        self.edit.selectAll()

    def refresh(self) -> None:
        """Search again for the text in the field."""
        text = self.edit.text()
        self._damaged = False
        try:
            results = self._search(self.plan, text)
        except search.SearchIndexDamagedError:
            results = self._after_repair(text)
        self.results = results
        self.model.set_results(results)
        self.view.setColumnWidth(0, max(self.view.viewport().width() // 2, 200))
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), self.model.is_heading(row))
        rows = self.model.hit_rows()
        if rows:
            self.view.setCurrentIndex(self.model.index(rows[0], 0))
        self._show_status()

    def _after_repair(self, text: str) -> Results:
        # A damaged index is rebuilt when the plan may be written, then searched again; otherwise
        # (or when that fails) the status line says so, in one line.
        if self._rebuild is not None and self._rebuild():
            try:
                return self._search(self.plan, text)
            except search.SearchIndexDamagedError:
                pass
        self._damaged = True
        return Results(text, (), False)

    def _show_status(self) -> None:
        text = " ".join(self.edit.text().split())
        if self._damaged:
            message = translate("Search", search.DAMAGED)
        elif not search.words(text):
            message = translate(
                "SearchDialog",
                "Type a word or the start of one. Up and Down choose a result, Enter opens it.",
            )
        elif not self.results.groups:
            shown = text if len(text) <= 80 else text[:79] + "…"
            message = translate("SearchDialog", "Nothing matches “{text}”.").format(text=shown)
        elif self.results.truncated:
            message = translate(
                "SearchDialog", "Many rows match; the newest are shown. Type more to narrow them."
            )
        else:
            message = translate("SearchDialog", "Enter opens the chosen result.")
        self.status.setText(message)

    def current_hit(self) -> Hit | None:
        """The chosen result, if any."""
        index = self.view.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def open_current(self) -> bool:
        """Open the chosen result (the first when none is chosen); False when there is none."""
        hit = self.current_hit()
        if hit is None:
            rows = self.model.hit_rows()
            hit = self.model.hit(rows[0]) if rows else None
        if hit is None:
            return False
        self.hide()
        self._open_hit(hit)
        return True

    def _step(self, step: int) -> None:
        rows = self.model.hit_rows()
        if not rows:
            return
        current = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        later = [r for r in rows if (r > current if step > 0 else r < current)]
        if later:
            target = later[0] if step > 0 else later[-1]
            self.view.setCurrentIndex(self.model.index(target, 0))

    # Slots and events -----------------------------------------------------------------------------
    @Slot(str)
    def _on_edit_text_changed(self, _text: str) -> None:
        self.refresh()

    @Slot(QModelIndex)
    def _on_view_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.hit(index.row()) is not None:
            self.view.setCurrentIndex(index)
            self.open_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up, Down and Enter in the text field act on the results, so hands stay on the keys.
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._step(1)
                return True
            if key == Qt.Key.Key_Up:
                self._step(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the list opens the result (the view's `activated`); never the dialog's default.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return
        super().keyPressEvent(event)
