"""The review pack as a PDF: QTextDocument pages painted on a QPdfWriter, with header, footer and charts."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
    QPyTextObject,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)
from PySide6.QtWidgets import QApplication, QGraphicsScene

from planner.exchange import pack_html
from planner.exchange.pack import DealPack, Pack, PaperSize, human_date
from planner.exchange.pack_charts import Chart, Circle, Line, Shape, Text
from planner.exchange.pack_files import write_bytes_atomic
from planner.model import BuyingInfluence, Person

# Layout is done in points: the writer's resolution is 72 dpi, so one device unit is one point
# and font sizes in points are device units. A preview paints the same layout on a QImage whose
# resolution is also 72 dpi, scaled: so text metrics never differ between preview and PDF.
POINTS_PER_INCH = 72
_DOTS_PER_METRE_72DPI = round(POINTS_PER_INCH / 0.0254)
# Page margins in points: a little room above and below for the header and footer.
MARGIN_LEFT = MARGIN_RIGHT = 42.0  # about 15 mm
MARGIN_TOP = 56.0  # header inside
MARGIN_BOTTOM = 50.0  # footer inside
FONT_FAMILY = "DejaVu Sans"
BODY_POINTS = 8.0
TABLE_POINTS = 7.2  # the table of all deals: ten columns on a portrait page
# A chart is an <img src="chart:KEY"> whose drawing this module's image handler takes over.
CHART_SCHEME = "chart:"
CHART_SCALE = 0.8  # CSS pixels to points (a little smaller than on screen), when the page has room

Progress = Callable[[int, int], None]  # (done, total) pages

# Qt's rich-text subset. Every CSS rule costs a selector match per element, which made laying
# out the text three times slower (measured): a few type rules here, and `for_qt` turns the
# sections' classes into inline formatting.
_QT_CSS = """
h1 { font-size: 17pt; margin-bottom: 4px; }
h2 { font-size: 13pt; margin-top: 10px; margin-bottom: 1px; }
h3 { font-size: 9.5pt; color: #1f5f9e; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 1px; margin-bottom: 1px; }
th { background-color: #eef2f6; border-bottom: 1px solid #8c959f; }
td { border-bottom: 1px solid #d8dee4; }
"""
QT_CSS = _QT_CSS  # for other documents printed in the pack's style (ui/green_sheet_pdf.py)
_MUTED = "#57606a"
_SPAN_COLOURS = {"muted": _MUTED, "flag": "#b42318", "strength": "#1a7f37"}
_SPAN = re.compile(r'<span(?: class="(\w*)")?[^>]*>')
_QT_MARKUP = (
    ('<p class="muted legend">', f'<p style="color:{_MUTED}">'),
    ('<p class="muted">', f'<p style="color:{_MUTED}">'),
    ('<p class="flag">', '<p style="color:#b42318">'),
    ('<ul class="definitions">', f'<ul style="color:{_MUTED}; font-size:7.2pt">'),
    ('<p class="subtitle">', f'<p style="color:{_MUTED}; margin-bottom:3px">'),
    ('<p class="meta">', f'<p style="color:{_MUTED}; font-size:7.5pt; margin-top:4px">'),
    ('<p class="note coaching" style="', '<p style="margin-left:8px; color:#0b3d75; '),
    ('<p class="note private" style="', '<p style="margin-left:8px; '),
    ('<p class="note" style="', '<p style="margin-left:8px; '),
    ('class="label"', f'style="color:{_MUTED}; font-weight:bold; border-bottom:0px"'),
    ('class="value"', 'style="border-bottom:0px"'),
)


_EMPTY_CELL = re.compile(r"(<td[^>]*>)(</td>)")


def for_qt(body: str) -> str:
    """A section's HTML in Qt's terms: its few classes become inline formatting (see _QT_CSS).

    An empty table cell gets a no-break space: after a table with an empty cell, Qt 6.11 no
    longer lays out again what follows when a format changes (measured), and `keep_together`
    relies on that.
    """
    for old, new in _QT_MARKUP:
        body = body.replace(old, new)
    body = _SPAN.sub(_font, body).replace("</span>", "</font>")
    return _EMPTY_CELL.sub(r"\1&nbsp;\2", body)


def _font(match: re.Match[str]) -> str:
    colour = _SPAN_COLOURS.get(match.group(1) or "")
    return f'<font color="{colour}">' if colour else "<font>"


def pack_font(points: float, bold: bool = False) -> QFont:
    """The pack's font: DejaVu Sans, without ligatures (a PDF's "fi" glyph breaks searching for "fi")."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    for feature in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def default_paper(locale: QLocale | None = None) -> PaperSize:
    """Letter where the locale measures in US units (US, Canada...), else A4."""
    locale = locale or QLocale.system()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return "letter"
    if locale.territory() in (QLocale.Country.Canada, QLocale.Country.Mexico, QLocale.Country.Philippines):
        return "letter"
    return "a4"


def page_size(paper: PaperSize) -> QPageSize:
    """The QPageSize of a paper name."""
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4)


def ensure_application() -> QApplication:
    """A QApplication for fonts, text layout and the maps: a headless one when none runs yet.

    The offscreen platform always, for the command line: an export opens no window, so it needs
    no display even on a desktop (and works over ssh and in CI).
    """
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("The PDF pack needs a QApplication, and another kind of Qt application runs.")
    return QApplication([sys.argv[0] if sys.argv else "planner", "-platform", "offscreen"])


# ----------------------------------------------------------------------------------------------
# Charts drawn by the text layout, as vectors (crisp at any zoom, and their text is searchable)


def draw_chart(painter: QPainter, chart: Chart, target: QRectF) -> None:
    """Draw a chart's shapes into `target`, scaled to fit."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(target.topLeft())
    scale = min(target.width() / chart.width, target.height() / chart.height)
    painter.scale(scale, scale)
    metrics: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}
    for item in chart.items:
        if isinstance(item, Shape | Circle):
            if item.stroke:
                pen = QPen(QColor(item.stroke), item.stroke_width)
                if isinstance(item, Shape) and item.dashed:
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(item.fill)))
            if isinstance(item, Circle):
                painter.drawEllipse(QPointF(item.cx, item.cy), item.r, item.r)
            elif item.radius:
                (x0, y0), (x1, _y), (_x, y1) = item.points[0], item.points[1], item.points[2]
                painter.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), item.radius, item.radius)
            else:
                painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in item.points]))
        elif isinstance(item, Line):
            painter.setPen(QPen(QColor(item.stroke), item.width))
            painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
        elif isinstance(item, Text):
            key = (item.size, item.bold)
            if key not in metrics:
                font = pack_font(item.size, item.bold)
                metrics[key] = (font, QFontMetricsF(font, painter.device()))
            font, fm = metrics[key]
            text = " ".join(item.text.split())
            if item.max_width > 0:
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, item.max_width)
            width = fm.horizontalAdvance(text)
            x = item.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0)
            painter.setFont(font)
            painter.setPen(QColor(item.color))
            painter.drawText(QPointF(x, item.y), text)
    painter.restore()


class ChartObject(QPyTextObject):
    """The image handler of a section: draws its charts as vectors where the layout put them.

    Registered for Qt's image objects, so `<img src="chart:KEY">` in the HTML is laid out at
    the chart's size and drawn here: crisp at any zoom, its words searchable, and no second
    layout pass to insert objects. An influence map is the Blue Sheet panel's own scene when
    the application has widgets (`scenes`), else the pack's drawing of the same map.
    """

    def __init__(
        self, charts: dict[str, Chart], scenes: dict[str, QGraphicsScene], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.charts = charts
        self.scenes = scenes

    def _key(self, fmt: QTextFormat) -> str:
        name = fmt.toImageFormat().name()
        return name.removeprefix(CHART_SCHEME) if name.startswith(CHART_SCHEME) else ""

    def intrinsicSize(self, doc: QTextDocument, pos_in_document: int, fmt: QTextFormat) -> QSizeF:
        key = self._key(fmt)
        scene = self.scenes.get(key)
        chart = self.charts.get(key)
        if scene is not None:
            width, height = scene.sceneRect().width(), scene.sceneRect().height()
        elif chart is not None:
            width, height = chart.width, chart.height
        else:
            return QSizeF(1, 1)  # not one of ours: the pack has no other images
        room = (doc.pageSize().width() if doc.pageSize().width() > 0 else width) - 4
        scale = room / width if key == "funnel" else min(CHART_SCALE, room / width)  # the cover has room
        return QSizeF(width * scale, height * scale)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos_in_document: int,
        fmt: QTextFormat,
    ) -> None:
        key = self._key(fmt)
        scene = self.scenes.get(key)
        if scene is not None:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            scene.render(painter, QRectF(rect), scene.sceneRect())
            painter.restore()
        elif key in self.charts:
            draw_chart(painter, self.charts[key], QRectF(rect))


def _panel_map(deal: DealPack) -> QGraphicsScene | None:
    """The Blue Sheet panel's influence map of a deal, when widgets are available (else None)."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return None  # a QGraphicsScene needs a QApplication; the pack's own drawing does not
    try:
        from ui.blue_sheet.influence_map import build_map_scene
    except ImportError:
        return None
    influences = [
        BuyingInfluence(
            bi.id,
            deal.id,
            bi.person_id,
            bi.role,
            bi.degree,
            bi.mode,
            bi.rating,
            bi.win,
            bi.result,
            bi.concept,
            bi.concept_kind,
            bi.covered_by,
            bi.last_contact,
            bi.new_in_job,
            bi.reports_to_id,
            bi.evidence,
        )
        for bi in deal.influences
    ]
    people = {
        bi.reports_to_id: Person(bi.reports_to_id, 0, bi.reports_to)
        for bi in deal.influences
        if bi.reports_to_id
    }
    people.update({bi.person_id: Person(bi.person_id, 0, bi.name, bi.title) for bi in deal.influences})
    return build_map_scene(influences, people, legend=True)


# ----------------------------------------------------------------------------------------------
# Laying the pack out on pages


@dataclass
class Section:
    """One part of the pack laid out alone (cover, deal table, one deal): it starts a new page."""

    doc: QTextDocument
    handler: ChartObject
    heading: str  # shown in the header of its pages
    first_page: int = 0
    pages: int = 0


class PackLayout:
    """The pack's sections laid out for one paper size; paints any page on any 72-dpi device."""

    def __init__(
        self,
        pack: Pack,
        paper: PaperSize | None = None,
        *,
        max_deals: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        panel_maps: bool = False,
    ) -> None:
        self.pack = pack
        # The Blue Sheet panel's map scene (ui.blue_sheet) instead of the pack's own drawing of the
        # same map. Off by default: its tidy tree puts all of a boss's people on one row, so four
        # of them make it 860 px wide and, on a portrait page, its text about 5 pt; the pack's
        # drawing (shape = role, colour = mode, badge = rating, as the panel) wraps at three.
        self.panel_maps = panel_maps
        self.paper: PaperSize = paper or pack.paper or default_paper()
        size = page_size(self.paper).size(QPageSize.Unit.Point)
        self.page = QRectF(0, 0, size.width(), size.height())
        self.content = self.page.adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)
        # Text is laid out for the PDF writer's metrics, even when only a preview is painted.
        self._layout_buffer = QBuffer()
        self._layout_buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.layout_device = _pdf_writer(self._layout_buffer, self.paper, pack)
        deals = pack.deals if max_deals is None else pack.deals[:max_deals]
        self._deals = {deal.id: deal for deal in deals}
        total = 2 + len(deals)
        self.sections: list[Section] = []
        if pack.manager is not None:  # the pack opens with the manager's page
            self.sections.append(
                self._section("Manager's page", partial(pack_html.manager_section, pack), BODY_POINTS)
            )
        self.sections += [
            self._section("Cover", partial(pack_html.cover_section, pack), BODY_POINTS),
            self._section("All deals", partial(pack_html.deals_table_section, pack), TABLE_POINTS),
        ]
        for n, deal in enumerate(deals, start=1):
            if progress is not None:
                progress(n + 1, total)
            self.sections.append(
                self._section(
                    f"Deal {n} of {len(pack.deals)}: {deal.title}",
                    partial(pack_html.deal_section, pack, deal, n),
                    BODY_POINTS,
                )
            )
        if progress is not None:
            progress(total, total)
        page = 0
        for section in self.sections:
            section.first_page = page
            page += section.pages
        self.page_count = page

    def _section(self, heading: str, write: Callable[[pack_html.Dialect], str], points: float) -> Section:
        """Lay out one section; `write` makes its HTML (charts are collected while it runs)."""
        doc = QTextDocument()
        doc.setUndoRedoEnabled(False)
        doc.documentLayout().setPaintDevice(self.layout_device)
        doc.setDefaultFont(pack_font(points))
        option = QTextOption()
        # A 10,000-character word still wraps: at a word boundary when there is one, else anywhere.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(_QT_CSS)
        # The page size first: the text is then laid out once, for pages, as it is set.
        doc.setPageSize(QSizeF(self.content.width(), self.content.height()))
        charts: dict[str, Chart] = {}
        scenes: dict[str, QGraphicsScene] = {}
        handler = ChartObject(charts, scenes, doc)
        doc.documentLayout().registerHandler(int(QTextFormat.ObjectTypes.ImageObject), handler)

        def chart_html(key: str, chart: Chart) -> str:
            charts[key] = chart
            deal = self._deals.get(int(key[4:])) if key.startswith("map-") and self.panel_maps else None
            scene = _panel_map(deal) if deal is not None else None
            if scene is not None:
                scenes[key] = scene
            return f'<p align="center"><img src="{CHART_SCHEME}{key}"></p>'

        html = for_qt(write(pack_html.Dialect(qt=True, chart_html=chart_html)))
        doc.setHtml(f"<html><body>{html}</body></html>")
        keep_together(doc, self.content.height())
        return Section(doc, handler, heading, pages=max(doc.pageCount(), 1))

    def section_of(self, page: int) -> Section:
        """The section a page (0-based) belongs to."""
        for section in reversed(self.sections):
            if page >= section.first_page:
                return section
        return self.sections[0]

    def paint_page(self, painter: QPainter, page: int) -> None:
        """Paint one page (0-based): header, the section's slice of text, footer."""
        section = self.section_of(page)
        index = page - section.first_page
        height = self.content.height()
        painter.save()
        painter.translate(self.content.left(), self.content.top() - index * height)
        clip = QRectF(0, index * height, self.content.width(), height)
        painter.setClipRect(clip)  # text at a page's edge is drawn on its own page only
        section.doc.drawContents(painter, clip)
        painter.restore()
        self._paint_furniture(painter, page, section)

    def _paint_furniture(self, painter: QPainter, page: int, section: Section) -> None:
        pack = self.pack
        font = pack_font(7.5)
        fm = QFontMetricsF(font, painter.device())
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#57606a"))
        left, right = self.content.left(), self.content.right()
        half = (right - left) / 2 - 8
        header_y = MARGIN_TOP - 22
        title = fm.elidedText(pack.title, Qt.TextElideMode.ElideRight, half)
        painter.drawText(QPointF(left, header_y), title)
        heading = fm.elidedText(section.heading, Qt.TextElideMode.ElideRight, half)
        painter.drawText(QPointF(right - fm.horizontalAdvance(heading), header_y), heading)
        painter.setPen(QPen(QColor("#d0d7de"), 0.6))
        painter.drawLine(QPointF(left, header_y + 6), QPointF(right, header_y + 6))
        footer_y = self.page.height() - MARGIN_BOTTOM + 26
        painter.drawLine(QPointF(left, footer_y - 12), QPointF(right, footer_y - 12))
        painter.setPen(QColor("#57606a"))
        who = f" · {pack.seller}" if pack.seller else ""
        stamp = fm.elidedText(
            f"{pack.plan_name}{who} · exported {human_date(pack.today)}", Qt.TextElideMode.ElideRight, half
        )
        painter.drawText(QPointF(left, footer_y), stamp)
        number = f"Page {page + 1} of {self.page_count}"
        painter.drawText(QPointF(right - fm.horizontalAdvance(number), footer_y), number)
        painter.restore()

    def page_image(self, page: int, width: int) -> QImage:
        """A page as a picture `width` pixels wide (the export dialog's preview)."""
        scale = width / self.page.width()
        image = QImage(width, round(self.page.height() * scale), QImage.Format.Format_RGB32)
        # 72 dpi, as the layout: fonts resolve to the same sizes as in the PDF.
        image.setDotsPerMeterX(_DOTS_PER_METRE_72DPI)
        image.setDotsPerMeterY(_DOTS_PER_METRE_72DPI)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        self.paint_page(painter, page)
        painter.end()
        return image


