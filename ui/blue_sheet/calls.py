"""The Blue Sheet's Calls section: a deal's upcoming and past call plans (Green Sheets)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from planner.green_sheet import in_list_order, is_upcoming
from planner.model import CallPlan
from ui import format as fmt
from ui.blue_sheet.colours import set_tone
from ui.blue_sheet.delegates import SheetListView
from ui.blue_sheet.sections import plain_label
from ui.plain import plain_tooltip

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
CALL_ROLE = Qt.ItemDataRole.UserRole + 1  # the CallPlan of a row


def call_title(call: CallPlan) -> str:
    """A call's title, or 'Meeting' when it has none."""
    return call.title or translate("CallListModel", "Meeting")


def call_status(call: CallPlan, today: dt.date) -> str:
    """'Upcoming', 'To debrief' (held, no debrief yet) or 'Debriefed 26 Nov 2026'."""
    if call.debriefed_on is not None:
        return translate("CallListModel", "Debriefed {date}").format(date=fmt.date(call.debriefed_on))
    if is_upcoming(call, today):
        return translate("CallListModel", "Upcoming")
    return translate("CallListModel", "To debrief")


class CallListModel(QAbstractListModel):
    """A deal's calls, two lines each (the dock is narrow): when and title, then the debrief.

    Upcoming ones come first, the soonest first, then past ones, the latest first.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.calls: list[CallPlan] = []
        self.today = dt.date.today()

    def set_calls(self, calls: Sequence[CallPlan], today: dt.date) -> None:
        self.beginResetModel()
        self.today = today
        self.calls = in_list_order(calls, today)
        self.endResetModel()

    def call(self, row: int) -> CallPlan | None:
        return self.calls[row] if 0 <= row < len(self.calls) else None

    def row_of(self, call_id: int) -> int:
        return next((row for row, c in enumerate(self.calls) if c.id == call_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.calls)

    def text(self, call: CallPlan) -> str:
        """'2026-12-09 14:30 · Kick-off' over 'Debriefed 10 Dec 2026 · Committed: …'."""
        first = translate("CallListModel", "{when} · {title}").format(
            when=fmt.date_time(call.meeting_at), title=call_title(call)
        )
        second = call_status(call, self.today)
        if call.debriefed_on is not None:
            got = call.debrief_commitment
            second = translate("CallListModel", "{status} · {commitment}").format(
                status=second,
                commitment=translate("CallListModel", "Committed: {text}").format(text=got)
                if got
                else translate("CallListModel", "No commitment"),
            )
        return f"{first}\n{second}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.calls):
            return None
        call = self.calls[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(call)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.text(call))
        if role == Qt.ItemDataRole.FontRole and is_upcoming(call, self.today):
            font = QFont()
            font.setBold(True)  # what is coming is what the seller prepares
            return font
        if role == CALL_ROLE:
            return call
        return None


class CallSection(QWidget):
    """The deal's calls with New call plan…, Open…, Debrief…, Print… and Delete."""

    new_requested = Signal()
    open_requested = Signal(int)  # call plan id
    debrief_requested = Signal(int)
    print_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CallListModel(self)
        self.list = SheetListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(translate("CallSection", "Calls"))
        self.list.doubleClicked.connect(self._on_list_double_clicked)
        self.list.delete_requested.connect(self._on_delete_clicked)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        hint = plain_label(
            self,
            translate(
                "CallSection",
                "A call plan (Green Sheet) for each customer meeting: who comes, what to ask, and the "
                "commitment to ask for. Debrief it after the meeting to record what the customer "
                "committed to.",
            ),
        )
        set_tone(hint, "muted")
        self.new = QPushButton(translate("CallSection", "&New call plan…"), self)
        self.new.setToolTip(translate("CallSection", "Plan a meeting with the customer (Insert)"))
        self.open = QPushButton(translate("CallSection", "&Open…"), self)
        self.open.setToolTip(translate("CallSection", "Open the selected call plan (double-click)"))
        self.debrief = QPushButton(translate("CallSection", "De&brief…"), self)
        self.debrief.setToolTip(
            translate(
                "CallSection",
                "Record what the customer committed to at the selected meeting, once it was held",
            )
        )
        self.print = QPushButton(translate("CallSection", "&Print…"), self)
        self.print.setToolTip(translate("CallSection", "Write the selected call plan as a one-page PDF"))
        self.delete = QPushButton(translate("CallSection", "&Delete"), self)
        self.delete.setToolTip(translate("CallSection", "Delete the selected call plan (Delete)"))
        self.new.clicked.connect(self.new_requested)
        self.open.clicked.connect(self._on_open_clicked)
        self.debrief.clicked.connect(self._on_debrief_clicked)
        self.print.clicked.connect(self._on_print_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        # Two rows: five buttons in one would not fit a 360-pixel dock (less so in German).
        for row in ((self.new, self.debrief), (self.open, self.print, self.delete)):
            buttons = QHBoxLayout()
            for button in row:
                buttons.addWidget(button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        self._editable = True
        self._update()

    def load(self, calls: Sequence[CallPlan], today: dt.date) -> None:
        """Show the calls; the selected one stays selected."""
        current = self.current_call()
        self.model.set_calls(calls, today)
        row = self.model.row_of(current.id) if current is not None else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._update()

    def current_call(self) -> CallPlan | None:
        index = self.list.currentIndex()
        return self.model.call(index.row()) if index.isValid() else None

    def select_call(self, call_id: int) -> bool:
        row = self.model.row_of(call_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update()

    def _update(self) -> None:
        call = self.current_call()
        chosen = call is not None
        self.new.setEnabled(self._editable)
        self.open.setEnabled(chosen)  # read-only plans still open (and print) their calls
        self.print.setEnabled(chosen)
        # A meeting is debriefed once it was held: from its day on.
        held = call is not None and call.meeting_at.date() <= self.model.today
        self.debrief.setEnabled(held and self._editable)
        self.delete.setEnabled(chosen and self._editable)

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update()

    @Slot(QModelIndex)
    def _on_list_double_clicked(self, index: QModelIndex) -> None:
        call = self.model.call(index.row())
        if call is not None:
            self.open_requested.emit(call.id)

    def _emit_current(self, signal: Any) -> None:
        call = self.current_call()
        if call is not None:
            signal.emit(call.id)

    @Slot()
    def _on_open_clicked(self) -> None:
        self._emit_current(self.open_requested)

    @Slot()
    def _on_debrief_clicked(self) -> None:
        self._emit_current(self.debrief_requested)

    @Slot()
    def _on_print_clicked(self) -> None:
        self._emit_current(self.print_requested)

    @Slot()
    def _on_delete_clicked(self) -> None:
        if self._editable:
            self._emit_current(self.delete_requested)
