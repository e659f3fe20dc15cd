"""Why a deal closes: the reason from the plan's list, the competitor and a note, as every dialog
that closes deals asks for them (planner.close_reasons; docs/close-reasons.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLineEdit, QWidget

from planner import close_reasons
from planner.i18n import QT_TRANSLATE_NOOP
from planner.model import FunnelLevel

translate = QCoreApplication.translate

# English sources; shown through translate("MoveDialog", ...) (the close dialog's wording).
CLOSE_PROMPTS = {
    FunnelLevel.WON: QT_TRANSLATE_NOOP("MoveDialog", "What did the customer sign or order?"),
    FunnelLevel.LOST: QT_TRANSLATE_NOOP("MoveDialog", "Lost to whom, and why?"),
    FunnelLevel.WALKED_AWAY: QT_TRANSLATE_NOOP("MoveDialog", "Why did we walk away?"),
}


class CloseReasonFields:
    """The three fields of a close, for a dialog's form: OK waits for `is_complete`."""

    def __init__(
        self,
        parent: QWidget,
        level: FunnelLevel,
        reasons: Sequence[str],
        competitors: Sequence[str],
        *,
        note: QLineEdit | None = None,
        note_hint: str = "",
    ) -> None:
        self.level = level
        self.choice = QComboBox(parent)
        self.competitor = QLineEdit(parent)
        self.competitor.setMaxLength(close_reasons.MAX_NAME)
        self.note = note if note is not None else QLineEdit(parent)
        self.note.setMaxLength(2000)
        prompt = CLOSE_PROMPTS.get(level)
        self.note.setPlaceholderText(
            note_hint or (translate("MoveDialog", prompt) if prompt else translate("MoveDialog", "Why?"))
        )
        won = level is FunnelLevel.WON
        # A won deal was not lost to a competitor: its competitor is the one we beat.
        offered = [c for c in reasons if not (won and c == close_reasons.COMPETITOR)]
        for code in [*offered, close_reasons.OTHER]:
            # The seller's own reason names are shown as text (a combo box never reads markup).
            self.choice.addItem(close_reasons.label(code), code)
        self.choice.setPlaceholderText(translate("MoveDialog", "Choose a reason"))
        self.choice.setCurrentIndex(-1)
        self.choice.setToolTip(
            translate(
                "MoveDialog",
                "Why the deal closed, from the plan's list (Edit → Close reasons…); "
                "the win/loss view in the Archive counts deals by it.",
            )
        )
        self.competitor.setPlaceholderText(
            translate("MoveDialog", "Who we beat (optional)")
            if won
            else translate("MoveDialog", "Who won, when a competitor won")
        )
        names = sorted({" ".join(c.split()) for c in competitors if c.strip()}, key=str.casefold)
        if names:
            completer = QCompleter(names, self.competitor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.competitor.setCompleter(completer)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(translate("MoveDialog", "&Reason"), self.choice)
        form.addRow(translate("MoveDialog", "Com&petitor"), self.competitor)
        form.addRow(translate("MoveDialog", "&Note"), self.note)

    def on_changed(self, slot: Callable[[], None]) -> None:
        """Call `slot` whenever one of the fields changes."""
        self.choice.currentIndexChanged.connect(slot)
        self.competitor.textChanged.connect(slot)
        self.note.textChanged.connect(slot)

    def values(self) -> tuple[str, str, str]:
        """The reason's code ("" while none is chosen), the competitor and the note, trimmed."""
        code = self.choice.currentData()
        return (
            str(code) if code is not None else "",
            " ".join(self.competitor.text().split()),
            self.note.text().strip(),
        )

    def is_complete(self) -> bool:
        """A reason chosen, and the competitor named when the reason says a competitor won."""
        code, competitor, note = self.values()
        if not code:
            return False
        try:
            close_reasons.check_close(self.level, code, competitor, note)
        except ValueError:
            return False
        return True
