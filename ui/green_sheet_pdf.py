"""A call plan (Green Sheet) printed on one page: its text laid out by QTextDocument, shrunk to fit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument, QTextOption

from planner.exchange import pack_html
from planner.exchange.pack import (
    CallPlanInfo,
    DealPack,
    PackError,
    PackOptions,
    PackScope,
    PaperSize,
    build_pack,
)
from planner.exchange.pack import human_date as pack_date
from planner.exchange.pack_files import write_bytes_atomic
from planner.storage.db import PlanDB
from ui.pack_pdf import BODY_POINTS, POINTS_PER_INCH, QT_CSS, default_paper, for_qt, pack_font, page_size

translate = QCoreApplication.translate

# The page's margins in points (about 15 mm), set on the writer explicitly: QPdfWriter and
# QPrinter otherwise differ (docs/qt-notes.md).
MARGIN = 42.0
# A long plan is printed smaller rather than on a second page; this is as small as the search goes.
SMALLEST = 0.05


@dataclass(frozen=True, slots=True)
class OnePage:
    """A call plan laid out for a page: the document and the scale that makes it fit."""

    doc: QTextDocument
    scale: float
    content: QRectF  # the page's printable area, in points


def _writer(device: QIODevice, paper: PaperSize, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(POINTS_PER_INCH)  # one device unit is one point, as in the pack
    writer.setPageLayout(
        QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(title)
    writer.setCreator("Opportunity Planner")
    return writer


def lay_out(
    deal: DealPack, call: CallPlanInfo, paper: PaperSize, printed: dt.date, plan_name: str
) -> OnePage:
    """The call plan's text laid out to fill one page of `paper`, scaled down when it is long."""
    size = page_size(paper).size(QPageSize.Unit.Point)
    content = QRectF(MARGIN, MARGIN, size.width() - 2 * MARGIN, size.height() - 2 * MARGIN)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    layout_device = _writer(buffer, paper, "")
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.documentLayout().setPaintDevice(layout_device)  # the PDF's own font metrics
    doc.setDefaultFont(pack_font(BODY_POINTS + 1))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(QT_CSS)
    dialect = pack_html.Dialect(qt=True, chart_html=lambda _key, _chart: "")
    footer = pack_html.esc(f"{plan_name} · printed {pack_date(printed)} · Opportunity Planner")
    body = for_qt(pack_html.call_plan_html(call, dialect, deal=deal) + f'<p class="meta">{footer}</p>')
    doc.setHtml(f"<html><body>{body}</body></html>")

    # The largest scale at which the text fits the page's height: at a smaller scale the text is
    # laid out wider (it fills the page's width), so its height is measured again at each try.
    def fits(scale: float) -> bool:
        doc.setTextWidth(content.width() / scale)
        return doc.size().height() * scale <= content.height()

    scale = 1.0
    if not fits(scale):
        low, high = SMALLEST, 1.0
        for _ in range(12):  # to within 0.03 %
            middle = (low + high) / 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        scale = low
        fits(scale)
        # Text this long cannot fit even at the smallest scale: it is squeezed to the page.
        scale = min(scale, content.height() / doc.size().height())
    doc.setPageSize(QSizeF(content.width() / scale, content.height() / scale))
    return OnePage(doc, scale, content)


def render_call_plan(
    deal: DealPack, call: CallPlanInfo, paper: PaperSize, printed: dt.date, plan_name: str
) -> bytes:
    """The call plan as a one-page PDF (fonts embedded, text searchable)."""
    page = lay_out(deal, call, paper, printed, plan_name)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, paper, f"Green Sheet: {call.title or 'Meeting'} ({deal.title})")
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(page.content.topLeft())
        painter.scale(page.scale, page.scale)
        area = QRectF(0, 0, page.content.width() / page.scale, page.content.height() / page.scale)
        painter.setClipRect(area)
        page.doc.drawContents(painter, area)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def write_call_plan(
    plan: PlanDB,
    call_id: int,
    opportunity_id: int,
    path: Path,
    today: dt.date,
    paper: PaperSize | None = None,
) -> Path:
    """Write a deal's call plan as a one-page PDF, atomically; PackError when it cannot be."""
    # The review pack's reading of the deal: the same words, names and Concepts as in the pack.
    pack = build_pack(plan, PackScope.selected([opportunity_id]), PackOptions(manager_page=False), today)
    deal = next((d for d in pack.deals if d.id == opportunity_id), None)
    call = next((c for c in deal.call_plans if c.id == call_id), None) if deal is not None else None
    if deal is None or call is None:
        raise PackError(translate("GreenSheetPrint", "That call plan no longer exists."))
    data = render_call_plan(deal, call, paper or default_paper(), today, pack.plan_name)
    return write_bytes_atomic(Path(path), data)
