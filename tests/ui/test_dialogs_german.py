"""Every dialog in German: no English word of the dialog's own wording is left."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.storage import accounts as account_repo
from planner.storage import backup as backups
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_memory, open_plan
from tests.conftest import TODAY
from tests.planner.import_support import DATA, shared
from tests.planner.plan_files import NOW, make_demo
from tests.ui.visible_text import english_left, plan_values, texts
from ui.dialogs.account_dialog import AccountDialog
from ui.dialogs.currency_dialog import CurrencyDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.move_dialog import MoveDialog
from ui.dialogs.opportunity_dialog import OpportunityDialog
from ui.dialogs.restore_dialog import RestoreDialog
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.dialogs.stage_settings import StageSettingsDialog
from ui.i18n import install_language

IMPORT_FILE = DATA / "salesforce_opportunities.csv"
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
# Builds a dialog on the plan and returns every text it showed (one list per language).
Shown = Callable[[QtBot, PlanDB, Path], list[str]]


def _shown(qtbot: QtBot, widget: QWidget) -> list[str]:
    qtbot.addWidget(widget)
    return texts(widget)


def account_dialog(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    accounts = account_repo.list_accounts(plan)
    # A new account shows the empty-name message; an existing one every field filled.
    return _shown(qtbot, AccountDialog(accounts)) + _shown(qtbot, AccountDialog(accounts, accounts[0]))


def currency_dialog(qtbot: QtBot, _plan: PlanDB, _tmp: Path) -> list[str]:
    dialog = CurrencyDialog("EUR", {"USD": 0.92, "CHF": 1.05})
    shown = _shown(qtbot, dialog)
    item = dialog.table.item(0, 1)
    assert item is not None
    item.setText("?")
    dialog.accept()  # the rate's message
    return shown + texts(dialog)


def export_dialog(qtbot: QtBot, plan: PlanDB, tmp: Path) -> list[str]:
    open_ids = [r[0] for r in plan.query("SELECT id FROM opportunity WHERE closed_on IS NULL ORDER BY id")]
    dialog = ExportDialog(plan, open_ids[:3], today=TODAY, folder=tmp)
    shown = _shown(qtbot, dialog)
    dialog.show_page(1)
    dialog.by_account.setChecked(True)
    dialog._refresh.stop()  # no refresh after the plan is closed
    dialog.refresh_preview()
    return shown + texts(dialog)


def import_wizard(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    wizard = ImportWizard(plan)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add_paths([IMPORT_FILE])
    shown = texts(wizard)
    for _page in ("layout", "columns", "stages", "owner", "preview"):
        wizard.next()
        shown += texts(wizard)
    assert wizard.currentId() == ImportWizard.PREVIEW
    wizard.reject()
    return shown


def move_dialogs(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    stages = stage_repo.list_stages(plan)
    first, second = stages[0], stages[1]
    closed = [s for s in stages if s.is_closed]
    title = str(plan.query("SELECT title FROM opportunity ORDER BY id LIMIT 1")[0][0])
    # The commitments are the plan's data: the deal's title stands in for one.
    shown = _shown(qtbot, MoveDialog("forward", title, first, second, (title,), TODAY))
    shown += _shown(qtbot, MoveDialog("backward", title, second, first, (), TODAY))
    for target in closed:
        shown += _shown(qtbot, MoveDialog("close", title, second, target, (), TODAY))
    return shown


def opportunity_dialog(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    accounts = account_repo.list_accounts(plan)
    stages = stage_repo.list_stages(plan)
    existing = opportunity_repo.get_opportunity(
        plan, int(plan.query("SELECT MIN(id) FROM opportunity")[0][0])
    )
    return _shown(qtbot, OpportunityDialog(accounts, stages, existing))


def _busy_call(plan: PlanDB) -> tuple[int, int]:
    """A call plan with every part written, of a deal with buying influences: (deal id, call id)."""
    from planner import green_sheet
    from planner.model import CallPlan
    from planner.storage import people as people_repo

    deal = next(
        o for o in opportunity_repo.list_opportunities(plan) if people_repo.list_influences(plan, o.id)
    )
    influences = people_repo.list_influences(plan, deal.id)
    call = CallPlan(
        0,
        deal.id,
        dt.datetime(2026, 11, 24, 9, 30),
        # The seller's words stand in the plan's own texts, so they count as data.
        deal.title,
        attendees=tuple(bi.id for bi in influences),
        best_action=deal.title,
        minimum_action=deal.title,
    )
    return deal.id, green_sheet.create_call_plan(plan, call)[1]


def green_sheet_dialogs(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    from planner.storage import evidence
    from planner.storage import people as people_repo
    from ui.blue_sheet.green_sheet import CallPlanDialog, DebriefDialog

    deal_id, call_id = _busy_call(plan)
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    call = evidence.get_call_plan(plan, call_id)
    assert deal is not None
    assert call is not None
    influences = people_repo.list_influences(plan, deal_id)
    people = {p.id: p for p in people_repo.list_people(plan, deal.account_id or 0)}
    stage = stage_repo.get_stage(plan, deal.stage_id)
    shown: list[str] = []
    for existing in (None, call):
        dialog = CallPlanDialog(deal, "", influences, people, existing, TODAY)
        qtbot.addWidget(dialog)
        for page in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(page)
            shown += texts(dialog)
    debrief = DebriefDialog(call, stage, influences, people, TODAY)
    qtbot.addWidget(debrief)
    for page in range(debrief.tabs.count()):
        debrief.tabs.setCurrentIndex(page)
        shown += texts(debrief)
    return shown


def restore_dialog(qtbot: QtBot, _plan: PlanDB, tmp: Path) -> list[str]:
    tmp.mkdir(parents=True, exist_ok=True)
    path = make_demo(tmp / "mine.plan")
    plan = open_plan(path)
    try:
        backups.take_backup(plan, NOW)
    finally:
        plan.close()
    return _shown(qtbot, RestoreDialog(path))


def snooze_dialog(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    title = str(plan.query("SELECT title FROM opportunity ORDER BY id LIMIT 1")[0][0])
    return _shown(qtbot, SnoozeDialog(title, TODAY))


def stage_settings(qtbot: QtBot, plan: PlanDB, _tmp: Path) -> list[str]:
    stages = stage_repo.list_stages(plan)
    dialog = StageSettingsDialog(stages, {stages[0].id: 3})
    shown = _shown(qtbot, dialog)
    dialog.add_stage()
    dialog.name.setText("")  # a stage without a name: the validation message
    return shown + texts(dialog)


DIALOGS: dict[str, Shown] = {
    "account": account_dialog,
    "currency": currency_dialog,
    "export": export_dialog,
    "green sheet": green_sheet_dialogs,
    "import": import_wizard,
    "move": move_dialogs,
    "opportunity": opportunity_dialog,
    "restore": restore_dialog,
    "snooze": snooze_dialog,
    "stages": stage_settings,
}


def _file_values(path: Path) -> list[str]:
    """The cells of an imported file: data, like the plan's, not the dialog's wording."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell.strip() for row in csv.reader(handle) for cell in row if len(cell.strip()) >= 3]


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_no_english_word_is_left_in_the_german_dialog(
    name: str, qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path
) -> None:
    build = DIALOGS[name]
    english = build(qtbot, demo_plan, tmp_path / "en")
    try:
        assert install_language(qapp, "de")
        german = build(qtbot, demo_plan, tmp_path / "de")
    finally:
        install_language(qapp, "en")
    assert german != english
    # Data, not wording: the plan's texts, the imported file's cells and the paths shown.
    paths = [str(backups.backup_dir(tmp_path / sub / "mine.plan")) for sub in ("en", "de")]
    paths += [str(IMPORT_FILE), IMPORT_FILE.name]
    values = {*plan_values(demo_plan.conn), *_file_values(IMPORT_FILE), *paths}
    data = sorted(values, key=len, reverse=True)
    left = english_left(english, german, data)
    assert left == {}, "\n".join(f"{w}: {sorted(set(t))[:2]}" for w, t in sorted(left.items()))


