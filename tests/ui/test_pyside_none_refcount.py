"""Regression guard: PySide6 6.12.0 on Python < 3.12 drops a reference to None per void call."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_methods_keep_none_refcount_stable(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm-up")
    label.update()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i))  # returns nothing: the broken binding leaks a None reference here
        label.update()
    after = sys.getrefcount(None)
    # A leak would show as 40,000 fewer references; small drift from unrelated code is allowed.
    assert abs(after - before) < 100, (before, after)
