"""Record a forecast call: Commit and Best Case for the current and the next quarter, and a comment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.forecast_calls import CallEntry, Proposal, check_entry
from planner.operations import OperationError
from ui import format as fmt
from ui import plain

translate = QCoreApplication.translate


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ForecastCallDialog(QDialog):
    """One row per quarter: the planner's proposal beside the seller's Commit and Best Case."""

    def __init__(self, proposals: Sequence[Proposal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ForecastCallDialog", "Record forecast call"))
        self.proposals = tuple(proposals)
        intro = _plain_label(
            translate(
                "ForecastCallDialog",
                "What do you expect to have won by the end of each quarter? Commit: what you are sure"
                " of. Best Case: what could come in if things go well. Both include what is won"
                " already; the figures proposed come from the deals' forecast categories.",
            ),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        for column, heading in enumerate(
            (
                translate("ForecastCallDialog", "Quarter"),
                translate("ForecastCallDialog", "Won so far"),
                translate("ForecastCallDialog", "Commit"),
                translate("ForecastCallDialog", "Best Case"),
            )
        ):
            title = _plain_label(heading, self)
            title.setStyleSheet("font-weight: 600;")
            grid.addWidget(title, 0, column)
        self.commit_edits: list[QLineEdit] = []
        self.best_case_edits: list[QLineEdit] = []
        for row, proposal in enumerate(self.proposals, start=1):
            label = proposal.quarter.label
            grid.addWidget(_plain_label(label, self), row, 0)
            grid.addWidget(_plain_label(fmt.amount(round(proposal.won), proposal.currency), self), row, 1)
            for column, (edits, value, name, tip) in enumerate(
                (
                    (
                        self.commit_edits,
                        proposal.commit,
                        translate("ForecastCallDialog", "Commit for {quarter}"),
                        translate(
                            "ForecastCallDialog",
                            "Proposed: won + the deals in Commit = {amount}",
                        ),
                    ),
                    (
                        self.best_case_edits,
                        proposal.best_case,
                        translate("ForecastCallDialog", "Best Case for {quarter}"),
                        translate(
                            "ForecastCallDialog",
                            "Proposed: won + the deals in Commit and Best Case = {amount}",
                        ),
                    ),
                ),
                start=2,
            ):
                edit = QLineEdit(fmt.edit_number(round(value)), self)
                edit.setAccessibleName(name.format(quarter=label))
                edit.setToolTip(tip.format(amount=fmt.amount(round(value), proposal.currency)))
                edit.setMinimumWidth(120)
                edits.append(edit)
                grid.addWidget(edit, row, column)
            grid.addWidget(_plain_label(proposal.currency, self), row, 4)
        self.comment = QPlainTextEdit(self)
        self.comment.setAccessibleName(translate("ForecastCallDialog", "Comment"))
        self.comment.setPlaceholderText(
            translate("ForecastCallDialog", "e.g. the Acme renewal moved to Commit after the budget meeting")
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(90)
        comment_label = QLabel(translate("ForecastCallDialog", "C&omment:"), self)
        comment_label.setBuddy(self.comment)
        note = _plain_label(
            translate(
                "ForecastCallDialog",
                "A second call on the same day replaces the first. Undo removes the call.",
            ),
            self,
        )
        note.setStyleSheet("color: #546e7a;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("ForecastCallDialog", "&Record call")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._entries: tuple[CallEntry, ...] = ()

    def _read(self) -> tuple[CallEntry, ...]:
        """The calls as typed; ValueError (OperationError) says what is wrong."""
        comment = self.comment.toPlainText().strip()
        entries = []
        for proposal, commit_edit, best_edit in zip(
            self.proposals, self.commit_edits, self.best_case_edits, strict=True
        ):
            commit = fmt.parse_amount(commit_edit.text())
            best_case = fmt.parse_amount(best_edit.text())
            if commit is None or best_case is None:
                raise ValueError(
                    translate("ForecastCallDialog", "Enter a Commit and a Best Case for {quarter}.").format(
                        quarter=proposal.quarter.label
                    )
                )
            entry = CallEntry(proposal.quarter, commit, best_case, comment)
            check_entry(entry)
            entries.append(entry)
        return tuple(entries)

    def entries(self) -> tuple[CallEntry, ...]:
        """The calls the seller accepted."""
        return self._entries

    def accept(self) -> None:
        try:
            self._entries = self._read()
        except (ValueError, OperationError) as exc:
            plain.warning(self, translate("ForecastCallDialog", "The call was not recorded"), str(exc))
            return
        super().accept()
