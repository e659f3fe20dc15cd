"""Themes pass WCAG AA contrast; preferences persist across restarts; help lists shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from ui.app_settings import AppSettings
from ui.board import delegate
from ui.help import ShortcutsDialog, guide_html, shortcut_rows
from ui.theme import Theme, apply_theme, contrast_ratio, dark_palette, light_palette

AA = 4.5
PAIRS = (
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
)


@pytest.mark.parametrize("palette_of", [light_palette, dark_palette], ids=["light", "dark"])
def test_palettes_pass_aa(qapp: QApplication, palette_of: object) -> None:
    palette = palette_of()  # type: ignore[operator]
    for text, background in PAIRS:
        ratio = contrast_ratio(palette.color(text), palette.color(background))
        assert ratio >= AA, (text, background, ratio)


def test_badges_and_overdue_text_pass_aa() -> None:
    white = QColor("white")
    for color in (delegate.STALE, delegate.SLIP, delegate.PREMATURE, delegate.SNOOZED, delegate.FLAGS):
        assert contrast_ratio(white, color) >= AA, color.name()
    assert contrast_ratio(delegate.OVERDUE, light_palette().color(QPalette.ColorRole.Base)) >= AA


def test_contrast_ratio_extremes() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)


def test_apply_theme_switches_the_palette(qapp: QApplication) -> None:
    saved = qapp.palette()
    try:
        assert apply_theme(qapp, Theme.DARK)
        assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 80
        assert not apply_theme(qapp, Theme.LIGHT)
        assert qapp.palette().color(QPalette.ColorRole.Base).lightness() > 200
    finally:
        qapp.setPalette(saved)


def test_preferences_persist_across_instances(tmp_path: Path) -> None:
    path = str(tmp_path / "planner.ini")
    first = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    plan_a, plan_b = tmp_path / "a.plan", tmp_path / "b.plan"
    plan_a.write_bytes(b"")
    plan_b.write_bytes(b"")
    first.add_recent_plan(plan_a)
    first.add_recent_plan(plan_b)
    first.add_recent_plan(plan_a)
    first.set_theme(Theme.DARK)
    first.set_language("de")
    first.set_paper_size("Letter")
    first.save_window(QByteArray(b"geo"), QByteArray(b"state"))
    first.sync()
    again = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    assert again.recent_plans() == [plan_a.resolve(), plan_b.resolve()]
    assert (again.theme(), again.language(), again.paper_size()) == (Theme.DARK, "de", "Letter")
    assert again.geometry() == QByteArray(b"geo")
    plan_b.unlink()
    assert again.recent_plans() == [plan_a.resolve()]  # vanished files drop out


def test_damaged_preferences_read_as_defaults(tmp_path: Path) -> None:
    path = tmp_path / "planner.ini"
    path.write_text("[view]\ntheme=purple\nlanguage=xx\n[export]\npaper=A0\n[plans]\nrecent=7\n")
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    expected = (Theme.SYSTEM, "system", "locale")
    assert (settings.theme(), settings.language(), settings.paper_size()) == expected
    assert settings.recent_plans() == []


def test_shortcut_help_is_generated_from_actions(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    action = window.addAction("&Undo")
    action.setShortcut("Ctrl+Z")
    window.addAction("No shortcut")
    assert shortcut_rows(window) == [("Undo", "Ctrl+Z")]
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]  # type: ignore[union-attr]
    assert "Ctrl+Z" in keys
    assert "Ctrl+Right / Ctrl+Left" in keys


def test_user_guide_is_bundled_and_offline() -> None:
    html = guide_html()
    assert "<h1>Opportunity Planner</h1>" in html
    assert "http" not in html
    assert "<script" not in html


def test_the_window_remembers_its_layout_theme_and_recent_plans(qtbot: QtBot, tmp_path: Path) -> None:
    from planner.storage.db import open_plan
    from ui.windows import WindowManager

    ini = str(tmp_path / "planner.ini")
    first_plan = open_plan(tmp_path / "first.plan")
    manager = WindowManager(tmp_path)
    window = manager.show_plan(first_plan)
    window.settings = window.help_actions.settings = AppSettings(QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.settings.add_recent_plan(tmp_path / "first.plan")
    window.resize(900, 600)
    window.accounts_dock.show()
    window.help_actions.set_theme("dark")
    window.close()
    again = AppSettings(QSettings(ini, QSettings.Format.IniFormat))
    assert again.theme() is Theme.DARK
    assert again.recent_plans() == [(tmp_path / "first.plan").resolve()]
    assert again.geometry() is not None
    assert again.window_state() is not None
    second = manager.show_plan(open_plan(tmp_path / "second.plan"))
    second.settings = second.help_actions.settings = again
    qtbot.addWidget(second)
    second.restore_layout()
    assert second.accounts_dock.isVisible()  # the docks come back as they were
    second.help_actions.fill_recent(second.menus.recent_menu)
    assert [a.text() for a in second.menus.recent_menu.actions()] == [
        str((tmp_path / "first.plan").resolve())
    ]
    QApplication.instance().setPalette(light_palette())  # type: ignore[union-attr]


def test_help_menu_reaches_the_shortcuts_and_the_guide(qtbot: QtBot, demo_plan: object) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(demo_plan)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    rows = dict(shortcut_rows(window))
    assert rows["Undo"] == "Ctrl+Z"
    assert rows["New deal"] == "Ctrl+N"
    assert rows["Move forward"] == "Ctrl+Right"
    assert rows["Export review pack"] == "Ctrl+E"
    assert not window.menus.new_deal_action.icon().isNull()
