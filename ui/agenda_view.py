"""The Agenda tab: what is overdue, due today, this week and later, and the edits a row offers.

Rows come from planner.agenda (the same list as `planner agenda` and the calendar export). From
a row the seller marks an action done (a call: its debrief), reschedules it with the project's
date field, or opens its deal; each edit is one undo step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import agenda as agenda_rules
from planner.agenda import AgendaItem, Kind, Section
from planner.green_sheet import can_debrief
from planner.i18n import QT_TRANSLATE_NOOP
from planner.operations import Change
from ui import format as fmt
from ui.plain import plain_tooltip
from ui.session import EditSession
from ui.session_view import SessionView
from ui.table_model import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's key ('action-12'); None on a section's row
# Why a stale deal is snoozed when the seller moves its agenda date (a snooze needs a reason).
RESCHEDULED_STALE = QT_TRANSLATE_NOOP("AgendaView", "Follow-up planned from the agenda")


class AgendaModel(HeadedTableModel):
    """The agenda as rows: each section's heading, then its items."""

    CONTEXT = "AgendaModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AgendaModel", "When"),
        QT_TRANSLATE_NOOP("AgendaModel", "What"),
        QT_TRANSLATE_NOOP("AgendaModel", "Deal"),
        QT_TRANSLATE_NOOP("AgendaModel", "Account"),
        QT_TRANSLATE_NOOP("AgendaModel", "Who"),
        QT_TRANSLATE_NOOP("AgendaModel", "Why it is here"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # An item, or a section's heading (section, its count, False), or the line under a
        # section saying how many more it holds than it lists (section, that many, True).
        self._rows: list[AgendaItem | tuple[Section, int, bool]] = []
        self._row_of: dict[str, int] = {}
        self.items: list[AgendaItem] = []
        self.counts = dict.fromkeys(Section, 0)
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_page(self, page: agenda_rules.AgendaPage) -> None:
        self.beginResetModel()
        self.items = list(page.items)
        self.counts = dict(page.counts)
        more = page.more
        self._rows = []
        for section in Section:
            self._rows.append((section, page.counts[section], False))
            self._rows.extend(item for item in self.items if item.section is section)
            if more[section]:
                self._rows.append((section, more[section], True))
        self._row_of = {r.key: n for n, r in enumerate(self._rows) if isinstance(r, AgendaItem)}
        self.endResetModel()

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        """Every item listed (tests, and callers that have the whole agenda)."""
        self.set_page(agenda_rules.AgendaPage(list(items), agenda_rules.counts(items)))

    def item_at(self, row: int) -> AgendaItem | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, AgendaItem) else None

    def row_of(self, key: str) -> int:
        return self._row_of.get(key, -1)

    def section_rows(self) -> list[int]:
        return [n for n, r in enumerate(self._rows) if not isinstance(r, AgendaItem)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.item_at(index.row()) is None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not isinstance(row, AgendaItem):
            section, count, more = row
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                if more:
                    return translate(
                        "AgendaModel", "… and {n} more, not listed: the first ones done or moved make room"
                    ).format(n=fmt.number(count))
                return translate("AgendaModel", "{section} ({n})").format(
                    section=section.label, n=fmt.number(count)
                )
            if role == Qt.ItemDataRole.FontRole:
                return self._italic if more else self._bold
            return None
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # On a narrow screen the reason is cut off: every cell of the row tells it.
            texts = self._texts(row)
            return plain_tooltip(f"{texts[1]}\n{texts[5]}")
        return None

    @staticmethod
    def _texts(item: AgendaItem) -> tuple[str, str, str, str, str, str]:
        when = fmt.date(item.day)
        if item.at is not None:
            when = translate("AgendaModel", "{date}, {time}").format(date=when, time=f"{item.at:%H:%M}")
        label = item.kind.label
        what = (
            label
            if item.what == label
            else translate("AgendaModel", "{kind}: {what}").format(kind=label, what=item.what)
        )
        return (when, what, item.deal, item.account, item.who, item.why)


class AgendaView(SessionView):
    """The agenda of the plan with its edits: done, reschedule, open the deal.

    It follows the plan's edit session (edits, undo, a new day, read-only) and writes through it;
    `debrief_call(deal, call)` writes a call plan's debrief (the Blue Sheet's).
    """

    opened = Signal()  # the agenda was (re)loaded
    opportunity_opened = Signal(int)  # a row's deal, to show on the board and in the docks

    def __init__(
        self,
        session: EditSession,
        parent: QWidget | None = None,
        *,
        debrief_call: Callable[[int, int], None] = lambda _deal, _call: None,
        days: int = agenda_rules.DEFAULT_DAYS,
        page_limit: int = agenda_rules.PAGE,
    ) -> None:
        super().__init__(session, parent)
        self.today = session.clock.today
        self.debrief_call = debrief_call
        self.days = days
        self.page_limit = page_limit

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet("font-weight: 600;")
        self.summary.setAccessibleName(translate("AgendaView", "Agenda summary"))
        self.done_button = QPushButton(translate("AgendaView", "&Done"), self)
        self.done_button.setToolTip(
            translate("AgendaView", "Mark the action done; for a call, write its debrief (Ctrl+D)")
        )
        self.reschedule_button = QPushButton(translate("AgendaView", "&Reschedule…"), self)
        self.reschedule_button.setToolTip(
            translate(
                "AgendaView",
                "Give the row another day: an action's due date, a call's day, the close date, the "
                "end of a snooze (Ctrl+R)",
            )
        )
        self.open_button = QPushButton(translate("AgendaView", "&Open deal"), self)
        self.open_button.setToolTip(
            translate("AgendaView", "Show the deal on the board and in the docks (Enter, or double-click)")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.done_button, self.reschedule_button, self.open_button):
            buttons.addWidget(button)

        self.model = AgendaModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("AgendaView", "Agenda"))
        self.table.setAccessibleDescription(
            translate(
                "AgendaView",
                "What is overdue, due today, this week and later. Enter opens the row's deal, Ctrl+D "
                "marks it done, Ctrl+R reschedules it.",
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Fits a 1280-pixel screen beside the docks with the reason still in view.
        for column, width in enumerate((135, 210, 170, 130, 100)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 10)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        # Keys on the list: Ctrl+D marks done, Ctrl+R reschedules. Enter opens the deal through
        # the view's own `activated` (as a double-click does), not a shortcut: a shortcut goes by
        # the focus widget and would take the Return typed into a window that is not yet active.
        for keys, slot in (
            (QKeySequence("Ctrl+D"), self._on_done_button_clicked),
            (QKeySequence("Ctrl+R"), self._on_reschedule_button_clicked),
        ):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.reschedule_button.clicked.connect(self._on_reschedule_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.table.activated.connect(self._on_table_activated)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        if session.read_only_reason is not None:
            self.set_read_only(session.read_only_reason)

    # Refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the agenda again; the selected row stays selected while it is listed."""
        self._dirty = False
        selected = self.selected_item()
        at = self.table.currentIndex().row()
        page = agenda_rules.load_agenda_page(self.plan, self.today(), self.days, self.page_limit)
        self.model.set_page(page)
        self.table.clearSpans()
        for row in self.model.section_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        found = page.counts
        self.summary.setText(
            translate("AgendaView", "{summary} · {week} this week · {later} later").format(
                summary=agenda_rules.summary(found), week=found[Section.WEEK], later=found[Section.LATER]
            )
        )
        if selected is not None and not self.select_key(selected.key):
            self._select_near(at)  # done or moved away: the next item takes its place
        self._update_buttons()
        self.opened.emit()

    def _select_near(self, row: int) -> None:
        """Select the item at `row`, or the nearest one below it, else above (not a heading)."""
        rows = self.model.rowCount()
        for candidate in [*range(max(row, 0), rows), *range(min(row, rows) - 1, -1, -1)]:
            item = self.model.item_at(candidate)
            if item is not None:
                self.select_key(item.key)
                return

    def current_counts(self) -> dict[Section, int]:
        """How many items each section holds, read first if the plan changed since (the view
        may be hidden)."""
        if self._dirty:
            self.refresh()
        return dict(self.model.counts)

    def selected_item(self) -> AgendaItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def select_key(self, key: str) -> bool:
        """Select the row of the item with this key ('action-12'); False when it is not listed."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    @Slot(str)
    def set_read_only(self, reason: str | None) -> None:
        """Stop offering edits (None offers them again)."""
        self.read_only_reason = reason
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        item = self.selected_item()
        writable = self.read_only_reason is None
        # A call still ahead cannot be debriefed yet: Done would open a debrief the plan refuses.
        ahead = item is not None and item.kind is Kind.CALL and not can_debrief(item.day, self.today())
        self.done_button.setEnabled(
            writable and item is not None and item.kind in (Kind.ACTION, Kind.CALL) and not ahead
        )
        self.done_button.setToolTip(
            translate("AgendaView", "The call is on {day}: write its debrief once it is held").format(
                day=fmt.date(item.day)
            )
            if ahead and item is not None
            else translate("AgendaView", "Mark the action done; for a call, write its debrief (Ctrl+D)")
        )
        self.reschedule_button.setEnabled(writable and item is not None and item.kind is not Kind.COACHING)
        self.open_button.setEnabled(item is not None)

    # Edits (each one undo step) --------------------------------------------------------------
    def _apply(self, change: Change) -> None:
        # Undo and redo come through here too; this view refreshes once, from the session's
        # `changed` (_on_session_changed), as for any other edit.
        self.session.apply_change(change, self)

    def _run(self, text: str, deal_id: int, operation: Callable[[], Change], failure: str) -> bool:
        from ui.commands import run_opportunity_operation

        def make() -> Any:
            return run_opportunity_operation(
                text, self.plan, deal_id, lambda: (operation(), deal_id), self._apply
            )

        return self.push(make, failure)

    def mark_done(self, item: AgendaItem) -> bool:
        """An action done today (one undo step); a call opens its debrief."""
        if item.kind is Kind.CALL:
            self.debrief_call(item.deal_id, item.record_id)
            return True
        if item.kind is not Kind.ACTION:
            return False
        from planner import sheet_operations as sheet_ops
        from planner.model import ActionStatus
        from planner.storage import activities

        today = self.today()

        def operation() -> Change:
            action = activities.get_action(self.plan, item.record_id) or _gone(item)
            return sheet_ops.update_action(
                self.plan, dataclasses.replace(action, status=ActionStatus.DONE), today
            )

        return self._run(
            translate("AgendaView", "Done: “{what}”").format(what=item.what),
            item.deal_id,
            operation,
            translate("AgendaView", "The action was not marked done"),
        )

    def reschedule(self, item: AgendaItem, day: dt.date) -> bool:
        """Move the row to another day (one undo step): what that means depends on its kind."""
        from planner import green_sheet, hygiene
        from planner import operations as ops
        from planner import sheet_operations as sheet_ops
        from planner.storage import activities, evidence
        from planner.storage import opportunities as opportunity_repo

        today = self.today()
        plan = self.plan

        def operation() -> Change:
            if item.kind is Kind.ACTION:
                action = activities.get_action(plan, item.record_id) or _gone(item)
                return sheet_ops.update_action(plan, dataclasses.replace(action, due=day), today)
            if item.kind is Kind.CALL:
                call = evidence.get_call_plan(plan, item.record_id) or _gone(item)
                moment = dt.datetime.combine(day, call.meeting_at.time())
                return green_sheet.update_call_plan(plan, dataclasses.replace(call, meeting_at=moment))
            if item.kind is Kind.CLOSE:
                return hygiene.change_close_dates(plan, [item.deal_id], day, today)
            deal = opportunity_repo.get_opportunity(plan, item.deal_id)
            reason = deal.snooze_reason if deal is not None and deal.snooze_reason else ""
            return ops.snooze_opportunity(
                plan, item.deal_id, day, reason or translate("AgendaView", RESCHEDULED_STALE), today
            )

        return self._run(
            translate("AgendaView", "Reschedule “{what}” ({deal}) to {date}").format(
                what=item.what, deal=item.deal, date=fmt.date(day)
            ),
            item.deal_id,
            operation,
            translate("AgendaView", "The row was not rescheduled"),
        )

    def reschedule_dialog(self, item: AgendaItem) -> QDialog:
        """The date picker of a reschedule: the project's date field, today or later."""
        from ui.hygiene_view import DateReasonDialog

        today = self.today()
        return DateReasonDialog(
            translate("AgendaView", "Reschedule"),
            translate("AgendaView", "A new day for “{what}” of “{deal}”.").format(
                what=item.what, deal=item.deal
            ),
            translate("AgendaView", "New &day"),
            max(item.day, today),
            today,
            self,
        )

    # Slots ------------------------------------------------------------------------------------
    @Slot()
    def _on_done_button_clicked(self) -> None:
        item = self.selected_item()
        if item is not None and self.done_button.isEnabled():
            self.mark_done(item)

    @Slot()
    def _on_reschedule_button_clicked(self) -> None:
        item = self.selected_item()
        if item is None or not self.reschedule_button.isEnabled():
            return
        from ui.hygiene_view import DateReasonDialog

        dialog = self.reschedule_dialog(item)
        if dialog.exec() == QDialog.DialogCode.Accepted and isinstance(dialog, DateReasonDialog):
            self.reschedule(item, dialog.values()[0])

    @Slot()
    def _on_open_button_clicked(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.opportunity_opened.emit(item.deal_id)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            self.opportunity_opened.emit(item.deal_id)

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if self.model.item_at(index.row()) is None:
            return
        self.table.selectRow(index.row())
        menu = self.row_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def row_menu(self) -> QMenu:
        """The context menu of the selected row: the same three edits as the buttons."""
        menu = QMenu(self)
        for button, slot in (
            (self.done_button, self._on_done_button_clicked),
            (self.reschedule_button, self._on_reschedule_button_clicked),
            (self.open_button, self._on_open_button_clicked),
        ):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(slot)
        return menu


def _gone(item: AgendaItem) -> NoReturn:
    from planner.errors import OperationError

    raise OperationError(translate("AgendaView", "“{what}” no longer exists.").format(what=item.what))
