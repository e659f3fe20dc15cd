"""The window on a laptop screen (1366x768, 1280x720): columns, docks, Blue Sheet, dialogs, wizard, cards."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from planner.exchange import pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.funnel import FunnelStatus
from planner.storage import accounts as account_repo
from planner.storage import evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.import_support import SHARED
from ui.blue_sheet.models import InfluenceTableModel as M
from ui.board.delegate import (
    AMOUNT_GAP,
    LINES,
    CardDelegate,
    amount_and_date,
    badge_font,
    badge_layout,
    badges,
    card_inner,
)
from ui.board.models import FACE_ROLE, CardFace
from ui.board.view import MIN_COLUMN_WIDTH, StageColumn
from ui.i18n import install_language
from ui.main_window import TITLE_BAR, MainWindow

SCREENS = [(1366, 768), (1280, 720)]
SCREEN_IDS = ["1366x768", "1280x720"]


def _inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def _in_viewport(widget: QWidget, viewport: QWidget) -> QRect:
    """`widget`'s rect in `viewport`'s coordinates."""
    return QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())


def _click_card(window: MainWindow, column: StageColumn, row: int) -> None:
    window.board.ensureWidgetVisible(column, 0, 0)
    index = column.proxy.index(row, 0)
    view = column.view
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )


def _maximised(qtbot: QtBot, plan: PlanDB, screen: tuple[int, int]) -> MainWindow:
    """The plan's window maximised on the screen (less its title bar), its first card clicked."""
    width, height = screen
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.resize(width, height - TITLE_BAR)
    window.show()
    qtbot.waitExposed(window)
    _click_card(window, next(iter(window.board.columns.values())), 0)
    assert window.board.selected_id()
    return window


