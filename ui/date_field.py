"""The one field every typed date uses: the window's formats and ISO, a calendar, a visible refusal.

A line edit rather than a QDateEdit: a QDateEdit keeps a date at all times, so "no date" needs
a stand-in day and typing into its sections mixes digits with the stand-in's text. Here the text
is what the seller typed until it is read (`ui.format.parse_date`, the one rule for dates), and
text that is not a date is shown as refused (a red frame, the reason said under the field; see
ui.typed_field) and never replaced by some other date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QStyle, QVBoxLayout, QWidget

from ui import format as fmt
from ui.icons import icon
from ui.typed_field import TypedField

translate = QCoreApplication.translate

# What the calendar offers when the field sets no limit: the years the plan keeps (validation).
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class CalendarPopup(QFrame):
    """Qt's calendar in a popup under its field; a click or Enter on a day picks it, Escape closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        # Parented to the field: a table's editor stays open while its popup has the focus.
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(translate("DateField", "Calendar"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self.picked)
        self.calendar.activated.connect(self.picked)


class DateField(TypedField):
    """A typed date with a calendar button; empty is "no date" where `allow_empty`.

    `value()` reads the text (ValueError with the reason while it is not a date this field
    takes); `check()` shows that reason on the field. The text is checked when editing finishes
    (Enter, leaving the field); a picked day is written as text and announced by `date_picked`.
    """

    date_picked = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        allow_empty: bool = True,
        minimum: dt.date | None = None,
        maximum: dt.date | None = None,
    ) -> None:
        example = dt.date(2026, 12, 15)
        hint = translate(
            "DateField", "Type a date like {example} or {spoken}, or pick one in the calendar (F4)."
        ).format(example=fmt.edit_date(example), spoken=fmt.date(example))
        super().__init__(parent, hint)
        self.allow_empty = allow_empty
        self.minimum = minimum
        self.maximum = maximum
        self.popup: CalendarPopup | None = None
        self.setPlaceholderText(translate("DateField", "e.g. {date}").format(date=fmt.edit_date(example)))
        self.calendar_action = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setText(translate("DateField", "Calendar"))
        self.calendar_action.setToolTip(translate("DateField", "Pick the date in a calendar (F4)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.setClearButtonEnabled(allow_empty)

    # Reading and writing ------------------------------------------------------------------
    def value(self) -> dt.date | None:
        """The date typed (None: empty, where that is allowed); ValueError says what is wrong."""
        day = fmt.parse_date(self.text())
        if day is None:
            if not self.allow_empty:
                raise ValueError(translate("DateField", "Enter a date."))
            return None
        if self.minimum is not None and day < self.minimum:
            raise ValueError(
                translate("DateField", "The date cannot be before {date}.").format(
                    date=fmt.date(self.minimum)
                )
            )
        if self.maximum is not None and day > self.maximum:
            raise ValueError(
                translate("DateField", "The date cannot be after {date}.").format(date=fmt.date(self.maximum))
            )
        return day

    def set_value(self, value: dt.date | None) -> None:
        """Show `value` in the window's pattern ('' for no date)."""
        self.setText(fmt.edit_date(value))
        self._show_error("")

    def as_read(self) -> str:
        return fmt.edit_date(self.value())

    def fitting_width(self) -> int:
        """The width that shows a whole date beside the calendar and clear buttons: a table cell
        may be narrower than its editor needs."""
        text = self.fontMetrics().horizontalAdvance(fmt.edit_date(dt.date(2026, 12, 31)))
        button = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 10  # icon, padding, gap
        return text + 2 * button + 12  # the frame and text margins

    # The calendar ----------------------------------------------------------------------------
    @Slot()
    def show_calendar(self) -> None:
        """Open the calendar on the typed date, or on today when there is none (or no valid one)."""
        if self.isReadOnly() or not self.isEnabled():
            return
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._on_popup_picked)
        calendar = self.popup.calendar
        calendar.setDateRange(_qdate(self.minimum or EARLIEST), _qdate(self.maximum or LATEST))
        try:
            shown = self.value() or dt.date.today()
        except ValueError:
            shown = dt.date.today()
        calendar.setSelectedDate(_qdate(shown))  # clamped into the range by the calendar
        selected = calendar.selectedDate()
        calendar.setCurrentPage(selected.year(), selected.month())
        self.popup.adjustSize()
        self.popup.move(self._popup_position(self.popup.sizeHint().width(), self.popup.sizeHint().height()))
        self.popup.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _popup_position(self, width: int, height: int) -> QPoint:
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        x = min(max(below.x(), screen.left()), screen.right() - width)
        y = below.y()
        if y + height > screen.bottom():  # no room below: above the field
            y = self.mapToGlobal(QPoint(0, 0)).y() - height
        return QPoint(x, max(y, screen.top()))

    @Slot(QDate)
    def _on_popup_picked(self, day: QDate) -> None:
        if self.popup is not None:
            self.popup.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.set_value(dt.date(day.year(), day.month(), day.day()))
        self.date_picked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+Down and F4 open the calendar, as they open a combo box's list.
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or (event.key() == Qt.Key.Key_F4 and not event.modifiers()):
            self.show_calendar()
            return
        super().keyPressEvent(event)
