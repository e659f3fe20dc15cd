"""The Blue Sheet's Commitments section: the stage checklists as met or not, and the records."""

from __future__ import annotations

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
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from planner.evidence import StageChecklist
from planner.model import Commitment
from ui import format as fmt
from ui.blue_sheet.colours import TONE_PROPERTY, set_tone
from ui.blue_sheet.delegates import SheetListView
from ui.plain import plain_tooltip

translate = QCoreApplication.translate

COMMITMENT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class CommitmentListModel(QAbstractListModel):
    """A deal's commitment records, the latest first: what, when, whose checklist, who, evidence."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Commitment] = []
        self._stages: dict[int, str] = {}

    def set_commitments(self, records: Sequence[Commitment], stage_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._stages = dict(stage_names)
        self.endResetModel()

    def commitment(self, row: int) -> Commitment | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def text(self, c: Commitment) -> str:
        """'3 Dec 2026 · Shared decision criteria' over 'Evaluating's checklist · Maria Keller · her mail'."""
        first = translate("CommitmentListModel", "{date} · {what}").format(
            date=fmt.date(c.committed_on), what=c.what
        )
        stage = self._stages.get(c.stage_id) if c.stage_id is not None else None
        details = [
            translate("CommitmentListModel", "{stage}'s checklist").format(stage=stage)
            if stage is not None
            else translate("CommitmentListModel", "In the customer's words")
        ]
        details += [text for text in (c.who, c.evidence) if text]
        return f"{first}\n{' · '.join(details)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.text(record))  # the customer's words, as text
        if role == COMMITMENT_ROLE:
            return record
        return None


class CommitmentSection(QWidget):
    """For the deal's stage and the stages before it, each checklist commitment: ✓ and the day it
    was met, or "not yet"; below, every record, the latest first, to remove a mistaken one."""

    record_requested = Signal()
    remove_requested = Signal(int)  # a commitment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.checklist_box = QGroupBox(translate("CommitmentSection", "Stage checklist"), inner)
        self.checklist_box.setAccessibleName(translate("CommitmentSection", "Stage checklist"))
        self._checklist = QVBoxLayout(self.checklist_box)
        # The lines shown; the labels are kept and reused by the next deal's checklist (a new
        # label and style sheet per line and per load made every selection slower).
        self.checklist_lines: list[QLabel] = []
        self._labels: list[QLabel] = []
        layout.addWidget(self.checklist_box)
        self.record = QPushButton(translate("CommitmentSection", "Record customer &commitment…"), inner)
        self.record.setToolTip(
            translate(
                "CommitmentSection",
                "What the customer did, on any day: a checklist item or in their words."
                " Stale counts from it.",
            )
        )
        self.record.clicked.connect(self.record_requested)
        self.remove = QPushButton(translate("CommitmentSection", "&Remove"), inner)
        self.remove.setToolTip(translate("CommitmentSection", "Remove the selected commitment (Delete)"))
        self.remove.clicked.connect(self._on_remove_clicked)
        # Both above the list: in a short dock the list scrolls, the buttons stay in view.
        buttons = QHBoxLayout()
        buttons.addWidget(self.record)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        recorded = QGroupBox(translate("CommitmentSection", "Recorded commitments, the latest first"), inner)
        box = QVBoxLayout(recorded)
        self.model = CommitmentListModel(self)
        self.list = SheetListView(recorded)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(translate("CommitmentSection", "Recorded commitments"))
        self.list.setMinimumHeight(120)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.list.delete_requested.connect(self._on_remove_clicked)
        box.addWidget(self.list)
        layout.addWidget(recorded, 1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        self._editable = True
        self._update()

    def load(
        self, checklists: Sequence[StageChecklist], records: Sequence[Commitment], stage_names: dict[int, str]
    ) -> None:
        """Show a deal's checklists and records (the selection stays on the same record)."""
        self.checklist_lines = []
        for checklist in checklists:
            heading = (
                translate("CommitmentSection", "{stage} (now): to leave it")
                if checklist.current
                else translate("CommitmentSection", "{stage}: to get past it")
            ).format(stage=checklist.stage.name)
            self._add_line(heading, "", bold=True)
            if not checklist.items:
                self._add_line(
                    translate("CommitmentSection", "No checklist: Stage settings define one."), "muted"
                )
            for item in checklist.items:
                if item.met_on is not None:
                    text = translate("CommitmentSection", "\u2713 {commitment}: {date}").format(
                        commitment=item.text, date=fmt.date(item.met_on)
                    )
                    self._add_line(text, "passed")
                else:
                    text = translate("CommitmentSection", "\u2022 {commitment}: not yet").format(
                        commitment=item.text
                    )
                    self._add_line(text, "" if checklist.current else "failed")
        if not checklists:
            self._add_line(translate("CommitmentSection", "The plan has no open stage."), "muted")
        for line in self._labels[len(self.checklist_lines) :]:
            line.hide()
        current = self.current_commitment()
        self.model.set_commitments(records, stage_names)
        if current is not None:
            row = next((r for r, c in enumerate(records) if c.id == current.id), -1)
            if row >= 0:
                self.list.setCurrentIndex(self.model.index(row, 0))
        self._update()

    def _add_line(self, text: str, tone: str, *, bold: bool = False) -> None:
        if len(self.checklist_lines) < len(self._labels):
            line = self._labels[len(self.checklist_lines)]
        else:
            line = QLabel(self.checklist_box)
            line.setTextFormat(Qt.TextFormat.PlainText)  # checklist texts are the seller's
            line.setWordWrap(True)
            self._checklist.addWidget(line)
            self._labels.append(line)
        line.setText(text)
        if line.property(TONE_PROPERTY) != tone:
            set_tone(line, tone)
        font = line.font()
        font.setBold(bold)
        line.setFont(font)
        line.show()
        self.checklist_lines.append(line)

    def lines(self) -> list[str]:
        """The checklist as shown, line by line."""
        return [line.text() for line in self.checklist_lines]

    def current_commitment(self) -> Commitment | None:
        index = self.list.currentIndex()
        return self.model.commitment(index.row()) if index.isValid() else None

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update()

    def _update(self) -> None:
        self.record.setEnabled(self._editable)
        self.remove.setEnabled(self._editable and self.current_commitment() is not None)

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update()

    @Slot()
    def _on_remove_clicked(self) -> None:
        record = self.current_commitment()
        if record is not None and self._editable:
            self.remove_requested.emit(record.id)
