"""The board columns' scroll bars, drawn as the window's style draws them, their groove from a picture.

Fusion draws a vertical scroll bar's groove with a gradient every time: about 1.2 ms for a
column-high bar on this project's test machine, the rest of the bar 0.02 ms. A move repaints
two columns' bars and a filter key all four, so the groove is drawn once per size, state and
palette, and copied after that (docs/architecture.md, "The board").
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

# A board has four to eight columns of one height: a few grooves, in the states a bar goes through.
_KEPT = 16


class GrooveStyle(QProxyStyle):
    """The application's style, with scroll bar grooves kept as pictures."""

    def __init__(self) -> None:
        # A style of its own (a proxy owns its base): the application's, by name.
        super().__init__(QStyleFactory.create(QApplication.style().name()))
        self._grooves: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        groove = QStyle.SubControl.SC_ScrollBarGroove
        if (
            control != QStyle.ComplexControl.CC_ScrollBar
            or not isinstance(option, QStyleOptionSlider)
            or not option.subControls & groove
        ):
            super().drawComplexControl(control, option, painter, widget)
            return
        rect: QRect = option.rect
        ratio = painter.device().devicePixelRatioF()
        key = (
            rect.width(),
            rect.height(),
            option.orientation,
            option.state.value,
            option.activeSubControls.value,
            option.palette.cacheKey(),
            ratio,
        )
        picture = self._grooves.get(key)
        if picture is None:
            picture = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            alone = QStyleOptionSlider(option)
            alone.rect = QRect(QPoint(0, 0), rect.size())
            alone.subControls = groove
            drawing = QPainter(picture)
            try:
                super().drawComplexControl(control, alone, drawing, widget)
            finally:
                drawing.end()
            self._grooves[key] = picture
            if len(self._grooves) > _KEPT:
                self._grooves.popitem(last=False)
        else:
            self._grooves.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), picture)
        rest = QStyleOptionSlider(option)
        rest.subControls = option.subControls & ~groove
        super().drawComplexControl(control, rest, painter, widget)
