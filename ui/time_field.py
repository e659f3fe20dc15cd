"""A typed time of day, read by one rule (`ui.format.parse_time`) and refused visibly.

A line edit rather than a QTimeEdit: a QTimeEdit types into whichever section the click landed
in, so a seller who clicked once and typed "16:45" over "09:00" got 09:45, and "1645" changed
nothing. Here whatever is typed after entering the field replaces the time (the text is selected
on entry), "16:45", "1645" and "4:45 pm" read the same, and anything else is shown as refused.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ui import format as fmt
from ui.date_field import say_refusal, show_refusal

translate = QCoreApplication.translate

# Longer than any time anyone types ("12:30 p.m."), short enough to stay one line.
MAX_LENGTH = 16


class TimeField(QLineEdit):
    """A time of day; `value()` reads it (ValueError with the reason), `check()` shows the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = ""
        self.setMaxLength(MAX_LENGTH)
        example = dt.time(14, 30)
        self.setPlaceholderText(translate("TimeField", "e.g. {time}").format(time=fmt.edit_time(example)))
        self._hint = translate("TimeField", "Type a time like {time} or 2:30 pm.").format(
            time=fmt.edit_time(example)
        )
        self.setToolTip(self._hint)
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)

    def value(self) -> dt.time:
        """The time typed; ValueError says what is wrong."""
        return fmt.parse_time(self.text())

    def set_value(self, value: dt.time) -> None:
        self.setText(fmt.edit_time(value))
        self._show_error("")

    def check(self) -> bool:
        """Whether the text is a time; shows the reason on the field if not."""
        try:
            self.value()
        except ValueError as exc:
            self._show_error(str(exc))
            return False
        self._show_error("")
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason and not self.isReadOnly():
            # After the click has placed the cursor: what the seller types next replaces the time.
            QTimer.singleShot(0, self, self.selectAll)

    def _show_error(self, message: str) -> None:
        self.error = message
        show_refusal(self, message, self._hint)

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        if self.error:  # a refused text stops being marked the moment it reads as a time
            self.check()

    @Slot()
    def _on_editing_finished(self) -> None:
        if not self.check():
            say_refusal(self)
        elif fmt.edit_time(self.value()) != self.text():
            self.setText(fmt.edit_time(self.value()))  # "1645" shows as it was read: "16:45"
