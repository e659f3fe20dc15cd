"""Key presses reach the window's actions: the standard keys, and the planner's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from ui.actions.accounts import AccountActions
from ui.actions.deals import DealActions
from ui.actions.help import HelpActions
from ui.actions.plan import PlanActions
from ui.main_window import MainWindow

K, M = Qt.Key, Qt.KeyboardModifier
# (key, modifiers, the edit flow's method the action calls); a deal is selected first.
KEYS = [
    (K.Key_N, M.ControlModifier, "new_opportunity"),
    (K.Key_F2, M.NoModifier, "edit_selected"),
    (K.Key_Delete, M.NoModifier, "delete_selected"),
    (K.Key_Right, M.ControlModifier, "move_selected_forward"),
    (K.Key_Left, M.ControlModifier, "move_selected_back"),
    (K.Key_N, M.ControlModifier | M.ShiftModifier, "new_account"),
    (K.Key_I, M.ControlModifier, "import_from_crm"),
    (K.Key_E, M.ControlModifier, "export_review_pack"),
    (K.Key_O, M.ControlModifier, "open_plan"),
    (K.Key_Comma, M.ControlModifier, "edit_preferences"),
]
# Where each method lives (ui/actions/); the others are DealActions'.
OWNERS: dict[str, type] = {
    "new_account": AccountActions,
    "import_from_crm": PlanActions,
    "export_review_pack": PlanActions,
    "open_plan": PlanActions,
    "edit_preferences": HelpActions,
}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    # On the class, before the window connects its actions: the dialogs behind them are modal.
    made: list[str] = []
    for _key, _modifiers, name in KEYS:
        owner = OWNERS.get(name) or DealActions
        monkeypatch.setattr(owner, name, lambda self, *_checked, name=name: made.append(name))
    return made


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB, calls: list[str]) -> Iterator[MainWindow]:
    w = MainWindow(demo_plan)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    first = w.controller.models[w.controller.columns[0].id].cards[0].id
    assert w.board.select(first)
    yield w
    w.undo_stack.clear()


@pytest.mark.parametrize(("key", "modifiers", "name"), KEYS, ids=[k[2] for k in KEYS])
def test_the_key_reaches_its_action(
    qtbot: QtBot, window: MainWindow, calls: list[str], key: Qt.Key, modifiers: Qt.KeyboardModifier, name: str
) -> None:
    window.activateWindow()
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, key, modifiers)
    assert calls == [name]


def test_ctrl_f_puts_the_cursor_in_the_filter(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_F, M.ControlModifier)
    assert window.filter_edit.hasFocus()


def test_ctrl_z_undoes_and_ctrl_shift_z_redoes(qtbot: QtBot, window: MainWindow) -> None:
    from planner.model import AccountDraft

    assert window.account_actions.create_account(AccountDraft("Keyboard Ltd")) is not None
    assert window.undo_stack.index() == 1
    qtbot.keyClick(window.board, K.Key_Z, M.ControlModifier)
    assert window.undo_stack.index() == 0
    qtbot.keyClick(window.board, K.Key_Z, M.ControlModifier | M.ShiftModifier)
    assert window.undo_stack.index() == 1