def _pdf_writer(device: QIODevice, paper: PaperSize, pack: Pack) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(POINTS_PER_INCH)
    # Margins are ours (header and footer live in them): the writer's page is the whole sheet.
    writer.setPageLayout(
        QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(pack.title)
    writer.setCreator("Opportunity Planner")
    return writer


def _tables(doc: QTextDocument) -> list[QTextTable]:
    found: list[QTextTable] = []
    pending = list(doc.rootFrame().childFrames())
    while pending:
        frame = pending.pop(0)
        if isinstance(frame, QTextTable):
            found.append(frame)
        pending[:0] = frame.childFrames()
    return found


# A row taller than this share of a page is let break: it could not fit on one page anyway.
_TALL_ROW = 0.85
# Room kept under a heading for the first line of what it introduces.
_KEEP_WITH_HEADING = 28.0


def keep_together(doc: QTextDocument, page_height: float) -> int:
    """Move table rows that would straddle a page break, and headings left at a page's foot, to the next page.

    Qt breaks a table between the lines of a cell, and a heading can end a page with its text on
    the next. A row that fits on a page is pushed down instead (more top padding on its cells,
    below the header row Qt repeats on the new page); a heading gets more top margin. One fix
    per pass, the first in document order, so every measure is of the layout as it now is.
    Returns how many things moved.
    """
    layout = doc.documentLayout()
    tables = _tables(doc)
    headings: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() in (1, 2, 3):
            headings.append(block)
        block = block.next()
    moved = 0
    from_page = 0  # pages before this one are final
    # (page, position, undo) of every fix made: a fix earlier on the same page makes those after
    # it pointless (they would push their text a second page down), so they are undone first.
    applied: list[tuple[int, int, Callable[[], None]]] = []
    for _ in range(1000):
        problem = _first_problem(doc, layout, page_height, from_page, tables, headings)
        if problem is None:
            break
        page, position, shift, apply = problem
        batch = QTextCursor(doc)
        batch.beginEditBlock()  # one layout pass for the undos and the fix together
        for fix in [f for f in applied if f[0] == page and f[1] > position]:
            fix[2]()
            applied.remove(fix)
        applied.append((page, position, apply(shift)))
        batch.endEditBlock()
        moved += 1
        from_page = page
    return moved


_Fix = tuple[int, int, float, Callable[[float], Callable[[], None]]]


def _first_problem(
    doc: QTextDocument,
    layout: QAbstractTextDocumentLayout,
    page_height: float,
    from_page: int,
    tables: list[QTextTable],
    headings: list[QTextBlock],
) -> _Fix | None:
    """The first row or heading (by position) on or after `from_page` that must move, with how far."""
    found: list[tuple[float, _Fix]] = []
    for table in tables:
        frame = layout.frameBoundingRect(table)
        if int(frame.top() // page_height) == int((frame.bottom() - 0.01) // page_height):
            continue  # on one page: no row of it straddles a break
        if frame.bottom() < from_page * page_height:
            continue
        header = table.format().headerRowCount()
        header_height = 0.0
        if header:
            header_top, _ = _row_extent(layout, table, 0)
            _, header_bottom = _row_extent(layout, table, header - 1)
            header_height = max(header_bottom - header_top, 0.0) + 6
        for row in range(header, table.rows()):
            top, bottom = _row_extent(layout, table, row)
            if row == header and header:
                # The first row keeps the header row with it: no header alone at a page's foot.
                top = _row_extent(layout, table, 0)[0]
                lift, move = 0.0, 0
            else:
                lift, move = header_height, row
            page = int(top // page_height)
            if page < from_page or bottom <= top:
                continue
            if int((bottom - 0.01) // page_height) != page and bottom - top < page_height * _TALL_ROW:
                shift = (page + 1) * page_height - top + lift + 4
                position = table.cellAt(move, 0).firstCursorPosition().position()
                found.append((top, (page, position, shift, partial(_pad_row, table, move))))
                break  # later rows of this table move with this one
    for block in headings:
        rect = layout.blockBoundingRect(block)
        page = int(rect.top() // page_height)
        if page < from_page:
            continue
        end = _next_content_bottom(doc, layout, block)
        if end is None:
            end = rect.bottom() + _KEEP_WITH_HEADING
        if int((end - 0.01) // page_height) != page and end - rect.top() < page_height * _TALL_ROW:
            # Qt collapses a heading's top margin with the bottom margin above it: add its own
            # margin, so one push is enough.
            shift = (page + 1) * page_height - rect.top() + 2 + block.blockFormat().topMargin()
            found.append((rect.top(), (page, block.position(), shift, partial(_push_block, block))))
    if not found:
        return None
    return min(found, key=lambda f: f[0])[1]


def _next_content_bottom(
    doc: QTextDocument, layout: QAbstractTextDocumentLayout, heading: QTextBlock
) -> float | None:
    """The bottom of the first line (or first table row) after a heading."""
    following = heading.next()
    if not following.isValid():
        return None
    table = QTextCursor(following).currentTable()
    if table is not None:
        last = min(table.format().headerRowCount(), table.rows() - 1)
        return _row_extent(layout, table, last)[1]
    rect = layout.blockBoundingRect(following)
    line = following.layout().lineAt(0) if following.layout().lineCount() else None
    return rect.top() + (line.height() if line is not None else rect.height()) + 2


def _pad_row(table: QTextTable, row: int, shift: float) -> Callable[[], None]:
    """More top padding on a row's cells; returns how to take it back."""
    batch = QTextCursor(table.document())
    batch.beginEditBlock()  # the document is laid out again once, not once per cell
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue  # part of a spanned cell
        cell_format = cell.format().toTableCellFormat()
        cell_format.setTopPadding(cell_format.topPadding() + shift)
        cell.setFormat(cell_format)
    batch.endEditBlock()

    def undo() -> None:
        _pad_row(table, row, -shift)

    return undo


def _push_block(block: QTextBlock, shift: float) -> Callable[[], None]:
    """More top margin on a block, so its text starts on the next page; returns how to take it back.

    A margin, not a page break: when the text above ends a hair past the page's foot, Qt's page
    break would leave a blank page.
    """
    cursor = QTextCursor(block)
    block_format = cursor.blockFormat()
    before = block_format.topMargin()
    block_format.setTopMargin(before + shift)
    cursor.setBlockFormat(block_format)

    def undo() -> None:
        restored = cursor.blockFormat()
        restored.setTopMargin(before)
        cursor.setBlockFormat(restored)

    return undo


def _row_extent(layout: QAbstractTextDocumentLayout, table: QTextTable, row: int) -> tuple[float, float]:
    top, bottom = float("inf"), 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        first = layout.blockBoundingRect(cell.firstCursorPosition().block())
        last = layout.blockBoundingRect(cell.lastCursorPosition().block())
        top = min(top, first.top())
        bottom = max(bottom, last.bottom())
    return top, bottom


# ----------------------------------------------------------------------------------------------
# Writing


def render_pdf(pack: Pack, paper: PaperSize | None = None, *, progress: Progress | None = None) -> bytes:
    """The whole pack as PDF bytes (fonts embedded, text searchable)."""
    layout = PackLayout(pack, paper)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, layout.paper, pack)
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        for page in range(layout.page_count):
            if page:
                writer.newPage()
            layout.paint_page(painter, page)
            if progress is not None:
                progress(page + 1, layout.page_count)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def write_pdf(
    pack: Pack, path: Path, paper: PaperSize | None = None, *, progress: Progress | None = None
) -> Path:
    """Write the PDF pack atomically (owner-only); PackError when it cannot be written."""
    return write_bytes_atomic(Path(path), render_pdf(pack, paper, progress=progress))


def write_pdf_headless(pack: Pack, path: Path) -> Path:
    """The command line's PDF: starts a headless QApplication when none runs."""
    ensure_application()
    return write_pdf(pack, path)