@pytest.fixture
def laptop(request: pytest.FixtureRequest, qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    window = _maximised(qtbot, demo_plan, request.param)
    yield window
    window.undo_stack.clear()


@pytest.mark.parametrize("laptop", SCREENS, ids=SCREEN_IDS, indirect=True)
def test_every_open_stage_column_is_in_view_beside_the_blue_sheet(laptop: MainWindow) -> None:
    window, board = laptop, laptop.board
    assert window.blue_sheet_dock.isVisible()
    assert window.blue_sheet_dock.widget() is window.blue_sheet
    assert window.blue_sheet.title.isVisible()
    open_stages = [s.id for s in stage_repo.list_stages(window.plan) if not s.is_closed]
    assert list(board.columns) == open_stages
    for column in board.columns.values():
        assert column.width() >= MIN_COLUMN_WIDTH
        # The demo plan's four columns all fit beside the dock without scrolling.
        assert _inside(_in_viewport(column, board.viewport()), board.viewport().rect()), column.stage.name
    assert board.horizontalScrollBar().maximum() == 0
    # Each funnel band spans exactly the columns of its level.
    columns = list(board.columns.values())
    first = 0
    for band in board.band_labels:
        members: list[StageColumn] = []
        for column in columns[first:]:
            if column.stage.level.label != band.text():
                break
            members.append(column)
        assert members, band.text()
        assert band.x() == members[0].x()
        assert band.geometry().right() == members[-1].geometry().right()
        first += len(members)
    assert first == len(columns)


def test_columns_share_the_width_and_scroll_below_their_minimum(qtbot: QtBot, demo_plan: PlanDB) -> None:
    window = MainWindow(demo_plan)
    qtbot.addWidget(window)
    window.show()
    board = window.board
    widths: dict[int, list[int]] = {}
    for width in (800, 1366, 1920, 3000):
        window.resize(width, 700)
        QApplication.processEvents()
        assert window.width() == width
        widths[width] = [c.width() for c in board.columns.values()]
        assert min(widths[width]) >= MIN_COLUMN_WIDTH
        assert max(widths[width]) - min(widths[width]) <= 1  # equal shares
    assert widths[1920][0] > widths[1366][0]  # they grow with the window
    assert board.horizontalScrollBar().maximum() == 0
    window.resize(800, 700)
    qtbot.waitUntil(lambda: board.horizontalScrollBar().maximum() > 0)  # too narrow: it scrolls
    last = list(board.columns.values())[-1]
    _click_card(window, last, 0)
    assert _inside(_in_viewport(last, board.viewport()), board.viewport().rect())


def test_clicking_cards_keeps_the_width_of_the_blue_sheet_dock(qtbot: QtBot, demo_plan: PlanDB) -> None:
    window = MainWindow(demo_plan)
    qtbot.addWidget(window)
    window.resize(1366, 768 - TITLE_BAR)
    window.show()
    qtbot.waitExposed(window)
    dock = window.blue_sheet_dock
    before = dock.width()
    assert 360 <= before <= 480  # a default that shows the sections and leaves the board room
    columns = list(window.board.columns.values())
    for column, row in ((columns[0], 0), (columns[2], 1), (columns[1], 0), (columns[3], 2)):
        _click_card(window, column, row)
        QApplication.processEvents()
        assert window.blue_sheet.opportunity_id == window.board.selected_id() != 0
        assert dock.width() == before
    window.undo_stack.clear()


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("screen", SCREENS, ids=SCREEN_IDS)
def test_every_blue_sheet_section_is_one_click_away(
    qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB, screen: tuple[int, int], language: str
) -> None:
    try:
        install_language(qapp, language)
        window = _maximised(qtbot, demo_plan, screen)
        panel = window.blue_sheet
        bar = panel.tabs.tabBar()
        # No tab arrows: the tab bar is not there to scroll, nor anything inside it.
        assert not [b for b in bar.findChildren(QToolButton) if b.isVisibleTo(window)]
        assert not bar.isVisibleTo(window)
        dock = window.blue_sheet_dock
        assert len(panel.sections.buttons) == panel.tabs.count() == 8
        for index, button in enumerate(panel.sections.buttons):
            assert button.isVisible()
            assert _inside(_in_viewport(button, dock), dock.rect()), button.text()
            assert button.text() == panel.tabs.tabText(index)
            assert QFontMetrics(button.font()).horizontalAdvance(button.text()) <= button.width()
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            section = panel.tabs.widget(index)
            assert panel.tabs.currentWidget() is section
            assert section.isVisible()
            assert _inside(_in_viewport(section, dock), dock.rect())
            assert button.isChecked()
        window.undo_stack.clear()
    finally:
        install_language(qapp, "en")


@pytest.mark.parametrize("laptop", SCREENS, ids=SCREEN_IDS, indirect=True)
def test_the_persons_name_stays_in_view_across_the_influence_table(laptop: MainWindow, qtbot: QtBot) -> None:
    panel = laptop.blue_sheet
    QTest.mouseClick(panel.sections.buttons[1], Qt.MouseButton.LeftButton)
    table, model = panel.influence.table, panel.influence.model
    assert model.rowCount() >= 2
    row = 1
    name = model.index(row, M.PERSON).data()
    first = table.visualRect(model.index(row, M.PERSON)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    assert table.currentIndex().column() == M.PERSON
    names = table.verticalHeader()
    scrolled = False
    for column in range(1, model.columnCount()):
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert table.currentIndex().row() == row
        assert table.currentIndex().column() == column
        cell = table.visualRect(table.currentIndex())
        assert _inside(cell, table.viewport().rect())  # the cell being edited is in view...
        person = table.visualRect(model.index(row, M.PERSON))
        if _inside(person, table.viewport().rect()):
            continue
        # ...and, once the Person column has scrolled away, the name heads the row.
        scrolled = True
        assert names.isVisible()
        assert names.width() > 40
        assert model.headerData(row, Qt.Orientation.Vertical) == name
        assert names.sectionViewportPosition(row) == cell.top()
    assert scrolled  # the dock is narrower than the table: the test went past the Person column
    qtbot.keyClick(table, Qt.Key.Key_Home)  # back to the first column
    assert table.currentIndex().column() == M.PERSON
    assert not names.isVisible()  # the Person column itself is back in view, named once


# Dialogs -------------------------------------------------------------------------------------
def _dialogs(plan: PlanDB, parent: MainWindow, tmp: Path) -> list[QWidget]:
    from planner.storage import backup as backups
    from tests.planner.plan_files import NOW, make_demo
    from ui.blue_sheet.dialogs import AddInfluenceDialog, PersonDialog
    from ui.dialogs.account_dialog import AccountDialog
    from ui.dialogs.currency_dialog import CurrencyDialog
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.move_dialog import MoveDialog
    from ui.dialogs.opportunity_dialog import OpportunityDialog
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.dialogs.snooze_dialog import SnoozeDialog
    from ui.dialogs.stage_settings import StageSettingsDialog
    from ui.help import GuideDialog, ShortcutsDialog
    from ui.hygiene_view import DateReasonDialog
    from ui.welcome import WelcomeDialog

    accounts = account_repo.list_accounts(plan)
    stages = stage_repo.list_stages(plan)
    open_ids = [r[0] for r in plan.query("SELECT id FROM opportunity WHERE closed_on IS NULL ORDER BY id")]
    deal = opportunity_repo.get_opportunity(plan, open_ids[0])
    assert deal is not None
    people = people_repo.list_people(plan, accounts[0].id)
    commitments = tuple(f"The customer agreed to step {n}, with a longer sentence to wrap" for n in range(6))
    path = make_demo(tmp / "mine.plan")
    from planner.storage.db import open_plan

    copy = open_plan(path)
    try:
        backups.take_backup(copy, NOW)
    finally:
        copy.close()
    export = ExportDialog(plan, open_ids[:3], today=TODAY, folder=tmp)
    export._refresh.stop()  # no preview refresh after the test's plan is closed
    return [
        *_green_sheet_dialogs(plan, parent),
        AccountDialog(accounts, accounts[0], parent),
        CurrencyDialog("EUR", {"USD": 0.92, "CHF": 1.05, "GBP": 1.17}, parent),
        export,
        *(
            MoveDialog(kind, deal.title, stages[0], stages[1], commitments, TODAY, parent)
            for kind in ("forward",)
        ),
        *(MoveDialog("close", deal.title, stages[1], s, (), TODAY, parent) for s in stages if s.is_closed),
        OpportunityDialog(accounts, stages, deal, parent),
        RestoreDialog(path, parent),
        SnoozeDialog(deal.title, TODAY, parent),
        StageSettingsDialog(stages, {stages[0].id: 3}, parent),
        PreferencesDialog(parent.settings, parent),
        ShortcutsDialog(parent),
        GuideDialog(parent),
        WelcomeDialog(parent, demo=True),
        WelcomeDialog(parent, demo=False),
        DateReasonDialog("Close", "Several deals " * 20, "Date", TODAY, None, parent, reason_label="Why"),
        AddInfluenceDialog(people, accounts[0].name, parent),
        PersonDialog(people[0], 3, parent),
    ]


def _green_sheet_dialogs(plan: PlanDB, parent: MainWindow) -> list[QWidget]:
    """A call plan of the deal with the most influences, every question list long."""
    import datetime as dt

    from planner import green_sheet
    from planner.model import CallPlan
    from ui.blue_sheet.green_sheet import CallPlanDialog, DebriefDialog

    deal = max(
        (o for o in opportunity_repo.list_opportunities(plan) if o.closed_on is None),
        key=lambda o: len(people_repo.list_influences(plan, o.id)),
    )
    influences = people_repo.list_influences(plan, deal.id)
    questions = tuple(f"A question the seller wrote, number {n}, long enough to matter" for n in range(12))
    call = CallPlan(
        0,
        deal.id,
        dt.datetime(2026, 11, 24, 9, 30),
        "Evaluation kick-off",
        attendees=tuple(bi.id for bi in influences),
        business_reason="Agree the pilot's scope " * 8,
        giving="A reference from a peer " * 8,
        confirmation_questions=questions,
        new_information_questions=questions,
        attitude_questions=questions,
        best_action="CFO signs the pilot order",
        minimum_action="Introduce us to the CFO",
    )
    _change, call_id = green_sheet.create_call_plan(plan, call)
    stored = evidence.get_call_plan(plan, call_id)
    assert stored is not None
    people = {p.id: p for p in people_repo.list_people(plan, deal.account_id or 0)}
    stage = stage_repo.get_stage(plan, deal.stage_id)
    return [
        CallPlanDialog(deal, "Account", influences, people, stored, TODAY, parent),
        DebriefDialog(stored, stage, influences, people, TODAY, parent),
    ]


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_dialog_and_the_review_window_fit_768_pixels(
    qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path, language: str
) -> None:
    from ui.dialogs.import_wizard import ImportWizard
    from ui.windows import open_review_window

    try:
        install_language(qapp, language)
        window = MainWindow(demo_plan)
        qtbot.addWidget(window)
        window.show()
        dialogs = _dialogs(demo_plan, window, tmp_path)
        wizard = ImportWizard(demo_plan, window)
        dialogs.append(wizard)
        for dialog in dialogs:
            dialog.show()
            QApplication.processEvents()
            name = type(dialog).__name__
            assert dialog.sizeHint().height() <= 768, name
            assert dialog.minimumSizeHint().height() <= 768, name
            assert dialog.height() <= 768, name
            dialog.close()
        bundle = pack_json.write_json(
            build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY), tmp_path / "bundle.json"
        )
        review = open_review_window(bundle)
        qtbot.addWidget(review)
        for select in (False, True):
            if select:  # the Blue Sheet, built on the first click, is taller than its placeholder
                _click_card(review, next(iter(review.board.columns.values())), 0)
                QApplication.processEvents()
            assert review.sizeHint().height() <= 768
            assert review.minimumSizeHint().height() <= 720 - TITLE_BAR
        # Its notes' buttons are on the screen: the window at 1366x768, less the title bar.
        review.resize(1366, 768 - TITLE_BAR)
        QApplication.processEvents()
        panel = review.notes_panel
        assert panel.isVisible()
        for button in (panel.add_deal_note, panel.add_plan_note, panel.remove_button):
            assert button.isVisible()
            assert _inside(_in_viewport(button, review), review.rect()), button.text()
        review.unsaved = False
        window.undo_stack.clear()
    finally:
        install_language(qapp, "en")


# The import wizard ---------------------------------------------------------------------------
def _long_samples(folder: Path) -> Path:
    """A Salesforce-like export: long ids and timestamps make long sample values."""
    path = folder / "deals.csv"
    rows = ["Id,Name,AccountId,StageName,Amount,CloseDate,CreatedDate"]
    for n in range(3):
        rows.append(
            f"0061A00000abc{n}QAA,Deal {n},0011A00000bvc{n}qQAA,Proposal,{1000 * (n + 1)},2026-12-0{n + 1},"
            f"2023-09-2{n} 15:15:00.000000 UTC"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("source", ["long samples", "salesforce-mock", "crm-sales-opportunities"])
def test_the_import_wizards_field_column_is_in_view(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path, source: str
) -> None:
    from ui.dialogs.import_wizard import ImportWizard

    files = {
        "long samples": _long_samples(tmp_path),
        "salesforce-mock": SHARED / "salesforce-mock" / "opportunities.csv",
        "crm-sales-opportunities": SHARED / "crm-sales-opportunities" / "sales_pipeline.csv",
    }
    path = files[source]
    if not path.is_file():
        pytest.skip(f"the real CRM exports are not at {path.parent} (../shared/data beside the repository)")
    wizard = ImportWizard(demo_plan)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files_page.add_paths([path])
    wizard.next()
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    assert wizard.height() <= 768 - TITLE_BAR
    view = wizard.mapping_page.view
    header = view.horizontalHeader()
    QApplication.processEvents()
    left = header.sectionViewportPosition(2)
    assert left >= 0
    assert left + header.sectionSize(2) <= view.viewport().width()
    assert header.sectionSize(2) >= view.sizeHintForColumn(2)  # its longest field name whole
    # The Field column is clicked and edited where it is seen.
    model = wizard.mapping_page.model
    index = model.index(0, 2)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )
    assert view.currentIndex() == index
    QTest.keyClick(view, Qt.Key.Key_F2)
    assert view.state() == view.State.EditingState
    # The samples a narrow cell cuts are in its tooltip.
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


# Cards ---------------------------------------------------------------------------------------
def _faces(window: MainWindow) -> list[CardFace]:
    window.controller.load_rest()
    faces: list[CardFace] = []
    for column in window.board.columns.values():
        for row in range(column.proxy.rowCount()):
            face = column.proxy.index(row, 0).data(FACE_ROLE)
            assert isinstance(face, CardFace)
            faces.append(face)
    return faces


def _crowded(face: CardFace) -> CardFace:
    """The demo card with every badge, large numbers in each."""
    status = FunnelStatus(
        stale_days=123, stale_limit=30, slips=12, overdue=True, premature=True, snoozed=False
    )
    flags = tuple(f"Reason {n}" for n in range(14))
    return dataclasses.replace(face, status=status, red_flags=flags)


def _check_card(face: CardFace, inner: QRect, line: int, font: QFont) -> None:
    chips = badge_layout(inner, line, badges(face), font)
    assert chips or not badges(face)
    days_line_bottom = inner.top() + (LINES - 1) * line
    right = inner.left() - 1
    shown = 0
    for badge, rect in chips:
        assert _inside(rect, inner), (badge.text, rect, inner)
        assert rect.top() >= days_line_bottom  # below "N days in stage", never over it
        assert rect.left() > right  # left to right, none over another
        assert QFontMetrics(badge_font(font)).horizontalAdvance(badge.text) < rect.width()
        right = rect.right()
        # "+N" stands for N badges with no room left.
        shown += int(badge.text[1:]) if badge.text.startswith("+") else 1
    assert shown == len(badges(face))  # each badge is shown, or counted in "+N"
    amount, close = amount_and_date(
        inner.width(), face.card.amount, face.card.currency, face.close_date, font
    )
    metrics = QFontMetrics(font)
    assert metrics.horizontalAdvance(amount) + AMOUNT_GAP + metrics.horizontalAdvance(close) <= inner.width()
    assert "…" not in amount, amount  # rounded, not cut


@pytest.mark.parametrize("language", ["en", "de"])
def test_badges_and_amounts_fit_a_card_at_the_minimum_column_width(
    qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB, language: str
) -> None:
    try:
        install_language(qapp, language)
        window = MainWindow(demo_plan)
        qtbot.addWidget(window)
        window.resize(700, 700)  # narrower than the columns: each at its minimum, the board scrolls
        window.show()
        qtbot.waitExposed(window)
        delegate: CardDelegate = window.board.delegate
        faces = _faces(window)
        assert len(faces) == 30
        column = next(iter(window.board.columns.values()))
        assert column.width() == MIN_COLUMN_WIDTH
        view: QAbstractItemView = column.view
        item = view.visualRect(column.proxy.index(0, 0))
        assert _inside(item, view.viewport().rect())  # the card is not cut at the column's edge
        inner = card_inner(item)
        for face in [*faces, *(_crowded(f) for f in faces)]:
            _check_card(face, inner, delegate.line_height, view.font())
    finally:
        install_language(qapp, "en")


def test_the_accounts_dock_leaves_every_column_in_view_at_1600_pixels(
    qtbot: QtBot, demo_plan: PlanDB
) -> None:
    window = _maximised(qtbot, demo_plan, (1600, 900))
    window.accounts_dock.show()
    qtbot.waitUntil(lambda: window.accounts_dock.isVisible())
    QApplication.processEvents()
    board = window.board
    for column in board.columns.values():
        assert column.width() >= MIN_COLUMN_WIDTH
        assert _inside(_in_viewport(column, board.viewport()), board.viewport().rect()), column.stage.name
    window.undo_stack.clear()
