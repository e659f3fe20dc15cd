"""Pipelines and undoable imports through the window: the wizard clicked through, the board's
pipeline switch clicked, Edit → Undo and Redo pressed, the plan file checked after each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from planner.storage import pipelines as pipeline_repo
from planner.storage.db import PlanDB
from planner.storage.search_index import index_is_current
from tests.planner.import_support import DATA, fingerprint
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow

TWO = DATA / "hubspot_two_pipelines.csv"
HEADER = (
    "Record ID,Deal Name,Deal Stage,Close Date,Amount,Pipeline,Deal owner,Associated Company,Create Date\n"
)


@pytest.fixture
def window(qtbot: QtBot, plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, plan)
    yield w
    w.undo_stack.clear()


def _click_wizard_button(wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible(), which
    assert button.isEnabled(), which
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _drive_wizard(paths: list[Path], on_preview: Callable[[ImportWizard], None] | None = None) -> None:
    """From a timer: the files, Next until the preview, Import, Finish (the old-data question, if
    any, is answered by a timer the test set)."""
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, ImportWizard)
    wizard.files_page.add_paths(paths)
    while wizard.currentId() != ImportWizard.PREVIEW:
        _click_wizard_button(wizard, QWizard.WizardButton.NextButton)
    if on_preview is not None:
        on_preview(wizard)
    _click_wizard_button(wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentId() == ImportWizard.DONE, wizard.preview_page.error.text()
    _click_wizard_button(wizard, QWizard.WizardButton.FinishButton)


def _import(
    window: MainWindow, paths: list[Path], on_preview: Callable[[ImportWizard], None] | None = None
) -> None:
    QTimer.singleShot(0, lambda: _drive_wizard(paths, on_preview))
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    drive.activate(window)


def _switch(window: MainWindow, text: str) -> None:
    """Choose a pipeline on the board's toolbar with the arrow keys (an offscreen popup list
    takes no clicks and warns)."""
    switch = window.findChild(QComboBox, "pipeline-switch")
    assert switch is not None
    assert switch.isVisible()
    window.activateWindow()
    row = switch.findText(text)
    assert row >= 0, text
    drive.choose_in_combo(switch, row - switch.currentIndex())
    drive.settle()
    assert switch.currentText() == text


def _plan_board(plan: PlanDB, pipeline: str | None) -> dict[str, set[str]]:
    """Open stage -> titles of its open deals, from the plan file, for one pipeline or all."""
    rows = plan.query(
        "SELECT s.name, p.name, o.title FROM stage s JOIN pipeline p ON p.id = s.pipeline_id"
        " LEFT JOIN opportunity o ON o.stage_id = s.id"
        " WHERE s.level NOT IN ('won', 'lost', 'walked_away') AND s.retired = 0"
    )
    several = len(pipeline_repo.list_pipelines(plan)) > 1 and pipeline is None
    result: dict[str, set[str]] = {}
    for stage, owner, title in rows:
        if pipeline is not None and owner != pipeline:
            continue
        titles = result.setdefault(f"{stage} · {owner}" if several else stage, set())
        if title is not None:
            titles.add(title)
    return result


def test_two_hubspot_pipelines_switch_on_the_board(window: MainWindow, plan: PlanDB) -> None:
    _import(window, [TWO])
    assert [p.name for p in pipeline_repo.list_pipelines(plan)] == ["Sales Pipeline", "Renewals"]
    _switch(window, "Renewals")
    renewals = _plan_board(plan, "Renewals")
    assert set(renewals) == {"Renewal Due", "Renewal Negotiation"}
    assert renewals["Renewal Due"] == {"Hosting renewal", "Maintenance renewal"}
    assert _card_titles(window) == renewals
    _switch(window, "Sales Pipeline")
    sales = _plan_board(plan, "Sales Pipeline")
    assert "Renewal Due" not in sales
    assert {
        "Website relaunch",
        "CRM integration",
        "Training days",
    } <= set().union(*sales.values())
    assert _card_titles(window) == sales
    _switch(window, "All pipelines")
    assert _card_titles(window) == _plan_board(plan, None)
    # Remembered in the plan: a new window on it shows the same choice.
    _switch(window, "Renewals")
    again = MainWindow(plan)
    try:
        assert [c.title.text() for c in again.board.columns.values()] == [
            "Renewal Due",
            "Renewal Negotiation",
        ]
    finally:
        again.undo_stack.clear()
        again.close()
        again.deleteLater()


def _card_titles(window: MainWindow) -> dict[str, set[str]]:
    """Column heading -> titles of its cards, from the column models (every card, painted or not)."""
    window.controller.load_rest()
    return {
        column.title.text(): {card.title for card in column.model.cards}
        for column in window.board.columns.values()
    }


def test_undo_of_an_import_restores_every_row_and_redo_applies_it_again(
    window: MainWindow, plan: PlanDB
) -> None:
    before = fingerprint(plan)
    _import(window, [TWO])
    after = fingerprint(plan)
    assert after != before
    assert window.menus.undo_action.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fingerprint(plan) == before
    assert index_is_current(plan.conn)
    assert _card_titles(window) == _plan_board(plan, None)
    assert not any(_card_titles(window).values())
    QTest.keyClick(
        window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert fingerprint(plan) == after
    assert index_is_current(plan.conn)
    assert _card_titles(window) == _plan_board(plan, None)


def test_preview_lists_new_updated_and_vanished_deals(
    window: MainWindow, plan: PlanDB, tmp_path: Path
) -> None:
    _import(window, [TWO])
    changed = tmp_path / "hubspot.csv"
    lines = TWO.read_text().splitlines()[1:]
    kept = [line for line in lines if not line.startswith("7007,")]  # vanished from the CRM
    kept = [
        line.replace(
            "7002,CRM integration,Qualified To Buy,04/30/2027,30000",
            "7002,CRM integration,Qualified To Buy,04/30/2027,35000",
        )
        for line in kept
    ]
    kept.append(
        "7008,Data migration,Appointment Scheduled,05/15/2027,7000,Sales Pipeline,Jo Hub,Globex,11/20/2026"
    )
    changed.write_text(HEADER + "\n".join(kept) + "\n")
    seen: list[tuple[str, ...]] = []

    def look(wizard: ImportWizard) -> None:
        model = wizard.preview_page.outcomes
        for row in range(model.rowCount()):
            seen.append(tuple(str(model.index(row, c).data() or "") for c in range(model.columnCount())))

    _import(window, [changed], look)
    assert ("Data migration", "New", "", "", "") in seen
    amount = [line for line in seen if line[0] == "CRM integration" and line[1] == "Updated"]
    assert len(amount) == 1
    assert amount[0][2] == "Amount"
    assert "30" in amount[0][3]
    assert "35" in amount[0][4]
    assert any(line[0] == "Maintenance renewal" and line[1] == "Vanished" for line in seen)
    assert not any(line[0] == "Website relaunch" for line in seen)  # unchanged: not listed


def _answer_old_data(text: str, tries: int = 250) -> None:
    """Click a button of the old-data question once it shows (the preview is computed first)."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        if tries:
            QTimer.singleShot(20, lambda: _answer_old_data(text, tries - 1))
        return
    button = next(b for b in box.buttons() if b.text() == text)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _old_file(tmp_path: Path) -> Path:
    old = tmp_path / "old.csv"
    old.write_text(
        HEADER
        + "6001,Old pilot,Appointment Scheduled,03/15/2019,1000,Sales Pipeline,Jo Hub,Globex,01/01/2019\n"
        + "6002,Old rollout,Contract Sent,06/30/2019,2000,Sales Pipeline,Jo Hub,Initech,02/01/2019\n"
        + "6003,Old order,Closed Won,05/31/2019,3000,Sales Pipeline,Jo Hub,Globex,01/15/2019\n"
        + "6004,Old loss,Closed Lost,04/30/2019,4000,Sales Pipeline,Jo Hub,Initech,01/20/2019\n"
    )
    return old


