"""The pack's pictures as plain shapes (funnel summary, influence map), and those shapes as SVG."""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from typing import Literal

from planner import map_look
from planner.exchange.pack import (
    DealPack,
    InfluenceInfo,
    Pack,
    rating_text,
    short_money,
    strip_controls,
)

# One description of each picture, drawn twice: as SVG here (HTML pack) and with QPainter in
# ui/pack_pdf.py (PDF pack). Coordinates are CSS pixels; text positions are baselines.

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True, slots=True)
class Shape:
    """A filled polygon (a rectangle is four points; `radius` rounds a rectangle's corners)."""

    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str = ""
    stroke_width: float = 1.0
    dashed: bool = False
    radius: float = 0.0


@dataclass(frozen=True, slots=True)
class Circle:
    """A filled circle."""

    cx: float
    cy: float
    r: float
    fill: str
    stroke: str = ""
    stroke_width: float = 1.0


@dataclass(frozen=True, slots=True)
class Line:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1.0


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text, elided to `max_width` by the renderer."""

    x: float
    y: float
    text: str
    size: float
    color: str = "#1f2328"
    bold: bool = False
    anchor: Anchor = "start"
    max_width: float = 0.0  # 0: no limit


Item = Shape | Circle | Line | Text


@dataclass(frozen=True, slots=True)
class Chart:
    """A picture: its size and what to draw, in order."""

    width: float
    height: float
    items: tuple[Item, ...]
    title: str  # what the picture shows, in words (alt text)


def rect(x: float, y: float, w: float, h: float) -> tuple[tuple[float, float], ...]:
    """A rectangle's four corners."""
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


# ----------------------------------------------------------------------------------------------
# Funnel summary

_LEVEL_COLOURS = ("#c9def5", "#8fbbe8", "#4a8fd6", "#1f5f9e", "#2e7d4f", "#9e9e9e", "#bdbdbd")
_TEXT = "#1f2328"
_MUTED = "#57606a"


_FUNNEL_TOP = 28.0
_FUNNEL_ROW = 30.0
_BAR_ROW = 24.0


def _funnel_items(pack: Pack, x: float) -> list[Item]:
    """The funnel by level: each level narrower than the one above; labels give the numbers."""
    items: list[Item] = [Text(x, 16, "Funnel by level", 13, bold=True)]
    funnel_w = 340.0
    shrink = 0.12 * funnel_w
    for i, row in enumerate(pack.by_level):
        x0 = x + i * shrink / 2
        x1 = x + funnel_w - i * shrink / 2
        y = _FUNNEL_TOP + i * (_FUNNEL_ROW + 6)
        inset = shrink / 2
        points = ((x0, y), (x1, y), (x1 - inset / 2, y + _FUNNEL_ROW), (x0 + inset / 2, y + _FUNNEL_ROW))
        items.append(Shape(points, _LEVEL_COLOURS[min(i, len(_LEVEL_COLOURS) - 1)]))
        ink = "#ffffff" if i >= 2 else _TEXT
        count = f"{row.count} deal" if row.count == 1 else f"{row.count} deals"
        middle = x + funnel_w / 2
        items.append(
            Text(middle, y + 13, row.label, 11, ink, bold=True, anchor="middle", max_width=x1 - x0 - 16)
        )
        amount = f"{count} · {short_money(row.amount, pack.base_currency)}"
        items.append(Text(middle, y + 26, amount, 10, ink, anchor="middle", max_width=x1 - x0 - 16))
    return items


