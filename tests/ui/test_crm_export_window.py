"""File → Export for CRM…: the window writes the CRM's update file byte for byte as the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner import operations as ops
from planner import sheet_operations as sheet
from planner.cli.program import main
from planner.exchange.crm import PROFILES, CrmProfile
from planner.exchange.crm_export import chosen_stage_map, crm_csv, reason_field
from planner.model import BuyingInfluence, Role
from planner.operations import MoveDetails
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan
from tests.planner.crm_round_trip import CrmCase, rows_of
from tests.planner.import_support import TODAY, deals, run
from tests.planner.test_crm_round_trip import HUBSPOT, SALESFORCE
from tests.ui import window_driver as drive
from tests.ui.visible_text import english_left, plan_values, texts
from ui.dialogs.crm_export_dialog import CrmExportDialog, CrmFilesWritten, loading_steps, written_message
from ui.i18n import install_language
from ui.main_window import MainWindow


@dataclass(frozen=True)
class Planned:
    """A deal moved to a plan stage the CRM has no value for, the value the seller picks, a walk-away."""

    case: CrmCase
    deal: str
    stage: str
    choice: str
    walked_away: str


SALESFORCE_PLAN = Planned(SALESFORCE, "006A1", "Evaluating", "Value Proposition", "006A4")
HUBSPOT_PLAN = Planned(HUBSPOT, "9002", "Prospect", "Appointment Scheduled", "9003")


def _plan(path: Path, planned: Planned, folder: Path) -> PlanDB:
    plan = open_plan(path, create=True)
    run(plan, planned.case.write(folder))
    got = deals(plan)
    stage = {s.name: s.id for s in stage_repo.list_stages(plan)}
    back = MoveDetails("Agreed", reason="Re-qualified")  # forward or back, whichever it is
    ops.move_opportunity(plan, got[planned.deal]["id"], stage[planned.stage], back, TODAY)
    away = MoveDetails(reason="No budget this year", closed_on=TODAY)
    ops.move_opportunity(plan, got[planned.walked_away]["id"], stage["Walked away"], away, TODAY)
    if planned.case.profile is CrmProfile.SALESFORCE:
        (maria,) = plan.query("SELECT id FROM person WHERE external_id = '003A1'")[0]
        sheet.add_influence(plan, got["006A1"]["id"], maria, BuyingInfluence(0, 0, maria, Role.ECONOMIC))
    return plan


def _open_window(qtbot: QtBot, plan: PlanDB) -> MainWindow:
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.show()
    return window


def _file_menu_action_after_import(window: MainWindow) -> str:
    """The text of the File menu's entry after Import from CRM…, as a seller sees the menu."""
    file_menu = next(a.menu() for a in window.menuBar().actions() if drive.bare(a.text()) == "File")
    assert isinstance(file_menu, QMenu)
    entries = [drive.bare(a.text()) for a in file_menu.actions()]
    return entries[entries.index("Import from CRM…") + 1]


def _press_export(dialog: QWidget) -> None:
    """Click Export once this answer has returned: the save dialog or the refusal it opens is
    then answered by the next answer (a timer's slot is not entered again while it runs)."""
    export = drive.button(dialog, "Export…")
    assert export.isEnabled()
    QTimer.singleShot(0, lambda: drive.click(export))


def _summary(dialog: QWidget) -> str:
    label = drive.named(dialog, "What will be written", QLabel)
    assert isinstance(label, QLabel)
    return label.text()


def _crm_items(dialog: QWidget) -> list[str]:
    combo = drive.named(dialog, "CRM", QComboBox)
    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(combo.count())]


def _pick(dialog: QWidget, stage: str, value: str) -> None:
    combo = drive.field(dialog, stage)
    assert isinstance(combo, QComboBox)
    drive.choose_in_combo(combo, combo.findText(value) - combo.currentIndex())
    assert combo.currentText() == value


