"""The main window in German: menus, docks, About, the guide, and a deal's details without English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from tests.ui.visible_text import english_left, plan_values, texts
from ui.i18n import current_language, install_language
from ui.main_window import MainWindow


def _fullest_deal(plan: PlanDB) -> int:
    """The deal with the most buying influences: the fullest details and history."""
    row = plan.conn.execute(
        "select opportunity_id from buying_influence group by opportunity_id "
        "order by count(*) desc, opportunity_id limit 1"
    ).fetchone()
    assert row is not None
    return int(row[0])


def _window(qtbot: QtBot, plan: PlanDB) -> MainWindow:
    window = MainWindow(plan)
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    window.undo_stack.clear()
    window.close()


@pytest.mark.usefixtures("german")
def test_menus_docks_and_tabs_are_german(qtbot: QtBot, demo_plan: PlanDB) -> None:
    window = _window(qtbot, demo_plan)
    try:
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[:4] == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
        assert window.menus.new_deal_action.text() == "&Neue Verkaufschance…"
        assert window.menus.undo_action.text().startswith("&Rückgängig")
        assert window.details_dock.windowTitle() == "Details der Verkaufschance"
        assert window.accounts_dock.windowTitle() == "Kunden"
        assert window.history_dock.windowTitle() == "Verlauf der Änderungen"
        assert window.details_dock.toggleViewAction().text() == "Details der Verkaufschance"
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == [
            "&Phasen",
            "Ar&chiv",
            "Pro&gnose",
            "Bere&inigung",
            "Ag&enda",
            "Pe&rsonen",
            "Ke&nnzahlen",
        ]
        assert window.board.accessibleName() == "Phasenansicht"
        placeholder = window.filter_edit.placeholderText()
        assert placeholder.startswith("Nach Titel, Kunde, Produkt oder Ansprechpartner")
        assert "offene Verkaufschancen" in window.status_line.text()
        # The action objects and their shortcuts are the same in every language.
        assert window.menus.find_action.shortcut().toString() == "Ctrl+F"
    finally:
        _close(window)


@pytest.mark.usefixtures("german")
def test_about_shortcuts_and_guide_are_german(qtbot: QtBot, demo_plan: PlanDB) -> None:
    from ui.help import GuideDialog, ShortcutsDialog, guide_html

    assert current_language() == "de"
    window = _window(qtbot, demo_plan)
    try:
        about = window.help_actions.about_text()
        assert "Miller-Heiman-Methode" in about
        assert "Dieser Plan: im Arbeitsspeicher" in about
        assert "Lizenz: MIT" in about
        shortcuts = ShortcutsDialog(window)
        qtbot.addWidget(shortcuts)
        assert shortcuts.windowTitle() == "Tastenkürzel"
        rows = {
            shortcuts.table.item(r, 1).text(): shortcuts.table.item(r, 0).text()  # type: ignore[union-attr]
            for r in range(shortcuts.table.rowCount())
        }
        assert rows["Neue Verkaufschance"] == "Strg+N"  # Qt's own key names, in German too
        assert rows["Ausgewählte Verkaufschance in die nächste oder vorige Phase verschieben"] == (
            "Strg+Rechts / Strg+Links"
        )
        assert rows["Ausgewählte Verkaufschance öffnen"] == "Eingabetaste"
        guide = GuideDialog(window)
        qtbot.addWidget(guide)
        assert guide.windowTitle().endswith("Benutzerhandbuch")
        assert '<html lang="de">' in guide_html()
        assert "Die Phasenansicht" in guide.browser.toPlainText()
    finally:
        _close(window)
    assert '<html lang="en">' in guide_html("en")
    assert guide_html("xx") == guide_html("en")  # no guide in that language: the English one


def test_the_details_of_a_selected_deal_have_no_english_words(
    qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB
) -> None:
    deal = _fullest_deal(demo_plan)
    english_window = _window(qtbot, demo_plan)
    english_window._on_board_opportunity_selected(deal)
    english = texts(english_window.details) + texts(english_window.accounts) + texts(english_window.archive)
    _close(english_window)
    try:
        assert install_language(qapp, "de")
        window = _window(qtbot, demo_plan)
        try:
            window._on_board_opportunity_selected(deal)
            assert window.details.opportunity_id == deal
            assert window.details.accessibleName() == "Details der Verkaufschance"
            assert window.details.values["Amount"].accessibleName() == "Betrag"
            window._refresh_archive()
            window.accounts.refresh()
            german = texts(window.details) + texts(window.accounts) + texts(window.archive)
        finally:
            _close(window)
    finally:
        install_language(qapp, "en")
    left = english_left(english, german, plan_values(demo_plan.conn))
    # German's own month names that English spells alike ("Nov.", "April") are German.
    months = {
        QLocale(QLocale.Language.German).monthName(m, form).rstrip(".")
        for m in range(1, 13)
        for form in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat)
    }
    left = {word: where for word, where in left.items() if word not in months}
    assert left == {}, "\n".join(f"{w}: {sorted(set(t))[:2]}" for w, t in sorted(left.items()))