def _bar_items(pack: Pack, x: float) -> list[Item]:
    """Amount and weighted amount per stage, as bars on one scale."""
    items: list[Item] = [Text(x, 16, "Amount and weighted amount by stage", 13, bold=True)]
    stages = pack.by_stage
    biggest = max((row.amount for row in stages), default=0.0) or 1.0
    label_w = 110.0
    bar_x = x + label_w
    bar_w = 340 - label_w - 80
    for i, row in enumerate(stages):
        y = _FUNNEL_TOP + i * _BAR_ROW
        items.append(Text(bar_x - 8, y + 14, row.label, 10, color=_TEXT, anchor="end", max_width=label_w - 8))
        full = max(row.amount, 0.0) / biggest * bar_w
        weighted = max(row.weighted, 0.0) / biggest * bar_w
        items.append(Shape(rect(bar_x, y + 3, max(full, 1.0), 16), "#d8e6f5"))
        if weighted > 0:
            items.append(Shape(rect(bar_x, y + 3, weighted, 16), "#2f6fb3"))
        label = short_money(row.amount, pack.base_currency)
        items.append(Text(bar_x + max(full, 1.0) + 6, y + 15, label, 10, _MUTED))
    y = _FUNNEL_TOP + len(stages) * _BAR_ROW + 22
    items += [
        Shape(rect(x, y - 9, 10, 10), "#d8e6f5"),
        Text(x + 14, y, "amount", 10, _MUTED),
        Shape(rect(x + 70, y - 9, 10, 10), "#2f6fb3"),
        Text(x + 84, y, "weighted by probability", 10, _MUTED),
    ]
    return items


def _funnel_height(pack: Pack) -> float:
    return _FUNNEL_TOP + max(len(pack.by_level) * (_FUNNEL_ROW + 6), len(pack.by_stage) * _BAR_ROW + 30) + 6


def _funnel_title(pack: Pack) -> str:
    summary = "; ".join(f"{row.label}: {row.count}" for row in pack.by_level)
    return f"Funnel summary. Deals by level: {summary}."


def funnel_chart(pack: Pack) -> Chart:
    """The funnel by level beside amount and weighted amount per stage (one picture: the PDF's cover)."""
    items = _funnel_items(pack, 0) + _bar_items(pack, 380)
    return Chart(720.0, _funnel_height(pack), tuple(items), _funnel_title(pack))


def funnel_charts(pack: Pack) -> tuple[Chart, Chart]:
    """The same as two pictures, which a narrow screen puts one under the other."""
    height = _funnel_height(pack)
    return (
        Chart(342.0, height, tuple(_funnel_items(pack, 1)), _funnel_title(pack)),
        Chart(342.0, height, tuple(_bar_items(pack, 1)), "Amount and weighted amount by stage."),
    )


# ----------------------------------------------------------------------------------------------
# Influence map (the Blue Sheet panel's vocabulary: shape is the role, colour the mode, the badge
# the rating; so the app, the PDF and the HTML read alike)

NODE_W = 190.0
NODE_H = 62.0
GAP_X = 14.0
GAP_Y = 30.0
PER_ROW = 3  # more people of one level wrap: three fit a portrait page at a readable size
_LINE = map_look.LINE
_HOSTILE = map_look.HOSTILE


@dataclass(frozen=True, slots=True)
class _Node:
    person_id: int
    influence: InfluenceInfo | None  # None: someone they report to who is not on this deal
    name: str


