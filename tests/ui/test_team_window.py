"""The team window: ten sellers' real bundles and hostile ones, opened and read with real input."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from planner.exchange.review import read_review_notes
from planner.model import ForecastCategory
from planner.storage.db import PlanDB
from tests.planner.rollup_support import Deal, export_bundle, seller_plan
from tests.ui import window_driver as drive
from ui.app_settings import AppSettings
from ui.main_window import MainWindow
from ui.team_window import RatesDialog, TeamWindow, open_team
from ui.windows import ReviewWindow

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
SELLERS = 10
# Sellers 0-7 plan in EUR, 8 and 9 in USD.
USD_SELLERS = (8, 9)


def _team_folder(folder: Path) -> Path:
    """Ten sellers' plans exported as bundles, and two hostile bundles among them."""
    folder.mkdir()
    for n in range(SELLERS):
        currency = "USD" if n in USD_SELLERS else "EUR"
        plan = seller_plan(
            f"Seller {n:02d}",
            [
                # Seller n: won 10,000 x (n+1), commit 5,000 x (n+1), pipeline 1,000.
                Deal("Won", "Won", 10_000 * (n + 1), currency, closed_on=dt.date(2026, 11, 2)),
                Deal("Commit", "Committed", 5_000 * (n + 1), currency, category=ForecastCategory.COMMIT),
                Deal("Evaluating", "Evaluating", 1_000, currency),
            ],
            target=100_000 * (n + 1),
            base=currency,
        )
        export_bundle(plan, folder / f"seller-{n:02d}.json")
        plan.close()
    shutil.copy(HOSTILE / "team" / "team-wrong-forecast.json", folder)  # refused by the quick read
    shutil.copy(HOSTILE / "team" / "team-bad-influence.json", folder)  # refused by the full read
    return folder


def _cell(window: TeamWindow, view_name: str, row: int, column: int) -> str:
    view = {"sellers": window.sellers, "combined": window.combined, "funnel": window.funnel}[view_name]
    return str(view.model().index(row, column).data())


