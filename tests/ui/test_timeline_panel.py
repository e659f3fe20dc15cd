"""Deal details' Timeline: the deal's history as plain text, the seller's words never as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.model import Note
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from ui import format as fmt
from ui.detail_panel import DetailPanel

HOSTILE = '<b>bold</b> <img src=x> =HYPERLINK("http://x") שלום'


def test_the_timeline_shows_hostile_words_as_text(qtbot: QtBot, demo_plan: PlanDB) -> None:
    deal = opportunity_repo.list_opportunities(demo_plan)[0]
    with demo_plan.atomic():
        activity_repo.insert_note(demo_plan, Note(0, HOSTILE, deal.id, created="2026-11-26T09:00:00+00:00"))
        opportunity_repo.add_amount_change(demo_plan, deal.id, (deal.amount, deal.currency), (1234.0, "EUR"))
    panel = DetailPanel(demo_plan)
    qtbot.addWidget(panel)
    panel.show()  # a panel out of view fills itself when it comes into view
    panel.show_opportunity(deal.id)
    assert panel.timeline.isVisibleTo(panel)
    assert panel.timeline.textFormat() == Qt.TextFormat.PlainText
    lines = panel.timeline.text().split("\n")
    assert ": Created in " in lines[0]
    assert any(line.endswith(f"Note: {HOSTILE}") for line in lines)
    assert [line for line in lines if ": Amount " in line][-1].endswith(f"→ {fmt.amount(1234.0, 'EUR')}")
    panel.show_opportunity(0)
    assert not panel.timeline.isVisibleTo(panel)
