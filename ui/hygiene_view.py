"""The hygiene view: the quarter-end clean-up list, with close date, snooze and walk away for many rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import close_reasons, hygiene, red_flags
from planner.forecast import load_plan_facts
from planner.hygiene import Cleanup, CleanupRow
from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.model import FunnelLevel
from planner.operations import Change
from planner.pipeline_forecast import limit_facts, pipeline_deals
from planner.storage.close_reasons import competitor_names
from ui import format as fmt
from ui.board.pipeline_switch import PipelineFilter
from ui.date_field import DateField
from ui.dialogs.close_reason_fields import CloseReasonFields
from ui.forecast_commands import run_deals_operation
from ui.plain import plain_tooltip
from ui.session import EditSession
from ui.session_view import SessionView
from ui.table_model import HeadedTableModel
from ui.table_sort import SORT_ROLE, sortable

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

# How the summary counts each rule: "3 stale, 2 slipping..." (sources of HygieneView, translated
# where shown: the translation is installed after this module is imported).
RULE_WORDS = {
    red_flags.OBJECTIVE_INCOMPLETE: QT_TRANSLATE_NOOP("HygieneView", "{n} incomplete"),
    red_flags.STALE: QT_TRANSLATE_NOOP("HygieneView", "{n} stale"),
    red_flags.SLIPPING: QT_TRANSLATE_NOOP("HygieneView", "{n} slipping"),
    red_flags.OVERDUE: QT_TRANSLATE_NOOP("HygieneView", "{n} overdue"),
    red_flags.PREMATURE: QT_TRANSLATE_NOOP("HygieneView", "{n} premature"),
    red_flags.BEST_FEW_UNCONFIRMED: QT_TRANSLATE_NOOP("HygieneView", "{n} unconfirmed in Best Few"),
    red_flags.NO_NEXT_STEP: QT_TRANSLATE_NOOP("HygieneView", "{n} without a next step"),
}

DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the number or date behind a cell
RULES_ROLE = Qt.ItemDataRole.UserRole + 3  # the rule ids of a row's flags


class HygieneModel(HeadedTableModel):
    """The clean-up list as rows: value, deal, account, stage, close date and why it is listed."""

    CONTEXT = "HygieneModel"

    HEADERS = (
        QT_TRANSLATE_NOOP("HygieneModel", "Value"),
        QT_TRANSLATE_NOOP("HygieneModel", "Deal"),
        QT_TRANSLATE_NOOP("HygieneModel", "Account"),
        QT_TRANSLATE_NOOP("HygieneModel", "Stage"),
        QT_TRANSLATE_NOOP("HygieneModel", "Closes"),
        QT_TRANSLATE_NOOP("HygieneModel", "Why it is listed"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CleanupRow] = []
        self.base_currency = ""

    def set_cleanup(self, cleanup: Cleanup) -> None:
        self.beginResetModel()
        self._rows = list(cleanup.rows)
        self.base_currency = cleanup.base_currency
        self.endResetModel()

    def row_at(self, row: int) -> CleanupRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[CleanupRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def _value_text(self, row: CleanupRow) -> str:
        if row.value is not None:
            return fmt.amount(round(row.value), self.base_currency)
        if row.amount is not None:
            return translate("HygieneModel", "{amount} (no rate)").format(
                amount=fmt.amount(row.amount, row.currency)
            )
        return translate("HygieneModel", "no amount")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DEAL_ID_ROLE:
            return row.id
        if role == RULES_ROLE:
            return list(row.rules)
        if role == SORT_ROLE:
            keys: tuple[Any, ...] = (
                row.value if row.value is not None else float("-inf"),
                row.title.casefold(),
                row.account.casefold(),
                row.stage.casefold(),
                row.close_date.isoformat() if row.close_date else "",
                "\n".join(row.reasons).casefold(),
            )
            return keys[column]
        if role == VALUE_ROLE:
            values: tuple[Any, ...] = (
                row.value,
                row.title,
                row.account,
                row.stage,
                row.close_date,
                row.reasons,
            )
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                self._value_text(row),
                row.title,
                row.account,
                row.stage,
                fmt.date(row.close_date),
                "\n".join(row.reasons),  # one reason a line; the view sizes each row to its reasons
            )
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(f"• {reason}" for reason in row.reasons))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            vertical = Qt.AlignmentFlag.AlignTop
            horizontal = Qt.AlignmentFlag.AlignRight if column == 0 else Qt.AlignmentFlag.AlignLeft
            return int(vertical | horizontal)
        return None


class DateReasonDialog(QDialog):
    """A date and (when asked for) a reason, for several deals at once; OK needs both."""

    def __init__(
        self,
        title: str,
        heading: str,
        date_label: str,
        default: dt.date,
        minimum: dt.date | None,
        parent: QWidget | None = None,
        *,
        reason_label: str | None = None,
        reason_hint: str = "",
        closing: tuple[Sequence[str], Sequence[str]] | None = None,
    ) -> None:
        """`closing` (the plan's close reasons and the competitors to offer) asks why deals close
        as the close dialog does: a reason from the list, the competitor, a note."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        text = QLabel(heading, self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.date = DateField(self, allow_empty=False, minimum=minimum)
        self.date.set_value(default)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(2000)
        self.reason.setPlaceholderText(reason_hint)
        form = QFormLayout()
        self.close_fields: CloseReasonFields | None = None
        if closing is not None:
            reasons, competitors = closing
            self.close_fields = CloseReasonFields(
                self, FunnelLevel.WALKED_AWAY, reasons, competitors, note=self.reason, note_hint=reason_hint
            )
            form.addRow(date_label, self.date)
            self.close_fields.add_rows(form)
        elif reason_label is not None:
            form.addRow(reason_label, self.reason)
        else:
            self.reason.hide()
        if closing is None:
            form.addRow(date_label, self.date)
        self.needs_reason = reason_label is not None or closing is not None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if self.close_fields is not None:
            self.close_fields.on_changed(self._on_input_changed)
        else:
            self.reason.textChanged.connect(self._on_input_changed)
        self.date.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    def _is_complete(self) -> bool:
        if self.close_fields is not None:
            return self.date.is_valid() and self.close_fields.is_complete()
        return self.date.is_valid() and (not self.needs_reason or bool(self.reason.text().strip()))

    @Slot()
    def _on_input_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._is_complete())

    def values(self) -> tuple[dt.date, str]:
        day = self.date.value()
        assert day is not None  # the field takes no empty date
        return day, self.reason.text().strip()

    def close_values(self) -> tuple[str, str, str]:
        """Closing: the reason's code, the competitor and the note (CloseReasonFields.values)."""
        assert self.close_fields is not None
        return self.close_fields.values()

    def accept(self) -> None:
        self.date.check()  # Enter accepts even while OK is disabled: say what is wrong with the date
        if self._is_complete():
            super().accept()