def test_a_validation_message_is_read_with_its_field(qtbot: QtBot, demo_plan: PlanDB) -> None:
    dialog = OpportunityDialog(account_repo.list_accounts(demo_plan), stage_repo.list_stages(demo_plan))
    qtbot.addWidget(dialog)
    dialog.title.setText("Fleet rollout")
    dialog.amount.setText("lots")
    assert dialog.error.text()
    assert dialog.amount.accessibleDescription() == dialog.error.text()
    assert dialog.title.accessibleDescription() == ""
    dialog.amount.setText("120000")
    assert dialog.error.text() == ""
    assert dialog.amount.accessibleDescription() == ""


def test_every_field_of_the_dialogs_is_named_by_a_label(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit

    for name, build in DIALOGS.items():
        before = set(QApplication.topLevelWidgets())
        build(qtbot, demo_plan, tmp_path / name)
        for window in set(QApplication.topLevelWidgets()) - before:
            buddies = {label.buddy() for label in window.findChildren(QLabel)}
            fields: list[QWidget] = []
            for kind in (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox):
                fields += window.findChildren(kind)
            for field in fields:
                if isinstance(field.parent(), QComboBox | QAbstractSpinBox) or not field.isEnabled():
                    continue  # the line edit inside an editable combo or a spin box
                if field.window() is not window or field.parent() is None:
                    continue
                named = field in buddies or bool(field.accessibleName())
                assert named, f"{name}: {type(field).__name__} {field.objectName()!r} has no label"


def test_english_is_back_after_the_german_dialogs(qtbot: QtBot, demo_plan: PlanDB) -> None:
    dialog = SnoozeDialog("Deal", dt.date(2026, 11, 26))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Snooze the stale warning"


def _wizard_import(qtbot: QtBot, plan: PlanDB, paths: list[Path]) -> tuple[list[str], list[str]]:
    """A real import through every page: (what the pages showed, the last page's summary lines)."""
    wizard = ImportWizard(plan)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add_paths(paths)
    shown: list[str] = []

    def every_deal(tries: int = 1500) -> None:
        # The export's close dates are years old: the wizard asks first; every deal comes in.
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: every_deal(tries - 1))
            return
        shown.extend(texts(box))
        reject = QMessageBox.ButtonRole.RejectRole
        QTest.mouseClick(
            next(b for b in box.buttons() if box.buttonRole(b) is reject), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, every_deal)
    while wizard.currentId() != ImportWizard.DONE:
        before = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != before, texts(wizard)
        shown += texts(wizard)
    summary = wizard.done_page.text.toPlainText().splitlines()
    wizard.accept()
    return list(dict.fromkeys([*shown, *summary])), summary


