"""The influence map: an org chart of a deal's buying influences by reports-to, with PNG/SVG export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QImageWriter,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
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
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from planner import map_look
from planner.i18n import plural, translate
from planner.model import BuyingInfluence, Mode, Person, Role
from ui.blue_sheet import labels
from ui.plain import plain_tooltip

# Layout, in scene units (pixels at 100 %).
NODE_WIDTH = 196.0
NODE_HEIGHT = 64.0
H_GAP = 20.0
V_GAP = 44.0
MARGIN = 16.0
# Nodes nobody reports to and who report to nobody: wrapped in rows of this many under the chart.
LOOSE_PER_ROW = 3
FONT_POINTS = 9

# The look is planner.map_look's, shared with the review pack; here as Qt colours.
MODE_FILL: dict[Mode, QColor] = {mode: QColor(hex_colour) for mode, hex_colour in map_look.MODE_FILL.items()}
MODE_EDGE: dict[Mode, QColor] = {mode: QColor(hex_colour) for mode, hex_colour in map_look.MODE_EDGE.items()}
TEXT = QColor("#1c1c1c")
MUTED = QColor("#4a4a4a")
LINE = QColor(map_look.LINE)
SELECTED = QColor("#0b57d0")
FOCUS = QColor("#1c1c1c")  # the keyboard focus ring: dotted, outside the box (9:1 on white)
HOSTILE = QColor(map_look.HOSTILE)
ROLE_SHAPE: dict[Role, str] = map_look.ROLE_SHAPE


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
        self.rating_text = "" if ghost or not labels.on_scale(node.rating) else labels.rating(node.rating)
        if not ghost and not self.rating_text:
            self.rating_text = "?"
        self._rect = QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)
        if not ghost:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setCursor(Qt.CursorShape.PointingHandCursor if not ghost else Qt.CursorShape.ArrowCursor)
        self.setToolTip(plain_tooltip(self.describe()))

    def describe(self) -> str:
        """The node in words (tooltip and accessibility)."""
        n = self.node
        title = f"\n{n.title}" if n.title else ""
        if self.ghost:
            not_an_influence = translate("InfluenceMap", "Not a buying influence on this deal")
            return f"{n.name}{title}\n{not_an_influence}"
        facts = translate("InfluenceMap", "Role: {role} · Mode: {mode} · Rating: {rating}").format(
            role=labels.role(n.role), mode=labels.mode(n.mode), rating=labels.rating(n.rating)
        )
        return f"{n.name}{title}\n{facts}"

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        return _outline(self.shape_name, self._rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        if option.state & QStyle.StateFlag.State_HasFocus:
            # Keyboard focus: a dotted ring just outside the box, apart from the selection's blue.
            ring = QPen(FOCUS, 1.5, Qt.PenStyle.DotLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rect.adjusted(-2.5, -2.5, 2.5, 2.5))
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
                translate("InfluenceMap", "Not on this deal")
                if self.ghost
                else f"{labels.role(n.role)} · {labels.mode(n.mode)}",
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
        badge_fill, badge_ink = map_look.badge_colours(rating)
        fill, ink = QColor(badge_fill), QColor(badge_ink) if badge_ink else TEXT
        painter.setPen(QPen(self.edge, 1.2))
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(circle)
        painter.setPen(ink)
        painter.setFont(_font(bold=True))
        painter.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), self.rating_text)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Tab onto a box selects it, as a click would: the table follows.
        super().focusInEvent(event)
        scene = self.scene()
        if scene is not None and not self.isSelected():
            scene.clearSelection()
            self.setSelected(True)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


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
                person.name if person else translate("InfluenceMap", "Person #{id}").format(id=bi.person_id),
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
        (
            map_look.shape_title(),
            [(ROLE_SHAPE[r], labels.role(r), Mode.UNKNOWN) for r in ROLE_SHAPE],
        ),
        (map_look.colour_title(), [("rectangle", labels.mode(m), m) for m in MODE_FILL]),
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
    note = scene.addSimpleText(map_look.badge_note(), font)
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
        empty = scene.addSimpleText(
            translate("InfluenceMap", "No buying influences yet: add the people who decide."), _font()
        )
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


def render_scene_svg(scene: QGraphicsScene, path: Path | str, title: str = "") -> bool:
    """Write the scene to an SVG file (vector: the review pack scales it freely)."""
    source = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title or translate("InfluenceMap", "Influence map"))
    generator.setDescription(
        translate("InfluenceMap", "Buying influences by reports-to: shape is the role, colour the mode.")
    )
    painter = QPainter()
    if not painter.begin(generator):
        return False
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    return Path(path).exists()


def describe_scene(scene: QGraphicsScene | None) -> str:
    """The map in words, for screen readers: who is on it, in which role and mode, and who
    reports to whom (top to bottom, left to right, as the chart reads)."""
    nodes = sorted(influence_nodes(scene), key=lambda n: (n.y(), n.x())) if scene is not None else []
    influences = [n for n in nodes if not n.ghost]
    if not influences:
        return translate("InfluenceMap", "No buying influences yet: add the people who decide.")
    count = len(influences)
    sentences = [
        plural(
            count,
            translate("InfluenceMap", "{n} buying influence."),
            translate("InfluenceMap", "{n} buying influences."),
        ).format(n=count)
    ]
    for node in influences:
        n = node.node
        sentences.append(
            translate("InfluenceMap", "{name}: {role}, {mode}, rating {rating}.").format(
                name=n.name,
                role=labels.role(n.role),
                mode=labels.mode(n.mode),
                rating=labels.rating(n.rating),
            )
        )
    for node in nodes:
        if node.ghost:
            sentences.append(
                translate("InfluenceMap", "{name} is not on this deal.").format(name=node.node.name)
            )
    names = {node.person_id: node.node.name for node in nodes}
    edges = (
        sorted(reports_to_edges(scene), key=lambda e: names.get(e.person_id, "")) if scene is not None else []
    )
    for edge in edges:
        if edge.person_id in names and edge.boss_id in names:
            sentences.append(
                translate("InfluenceMap", "{name} reports to {boss}.").format(
                    name=names[edge.person_id], boss=names[edge.boss_id]
                )
            )
    return " ".join(sentences)


class MapView(QGraphicsView):
    """Shows the map at 100 %, shrunk to fit when the dock is narrower than the chart.

    For the keyboard: the arrow keys (and Home, End) move from box to box in reading order,
    selecting each (the table follows), and the view draws a focus frame; for screen readers its
    description says the whole map in words.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("InfluenceMap", "Influence map"))
        self.setAccessibleDescription(describe_scene(None))

    def setScene(self, scene: QGraphicsScene | None) -> None:
        super().setScene(scene)
        if scene is not None:
            # A map wider than the view opens at its top left (the legend and the first boxes),
            # not scrolled to its middle.
            self.centerOn(scene.sceneRect().topLeft())
        self.setAccessibleDescription(describe_scene(scene))
        self.setToolTip(
            translate(
                "InfluenceMap", "Arrow keys move from person to person; the table follows the selection."
            )
            if scene is not None and any(not n.ghost for n in influence_nodes(scene))
            else ""
        )

    _NEXT = frozenset((Qt.Key.Key_Right, Qt.Key.Key_Down))
    _PREVIOUS = frozenset((Qt.Key.Key_Left, Qt.Key.Key_Up))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.scene()
        key = event.key()
        boxes = (
            sorted((n for n in influence_nodes(scene) if not n.ghost), key=lambda n: (n.y(), n.x()))
            if scene is not None
            else []
        )
        if not boxes or key not in self._NEXT | self._PREVIOUS | {Qt.Key.Key_Home, Qt.Key.Key_End}:
            super().keyPressEvent(event)
            return
        current = next((i for i, n in enumerate(boxes) if n.isSelected()), -1)
        if key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = len(boxes) - 1
        elif key in self._NEXT:
            target = min(current + 1, len(boxes) - 1)
        else:
            target = max(current - 1, 0)
        self.go_to(boxes[target])
        event.accept()

    def go_to(self, node: InfluenceNode) -> None:
        """Select a box and give it the keyboard focus, scrolled into view."""
        scene = node.scene()
        if scene is None:
            return
        if not node.isSelected():
            scene.clearSelection()
            node.setSelected(True)
        node.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureVisible(node)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # A visible keyboard focus on the whole map, in the palette's highlight colour.
            painter = QPainter(self.viewport())
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -1, -1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

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
