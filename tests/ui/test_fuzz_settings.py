"""Fuzzing the settings the window reads: any value stored by hand, the window still opens."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from planner.demo import populate_demo
from planner.storage.db import open_memory
from tests.conftest import TODAY
from tests.planner.test_fuzz_files import SHAPES, STORED, store
from ui.main_window import MainWindow


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.dictionaries(st.sampled_from(sorted(SHAPES)), STORED, min_size=1))
def test_the_window_opens_whatever_the_settings_hold(qtbot: QtBot, values: dict[str, str]) -> None:
    plan = open_memory()
    try:
        populate_demo(plan, TODAY)
        store(plan, values)
        window = MainWindow(plan)
        qtbot.addWidget(window)
        window.show()
        # The columns still add up: a bad rate or currency never reaches a total.
        for column in window.controller.columns:
            totals = window.controller.totals(column.id)
            assert totals.currency == window.controller.base_currency
            assert math.isfinite(totals.amount)
            assert math.isfinite(totals.weighted)
        assert window.windowTitle().endswith("Opportunity Planner")
        window.close()
    finally:
        plan.close()