@pytest.fixture
def team_window(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> TeamWindow:
    """File → Open a team's folder for review… in the seller's window, the folder chosen."""
    folder = _team_folder(tmp_path / "team")
    main = MainWindow(demo_plan)
    qtbot.addWidget(main)
    main.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    main.menus.open_team_action.trigger()
    window = main.findChild(TeamWindow)
    assert window is not None
    qtbot.waitUntil(lambda: window.checked, timeout=20_000)
    return window


def test_ten_bundles_open_and_the_hostile_ones_are_refused(team_window: TeamWindow) -> None:
    window = team_window
    assert window.sellers.model().rowCount() == SELLERS
    refused = [window.refused.item(n).text() for n in range(window.refused.count())]
    assert refused == [
        'team-wrong-forecast.json cannot be read: forecast.target: expected a number, found "lots".',
        "team-bad-influence.json cannot be read: opportunities[0].influences[0].role: “boss” is not one of"
        " economic, user, technical, coach, unknown.",
    ]
    assert window.refused.isVisibleTo(window)
    assert "10 sellers' plans" in window.banner.text()
    # Seller 03 (n = 3): target 400,000; won 40,000; commit 20,000; best case 0;
    # coverage = (20,000 + 0 + 1,000) / (400,000 - 40,000) = 21,000 / 360,000 = 0.058, shown to one decimal.
    row = [_cell(window, "sellers", 3, c) for c in range(10)]
    assert row == [
        "Seller 03",
        "2026 Q4",
        "400,000 EUR",
        "40,000 EUR",
        "20,000 EUR",
        "0 EUR",
        "0.1×",  # noqa: RUF001
        "–",  # noqa: RUF001 (last call: not in bundles yet)
        "–",  # noqa: RUF001 (accuracy last quarter)
        row[9],
    ]
    assert row[9].endswith(" on 1 deal")
    assert _cell(window, "sellers", 9, 2) == "1,000,000 USD"  # seller 09's target: 100,000 x 10


def test_currencies_are_kept_apart_then_converted_with_the_managers_rates(team_window: TeamWindow) -> None:
    window = team_window
    combined = window.combined.model()
    # Kept apart (the default): EUR sellers 0-7, USD sellers 8 and 9.
    assert combined.rowCount() == 2
    assert [_cell(window, "combined", r, 1) for r in range(2)] == ["EUR", "USD"]
    # EUR commit: 5,000 x (1 + 2 + ... + 8) = 5,000 x 36 = 180,000; USD: 5,000 x (9 + 10) = 95,000.
    assert _cell(window, "combined", 0, 5) == "180,000 EUR"
    assert _cell(window, "combined", 1, 5) == "95,000 USD"
    assert _cell(window, "combined", 0, 2) == "8"

    def enter_rate(dialog: QWidget) -> None:
        assert isinstance(dialog, RatesDialog)
        assert dialog.target.currentText() == "EUR"  # the currency most sellers plan in
        edit = drive.named(dialog, "Rate of USD", QLineEdit)
        assert isinstance(edit, QLineEdit)
        drive.type_into(edit, "0.5")
        assert drive.press_ok(dialog)

    with drive.Modals().expecting(enter_rate):
        window.rates_action.trigger()
    # One EUR total: 180,000 + 95,000 x 0.5 = 227,500 EUR of commit from ten sellers.
    assert combined.rowCount() == 1
    assert [_cell(window, "combined", 0, c) for c in (1, 2, 5)] == ["EUR", "10", "227,500 EUR"]
    assert not window.apart_action.isChecked()
    window.apart_action.trigger()
    assert combined.rowCount() == 2
    assert window.apart_action.isChecked()


def test_drill_down_by_double_click_and_notes_saved_per_seller(
    team_window: TeamWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AppSettings().set_reviewer_name("Dana Reviewer")  # named before: the first note asks nothing
    window = team_window
    view = window.sellers
    written_notes = {}
    for row, text in ((2, "Seller 02: call the economic buyer"), (8, "Seller 08: clean the funnel")):
        index = view.model().index(row, 0)
        view.scrollTo(index)
        drive.double_click(view.viewport(), view.visualRect(index).center())
        seller = window.seller_windows[window.team.sellers[row].path]
        assert isinstance(seller, ReviewWindow)
        assert seller.isVisible()
        assert seller.bundle.seller == f"Seller {row:02d}"
        # The seller's board: the bundle's two open deals (won deals stay in the seller's plan).
        cards = sorted(c.title for m in seller.controller.models.values() for c in m.cards)
        assert cards == ["Commit", "Evaluating"]
        panel = seller.notes_panel
        panel.plan_editor.setFocus()
        QTest.keyClicks(panel.plan_editor, text)
        drive.click(panel.add_plan_note)
        assert [n.body for n in panel.notes] == [text]
        written_notes[seller.bundle.plan_id] = text
    # Double-clicking the same seller again brings their window back, not a second one.
    index = view.model().index(2, 0)
    drive.double_click(view.viewport(), view.visualRect(index).center())
    assert len(window.seller_windows) == 2
    out = tmp_path / "notes"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(out))
    window.save_notes_action.trigger()
    files = sorted(out.iterdir())
    assert len(files) == 2  # one file per seller
    read = {(n := read_review_notes(f)).plan_id: [x.body for x in n.notes] for f in files}
    assert read == {plan_id: [text] for plan_id, text in written_notes.items()}
    assert not window.unsaved_windows()
    window.close()
    qtbot.waitUntil(lambda: not window.seller_windows)


def test_hostile_text_in_a_bundle_is_shown_as_text(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_team(
        [HOSTILE / "markup" / "markup-bundle.json", HOSTILE / "bounds" / "bundle-huge-id.json"], None
    )
    assert window is not None
    qtbot.addWidget(window)
    name = _cell(window, "sellers", 0, 0)
    assert name.startswith("SELLER <table>")  # the seller's name as written, not a table
    tip = window.sellers.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;table&gt;" in tip
    assert "<table>" not in tip.replace("<p style='white-space:pre-wrap'>", "")
    assert window.refused.count() == 1
    assert window.refused.item(0).text().startswith("bundle-huge-id.json cannot be read")
    window.unchecked = []  # the full read is not what this test is about


def test_several_files_from_open_for_review_make_a_team(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.review_window import run_open_for_review

    folder = _team_folder(tmp_path / "team")
    chosen = [str(folder / "seller-00.json"), str(folder / "seller-01.json")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: (chosen, ""))
    window = run_open_for_review(None)
    assert isinstance(window, TeamWindow)
    qtbot.addWidget(window)
    assert window.sellers.model().rowCount() == 2
    assert window.refused.count() == 0
    assert not window.refused.isVisibleTo(window)
    window.unchecked = []
