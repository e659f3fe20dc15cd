"""The board widget: a row of stage columns, each a header and a one-column card list."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.model import Stage
from ui import format as fmt
from ui.board.controller import BoardController
from ui.board.delegate import CardDelegate
from ui.board.models import ID_ROLE, StageColumnModel
from ui.board.scroll_bars import GrooveStyle

translate = QCoreApplication.translate

# After the board's first paint, the rest of the cards are read this much later.
REST_AFTER_PAINT_MS = 100
# Columns share the board's width: never narrower than a card stays readable at (the board
# scrolls sideways below that), never wider than a card is worth (the rest stays empty).
MIN_COLUMN_WIDTH = 200
MAX_COLUMN_WIDTH = 420
SPACING = 6


class CardList(QTableView):
    """A column's cards: a one-column table that looks and behaves like a list.

    A QListView lays out every row of its column again on each inserted or removed row (≈35,000
    rows a column at 100,000 deals, 5 to 10 ms a move); a table with fixed row heights only shifts
    its header's sections.
    """

    def __init__(self, row_height: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the column, as it leaves a list
        # Dropped near a card's top or bottom edge: above or below it, as in a list (a table's
        # overwrite mode drops onto the card wherever it lands).
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(1)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never asks the delegate per row
        rows.setDefaultSectionSize(row_height)

    def initViewItemOption(self, option: QStyleOptionViewItem) -> None:
        # Once per paint, not per card: without this the table fills a selected card's whole
        # row with the highlight colour under the card (a list leaves the spacing bare).
        super().initViewItemOption(option)
        option.showDecorationSelected = False

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # Home and End go to the first and last card, as in a list (a table's stay in the row).
        model = self.model()
        if (
            action
            in (
                QAbstractItemView.CursorAction.MoveHome,
                QAbstractItemView.CursorAction.MoveEnd,
            )
            and model.rowCount()
        ):
            first = action == QAbstractItemView.CursorAction.MoveHome
            return model.index(0 if first else model.rowCount() - 1, 0)
        return super().moveCursor(action, modifiers)


class StageColumn(QFrame):
    """Header (name, count, sum, weighted) over the list of cards of one stage."""

    def __init__(
        self, stage: Stage, model: StageColumnModel, delegate: CardDelegate, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self.model = model
        self.setObjectName(f"column-{stage.id}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        self.title = QLabel(stage.name, self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.weighted = QLabel(self)
        self.weighted.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.weighted)
        # A pass-through proxy answers the view's per-row calls in C++ (docs/qt-notes.md, pitfall 1).
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.view = CardList(delegate.card_height, self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Drag a card to another column to move it; the drop asks for the customer commitment.
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setAccessibleName(translate("Board", "{stage} column").format(stage=stage.name))
        description = translate("Board", "Deals in the {stage} stage ({level})")
        self.view.setAccessibleDescription(description.format(stage=stage.name, level=stage.level.label))
        layout.addWidget(self.view, 1)
        # A new filter, order or reload shows the column from its first card: a view keeps its
        # scroll position through a reset, and a column scrolled down would show the end of a
        # shorter list. The selected card's column then scrolls to it (BoardWidget._show_selection).
        self.proxy.modelReset.connect(self.view.scrollToTop)
        self.setMinimumWidth(MIN_COLUMN_WIDTH)
        self.setMaximumWidth(MAX_COLUMN_WIDTH)

    def update_totals(self, first: str, second: str) -> None:
        self.summary.setText(first)
        self.weighted.setText(second)


class BoardWidget(QScrollArea):
    """All open stages side by side; emits the selected and activated deal ids."""

    opportunity_selected = Signal(int)  # 0 when nothing is selected
    opportunity_activated = Signal(int)
    context_menu_requested = Signal(int, QPoint)  # deal id (0: empty space), global position

    def __init__(self, controller: BoardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.delegate = CardDelegate(self)
        # The columns' scroll bars share one style that keeps their grooves (ui/board/scroll_bars.py);
        # a widget does not own its style, so the board holds it.
        self._grooves = GrooveStyle()
        self.delegate.first_card_painted.connect(self._on_delegate_first_card_painted)
        self.columns: dict[int, StageColumn] = {}
        self._selected = 0
        self._was_off_board = False  # the selected deal, at the start of a change
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._inner = QWidget(self)
        outer = QHBoxLayout(self._inner)
        outer.setContentsMargins(8, 6, 8, 8)
        outer.setSpacing(0)
        # One grid: the funnel bands in row 0 span the columns they name in row 1, so they stay
        # over their columns whatever width the columns take.
        self._layout = QGridLayout()
        self._layout.setHorizontalSpacing(SPACING)
        self._layout.setVerticalSpacing(4)
        self._layout.setRowStretch(1, 1)
        outer.addLayout(self._layout, 1)
        outer.addStretch(0)  # past the columns' maximum width, the room is left empty
        self.band_labels: list[QLabel] = []
        self.setWidget(self._inner)
        # True while the models change or the selection is being shown again: the views' own
        # current-index changes then are not the seller's choice (BoardController.changing).
        self._holding = False
        controller.stages_reset.connect(self._on_controller_stages_reset)
        controller.column_changed.connect(self._on_controller_column_changed)
        controller.change_started.connect(self._on_controller_change_started)
        controller.change_finished.connect(self._on_controller_change_finished)
        self._build()

    def _build(self) -> None:
        for column in self.columns.values():
            self._layout.removeWidget(column)
            column.deleteLater()
        self.columns = {}
        for position in range(self._layout.columnCount()):
            self._layout.setColumnStretch(position, 0)
        self._build_bands()
        self.delegate.set_font(self.font())
        self.delegate.today = self.controller.today()
        for position, stage in enumerate(self.controller.columns):
            column = StageColumn(stage, self.controller.models[stage.id], self.delegate, self._inner)
            column.title.setText(self.controller.column_title(stage))
            column.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
            column.view.activated.connect(self._on_view_activated)
            column.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
            column.view.installEventFilter(self)
            column.view.verticalScrollBar().setStyle(self._grooves)
            self._layout.addWidget(column, 1, position)
            self._layout.setColumnStretch(position, 1)  # equal shares of the width
            self.columns[stage.id] = column
            self._refresh_totals(stage.id)
        self.controller.prefetch_faces()

    def _build_bands(self) -> None:
        """Funnel-level bands over the columns: which stages are Above, In the Funnel, Best Few."""
        for label in self.band_labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.band_labels = []
        groups: list[tuple[str, int]] = []
        for stage in self.controller.columns:
            if groups and groups[-1][0] == stage.level.label:
                groups[-1] = (groups[-1][0], groups[-1][1] + 1)
            else:
                groups.append((stage.level.label, 1))
        first = 0
        for name, span in groups:
            label = QLabel(name, self._inner)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Palette roles, not a style sheet: they follow a theme switch (a sheet keeps its colours).
            label.setFrameShape(QFrame.Shape.StyledPanel)
            label.setAutoFillBackground(True)
            label.setBackgroundRole(QPalette.ColorRole.AlternateBase)
            # Ignored: a long level name never widens its columns (it is cut off in a narrow band).
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            label.setToolTip(name)
            label.setAccessibleName(translate("Board", "Funnel level {level}").format(level=name))
            self._layout.addWidget(label, 0, first, 1, span)
            self.band_labels.append(label)
            first += span

    def column_for(self, stage_id: int) -> StageColumn:
        return self.columns[stage_id]

    def selected_id(self) -> int:
        """The id of the selected card, or 0 (also while the selected deal is off the board).

        A selected deal closed or deleted is remembered, not forgotten: the docks still show it,
        and the undo that brings it back shows it selected again (`_show_selection`).
        """
        if self._selected and self.controller.stage_of(self._selected) is None:
            return 0
        return self._selected

    def select(self, opportunity_id: int) -> bool:
        """Select and show a card; False when no column shows it."""
        stage_id = self.controller.stage_of(opportunity_id)
        if stage_id is None or stage_id not in self.columns:
            return False
        column = self.columns[stage_id]
        row = column.model.row_of(opportunity_id)
        if row < 0:
            return False
        index = column.proxy.index(row, 0)
        column.view.setFocus()
        column.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        column.view.scrollTo(index)
        self.ensureWidgetVisible(column, 0, 0)  # a board narrower than its columns scrolls to it
        return True

    def _show_selection(self) -> None:
        """Make the views show exactly the selected deal: its card selected and current in its
        column (when the filter shows it), nothing selected or current anywhere else."""
        stage_id = self.controller.stage_of(self._selected) if self._selected else None
        self._holding = True
        try:
            for column in self.columns.values():
                model = column.view.selectionModel()
                row = column.model.row_of(self._selected) if column.stage.id == stage_id else -1
                if row >= 0:
                    index = column.proxy.index(row, 0)
                    if model.currentIndex() != index or model.selectedIndexes() != [index]:
                        model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                elif model.currentIndex().isValid() or model.hasSelection():
                    model.clear()
        finally:
            self._holding = False

    @Slot()
    def _on_controller_change_started(self) -> None:
        self._holding = True
        self._was_off_board = bool(self._selected) and self.controller.stage_of(self._selected) is None
        # An edit takes the changed card out and puts it back: meanwhile the card below it is
        # the view's current one, which a view scrolls into sight (the column jumped by a card).
        for column in self.columns.values():
            column.view.setAutoScroll(False)

    @Slot()
    def _on_controller_change_finished(self) -> None:
        self._holding = False
        for column in self.columns.values():
            column.view.setAutoScroll(True)
        self._show_selection()  # the selected card's column scrolls to it, if it moved
        if self._was_off_board and self.selected_id():
            # An undo brought the selected deal back: the docks show it, whatever they showed since.
            self.opportunity_selected.emit(self._selected)
        # The faces of the cards each column now shows, in one batch before the columns paint
        # (one per column and screen otherwise), wherever the column scrolled: to its top after
        # a filter key, to the selected card in that card's column.
        self.controller.prefetch_faces(rows=self._shown_rows())

    def _shown_rows(self) -> dict[int, range]:
        """The rows each column's view shows now (and the one a scroll would cut in half)."""
        shown: dict[int, range] = {}
        for stage_id, column in self.columns.items():
            view = column.view
            count = column.proxy.rowCount()
            if not count:
                continue
            start = max(view.rowAt(0), 0)
            height = max(view.verticalHeader().defaultSectionSize(), 1)
            shown[stage_id] = range(start, min(start + view.viewport().height() // height + 2, count))
        return shown

    @Slot()
    def _on_controller_stages_reset(self) -> None:
        self.delegate.today = self.controller.today()  # a reload may be for a new day
        same = [c.stage for c in self.columns.values()] == self.controller.columns and all(
            self.controller.models.get(stage_id) is column.model for stage_id, column in self.columns.items()
        )
        if same:
            # A reload with the same stages (a resync, an import): the models reset themselves;
            # the views stay. Rebuilding them here could delete the view that is delivering the
            # drop or the click that led to this reload.
            for stage_id in self.columns:
                self._refresh_totals(stage_id)
            return
        self._build()

    @Slot(int)
    def _on_controller_column_changed(self, stage_id: int) -> None:
        self._refresh_totals(stage_id)

    def _refresh_totals(self, stage_id: int) -> None:
        if stage_id in self.columns:
            self.columns[stage_id].update_totals(*fmt.totals_lines(self.controller.totals(stage_id)))

    @Slot(QModelIndex, QModelIndex)
    def _on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._holding or not current.isValid():
            return
        # One selection across the whole board: clear the other columns, their current index
        # too (else clicking that card again is no change of current, and nothing follows it).
        self._holding = True
        try:
            for column in self.columns.values():
                if column.proxy is not current.model():
                    column.view.selectionModel().clear()
        finally:
            self._holding = False
        value = current.data(ID_ROLE)
        if value is None:
            # A row past the first screen, reached before the rest was read: read it now (the
            # columns reset), then choose the same row again.
            row, proxy = current.row(), current.model()
            self.controller.load_rest()
            view = next(c.view for c in self.columns.values() if c.proxy is proxy)
            view.selectionModel().setCurrentIndex(
                proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            return
        self._selected = int(value)
        self.opportunity_selected.emit(self._selected)

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        view = self.sender()
        if not isinstance(view, CardList):
            return
        index = view.indexAt(pos)
        opportunity_id = int(index.data(ID_ROLE)) if index.isValid() else 0
        if opportunity_id:
            view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.context_menu_requested.emit(opportunity_id, view.viewport().mapToGlobal(pos))

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        self.opportunity_activated.emit(int(index.data(ID_ROLE)))

    @Slot()
    def _on_delegate_first_card_painted(self) -> None:
        # The first screen is on its way to the screen: read the rest of the cards once the
        # window has settled there (the compositor shows the frame, the window manager maps
        # it). A click meanwhile reads the rest at once (StageColumnModel).
        QTimer.singleShot(REST_AFTER_PAINT_MS, self.controller, self.controller.load_rest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Left/Right move between columns, keeping the row where possible.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if plain and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                views = [c.view for c in self.columns.values()]
                if watched in views:
                    step = -1 if key == Qt.Key.Key_Left else 1
                    self._focus_neighbour(views.index(watched), step)
                    return True
        return super().eventFilter(watched, event)

    def _focus_neighbour(self, position: int, step: int) -> None:
        columns = list(self.columns.values())
        row = max(columns[position].view.currentIndex().row(), 0)
        target = position + step
        while 0 <= target < len(columns):
            column = columns[target]
            if column.proxy.rowCount():
                index = column.proxy.index(min(row, column.proxy.rowCount() - 1), 0)
                column.view.setFocus()
                column.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.ensureWidgetVisible(column)
                return
            target += step
