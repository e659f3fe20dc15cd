"""The Blue Sheet in German: no English wording left; its signal colours readable in the dark theme."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.model import Mode, Role
from planner.storage.db import PlanDB
from tests.ui.blue_sheet_harness import Harness, busy_deal, open_harness
from tests.ui.visible_text import english_left, plan_values, texts
from ui.blue_sheet import colours, labels
from ui.blue_sheet.dialogs import AddInfluenceDialog, PersonDialog
from ui.blue_sheet.influence_map import MapView, describe_scene
from ui.blue_sheet.models import InfluenceTableModel
from ui.i18n import install_language
from ui.theme import Theme, apply_theme, contrast_ratio

AA = 4.5
_COLOUR = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")
# Dates as ui/format writes them ("13 Nov 2026", "13. Nov. 2026"): month names are format's wording.
_DATE = re.compile(r"\d{1,2}\.? [A-Za-zÄÖÜäöüß]{3,}\.? \d{4}")


@pytest.fixture
def harness(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[Harness]:
    yield from open_harness(qtbot, demo_plan)


def _fullest_deal(plan: PlanDB) -> int:
    return busy_deal(plan)


def _rule_sentences(h: Harness) -> list[str]:
    """The rule engine's sentences on the shown deal (red-flag reasons, the SSO's tests): planner's
    wording, translated in planner/red_flags.py, not the sheet's."""
    data = h.panel.data
    assert data is not None
    found = [f.reason for f in data.flags] + [t.name for t in data.tests] + [t.hint for t in data.tests]
    return [s for s in found if s]


def _sheet_texts(h: Harness, deal: int) -> list[str]:
    """What the panel shows and speaks on `deal`, with its dialogs and every editor's choices."""
    panel = h.panel
    panel.show_opportunity(deal)
    found = texts(panel)
    assert panel.data is not None
    found += [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    # The editors' choices (role, degree, mode, concept kind, reports to, status, competition).
    for model in (panel.influence.model, panel.competition.model, panel.action_section.model):
        for column in range(model.columnCount()):
            spec = model.index(0, column).data(Qt.ItemDataRole.UserRole + 1)
            if spec is not None:
                found += [label for label, _value in spec.choices]
    found.append(describe_scene(panel.scene))
    candidates = list(panel.data.people.values())
    dialog = AddInfluenceDialog(candidates, panel.data.account, panel)
    found += texts(dialog)
    person = next(iter(panel.data.people.values()))
    person_dialog = PersonDialog(person, 3, panel)
    found += texts(person_dialog)
    dialog.deleteLater()
    person_dialog.deleteLater()
    return [_DATE.sub(" ", t) for t in found if t and t.strip()]


def test_the_blue_sheet_has_no_english_wording_left_in_german(
    qapp: QApplication, harness: Harness, demo_plan: PlanDB
) -> None:
    deal = _fullest_deal(demo_plan)
    english = _sheet_texts(harness, deal)
    rules = _rule_sentences(harness)
    try:
        assert install_language(qapp, "de")
        panel_de = Harness(demo_plan)
        try:
            panel_de.panel.resize(900, 760)
            panel_de.panel.show()
            german = _sheet_texts(panel_de, deal)
            rules += _rule_sentences(panel_de)
        finally:
            panel_de.stack.clear()
            panel_de.panel.close()
            panel_de.panel.deleteLater()
    finally:
        assert install_language(qapp, "en")
    assert german != english
    # Data (names, titles, notes) and the rule engine's sentences are not the sheet's wording.
    data = sorted({*plan_values(demo_plan.conn), *rules}, key=len, reverse=True)
    left = english_left(english, german, data)
    assert left == {}, "\n".join(f"{w}: {sorted(set(t))[:2]}" for w, t in sorted(left.items()))


def test_german_labels_and_the_position_scale(qapp: QApplication) -> None:
    try:
        assert install_language(qapp, "de")
        assert labels.role(Role.ECONOMIC) == "Wirtschaftlicher Entscheider"
        assert labels.mode(Mode.EVEN_KEEL) == "Gleichlauf"
        assert labels.rating(None) == "Unbekannt"
        assert labels.position(5) == "+5 Euphorisch"
        assert (
            InfluenceTableModel().headerData(InfluenceTableModel.ROLE, Qt.Orientation.Horizontal) == "Rolle"
        )
    finally:
        assert install_language(qapp, "en")
    # Back in English: nothing was cached in German.
    assert labels.role(Role.ECONOMIC) == "Economic"
    assert labels.position(-5) == "\u22125 Panic"


def test_the_map_speaks_its_nodes_and_edges(harness: Harness, demo_plan: PlanDB) -> None:
    panel = harness.panel
    panel.show_opportunity(_fullest_deal(demo_plan))
    view = panel.influence.map
    assert isinstance(view, MapView)
    assert view.accessibleName() == "Influence map"
    description = view.accessibleDescription()
    assert panel.data is not None
    assert description.startswith(f"{len(panel.data.influences)} buying influences.")
    assert " reports to " in description
    for bi in panel.data.influences:
        assert panel.data.name(bi.person_id) in description
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus


# ----------------------------------------------------------------------------------------------
# Colours in the dark theme


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    style = qapp.style().name()
    palette = QPalette(qapp.palette())
    apply_theme(qapp, Theme.DARK)
    try:
        yield qapp.palette()
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)


