"""The welcome: on the first start only, again from Help → Welcome…, and its buttons do what the
demo banner's do."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB, open_plan
from tests.ui.conftest import show_window
from tests.ui.visible_text import english_left, texts
from ui import windows
from ui.app import open_or_create
from ui.app_settings import AppSettings
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.welcome import WelcomeDialog
from ui.windows import WindowManager


def welcomes(window: MainWindow) -> list[WelcomeDialog]:
    return [d for d in window.findChildren(WelcomeDialog) if d.isVisible()]


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> Iterator[MainWindow]:
    settings = AppSettings(QSettings(str(tmp_path / "planner.ini"), QSettings.Format.IniFormat))
    w = show_window(qtbot, demo_plan, settings=settings)
    yield w
    w.undo_stack.clear()


def test_the_welcome_shows_on_the_first_start_only(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window manager's timers, run by hand: the welcome must wait for the window to show.
    scheduled: list[tuple[int, Callable[[], object]]] = []

    class Timers:
        @staticmethod
        def singleShot(ms: int, _context: object, call: Callable[[], object]) -> None:
            scheduled.append((ms, call))

    monkeypatch.setattr(windows, "QTimer", Timers)
    settings = AppSettings()  # the suite's private QSettings, which a new window reads
    settings.set_welcome_seen(False)
    manager = WindowManager(tmp_path)
    # Not given to qtbot: the next show_plan closes and deletes it.
    first = manager.show_plan(open_or_create(tmp_path / "demo.plan", demo=True))
    assert welcomes(first) == []  # not before the window is on screen
    after_paint = [call for ms, call in scheduled if ms == windows.WELCOME_AFTER_MS]
    assert len(after_paint) == 1
    after_paint[0]()
    assert len(welcomes(first)) == 1
    dialog = welcomes(first)[0]
    assert dialog.demo
    assert AppSettings().welcome_seen()
    dialog.explore_button.click()
    assert welcomes(first) == []

    scheduled.clear()
    second = manager.show_plan(open_plan(tmp_path / "own.plan"))  # the next start, another plan
    qtbot.addWidget(second)
    assert [ms for ms, _call in scheduled if ms == windows.WELCOME_AFTER_MS] == []
    assert welcomes(second) == []
    assert second.help_actions.welcome_first_time() is None
    second.undo_stack.clear()


def test_its_buttons_do_what_the_banner_buttons_do(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported: list[bool] = []
    started: list[bool] = []
    monkeypatch.setattr(window.plan_actions, "import_from_crm", lambda: imported.append(True))
    window.start_own_plan_requested.connect(lambda: started.append(True))

    dialog = window.help_actions.show_welcome()
    dialog.import_button.click()
    assert imported == [True]
    assert not dialog.isVisible()

    dialog = window.help_actions.show_welcome()
    dialog.start_button.click()
    assert started == [True]
    assert not dialog.isVisible()

    dialog = window.help_actions.show_welcome()
    dialog.explore_button.click()
    assert not dialog.isVisible()
    assert (imported, started) == ([True], [True])
    # The banner stays on the demo plan.
    assert window.banner is not None
    assert window.start_button.text() == "Start my own plan"


def test_help_welcome_shows_it_again_and_only_once(window: MainWindow) -> None:
    window.settings.set_welcome_seen()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(help_menu, QMenu)
    assert window.menus.welcome_action in help_menu.actions()
    window.menus.welcome_action.trigger()
    window.menus.welcome_action.trigger()  # raises the open one rather than opening a second
    assert len(welcomes(window)) == 1


def test_keyboard_escape_closes_and_enter_explores(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.help_actions.show_welcome()
    assert dialog.explore_button.isDefault()
    assert not dialog.start_button.autoDefault()
    assert not dialog.import_button.autoDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog = window.help_actions.show_welcome()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == WelcomeDialog.DialogCode.Accepted


def test_the_steps_are_named_for_screen_readers(window: MainWindow) -> None:
    dialog = window.help_actions.show_welcome()
    names = [step.accessibleName() for step in dialog.steps]
    assert names == [
        "Step 1: The board follows the customer",
        "Step 2: The Blue Sheet plans each deal",
        "Step 3: What next",
    ]
    assert all(step.accessibleDescription() for step in dialog.steps)
    board = dialog.steps[0].accessibleDescription()
    assert "commits" in board
    assert "stale" in board
    assert "slipped" in board
    blue_sheet = dialog.steps[1].accessibleDescription()
    assert "buying influences" in blue_sheet
    assert "red flags" in blue_sheet
    assert "action plan" in blue_sheet


def test_on_the_sellers_own_plan_it_does_not_offer_to_leave_the_demo(qtbot: QtBot, plan: PlanDB) -> None:
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.show()
    dialog = window.help_actions.show_welcome()
    assert not dialog.start_button.isVisible()
    assert dialog.import_button.isVisible()
    assert dialog.explore_button.text() == "&Get started"
    assert "demo" not in dialog.steps[2].accessibleDescription()


def test_the_welcome_speaks_german(qapp: QApplication, window: MainWindow) -> None:
    english = texts(window.help_actions.show_welcome())
    for dialog in welcomes(window):
        dialog.close()
    try:
        assert install_language(qapp, "de"), "run `python packaging/translations.py build`"
        dialog = window.help_actions.show_welcome()
        german = texts(dialog)
        assert dialog.windowTitle() == "Willkommen bei Opportunity Planner"
        assert dialog.explore_button.text() == "&Demo erkunden"
        assert english_left(english, german, ["Miller Heiman", "Miller-Heiman"]) == {}  # a name
    finally:
        install_language(qapp, "en")
