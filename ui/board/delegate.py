"""Paints a card: title, account, amount, close date (red when past), days in stage."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from planner.funnel import days_in_stage
from planner.model import Card
from ui import format as fmt
from ui.board.models import CARD_ROLE

CARD_HEIGHT = 92
MARGIN = 4
PADDING = 8
OVERDUE = QColor("#c0392b")


class CardDelegate(QStyledItemDelegate):
    """One delegate for every column; sizes are uniform so views never ask per row."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.today = dt.date.today()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(220, CARD_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        palette = option.palette
        rect: QRect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        border = (
            palette.color(QPalette.ColorRole.Highlight) if selected else palette.color(QPalette.ColorRole.Mid)
        )
        painter.setPen(QPen(border, 2.5 if selected or focused else 1.0))
        painter.drawRoundedRect(rect, 6, 6)

        inner = rect.adjusted(PADDING, PADDING - 2, -PADDING, -PADDING)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        base_font = QFont(option.font)
        bold = QFont(base_font)
        bold.setBold(True)
        line = QFontMetrics(base_font).height() + 2

        painter.setFont(bold)
        painter.setPen(text_color)
        self._text(painter, inner, 0, card.title, bold)
        painter.setFont(base_font)
        painter.setPen(muted)
        self._text(painter, inner, line, card.account or "No account", base_font)

        painter.setPen(text_color)
        self._text(painter, inner, 2 * line, fmt.amount(card.amount, card.currency), base_font)
        overdue = card.close_date is not None and card.close_date < self.today
        painter.setPen(OVERDUE if overdue else text_color)
        close_text = fmt.date(card.close_date)
        painter.drawText(
            QRect(inner.left(), inner.top() + 2 * line, inner.width(), line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            close_text,
        )

        in_stage = days_in_stage(card.stage_entered, self.today)
        painter.setPen(muted)
        if in_stage is not None:
            self._text(painter, inner, 3 * line, f"{fmt.days(in_stage)} in stage", base_font)
        painter.restore()

    @staticmethod
    def _text(painter: QPainter, inner: QRect, top: int, text: str, font: QFont) -> None:
        metrics = QFontMetrics(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), inner.top() + top, inner.width(), metrics.height() + 2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            elided,
        )
