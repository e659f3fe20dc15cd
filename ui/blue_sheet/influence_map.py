"""The influence map: an org chart of a deal's buying influences by reports-to, with PNG/SVG export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QImageWriter,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from planner.model import BuyingInfluence, Mode, Person, Role
from planner.red_flags import HOSTILE_AT_MOST, STRONG_COACH_AT_LEAST
from ui.blue_sheet import labels

# Layout, in scene units (pixels at 100 %).
NODE_WIDTH = 196.0
NODE_HEIGHT = 64.0
H_GAP = 20.0
V_GAP = 44.0
MARGIN = 16.0
# Nodes nobody reports to and who report to nobody: wrapped in rows of this many under the chart.
LOOSE_PER_ROW = 3
FONT_POINTS = 9

# Colour per response mode: pale fills under dark text (contrast above 7:1), receptive modes
# (Growth, Trouble) in greens and blues, unreceptive ones (Even Keel, Overconfident) in grey and red.
MODE_FILL: dict[Mode, QColor] = {
    Mode.GROWTH: QColor("#d5f0d8"),
    Mode.TROUBLE: QColor("#d6e6fb"),
    Mode.EVEN_KEEL: QColor("#e6e6e6"),
    Mode.OVERCONFIDENT: QColor("#f9d7d3"),
    Mode.UNKNOWN: QColor("#ffffff"),
}
MODE_EDGE: dict[Mode, QColor] = {
    Mode.GROWTH: QColor("#2e7d32"),
    Mode.TROUBLE: QColor("#1f5fa8"),
    Mode.EVEN_KEEL: QColor("#6b6b6b"),
    Mode.OVERCONFIDENT: QColor("#b03a2e"),
    Mode.UNKNOWN: QColor("#8a6d00"),
}
TEXT = QColor("#1c1c1c")
MUTED = QColor("#4a4a4a")
LINE = QColor("#7a7a7a")
SELECTED = QColor("#0b57d0")
HOSTILE = QColor("#b03a2e")
STRONG = QColor("#2e7d32")
# Shape per role: words for the legend and the tests, drawn by `_outline`.
ROLE_SHAPE: dict[Role, str] = {
    Role.ECONOMIC: "hexagon",
    Role.USER: "rounded",
    Role.TECHNICAL: "rectangle",
    Role.COACH: "notched",
    Role.UNKNOWN: "dashed",
}


@dataclass(frozen=True, slots=True)
class MapNode:
    """One box of the chart: a buying influence, or someone they report to who is not on the deal."""

    person_id: int
    influence_id: int  # 0 for someone who is not a buying influence on this deal
    name: str
    title: str
    role: Role
    mode: Mode
    rating: int | None


def _outline(shape: str, rect: QRectF) -> QPainterPath:
    """The outline of a role's shape, filling `rect` (all of them hold three lines of text)."""
    path = QPainterPath()
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    if shape == "hexagon":
        cut = min(14.0, w * 0.18)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + cut, y),
                    QPointF(x + w - cut, y),
                    QPointF(x + w, y + h / 2),
                    QPointF(x + w - cut, y + h),
                    QPointF(x + cut, y + h),
                    QPointF(x, y + h / 2),
                ]
            )
        )
        path.closeSubpath()
    elif shape == "rounded":
        path.addRoundedRect(rect, h / 2, h / 2)
    elif shape == "notched":
        cut = min(10.0, h * 0.34)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + cut, y),
                    QPointF(x + w - cut, y),
                    QPointF(x + w, y + cut),
                    QPointF(x + w, y + h - cut),
                    QPointF(x + w - cut, y + h),
                    QPointF(x + cut, y + h),
                    QPointF(x, y + h - cut),
                    QPointF(x, y + cut),
                ]
            )
        )
        path.closeSubpath()
    else:  # rectangle, dashed
        path.addRect(rect)
    return path