def _deals_phrase(rows: Sequence[CleanupRow]) -> str:
    if len(rows) == 1:
        return translate("HygieneView", "“{title}”").format(title=rows[0].title)
    return _deals(len(rows))


def _deals(n: int) -> str:
    """'1 deal', '3 deals'."""
    return plural(n, translate("HygieneView", "{n} deal"), translate("HygieneView", "{n} deals")).format(n=n)


class HygieneView(SessionView):
    """The quarter-end clean-up: select rows, then change the close date, snooze or walk away."""

    opportunity_opened = Signal(int)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.today = session.clock.today
        self.cleanup: Cleanup | None = None

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.hint = QLabel(
            translate(
                "HygieneView",
                "Every open deal the red-flag rules call stale, slipping, overdue, premature, "
                "incomplete, unconfirmed in Best Few or without a next step, most valuable first. "
                "Select one or more rows (Ctrl or Shift for several), then act on them. Everything "
                "here can be undone with Edit → Undo.",
            ),
            self,
        )
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546e7a;")
        self.summary.setAccessibleName(translate("HygieneView", "Clean-up summary"))
        self.close_date_button = QPushButton(translate("HygieneView", "Change &close date…"), self)
        self.close_date_button.setToolTip(
            translate("HygieneView", "Give the selected deals a realistic close date")
        )
        self.snooze_button = QPushButton(translate("HygieneView", "S&nooze…"), self)
        self.snooze_button.setToolTip(
            translate("HygieneView", "Stalled for a known reason: hide the stale warning until a date")
        )
        self.walk_away_button = QPushButton(translate("HygieneView", "&Walk away…"), self)
        self.walk_away_button.setToolTip(
            translate(
                "HygieneView", "Close the selected deals as Walked away, with one reason (into the archive)"
            )
        )
        self.open_button = QPushButton(translate("HygieneView", "&Open deal"), self)
        self.open_button.setToolTip(
            translate("HygieneView", "Show the deal (double-click a row does the same)")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        self.pipeline_filter = PipelineFilter(self.plan, self)
        self.pipeline_filter.pipeline_changed.connect(self.refresh)
        buttons.addWidget(self.pipeline_filter)
        for button in (self.close_date_button, self.snooze_button, self.walk_away_button, self.open_button):
            buttons.addWidget(button)

        self.model = HygieneModel(self)
        self.table = QTableView(self)
        self.proxy = sortable(self.table, self.model)
        # A row's height follows its reasons, wherever sorting puts it.
        self.proxy.layoutChanged.connect(self._size_rows)
        self.table.setAccessibleName(translate("HygieneView", "Deals to clean up"))
        self.table.setAccessibleDescription(
            translate(
                "HygieneView",
                "The deals the red-flag rules list, most valuable first. Select one or more rows "
                "(Shift or Ctrl for several), then use the buttons above; double-click a row to open "
                "its deal.",
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 230)
        self.table.setColumnWidth(2, 170)
        self.table.setColumnWidth(3, 95)
        self.table.setColumnWidth(4, 100)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)

        self.close_date_button.clicked.connect(self._on_close_date_button_clicked)
        self.snooze_button.clicked.connect(self._on_snooze_button_clicked)
        self.walk_away_button.clicked.connect(self._on_walk_away_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._update_buttons()
        if session.read_only_reason is not None:
            self.set_read_only(session.read_only_reason)

    # Refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rate every open deal again and show the list (the selection is kept where it can be)."""
        self._dirty = False
        keep = set(self.selected_ids())
        self.pipeline_filter.reload()
        deal_ids = pipeline_deals(self.plan, self.pipeline_filter.chosen())
        facts = load_plan_facts(self.plan)
        cleanup = hygiene.cleanup_list(
            self.plan, self.today(), limit_facts(facts, deal_ids) if deal_ids is not None else facts
        )
        self.cleanup = cleanup
        self.model.set_cleanup(cleanup)
        self._size_rows()
        if keep:
            self.select_ids(list(keep))
        listed = len(cleanup.rows)
        counts = Counter(rule for row in cleanup.rows for rule in row.rules)
        by_rule = translate("HygieneView", ", ").join(
            translate("HygieneView", RULE_WORDS[rule]).format(n=counts[rule])
            for rule in hygiene.HYGIENE_RULES
            if counts[rule]
        )
        if listed:
            summary = plural(
                listed,
                translate(
                    "HygieneView", "{listed} of {total} open deals needs a clean-up, worth {amount} ({rules})"
                ),
                translate(
                    "HygieneView", "{listed} of {total} open deals need a clean-up, worth {amount} ({rules})"
                ),
            ).format(
                listed=listed,
                total=cleanup.open_deals,
                amount=fmt.amount(round(cleanup.value), cleanup.base_currency),
                rules=by_rule,
            )
        else:
            summary = plural(
                cleanup.open_deals,
                translate("HygieneView", "Nothing to clean up: the {total} open deal is not flagged."),
                translate("HygieneView", "Nothing to clean up: none of the {total} open deals is flagged."),
            ).format(total=cleanup.open_deals)
        self.summary.setText(summary)
        self._update_buttons()

    @Slot()
    def _size_rows(self) -> None:
        # One line per reason, set from the reason counts (ResizeToContents would ask Python for
        # every cell). A height belongs to the row's place, not its deal: when a deal leaves the
        # list, the row taking its place is sized again too (it kept the taller height).
        line = self.table.fontMetrics().lineSpacing()
        header = self.table.verticalHeader()
        header.setDefaultSectionSize(line + 10)
        for row in range(self.proxy.rowCount()):
            found = self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            wanted = line * max(len(found.flags) if found is not None else 1, 1) + 10
            if header.sectionSize(row) != wanted:
                header.resizeSection(row, wanted)

    def selected_rows(self) -> list[CleanupRow]:
        """The selected rows, in list order."""
        selected = self.table.selectionModel().selectedRows()
        rows = sorted({self.proxy.mapToSource(index).row() for index in selected})
        return [row for row in (self.model.row_at(r) for r in rows) if row is not None]

    def selected_ids(self) -> list[int]:
        return [row.id for row in self.selected_rows()]

    def select_ids(self, ids: Sequence[int]) -> None:
        """Select the rows of these deals (tests, and a caller that wants to point at deals)."""
        wanted = set(ids)
        selection = QItemSelection()
        for row in range(self.model.rowCount()):
            found = self.model.row_at(row)
            if found is not None and found.id in wanted:
                selection.select(
                    self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1)
                )
        selection = self.proxy.mapSelectionFromSource(selection)
        model = self.table.selectionModel()
        model.select(selection, model.SelectionFlag.ClearAndSelect)

    def set_read_only(self, reason: str | None) -> None:
        """Stop offering edits (None offers them again)."""
        self.read_only_reason = reason
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        writable = self.read_only_reason is None
        for button in (self.close_date_button, self.snooze_button, self.walk_away_button):
            button.setEnabled(writable and count > 0)
        self.open_button.setEnabled(count == 1)

    # Edits (each one transaction, one undo entry) ----------------------------------------
    def _apply(self, change: Change) -> None:
        # Undo and redo from the window's Edit menu come through here too; this view refreshes
        # once, from the session's `changed` (_on_session_changed), as for any other edit.
        self.session.apply_change(change, self)

    def change_close_date(self, ids: Sequence[int], new_date: dt.date) -> bool:
        """Give the deals a new close date (undoable, one entry)."""
        today = self.today()
        text = translate("HygieneView", "New close date for {deals}").format(deals=_deals(len(ids)))
        return self.push(
            lambda: run_deals_operation(
                text,
                self.plan,
                ids,
                lambda: hygiene.change_close_dates(self.plan, ids, new_date, today),
                self._apply,
            ),
            translate("HygieneView", "The close date was not changed"),
        )

    def snooze(self, ids: Sequence[int], until: dt.date, reason: str) -> bool:
        """Snooze the deals' stale warning until a date, with a reason (undoable, one entry)."""
        today = self.today()
        text = translate("HygieneView", "Snooze {deals}").format(deals=_deals(len(ids)))
        return self.push(
            lambda: run_deals_operation(
                text,
                self.plan,
                ids,
                lambda: hygiene.snooze_deals(self.plan, ids, until, reason, today),
                self._apply,
            ),
            translate("HygieneView", "The snooze was not saved"),
        )

    def walk_away(
        self,
        ids: Sequence[int],
        reason: str,
        closed_on: dt.date | None = None,
        *,
        reason_code: str = "",
        competitor: str = "",
    ) -> bool:
        """Walk away from the deals with one reason (the code from the plan's list, the
        competitor and the note `reason`), into the archive (undoable, one entry)."""
        today = self.today()
        text = translate("HygieneView", "Walk away from {deals}").format(deals=_deals(len(ids)))
        return self.push(
            lambda: run_deals_operation(
                text,
                self.plan,
                ids,
                lambda: hygiene.walk_away(
                    self.plan, ids, reason, today, closed_on, reason_code=reason_code, competitor=competitor
                ),
                self._apply,
            ),
            translate("HygieneView", "The deals were not walked away from"),
        )

    # Dialogs (tests drive the methods above, or these with a patched exec) ---------------
    def close_date_dialog(self, rows: Sequence[CleanupRow]) -> DateReasonDialog:
        today = self.today()
        current = max((row.close_date for row in rows if row.close_date), default=today)
        return DateReasonDialog(
            translate("HygieneView", "Change the close date"),
            translate(
                "HygieneView", "A realistic close date for {deals}: the date the customer will decide."
            ).format(deals=_deals_phrase(rows)),
            translate("HygieneView", "New &close date"),
            max(current, today + dt.timedelta(days=30)),
            today,
            self,
        )

    def snooze_dialog(self, rows: Sequence[CleanupRow]) -> DateReasonDialog:
        today = self.today()
        return DateReasonDialog(
            translate("HygieneView", "Snooze the stale warning"),
            plural(
                len(rows),
                translate(
                    "HygieneView",
                    "{deals} stalled for a known reason: the stale warning stays hidden until the date.",
                ),
                translate(
                    "HygieneView",
                    "{deals} stalled for a known reason: their stale warnings stay hidden until the date.",
                ),
            ).format(deals=_deals_phrase(rows)),
            translate("HygieneView", "&Until"),
            today + dt.timedelta(days=14),
            today,
            self,
            reason_label=translate("HygieneView", "&Reason"),
            reason_hint=translate("HygieneView", "e.g. the customer's budget round ends in January"),
        )

    def walk_away_dialog(self, rows: Sequence[CleanupRow]) -> DateReasonDialog:
        today = self.today()
        # The competitors offered: each deal's Blue Sheet vendors and those closed deals name.
        competitors = {name for row in rows for name in competitor_names(self.plan, row.id)}
        return DateReasonDialog(
            translate("HygieneView", "Walk away"),
            plural(
                len(rows),
                translate(
                    "HygieneView",
                    "Walk away from {deals}: it moves to Walked away, into the archive, with this reason. "
                    "You can reopen it from the archive.",
                ),
                translate(
                    "HygieneView",
                    "Walk away from {deals}: they move to Walked away, into the archive, with this reason. "
                    "You can reopen them from the archive.",
                ),
            ).format(deals=_deals_phrase(rows)),
            translate("HygieneView", "&Closed on"),
            today,
            None,
            self,
            reason_hint=translate(
                "HygieneView", "e.g. no budget this year and no access to the economic buyer"
            ),
            closing=(close_reasons.reason_codes(self.plan), sorted(competitors)),
        )

    @Slot()
    def _on_close_date_button_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            dialog = self.close_date_dialog(rows)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.change_close_date([row.id for row in rows], dialog.values()[0])

    @Slot()
    def _on_snooze_button_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            dialog = self.snooze_dialog(rows)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                until, reason = dialog.values()
                self.snooze([row.id for row in rows], until, reason)

    @Slot()
    def _on_walk_away_button_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            dialog = self.walk_away_dialog(rows)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                closed_on = dialog.values()[0]
                code, competitor, note = dialog.close_values()
                ids = [row.id for row in rows]
                self.walk_away(ids, note, closed_on, reason_code=code, competitor=competitor)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.opportunity_opened.emit(rows[0].id)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if row is not None:
            self.opportunity_opened.emit(row.id)

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()
