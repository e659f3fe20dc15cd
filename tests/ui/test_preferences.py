"""Edit → Preferences…: stored through QSettings on OK, nothing on Cancel, links to the plan's settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from tests.ui.conftest import show_window
from tests.ui.visible_text import english_left, texts
from ui import theme as theme_module
from ui.app_settings import AppSettings
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.theme import Theme

# Names that are the same in every language: the languages by their own names, the paper sizes.
SAME_EVERYWHERE = ["US Letter", "English", "Deutsch"]


@pytest.fixture
def ini(tmp_path: Path) -> str:
    return str(tmp_path / "planner.ini")


def settings_at(ini: str) -> AppSettings:
    return AppSettings(QSettings(ini, QSettings.Format.IniFormat))


@pytest.fixture
def themes_applied(monkeypatch: pytest.MonkeyPatch) -> list[Theme]:
    """The themes the window applied (recorded, not applied: other tests keep their palette)."""
    applied: list[Theme] = []
    monkeypatch.setattr(theme_module, "apply_theme", lambda _app, theme: applied.append(theme))
    return applied


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB, ini: str) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, settings=settings_at(ini))
    yield w
    w.undo_stack.clear()


def answer_with(
    monkeypatch: pytest.MonkeyPatch, choose: object, result: QDialog.DialogCode
) -> list[PreferencesDialog]:
    """Replace the modal exec: `choose(dialog)` plays the seller, then OK or Cancel."""
    shown: list[PreferencesDialog] = []

    def exec_(self: PreferencesDialog) -> int:
        shown.append(self)
        assert callable(choose)
        choose(self)
        if result == QDialog.DialogCode.Accepted:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        return int(self.result())

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    return shown


def pick(dialog: PreferencesDialog) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))


def test_the_dialog_shows_the_stored_choices_with_labelled_fields(qtbot: QtBot, ini: str) -> None:
    settings = settings_at(ini)
    settings.set_language("de")
    settings.set_theme(Theme.LIGHT)
    settings.set_paper_size("A4")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert (dialog.chosen_language(), dialog.chosen_theme(), dialog.chosen_paper()) == (
        "de",
        Theme.LIGHT,
        "A4",
    )
    for label, field in (
        (dialog.language_label, dialog.language),
        (dialog.theme_label, dialog.theme),
        (dialog.paper_label, dialog.paper),
    ):
        assert label.buddy() is field
        assert "&" in label.text()
        assert field.accessibleName()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isDefault()
    assert "next time the planner starts" in dialog.language_note.text()


def test_a_damaged_or_missing_value_shows_the_default(qtbot: QtBot, ini: str) -> None:
    raw = QSettings(ini, QSettings.Format.IniFormat)
    raw.setValue("view/language", "klingon")
    raw.setValue("view/theme", 42)
    raw.setValue("export/paper", "A3")
    raw.sync()
    dialog = PreferencesDialog(settings_at(ini))
    qtbot.addWidget(dialog)
    assert (dialog.chosen_language(), dialog.chosen_theme(), dialog.chosen_paper()) == (
        "system",
        Theme.SYSTEM,
        "locale",
    )


def test_ok_stores_the_choices_and_applies_the_theme(
    window: MainWindow, ini: str, monkeypatch: pytest.MonkeyPatch, themes_applied: list[Theme]
) -> None:
    shown = answer_with(monkeypatch, pick, QDialog.DialogCode.Accepted)
    window.help_actions.edit_preferences()
    assert len(shown) == 1
    again = settings_at(ini)  # a fresh reader of the same file: what the next start sees
    assert (again.language(), again.theme(), again.paper_size()) == ("de", Theme.DARK, "Letter")
    assert again.export_paper() == "letter"
    assert themes_applied == [Theme.DARK]
    assert window.help_actions.theme_actions["dark"].isChecked()  # View → Theme agrees
    assert "next time the planner starts" in window.statusBar().currentMessage()


def test_cancel_changes_nothing(
    window: MainWindow, ini: str, monkeypatch: pytest.MonkeyPatch, themes_applied: list[Theme]
) -> None:
    window.settings.set_theme(Theme.LIGHT)
    window.settings.sync()
    before = QSettings(ini, QSettings.Format.IniFormat).value("view/theme")
    answer_with(monkeypatch, pick, QDialog.DialogCode.Rejected)
    window.help_actions.edit_preferences()
    raw = QSettings(ini, QSettings.Format.IniFormat)
    assert raw.value("view/theme") == before == "light"
    assert not raw.contains("view/language")
    assert not raw.contains("export/paper")
    assert themes_applied == []
    again = settings_at(ini)
    assert (again.language(), again.theme(), again.paper_size()) == ("system", Theme.LIGHT, "locale")


def test_edit_menu_has_preferences_with_its_shortcut_and_role(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = window.menus.preferences_action
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert isinstance(edit_menu, QMenu)
    assert action in edit_menu.actions()
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    standard = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert action.shortcut() == (standard[0] if standard else QKeySequence("Ctrl+,"))
    shown = answer_with(monkeypatch, lambda _d: None, QDialog.DialogCode.Rejected)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1
    assert shown[0].parent() is window


def test_the_plan_settings_are_opened_not_copied(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, themes_applied: list[Theme]
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(window.plan_actions, "edit_currencies", lambda: opened.append("currencies"))
    monkeypatch.setattr(window.plan_actions, "edit_stage_settings", lambda: opened.append("stages"))

    def links(dialog: PreferencesDialog) -> None:
        dialog.currencies_button.click()
        dialog.stages_button.click()
        assert dialog.result() == 0  # Preferences stays open under them

    answer_with(monkeypatch, links, QDialog.DialogCode.Rejected)
    window.help_actions.edit_preferences()
    assert opened == ["currencies", "stages"]


def test_fiscal_year_and_targets_keeps_the_choices_and_shows_the_forecast(
    window: MainWindow, ini: str, monkeypatch: pytest.MonkeyPatch, themes_applied: list[Theme]
) -> None:
    shown: list[PreferencesDialog] = []

    def exec_(self: PreferencesDialog) -> int:  # the link closes the dialog itself
        shown.append(self)
        self.paper.setCurrentIndex(self.paper.findData("A4"))
        self.forecast_button.click()
        return int(self.result())

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.help_actions.edit_preferences()
    assert shown[0].result() == QDialog.DialogCode.Accepted
    assert settings_at(ini).paper_size() == "A4"
    assert window.forecast_view is not None
    assert window.tabs.currentWidget() is window.forecast_view


def test_a_read_only_plan_offers_no_plan_settings(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_read_only("the file is read-only")
    seen: dict[str, bool] = {}

    def look(dialog: PreferencesDialog) -> None:
        seen["currencies"] = dialog.currencies_button.isEnabled()
        seen["stages"] = dialog.stages_button.isEnabled()

    answer_with(monkeypatch, look, QDialog.DialogCode.Rejected)
    window.help_actions.edit_preferences()
    assert seen == {"currencies": False, "stages": False}


def test_the_export_dialog_starts_on_the_preferred_paper(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path
) -> None:
    import datetime as dt

    from ui.dialogs.export_dialog import ExportDialog

    settings = AppSettings()  # the suite's private QSettings, which the export dialog reads
    try:
        for preferred, expected in (("Letter", "letter"), ("A4", "a4")):
            settings.set_paper_size(preferred)
            dialog = ExportDialog(demo_plan, [], today=dt.date(2026, 11, 26), folder=tmp_path)
            qtbot.addWidget(dialog)
            assert dialog.paper.currentData() == expected
    finally:
        settings.set_paper_size("locale")


def test_the_dialog_speaks_german(qapp: QApplication, qtbot: QtBot, ini: str) -> None:
    english_dialog = PreferencesDialog(settings_at(ini))
    qtbot.addWidget(english_dialog)
    english = texts(english_dialog)
    try:
        assert install_language(qapp, "de"), "run `python packaging/translations.py build`"
        dialog = PreferencesDialog(settings_at(ini))
        qtbot.addWidget(dialog)
        german = texts(dialog)
        assert dialog.windowTitle() == "Einstellungen"
        assert dialog.language_label.text() == "&Sprache:"
        assert english_left(english, german, SAME_EVERYWHERE) == {}
    finally:
        install_language(qapp, "en")
