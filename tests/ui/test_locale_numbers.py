"""Amounts and quantities read and written in the window's own marks (German: 120.000,50)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from ui import format as fmt
from ui.main_window import MainWindow


@pytest.mark.usefixtures("german")
def test_german_marks_are_read_and_written() -> None:
    assert fmt.amount(120000.5, "EUR") == "120.000,50 EUR"
    assert fmt.parse_amount("120.000") == 120000
    assert fmt.parse_amount("1.234,5") == 1234.5
    assert fmt.parse_quantity("2,5") == 2.5
    assert fmt.edit_number(120000.5) == "120000,5"
    with pytest.raises(ValueError, match=r"1\.5"):
        fmt.parse_amount("1.5")  # ambiguous in German: refused, never read as 15


def test_english_marks_are_unchanged() -> None:
    assert fmt.amount(120000.5, "EUR") == "120,000.50 EUR"
    assert fmt.parse_amount("120,000") == 120000
    assert fmt.edit_number(2.5) == "2.5"


@pytest.mark.usefixtures("german")
def test_the_german_deal_editor_keeps_the_amount_exact(qtbot: QtBot, demo_plan: PlanDB) -> None:
    window = MainWindow(demo_plan)
    qtbot.addWidget(window)
    deal = next(o for o in opportunity_repo.list_opportunities(demo_plan) if o.amount)
    dialog = window.deals.opportunity_dialog(deal.id)
    qtbot.addWidget(dialog)
    assert fmt.parse_amount(dialog.amount.text()) == deal.amount
    dialog.amount.setText("1.234.567,89")
    dialog.quantity.setText("2,5")
    dialog.accept()
    draft = dialog.draft()
    assert (draft.amount, draft.quantity) == (1234567.89, 2.5)
    assert (draft.title, draft.currency) == (deal.title, deal.currency)
    window.undo_stack.clear()
