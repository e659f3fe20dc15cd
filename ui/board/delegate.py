"""Paints a card: title, account, amount, close date, next step, days in stage and badges."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from planner.coaching import Verdict, VerdictKind
from planner.funnel import days_in_stage, premature_reason, slip_reason, stale_reason
from planner.i18n import plural
from planner.red_flags import PREMATURE as PREMATURE_RULE
from planner.red_flags import rule_label
from ui import format as fmt
from ui.board.models import FACE_ROLE, CardFace
from ui.plain import plain_tooltip

translate = QCoreApplication.translate

MARGIN = 4
PADDING = 7
# Title, account, amount and date, next step, days in stage, and a line of its own for the badges
# (beside the days they pushed the days out and ran off a narrow card).
LINES = 6
BADGE_GAP = 4
MIN_CARD_WIDTH = 120
AMOUNT_GAP = 6  # between the amount and the close date on their line
OVERDUE = QColor("#c0392b")
# Badge colours: white text on these passes WCAG AA contrast (4.5:1) in both themes.
STALE = QColor("#a04000")
SLIP = QColor("#b03a2e")
PREMATURE = QColor("#6c3483")
SNOOZED = QColor("#5d6d7e")
FLAGS = QColor("#922b21")
# The manager's verdict: a challenge wants attention, an agreement is quiet.
CHALLENGED = QColor("#1f4e8c")
AGREED = QColor("#1e6b43")
MORE = QColor("#4d5656")  # the chip standing for the badges a narrow card has no room for
# The cards painted last are kept as pictures, this many (about 90 KB each on a 1x screen): a
# move or a filter key repaints every card below the change, most of them unchanged, and
# copying a picture costs a tenth of drawing the card's text again (docs/architecture.md,
# "The board").
CARD_PICTURES = 64


@dataclass(frozen=True, slots=True)
class Badge:
    """A chip on a card: its text, colour and the reason its tooltip gives."""

    text: str
    color: QColor
    reason: str


def badges(face: CardFace | None) -> list[Badge]:
    """The chips a card shows, in a fixed order."""
    if face is None:
        return []
    status = face.status
    chips = []
    if status.stale_days is not None:
        text = translate("CardBadge", "Stale {days}d").format(days=status.stale_days)
        chips.append(Badge(text, STALE, stale_reason(status.stale_days, status.stale_limit)))
    elif status.snoozed:
        reason = translate("CardBadge", "Stalled for a known reason: see the deal's details")
        chips.append(Badge(translate("CardBadge", "Snoozed"), SNOOZED, reason))
    if status.slips:
        text = translate("CardBadge", "Slipped {count}x").format(count=status.slips)
        chips.append(Badge(text, SLIP, slip_reason(status.slips)))
    if status.premature:
        chips.append(Badge(rule_label(PREMATURE_RULE), PREMATURE, premature_reason(status.missing)))
    if face.red_flags:
        count = len(face.red_flags)
        text = plural(count, translate("CardBadge", "{n} flag"), translate("CardBadge", "{n} flags"))
        chips.append(Badge(text.format(n=count), FLAGS, "\n".join(face.red_flags)))
    if face.verdict is not None:
        chips.insert(0, verdict_badge(face.verdict))  # first: what the seller must answer
    return chips


def verdict_badge(verdict: Verdict) -> Badge:
    """The manager's verdict on a committed deal, its reason in the tooltip."""
    color = CHALLENGED if verdict.kind is VerdictKind.CHALLENGE else AGREED
    who = verdict.reviewer or translate("CardBadge", "Your manager")
    reason = (
        translate("CardBadge", "{who}: {verdict} ({reason})")
        if verdict.reason
        else translate("CardBadge", "{who}: {verdict}")
    )
    return Badge(
        verdict.kind.label, color, reason.format(who=who, verdict=verdict.kind.label, reason=verdict.reason)
    )


def next_step_line(face: CardFace, today: dt.date) -> str:
    """The card's next-step line: "Next: Send the proposal (due 15 Dec 2026)", or "No next step"."""
    if face.next_step is None:
        return translate("Card", "No next step")
    return translate("Card", "Next: {step}").format(step=fmt.next_step(face.next_step, today))


def badge_font(font: QFont) -> QFont:
    """The chips' font: the card's, smaller and bold."""
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.85)
    small.setBold(True)
    return small


def card_inner(rect: QRect) -> QRect:
    """The part of a card's item rect that holds its text (inside the margin and padding)."""
    card = rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    return card.adjusted(PADDING, PADDING - 2, -PADDING, -PADDING)


