"""The board card, the details panel and the review pack say the same words and numbers for a deal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner import red_flags
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.funnel import premature_reason
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from ui import format as fmt
from ui.board.delegate import badges
from ui.main_window import MainWindow


def test_a_premature_deal_reads_alike_on_the_card_in_the_details_and_in_the_pack(
    window: MainWindow, qtbot: QtBot
) -> None:
    pack = build_pack(window.plan, PackScope.all_open(), PackOptions(), TODAY)
    in_pack = {d.id: d for d in pack.deals}
    controller = window.controller
    found = next(
        (stage, row, card)
        for stage in controller.columns
        for row, card in enumerate(controller.models[stage.id].visible_cards)
        if controller.face(card).status.premature and in_pack[card.id].premature
    )
    stage, row, card = found
    deal = in_pack[card.id]
    chip = next(
        b for b in badges(controller.face(card)) if b.text == red_flags.rule_label(red_flags.PREMATURE)
    )
    # The card's chip is the rule's name, as the pack's flag list names it.
    assert chip.text in {red_flags.rule_label(f.rule) for f in deal.red_flags}
    # Its tooltip, the details' warning and the pack's warning are one sentence.
    view = window.board.column_for(stage.id).view
    model = view.model()
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(model.index(row, 0)).center(),
    )
    qtbot.waitUntil(lambda: window.details.opportunity_id == card.id)
    sentence = premature_reason(deal.missing_commitments)
    assert chip.reason == sentence
    drive.click_dock_tab(window, window.details_dock)
    assert sentence in window.details.values["Warnings"].text().splitlines()
    assert sentence in deal.warnings
    # The details give the probability the pack weights the deal with.
    assert window.details.values["Probability"].text().startswith(f"{fmt.number(deal.probability)} %")
    assert controller.probability(card) == deal.probability


def test_the_labels_and_the_panic_rule_read_in_german(german: None) -> None:
    from planner.model import CompetitionKind, Mode, Role

    assert red_flags.rule_label(red_flags.PANIC) == "Panik"
    assert red_flags.rule_label(red_flags.UNCOVERED_INFLUENCE) == "Einflussperson nicht betreut"
    assert Role.ECONOMIC.label == "Wirtschaftlicher Entscheider"
    assert Mode.EVEN_KEEL.label == "Gleichlauf"
    assert CompetitionKind.DO_NOTHING.label == "Nichts tun"
    assert red_flags.Wording().panic(position="\u22125") == (
        "Aktuelle Position \u22125: finden Sie heraus, was fehlt, und handeln Sie"
    )
