"""Asks what justified a move: the customer commitment (forward), a reason (back, closing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

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

from planner import close_reasons
from planner.funnel import missing_text
from planner.model import Stage
from planner.operations import MoveDetails
from ui import format as fmt
from ui.date_field import DateField
from ui.dialogs.close_reason_fields import CloseReasonFields

translate = QCoreApplication.translate


class MoveDialog(QDialog):
    """One dialog for the three kinds of move; Cancel changes nothing.

    A forward move lists the checklist commitments it passes (`commitments`): those already on
    record (`recorded`: the day each was met) are shown ticked and dated and are not recorded
    again; a new tick is needed unless nothing that enters the target is missing
    (`entry_missing`, by default the passed ones not on record).
    """

    def __init__(
        self,
        kind: str,
        title: str,
        source: Stage,
        target: Stage,
        commitments: Sequence[str],
        today: dt.date,
        parent: QWidget | None = None,
        *,
        recorded: Mapping[str, dt.date] | None = None,
        entry_missing: Sequence[str] | None = None,
        reasons: Sequence[str] = close_reasons.DEFAULT_CODES,
        competitors: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.target = target
        self.recorded = dict(recorded or {})
        self.entry_missing = tuple(
            entry_missing if entry_missing is not None else [c for c in commitments if c not in self.recorded]
        )
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
        # Closing: the reason from the plan's list (planner.close_reasons), who won, and a note.
        self.close_fields = CloseReasonFields(self, target.level, reasons, competitors, note=self.reason)
        self.reason_choice = self.close_fields.choice
        self.competitor = self.close_fields.competitor
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
                day = self.recorded.get(commitment)
                box = QCheckBox(commitment, self)
                if day is not None:
                    # Already on record: shown as met, never recorded a second time.
                    box.setText(
                        translate("MoveDialog", "{commitment} (recorded {date})").format(
                            commitment=commitment, date=fmt.date(day)
                        )
                    )
                    box.setChecked(True)
                    box.setEnabled(False)
                box.setProperty("commitment", commitment)
                box.toggled.connect(self._on_input_changed)
                self.checks.append(box)
                layout.addWidget(box)
            # What the move leaves unrecorded: all on record already, or what Premature will name.
            self.evidence_note = QLabel(self)
            self.evidence_note.setTextFormat(Qt.TextFormat.PlainText)
            self.evidence_note.setWordWrap(True)
            self.evidence_note.setAccessibleName(translate("MoveDialog", "Evidence"))
            layout.addWidget(self.evidence_note)
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
            self.close_fields.on_changed(self._on_input_changed)
            form.addRow(translate("MoveDialog", "Actual &close date"), self.when)
            self.close_fields.add_rows(form)
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
        for field in (self.other, self.reason, self.when, self.reason_choice, self.competitor):
            if form.indexOf(field) < 0:
                field.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._on_input_changed()

    def new_commitments(self) -> list[str]:
        """The checklist commitments ticked now (not those already on record)."""
        return [str(box.property("commitment")) for box in self.checks if box.isChecked() and box.isEnabled()]

    def still_missing(self) -> list[str]:
        """What enters the target and would stay unrecorded after this move."""
        ticked = set(self.new_commitments())
        return [c for c in self.entry_missing if c not in ticked]

    def details(self) -> MoveDetails:
        """What the seller entered (ValueError while the date is not one; `is_complete` says)."""
        if self.kind == "forward":
            said = self.new_commitments()
            if self.other.text().strip():
                said.append(self.other.text().strip())
            return MoveDetails(commitment="; ".join(said), commitment_date=self.when.value())
        if self.kind == "close":
            code, competitor, note = self.close_fields.values()
            return MoveDetails(
                reason=note, closed_on=self.when.value(), reason_code=code, competitor=competitor
            )
        return MoveDetails(reason=self.reason.text().strip())

    def is_complete(self) -> bool:
        if self.kind != "backward" and not self.when.is_valid():
            return False
        details = self.details()
        if self.kind == "forward":
            return bool(details.commitment) or not self.entry_missing
        if self.kind == "close":
            return self.close_fields.is_complete()
        return bool(details.reason)

    @Slot()
    def _on_input_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.is_complete())
        if self.kind != "forward":
            return
        missing = self.still_missing()
        if not self.entry_missing:
            note = translate(
                "MoveDialog", "Every commitment that enters {stage} is on record: no new one is needed."
            ).format(stage=self.target.name)
        elif missing:
            note = translate("MoveDialog", "{stage} will show Premature: never recorded: {missing}").format(
                stage=self.target.name, missing=missing_text(missing)
            )
        else:
            note = ""
        self.evidence_note.setText(note)
        self.evidence_note.setVisible(bool(note))

    def accept(self) -> None:
        if self.is_complete():
            super().accept()