def _font(bold: bool = False, points: int = FONT_POINTS) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class InfluenceNode(QGraphicsItem):
    """A buying influence as a box: shape per role, colour per mode, rating as text in a badge."""

    def __init__(self, node: MapNode, ghost: bool = False) -> None:
        super().__init__()
        self.node = node
        self.ghost = ghost  # reported to, but not a buying influence on this deal
        self.influence_id = node.influence_id
        self.person_id = node.person_id
        self.shape_name = "ghost" if ghost else ROLE_SHAPE[node.role]
        self.fill = QColor("#ffffff") if ghost else MODE_FILL[node.mode]
        self.edge = LINE if ghost else MODE_EDGE[node.mode]
        self.rating_text = "" if ghost else labels.rating(node.rating).replace("Unknown", "?")
        self._rect = QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)
        if not ghost:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setCursor(Qt.CursorShape.PointingHandCursor if not ghost else Qt.CursorShape.ArrowCursor)
        self.setToolTip(labels.tooltip(self.describe()))

    def describe(self) -> str:
        """The node in words (tooltip and accessibility)."""
        n = self.node
        if self.ghost:
            return f"{n.name}\n{n.title}\nNot a buying influence on this deal".replace("\n\n", "\n")
        role = labels.ROLE[n.role]
        mode = labels.MODE[n.mode]
        title = f"\n{n.title}" if n.title else ""
        return f"{n.name}{title}\nRole: {role} · Mode: {mode} · Rating: {labels.rating(n.rating)}"

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        return _outline(self.shape_name, self._rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        pen = QPen(SELECTED if selected else self.edge, 3.0 if selected else 1.4)
        if self.shape_name in ("dashed", "ghost"):
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(self.fill))
        painter.drawPath(_outline(self.shape_name, self._rect))
        n = self.node
        badge = 28.0
        inset = 16.0 if self.shape_name in ("hexagon", "rounded") else 9.0
        text_width = NODE_WIDTH - 2 * inset - (0 if self.ghost else badge + 4)
        lines = (
            (n.name, _font(bold=True), TEXT),
            (n.title, _font(points=FONT_POINTS - 1), MUTED),
            (
                "Not on this deal" if self.ghost else f"{labels.ROLE[n.role]} · {labels.MODE[n.mode]}",
                _font(points=FONT_POINTS - 1),
                TEXT,
            ),
        )
        y = 7.0
        for text, font, colour in lines:
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour)
            # Plain text, elided: a name like "<b>x</b>" is drawn as typed, never as markup.
            shown = metrics.elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, int(text_width))
            painter.drawText(
                QRectF(inset, y, text_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            y += metrics.height() + 2
        if self.ghost:
            return
        circle = QRectF(NODE_WIDTH - inset - badge, (NODE_HEIGHT - badge) / 2, badge, badge)
        rating = n.rating if self.rating_text != "?" else None
        if rating is not None and rating <= HOSTILE_AT_MOST:
            fill, ink = HOSTILE, QColor("#ffffff")
        elif rating is not None and rating >= STRONG_COACH_AT_LEAST:
            fill, ink = STRONG, QColor("#ffffff")
        else:
            fill, ink = QColor("#ffffff"), TEXT
        painter.setPen(QPen(self.edge, 1.2))
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(circle)
        painter.setPen(ink)
        painter.setFont(_font(bold=True))
        painter.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), self.rating_text)


class ReportsToEdge(QGraphicsPathItem):
    """The line from a person up to the one they report to (dashed when it closes a loop in the data)."""

    def __init__(self, person_id: int, boss_id: int, path: QPainterPath, loop: bool = False) -> None:
        super().__init__(path)
        self.person_id = person_id
        self.boss_id = boss_id
        self.loop = loop
        pen = QPen(HOSTILE if loop else LINE, 1.4)
        if loop:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(-1)


def _nodes(
    influences: Sequence[BuyingInfluence], people: Mapping[int, Person]
) -> tuple[list[MapNode], list[MapNode], dict[int, int]]:
    """The influences' nodes, the ghosts they report to, and person -> boss (both on the chart)."""
    nodes: list[MapNode] = []
    seen: set[int] = set()
    for bi in sorted(influences, key=lambda b: b.id):
        if bi.person_id in seen:
            continue  # the schema forbids it; a damaged file must still draw
        seen.add(bi.person_id)
        person = people.get(bi.person_id)
        nodes.append(
            MapNode(
                bi.person_id,
                bi.id,
                person.name if person else f"Person #{bi.person_id}",
                person.title if person else "",
                bi.role if bi.role in ROLE_SHAPE else Role.UNKNOWN,
                bi.mode if bi.mode in MODE_FILL else Mode.UNKNOWN,
                bi.rating,
            )
        )
    ghosts: list[MapNode] = []
    boss_of: dict[int, int] = {}
    for bi in sorted(influences, key=lambda b: b.id):
        boss = bi.reports_to_id
        if boss is None or boss == bi.person_id or bi.person_id in boss_of:
            continue
        if boss not in seen:
            person = people.get(boss)
            if person is None:
                continue  # a person who no longer exists: no box to draw the line to
            seen.add(boss)
            ghosts.append(MapNode(boss, 0, person.name, person.title, Role.UNKNOWN, Mode.UNKNOWN, None))
        boss_of[bi.person_id] = boss
    return nodes, ghosts, boss_of


