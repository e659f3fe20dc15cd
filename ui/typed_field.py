"""A line edit whose text is read by one rule, refused visibly and rewritten as it was read.

The date field (`ui.date_field`) and the time field (`ui.time_field`) are both this: the text
stays what the seller typed until it is read, a text that does not read is shown as refused (a
red frame, the reason said under the field at once) and never replaced by some other value, and
a text that reads is written back the window's way ("1645" becomes "16:45").
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

# The refused field's frame: red with 3:1 contrast (WCAG non-text) on light and on dark bases.
_REFUSED_LIGHT = "#c0392b"
_REFUSED_DARK = "#ff7b6e"


class TypedField(QLineEdit):
    """`value()` reads the text (ValueError with the reason); `check()` shows that reason.

    The text is checked when editing finishes (Enter, leaving the field); a refused text stops
    being marked the moment it reads, but a new mistake is only marked when editing finishes
    (half a date is not one while it is being typed). Subclasses give `value` and `as_read`.
    """

    def __init__(self, parent: QWidget | None, hint: str) -> None:
        super().__init__(parent)
        self.error = ""
        self._hint = hint
        self.setToolTip(hint)
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)

    def value(self) -> object:
        """The value typed; ValueError says what is wrong."""
        raise NotImplementedError

    def as_read(self) -> str:
        """The text of `value()` as the field shows it."""
        raise NotImplementedError

    def is_valid(self) -> bool:
        try:
            self.value()
        except ValueError:
            return False
        return True

    def check(self) -> bool:
        """Whether the text reads; shows the reason on the field if not."""
        try:
            self.value()
        except ValueError as exc:
            self._show_error(str(exc))
            return False
        self._show_error("")
        return True

    def _show_error(self, message: str) -> None:
        """Mark the field refused (a red frame, `message` as its tooltip), or not ('')."""
        self.error = message
        self.setToolTip(message or self._hint)
        self.setAccessibleDescription(message)
        if message:
            palette = self.palette()
            base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
            red = _REFUSED_DARK if base.lightnessF() < text.lightnessF() else _REFUSED_LIGHT
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {red}; border-radius: 3px; padding: 1px; }}")
        else:
            self.setStyleSheet("")

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        if self.error:
            self.check()

    @Slot()
    def _on_editing_finished(self) -> None:
        if not self.check():
            # Said under the field at once: the red frame alone left the reason to a tooltip
            # nobody hovered, and a dialog's OK was simply off. After the focus has moved on
            # (Tab): a tooltip hides when the focus changes.
            QTimer.singleShot(0, self, self._say_refusal)
            return
        shown = self.as_read()  # how the text was read: "31/01/2027" becomes "2027-01-31"
        if shown != self.text():
            self.setText(shown)

    @Slot()
    def _say_refusal(self) -> None:
        if self.error and self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.error, self)