def test_old_data_brings_in_closed_history_only(window: MainWindow, plan: PlanDB, tmp_path: Path) -> None:
    QTimer.singleShot(0, lambda: _answer_old_data("&Closed history only"))
    _import(window, [_old_file(tmp_path)])
    rows = plan.query(
        "SELECT o.title, s.level FROM opportunity o JOIN stage s ON s.id = o.stage_id ORDER BY o.title"
    )
    assert rows == [("Old loss", "lost"), ("Old order", "won")]
    assert not any(_card_titles(window).values())


def test_old_data_can_still_come_in_whole(window: MainWindow, plan: PlanDB, tmp_path: Path) -> None:
    QTimer.singleShot(0, lambda: _answer_old_data("&Every deal"))
    _import(window, [_old_file(tmp_path)])
    assert len(plan.query("SELECT id FROM opportunity")) == 4
    assert set().union(*_card_titles(window).values()) == {"Old pilot", "Old rollout"}


def test_new_deal_offers_the_chosen_pipelines_stages(window: MainWindow, plan: PlanDB) -> None:
    _import(window, [TWO])
    offered: list[list[str]] = []

    def fill(dialog: QWidget) -> None:
        pipeline = dialog.findChild(QComboBox, "pipeline-choice")
        stage = drive.field(dialog, "Stage")
        assert isinstance(pipeline, QComboBox)
        assert isinstance(stage, QComboBox)
        offered.append([stage.itemText(i) for i in range(stage.count())])
        drive.choose_in_combo(pipeline, pipeline.findText("Renewals") - pipeline.currentIndex())
        offered.append([stage.itemText(i) for i in range(stage.count())])
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Title")), "Support renewal")
        assert drive.press_ok(dialog)

    modals = drive.Modals()
    with modals.expecting(fill):
        QTest.keySequence(window, QKeySequence.StandardKey.New)
    assert not modals.take_unexpected()
    assert "Renewal Due" not in offered[0]
    assert offered[1] == ["Renewal Due", "Renewal Negotiation"]
    rows = plan.query(
        "SELECT s.name, p.name FROM opportunity o JOIN stage s ON s.id = o.stage_id"
        " JOIN pipeline p ON p.id = o.pipeline_id WHERE o.title = 'Support renewal'"
    )
    assert rows == [("Renewal Due", "Renewals")]


