"""The import preview's list of deals (new, updated old → new, vanished), the old-history
question, and the undo command that takes a whole import back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.exchange.import_review import DealOutcome, Outcome
from planner.i18n import QT_TRANSLATE_NOOP
from planner.operations import Change
from planner.storage import plan_delta
from planner.storage.db import PlanDB
from ui.commands import Apply, GuardedCommand
from ui.table_model import HeadedTableModel

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex


class OutcomesModel(HeadedTableModel):
    """One row per new deal, per changed field of an updated deal, and per vanished deal."""

    CONTEXT = "ImportReview"
    HEADERS = (
        QT_TRANSLATE_NOOP("ImportReview", "Deal"),
        QT_TRANSLATE_NOOP("ImportReview", "What"),
        QT_TRANSLATE_NOOP("ImportReview", "Field"),
        QT_TRANSLATE_NOOP("ImportReview", "Old"),
        QT_TRANSLATE_NOOP("ImportReview", "New"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[DealOutcome] = []

    def set_lines(self, lines: Sequence[DealOutcome]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Display only: a view shows it as plain text (a tooltip would read the CRM's text as markup).
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self.lines[index.row()]
        if line.outcome is Outcome.VANISHED and index.column() == 2:
            return translate("ImportReview", "no longer in the files; it stays in the plan")
        return (line.title, line.outcome.label, line.field, line.old, line.new)[index.column()]


def ask_closed_history_only(parent: QWidget) -> bool:
    """Ask about a file whose close dates are mostly over a year old; True: closed deals only."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("ImportReview", "Old data"))
    box.setText(
        translate("ImportReview", "Most close dates in these files are more than a year in the past.")
    )
    box.setInformativeText(
        translate(
            "ImportReview",
            "Bring in the closed history only (won and lost deals, for the forecast and the archive),"
            " or every deal, open ones on the board too?",
        )
    )
    closed = box.addButton(
        translate("ImportReview", "&Closed history only"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("ImportReview", "&Every deal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(closed)
    box.exec()
    return box.clickedButton() is closed


def delta_change(delta: plan_delta.PlanDelta, *, undo: bool) -> Change:
    """What taking a write back (or doing it again) changes on the board and in the views."""
    added: set[int] = set()
    removed: set[int] = set()
    changed: set[int] = set()
    for part in delta.tables:
        if part.table == "opportunity":
            added = {row[0] for row in part.added}
            removed = {row[0] for row in part.removed}
            changed = {old[0] for old, _new in part.changed}
    gone, back = (added, removed) if undo else (removed, added)
    return Change(
        opportunities=frozenset(back | changed),
        removed_opportunities=frozenset(gone),
        accounts_changed=True,
        stages_changed=True,
    )


class ImportCommand(GuardedCommand):
    """An import as one undo step: undo writes every row it changed back, redo writes it again.

    The import was written before the push; the first redo() (QUndoStack.push calls it) does nothing.
    """

    def __init__(self, plan: PlanDB, delta: plan_delta.PlanDelta, apply: Apply) -> None:
        super().__init__(translate("ImportReview", "Import from CRM"))
        self._plan = plan
        self._delta = delta
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guard(self._write_after)

    def undo(self) -> None:
        self._guard(self._write_before)

    def _write_before(self) -> None:
        plan_delta.undo(self._plan, self._delta)
        self._apply(delta_change(self._delta, undo=True))

    def _write_after(self) -> None:
        plan_delta.redo(self._plan, self._delta)
        self._apply(delta_change(self._delta, undo=False))
