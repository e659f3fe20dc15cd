"""Dates and exchange rates typed the window's way: "15.12.2026" and "1,0856" in German, ISO and
"1.0856" in English; every date field shows the window's pattern, and rates keep every digit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.sheet_operations import Objective
from planner.storage import accounts as account_repo
from planner.storage import backup as backups
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan
from tests.conftest import TODAY
from tests.planner.plan_files import NOW, make_demo
from ui import format as fmt
from ui.blue_sheet.sections import ObjectiveSection
from ui.date_field import DateField
from ui.dialogs.currency_dialog import CurrencyDialog
from ui.dialogs.move_dialog import MoveDialog
from ui.dialogs.opportunity_dialog import OpportunityDialog
from ui.dialogs.restore_dialog import RestoreDialog
from ui.dialogs.snooze_dialog import SnoozeDialog
from ui.hygiene_view import DateReasonDialog
from ui.i18n import install_language

CHRISTMAS = dt.date(2026, 12, 15)
RATES = {"USD": 1.08562345, "JPY": 0.0061234567891, "GBP": 1.17, "KRW": 0.00068, "XAU": 2381.5}


def _deal_dialog(plan: PlanDB, with_deal: bool = False) -> OpportunityDialog:
    existing = None
    if with_deal:
        deal = int(plan.query("SELECT MIN(id) FROM opportunity WHERE close_date IS NOT NULL")[0][0])
        existing = opportunity_repo.get_opportunity(plan, deal)
    return OpportunityDialog(account_repo.list_accounts(plan), stage_repo.list_stages(plan), existing)


@pytest.mark.usefixtures("german")
def test_german_dates_are_read_in_the_window_pattern_and_in_iso() -> None:
    assert fmt.date_pattern() == "dd.MM.yyyy"
    assert fmt.edit_date(CHRISTMAS) == "15.12.2026"
    assert fmt.edit_date(None) == ""
    assert fmt.parse_date("15.12.2026") == CHRISTMAS
    assert fmt.parse_date(" 5.1.2027 ") == dt.date(2027, 1, 5)
    assert fmt.parse_date("2026-12-15") == CHRISTMAS  # pasted ISO still works
    assert fmt.parse_date("") is None
    for wrong in ("30.02.2026", "2026-02-30", "15.12.26", "12/15/2026", "soon"):
        with pytest.raises(ValueError, match=r"15\.12\.2026"):
            fmt.parse_date(wrong)
    assert fmt.date_time(dt.datetime(2026, 11, 26, 9, 30)) == "26.11.2026, 09:30"


def test_english_dates_stay_iso() -> None:
    assert fmt.date_pattern() == "yyyy-MM-dd"
    assert fmt.edit_date(CHRISTMAS) == "2026-12-15"
    assert fmt.parse_date("2026-12-15") == CHRISTMAS
    with pytest.raises(ValueError, match=r"Date must look like 2026-12-15 or 15 Dec 2026\."):
        fmt.parse_date("2026-02-30")
    assert fmt.date_time(dt.datetime(2026, 11, 26, 9, 30)) == "2026-11-26 09:30"


@pytest.mark.usefixtures("german")
def test_the_german_deal_editor_takes_and_shows_german_dates(qtbot: QtBot, demo_plan: PlanDB) -> None:
    dialog = _deal_dialog(demo_plan)
    qtbot.addWidget(dialog)
    assert "15.12.2026" in dialog.close_date.placeholderText()
    dialog.title.setText("Flottenausbau")
    dialog.close_date.setText("15.12.2026")
    assert dialog.error.text() == ""
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.draft().close_date == CHRISTMAS
    dialog.close_date.setText("2026-12-15")  # ISO, pasted
    assert dialog.draft().close_date == CHRISTMAS
    dialog.close_date.setText("")  # empty: no date
    assert dialog.draft().close_date is None
    dialog.close_date.setText("31.02.2026")
    assert "15.12.2026" in dialog.error.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    editing = _deal_dialog(demo_plan, with_deal=True)
    qtbot.addWidget(editing)
    stored = editing.draft().close_date
    assert stored is not None
    assert editing.close_date.text() == stored.strftime("%d.%m.%Y")


@pytest.mark.usefixtures("german")
def test_the_german_blue_sheet_objective_takes_german_dates(qtbot: QtBot, demo_plan: PlanDB) -> None:
    deal = int(demo_plan.query("SELECT MIN(id) FROM opportunity WHERE close_date IS NOT NULL")[0][0])
    opportunity = opportunity_repo.get_opportunity(demo_plan, deal)
    assert opportunity is not None
    assert opportunity.close_date is not None
    section = ObjectiveSection()
    qtbot.addWidget(section)
    section.load(opportunity, [])
    assert section.close_date.text() == opportunity.close_date.strftime("%d.%m.%Y")
    assert "15.12.2026" in section.close_date.placeholderText()
    submitted: list[Objective] = []
    section.objective_submitted.connect(submitted.append)
    section.close_date.setText("15.12.2026")
    section.close_date.editingFinished.emit()
    assert section.error.isHidden()
    assert len(submitted) == 1
    assert submitted[0].close_date == CHRISTMAS
    section.close_date.setText("")
    objective = section.current_objective()
    assert objective is not None
    assert objective.close_date is None
    section.close_date.setText("15/12/2026")
    assert section.current_objective() is None
    assert "15.12.2026" in section.error.text()


@pytest.mark.usefixtures("german")
def test_the_german_dialogs_show_german_dates(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> None:
    today = TODAY.strftime("%d.%m.%Y")
    stages = stage_repo.list_stages(demo_plan)
    move = MoveDialog("backward", "Deal", stages[1], stages[0], (), TODAY)
    snooze = SnoozeDialog("Deal", TODAY)
    hygiene = DateReasonDialog("Titel", "Überschrift", "Datum", TODAY, None)
    editor = DateField()
    editor.set_value(CHRISTMAS)
    for widget in (move, snooze, hygiene, editor):
        qtbot.addWidget(widget)
    for edit in (move.when, snooze.until, hygiene.date, editor):
        assert isinstance(edit, DateField)
        assert "15.12.2026" in edit.placeholderText()
    assert move.when.text() == today
    assert snooze.until.text() == (TODAY + dt.timedelta(days=14)).strftime("%d.%m.%Y")
    assert hygiene.date.text() == today
    assert editor.text() == "15.12.2026"

    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        backups.take_backup(plan, NOW)
    finally:
        plan.close()
    restore = RestoreDialog(path)
    qtbot.addWidget(restore)
    shown = restore.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert shown == f"{NOW:%d.%m.%Y}, {NOW:%H:%M}"


def test_english_dialogs_keep_iso_dates(qtbot: QtBot, demo_plan: PlanDB) -> None:
    stages = stage_repo.list_stages(demo_plan)
    move = MoveDialog("backward", "Deal", stages[1], stages[0], (), TODAY)
    qtbot.addWidget(move)
    assert move.when.text() == TODAY.isoformat()
    editor = DateField()
    qtbot.addWidget(editor)
    editor.set_value(dt.date(2026, 12, 15))
    assert editor.text() == "2026-12-15"


@pytest.mark.usefixtures("german")
def test_german_rates_are_read_with_german_marks(qtbot: QtBot) -> None:
    assert fmt.parse_rate("1,0856") == 1.0856
    assert fmt.parse_rate("0,92") == 0.92
    assert fmt.parse_rate("1.0856") == 1.0856  # pasted English: '.' cannot group four digits
    assert fmt.parse_rate("0.123") == 0.123  # nor after a lone zero
    assert fmt.parse_rate("1.234,5") == 1234.5
    assert fmt.parse_rate("") is None
    with pytest.raises(ValueError, match="mehrdeutig"):
        fmt.parse_rate("1.234")  # 1234 or 1,234: refused, never guessed
    dialog = CurrencyDialog("EUR", {"USD": 0.92})
    qtbot.addWidget(dialog)
    item = dialog.table.item(0, 1)
    assert item is not None
    assert item.text() == "0,92"
    item.setText("1,0856")
    assert dialog.values() == ("EUR", {"USD": 1.0856})
    item.setText("1.234")
    with pytest.raises(ValueError, match="USD"):
        dialog.values()
    dialog.accept()
    assert "mehrdeutig" in dialog.error.text()


@pytest.mark.parametrize("language", ["en", "de"])
def test_unedited_rates_are_saved_unchanged(qapp: QApplication, qtbot: QtBot, language: str) -> None:
    assert install_language(qapp, language)
    try:
        dialog = CurrencyDialog("EUR", RATES)
        qtbot.addWidget(dialog)
        shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(5)}  # type: ignore[union-attr]
        assert dialog.values() == ("EUR", RATES)  # every digit, exactly
    finally:
        install_language(qapp, "en")
    point = "," if language == "de" else "."
    assert shown["USD"] == f"1{point}08562345"
    assert shown["KRW"] == f"0{point}00068"
    assert shown["XAU"] == f"2381{point}5"


def test_english_rates_are_unchanged() -> None:
    assert fmt.parse_rate("0.92") == 0.92
    assert fmt.parse_rate("1.0856") == 1.0856
    assert fmt.parse_rate("0,92") == 0.92  # a comma before two digits is a decimal mark, as before
    assert fmt.parse_rate("1,234.5") == 1234.5
    assert fmt.edit_rate(0.92) == "0.92"
    assert fmt.edit_rate(1e-05) == "0.00001"
    assert fmt.edit_rate(2.0) == "2"
    for unclear in ("1,234", "1.234,5"):
        with pytest.raises(ValueError, match=r"could be read two ways|is not a rate"):
            fmt.parse_rate(unclear)