def influence_map(deal: DealPack) -> Chart | None:
    """Who reports to whom among the deal's buying influences; None when there are none."""
    if not deal.influences:
        return None
    nodes: dict[int, _Node] = {}
    for bi in deal.influences:
        nodes.setdefault(bi.person_id, _Node(bi.person_id, bi, bi.name))
    for bi in deal.influences:
        boss = bi.reports_to_id
        if boss is not None and boss not in nodes:
            nodes[boss] = _Node(boss, None, bi.reports_to or f"Person #{boss}")
    parent = {
        bi.person_id: bi.reports_to_id
        for bi in deal.influences
        if bi.reports_to_id is not None and bi.reports_to_id != bi.person_id
    }
    children: dict[int | None, list[int]] = {}
    for person_id in nodes:
        children.setdefault(parent.get(person_id), []).append(person_id)
    # Depth-first from the roots, so people sit near whom they report to; a cycle of
    # reports-to (bad data) is broken where it is first met.
    levels: list[list[int]] = []
    seen: set[int] = set()

    def place(person_id: int, depth: int) -> None:
        if person_id in seen:
            return
        seen.add(person_id)
        while len(levels) <= depth:
            levels.append([])
        levels[depth].append(person_id)
        for child in children.get(person_id, ()):
            place(child, depth + 1)

    for root in children.get(None, ()):
        place(root, 0)
    for person_id in nodes:
        place(person_id, 0)  # only those in a cycle are left
    rows: list[list[int]] = []
    for level in levels:
        rows += [level[i : i + PER_ROW] for i in range(0, len(level), PER_ROW)]
    columns = max(len(r) for r in rows)
    width = columns * NODE_W + (columns - 1) * GAP_X + 4
    height = len(rows) * NODE_H + (len(rows) - 1) * GAP_Y + 4
    where: dict[int, tuple[float, float]] = {}
    for r, row in enumerate(rows):
        row_w = len(row) * NODE_W + (len(row) - 1) * GAP_X
        x = (width - row_w) / 2
        for person_id in row:
            where[person_id] = (x, 2 + r * (NODE_H + GAP_Y))
            x += NODE_W + GAP_X
    items: list[Item] = []
    for child, boss in parent.items():
        if child in where and boss in where:
            cx, cy = where[child]
            bx, by = where[boss]
            x1, x2 = cx + NODE_W / 2, bx + NODE_W / 2
            if cy > by:  # an org-chart elbow up to the boss
                middle = by + NODE_H + (cy - by - NODE_H) / 2
                items += [
                    Line(x1, cy, x1, middle, _LINE, 1.3),
                    Line(x1, middle, x2, middle, _LINE, 1.3),
                    Line(x2, middle, x2, by + NODE_H, _LINE, 1.3),
                ]
            else:
                items.append(Line(x1, cy, x2, by + NODE_H, _HOSTILE, 1.3))
    for person_id, (x, y) in where.items():
        items += _node_items(nodes[person_id], x, y)
    names = ", ".join(
        f"{bi.name} ({bi.role.label}, {bi.mode.label}, rated {rating_text(bi.rating)})"
        for bi in deal.influences
    )
    return Chart(width, height, tuple(items), f"Influence map of {deal.title}: {names}.")


def _outline(shape: str, x: float, y: float, w: float, h: float) -> tuple[tuple[float, float], ...]:
    if shape == "hexagon":
        cut = 14.0
        return (
            (x + cut, y),
            (x + w - cut, y),
            (x + w, y + h / 2),
            (x + w - cut, y + h),
            (x + cut, y + h),
            (x, y + h / 2),
        )
    if shape == "notched":
        cut = 10.0
        return (
            (x + cut, y),
            (x + w - cut, y),
            (x + w, y + cut),
            (x + w, y + h - cut),
            (x + w - cut, y + h),
            (x + cut, y + h),
            (x, y + h - cut),
            (x, y + cut),
        )
    return rect(x, y, w, h)


