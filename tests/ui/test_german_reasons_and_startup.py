"""German where the seller reads it, English where it is stored or printed: review messages,
stage-history reasons, start-up errors, `planner review`, and the English window's formats."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from planner import i18n
from planner import operations as ops
from planner.cli import parse, run_command
from planner.exchange import pack_json, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.model import FunnelLevel
from planner.operations import Change, MoveDetails
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDamagedError, PlanDB
from tests.conftest import TODAY
from tests.planner.plan_files import damage_table, make_many
from tests.ui import window_driver as drive
from ui import app as app_module
from ui.i18n import english_locale, install_language
from ui.main_window import MainWindow
from ui.review_window import run_review_gui
from ui.windows import ReviewWindow


@pytest.fixture
def seller_speaks_german(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The preference says German; ui.app's `application()` installs it (theme left alone)."""
    from ui import theme
    from ui.app_settings import AppSettings

    monkeypatch.setattr(AppSettings, "language", lambda self: "de")
    monkeypatch.setattr(theme, "apply_theme", lambda app, which: False)
    names = (qapp.applicationName(), qapp.organizationName())
    try:
        yield
    finally:
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
        install_language(qapp, "en")


def _bundle(plan: PlanDB, folder: Path) -> Path:
    return pack_json.write_json(
        build_pack(plan, PackScope.all_open(), PackOptions(), TODAY), folder / "b.json"
    )


# ----------------------------------------------------------------------------------------------
# 1. Review messages


@pytest.mark.usefixtures("german")
def test_review_messages_and_the_import_summary_are_german(tmp_path: Path) -> None:
    result = review.ImportResult(3, 1, ("Alpha", "Beta"), Change(opportunities=frozenset({1, 2})))
    assert result.summary() == (
        "3 Coaching-Notizen zu 2 Verkaufschancen hinzugefügt. 1 wurde schon früher importiert. "
        "2 ausgelassen: Die zugehörigen Verkaufschancen sind nicht mehr in diesem Plan („Alpha“, „Beta“)."
    )
    assert review.ImportResult(0, 0, (), Change()).summary() == "Keine neuen Coaching-Notizen."
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    with pytest.raises(review.ReviewError) as raised:
        review.load_bundle(bad)
    assert str(raised.value) == (
        "bad.json enthält JSON anderer Art; erwartet wurde ein Plan-Paket von Opportunity Planner."
    )
    bad.write_text(json.dumps({"format": "opportunity-plan", "version": 1, "plan": {}}))
    with pytest.raises(review.ReviewError, match=r"bad\.json kann nicht gelesen werden: plan\.id: fehlt\."):
        review.load_bundle(bad)