def badge_layout(inner: QRect, line: int, chips: list[Badge], font: QFont) -> list[tuple[Badge, QRect]]:
    """Where each chip goes: left to right on the card's last line, all inside `inner`.

    Chips that do not fit give way to one "+N" chip whose tooltip lists them; a chip wider than
    the whole card (a very long translation) is shortened with an ellipsis, its tooltip whole.
    """
    metrics = QFontMetrics(badge_font(font))
    top = inner.top() + (LINES - 1) * line + 1
    height = line - 2

    def width(text: str) -> int:
        return metrics.horizontalAdvance(text) + 10

    def used(row: list[Badge]) -> int:
        return sum(width(b.text) for b in row) + BADGE_GAP * max(len(row) - 1, 0)

    shown, hidden = list(chips), []
    if used(chips) > inner.width():
        # As many chips as leave room for the "+N" standing for the rest.
        shown, hidden = [], list(chips)
        for count in range(len(chips) - 1, 0, -1):
            more = width(_more(chips[count:]).text) + BADGE_GAP
            if used(chips[:count]) + more <= inner.width():
                shown, hidden = chips[:count], chips[count:]
                break
        shown.append(_more(hidden))
    placed: list[tuple[Badge, QRect]] = []
    left = inner.left()
    for badge in shown:
        room = inner.right() + 1 - left
        if room <= 0:
            break
        chip = badge
        if width(badge.text) > room:
            text = metrics.elidedText(badge.text, Qt.TextElideMode.ElideRight, max(room - 10, 0))
            chip = Badge(
                text,
                badge.color,
                translate("CardBadge", "{badge}: {reason}").format(badge=badge.text, reason=badge.reason),
            )
        rect = QRect(left, top, min(width(chip.text), room), height)
        placed.append((chip, rect))
        left = rect.right() + 1 + BADGE_GAP
    return placed


def amount_and_date(
    width: int, amount: float | None, currency: str, close_date: dt.date | None, font: QFont
) -> tuple[str, str]:
    """The amount and close date as one card line of `width` shows them side by side.

    In a narrow column the amount rounds ('224k EUR') and the date turns numeric before
    anything is cut; the card's tooltip has both in full.
    """
    metrics = QFontMetrics(font)
    close = fmt.date(close_date)
    text = fmt.amount(amount, currency)

    def room() -> int:
        return width - metrics.horizontalAdvance(close) - AMOUNT_GAP

    if metrics.horizontalAdvance(text) > room() and amount is not None:
        text = fmt.short_amount(amount, currency)
    if metrics.horizontalAdvance(text) > room() and close_date is not None:
        close = fmt.edit_date(close_date)
    if metrics.horizontalAdvance(text) > room():
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room(), 0))
    return text, close


def _more(hidden: list[Badge]) -> Badge:
    reasons = "\n".join(
        translate("CardBadge", "{badge}: {reason}").format(badge=b.text, reason=b.reason) for b in hidden
    )
    return Badge(translate("CardBadge", "+{count}").format(count=len(hidden)), MORE, reasons)


