"""`ui.format.parse_time`: the one rule every typed time is read by."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from ui import format as fmt


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("16:45", dt.time(16, 45)),
        (" 16 : 45 ", dt.time(16, 45)),
        ("16.45", dt.time(16, 45)),
        ("16h45", dt.time(16, 45)),
        ("16h", dt.time(16, 0)),
        ("1645", dt.time(16, 45)),
        ("930", dt.time(9, 30)),
        ("9", dt.time(9, 0)),
        ("0:05", dt.time(0, 5)),
        ("4:45 pm", dt.time(16, 45)),
        ("4:45PM", dt.time(16, 45)),
        ("4 p.m.", dt.time(16, 0)),
        ("12 am", dt.time(0, 0)),
        ("12:30 pm", dt.time(12, 30)),
    ],
)
def test_a_typed_time_reads_as_meant(qapp: QApplication, typed: str, meant: dt.time) -> None:
    assert fmt.parse_time(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "25:00",
        "16:60",
        "13 pm",
        "0 am",
        "1:2",
        "12345",
        "16:45:00",
        "4 xm",
        "=1+2",
        "<b>9</b>",
        "9' OR 1=1",
    ],
)
def test_anything_else_is_refused_with_an_example(qapp: QApplication, typed: str) -> None:
    with pytest.raises(ValueError, match="Time must look like 14:30"):
        fmt.parse_time(typed)


def test_a_time_shows_in_the_windows_pattern(qapp: QApplication) -> None:
    assert fmt.edit_time(dt.time(7, 5)) == "07:05"
    assert fmt.parse_time(fmt.edit_time(dt.time(23, 59))) == dt.time(23, 59)