def test_review_messages_stay_english_without_a_translation_and_on_the_command_line(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = review.ImportResult(1, 2, (), Change(opportunities=frozenset({1})))
    assert result.summary() == "Added 1 coaching note to 1 deal. 2 were imported before."
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    try:
        assert install_language(qapp, "de")
        assert run_command(parse(["review", str(bad)])) == 1
    finally:
        install_language(qapp, "en")
    err = capsys.readouterr().err
    assert "bad.json is not an Opportunity Planner plan bundle: it holds JSON of another kind." in err


# ----------------------------------------------------------------------------------------------
# 2. Stage-history reasons


def test_the_planners_own_reasons_are_translated_when_shown_and_the_sellers_are_not() -> None:
    german = {"Created": "Angelegt", "Stage {name} was deleted": "Phase {name} wurde gelöscht"}
    i18n.install(lambda context, source: german.get(source, source) if context == "StageHistory" else source)
    try:
        assert ops.shown_reason("Created") == "Angelegt"
        assert ops.shown_reason("Stage Qualified was deleted") == "Phase Qualified wurde gelöscht"
        assert ops.shown_reason("Created by Anna") == "Created by Anna"  # typed by the seller
        with i18n.english():
            assert ops.shown_reason("Created") == "Created"
    finally:
        i18n.install(None)


@pytest.mark.usefixtures("german")
def test_what_an_import_wrote_is_shown_in_german() -> None:
    assert ops.shown_reason("Imported from Salesforce") == "Aus Salesforce importiert"
    assert ops.shown_reason("HubSpot history: Contract Sent") == "Verlauf in HubSpot: Contract Sent"
    assert ops.shown_reason("Changed in Pipedrive: Negotiation") == "In Pipedrive geändert: Negotiation"
    assert ops.shown_reason("Changed in CSV") == "In CSV geändert"
    assert ops.shown_reason("Changed in April") == "Changed in April"  # the seller's own words


@pytest.mark.usefixtures("german")
def test_a_reopen_from_the_german_window_is_stored_in_english_and_shown_in_german(
    qtbot: QtBot, demo_plan: PlanDB
) -> None:
    window = MainWindow(demo_plan)
    qtbot.addWidget(window)
    window.show()
    try:
        stage = window.controller.columns[1]
        deal = window.controller.models[stage.id].visible_cards[0].id
        lost = next(s for s in window.controller.stages if s.level is FunnelLevel.LOST)
        ops.move_opportunity(
            demo_plan, deal, lost.id, MoveDetails(reason="Kein Budget", closed_on=TODAY), TODAY
        )
        assert window.deals.request_move(deal, stage.id)
        history = opportunity_repo.stage_history(demo_plan, deal)
        assert history[-1].reason == "Reopened"
        assert history[0].reason == "Created"
        window._on_board_opportunity_selected(deal)
        drive.click_dock_tab(window, window.details_dock)
        shown = window.details.history.text()
        assert "; Angelegt" in shown
        assert "; Wieder geöffnet" in shown
        assert "; Kein Budget" in shown  # the seller's own words, as typed
        assert "Created" not in shown
        assert "Reopened" not in shown
    finally:
        window.undo_stack.clear()
        window.close()


# ----------------------------------------------------------------------------------------------
# 3. Start-up errors


@pytest.fixture
def on_a_screen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """run_gui as on a desktop (dialogs shown), with QMessageBox.critical's texts captured."""
    shown: list[str] = []
    monkeypatch.setattr(app_module, "display_problem", lambda: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # read by ui.app only: Qt already runs offscreen
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    return shown


@pytest.mark.usefixtures("seller_speaks_german")
def test_a_refused_plan_is_english_on_stderr_and_german_in_the_dialog(
    tmp_path: Path, on_a_screen: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.plan"
    empty.write_bytes(b"")
    assert app_module.run_gui(empty) == 1
    assert capsys.readouterr().err == f"planner: {empty} is an empty file, not a plan.\n"
    assert on_a_screen == [f"{empty} ist eine leere Datei, kein Plan."]
    assert empty.read_bytes() == b""


@pytest.mark.usefixtures("seller_speaks_german")
def test_a_damaged_plan_is_english_on_stderr_and_german_in_the_dialog(
    tmp_path: Path,
    on_a_screen: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs import restore_dialog

    path = make_many(tmp_path / "mine.plan", 200)
    damage_table(path, "opportunity")
    errors: list[PlanDamagedError] = []

    def cancel(parent: Any, error: PlanDamagedError, now: dt.datetime | None = None) -> None:
        errors.append(error)

    monkeypatch.setattr(restore_dialog, "run_damaged_dialog", cancel)
    assert app_module.run_gui(path) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"planner: {path} is damaged (")
    assert err.endswith("Nothing was written to it.\n")
    assert str(errors[0]).startswith(f"{path} ist beschädigt (")
    assert errors[0].path == path


# ----------------------------------------------------------------------------------------------
# 4. `planner review FILE.json`


@pytest.mark.usefixtures("seller_speaks_german")
def test_planner_review_opens_in_the_sellers_language(
    demo_plan: PlanDB, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[str] = []

    def look_and_close() -> int:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ReviewWindow) and w.isVisible():
                seen.append(w.windowTitle())
                seen.append(w.statusBar().currentMessage())
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(look_and_close))
    assert run_review_gui(_bundle(demo_plan, tmp_path)) == 0
    assert seen[0] == "Review-Modus: Demo plan — Opportunity Planner"
    assert seen[1].startswith("Review-Modus: ")
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert run_review_gui(bad) == 1
    assert "it holds JSON of another kind" in capsys.readouterr().err  # stderr stays English


# ----------------------------------------------------------------------------------------------
# 5. The English window's formats


def test_the_english_window_takes_the_systems_territory() -> None:
    german_system = english_locale(QLocale("de_DE"))
    assert german_system.language() == QLocale.Language.English
    assert (german_system.decimalPoint(), german_system.groupSeparator()) == (",", ".")
    assert english_locale(QLocale("en_GB")).name() == "en_GB"
    container = english_locale(QLocale.c())
    assert container.name() == "en_US"
    assert (container.decimalPoint(), container.groupSeparator()) == (".", ",")


def test_the_english_window_gives_the_domain_the_boards_marks(qapp: QApplication) -> None:
    assert install_language(qapp, "en")
    board = QLocale().toString(120000.5, "f", 2)
    assert i18n.format_number(120000.5, 2) == board
