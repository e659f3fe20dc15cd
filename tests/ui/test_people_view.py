"""The People tab with real input: everyone in the plan, one edit for every deal, merging duplicates."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner import people
from planner.model import Person
from planner.storage import people as people_repo
from planner.storage.db import PlanDB
from tests.planner.forecast_support import dump_all
from tests.ui.forecast_support import Window
from ui.people_view import MergeDialog, PeopleView, PersonDialog, deal_words

HOSTILE = '<b>Dup</b> <img src=x> =HYPERLINK("http://x")'


@pytest.fixture
def window(demo_plan: PlanDB) -> Iterator[Window]:
    w = Window(demo_plan)
    yield w
    w.stack.clear()


@pytest.fixture
def view(qtbot: QtBot, window: Window) -> PeopleView:
    v = PeopleView(window.session)
    qtbot.addWidget(v)
    v.resize(1280, 700)
    v.show()
    return v


def answer_later(qtbot: QtBot, handle: Callable[[QDialog], None]) -> list[str]:
    """Answer the next modal dialog like a seller, from a single-shot timer; returns its title."""
    seen: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, run)
            return
        seen.append(dialog.windowTitle())
        handle(dialog)

    QTimer.singleShot(0, run)
    return seen


def click_row(view: PeopleView, row: int, *, double: bool = False) -> None:
    index = view.model.index(row, 0)
    view.table.scrollTo(index)
    center = view.table.visualRect(index).center()
    viewport = view.table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center)
    if double:
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center)


def click(button: QPushButton) -> None:
    QTest.mouseClick(
        button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center()
    )


def press_ok(dialog: QDialog) -> None:
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)  # type: ignore[attr-defined]
    click(ok)


def row_of(view: PeopleView, person_id: int) -> int:
    return next(n for n, r in enumerate(view.model.rows) if r.person.id == person_id)


def test_the_view_is_the_plans_people(view: PeopleView, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(view.model)
    rows = people.directory(view.plan)
    model = view.model
    assert model.rowCount() == len(rows) == view.plan.query("SELECT COUNT(*) FROM person")[0][0]
    for n, row in enumerate(rows):
        assert model.data(model.index(n, 0)) == row.person.name
        assert model.data(model.index(n, 1)) == row.account
        assert model.data(model.index(n, 5)) == ("; ".join(deal_words(d) for d in row.deals) or "No deal")
    busy = next(n for n, r in enumerate(rows) if r.deals)
    click_row(view, busy)
    shown = [view.deals.item(i).text() for i in range(view.deals.count())]
    assert shown == [deal_words(d) for d in rows[busy].deals]
    assert "Sam Seller" in str(model.data(model.index(busy, 4)))


def test_edit_a_person_once_for_every_deal_and_undo(qtbot: QtBot, view: PeopleView, window: Window) -> None:
    aisha = next(r for r in view.model.rows if r.person.name == "Aisha Rahman" and r.deals)
    before = dump_all(view.plan)

    def type_new_name(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, HOSTILE)
        dialog.phone.setFocus()
        qtbot.keyClicks(dialog.phone, "+49 30 1234")
        press_ok(dialog)

    seen = answer_later(qtbot, type_new_name)
    click_row(view, row_of(view, aisha.person.id), double=True)
    assert seen == ["Edit person"]
    stored = people_repo.get_person(view.plan, aisha.person.id)
    assert stored is not None
    assert (stored.name, stored.phone) == (HOSTILE, "+49 30 1234")
    shown = view.model.data(view.model.index(row_of(view, aisha.person.id), 0))
    assert shown == HOSTILE  # DisplayRole: shown as the text it is
    assert window.stack.count() == 1
    window.stack.undo()
    assert dump_all(view.plan) == before
    assert view.model.data(view.model.index(row_of(view, aisha.person.id), 0)) == "Aisha Rahman"


def test_add_a_duplicate_and_merge_it_in_one_undo_step(
    qtbot: QtBot, view: PeopleView, window: Window
) -> None:
    aisha = next(r for r in view.model.rows if r.person.name == "Aisha Rahman" and r.deals)
    click_row(view, row_of(view, aisha.person.id))
    original = dump_all(view.plan)

    def type_duplicate(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        qtbot.keyClicks(dialog.name, "aisha  rahman")
        dialog.email.setFocus()
        qtbot.keyClicks(dialog.email, "aisha@example.com")
        press_ok(dialog)

    answer_later(qtbot, type_duplicate)
    click(view.add_button)
    assert window.stack.count() == 1
    dup = next(r for r in view.model.rows if r.person.name == "aisha  rahman")
    assert dup.person.account_id == aisha.person.account_id
    assert view.duplicates.count() == 1
    added = dump_all(view.plan)

    def keep_the_first(dialog: QDialog) -> None:
        assert isinstance(dialog, MergeDialog)
        keep = next(n for n, r in enumerate(dialog.group) if r.person.id == aisha.person.id)
        radio = dialog.radios[keep]
        QTest.mouseClick(
            radio, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, radio.height() // 2)
        )
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    item = view.duplicates.item(0)
    QTest.mouseClick(
        view.duplicates.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.duplicates.visualItemRect(item).center(),
    )
    seen = answer_later(qtbot, keep_the_first)
    click(view.merge_button)
    assert seen == ["Merge duplicates"]
    assert window.stack.count() == 2
    assert people_repo.get_person(view.plan, dup.person.id) is None
    kept = people_repo.get_person(view.plan, aisha.person.id)
    assert kept == Person(
        aisha.person.id,
        aisha.person.account_id,
        "Aisha Rahman",
        aisha.person.title,
        aisha.person.email or "aisha@example.com",
        aisha.person.phone,
        aisha.person.notes,
    )
    assert view.duplicates.count() == 0
    assert view.model.rowCount() == len(people.directory(view.plan))
    merged = dump_all(view.plan)
    window.stack.undo()
    assert dump_all(view.plan) == added
    assert view.duplicates.count() == 1
    window.stack.redo()
    assert dump_all(view.plan) == merged
    window.stack.undo()
    window.stack.undo()
    assert dump_all(view.plan) == original


def test_the_view_follows_its_edit_session(view: PeopleView, window: Window) -> None:
    # Written by another part of the window (or the file read again): the session says so.
    someone = view.model.rows[0].person
    with view.plan.atomic():
        people_repo.insert_person(view.plan, Person(0, someone.account_id, "Zoë Newcomer"))
    window.session.resync()
    assert "Zoë Newcomer" in [view.model.text(n, 0) for n in range(view.model.rowCount())]


def test_read_only_offers_no_edits(view: PeopleView, window: Window) -> None:
    window.session.set_read_only("The file is read-only")
    assert not view.add_button.isEnabled()
    assert not view.edit_button.isEnabled()
    assert not view.merge_button.isEnabled()
