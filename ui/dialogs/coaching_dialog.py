"""The manager's coaching items in the seller's plan: the open ones listed, each marked answered here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import coaching
from planner.coaching import CoachingItem, ItemKind
from planner.storage.db import PlanDB
from ui import format as fmt

translate = QCoreApplication.translate

ITEM_ID = Qt.ItemDataRole.UserRole
# Answers a coaching item (its id, the answer's text): True when it was written.
Answer = Callable[[int, str], bool]


def item_text(item: CoachingItem) -> str:
    """One line per item: where it is, what it asks, when it is due and who asked."""
    where = item.deal or translate("CoachingItemsDialog", "Whole plan")
    text = translate("CoachingItemsDialog", "{where} · {kind}: {text}").format(
        where=where, kind=item.kind.label, text=item.text
    )
    if item.due is not None:
        text += translate("CoachingItemsDialog", " (due {date})").format(date=fmt.date(item.due))
    if item.reviewer:
        text += translate("CoachingItemsDialog", " — from {reviewer}").format(reviewer=item.reviewer)
    return text


class CoachingItemsDialog(QDialog):
    """The open coaching items; select one, write the answer (a question needs one), mark it answered."""

    def __init__(self, plan: PlanDB, answer: Answer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.answer = answer
        self.setWindowTitle(translate("CoachingItemsDialog", "Coaching items"))
        intro = QLabel(
            translate(
                "CoachingItemsDialog",
                "Your manager's questions and actions from the last reviews. Answer a question, or mark"
                " an action answered once it is done; the next review pack shows which are answered.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setAccessibleName(translate("CoachingItemsDialog", "Open coaching items"))
        self.items.setWordWrap(True)
        self.items.currentRowChanged.connect(self._on_items_current_row_changed)
        self.answer_editor = QPlainTextEdit(self)
        self.answer_editor.setAccessibleName(translate("CoachingItemsDialog", "Your answer"))
        self.answer_editor.setPlaceholderText(
            translate("CoachingItemsDialog", "Your answer (needed for a question)…")
        )
        self.answer_editor.setTabChangesFocus(True)
        self.answer_editor.setMaximumHeight(100)
        self.answer_button = QPushButton(translate("CoachingItemsDialog", "&Mark answered"), self)
        self.answer_button.clicked.connect(self._on_answer_button_clicked)
        self.empty = QLabel(translate("CoachingItemsDialog", "No open coaching items."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.answer_editor)
        layout.addWidget(self.answer_button)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.refresh()

    def refresh(self) -> None:
        """List the items not answered yet."""
        self.items.clear()
        for item in coaching.open_items(self.plan):
            row = QListWidgetItem(item_text(item))  # a QListWidget item shows its text as text
            row.setData(ITEM_ID, item.id)
            row.setData(Qt.ItemDataRole.UserRole + 1, item.kind.value)
            self.items.addItem(row)
        self.empty.setVisible(self.items.count() == 0)
        if self.items.count():
            self.items.setCurrentRow(0)
        self._on_items_current_row_changed()

    def selected_id(self) -> int:
        row = self.items.currentItem()
        return int(row.data(ITEM_ID)) if row is not None else 0

    @Slot()
    def _on_items_current_row_changed(self) -> None:
        row = self.items.currentItem()
        self.answer_button.setEnabled(row is not None)
        self.answer_editor.setEnabled(row is not None)

    @Slot()
    def _on_answer_button_clicked(self) -> None:
        row = self.items.currentItem()
        if row is None:
            return
        text = self.answer_editor.toPlainText()
        if row.data(Qt.ItemDataRole.UserRole + 1) == ItemKind.QUESTION.value and not text.strip():
            self.answer_editor.setFocus()
            self.answer_editor.setPlaceholderText(
                translate("CoachingItemsDialog", "Write your answer to the question first.")
            )
            return
        if self.answer(self.selected_id(), text):
            self.answer_editor.clear()
            self.refresh()
