"""The date field every typed date uses, driven by keys and clicks: formats, refusal, clearing, calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.date_field import DateField

TODAY = dt.date.today()
# A popup on the offscreen platform: Qt says it cannot raise it or grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard", extend=True
)


def _field(qtbot: QtBot, **options: object) -> tuple[QWidget, DateField]:
    """A shown window holding the field (and a neighbour to Tab to), the field focused."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field = DateField(window, **options)  # type: ignore[arg-type]
    layout.addWidget(field)
    layout.addWidget(DateField(window))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # focus events need an active window
    field.setFocus()
    return window, field


def _type(qtbot: QtBot, field: DateField, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, key)


def _button(field: DateField, action: QAction) -> QToolButton:
    buttons = [b for b in field.findChildren(QToolButton) if b.defaultAction() is action]
    assert len(buttons) == 1
    return buttons[0]


def _click_calendar_button(qtbot: QtBot, field: DateField) -> None:
    button = _button(field, field.calendar_action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert field.popup is not None
    qtbot.waitUntil(field.popup.isVisible)


def _day_cell(field: DateField, day: int) -> tuple[QTableView, QModelIndex]:
    """The calendar's cell showing `day` of the month on show (other months' days are greyed)."""
    assert field.popup is not None
    view = field.popup.calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    cells = [
        model.index(row, column)
        for row in range(1, model.rowCount())  # row 0: the weekday names
        for column in range(model.columnCount())
        if model.index(row, column).data() == day
    ]
    assert len(cells) == 1, cells
    return view, cells[0]


def test_iso_is_read_and_kept(qtbot: QtBot) -> None:
    _window, field = _field(qtbot)
    _type(qtbot, field, "2026-12-09")
    assert field.value() == dt.date(2026, 12, 9)
    assert field.text() == "2026-12-09"
    assert field.error == ""
    assert field.styleSheet() == ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9 Dec 2026", dt.date(2026, 12, 9)),  # as the window shows dates
        ("9 december 2026", dt.date(2026, 12, 9)),
        ("December 9, 2026", dt.date(2026, 12, 9)),
        ("12/9/2026", dt.date(2026, 12, 9)),  # the US short format, with the year in full
        ("31/01/2027", dt.date(2027, 1, 31)),  # only day-first makes a date of it
    ],
)
def test_the_locale_formats_are_read_and_shown_back_in_the_window_pattern(
    qtbot: QtBot, typed: str, expected: dt.date
) -> None:
    _window, field = _field(qtbot)
    _type(qtbot, field, typed, Qt.Key.Key_Tab)  # leaving the field finishes the edit too
    assert not field.hasFocus()
    assert field.value() == expected
    assert field.text() == expected.isoformat()  # how it was read, unmistakably


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize(
    "typed", ["09.12.2026", "9.12.2026", "9. Dez. 2026", "9. Dezember 2026", "2026-12-09"]
)
def test_german_dates_are_read(qtbot: QtBot, typed: str) -> None:
    _window, field = _field(qtbot)
    assert field.placeholderText() == "z. B. 15.12.2026"
    _type(qtbot, field, typed)
    assert field.value() == dt.date(2026, 12, 9)
    assert field.text() == "09.12.2026"


@pytest.mark.parametrize("typed", ["next week", "2026-02-30", "15.12.26", "1/2/27", "32/01/2027"])
def test_nonsense_is_refused_visibly_and_kept_for_correcting(qtbot: QtBot, typed: str) -> None:
    _window, field = _field(qtbot)
    _type(qtbot, field, typed)
    assert field.text() == typed  # never replaced by some other date
    with pytest.raises(ValueError, match="Date must look like 2026-12-15 or 15 Dec 2026"):
        field.value()
    assert field.error.startswith("Date must look like")
    assert field.toolTip() == field.error
    assert field.accessibleDescription() == field.error
    assert "border: 2px solid" in field.styleSheet()
    # Corrected: the mark goes as soon as the text reads as a date.
    _type(qtbot, field, "2027-01-31", Qt.Key.Key_End)
    assert field.error == ""
    assert field.styleSheet() == ""
    assert field.value() == dt.date(2027, 1, 31)


