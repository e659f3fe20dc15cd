"""Asks what justified a move: the customer commitment (forward), a reason (back, closing)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import QT_TRANSLATE_NOOP
from planner.model import FunnelLevel, Stage
from planner.operations import MoveDetails
from ui.date_field import DateField

translate = QCoreApplication.translate

# English sources; shown through translate("MoveDialog", ...).
CLOSE_PROMPTS = {
    FunnelLevel.WON: QT_TRANSLATE_NOOP("MoveDialog", "What did the customer sign or order?"),
    FunnelLevel.LOST: QT_TRANSLATE_NOOP("MoveDialog", "Lost to whom, and why?"),
    FunnelLevel.WALKED_AWAY: QT_TRANSLATE_NOOP("MoveDialog", "Why did we walk away?"),
}


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
        # The customer committed, or the deal closed, today or earlier: never in the future.
        self.when = DateField(self, allow_empty=False, maximum=today)
        self.when.set_value(today)
        self.when.textChanged.connect(self._on_input_changed)
        if kind == "forward":
            self.setWindowTitle(translate("MoveDialog", "Move to {stage}").format(stage=target.name))
            heading.setText(
                translate(
                    "MoveDialog",
                    "“{title}” moves from {source} to {target}. Which commitment did the customer make?",
                ).format(title=title, source=source.name, target=target.name)
            )
            for commitment in commitments:
                box = QCheckBox(commitment, self)
                box.toggled.connect(self._on_input_changed)
                self.checks.append(box)
                layout.addWidget(box)
            self.other.setPlaceholderText(
                translate("MoveDialog", "Another commitment, in the customer's words")
            )
            self.other.textChanged.connect(self._on_input_changed)
            form.addRow(translate("MoveDialog", "&Other"), self.other)
            form.addRow(translate("MoveDialog", "&When"), self.when)
        elif kind == "close":
            self.setWindowTitle(translate("MoveDialog", "Close as {stage}").format(stage=target.name))
            heading.setText(
                translate("MoveDialog", "“{title}” closes as {stage}.").format(title=title, stage=target.name)
            )
            prompt = CLOSE_PROMPTS.get(target.level)
            self.reason.setPlaceholderText(
                translate("MoveDialog", prompt) if prompt else translate("MoveDialog", "Why?")
            )
            self.reason.textChanged.connect(self._on_input_changed)
            form.addRow(translate("MoveDialog", "Actual &close date"), self.when)
            form.addRow(translate("MoveDialog", "&Reason"), self.reason)
        else:
            self.setWindowTitle(translate("MoveDialog", "Move back to {stage}").format(stage=target.name))
            heading.setText(
                translate("MoveDialog", "“{title}” moves back from {source} to {target}. Why?").format(
                    title=title, source=source.name, target=target.name
                )
            )
            self.reason.setPlaceholderText(
                translate("MoveDialog", "e.g. the economic buyer changed; evaluation restarts")
            )
            self.reason.textChanged.connect(self._on_input_changed)
            form.addRow(translate("MoveDialog", "&Reason"), self.reason)
        layout.addLayout(form)
        # Each kind uses some of the fields; the others would sit over the heading, unlaid-out.
        for field in (self.other, self.reason, self.when):
            if form.indexOf(field) < 0:
                field.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._on_input_changed()

    def details(self) -> MoveDetails:
        """What the seller entered (ValueError while the date is not one; `is_complete` says)."""
        if self.kind == "forward":
            said = [box.text() for box in self.checks if box.isChecked()]
            if self.other.text().strip():
                said.append(self.other.text().strip())
            return MoveDetails(commitment="; ".join(said), commitment_date=self.when.value())
        if self.kind == "close":
            return MoveDetails(reason=self.reason.text().strip(), closed_on=self.when.value())
        return MoveDetails(reason=self.reason.text().strip())

    def is_complete(self) -> bool:
        if self.kind != "backward" and not self.when.is_valid():
            return False
        details = self.details()
        return bool(details.commitment) if self.kind == "forward" else bool(details.reason)

    @Slot()
    def _on_input_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.is_complete())

    def accept(self) -> None:
        if self.is_complete():
            super().accept()
