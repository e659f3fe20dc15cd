"""Stage settings and currencies from the window: dialogs, headers, undo to the exact state."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.model import OpportunityDraft
from planner.storage import stages as stage_repo
from tests.planner.test_stage_settings import full_dump
from ui.dialogs.currency_dialog import CurrencyDialog
from ui.dialogs.stage_settings import StageSettingsDialog
from ui.main_window import MainWindow


def test_stage_dialog_edits_reorders_and_deletes_with_a_target(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts = {window.controller.columns[1].id: 8}
    dialog = StageSettingsDialog(window.controller.stages, counts, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 7
    dialog.list.setCurrentRow(2)
    dialog.name.setText("Solution fit")
    dialog.stale.setValue(10)
    dialog.commitments.setPlainText("Shared criteria\n\nAgreed a pilot\n")
    dialog.move_stage(-1)
    rows = dialog.rows()
    assert [r.spec.name for r in rows[:3]] == ["Prospect", "Solution fit", "Qualified"]
    assert rows[1].spec.exit_commitments == ("Shared criteria", "Agreed a pilot")
    assert rows[1].spec.stale_after_days == 10
    dialog.list.setCurrentRow(2)  # Qualified, which holds deals
    monkeypatch.setattr(dialog, "ask_target", lambda name, deals, choices: None)
    dialog.remove_stage()  # cancelled: stays
    assert dialog.list.count() == 7
    monkeypatch.setattr(dialog, "ask_target", lambda name, deals, choices: choices.index("Solution fit"))
    dialog.remove_stage()
    assert dialog.list.count() == 6
    assert dialog.reassign() == {window.controller.columns[1].id: window.controller.columns[2].id}
    dialog.name.setText("")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "name" in dialog.error.text()


def test_stage_change_rebuilds_the_board_and_undo_restores_everything(window: MainWindow) -> None:
    before = full_dump(window.plan)
    dialog = StageSettingsDialog(window.controller.stages, {}, window)
    rows = dialog.rows()
    qualified, evaluating = rows[1].id, rows[2].id
    assert qualified is not None
    assert evaluating is not None
    remaining = [r for r in rows if r.id != qualified]
    assert window.plan_actions.save_stage_settings(remaining, {qualified: evaluating})
    assert [c.stage.name for c in window.board.columns.values()] == ["Prospect", "Evaluating", "Committed"]
    assert [b.text() for b in window.board.band_labels] == ["Above the Funnel", "In the Funnel", "Best Few"]
    assert window.board.column_for(evaluating).summary.text().startswith("16 deals")
    window.undo_stack.undo()
    assert full_dump(window.plan) == before
    assert [c.stage.name for c in window.board.columns.values()] == [
        "Prospect",
        "Qualified",
        "Evaluating",
        "Committed",
    ]
    window.undo_stack.redo()
    retired = stage_repo.get_stage(window.plan, qualified)
    assert retired is not None
    assert retired.retired
    dialog.deleteLater()


def test_currencies_change_headers_and_unknown_ones_stay_apart(window: MainWindow, qtbot: QtBot) -> None:
    stage = window.controller.columns[0]
    window.deals.create_opportunity(
        OpportunityDraft("Swiss deal", None, stage.id, amount=50_000.0, currency="CHF")
    )
    header = window.board.column_for(stage.id).summary.text()
    assert "+ 50k CHF" in header  # no rate: shown apart, never added
    before = full_dump(window.plan)
    assert window.plan_actions.save_currencies("EUR", {"USD": 0.92, "GBP": 1.17, "CHF": 1.05})
    assert "CHF" not in window.board.column_for(stage.id).summary.text()
    window.undo_stack.undo()
    assert full_dump(window.plan) == before
    assert "+ 50k CHF" in window.board.column_for(stage.id).summary.text()
    dialog = CurrencyDialog("EUR", {"USD": 0.92}, window)
    qtbot.addWidget(dialog)
    assert dialog.values() == ("EUR", {"USD": 0.92})
    dialog.table.item(0, 1).setText("lots")  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="USD"):
        dialog.values()
    dialog.accept()
    assert "USD" in dialog.error.text()
