"""The seller's side of coaching: answer the manager's coaching items (undoable)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from planner import coaching
from ui.commands import SwapCommand
from ui.session import EditSession

translate = QCoreApplication.translate


def answer_item(session: EditSession, item_id: int, answer: str) -> bool:
    """Mark a coaching item answered today (its action done); False, and the seller told, on failure."""
    plan = session.plan

    def make() -> QUndoCommand:
        before = coaching.item_state(plan, item_id)
        change = coaching.answer_item(plan, item_id, answer, session.clock.today())
        after = coaching.item_state(plan, item_id)
        session.apply_change(change)
        return SwapCommand(
            translate("CoachingActions", "Answer a coaching item"),
            partial(coaching.write_item_state, plan),
            before,
            after,
            session.apply_change,
        )

    return session.push(make, translate("CoachingActions", "The coaching item was not marked answered"))


def show_coaching_items(session: EditSession, parent: QWidget) -> None:
    """Plan → Coaching items…: the manager's open items, each answered from the dialog."""
    from ui.dialogs.coaching_dialog import CoachingItemsDialog

    dialog = CoachingItemsDialog(
        session.plan, lambda item_id, text: answer_item(session, item_id, text), parent
    )
    dialog.exec()
