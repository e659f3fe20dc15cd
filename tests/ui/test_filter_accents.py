"""The board's filter ignores accents, as search does: "zoe" finds Zoë, "creme" finds Crème."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner import operations as ops
from planner.folding import fold, fold_all
from planner.model import OpportunityDraft
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.main_window import MainWindow

TITLES = ("Crème Brûlée pilot", "Creme caramel renewal", "Zoë's depot sensors", "Plain rollout")


def _shown(window: MainWindow) -> set[str]:
    return {
        str(column.proxy.index(row, 0).data())
        for column in window.board.columns.values()
        for row in range(column.proxy.rowCount())
    }


def test_the_filter_finds_a_deal_typed_without_its_accents(qtbot: QtBot, plan: PlanDB) -> None:
    stage = stage_repo.list_stages(plan)[0]
    for title in TITLES:
        ops.create_opportunity(plan, OpportunityDraft(title, None, stage.id), TODAY)
    window = show_window(qtbot, plan, size=(1366, 768))
    for typed, found in (
        ("creme", {"Crème Brûlée pilot", "Creme caramel renewal"}),
        ("CRÈME BRÛ", {"Crème Brûlée pilot"}),
        ("zoe", {"Zoë's depot sensors"}),
        ("zoë", {"Zoë's depot sensors"}),
        ("brulee", {"Crème Brûlée pilot"}),
    ):
        drive.type_into(window.filter_edit, typed)
        drive.settle()
        assert _shown(window) == found, typed
    # A deal added while the filter is on is matched by the same rule.
    drive.type_into(window.filter_edit, "sao paulo")
    change, _id = ops.create_opportunity(plan, OpportunityDraft("São Paulo fleet", None, stage.id), TODAY)
    window.session.apply_change(change)
    drive.settle()
    assert _shown(window) == {"São Paulo fleet"}
    QTest.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    drive.settle()
    assert len(_shown(window)) == len(TITLES) + 1


def test_fold_takes_off_case_and_accents() -> None:
    assert fold("Zoë Müller") == "zoe muller"
    assert fold("CRÈME BRÛLÉE") == "creme brulee"
    assert fold("Straße") == "strasse"
    assert fold("São Paulo") == "sao paulo"
    assert fold("plain ascii") == "plain ascii"


@given(st.lists(st.text(max_size=20), max_size=30))
def test_folding_many_at_once_is_folding_each(texts: list[str]) -> None:
    assert fold_all(texts) == [fold(text) for text in texts]
