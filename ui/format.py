"""How numbers, dates and cards read in the UI: one place, so board, dock and dialogs agree.

Numbers and dates follow QLocale's default, which ui.i18n sets with the language: "120,000 EUR"
and "15 Dec 2026" in English, "120.000 EUR" and "15. Dez. 2026" in German. The date pattern is
itself a translatable source, so each language writes dates its own way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from planner import validation
from planner.funnel import FunnelStatus, days_in_stage, slip_reason, stale_reason
from planner.i18n import plural
from planner.money import Totals

if TYPE_CHECKING:
    from ui.board.models import CardFace

translate = QCoreApplication.translate


def number(value: float, decimals: int = 0) -> str:
    """Grouped digits in the window's locale: '120,000' (en), '120.000' (de)."""
    return QLocale().toString(float(value), "f", decimals)


def edit_number(value: float | None) -> str:
    """A number as an editor shows it for changing: no grouping, the locale's decimal mark,
    no trailing zeros ('120000', '2,5' in German). `parse_amount` reads it back exactly."""
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", QLocale().decimalPoint())


def parse_amount(text: str) -> float | None:
    """An amount typed in the window's own marks ('120.000,50' in German); ValueError says why."""
    locale = QLocale()
    return validation.parse_amount(text, locale.decimalPoint(), locale.groupSeparator())


def parse_quantity(text: str) -> float | None:
    """A quantity typed in the window's own marks ('2,5' in German); ValueError says why."""
    locale = QLocale()
    return validation.check_quantity(text, locale.decimalPoint(), locale.groupSeparator())


def amount(value: float | None, currency: str) -> str:
    """'120,000 EUR'; cents only when there are any."""
    if value is None:
        return translate("Format", "no amount")
    text = number(value, 2) if value != int(value) else number(int(value))
    return translate("Format", "{amount} {currency}").format(amount=text, currency=currency)


def short_amount(value: float, currency: str) -> str:
    """'1.2M EUR', '350k EUR' for column headers."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        text = translate("Format", "{number}M").format(number=number(value / 1_000_000, 1))
    elif magnitude >= 10_000:
        text = translate("Format", "{number}k").format(number=number(round(value / 1000)))
    else:
        text = number(round(value))
    return translate("Format", "{amount} {currency}").format(amount=text, currency=currency)


def date(value: dt.date | None) -> str:
    """'15 Dec 2026', or 'no date'."""
    if not value:
        return translate("Format", "no date")
    # Qt's date pattern letters (d, MMM, yyyy): each translation orders them its own way.
    pattern = translate("Format", "d MMM yyyy")
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def days(n: int) -> str:
    """'1 day', '34 days'."""
    return plural(n, translate("Format", "{n} day"), translate("Format", "{n} days")).format(n=n)


def card_sentence(face: CardFace, today: dt.date) -> str:
    """A card read as one sentence, for screen readers and tooltips.

    "Acme renewal, Acme, 120,000 EUR, closes 15 Dec 2026, no customer commitment for 34 days"
    """
    card = face.card
    parts = [card.title]
    if face.account:
        parts[0] = translate("Format", "{title}, {account}").format(title=card.title, account=face.account)
    parts.append(amount(card.amount, card.currency))
    if face.close_date:
        if face.close_date < today:
            when = translate("Format", "closed {date}")
        else:
            when = translate("Format", "closes {date}")
        parts.append(when.format(date=date(face.close_date)))
    else:
        parts.append(translate("Format", "no close date"))
    in_stage = days_in_stage(face.stage_entered, today)
    if in_stage is not None:
        parts.append(translate("Format", "{days} in this stage").format(days=days(in_stage)))
    parts.extend(badge_reasons(face.status))
    if face.red_flags:
        count = len(face.red_flags)
        flags = plural(count, translate("Format", "{n} red flag"), translate("Format", "{n} red flags"))
        parts.append(flags.format(n=count))
    return translate("Format", ", ").join(parts)


def badge_reasons(status: FunnelStatus) -> list[str]:
    """The card's badges in words, lower-case so they read inside a sentence."""
    reasons = []
    if status.stale_days is not None:
        reasons.append(_lower_first(stale_reason(status.stale_days, status.stale_limit)))
    if status.slips:
        reasons.append(_lower_first(slip_reason(status.slips)))
    if status.premature:
        reasons.append(
            translate("Format", "premature: the commitments to enter this stage were never recorded")
        )
    return reasons


def _lower_first(text: str) -> str:
    # Only the first letter: German nouns keep their capitals inside the sentence.
    return text[:1].lower() + text[1:]


def totals_lines(t: Totals) -> tuple[str, str]:
    """Column header lines: '12 deals · 1.2M EUR' and 'weighted 480k EUR (+ 30k CHF unconverted)'."""
    count = plural(t.count, translate("Format", "{n} deal"), translate("Format", "{n} deals")).format(
        n=t.count
    )
    first = translate("Format", "{count} · {amount}").format(
        count=count, amount=short_amount(t.amount, t.currency)
    )
    second = translate("Format", "weighted {amount}").format(amount=short_amount(t.weighted, t.currency))
    if t.unconverted:
        extra = ", ".join(short_amount(a, c) for c, (a, _w) in t.unconverted.items())
        first += f" + {extra}"
    return first, second