def test_clean_up_and_forecast_count_the_chosen_pipeline(window: MainWindow, plan: PlanDB) -> None:
    _import(window, [TWO])
    renewals = pipeline_repo.find_pipeline(plan, "Renewals")
    assert renewals is not None
    theirs = pipeline_repo.deals_of_pipeline(plan, renewals)
    drive.click_tab(window.tabs, 3)  # Clean-up
    view = window.hygiene_view
    assert view is not None
    assert view.cleanup is not None
    every = {row.id for row in view.cleanup.rows}
    assert every - theirs  # the other pipeline's deals are listed too
    box = view.findChild(QComboBox, "pipeline-filter")
    assert box is not None
    assert box.isVisible()
    drive.choose_in_combo(box, box.findText("Renewals") - box.currentIndex())
    assert view.cleanup is not None
    assert {row.id for row in view.cleanup.rows} == every & theirs
    assert every & theirs
    drive.click_tab(window.tabs, 2)  # Forecast
    forecast = window.forecast_view
    assert forecast is not None
    box = forecast.findChild(QComboBox, "pipeline-filter")
    assert box is not None
    drive.choose_in_combo(box, box.findText("Renewals") - box.currentIndex())
    assert forecast.forecast is not None
    assert {d.id for d in forecast.forecast.deals} <= theirs
