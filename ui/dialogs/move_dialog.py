"""Asks what justified a move: the customer commitment (forward), a reason (back, closing)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.model import FunnelLevel, Stage
from planner.operations import MoveDetails

CLOSE_PROMPTS = {
    FunnelLevel.WON: "What did the customer sign or order?",
    FunnelLevel.LOST: "Lost to whom, and why?",
    FunnelLevel.WALKED_AWAY: "Why did we walk away?",
}


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class MoveDialog(QDialog):
    """One dialog for the three kinds of move; Cancel changes nothing."""

    def __init__(
        self,
        kind: str,
        title: str,
        source: Stage,
        target: Stage,
        commitments: tuple[str, ...],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.checks: list[QCheckBox] = []
        self.other = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(2000)
        self.when = QDateEdit(to_qdate(today), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd")
        self.when.setMaximumDate(to_qdate(today))
        if kind == "forward":
            self.setWindowTitle(f"Move to {target.name}")
            heading.setText(
                f"“{title}” moves from {source.name} to {target.name}. "
                "Which commitment did the customer make?"
            )
            for commitment in commitments:
                box = QCheckBox(commitment, self)
                box.toggled.connect(self._on_input_changed)
                self.checks.append(box)
                layout.addWidget(box)
            self.other.setPlaceholderText("Another commitment, in the customer's words")
            self.other.textChanged.connect(self._on_input_changed)
            form.addRow("&Other", self.other)
            form.addRow("&When", self.when)
        elif kind == "close":
            self.setWindowTitle(f"Close as {target.name}")
            heading.setText(f"“{title}” closes as {target.name}.")
            self.reason.setPlaceholderText(CLOSE_PROMPTS.get(target.level, "Why?"))
            self.reason.textChanged.connect(self._on_input_changed)
            form.addRow("Actual &close date", self.when)
            form.addRow("&Reason", self.reason)
        else:
            self.setWindowTitle(f"Move back to {target.name}")
            heading.setText(f"“{title}” moves back from {source.name} to {target.name}. Why?")
            self.reason.setPlaceholderText("e.g. the economic buyer changed; evaluation restarts")
            self.reason.textChanged.connect(self._on_input_changed)
            form.addRow("&Reason", self.reason)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._on_input_changed()

    def details(self) -> MoveDetails:
        """What the seller entered."""
        if self.kind == "forward":
            said = [box.text() for box in self.checks if box.isChecked()]
            if self.other.text().strip():
                said.append(self.other.text().strip())
            return MoveDetails(commitment="; ".join(said), commitment_date=from_qdate(self.when.date()))
        if self.kind == "close":
            return MoveDetails(reason=self.reason.text().strip(), closed_on=from_qdate(self.when.date()))
        return MoveDetails(reason=self.reason.text().strip())

    def is_complete(self) -> bool:
        details = self.details()
        return bool(details.commitment) if self.kind == "forward" else bool(details.reason)

    @Slot()
    def _on_input_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.is_complete())

    def accept(self) -> None:
        if self.is_complete():
            super().accept()