def test_the_import_wizard_reports_in_german(qapp: QApplication, qtbot: QtBot) -> None:
    """The real 8,800-row export: notes, grouped row problems, counts with thousands."""
    folder = shared("crm-sales-opportunities")
    plans = {language: open_memory() for language in ("en", "de")}
    try:
        english, english_summary = _wizard_import(qtbot, plans["en"], [folder])
        try:
            assert install_language(qapp, "de")
            german, summary = _wizard_import(qtbot, plans["de"], [folder])
        finally:
            install_language(qapp, "en")
        assert english_summary[0].startswith("Imported from CSV: 8,800 created")
        assert summary[0].startswith("Aus CSV importiert: 8.800 neu")
        assert any("1.480 Chancen" in line for line in summary)  # the product note, German marks
        assert any(line.startswith("Warnung: ") and " Zeilen (" in line for line in summary)
        files = sorted(folder.iterdir())
        values = {*plan_values(plans["de"].conn), *(v for f in files for v in _file_values(f))}
        values |= {str(folder), *(f"{folder.name}/{f.name}" for f in files)}
        # Only values with a word in them can leave one (8,800 ids and dates cannot): a short list.
        data = sorted((v for v in values if WORD.search(v)), key=len, reverse=True)
        left = english_left(english, german, data)
        assert left == {}, "\n".join(f"{w}: {sorted(set(t))[:2]}" for w, t in sorted(left.items()))
    finally:
        for plan in plans.values():
            plan.close()
