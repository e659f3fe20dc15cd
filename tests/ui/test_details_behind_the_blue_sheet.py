"""Deal details behind the Blue Sheet's tab catch up with the deal when the seller looks at them."""

from __future__ import annotations

from planner.operations import MoveDetails
from planner.storage import opportunities as opportunity_repo
from tests.ui import window_driver as drive
from ui.main_window import MainWindow
from ui.window_parts import in_view


def test_a_deal_moved_while_its_details_were_hidden_shows_where_it_is_now(window: MainWindow) -> None:
    source, target = window.controller.columns[0], window.controller.columns[1]
    deal = window.controller.models[source.id].visible_cards[0].id
    view = window.board.column_for(source.id).view
    drive.click_row(view, view.model().index(0, 0))
    drive.click_dock_tab(window, window.details_dock)
    assert source.name in window.details.values["Stage"].text()
    drive.click_dock_tab(window, window.blue_sheet_dock)  # the details go behind the Blue Sheet
    assert not in_view(window.details)

    assert window.deals.move_opportunity(deal, target, MoveDetails(commitment="Agreed to a pilot"))
    drive.settle()
    assert window.blue_sheet.data is not None
    assert window.blue_sheet.data.opportunity.stage_id == target.id  # the Blue Sheet in front follows at once

    drive.click_dock_tab(window, window.details_dock)
    assert window.details.opportunity_id == deal
    assert target.name in window.details.values["Stage"].text()
    assert "Agreed to a pilot" in window.details.history.text()
    moved = opportunity_repo.get_opportunity(window.plan, deal)
    assert moved is not None
    assert window.details.values["Title"].text() == moved.title


def test_a_deal_deleted_while_its_details_were_hidden_leaves_them_empty(window: MainWindow) -> None:
    source = window.controller.columns[0]
    deal = window.controller.models[source.id].visible_cards[0].id
    view = window.board.column_for(source.id).view
    drive.click_row(view, view.model().index(0, 0))
    drive.click_dock_tab(window, window.blue_sheet_dock)
    assert window.deals.delete_opportunity(deal)
    drive.settle()
    drive.click_dock_tab(window, window.details_dock)
    assert window.details.opportunity_id == 0
    assert window.details.placeholder.isVisible()
    window.undo_stack.undo()  # back it comes; selecting it shows it again
    drive.settle()
    window.board.select(deal)
    drive.settle()
    assert window.details.opportunity_id == deal
    assert window.details.values["Title"].isVisible()
