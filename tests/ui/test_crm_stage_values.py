"""Stage settings: the seller picks the CRM stage value of a plan stage the CRM has no value for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from planner import operations as ops
from planner.exchange.crm import CrmProfile
from planner.exchange.crm_export import CrmExportRefusedError, chosen_stage_map, crm_csv
from planner.operations import MoveDetails
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.crm_round_trip import rows_of
from tests.planner.import_support import TODAY, deals, run
from tests.planner.test_crm_round_trip import SALESFORCE
from tests.ui import window_driver as drive
from ui.main_window import MainWindow

LABEL = "Salesforce stage value"


def _pick_value(dialog: QWidget, stage: str, value: str, seen: dict[str, str]) -> None:
    stages = dialog.findChild(QListWidget)
    assert stages is not None
    row = next(i for i in range(stages.count()) if stages.item(i).text().startswith(f"{stage}  ("))
    drive.click(stages.viewport(), stages.visualItemRect(stages.item(row)).center())
    combo = drive.named(dialog, LABEL, QComboBox)
    assert isinstance(combo, QComboBox)
    seen[stage] = combo.currentText()
    drive.choose_in_combo(combo, combo.findText(value) - combo.currentIndex())
    seen["picked"] = combo.currentText()


def _look_at(dialog: QWidget, stage: str, seen: dict[str, str]) -> None:
    stages = dialog.findChild(QListWidget)
    assert stages is not None
    row = next(i for i in range(stages.count()) if stages.item(i).text().startswith(f"{stage}  ("))
    drive.click(stages.viewport(), stages.visualItemRect(stages.item(row)).center())
    combo = drive.named(dialog, LABEL, QComboBox)
    assert isinstance(combo, QComboBox)
    seen[stage] = combo.currentText()


def test_a_stage_without_a_crm_value_is_mapped_once_in_stage_settings(
    qtbot: QtBot, plan: PlanDB, tmp_path: Path
) -> None:
    run(plan, SALESFORCE.write(tmp_path))
    evaluating = next(s.id for s in stage_repo.list_stages(plan) if s.name == "Evaluating")
    fleet = deals(plan)["006A1"]["id"]
    ops.move_opportunity(plan, fleet, evaluating, MoveDetails("Agreed a pilot"), TODAY)
    with pytest.raises(CrmExportRefusedError, match="Evaluating"):
        crm_csv(plan, CrmProfile.SALESFORCE)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, str] = {}
    modals = drive.Modals()

    def answer(dialog: QWidget) -> None:
        try:
            _look_at(dialog, "Walked away", seen)
            _pick_value(dialog, "Evaluating", "Value Proposition", seen)
            drive.press_ok(dialog)
        finally:
            if dialog.isVisible():  # a failed look closes the dialog rather than leave it open
                drive.press_cancel(dialog)

    with modals.expecting(answer):
        window.menus.stage_settings_action.trigger()
    assert modals.take_unexpected() == []
    assert seen == {
        "Walked away": "Automatic: Closed Lost",
        "Evaluating": "None",
        "picked": "Value Proposition",
    }
    assert chosen_stage_map(plan, CrmProfile.SALESFORCE) == {"Evaluating": "Value Proposition"}
    (row,) = rows_of(crm_csv(plan, CrmProfile.SALESFORCE).data)
    assert (row["Id"], row["StageName"]) == ("006A1", "Value Proposition")
    # Remembered: the next time the dialog shows the choice.
    drive.activate(window)
    again: dict[str, str] = {}

    def look(dialog: QWidget) -> None:
        try:
            _look_at(dialog, "Evaluating", again)
        finally:
            drive.press_cancel(dialog)

    with modals.expecting(look):
        window.menus.stage_settings_action.trigger()
    assert again == {"Evaluating": "Value Proposition"}
    window.undo_stack.clear()
