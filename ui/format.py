"""How numbers, dates and cards read in the UI: one place, so board, dock and dialogs agree."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.funnel import FunnelStatus, days_in_stage, slip_reason, stale_reason
from planner.money import Totals

if TYPE_CHECKING:
    from ui.board.models import CardFace


def amount(value: float | None, currency: str) -> str:
    """'120,000 EUR'; cents only when there are any."""
    if value is None:
        return "no amount"
    text = f"{value:,.2f}" if value != int(value) else f"{int(value):,}"
    return f"{text} {currency}"


def short_amount(value: float, currency: str) -> str:
    """'1.2M EUR', '350k EUR' for column headers."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:,.1f}M {currency}"
    if magnitude >= 10_000:
        return f"{value / 1000:,.0f}k {currency}"
    return f"{value:,.0f} {currency}"


def date(value: dt.date | None) -> str:
    """'15 Dec 2026', or 'no date'."""
    return value.strftime("%d %b %Y").lstrip("0") if value else "no date"


def days(n: int) -> str:
    """'1 day', '34 days'."""
    return f"{n} day" if n == 1 else f"{n} days"


def card_sentence(face: CardFace, today: dt.date) -> str:
    """A card read as one sentence, for screen readers and tooltips.

    "Acme renewal, Acme, 120,000 EUR, closes 15 Dec 2026, no customer commitment for 34 days"
    """
    card = face.card
    parts = [card.title]
    if face.account:
        parts[0] += f", {face.account}"
    parts.append(amount(card.amount, card.currency))
    if face.close_date:
        verb = "closed" if face.close_date < today else "closes"
        parts.append(f"{verb} {date(face.close_date)}")
    else:
        parts.append("no close date")
    in_stage = days_in_stage(face.stage_entered, today)
    if in_stage is not None:
        parts.append(f"{days(in_stage)} in this stage")
    parts.extend(badge_reasons(face.status))
    if face.red_flags:
        count = len(face.red_flags)
        parts.append(f"{count} red flag{'s' if count != 1 else ''}")
    return ", ".join(parts)


def badge_reasons(status: FunnelStatus) -> list[str]:
    """The card's badges in words, lower-case so they read inside a sentence."""
    reasons = []
    if status.stale_days is not None:
        reasons.append(stale_reason(status.stale_days, status.stale_limit).lower())
    if status.slips:
        reasons.append(slip_reason(status.slips).lower())
    if status.premature:
        reasons.append("premature: the commitments to enter this stage were never recorded")
    return reasons


def totals_lines(t: Totals) -> tuple[str, str]:
    """Column header lines: '12 deals · 1.2M EUR' and 'weighted 480k EUR (+ 30k CHF unconverted)'."""
    count = f"{t.count} deal" if t.count == 1 else f"{t.count} deals"
    first = f"{count} · {short_amount(t.amount, t.currency)}"
    second = f"weighted {short_amount(t.weighted, t.currency)}"
    if t.unconverted:
        extra = ", ".join(short_amount(a, c) for c, (a, _w) in t.unconverted.items())
        first += f" + {extra}"
    return first, second
