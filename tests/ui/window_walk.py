"""A seeded random walk through the real main window, checking after every step that the window
shows the plan: columns, headers, selection, docks and undo history.

Each step is a seller's action done with real input: clicks on card rectangles, drags through
the views, key presses, typed text, modal dialogs and menus answered as a seller would. The steps
of a walk are drawn from a seed before it starts (their arguments are plain numbers, resolved
against the window when the step runs), so a failing walk replays exactly, and is shrunk by
replaying it with steps left out.

    make soak                                     # thousands of steps (SOAK_STEPS, SOAK_SEEDS)
    .venv/bin/python -m tests.ui.window_walk --seed 7 --steps 300
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QToolButton,
    QWidget,
)

from planner import agenda as agenda_rules
from planner import board_order, close_reasons, people, red_flags, search
from planner.agenda import Kind
from planner.demo import populate_demo
from planner.model import Card, FunnelLevel, Opportunity, Stage
from planner.money import CurrencySums
from planner.pipelines import BOARD_PIPELINE_KEY, board_columns
from planner.stages import open_stages
from planner.storage import accounts as account_repo
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import pipelines as pipeline_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.board import load_ranks
from planner.storage.db import PlanDB, open_memory
from planner.timeline import load_timeline
from tests.planner.import_support import DATA
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from tests.ui.window_driver import bare
from ui import format as fmt
from ui.board.models import ID_ROLE
from ui.board.view import CardList
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.people_view import PeopleView
from ui.window_parts import in_view

START = dt.date(2026, 11, 26)  # the demo plan's day, as in tests/conftest.py
NO_DATE = "9999-12-31"  # undated deals sort last on the board
# What the offscreen platform cannot do (as pyproject.toml's qt_log_ignore): not our warnings.
OFFSCREEN_LIMITS = re.compile("This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)")


@dataclass(frozen=True)
class Step:
    """One action with its numeric arguments (resolved against the window when it runs)."""

    name: str
    args: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.name}{self.args}"


# Action name -> (weight, how many numeric arguments).
ACTIONS: dict[str, tuple[int, int]] = {
    "type_filter": (4, 1),
    "clear_filter_button": (2, 0),
    "clear_filter_escape": (2, 0),
    "click_card": (10, 1),
    "arrow": (5, 1),
    "move_key": (4, 2),
    "drag_card": (4, 3),
    "move_to_menu": (3, 3),
    "edit_stage": (2, 2),
    "edit_amount": (3, 2),
    "edit_close_date": (3, 2),
    "add_action": (3, 2),
    "remove_action": (2, 2),
    "add_influence": (2, 2),
    "remove_influence": (2, 2),
    "undo": (5, 0),
    "redo": (3, 0),
    "walk_away": (2, 1),
    "close_with_reason": (2, 3),
    "reopen_from_archive": (2, 1),
    "switch_tab": (3, 1),
    "show_dock": (3, 1),
    "new_deal": (2, 2),
    "delete_deal": (1, 1),
    "record_commitment": (3, 2),
    "plan_call": (2, 2),
    "debrief_call": (2, 2),
    "plan_crm_step": (1, 1),
    "edit_person": (2, 2),
    "add_duplicate": (1, 1),
    "merge_duplicates": (1, 1),
    "agenda_done": (3, 1),
    "agenda_reschedule": (3, 2),
    "switch_pipeline": (3, 1),
    "import_crm": (1, 1),
    "search_and_open": (3, 2),
    "change_sort": (2, 1),
    "drag_within": (4, 3),
    "import_review_notes": (1, 1),
    "answer_coaching_item": (2, 1),
    "record_forecast_call": (2, 2),
}


def draw_steps(seed: int, count: int) -> list[Step]:
    """The walk of a seed: actions by weight, each with arguments 0..999."""
    rng = random.Random(seed)
    names = list(ACTIONS)
    weights = [ACTIONS[n][0] for n in names]
    steps = []
    for _ in range(count):
        name = rng.choices(names, weights)[0]
        steps.append(Step(name, tuple(rng.randrange(1000) for _ in range(ACTIONS[name][1]))))
    return steps


class WalkFailure(AssertionError):  # noqa: N818 (a failed walk, not an error of the code)
    """An invariant broke: which step, and what was wrong."""

    def __init__(self, position: int, step: Step, problem: str) -> None:
        super().__init__(f"after step {position} {step}: {problem}")
        self.position = position
        self.step = step
        self.problem = problem


class Walk:
    """One window on a fresh demo plan, driven step by step."""

    def __init__(self, size: tuple[int, int] = (1366, 768)) -> None:
        self.plan: PlanDB = open_memory()
        populate_demo(self.plan, START)
        self.window = MainWindow(self.plan)
        self.window.resize(*size)
        self.window.show()
        self.window.activateWindow()
        drive.settle(20)
        self.modals = drive.Modals()
        # The plan as each undo-stack index left it: dumps[i] is the plan at index i.
        self.dumps = [dump(self.plan)]
        self.commands: list[Any] = []
        self.index = 0
        self.words = self._filter_words()
        self.search_words = self._search_words()
        self.problems: list[str] = []
        self.timings: list[tuple[float, str]] = []
        self.folder = Path(tempfile.mkdtemp(prefix="walk-"))
        self.notes_file: Path | None = None
        self._previous_handler: Any = qInstallMessageHandler(self._on_qt_message)

    def close(self) -> None:
        qInstallMessageHandler(self._previous_handler)
        self.window.undo_stack.clear()
        self.window.close()
        self.window.deleteLater()
        drive.settle()
        self.plan.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _on_qt_message(self, kind: QtMsgType, context: Any, message: str) -> None:
        quiet = kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
        if not quiet and not OFFSCREEN_LIMITS.search(message):
            self.problems.append(f"Qt {kind.name}: {message}")
        if self._previous_handler is not None:
            self._previous_handler(kind, context, message)

    def _search_words(self) -> list[str]:
        """What a seller searches for: the filter's words, people's names, and words of the sheets."""
        words = set(self.words)
        for account in account_repo.list_accounts(self.plan):
            for person in people_repo.list_people(self.plan, account.id):
                words.update(person.name.split())
        words.update(["cfo", "reference", "contoso", "budget", 'NEAR("x" -:(', "<b>"])
        # QTest types ASCII only (its key table asserts on anything else).
        return sorted(w for w in words if w.isascii())

    def _filter_words(self) -> list[str]:
        """Pieces of titles and account names to filter by, and one that matches nothing."""
        words = {"zzqx"}
        for deal in opportunity_repo.list_opportunities(self.plan):
            words.update(w for w in deal.title.split() if len(w) > 2)
        for account in account_repo.list_accounts(self.plan):
            words.add(account.name.split()[0])
            # The filter matches the deal's people too.
            words.update(p.name.split()[-1] for p in people_repo.list_people(self.plan, account.id))
        return sorted(words)

    # Running --------------------------------------------------------------------------------
    def run(self, steps: Sequence[Step], *, check_each: bool = True) -> None:
        for position, step in enumerate(steps, 1):
            started = time.monotonic()
            self.do(position, step)
            if check_each:
                self.check(position, step)
            self.timings.append((time.monotonic() - started, str(step)))

    def do(self, position: int, step: Step) -> None:
        action: Callable[..., None] = getattr(self, f"do_{step.name}")
        self.activate()
        errors: list[str] = []
        old_hook = sys.excepthook

        def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
            errors.append("".join(traceback.format_exception(kind, value, tb)))

        sys.excepthook = hook
        try:
            action(*step.args)
            drive.wait_until_idle()
        except Exception:
            errors.append(traceback.format_exc())
        finally:
            sys.excepthook = old_hook
        unexpected = self.modals.take_unexpected()
        if errors or unexpected or self.problems:
            problems = errors + [f"unexpected {u}" for u in unexpected] + self.problems
            self.problems = []
            raise WalkFailure(position, step, "\n".join(problems))

    def expect(self, *answers: drive.Answer) -> Any:
        return self.modals.expecting(*answers)

    # Where things are -----------------------------------------------------------------------
    def stages(self) -> list[Stage]:
        return stage_repo.list_stages(self.plan)

    def views(self) -> dict[int, QAbstractItemView]:
        """Each open stage's card view, by stage id, left to right."""
        return {stage_id: column.view for stage_id, column in self.window.board.columns.items()}

    def visible(self) -> list[tuple[QAbstractItemView, int]]:
        """Every card on the board: (its view, its row)."""
        return [(view, row) for view in self.views().values() for row in range(view.model().rowCount())]

    def card(self, k: int) -> tuple[QAbstractItemView, int] | None:
        cards = self.visible()
        return cards[k % len(cards)] if cards else None

    def selected_card(self) -> tuple[QAbstractItemView, int] | None:
        for view in self.views().values():
            rows = view.selectionModel().selectedRows()
            if rows:
                return view, rows[0].row()
        return None

    def on_board(self) -> bool:
        tabs = self.window.tabs
        return tabs.currentIndex() == drive.tab_of(tabs, self.window.board)

    def to_board(self) -> None:
        if not self.on_board():
            drive.click_tab(self.window.tabs, drive.tab_of(self.window.tabs, self.window.board))

    def select_card(self, k: int) -> tuple[QAbstractItemView, int] | None:
        """Click a card (the k-th on the board) and return it."""
        self.to_board()
        found = self.card(k)
        if found is not None:
            view, row = found
            drive.click_row(view, view.model().index(row, 0))
        return found

    def activate(self) -> None:
        drive.activate(self.window)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = drive.NO_KEYS) -> None:
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    # Actions --------------------------------------------------------------------------------
    def do_type_filter(self, k: int) -> None:
        word = self.words[k % len(self.words)]
        # Part of a word: as someone types, not always whole words.
        text = word[: max(3, len(word) - k % 3)]
        drive.type_into(self.window.filter_edit, text)

    def do_clear_filter_button(self) -> None:
        edit = self.window.filter_edit
        if not edit.text():
            return
        # The line edit's own clear button (Qt's QLineEditIconButton, a tool button).
        shown = [b for b in edit.findChildren(QToolButton) if b.isVisible()]
        assert shown, "the filter's clear button is not shown while it holds text"
        drive.click(shown[0])

    def do_clear_filter_escape(self) -> None:
        edit = self.window.filter_edit
        drive.click(edit)
        QTest.keyClick(edit, Qt.Key.Key_Escape)
        assert not edit.text(), f"Esc left {edit.text()!r} in the filter"

    def do_click_card(self, k: int) -> None:
        self.select_card(k)

    def do_arrow(self, k: int) -> None:
        if not isinstance(QApplication.focusWidget(), CardList) or not self.on_board():
            return
        key = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)[k % 4]
        self.press(key)

    def _answer_move(self, accept: bool) -> drive.Answer:
        def answer(dialog: QWidget) -> None:
            if not accept:
                drive.press_cancel(dialog)
                return
            # Commitments already on record are shown ticked and cannot be ticked again.
            boxes = [b for b in dialog.findChildren(QCheckBox) if b.isVisible()]
            new = [b for b in boxes if b.isEnabled() and not b.isChecked()]
            if new:
                drive.click_check_box(new[0])  # the customer's commitment
            elif not boxes and isinstance(drive.field(dialog, "Reason"), QComboBox):
                self._give_close_reason(dialog, len(self.dumps))  # closing: any reason
            elif not boxes:
                drive.type_into(drive.line_edit_of(drive.field(dialog, "Reason")), "Customer paused")
            drive.press_ok(dialog)  # with every entry commitment on record, no new one is needed

        return answer

    def _give_close_reason(self, dialog: QWidget, k: int, note: str = "") -> str:
        """Pick the k-th reason of the close dialog's list, name a competitor when it asks for
        one, type the note; the code picked."""
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        drive.pick_in_combo(combo, k % combo.count())
        code = str(combo.currentData())
        if code == close_reasons.COMPETITOR:
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Competitor")), "Contoso <b>Ltd</b>")
        if note:
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Note")), note)
        return code

    def _moves(self, deal_id: int, target: Stage) -> bool:
        """Whether moving this deal to `target` opens a dialog (a reopen does not)."""
        deal = opportunity_repo.get_opportunity(self.plan, deal_id)
        return deal is not None and deal.stage_id != target.id

    def do_move_key(self, k: int, accept: int) -> None:
        if self.select_card(k) is None:
            return
        forward = k % 2 == 0
        deal_id = self.window.board.selected_id()
        columns = list(self.views())
        position = columns.index(self.window.controller.stage_of(deal_id) or columns[0]) + (
            1 if forward else -1
        )
        answers = [self._answer_move(accept % 4 != 0)] if 0 <= position < len(columns) else []
        with self.expect(*answers):
            self.press(Qt.Key.Key_Right if forward else Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)

    def do_drag_card(self, k: int, step: int, accept: int) -> None:
        found = self.select_card(k)
        if found is None:
            return
        view, row = found
        views = list(self.views().values())
        position = views.index(view) + (1 if step % 2 else -1)
        if not 0 <= position < len(views):
            return
        with self.expect(self._answer_move(accept % 4 != 0)):
            drive.drag(view, view.model().index(row, 0), views[position])

    def do_record_forecast_call(self, commit: int, extra: int) -> None:
        # The Forecast tab's button; the dialog answered with typed figures for the current quarter
        # (the next keeps the proposal); on some days twice, so the second replaces the first.
        tabs = self.window.tabs
        drive.click_tab(tabs, tabs.indexOf(self.window._forecast_tab))
        view = self.window.forecast_view
        if view is None:
            return

        def answer(dialog: QWidget) -> None:
            edits = [
                e for e in dialog.findChildren(QLineEdit) if e.accessibleName().startswith(("Commit", "Best"))
            ]
            called = 1000 * (commit + 1)
            drive.type_into(edits[0], str(called))  # the current quarter's Commit...
            drive.type_into(edits[1], str(called + 500 * extra))  # ...and its Best Case
            drive.press_ok(dialog)

        with self.expect(answer):
            drive.click(drive.button(view, "Record forecast call…"))

    def do_change_sort(self, k: int) -> None:
        combo = self.window.board_sort.combo
        drive.pick_in_combo(combo, k % combo.count())

    def do_drag_within(self, k: int, onto: int, own: int) -> None:
        # Mostly in the seller's own order, where a drop places the card; in another order the
        # drop must change nothing (the column check says so).
        if own % 4 and self.window.controller.order is not board_order.BoardOrder.OWN:
            self.do_change_sort(list(board_order.BoardOrder).index(board_order.BoardOrder.OWN))
        found = self.select_card(k)
        if found is None:
            return
        view, row = found
        rows = view.model().rowCount()
        target = onto % (rows + 1)
        drive.drag_within(
            view, view.model().index(row, 0), None if target == rows else view.model().index(target, 0)
        )

    def do_move_to_menu(self, k: int, stage: int, accept: int) -> None:
        found = self.select_card(k)
        if found is None:
            return
        view, row = found
        open_ones = open_stages(self.stages())
        target = open_ones[stage % len(open_ones)]
        deal_id = int(view.model().index(row, 0).data(ID_ROLE))
        answers = [drive.choose_in_menu("Move to", target.name)]
        if self._moves(deal_id, target):
            answers.append(self._answer_move(accept % 4 != 0))
        with self.expect(*answers):
            drive.open_context_menu(view, view.model().index(row, 0))

    def _edit_deal(self, k: int, change: Callable[[QWidget], None], accept: bool = True) -> None:
        if self.select_card(k) is None:
            return

        def answer(dialog: QWidget) -> None:
            change(dialog)
            if accept:
                drive.press_ok(dialog)
            else:
                drive.press_cancel(dialog)

        with self.expect(answer):
            self.press(Qt.Key.Key_F2)

    def do_edit_stage(self, k: int, steps: int) -> None:
        def change(dialog: QWidget) -> None:
            combo = drive.field(dialog, "Stage")
            assert isinstance(combo, QComboBox)
            before = combo.currentData()
            drive.choose_in_combo(combo, 1 if steps % 2 else -1)
            if combo.currentData() != before:
                # OK then asks for the move's commitment or reason, as a drag would.
                self.modals.queue.append(self._answer_move((steps // 2) % 4 != 0))

        self._edit_deal(k, change)

    def do_record_commitment(self, k: int, which: int) -> None:
        found = self.select_card(k)
        if found is None:
            return
        view, row = found

        def answer(dialog: QWidget) -> None:
            if which % 6 == 0:
                drive.press_cancel(dialog)
                return
            choice = drive.field(dialog, "Commitment")
            assert isinstance(choice, QComboBox)
            drive.choose_in_combo(choice, which % choice.count())
            if choice.currentIndex() == choice.count() - 1:  # in the customer's words
                words = drive.line_edit_of(drive.field(dialog, "In the customer's words"))
                drive.type_into(words, f"Agreed to step {which}")
            if which % 3 == 0:
                when = dt.date.today() - dt.timedelta(days=which % 40)
                drive.type_into(drive.line_edit_of(drive.field(dialog, "Date")), when.isoformat())
            drive.press_ok(dialog)

        with self.expect(drive.choose_in_menu("Record customer commitment…"), answer):
            drive.open_context_menu(view, view.model().index(row, 0))

    def do_edit_amount(self, k: int, amount: int) -> None:
        def change(dialog: QWidget) -> None:
            text = "" if amount % 10 == 0 else str(1000 * (amount + 1))
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Amount")), text)

        self._edit_deal(k, change, accept=amount % 7 != 0)

    def do_edit_close_date(self, k: int, days: int) -> None:
        def change(dialog: QWidget) -> None:
            when = START + dt.timedelta(days=days - 300)
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Close date")), when.isoformat())

        self._edit_deal(k, change)

    def _sheet(self) -> QWidget | None:
        """The Blue Sheet of the selected card, shown (None when no card is selected)."""
        if self.selected_card() is None:
            return None
        dock = self.window.blue_sheet_dock
        if not dock.isVisible():
            dock.show()
        dock.raise_()
        return dock.widget()

    def do_add_action(self, k: int, dated: int) -> None:
        if self.select_card(k) is None:
            return
        sheet = self._sheet()
        assert sheet is not None
        what = drive.named(sheet, "What", QLineEdit)
        drive.reveal(what)
        assert isinstance(what, QLineEdit)
        drive.type_into(what, f"Call the buyer #{k}")
        due = drive.named(sheet, "Due")
        if dated % 3 and due.isEnabled():
            when = START + dt.timedelta(days=dated % 40)
            drive.type_into(drive.line_edit_of(due), when.isoformat())
        group = what.parentWidget()
        assert group is not None
        drive.push_button(group, "Add")

    def _remove_row(self, k: int, row: int, table_name: str, confirm_title: str) -> None:
        if self.select_card(k) is None:
            return
        sheet = self._sheet()
        assert sheet is not None
        table = drive.named(sheet, table_name, QTableView)
        assert isinstance(table, QTableView)
        drive.reveal(table)
        if table.model().rowCount() == 0:
            return
        drive.click_row(table, table.model().index(row % table.model().rowCount(), 0))
        section = table.parentWidget()
        while section is not None and not any(
            drive.bare(b.text()) == "Remove" for b in section.findChildren(QPushButton)
        ):
            section = section.parentWidget()
        assert section is not None
        with self.expect(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
            drive.push_button(section, "Remove")

    def do_remove_action(self, k: int, row: int) -> None:
        self._remove_row(k, row, "Action plan", "Delete action")

    def do_remove_influence(self, k: int, row: int) -> None:
        self._remove_row(k, row, "Buying influences", "Remove")

    def do_add_influence(self, k: int, who: int) -> None:
        if self.select_card(k) is None:
            return
        sheet = self._sheet()
        assert sheet is not None
        add = drive.button(sheet, "Add influence…")
        drive.reveal(add)
        if not add.isEnabled():
            return

        def answer(dialog: QWidget) -> None:
            person = drive.field(dialog, "Person")
            assert isinstance(person, QComboBox)
            if who % 2 or person.count() == 1:
                drive.choose_in_combo(person, person.count())  # the last item: a new person
                drive.type_into(drive.line_edit_of(drive.field(dialog, "Name")), f"Dana Walker {who}")
            role = drive.field(dialog, "Role")
            assert isinstance(role, QComboBox)
            drive.choose_in_combo(role, -(who % 4))
            drive.press_ok(dialog)

        with self.expect(answer):
            drive.click(add)

    def do_undo(self) -> None:
        self.activate()
        QTest.keySequence(
            QApplication.focusWidget() or self.window, QKeySequence(QKeySequence.StandardKey.Undo)
        )

    def do_redo(self) -> None:
        self.activate()
        QTest.keySequence(
            QApplication.focusWidget() or self.window, QKeySequence(QKeySequence.StandardKey.Redo)
        )

    def do_walk_away(self, k: int) -> None:
        found = self.select_card(k)
        if found is None:
            return
        view, row = found
        away = next(s for s in self.stages() if s.level == FunnelLevel.WALKED_AWAY and not s.retired)

        def reason(dialog: QWidget) -> None:
            self._give_close_reason(dialog, k, "No budget this year")
            drive.press_ok(dialog)

        with self.expect(drive.choose_in_menu("Move to", away.name), reason):
            drive.open_context_menu(view, view.model().index(row, 0))

    def do_close_with_reason(self, k: int, outcome: int, which: int) -> None:
        """Close the k-th card as won, lost or walked away from the Edit deal dialog's stage
        list, choosing a reason; the deal then holds the reason picked."""
        found = self.select_card(k)
        if found is None:
            return
        view, row = found
        deal_id = int(view.model().index(row, 0).data(ID_ROLE))
        level = (FunnelLevel.WON, FunnelLevel.LOST, FunnelLevel.WALKED_AWAY)[outcome % 3]
        target = next(s for s in self.stages() if s.level == level and not s.retired)
        picked: list[str] = []

        def reason(dialog: QWidget) -> None:
            picked.append(self._give_close_reason(dialog, which, "Said at the close"))
            drive.press_ok(dialog)

        with self.expect(drive.choose_in_menu("Move to", target.name), reason):
            drive.open_context_menu(view, view.model().index(row, 0))
        deal = opportunity_repo.get_opportunity(self.plan, deal_id)
        assert deal is not None
        assert deal.stage_id == target.id, "the deal did not close"
        assert picked
        assert deal.close_reason_code == picked[0], (deal.close_reason_code, picked)
        assert deal.close_reason == "Said at the close"
        if picked[0] == close_reasons.COMPETITOR:
            assert deal.close_competitor == "Contoso <b>Ltd</b>"

    def do_reopen_from_archive(self, k: int) -> None:
        tabs = self.window.tabs
        archive = self.window.archive
        drive.click_tab(tabs, tabs.indexOf(archive))
        table = archive.findChild(QTableView)
        assert table is not None
        rows = table.model().rowCount()
        if not rows:
            return
        drive.click_row(table, table.model().index(k % rows, 0))
        drive.push_button(archive, "Reopen")

    def do_switch_tab(self, k: int) -> None:
        tabs = self.window.tabs
        drive.click_tab(tabs, k % tabs.count())

    def do_show_dock(self, k: int) -> None:
        """Click the Deal details or the Blue Sheet tab of the docks (behind the other tab, Deal
        details catch up with the deal when shown)."""
        dock = self.window.details_dock if k % 2 else self.window.blue_sheet_dock
        drive.click_dock_tab(self.window, dock)

    def do_new_deal(self, k: int, amount: int) -> None:
        self.to_board()

        def answer(dialog: QWidget) -> None:
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Title")), f"Pilot {k}")
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Amount")), str(500 * (amount + 1)))
            if amount % 3 == 0:
                # A name no account has: the deal comes with a new account, in one undo step.
                drive.type_into(drive.line_edit_of(drive.field(dialog, "Account")), f"Hanse Logistik {k}")
            drive.press_ok(dialog)

        with self.expect(answer):
            QTest.keySequence(QApplication.focusWidget() or self.window, QKeySequence.StandardKey.New)

    def do_delete_deal(self, k: int) -> None:
        if self.select_card(k) is None:
            return
        with self.expect(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
            QTest.keySequence(QApplication.focusWidget() or self.window, QKeySequence.StandardKey.Delete)

    def do_plan_call(self, k: int, days: int) -> None:
        """Plan a customer meeting (a Green Sheet) from the Blue Sheet's Calls section; its time
        is typed after one click on the minutes, as "16:45" or "1645"."""
        found = self.select_card(k)
        if found is None:
            return
        view, row = found
        deal_id = int(view.model().index(row, 0).data(ID_ROLE))
        sheet = self._sheet()
        assert sheet is not None
        new = drive.button(sheet, "New call plan…")
        drive.reveal(new)
        if not new.isEnabled():
            return
        meant = dt.time(7 + k % 12, (7 * k + days) % 60)
        title = f"Evaluation call {k} at {meant:%H%M}"

        def answer(dialog: QWidget) -> None:
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Title")), title)
            when = START + dt.timedelta(days=days % 30)
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Date")), when.isoformat())
            time = drive.field(dialog, "Time")
            drive.click(time, QPoint(time.width() * 3 // 4, time.height() // 2))
            drive.settle()
            QTest.keyClicks(time, f"{meant:%H:%M}" if days % 2 else f"{meant:%H%M}")
            drive.press_ok(dialog)

        with self.expect(answer):
            drive.click(new)
        planned = [c for c in evidence_repo.list_call_plans(self.plan, deal_id) if c.title == title]
        assert planned, f"the call {title!r} was not planned"
        assert planned[-1].meeting_at.time() == meant, (planned[-1].meeting_at, meant)

    def do_debrief_call(self, k: int, words: int) -> None:
        """Debrief a call held (the Calls section's first one that can be): the customer's words
        become a commitment; an offered move is declined."""
        if self.select_card(k) is None:
            return
        sheet = self._sheet()
        assert sheet is not None
        debrief = drive.button(sheet, "Debrief…")
        drive.reveal(debrief)
        calls = debrief.parentWidget()
        assert calls is not None
        lists = [v for v in calls.findChildren(QListView) if v.isVisible()]
        if not lists or lists[0].model().rowCount() == 0:
            return
        view = lists[0]
        drive.click_row(view, view.model().index(words % view.model().rowCount(), 0))
        if not debrief.isEnabled():
            return

        def answer(dialog: QWidget) -> None:
            said = drive.field(dialog, "The customer committed to")
            drive.type_into(drive.line_edit_of(said), f"Agreed to a pilot with {words % 7 + 2} trucks")
            drive.press_ok(dialog)

        def decline(box: QWidget) -> None:
            drive.answer_message_box(box, QMessageBox.StandardButton.No)

        # A free-text commitment is no checklist item: no move is offered, but answer one if it is.
        with self.modals.expecting(answer, decline, optional=1):
            drive.click(debrief)

    def do_plan_crm_step(self, k: int) -> None:
        """Turn the CRM's next step into a planned action (the Blue Sheet's Plan as action)."""
        if self.select_card(k) is None:
            return
        sheet = self._sheet()
        assert sheet is not None
        plan = drive.button(sheet, "Plan as action")
        if plan.isHidden() or not plan.isEnabled():
            return
        drive.reveal(plan)
        drive.click(plan)

    def people(self) -> PeopleView:
        """The People tab, opened with a click on its tab."""
        tabs = self.window.tabs
        index = next(i for i in range(tabs.count()) if bare(tabs.tabText(i)) == "People")
        drive.click_tab(tabs, index)
        view = self.window.people_view
        assert view is not None
        return view

    def do_edit_person(self, k: int, words: int) -> None:
        """Double-click someone in the People tab and change their title (or name) for every deal."""
        view = self.people()
        rows = view.model.rowCount()
        if not rows:
            return
        index = view.model.index(k % rows, 0)
        view.table.scrollTo(index)

        def answer(dialog: QWidget) -> None:
            if words % 5 == 0:
                drive.press_cancel(dialog)
                return
            label = "Name" if words % 3 == 0 else "Job title"
            drive.type_into(drive.line_edit_of(drive.field(dialog, label)), f"<b>Edited</b> {words}")
            drive.press_ok(dialog)

        with self.expect(answer):
            drive.double_click(view.table.viewport(), view.table.visualRect(index).center())

    def do_add_duplicate(self, k: int) -> None:
        """Add a second record of someone in the People tab, as a second import of them would."""
        view = self.people()
        rows = view.model.rowCount()
        if not rows:
            return
        original = view.model.rows[k % rows].person
        drive.click_row(view.table, view.model.index(k % rows, 0))

        def answer(dialog: QWidget) -> None:
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Name")), f" {original.name.upper()} ")
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Email")), f"dup{k}@example.com")
            drive.press_ok(dialog)

        with self.expect(answer):
            drive.click(view.add_button)

    def do_merge_duplicates(self, k: int) -> None:
        """Merge the first likely duplicate, keeping the k-th of its records."""
        view = self.people()
        if not view.duplicates.count():
            return
        item = view.duplicates.item(0)
        drive.click(view.duplicates.viewport(), view.duplicates.visualItemRect(item).center())

        def answer(dialog: QWidget) -> None:
            radios = list(dialog.findChildren(QRadioButton))
            radio = radios[k % len(radios)]
            drive.click(radio, QPoint(8, radio.height() // 2))
            box = dialog.findChild(QDialogButtonBox)
            assert box is not None
            drive.click(box.button(QDialogButtonBox.StandardButton.Ok))

        with self.expect(answer):
            drive.click(view.merge_button)

    def _agenda(self) -> Any:
        """Click the Agenda tab; its view."""
        tabs = self.window.tabs
        index = next(i for i in range(tabs.count()) if drive.bare(tabs.tabText(i)) == "Agenda")
        drive.click_tab(tabs, index)
        view = self.window.agenda_view
        assert view is not None
        assert view.isVisible()
        return view

    def _agenda_row(self, view: Any, k: int, kinds: Sequence[Kind]) -> Any:
        model = view.model
        rows = [r for r in range(model.rowCount()) if (i := model.item_at(r)) is not None and i.kind in kinds]
        return model.index(rows[k % len(rows)], 1) if rows else None

    def do_agenda_done(self, k: int) -> None:
        """Mark an agenda row done with Ctrl+D: an action is done; a call is debriefed (an offered
        move is declined)."""
        view = self._agenda()
        index = self._agenda_row(view, k, (Kind.ACTION, Kind.CALL))
        if index is None:
            return
        drive.click_row(view.table, index)
        item = view.model.item_at(index.row())
        if item.kind is Kind.ACTION:
            QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
            return
        if item.day > self.window.session.clock.today():
            # A call still ahead has no debrief yet: Ctrl+D offers nothing (no dialog, no edit).
            QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
            assert QApplication.activeModalWidget() is None, "a debrief offered for a call still ahead"
            return

        def answer(dialog: QWidget) -> None:
            said = drive.field(dialog, "The customer committed to")
            drive.type_into(drive.line_edit_of(said), f"Agreed to a workshop in week {k % 50 + 1}")
            drive.press_ok(dialog)

        def decline(box: QWidget) -> None:
            drive.answer_message_box(box, QMessageBox.StandardButton.No)

        with self.modals.expecting(answer, decline, optional=1):
            QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    def do_agenda_reschedule(self, k: int, days: int) -> None:
        """Reschedule an agenda row with the Reschedule button and the date field."""
        view = self._agenda()
        kinds = (Kind.ACTION, Kind.CALL, Kind.CLOSE, Kind.SNOOZE_ENDS, Kind.STALE)
        index = self._agenda_row(view, k, kinds)
        if index is None:
            return
        drive.click_row(view.table, index)
        day = self.window.session.clock.today() + dt.timedelta(days=days % 20)

        def answer(dialog: QWidget) -> None:
            drive.type_into(drive.line_edit_of(drive.field(dialog, "New day")), day.isoformat())
            drive.press_ok(dialog)

        with self.expect(answer):
            drive.click(drive.button(view, "Reschedule…"))

    def do_switch_pipeline(self, k: int) -> None:
        """Show another pipeline (or all) with the board toolbar's pipeline switch."""
        self.to_board()
        switch = self.window.findChild(QComboBox, "pipeline-switch")
        assert switch is not None
        drive.activate(self.window)
        drive.choose_in_combo(switch, k % switch.count() - switch.currentIndex())

    def do_import_crm(self, k: int) -> None:
        """Import a HubSpot export with two pipelines through the wizard's pages (one undo step);
        the second time it updates nothing, and the wizard is cancelled."""
        self.to_board()

        def answer(wizard: QWidget) -> None:
            assert isinstance(wizard, ImportWizard)
            wizard.files_page.add_paths([DATA / "hubspot_two_pipelines.csv"])
            while wizard.currentId() != ImportWizard.PREVIEW:
                drive.click(wizard.button(ImportWizard.WizardButton.NextButton))
            commit = wizard.button(ImportWizard.WizardButton.CommitButton)
            if not commit.isEnabled() or k % 5 == 0:
                drive.click(wizard.button(ImportWizard.WizardButton.CancelButton))
                return
            drive.click(commit)
            drive.click(wizard.button(ImportWizard.WizardButton.FinishButton))

        with self.expect(answer):
            QTest.keyClick(
                QApplication.focusWidget() or self.window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
            )
        drive.activate(self.window)

    def _review_notes(self) -> Path:
        """A manager's notes on this plan (made once, from the plan as it started): an action with a
        due date and a question on deals, a challenge on a committed deal."""
        if self.notes_file is None:
            from planner.exchange import pack_json, review
            from planner.exchange.pack import PackOptions, PackScope, build_pack

            pack = build_pack(self.plan, PackScope.all_open(), PackOptions(), START)
            bundle = review.load_bundle(pack_json.write_json(pack, self.folder / "bundle.json"))
            deals = [bundle.deals[d.id] for d in pack.deals[:3]]
            committed = next(
                d for d in pack.deals if d.forecast_category and d.forecast_category.value == "commit"
            )
            notes = [
                review.new_note("Book the CFO meeting <b>now</b>", deals[0], item="action", due=START),
                review.new_note("Who signs the order?", deals[1], item="question"),
                review.new_note("Clean the funnel", None, item="action", due=START),
            ]
            verdicts = [review.new_verdict("challenge", "No paper process", bundle.deals[committed.id])]
            self.notes_file = review.write_review_notes(
                review.notes_for(bundle, notes, "Dana", verdicts), self.folder / "notes.json"
            )
            bundle.plan.close()
        return self.notes_file

    def do_import_review_notes(self, k: int) -> None:
        """File → Import review notes… with the manager's file: the first time one undo step, after
        that nothing new; the seller reads the summary."""
        path = self._review_notes()

        def pick(dialog: QWidget) -> None:
            assert isinstance(dialog, QFileDialog), drive.describe(dialog)
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            if k % 7 == 0:
                drive.press_cancel(dialog)
                return
            name.setText(str(path))
            QTest.keyClick(name, Qt.Key.Key_Return)

        def read(box: QWidget) -> None:
            assert isinstance(box, QMessageBox), drive.describe(box)
            drive.answer_message_box(box, QMessageBox.StandardButton.Ok)

        with self.modals.expecting(pick, read, optional=1):
            self.window.menus.import_review_action.trigger()
        drive.activate(self.window)

    def do_answer_coaching_item(self, k: int) -> None:
        """File → Coaching items…: answer the first open item (a question with words), or close."""
        from ui.dialogs.coaching_dialog import CoachingItemsDialog

        def answer(dialog: QWidget) -> None:
            assert isinstance(dialog, CoachingItemsDialog), drive.describe(dialog)
            if dialog.items.count() and k % 4:
                drive.click_row(dialog.items, dialog.items.model().index(k % dialog.items.count(), 0))
                drive.click(dialog.answer_editor)
                QTest.keyClicks(dialog.answer_editor, f"Answered {k}")
                drive.click(dialog.answer_button)
            dialog.reject()

        with self.modals.expecting(answer):
            self.window.menus.coaching_items_action.trigger()
        drive.activate(self.window)

    def board_stages(self) -> list[Stage]:
        """The columns the board must show: the chosen pipeline's open stages, or all pipelines'."""
        pipelines = pipeline_repo.list_pipelines(self.plan)
        chosen = settings_repo.get_setting(self.plan, BOARD_PIPELINE_KEY)
        chosen = chosen if chosen in {p.id for p in pipelines} else None
        return board_columns(self.stages(), pipelines, chosen)

    def do_search_and_open(self, k: int, how: int) -> None:
        """Ctrl+K, type part of a word, then open a result with the keyboard or a click."""
        word = self.search_words[k % len(self.search_words)]
        text = word[: max(2, len(word) - k % 3)]
        drive.click(self.window.tabs.tabBar())  # Ctrl+K works from anywhere in the window
        QTest.keyClick(self.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        dialog = self.window.search.dialog
        assert dialog is not None, "Ctrl+K did not open the search"
        assert dialog.isVisible(), "Ctrl+K did not show the search"
        drive.type_into(dialog.edit, text)
        problem = self.check_search()
        assert problem is None, problem
        rows = dialog.model.hit_rows()
        if not rows:
            QTest.keyClick(dialog.edit, Qt.Key.Key_Escape)
            assert not dialog.isVisible(), "Esc did not close the search"
            return
        target = rows[(k // 3) % len(rows)]
        if how % 2:
            drive.click_row(dialog.view, dialog.model.index(target, 0))
        else:
            for _ in range(rows.index(target)):
                QTest.keyClick(dialog.edit, Qt.Key.Key_Down)
            QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
        hit = dialog.model.hit(target)
        assert hit is not None
        assert not dialog.isVisible(), "opening a result left the search open"
        drive.settle()
        if hit.opportunity_id is not None:
            shown = self.window.details.opportunity_id
            assert shown == hit.opportunity_id, f"opened {hit}, the docks show deal {shown}"

    # Invariants -----------------------------------------------------------------------------
    def check_search(self) -> str | None:
        """The open search window lists exactly what planner.search finds for its text."""
        dialog = self.window.search.dialog
        if dialog is None or not dialog.isVisible():
            return None
        text = dialog.edit.text()
        expected = search.search(self.plan, text)
        model = dialog.model
        shown = [(model.index(r, 0).data(), model.index(r, 1).data() or "") for r in range(model.rowCount())]
        wanted = [
            row
            for group, hits in expected.groups
            for row in [(group.label, ""), *((h.title, h.detail) for h in hits)]
        ]
        if shown != wanted:
            return f"search for {text!r} shows {shown}, planner.search finds {wanted}"
        return None

    def check(self, position: int, step: Step) -> None:
        for check in (
            self.check_columns,
            self.check_selection,
            self.check_undo,
            self.check_people,
            self.check_timeline,
            self.check_agenda,
            self.check_search,
        ):
            problem = check()
            if problem:
                raise WalkFailure(position, step, problem)

    def check_columns(self) -> str | None:
        """Every column shows exactly the plan's open deals of its stage that match the filter,
        in the board's order, and its header counts and sums them."""
        shown_stages = self.board_stages()
        columns = [s.id for s in shown_stages]
        if list(self.views()) != columns:
            return f"columns {list(self.views())} but open stages {columns}"
        needle = self.window.filter_edit.text().strip().casefold()
        names = {a.id: a.name for a in account_repo.list_accounts(self.plan)}
        base = settings_repo.get_setting(self.plan, "base_currency", "EUR")
        rates = dict(settings_repo.get_setting(self.plan, "rates", {}))
        deals = opportunity_repo.list_opportunities(self.plan)
        # What else the filter matches: the product, and the names of the deal's people.
        people = dict(self.plan.query("SELECT id, name FROM person"))
        others: dict[int, list[str]] = {d.id: [d.product] for d in deals}
        for deal_id, person_id in self.plan.query("SELECT opportunity_id, person_id FROM buying_influence"):
            others[deal_id].append(people[person_id])
        # The order the plan chose, decided by the board's own function (planner.board_order).
        order = board_order.BoardOrder.parse(settings_repo.get_setting(self.plan, board_order.SETTING))
        flags = {
            deal: sum(1 for f in found if not f.is_strength)
            for deal, found in red_flags.evaluate_plan(self.plan, self.window.controller.today()).items()
        }
        ranks = load_ranks(self.plan)
        for stage in shown_stages:
            key = board_order.sort_key(
                order,
                default_probability=stage.probability,
                base_currency=base,
                rates=rates,
                flags=flags,
                ranks=ranks,
            )
            wanted = sorted(
                (
                    d
                    for d in deals
                    if d.stage_id == stage.id
                    and (
                        needle in f"{d.title}\n{names.get(d.account_id or 0, '')}".casefold()
                        or any(needle in other.casefold() for other in others[d.id])
                    )
                ),
                key=lambda d: key(as_card(d)),
            )
            view = self.views()[stage.id]
            model = view.model()
            shown = [
                (model.index(r, 0).data(ID_ROLE), model.index(r, 0).data()) for r in range(model.rowCount())
            ]
            expected = [(d.id, d.title) for d in wanted]
            if shown != expected:
                return f"column {stage.name} shows {shown}, the plan has {expected} (filter {needle!r})"
            sums = CurrencySums.of(
                ((d.amount, d.currency, d.probability_override) for d in wanted), stage.probability
            )
            lines = fmt.totals_lines(sums.totals(base, rates))
            column = self.window.board.columns[stage.id]
            header = (column.summary.text(), column.weighted.text())
            if header != lines:
                return f"column {stage.name} header {header}, the plan's {lines}"
        return None

    def check_selection(self) -> str | None:
        """At most one card is selected; the selected card, Deal details and the Blue Sheet show
        the same deal."""
        selected = [
            int(index.data(ID_ROLE))
            for view in self.views().values()
            for index in view.selectionModel().selectedRows()
        ]
        if len(selected) > 1:
            return f"{len(selected)} cards selected: {selected}"
        details = self.window.details.opportunity_id
        # The dock holds a hint until the first deal is chosen, then the Blue Sheet panel.
        sheet = getattr(self.window.blue_sheet_dock.widget(), "opportunity_id", details)
        if details != sheet:
            return f"Deal details show deal {details}, the Blue Sheet deal {sheet}"
        if self.on_board() and selected and selected[0] != details:
            return f"card {selected[0]} is selected, the docks show deal {details}"
        if details and in_view(self.window.details):
            deal = opportunity_repo.get_opportunity(self.plan, details)
            shown = self.window.details.values["Title"].text()
            if deal is None or shown != deal.title:
                return f"Deal details show {shown!r} for deal {details}, the plan has {deal}"
        return None

    def check_agenda(self) -> str | None:
        """The Agenda tab, when shown, lists exactly what planner.agenda says for the plan."""
        view = self.window.agenda_view
        if view is None or not view.isVisible():
            return None
        today = self.window.session.clock.today()
        expected = agenda_rules.load_agenda_page(self.plan, today, view.days, view.page_limit).items
        model = view.model
        shown = [
            (item.key, model.index(r, 2).data(), model.index(r, 5).data())
            for r in range(model.rowCount())
            if (item := model.item_at(r)) is not None
        ]
        wanted = [(i.key, i.deal, i.why) for i in expected]
        if shown != wanted:
            return f"the agenda shows {shown[:8]}..., planner.agenda says {wanted[:8]}..."
        return None

    def check_undo(self) -> str | None:
        """The plan is what the undo history says: the state of the current index, and every edit
        is one command on top of the state it started from."""
        stack = self.window.undo_stack
        now = dump(self.plan)
        index = stack.index()
        commands = [stack.command(i) for i in range(stack.count())]
        kept = 0
        while kept < min(len(commands), len(self.commands)) and commands[kept] is self.commands[kept]:
            kept += 1
        try:
            if kept == len(commands) == len(self.commands):
                if now != self.dumps[index]:
                    changed = [t for t in now if now[t] != self.dumps[index][t]]
                    return (
                        f"the plan changed ({', '.join(changed)}) with no undoable edit (undo index {index})"
                    )
                return None
            if kept == len(commands) - 1 and index == len(commands) and kept == self.index:
                self.dumps = [*self.dumps[: kept + 1], now]  # one new edit on top
                return None
            return (
                f"the undo history changed from {[c.text() for c in self.commands]} at {self.index} "
                f"to {[c.text() for c in commands]} at {index}"
            )
        finally:
            self.commands = commands
            self.index = index

    def check_people(self) -> str | None:
        """The People tab (once opened and shown) lists exactly the plan's people with their
        accounts and deals, and its likely duplicates are the plan's."""
        view = self.window.people_view
        if view is None or not view.isVisible():
            return None
        rows = people.directory(self.plan)
        wanted = [
            (r.person.id, r.person.name, r.account, tuple(d.opportunity_id for d in r.deals)) for r in rows
        ]
        shown = [
            (
                r.person.id,
                view.model.data(view.model.index(n, 0)),
                view.model.data(view.model.index(n, 1)),
                tuple(d.opportunity_id for d in r.deals),
            )
            for n, r in enumerate(view.model.rows)
        ]
        if shown != wanted:
            return f"the People tab shows {shown[:5]}…, the plan has {wanted[:5]}…"
        groups = len(people.duplicates(rows))
        if view.duplicates.count() != groups:
            return f"the People tab lists {view.duplicates.count()} likely duplicates, the plan has {groups}"
        return None

    def check_timeline(self) -> str | None:
        """Deal details' Timeline is the deal's timeline; after an amount edit its last amount
        entry names the deal's amount."""
        deal_id = self.window.details.opportunity_id
        if not deal_id or not in_view(self.window.details):
            return None
        entries = load_timeline(self.plan, deal_id, date_text=fmt.date, money_text=fmt.amount)
        shown = self.window.details.timeline.text().split("\n")
        if len(shown) != len(entries) or any(
            not line.endswith(e.text) for line, e in zip(shown, entries, strict=False)
        ):
            return (
                f"Deal details' timeline shows {shown[-3:]}, the plan's ends {[e.text for e in entries[-3:]]}"
            )
        amounts = [line for line in shown if "Amount " in line]
        changes = opportunity_repo.amount_history(self.plan, deal_id)
        deal = opportunity_repo.get_opportunity(self.plan, deal_id)
        if changes and deal is not None and not amounts[-1].endswith(fmt.amount(deal.amount, deal.currency)):
            wanted = fmt.amount(deal.amount, deal.currency)
            return f"the timeline's last amount is {amounts[-1]!r}, the deal's {wanted}"
        return None

    def undo_everything(self) -> str | None:
        """Undo every edit with the window's keys; the plan must be as it started."""
        stack = self.window.undo_stack
        self.to_board()
        self.window.board.setFocus()  # not the filter box: there Ctrl+Z undoes typing
        for _ in range(stack.index()):
            self.do_undo()
            drive.wait_until_idle()
        if stack.index() != 0:
            return f"undo stopped at {stack.index()}"
        now = dump(self.plan)
        if now != self.dumps[0]:
            changed = [t for t in now if now[t] != self.dumps[0][t]]
            return f"after undoing everything the plan differs from its start in {changed}"
        return None


def as_card(deal: Opportunity) -> Card:
    """A deal as the board's order reads it."""
    close = deal.close_date.isoformat() if deal.close_date else None
    entered = deal.stage_entered.isoformat() if deal.stage_entered else None
    return Card(
        deal.id,
        deal.stage_id,
        deal.title,
        deal.account_id,
        deal.amount,
        deal.currency,
        close,
        entered,
        deal.probability_override,
        close or NO_DATE,
    )


def run_walk(steps: Sequence[Step]) -> WalkFailure | None:
    """Run a walk on a fresh window; the failure it met, if any."""
    walk = Walk()
    try:
        walk.run(steps)
        problem = walk.undo_everything()
        if problem:
            return WalkFailure(len(steps) + 1, Step("undo_everything", ()), problem)
        return None
    except WalkFailure as failure:
        return failure
    finally:
        walk.close()


def shrink(steps: list[Step], failure: WalkFailure, budget_s: float = 120) -> tuple[list[Step], WalkFailure]:
    """Leave steps out while the walk still fails the same way (same invariant, same step name)."""
    same = failure.problem.split(":")[0]

    def fails(candidate: list[Step]) -> WalkFailure | None:
        found = run_walk(candidate)
        if found is not None and found.problem.split(":")[0] == same:
            return found
        return None

    deadline = time.monotonic() + budget_s
    steps = steps[: failure.position]
    chunk = max(1, len(steps) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        start = 0
        while start < len(steps) and time.monotonic() < deadline:
            candidate = steps[:start] + steps[start + chunk :]
            found = fails(candidate) if candidate else None
            if found is not None:
                steps, failure = candidate[: found.position], found
            else:
                start += chunk
        chunk //= 2
    return steps, failure


def report(seed: int, steps: list[Step], failure: WalkFailure) -> str:
    shrunk, last = shrink(list(steps), failure)
    lines = [
        f"window walk, seed {seed}: {failure}",
        f"shrunk to {len(shrunk)} steps: {[str(s) for s in shrunk]}",
        f"which fails with: {last}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, action="append", help="a seed (repeatable)")
    parser.add_argument("--seeds", type=int, default=20, help="how many seeds when none is given")
    parser.add_argument("--steps", type=int, default=250, help="steps per seed")
    options = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(["window-walk", "-platform", "offscreen"])
    from ui.i18n import install_language

    assert isinstance(app, QApplication)
    install_language(app, "en")
    seeds = options.seed or list(range(1000, 1000 + options.seeds))
    total = 0
    started = time.monotonic()
    for seed in seeds:
        steps = draw_steps(seed, options.steps)
        failure = run_walk(steps)
        if failure is not None:
            print(report(seed, steps, failure), file=sys.stderr)
            return 1
        total += len(steps)
        print(f"seed {seed}: {len(steps)} steps green ({total} in {time.monotonic() - started:.0f} s)")
    print(f"{total} steps over {len(seeds)} seeds, every invariant held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