def _layout(order: list[int], boss_of: dict[int, int]) -> tuple[dict[int, QPointF], set[tuple[int, int]]]:
    """Top-left corner of every node (a tidy tree per top person), and the edges that close loops."""
    children: dict[int, list[int]] = {p: [] for p in order}
    for person in order:
        boss = boss_of.get(person)
        if boss is not None:
            children[boss].append(person)
    placed: set[int] = set()
    loops: set[tuple[int, int]] = set()
    roots = [p for p in order if p not in boss_of]
    # People in a loop (A reports to B reports to A) have no top: the first of them becomes one.
    reachable: set[int] = set()
    stack = list(roots)
    while stack:
        p = stack.pop()
        if p not in reachable:
            reachable.add(p)
            stack += children[p]
    for p in order:
        if p not in reachable:
            roots.append(p)
            loops.add((p, boss_of[p]))
            stack = [p]
            while stack:
                q = stack.pop()
                if q not in reachable:
                    reachable.add(q)
                    stack += children[q]
    trees = [r for r in roots if children[r]]
    loose = [r for r in roots if not children[r]]
    positions: dict[int, QPointF] = {}
    unit = NODE_WIDTH + H_GAP
    row_height = NODE_HEIGHT + V_GAP
    next_slot = 0.0
    depth_max = -1

    def place(person: int, depth: int) -> float:
        nonlocal next_slot, depth_max
        placed.add(person)
        depth_max = max(depth_max, depth)
        kids = [c for c in children[person] if c not in placed and (c, person) not in loops]
        if not kids:
            x = next_slot
            next_slot += 1
        else:
            xs = [place(c, depth + 1) for c in kids]
            x = (xs[0] + xs[-1]) / 2
        positions[person] = QPointF(MARGIN + x * unit, MARGIN + depth * row_height)
        return x

    for root in trees:
        place(root, 0)
    top = MARGIN + (depth_max + 1) * row_height if trees else MARGIN
    for i, person in enumerate(loose):
        placed.add(person)
        positions[person] = QPointF(
            MARGIN + (i % LOOSE_PER_ROW) * unit, top + (i // LOOSE_PER_ROW) * row_height
        )
    return positions, loops


def _connector(child: QPointF, boss: QPointF) -> QPainterPath:
    """An org-chart elbow from the top of a box up to the bottom of its boss's box."""
    start = QPointF(child.x() + NODE_WIDTH / 2, child.y())
    end = QPointF(boss.x() + NODE_WIDTH / 2, boss.y() + NODE_HEIGHT)
    path = QPainterPath(start)
    if start.y() > end.y():
        middle = end.y() + (start.y() - end.y()) / 2
        path.lineTo(start.x(), middle)
        path.lineTo(end.x(), middle)
    path.lineTo(end)
    return path


def _add_legend(scene: QGraphicsScene, top: float) -> None:
    """Two rows under the chart: what the shapes and the colours mean, and how ratings read."""
    x0 = MARGIN
    swatch_w, swatch_h = 34.0, 18.0
    font = _font(points=FONT_POINTS - 1)
    bold = _font(bold=True, points=FONT_POINTS - 1)
    metrics = QFontMetrics(font)
    rows: list[tuple[str, list[tuple[str, str, Mode]]]] = [
        ("Shape: role", [(ROLE_SHAPE[r], labels.ROLE[r], Mode.UNKNOWN) for r in ROLE_SHAPE]),
        ("Colour: mode", [("rectangle", labels.MODE[m], m) for m in MODE_FILL]),
    ]
    y = top
    heading_width = max(QFontMetrics(bold).horizontalAdvance(title) for title, _ in rows) + 10
    for colour_row, (title, entries) in enumerate(rows):
        heading = scene.addSimpleText(title, bold)
        heading.setBrush(QBrush(TEXT))
        heading.setPos(x0, y)
        x = x0 + heading_width
        for shape, text, mode in entries:
            outline = QGraphicsPathItem(_outline(shape, QRectF(x, y, swatch_w, swatch_h)))
            # The shapes' row is about shape only: neutral ink; the colours' row uses each mode's edge.
            pen = QPen(MODE_EDGE[mode] if colour_row else TEXT, 1.2)
            if shape == "dashed":
                pen.setStyle(Qt.PenStyle.DashLine)
            outline.setPen(pen)
            outline.setBrush(QBrush(MODE_FILL[mode]))
            scene.addItem(outline)
            label = scene.addSimpleText(text, font)
            label.setBrush(QBrush(TEXT))
            label.setPos(x + swatch_w + 5, y)
            x += swatch_w + 5 + metrics.horizontalAdvance(text) + 14
        y += swatch_h + 8
    note = scene.addSimpleText(
        f"Badge: rating from {labels.MINUS}5 to +5 (? unknown; red: hostile, green: +3 or more)."
        " Dashed grey: reported to, not on this deal.",
        font,
    )
    note.setBrush(QBrush(MUTED))
    note.setPos(x0, y)


def build_map_scene(
    influences: Sequence[BuyingInfluence], people: Mapping[int, Person], *, legend: bool = True
) -> QGraphicsScene:
    """The influence map of one deal as a scene: boxes by reports-to, lines up to the boss, a legend.

    Pure: reads only its arguments. `people` maps person id to person for the names and titles
    (the account's people); unknown people are drawn as "Person #id".
    """
    scene = QGraphicsScene()
    scene.setBackgroundBrush(QBrush(QColor("#ffffff")))
    nodes, ghosts, boss_of = _nodes(influences, people)
    everyone = nodes + ghosts
    positions, loops = _layout([n.person_id for n in everyone], boss_of)
    bottom = MARGIN
    if not nodes:
        empty = scene.addSimpleText("No buying influences yet: add the people who decide.", _font())
        empty.setBrush(QBrush(MUTED))
        empty.setPos(MARGIN, MARGIN)
        bottom = MARGIN + 30
    for node in everyone:
        item = InfluenceNode(node, ghost=node.influence_id == 0)
        item.setPos(positions[node.person_id])
        scene.addItem(item)
        bottom = max(bottom, positions[node.person_id].y() + NODE_HEIGHT)
    for person, boss in boss_of.items():
        loop = (person, boss) in loops
        scene.addItem(ReportsToEdge(person, boss, _connector(positions[person], positions[boss]), loop))
    if legend:
        _add_legend(scene, bottom + 22)
    scene.setSceneRect(scene.itemsBoundingRect().adjusted(-MARGIN / 2, -MARGIN / 2, MARGIN, MARGIN))
    return scene


def influence_nodes(scene: QGraphicsScene) -> list[InfluenceNode]:
    """The scene's boxes, influences and ghosts alike."""
    return [item for item in scene.items() if isinstance(item, InfluenceNode)]


def reports_to_edges(scene: QGraphicsScene) -> list[ReportsToEdge]:
    """The scene's reports-to lines."""
    return [item for item in scene.items() if isinstance(item, ReportsToEdge)]


def render_scene_png(scene: QGraphicsScene, path: Path | str, scale: float = 2.0) -> bool:
    """Write the scene to a PNG (white background, `scale` times the on-screen size)."""
    source = scene.sceneRect()
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    writer = QImageWriter(str(path))
    writer.setFormat(QByteArray(b"png"))  # PNG whatever the file is called
    return writer.write(image)


def render_scene_svg(scene: QGraphicsScene, path: Path | str, title: str = "Influence map") -> bool:
    """Write the scene to an SVG file (vector: the review pack scales it freely)."""
    source = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("Buying influences by reports-to: shape is the role, colour the mode.")
    painter = QPainter()
    if not painter.begin(generator):
        return False
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    return Path(path).exists()


class MapView(QGraphicsView):
    """Shows the map at 100 %, shrunk to fit when the dock is narrower than the chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAccessibleName("Influence map")

    def fit(self) -> None:
        scene = self.scene()
        if scene is None:
            return
        rect = scene.sceneRect()
        view = self.viewport().size()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        scale = min(1.0, view.width() / rect.width(), view.height() / rect.height())
        # Never smaller than 55 %: below that the names cannot be read; scroll instead.
        scale = max(scale, 0.55)
        self.resetTransform()
        self.scale(scale, scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