def _node_items(node: _Node, x: float, y: float) -> list[Item]:
    bi = node.influence
    if bi is None:
        return [
            Shape(rect(x, y, NODE_W, NODE_H), "#ffffff", _LINE, 1.2, dashed=True),
            Text(x + 10, y + 20, node.name, 11, _TEXT, bold=True, max_width=NODE_W - 20),
            Text(x + 10, y + 38, "Not on this deal", 10, _MUTED, max_width=NODE_W - 20),
        ]
    shape = map_look.shape_of(bi.role)
    edge = map_look.edge_of(bi.mode)
    inset = 16.0 if shape in ("hexagon", "rounded") else 9.0
    badge = 13.0
    text_w = NODE_W - 2 * inset - 2 * badge - 6
    rating = bi.rating
    badge_fill, badge_ink = map_look.badge_colours(rating)
    ink = badge_ink or _TEXT
    cx, cy = x + NODE_W - inset - badge, y + NODE_H / 2
    return [
        Shape(
            _outline(shape, x, y, NODE_W, NODE_H),
            map_look.fill_of(bi.mode),
            edge,
            1.4,
            dashed=shape == "dashed",
            radius=NODE_H / 2 if shape == "rounded" else 0.0,
        ),
        Text(x + inset, y + 19, node.name, 11, _TEXT, bold=True, max_width=text_w),
        Text(x + inset, y + 35, bi.title or " ", 10, _MUTED, max_width=text_w),
        Text(
            x + inset,
            y + 51,
            f"{bi.role.label} · {bi.mode.label}" + (" · new" if bi.new_in_job else ""),
            10,
            _TEXT,
            max_width=text_w,
        ),
        Circle(cx, cy, badge, badge_fill, edge, 1.2),
        Text(cx, cy + 4.5, rating_text(rating), 11, ink, bold=True, anchor="middle"),
    ]


# ----------------------------------------------------------------------------------------------
# SVG

_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def elide_chars(text: str, size: float, max_width: float, bold: bool = False) -> str:
    """Text cut with an ellipsis to about `max_width` pixels (SVG cannot measure before drawing)."""
    text = " ".join(strip_controls(text).split())
    if max_width <= 0:
        return text
    per_char = size * (0.62 if bold else 0.56)
    fits = max(int(max_width / per_char), 1)
    return text if len(text) <= fits else text[: max(fits - 1, 1)].rstrip() + "…"


def _stroke(colour: str, width: float, dashed: bool) -> str:
    if not colour:
        return ""
    return f' stroke="{colour}" stroke-width="{width:.1f}"' + (' stroke-dasharray="4 3"' if dashed else "")


def to_svg(chart: Chart) -> str:
    """The chart as a standalone SVG document (text escaped; no scripts, no links)."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{chart.width:.0f}" height="{chart.height:.0f}"'
        f' viewBox="0 0 {chart.width:.1f} {chart.height:.1f}" font-family="{_FONT}" role="img">',
        f"<title>{html.escape(strip_controls(chart.title))}</title>",
    ]
    for item in chart.items:
        if isinstance(item, Shape):
            stroke = _stroke(item.stroke, item.stroke_width, item.dashed)
            if item.radius:
                (x0, y0), (x1, _y), (_x, y1) = item.points[0], item.points[1], item.points[2]
                out.append(
                    f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}"'
                    f' rx="{item.radius:.1f}" fill="{item.fill}"{stroke}/>'
                )
            else:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in item.points)
                out.append(f'<polygon points="{points}" fill="{item.fill}"{stroke}/>')
        elif isinstance(item, Circle):
            stroke = _stroke(item.stroke, item.stroke_width, False)
            out.append(
                f'<circle cx="{item.cx:.1f}" cy="{item.cy:.1f}" r="{item.r:.1f}" fill="{item.fill}"{stroke}/>'
            )
        elif isinstance(item, Line):
            out.append(
                f'<line x1="{item.x1:.1f}" y1="{item.y1:.1f}" x2="{item.x2:.1f}" y2="{item.y2:.1f}"'
                f' stroke="{item.stroke}" stroke-width="{item.width:.1f}"/>'
            )
        else:
            text = html.escape(elide_chars(item.text, item.size, item.max_width, item.bold))
            weight = ' font-weight="bold"' if item.bold else ""
            out.append(
                f'<text x="{item.x:.1f}" y="{item.y:.1f}" font-size="{item.size:.1f}" fill="{item.color}"'
                f' text-anchor="{item.anchor}"{weight}>{text}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def svg_data_uri(chart: Chart) -> str:
    """The chart as a data: URI for an <img> (so the HTML pack makes no request)."""
    return "data:image/svg+xml;base64," + base64.b64encode(to_svg(chart).encode("utf-8")).decode("ascii")
