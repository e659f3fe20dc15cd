"""Writes that cannot reach the file (full disk, file deleted or moved, read-only) fail visibly."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from planner.model import OpportunityDraft
from planner.storage.db import FILE_READ_ONLY, MOVED, OPEN_ELSEWHERE, PlanDB, open_plan
from tests.planner.plan_files import Holder, count_deals, make_demo
from tests.planner.test_open_plan import as_plain_user
from tests.planner.test_operations import dump
from tests.ui.test_backups_ui import backups_on_open
from ui.main_window import MainWindow
from ui.windows import WindowManager

Errors = list[tuple[str, str]]


def board_ids(window: MainWindow) -> set[int]:
    return {card.id for model in window.controller.models.values() for card in model.cards}


def open_ids(plan: PlanDB) -> set[int]:
    """Deals the board should show: those in an open stage, read from the database."""
    columns = {stage.id for stage in window_columns(plan)}
    return {row[0] for row in plan.query("SELECT id, stage_id FROM opportunity") if row[1] in columns}


def window_columns(plan: PlanDB) -> list[Any]:
    from planner.stages import open_stages
    from planner.storage import stages as stage_repo

    return open_stages(stage_repo.list_stages(plan))


def edit_actions(window: MainWindow) -> dict[str, bool]:
    return {action.text(): action.isEnabled() for action in window.menus.edit_actions}


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> Errors:
    shown: Errors = []
    monkeypatch.setattr(
        MainWindow, "show_error", lambda _self, title, message: shown.append((title, message))
    )
    return shown


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on a real plan file (the demo plan)."""
    plan = open_plan(make_demo(tmp_path / "mine.plan"))
    w = MainWindow(plan)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.undo_stack.clear()
    plan.close()


def draft(window: MainWindow, title: str) -> OpportunityDraft:
    return OpportunityDraft(title, None, window.controller.columns[0].id)


