"""A typed time of day, read by one rule (`ui.format.parse_time`) and refused visibly (ui.typed_field).

A line edit rather than a QTimeEdit: a QTimeEdit types into whichever section the click landed
in, so a seller who clicked once and typed "16:45" over "09:00" got 09:45, and "1645" changed
nothing. Here whatever is typed after entering the field replaces the time (the text is selected
on entry), "16:45", "1645" and "4:45 pm" read the same, and anything else is shown as refused.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QWidget

from ui import format as fmt
from ui.typed_field import TypedField

translate = QCoreApplication.translate

# Longer than any time anyone types ("12:30 p.m."), short enough to stay one line.
MAX_LENGTH = 16


class TimeField(TypedField):
    """A time of day; `value()` reads it (ValueError with the reason), `check()` shows the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        example = dt.time(14, 30)
        hint = translate("TimeField", "Type a time like {time} or 2:30 pm.").format(
            time=fmt.edit_time(example)
        )
        super().__init__(parent, hint)
        self.setMaxLength(MAX_LENGTH)
        self.setPlaceholderText(translate("TimeField", "e.g. {time}").format(time=fmt.edit_time(example)))

    def value(self) -> dt.time:
        """The time typed; ValueError says what is wrong."""
        return fmt.parse_time(self.text())

    def as_read(self) -> str:
        return fmt.edit_time(self.value())  # "1645" shows as it was read: "16:45"

    def set_value(self, value: dt.time) -> None:
        self.setText(fmt.edit_time(value))
        self._show_error("")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason and not self.isReadOnly():
            # After the click has placed the cursor: what the seller types next replaces the time.
            QTimer.singleShot(0, self, self.selectAll)