def test_half_a_date_is_not_marked_while_it_is_typed(qtbot: QtBot) -> None:
    _window, field = _field(qtbot)
    qtbot.keyClicks(field, "2026-1")
    assert field.error == ""
    assert field.styleSheet() == ""


def test_the_clear_button_empties_the_field_to_no_date(qtbot: QtBot) -> None:
    _window, field = _field(qtbot)
    field.set_value(dt.date(2026, 12, 9))
    clear = field.findChild(QAction, "_q_qlineeditclearaction")
    assert clear is not None
    button = _button(field, clear)
    qtbot.waitUntil(button.isVisible)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert field.text() == ""
    assert field.value() is None
    assert field.check()


def test_a_field_that_needs_a_date_refuses_empty_and_has_no_clear_button(qtbot: QtBot) -> None:
    _window, field = _field(qtbot, allow_empty=False)
    assert field.findChild(QAction, "_q_qlineeditclearaction") is None or not field.isClearButtonEnabled()
    _type(qtbot, field, "")
    assert not field.check()
    assert field.error == "Enter a date."


def test_limits_are_said_in_words(qtbot: QtBot) -> None:
    _window, field = _field(
        qtbot, allow_empty=False, minimum=dt.date(2026, 11, 26), maximum=dt.date(2026, 12, 31)
    )
    _type(qtbot, field, "2026-11-25")
    assert field.error == "The date cannot be before 26 Nov 2026."
    _type(qtbot, field, "2027-01-01")
    assert field.error == "The date cannot be after 31 Dec 2026."
    _type(qtbot, field, "2026-12-24")
    assert field.error == ""


def test_the_calendar_opens_on_the_typed_date(qtbot: QtBot) -> None:
    _window, field = _field(qtbot)
    field.set_value(dt.date(2027, 3, 15))
    _click_calendar_button(qtbot, field)
    assert field.popup is not None
    calendar = field.popup.calendar
    assert calendar.selectedDate().toPython() == dt.date(2027, 3, 15)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 3)
    # Below the field, not somewhere else on the screen.
    assert field.popup.geometry().top() >= field.mapToGlobal(field.rect().bottomLeft()).y()


@pytest.mark.parametrize("text", ["", "next week"])
def test_the_calendar_opens_on_today_without_a_date(qtbot: QtBot, text: str) -> None:
    _window, field = _field(qtbot)
    field.setText(text)
    qtbot.keyClick(field, Qt.Key.Key_F4)  # the keyboard's way in
    assert field.popup is not None
    qtbot.waitUntil(field.popup.isVisible)
    calendar = field.popup.calendar
    assert calendar.selectedDate().toPython() == TODAY
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: field.popup is not None and not field.popup.isVisible())
    assert field.text() == text  # Escape changes nothing


def test_clicking_a_day_in_the_calendar_writes_it(qtbot: QtBot) -> None:
    _window, field = _field(qtbot)
    field.set_value(dt.date(2027, 3, 15))
    _click_calendar_button(qtbot, field)
    view, cell = _day_cell(field, 20)
    with qtbot.waitSignal(field.date_picked):
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            view.visualRect(cell).center(),
        )
    assert field.popup is not None
    assert not field.popup.isVisible()
    assert field.text() == "2027-03-20"
    assert field.value() == dt.date(2027, 3, 20)
    assert field.hasFocus()


def test_the_calendar_keeps_to_the_limits(qtbot: QtBot) -> None:
    _window, field = _field(qtbot, allow_empty=False, maximum=dt.date(2027, 3, 18))
    field.set_value(dt.date(2027, 3, 15))
    _click_calendar_button(qtbot, field)
    view, cell = _day_cell(field, 20)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(cell).center(),
    )
    assert field.text() == "2027-03-15"  # a day after the maximum cannot be picked


def test_a_read_only_field_opens_no_calendar(qtbot: QtBot) -> None:
    _window, field = _field(qtbot)
    field.setReadOnly(True)
    qtbot.keyClick(field, Qt.Key.Key_F4)
    assert field.popup is None