def test_a_full_disk_fails_visibly_and_the_board_shows_the_database(
    window: MainWindow, errors: Errors
) -> None:
    # max_page_count: SQLite's own "database or disk is full", no privileges or filesystem needed.
    pages = window.plan.query("PRAGMA page_count")[0][0]
    window.plan.conn.execute(f"PRAGMA max_page_count = {pages}")
    saved = 0
    while not errors:
        before = dump(window.plan)
        if window.deals.create_opportunity(draft(window, f"Deal {saved} " + "x" * 290)) is not None:
            saved += 1
        assert saved < 500, "the size limit never bit"
    title, message = errors[0]
    assert title == "The deal was not created"
    assert message.startswith("The disk is full, so the change could not be saved")
    assert "Free some space" in message
    assert dump(window.plan) == before  # the failed edit left nothing behind
    assert board_ids(window) == open_ids(window.plan)
    assert window.undo_stack.count() == saved
    assert window.read_only_reason is None  # a full disk passes; the window stays editable
    window.plan.conn.execute(f"PRAGMA max_page_count = {pages * 10}")
    new_id = window.deals.create_opportunity(draft(window, "After freeing space"))
    assert new_id in board_ids(window)


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_a_plan_file_deleted_or_moved_while_open_stops_edits_and_offers_a_copy(
    window: MainWindow,
    errors: Errors,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    path = window.plan.path
    assert path is not None
    kept = window.deals.create_opportunity(draft(window, "Saved before"))
    assert kept is not None
    moved_to = tmp_path / "elsewhere.plan"
    if how == "deleted":
        path.unlink()
    else:
        path.rename(moved_to)
    before = dump(window.plan)
    assert window.deals.create_opportunity(draft(window, "Never written")) is None
    assert errors == [("The deal was not created", MOVED)]
    assert dump(window.plan) == before
    assert board_ids(window) == open_ids(window.plan)
    # The window says so and stops offering edits; it keeps running.
    assert window.read_only_reason == MOVED
    assert window.read_only_banner is not None
    assert window.read_only_banner.isVisible()
    assert window.read_only_label.text() == MOVED
    assert not any(edit_actions(window).values())
    assert not window.menus.undo_action.isEnabled()
    window.board.select(kept)
    assert not window.menus.edit_deal_action.isEnabled()
    # Save a copy as… keeps everything the window shows, and opens it.
    copy = tmp_path / "rescued.plan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    with qtbot.waitSignal(window.open_plan_requested) as opened:
        window.save_copy_button.click()
    assert opened.args == [copy]
    assert count_deals(copy) == 41
    rescued = open_plan(copy)
    try:
        assert dump(rescued) == before
    finally:
        rescued.close()
    if how == "moved":
        window.close()  # no more painting: the plan is closed next
        window.plan.close()
        assert count_deals(moved_to) == 41  # the moved file has every edit made before the move


@pytest.mark.slow
def test_a_second_window_on_the_same_plan_is_read_only_with_a_banner(
    qtbot: QtBot, tmp_path: Path, errors: Errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = backups_on_open(monkeypatch)
    path = make_demo(tmp_path / "mine.plan")
    with Holder(path) as first:
        manager = WindowManager(tmp_path)
        window = manager.show_plan(open_plan(path))
        qtbot.addWidget(window)
        try:
            assert window.read_only_reason == OPEN_ELSEWHERE
            assert window.read_only_label.text() == OPEN_ELSEWHERE
            assert not any(edit_actions(window).values())
            card = window.controller.models[window.controller.columns[0].id].cards[0]
            window.board.select(card.id)
            assert not window.menus.edit_deal_action.isEnabled()
            assert window.deals.create_opportunity(draft(window, "Second window")) is None
            assert errors[0][1] == OPEN_ELSEWHERE
            assert window.undo_stack.count() == 0
            # Drops on the board are not offered either.
            assert window.controller.drop_handler is None
            # The backup on open runs, but is not the read-only window's to take.
            qtbot.waitUntil(lambda: len(taken) == 1)
            assert taken == [None]
            assert not (tmp_path / "mine.plan.backups").exists()
        finally:
            window.close()
            window.plan.close()
        first.close()


READ_ONLY_WINDOW = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from planner.model import OpportunityDraft
from planner.storage.db import open_plan
from ui.main_window import MainWindow
from ui.windows import WindowManager

app = QApplication(["t", "-platform", "offscreen"])
errors = []
MainWindow.show_error = lambda self, title, message: errors.append([title, message])
manager = WindowManager(Path(sys.argv[1]).parent)
window = manager.show_plan(open_plan(Path(sys.argv[1])))
app.processEvents()
stage = window.controller.columns[0].id
created = window.deals.create_opportunity(OpportunityDraft("Not on a read-only file", None, stage))
print(json.dumps({
    "reason": window.read_only_reason,
    "banner": window.read_only_banner is not None and window.read_only_banner.isVisible(),
    "actions": [action.isEnabled() for action in window.menus.edit_actions],
    "created": created,
    "errors": errors,
    "deals": window.plan.query("SELECT COUNT(*) FROM opportunity")[0][0],
}))
window.close()
window.plan.close()
"""


@pytest.mark.slow
def test_a_read_only_plan_file_opens_read_only_in_the_window(tmp_path: Path) -> None:
    preexec = as_plain_user()  # root ignores file modes: the window runs in a child without that
    path = make_demo(tmp_path / "mine.plan")
    path.chmod(0o400)
    try:
        result = subprocess.run(
            [sys.executable, "-c", READ_ONLY_WINDOW, str(path)],
            preexec_fn=preexec,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        path.chmod(0o600)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["reason"] == FILE_READ_ONLY
    assert seen["banner"]
    assert not any(seen["actions"])
    assert seen["created"] is None
    assert seen["errors"] == [["The deal was not created", FILE_READ_ONLY]]
    assert seen["deals"] == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.plan"]
