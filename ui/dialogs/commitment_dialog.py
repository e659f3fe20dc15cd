"""Record what the customer committed to, on any day: a checklist item or their own words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner import evidence
from planner.operations import Change
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from ui.commands import Apply, OpportunityCommand, run_opportunity_operation
from ui.date_field import DateField

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Choice:
    """A checklist commitment the dialog offers: the stage whose item it is, and its text."""

    stage_id: int
    stage: str
    text: str


@dataclass(frozen=True, slots=True)
class CommitmentDraft:
    """What the seller entered: planner.evidence.record_commitment's arguments."""

    what: str
    committed_on: dt.date
    stage_id: int | None  # None: in the customer's own words
    who: str = ""
    evidence: str = ""


class CommitmentDialog(QDialog):
    """Which commitment (an open checklist item, or in the customer's words), when (today or
    earlier), who on the customer's side and the evidence; OK once it says what and when."""

    def __init__(
        self,
        title: str,
        choices: Sequence[Choice],
        people: Sequence[str],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CommitmentDialog", "Record customer commitment"))
        self.setMinimumWidth(460)
        heading = QLabel(
            translate("CommitmentDialog", "What did the customer of “{title}” commit to, and when?").format(
                title=title
            ),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.choice = QComboBox(self)
        for choice in choices:
            self.choice.addItem(
                translate("CommitmentDialog", "{stage}: {commitment}").format(
                    stage=choice.stage, commitment=choice.text
                ),
                choice,
            )
        # Last: anything else the customer did, as they would say it.
        self.choice.addItem(translate("CommitmentDialog", "In the customer's words…"), None)
        self.words = QLineEdit(self)
        self.words.setMaxLength(evidence.MAX_WHAT)
        self.words.setPlaceholderText(
            translate("CommitmentDialog", "e.g. agreed to a workshop with the plant managers")
        )
        # The customer committed today or earlier: never in the future.
        self.when = DateField(self, allow_empty=False, maximum=today)
        self.when.set_value(today)
        self.who = QComboBox(self)
        self.who.setEditable(True)
        self.who.addItem("")
        self.who.addItems(sorted(set(people), key=str.casefold))
        self.who.setCurrentIndex(0)
        line = self.who.lineEdit()
        if line is not None:
            line.setMaxLength(evidence.MAX_WHO)
            line.setPlaceholderText(translate("CommitmentDialog", "Optional: who on the customer's side"))
        self.evidence = QLineEdit(self)
        self.evidence.setMaxLength(2000)
        self.evidence.setPlaceholderText(
            translate("CommitmentDialog", "Optional: how it shows, e.g. her mail of Tuesday")
        )
        form = QFormLayout()
        form.addRow(translate("CommitmentDialog", "&Commitment"), self.choice)
        form.addRow(translate("CommitmentDialog", "In the customer's &words"), self.words)
        form.addRow(translate("CommitmentDialog", "&Date"), self.when)
        form.addRow(translate("CommitmentDialog", "W&ho"), self.who)
        form.addRow(translate("CommitmentDialog", "&Evidence"), self.evidence)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(self._on_input_changed)
        self.words.textChanged.connect(self._on_input_changed)
        self.when.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    def chosen(self) -> Choice | None:
        """The checklist item chosen, or None for the customer's own words."""
        data = self.choice.currentData()
        return data if isinstance(data, Choice) else None

    def _what(self) -> str:
        chosen = self.chosen()
        return chosen.text if chosen is not None else self.words.text().strip()

    def _is_complete(self) -> bool:
        return bool(self._what()) and self.when.is_valid()

    @Slot()
    def _on_input_changed(self) -> None:
        self.words.setEnabled(self.chosen() is None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._is_complete())

    def draft(self) -> CommitmentDraft:
        """What was entered (valid once the dialog is accepted)."""
        chosen = self.chosen()
        day = self.when.value()
        assert day is not None  # the field takes no empty date
        return CommitmentDraft(
            self._what(),
            day,
            chosen.stage_id if chosen is not None else None,
            self.who.currentText().strip(),
            self.evidence.text().strip(),
        )

    def accept(self) -> None:
        self.when.check()  # Enter accepts even while OK is disabled: say what is wrong with the date
        if self._is_complete():
            super().accept()


def commitment_dialog(
    plan: PlanDB, opportunity_id: int, today: dt.date, parent: QWidget | None = None
) -> CommitmentDialog | None:
    """The dialog for a deal (None when it no longer exists): its stage's open checklist items
    first, then those of the stages before it still unrecorded, and its buying influences' names."""
    deal = opportunity_repo.get_opportunity(plan, opportunity_id)
    if deal is None:
        return None
    checklists = evidence.stage_checklists(
        deal.stage_id, stage_repo.list_stages(plan), evidence_repo.list_commitments(plan, opportunity_id)
    )
    ordered = [c for c in checklists if c.current] + [c for c in checklists if not c.current]
    choices = [Choice(c.stage.id, c.stage.name, item.text) for c in ordered for item in c.open_items]
    names = []
    for influence in people_repo.list_influences(plan, opportunity_id):
        person = people_repo.get_person(plan, influence.person_id)
        if person is not None:
            names.append(person.name)
    return CommitmentDialog(deal.title, choices, names, today, parent)


def record_command(
    plan: PlanDB, opportunity_id: int, draft: CommitmentDraft, today: dt.date, apply: Apply
) -> OpportunityCommand:
    """Record the commitment (raising when it cannot be written) and return its undo command."""
    deal = opportunity_repo.get_opportunity(plan, opportunity_id)
    title = deal.title if deal is not None else str(opportunity_id)

    def operation() -> tuple[Change, int]:
        change = evidence.record_commitment(
            plan,
            opportunity_id,
            draft.what,
            draft.committed_on,
            draft.stage_id,
            draft.who,
            draft.evidence,
            today=today,
        )
        return change, opportunity_id

    text = translate("CommitmentDialog", "Record “{what}” for “{title}”").format(what=draft.what, title=title)
    return run_opportunity_operation(text, plan, opportunity_id, operation, apply)