def _label_colour(label: QWidget) -> QColor:
    match = _COLOUR.search(label.styleSheet())
    return QColor(match.group(1)) if match else label.palette().color(QPalette.ColorRole.WindowText)


def _brush(index: QModelIndex, role: Qt.ItemDataRole) -> QColor | None:
    value = index.data(role)
    return value.color() if isinstance(value, QBrush) else None


def test_the_checklist_and_hints_meet_aa_in_the_dark_theme(
    qapp: QApplication, harness: Harness, demo_plan: PlanDB, dark: QPalette
) -> None:
    panel = harness.panel
    panel.show_opportunity(_fullest_deal(demo_plan))
    qapp.processEvents()
    background = panel.palette().color(QPalette.ColorRole.Window)
    base = panel.palette().color(QPalette.ColorRole.Base)
    assert background.lightnessF() < 0.5  # the dark theme is on
    tests = panel.objective.tests
    assert any(t.text().startswith("\u2713") for t in tests) or any(
        t.text().startswith("\u2717") for t in tests
    )
    toned = [w for w in panel.findChildren(QLabel) if w.property(colours.TONE_PROPERTY)]
    assert set(tests) <= set(toned)
    for label in toned:
        ink = _label_colour(label)
        for behind in (background, base):
            assert contrast_ratio(ink, behind) >= AA, (label.text(), ink.name(), behind.name())
    # The passed test's green, whatever the demo deal passes.
    green = colours.tone_colour("passed", dark)
    assert contrast_ratio(green, background) >= AA
    assert green != colours.PASSED_TEXT  # the light theme's green was too dark here


def test_the_model_colours_meet_aa_in_the_dark_theme(dark: QPalette) -> None:
    text = dark.color(QPalette.ColorRole.Text)
    backgrounds = [
        dark.color(QPalette.ColorRole.Base),
        dark.color(QPalette.ColorRole.AlternateBase),
        colours.overdue_background(dark),
        colours.unknown_background(dark),
    ]
    # Plain text on the tinted cells.
    for tint in (colours.overdue_background(dark), colours.unknown_background(dark)):
        assert contrast_ratio(text, tint) >= AA, tint.name()
    # The coloured inks on every cell they can be drawn on.
    for ink in (colours.hostile_text(dark), colours.muted_text(dark), colours.coaching_text(dark)):
        for behind in backgrounds:
            assert contrast_ratio(ink, behind) >= AA, (ink.name(), behind.name())


def test_the_models_use_the_theme(harness: Harness, demo_plan: PlanDB, dark: QPalette) -> None:
    panel = harness.panel
    panel.show_opportunity(_fullest_deal(demo_plan))
    model = panel.influence.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            back = _brush(index, Qt.ItemDataRole.BackgroundRole)
            if back is not None:
                assert back == colours.unknown_background(dark)
                assert contrast_ratio(dark.color(QPalette.ColorRole.Text), back) >= AA
            ink = _brush(index, Qt.ItemDataRole.ForegroundRole)
            if ink is not None:
                assert contrast_ratio(ink, dark.color(QPalette.ColorRole.Base)) >= AA


def test_light_theme_keeps_the_sheet_colours(qapp: QApplication) -> None:
    palette = qapp.palette()
    if colours.is_dark(palette):
        pytest.skip("the test session runs with a dark palette")
    assert colours.unknown_background(palette) == colours.UNKNOWN_BACKGROUND
    assert colours.hostile_text(palette) == colours.HOSTILE_TEXT
    for tone in ("passed", "failed", "muted", "coaching"):
        assert (
            contrast_ratio(colours.tone_colour(tone, palette), palette.color(QPalette.ColorRole.Window)) >= AA
        )
