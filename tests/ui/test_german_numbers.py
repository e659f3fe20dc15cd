"""planner's sentences write numbers with the window's marks: 1.491.880 EUR in German."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner import forecast_operations as fops
from planner import i18n
from planner.storage.db import PlanDB
from tests.ui.forecast_support import Window
from ui.forecast_view import ForecastView
from ui.i18n import install_language

GERMAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)")
ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)")


def _summary(qtbot: QtBot, plan: PlanDB) -> str:
    window = Window(plan)
    view = ForecastView(window.session)
    qtbot.addWidget(view)
    view.show()
    return view.notes.text()


def test_the_german_forecast_summary_groups_thousands_with_dots(
    qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB
) -> None:
    fops.set_targets(demo_plan, {"2026Q4": 1_491_880})
    english = _summary(qtbot, demo_plan)
    assert "Target 1,491,880 EUR" in english
    try:
        assert install_language(qapp, "de")
        assert i18n.format_number(1234.5, 1) == "1.234,5"
        german = _summary(qtbot, demo_plan)
        with i18n.english():  # the exports and the command line keep English marks
            assert i18n.format_number(1_491_880) == "1,491,880"
    finally:
        install_language(qapp, "en")
    assert "1.491.880 EUR" in german
    assert GERMAN_THOUSANDS.search(german)
    assert not ENGLISH_THOUSANDS.search(german), german
    assert i18n.format_number(1_491_880) == "1,491,880"  # English marks again with English
