"""A column's card list looks and answers the keys like a list (ui/board/view.py CardList)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.storage import opportunities as opportunity_repo
from tests.ui import window_driver as drive
from ui.board.delegate import MARGIN
from ui.board.models import ID_ROLE
from ui.main_window import MainWindow


def fullest_view(window: MainWindow) -> QAbstractItemView:
    stage_id = max(window.controller.models, key=lambda s: window.controller.models[s].rowCount())
    return window.board.columns[stage_id].view


def test_a_selected_card_leaves_the_spacing_around_it_bare(window: MainWindow) -> None:
    view = fullest_view(window)
    assert view.model().rowCount() >= 2
    selected, other = view.model().index(0, 0), view.model().index(1, 0)
    drive.click_row(view, selected)
    drive.settle()
    assert view.selectionModel().isSelected(selected)
    image = view.viewport().grab().toImage()
    # Inside the row, outside the card: the colour of the unselected card's spacing, not the
    # highlight a table paints under a whole selected row.
    corner = MARGIN // 2
    selected_spacing = image.pixelColor(view.visualRect(selected).topLeft() + QPoint(corner, corner))
    other_spacing = image.pixelColor(view.visualRect(other).topLeft() + QPoint(corner, corner))
    assert selected_spacing == other_spacing


def test_home_and_end_go_to_the_first_and_last_card(window: MainWindow) -> None:
    view = fullest_view(window)
    rows = view.model().rowCount()
    drive.click_row(view, view.model().index(1, 0))
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == rows - 1
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1


def _pixels(view: QAbstractItemView) -> QImage:
    view.viewport().update()
    drive.settle()
    return view.viewport().grab().toImage()


def test_kept_card_pictures_look_exactly_like_cards_drawn_afresh(window: MainWindow) -> None:
    """Cards painted once are copied from a picture next time (ui/board/delegate.py): the
    picture must be the card, pixel for pixel, whatever state it was drawn in."""
    view = fullest_view(window)
    drive.click_row(view, view.model().index(1, 0))  # one selected, focused card among plain ones
    delegate = window.board.delegate
    drawn = _pixels(view)
    pictured = _pixels(view)  # painted again alike: each card's picture is made
    assert any(entry[2] is not None for entry in delegate._pictures.values()), "no card kept a picture"
    copied = _pixels(view)  # every card now comes from its picture
    assert pictured == drawn
    delegate.pictures = 0  # no pictures: every card drawn again
    delegate._pictures.clear()
    fresh = _pixels(view)
    assert copied == drawn
    assert copied == fresh


def test_a_changed_card_is_drawn_anew_not_copied(window: MainWindow) -> None:
    view = fullest_view(window)
    index = view.model().index(0, 0)
    deal = int(index.data(ID_ROLE))
    before = _pixels(view)
    opportunity = opportunity_repo.get_opportunity(window.plan, deal)
    assert opportunity is not None
    draft = OpportunityDraft(
        "Renamed while on screen",
        opportunity.account_id,
        opportunity.stage_id,
        amount=opportunity.amount,
        currency=opportunity.currency,
        close_date=opportunity.close_date,
    )
    # As the deal editor saves it, told to every view through the edit session.
    window.session.apply_change(
        ops.update_opportunity(window.plan, deal, draft, window.session.clock.today())
    )
    after = _pixels(view)
    assert after != before
    window.board.delegate.pictures = 0
    window.board.delegate._pictures.clear()
    assert _pixels(view) == after  # what was painted is the renamed card, as drawn afresh
    # The board's text says so too (the card's accessible sentence).
    row = window.controller.models[opportunity.stage_id].row_of(deal)
    assert "Renamed while on screen" in str(
        view.model().index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    )


def test_a_columns_scroll_bar_looks_as_the_style_draws_it(window: MainWindow) -> None:
    """The groove comes from a kept picture (ui/board/scroll_bars.py): the same bar as the
    window's style draws it, at any position, to a level of rounding."""
    view = fullest_view(window)
    window.resize(1366, 420)  # a column shorter than its cards: the bar shows
    drive.settle()
    bar = view.verticalScrollBar()
    assert bar.isVisible()
    assert bar.maximum() > 0
    own = bar.style()
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        drive.settle()
        kept = bar.grab().toImage()
        bar.setStyle(QApplication.style())  # the application's style, as the bar had it
        drive.settle()
        plain = bar.grab().toImage()
        bar.setStyle(own)
        drive.settle()
        assert kept.size() == plain.size()
        worst = max(
            _channel_gap(QColor(kept.pixel(x, y)), QColor(plain.pixel(x, y)))
            for y in range(kept.height())
            for x in range(kept.width())
        )
        assert worst <= 1, value


def _channel_gap(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
