"""The influence map: nodes, edges and colours match the data; it follows the table; it exports."""

from __future__ import annotations

import html
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from planner.model import BuyingInfluence, Mode, Person, Role
from planner.storage.db import PlanDB
from tests.ui.blue_sheet_harness import Harness, busy_deal, open_harness, show_tab
from ui.blue_sheet.influence_map import (
    MODE_FILL,
    ROLE_SHAPE,
    build_map_scene,
    influence_nodes,
    render_scene_png,
    render_scene_svg,
    reports_to_edges,
)

PEOPLE = {
    1: Person(1, 1, "Maria Keller", "CFO"),
    2: Person(2, 1, "Tom Baker", "Head of Operations"),
    3: Person(3, 1, "Aisha Rahman", "IT Architect"),
    4: Person(4, 1, "Lena Fischer", "Team Lead"),
    5: Person(5, 1, "Carlos Mendes", "CEO"),  # reported to, not on the deal
}


def _bi(i: int, person: int, role: Role, mode: Mode, rating: int | None, boss: int | None) -> BuyingInfluence:
    return BuyingInfluence(i, 1, person, role=role, mode=mode, rating=rating, reports_to_id=boss)


INFLUENCES = [
    _bi(10, 1, Role.ECONOMIC, Mode.GROWTH, 2, 5),
    _bi(11, 2, Role.USER, Mode.TROUBLE, -4, 1),
    _bi(12, 3, Role.TECHNICAL, Mode.EVEN_KEEL, None, 1),
    _bi(13, 4, Role.COACH, Mode.OVERCONFIDENT, 4, 99),  # a boss who no longer exists: no line
    _bi(14, 7, Role.UNKNOWN, Mode.UNKNOWN, 9, None),  # a person missing from the plan, a bad rating
]