def _save_as(path: Path) -> drive.Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), drive.describe(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # Set rather than typed: typing opens the completer's popup, which offscreen Qt warns about.
        name.setText(str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    return answer


def _read_box(seen: list[str]) -> drive.Answer:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), drive.describe(box)
        seen.append(box.text())
        drive.answer_message_box(box, QMessageBox.StandardButton.Ok)

    return answer


def _cli_export(plan_path: Path, source: str, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `planner export --format crm-csv` prints for the plan (nothing but the remembered choices)."""
    capsys.readouterr()
    status = main(
        ["export", "--format", "crm-csv", "--source", source, "--db", str(plan_path), "--out", str(out)]
    )
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


def test_salesforce_stage_and_reason_field_are_asked_once_and_the_files_equal_the_command_lines(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = tmp_path / "p.plan"
    plan = _plan(plan_path, SALESFORCE_PLAN, tmp_path / "crm")
    window = _open_window(qtbot, plan)
    assert _file_menu_action_after_import(window) == "Export for CRM…"
    out = tmp_path / "out" / "back.csv"
    out.parent.mkdir()
    seen: dict[str, object] = {}
    message: list[str] = []

    def answer(dialog: QWidget) -> None:
        seen["crms"] = _crm_items(dialog)
        seen["before"] = _summary(dialog)
        _pick(dialog, "Evaluating", "Value Proposition")
        seen["picked"] = _summary(dialog)
        reason = drive.named(dialog, "Salesforce field for lost and walk-away reasons", QLineEdit)
        assert isinstance(reason, QLineEdit)
        drive.type_into(reason, "Loss_Reason__c")
        seen["named"] = _summary(dialog)
        _press_export(dialog)

    modals = drive.Modals()
    with modals.expecting(answer, _save_as(out), _read_box(message)):
        window.menus.export_crm_action.trigger()
    assert modals.take_unexpected() == []
    assert seen == {
        "crms": ["Salesforce", "HubSpot", "Pipedrive", "Zoho CRM"],
        "before": "Stage “Evaluating” has no Salesforce stage value: choose one in Stage settings, "
        "then export again.",
        "picked": "2 changed deals will be written.\n1 close reason is left out: name your Salesforce "
        "field for reasons in Export for CRM.",
        "named": "2 changed deals will be written.",
    }
    roles = tmp_path / "out" / "back-OpportunityContactRole.csv"
    line = f"Wrote 2 changed deals to {out}. Wrote 1 contact role to {roles}."
    (text,) = message
    assert text.startswith(line + "\n\nHow to load this file into Salesforce: In Data Loader choose Update")
    assert window.statusBar().currentMessage() == line
    rows = rows_of(out.read_bytes())
    assert [(r["Id"], r["StageName"], r["Loss_Reason__c"]) for r in rows] == [
        ("006A1", "Value Proposition", ""),
        ("006A4", "Closed Lost", "No budget this year"),
    ]
    assert rows_of(roles.read_bytes()) == [
        {"OpportunityId": "006A1", "ContactId": "003A1", "Role": "Economic Buyer", "IsPrimary": "false"}
    ]
    # Remembered with the command line's own functions: Stage settings and --crm-stage see it.
    assert chosen_stage_map(plan, CrmProfile.SALESFORCE) == {"Evaluating": "Value Proposition"}
    assert reason_field(plan, CrmProfile.SALESFORCE) == "Loss_Reason__c"
    window.session.undo_stack.clear()

    # One function, two surfaces: the command line, with no options, writes the same bytes.
    cli_out = tmp_path / "cli" / "back.csv"
    cli_out.parent.mkdir()
    printed = _cli_export(plan_path, "salesforce", cli_out, capsys)
    assert printed.splitlines()[0] == f"Wrote 2 changed deals to {cli_out} (Salesforce layout)"
    assert cli_out.read_bytes() == out.read_bytes()
    assert (tmp_path / "cli" / "back-OpportunityContactRole.csv").read_bytes() == roles.read_bytes()

    # Asked once: the next export asks for nothing and names the remembered field.
    drive.activate(window)
    again: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        try:
            reason = drive.named(dialog, "Salesforce field for lost and walk-away reasons", QLineEdit)
            assert isinstance(reason, QLineEdit)
            again["reason"] = reason.text()
            again["stages"] = [c.accessibleName() for c in dialog.findChildren(QComboBox) if c.isVisible()]
            again["summary"] = _summary(dialog)
        finally:
            drive.press_cancel(dialog)

    with modals.expecting(look):
        window.menus.export_crm_action.trigger()
    assert modals.take_unexpected() == []
    assert again == {
        "reason": "Loss_Reason__c",
        "stages": ["CRM"],
        "summary": "2 changed deals will be written.",
    }


def test_hubspot_comes_first_for_a_plan_imported_from_hubspot_and_writes_what_the_command_line_does(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = tmp_path / "p.plan"
    plan = _plan(plan_path, HUBSPOT_PLAN, tmp_path / "crm")
    window = _open_window(qtbot, plan)
    out = tmp_path / "hubspot.csv"
    seen: dict[str, object] = {}
    message: list[str] = []

    def answer(dialog: QWidget) -> None:
        seen["crms"] = _crm_items(dialog)
        seen["reason shown"] = drive.named(dialog, "HubSpot field for lost and walk-away reasons").isVisible()
        _pick(dialog, "Prospect", "Appointment Scheduled")
        seen["summary"] = _summary(dialog)
        _press_export(dialog)

    modals = drive.Modals()
    with modals.expecting(answer, _save_as(out), _read_box(message)):
        window.menus.export_crm_action.trigger()
    assert modals.take_unexpected() == []
    assert seen == {
        "crms": ["HubSpot", "Salesforce", "Pipedrive", "Zoho CRM"],
        "reason shown": False,
        "summary": "2 changed deals will be written.",
    }
    (text,) = message
    assert text.startswith(f"Wrote 2 changed deals to {out}.\n\nHow to load this file into HubSpot: ")
    assert [(r["Record ID"], r["Deal Stage"]) for r in rows_of(out.read_bytes())] == [
        ("9002", "Appointment Scheduled"),
        ("9003", "closedlost"),
    ]
    window.session.undo_stack.clear()
    cli_out = tmp_path / "cli.csv"
    _cli_export(plan_path, "hubspot", cli_out, capsys)
    assert cli_out.read_bytes() == out.read_bytes()


def test_a_refused_export_names_the_stage_in_one_line_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    plan = _plan(tmp_path / "p.plan", SALESFORCE_PLAN, tmp_path / "crm")
    window = _open_window(qtbot, plan)
    out = tmp_path / "out"
    out.mkdir()
    refusal: list[str] = []
    state: dict[str, bool] = {}

    dialogs: list[QWidget] = []

    def answer(dialog: QWidget) -> None:
        # Evaluating left at "Choose…": Export says why it cannot and asks for no file.
        dialogs.append(dialog)
        _press_export(dialog)

    def refused(box: QWidget) -> None:
        _read_box(refusal)(box)

        def close() -> None:
            state["still open"] = dialogs[0].isVisible()
            drive.press_cancel(dialogs[0])

        QTimer.singleShot(0, close)

    status_before = window.statusBar().currentMessage()
    modals = drive.Modals()
    with modals.expecting(answer, refused):
        window.menus.export_crm_action.trigger()
    assert modals.take_unexpected() == []
    assert refusal == [
        "Stage “Evaluating” has no Salesforce stage value: choose one in Stage settings, then export again."
    ]
    assert state == {"still open": True}
    assert list(out.iterdir()) == []
    assert chosen_stage_map(plan, CrmProfile.SALESFORCE) == {}
    assert window.statusBar().currentMessage() == status_before


def _dialog_texts(qtbot: QtBot, plan: PlanDB) -> list[str]:
    """What the dialog shows on Salesforce (a stage to answer, reasons left out) and on HubSpot."""
    dialog = CrmExportDialog(plan)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    _pick(dialog, "Evaluating", "Value Proposition")
    shown += texts(dialog)
    combo = drive.named(dialog, "CRM", QComboBox)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(1)
    shown += texts(dialog)
    dialog.reject()
    return shown


def test_the_dialog_and_its_message_are_german(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    plan = _plan(tmp_path / "p.plan", SALESFORCE_PLAN, tmp_path / "crm")
    export = crm_csv(plan, CrmProfile.SALESFORCE, stage_choices={"Evaluating": "Closed Won"})
    roles = tmp_path / "back-OpportunityContactRole.csv"
    written = CrmFilesWritten(CrmProfile.SALESFORCE, export, tmp_path / "back.csv", roles)
    # The loading steps quote the CRM's own screens (“Auto-Match Fields to Columns”), which stay
    # English: they are checked for being translated as a whole, the rest word by word.
    english = [*_dialog_texts(qtbot, plan), written_message(written)[0]]
    english_steps = [loading_steps(p) for p in PROFILES if p.exports]
    try:
        assert install_language(qapp, "de")
        german = [*_dialog_texts(qtbot, plan), written_message(written)[0]]
        german_steps = [loading_steps(p) for p in PROFILES if p.exports]
        how = written_message(written)[1].split("\n\n")[-1]
    finally:
        install_language(qapp, "en")
    assert german != english
    assert all(g != e for g, e in zip(german_steps, english_steps, strict=True))
    assert how == f"So laden Sie diese Datei in Salesforce: {german_steps[0]}"
    # Data, not wording: the plan's texts, every CRM's stage values and names, the paths.
    crm_words = [v for p in PROFILES for v in (*p.stages, p.label, p.reason_example)]
    paths = [str(written.path), str(roles)]
    values = {*plan_values(plan.conn), *filter(None, crm_words), *paths}
    data = sorted(values, key=len, reverse=True)
    assert english_left(english, german, data) == {}