class CardDelegate(QStyledItemDelegate):
    """One delegate for every column; sizes are uniform so views never ask per row."""

    # Once, when the first card is painted: the board then reads the rest of its cards.
    # (A view's viewport() would tell too, but wrapping it costs PySide 8 ms at start-up.)
    first_card_painted = Signal()

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._painted = False
        self.today = dt.date.today()
        # Card id -> (face, look, picture) of the cards painted last (CARD_PICTURES): the picture
        # is made when a card is painted a second time alike (None until then); 0 turns it off.
        self.pictures = CARD_PICTURES
        self._pictures: OrderedDict[int, tuple[CardFace, tuple[object, ...], QPixmap | None]] = OrderedDict()
        self.line_height = 17
        self.card_height = 2 * MARGIN + 2 * PADDING + LINES * self.line_height

    def set_font(self, font: QFont) -> None:
        """Size cards for the view's font (call before the views are shown)."""
        self.line_height = QFontMetrics(font).height() + 2
        self.card_height = 2 * MARGIN + 2 * PADDING + LINES * self.line_height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Narrow: a list view gives a card its whole width, but never less than this hint (a wider
        # hint than the column cut the card's right edge, and the badges on it, off).
        return QSize(MIN_CARD_WIDTH, self.card_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if not self._painted:
            self._painted = True
            self.first_card_painted.emit()
        face: CardFace | None = index.data(FACE_ROLE)
        if face is None:
            return
        rect: QRect = option.rect
        state = option.state
        ratio = painter.device().devicePixelRatioF()
        # Everything the picture depends on besides the face itself: a new face (the card, its
        # account or its badges changed) is a new object, so the face is compared by identity.
        look = (
            rect.width(),
            rect.height(),
            bool(state & QStyle.StateFlag.State_Selected),
            bool(state & QStyle.StateFlag.State_HasFocus),
            option.palette.cacheKey(),
            option.font.key(),
            self.line_height,
            ratio,
            self.today,
        )
        kept = self._pictures.get(face.card.id)
        again = kept is not None and kept[0] is face and kept[1] == look
        if again and kept is not None and kept[2] is not None:
            self._pictures.move_to_end(face.card.id)
            painter.drawPixmap(rect.topLeft(), kept[2])
            return
        if self.pictures <= 0 or not again:
            # Drawn the first time it shows so: a picture costs 40 % more than drawing, and
            # many cards (a filter's) show once. The second time the picture is made.
            self._draw(painter, option, face)
            if self.pictures > 0:
                self._keep(face, (face, look, None))
            return
        picture = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        # On the list's own background (its Base colour, as the view fills it): the picture is
        # then the card pixel for pixel, text smoothing included, and copies without blending.
        picture.fill(option.palette.color(QPalette.ColorRole.Base))
        at_origin = QStyleOptionViewItem(option)
        at_origin.rect = QRect(0, 0, rect.width(), rect.height())
        drawing = QPainter(picture)
        try:
            self._draw(drawing, at_origin, face)
        finally:
            drawing.end()
        painter.drawPixmap(rect.topLeft(), picture)
        self._keep(face, (face, look, picture))

    def _keep(self, face: CardFace, entry: tuple[CardFace, tuple[object, ...], QPixmap | None]) -> None:
        self._pictures[face.card.id] = entry
        self._pictures.move_to_end(face.card.id)
        if len(self._pictures) > self.pictures:
            self._pictures.popitem(last=False)

    def _draw(self, painter: QPainter, option: QStyleOptionViewItem, face: CardFace) -> None:
        """Draw the card in `option.rect`."""
        card = face.card
        status = face.status
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

        inner = card_inner(option.rect)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        base_font = QFont(option.font)
        bold = QFont(base_font)
        bold.setBold(True)
        line = self.line_height

        painter.setFont(bold)
        painter.setPen(text_color)
        self._text(painter, inner, 0, card.title, bold)
        painter.setFont(base_font)
        painter.setPen(muted)
        self._text(painter, inner, line, face.account or translate("Card", "No account"), base_font)

        painter.setPen(text_color)
        amount, close = amount_and_date(inner.width(), card.amount, card.currency, face.close_date, base_font)
        self._text(painter, inner, 2 * line, amount, base_font)
        overdue = status.overdue if status is not None else False
        painter.setPen(OVERDUE if overdue else text_color)
        painter.drawText(
            QRect(inner.left(), inner.top() + 2 * line, inner.width(), line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            close,
        )
        painter.setPen(muted)
        step = face.next_step
        next_step = next_step_line(face, self.today)
        if step is not None and step.source == "crm":
            # In italics: a step only the CRM gave is not a planned action.
            italic = QFont(base_font)
            italic.setItalic(True)
            painter.setFont(italic)
            self._text(painter, inner, 3 * line, next_step, italic)
            painter.setFont(base_font)
        else:
            self._text(painter, inner, 3 * line, next_step, base_font)

        in_stage = days_in_stage(face.stage_entered, self.today)
        if in_stage is not None:
            days = translate("Card", "{days} in stage").format(days=fmt.days(in_stage))
            self._text(painter, inner, 4 * line, days, base_font)
        painter.setFont(badge_font(base_font))
        for badge, chip in badge_layout(inner, line, badges(face), base_font):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(badge.color)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), badge.text)
        painter.restore()

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # Each badge explains itself in words; elsewhere the card reads as a sentence.
        if event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        face: CardFace | None = index.data(FACE_ROLE)
        inner = card_inner(option.rect)
        for badge, chip in badge_layout(inner, self.line_height, badges(face), view.font()):
            if chip.contains(event.pos()):
                QToolTip.showText(event.globalPos(), plain_tooltip(badge.reason), view)
                return True
        return super().helpEvent(event, view, option, index)

    @staticmethod
    def _text(painter: QPainter, inner: QRect, top: int, text: str, font: QFont) -> None:
        metrics = QFontMetrics(font)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(inner.width(), 0))
        painter.drawText(
            QRect(inner.left(), inner.top() + top, inner.width(), metrics.height() + 2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            elided,
        )