@pytest.fixture
def harness(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[Harness]:
    yield from open_harness(qtbot, demo_plan)


def test_nodes_edges_and_colours_match_the_data(qapp: object) -> None:
    scene = build_map_scene(INFLUENCES, PEOPLE)
    nodes = {n.person_id: n for n in influence_nodes(scene)}
    assert set(nodes) == {1, 2, 3, 4, 5, 7}
    for bi in INFLUENCES:
        node = nodes[bi.person_id]
        assert node.influence_id == bi.id
        assert node.shape_name == ROLE_SHAPE[bi.role]
        assert node.fill == MODE_FILL[bi.mode]
        assert node.isSelected() is False
    assert len({ROLE_SHAPE[r] for r in Role}) == len(Role)  # one shape per role
    assert len({c.name() for c in MODE_FILL.values()}) == len(Mode)  # one colour per mode
    assert [nodes[p].rating_text for p in (1, 2, 3, 4, 7)] == ["+2", "\u22124", "?", "+4", "?"]
    assert nodes[7].node.name == "Person #7"
    ghost = nodes[5]
    assert (ghost.ghost, ghost.influence_id, ghost.shape_name) == (True, 0, "ghost")
    assert not ghost.flags() & ghost.GraphicsItemFlag.ItemIsSelectable
    edges = {(e.person_id, e.boss_id) for e in reports_to_edges(scene)}
    assert edges == {(1, 5), (2, 1), (3, 1)}
    # An org chart: everyone below the one they report to, no box over another.
    for person, boss in edges:
        assert nodes[person].pos().y() > nodes[boss].pos().y()
    for a, b in combinations(nodes.values(), 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect()), (a.node.name, b.node.name)
    assert "Role: Economic · Mode: Growth · Rating: +2" in nodes[1].describe()


def test_a_reporting_loop_in_the_data_still_draws(qapp: object) -> None:
    looped = [
        _bi(1, 1, Role.ECONOMIC, Mode.GROWTH, 1, 2),
        _bi(2, 2, Role.USER, Mode.GROWTH, 1, 3),
        _bi(3, 3, Role.COACH, Mode.GROWTH, 1, 1),
    ]
    scene = build_map_scene(looped, PEOPLE)
    assert len(influence_nodes(scene)) == 3
    edges = reports_to_edges(scene)
    assert len(edges) == 3
    assert sum(e.loop for e in edges) == 1
    positions = {(n.pos().x(), n.pos().y()) for n in influence_nodes(scene)}
    assert len(positions) == 3


def test_an_empty_deal_says_what_to_do(qapp: object) -> None:
    scene = build_map_scene([], {})
    assert influence_nodes(scene) == []
    texts = [item.text() for item in scene.items() if hasattr(item, "text")]
    assert any("No buying influences yet" in t for t in texts)


def test_clicking_a_node_selects_its_row_and_the_other_way_round(harness: Harness, qtbot: QtBot) -> None:
    panel = harness.panel
    panel.show_opportunity(busy_deal(harness.plan))
    show_tab(panel.influence.table)
    qtbot.waitExposed(panel.influence.map)
    assert panel.scene is not None
    nodes = {n.influence_id: n for n in influence_nodes(panel.scene) if n.influence_id}
    assert set(nodes) == {bi.id for bi in panel.influence.model.influences}
    target = panel.influence.model.influences[-1]
    view = panel.influence.map
    point = view.mapFromScene(nodes[target.id].sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert nodes[target.id].isSelected()
    assert panel.influence.current_influence() == target
    first = panel.influence.model.influences[0]
    panel.select_influence(first.id)
    assert nodes[first.id].isSelected()
    assert not nodes[target.id].isSelected()
    # Editing keeps the selection on both sides (the map is rebuilt after every edit).
    panel.add_manual_flag("Check the budget", is_strength=False)
    again = {n.influence_id: n for n in influence_nodes(panel.scene) if n.influence_id}
    assert again[first.id].isSelected()


def test_the_map_exports_as_png_and_svg(harness: Harness, tmp_path: Path) -> None:
    panel = harness.panel
    panel.show_opportunity(busy_deal(harness.plan))
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    assert panel.render_map_png(png)
    assert panel.render_map_svg(svg)
    image = QImage(str(png))
    scene = panel.map_scene()
    assert (image.width(), image.height()) == (
        round(scene.sceneRect().width() * 2),
        round(scene.sceneRect().height() * 2),
    )
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") or "<svg" in text
    assert "<svg" in text
    names = [bi.person_id for bi in panel.influence.model.influences]
    data = panel.data
    assert data is not None
    assert all(data.name(p) in text for p in names)  # names are text in the SVG, not pixels
    assert not any(n.isSelected() for n in influence_nodes(scene))  # exports show no selection


def test_scene_functions_render_any_scene(qapp: object, tmp_path: Path) -> None:
    scene = build_map_scene(INFLUENCES, PEOPLE, legend=False)
    assert render_scene_png(scene, tmp_path / "a.png", scale=1.0)
    assert render_scene_svg(scene, tmp_path / "a.svg")
    assert QImage(str(tmp_path / "a.png")).width() == round(scene.sceneRect().width())


def test_the_window_and_the_review_pack_draw_a_person_alike(qapp: object, demo_plan: PlanDB) -> None:
    from planner import map_look
    from planner.exchange import pack_charts, pack_html
    from planner.exchange.pack import PackOptions, PackScope, build_pack
    from planner.storage import people
    from tests.conftest import TODAY

    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    deal = next(d for d in pack.deals if len({bi.mode for bi in d.influences}) > 1)
    chart = pack_charts.influence_map(deal)
    assert chart is not None
    drawn = {s.fill for s in chart.items if isinstance(s, pack_charts.Shape) and s.stroke != map_look.LINE}
    influences = people.list_influences(demo_plan, deal.id)
    everyone = {p.id: p for p in people.list_people(demo_plan, deal.account_id or 0)}
    window = {n.fill.name() for n in influence_nodes(build_map_scene(influences, everyone)) if not n.ghost}
    assert window == {map_look.MODE_FILL[bi.mode] for bi in deal.influences}
    assert drawn >= window
    # Both legends say the same words: the pack's paragraph holds the window's titles and note.
    legend = pack_html.render_html(pack)
    for words in (map_look.shape_title(), map_look.colour_title(), map_look.badge_note()):
        assert html.escape(words, quote=False) in legend
    assert "hexagon Economic" in map_look.legend_text()
