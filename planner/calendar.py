"""The planner's calendar: months, fiscal quarters and their labels, and the dates the command line takes.

Every part of the planner that speaks of a quarter (the forecast, the review pack's scope, the
export dialog, the command line) asks this module, so "2026Q4" selects the same months everywhere.

Fiscal years are named by the calendar year they END in: with a year starting in April, fiscal
2027 runs from April 2026 to March 2027, so 2027Q1 is Apr-Jun 2026 and 2026Q4 is Jan-Mar 2026.
That is how most companies with a shifted year name it (Apple, Microsoft, the UK and Japanese
tax years), and it keeps each quarter's target, stored under its label, where it was. With the
default start month, January, fiscal and calendar quarters are the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB

SETTING_FISCAL_START = "fiscal_year_start_month"

# Sources of the "Forecast" context, translated where shown (`month_names`).
_MONTHS = (
    QT_TRANSLATE_NOOP("Forecast", "Jan"),
    QT_TRANSLATE_NOOP("Forecast", "Feb"),
    QT_TRANSLATE_NOOP("Forecast", "Mar"),
    QT_TRANSLATE_NOOP("Forecast", "Apr"),
    QT_TRANSLATE_NOOP("Forecast", "May"),
    QT_TRANSLATE_NOOP("Forecast", "Jun"),
    QT_TRANSLATE_NOOP("Forecast", "Jul"),
    QT_TRANSLATE_NOOP("Forecast", "Aug"),
    QT_TRANSLATE_NOOP("Forecast", "Sep"),
    QT_TRANSLATE_NOOP("Forecast", "Oct"),
    QT_TRANSLATE_NOOP("Forecast", "Nov"),
    QT_TRANSLATE_NOOP("Forecast", "Dec"),
)
# "2026Q4", "2026-Q4", "2026 q4", "Q4 2026", "Q4-2026", "Q4/2026".
_QUARTER = re.compile(r"\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*|\s*[Qq]\s*([1-4])\s*[-/ ]?\s*(\d{4})\s*")


def month_names() -> tuple[str, ...]:
    """The twelve short month names in the window's language ('Jan'...; 'Jan.'... in German)."""
    return tuple(translate("Forecast", name) for name in _MONTHS)


def day_text(day: dt.date) -> str:
    """A day as the window writes it in sentences: '11 Dec 2026' ('11 Dez. 2026' in German)."""
    return f"{day.day} {month_names()[day.month - 1]} {day.year}"


def _month_year(month: int, year: int, names: Sequence[str] | None = None) -> str:
    """'Oct 2026' in the window's language."""
    return translate("Forecast", "{month} {year}").format(
        month=(names or month_names())[month - 1], year=year
    )


class Month(NamedTuple):
    """A calendar month."""

    year: int
    month: int

    @property
    def key(self) -> str:
        """'2026-10': the prefix every ISO date of the month starts with."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """'Oct 2026' (in the window's language)."""
        return _month_year(self.month, self.year)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def end(self) -> dt.date:
        """The month's last day."""
        following = Month(self.year + self.month // 12, self.month % 12 + 1)
        return following.start - dt.timedelta(days=1)


def add_months(year: int, month: int, count: int) -> Month:
    """The month `count` months after (before, when negative) `month` of `year`."""
    index = year * 12 + (month - 1) + count
    return Month(index // 12, index % 12 + 1)


@dataclass(frozen=True, slots=True, order=True)
class Quarter:
    """Quarter `number` (1-4) of fiscal year `year`, for a fiscal year starting in `start_month`."""

    year: int
    number: int
    start_month: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(
                translate("Forecast", "A quarter is 1 to 4, not {number}.").format(number=self.number)
            )
        if not 1 <= self.start_month <= 12:
            raise ValueError(
                translate("Forecast", "A fiscal year starts in month 1 to 12, not {start_month}.").format(
                    start_month=self.start_month
                )
            )
        if not 1901 <= self.year <= 9998:
            raise ValueError(translate("Forecast", "The year {year} is out of range.").format(year=self.year))

    @property
    def label(self) -> str:
        """'2026Q4', the key of the targets setting."""
        return f"{self.year}Q{self.number}"

    @property
    def spaced_label(self) -> str:
        """'2026 Q4', as the review pack writes it."""
        return f"{self.year} Q{self.number}"

    @property
    def title(self) -> str:
        """'2026 Q4' as a person reads it; of a fiscal year with its months, '2026 Q4 (Jan-Mar 2026)'
        (the pack, the manager's page, the win/loss figures and the team roll-up)."""
        return f"{self.spaced_label} ({self.span})" if self.fiscal else self.spaced_label

    def __str__(self) -> str:
        return self.label

    @property
    def fiscal(self) -> bool:
        """Whether the year starts later than January (so the label alone does not say the months)."""
        return self.start_month != 1

    @property
    def months(self) -> tuple[Month, Month, Month]:
        # Fiscal year Y starting in month m > 1 began in month m of year Y - 1.
        first_year = self.year if self.start_month == 1 else self.year - 1
        first = add_months(first_year, self.start_month, 3 * (self.number - 1))
        return (first, add_months(first.year, first.month, 1), add_months(first.year, first.month, 2))

    @property
    def start(self) -> dt.date:
        return self.months[0].start

    @property
    def end(self) -> dt.date:
        """The quarter's last day."""
        return self.months[2].end

    @property
    def span(self) -> str:
        """'Oct-Dec 2026' (with an en dash), or 'Nov 2026-Jan 2027' across a year end."""
        first, _, last = self.months
        names = month_names()
        if first.year == last.year:
            return translate("Forecast", "{first}–{last} {year}").format(  # noqa: RUF001 (the en dash)
                first=names[first.month - 1], last=names[last.month - 1], year=last.year
            )
        return (
            f"{_month_year(first.month, first.year, names)}\u2013{_month_year(last.month, last.year, names)}"
        )

    def shifted(self, quarters: int) -> Quarter:
        """The quarter `quarters` later (earlier when negative)."""
        index = self.year * 4 + (self.number - 1) + quarters
        return Quarter(index // 4, index % 4 + 1, self.start_month)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def quarter_of(day: dt.date, start_month: int = 1) -> Quarter:
    """The (fiscal) quarter a day falls in."""
    year = day.year if start_month == 1 or day.month < start_month else day.year + 1
    return Quarter(year, (day.month - start_month) % 12 // 3 + 1, start_month)


def parse_quarter(text: str, start_month: int = 1) -> Quarter:
    """'2026Q4' (also '2026-Q4', '2026 q4', 'Q4 2026') -> Quarter; ValueError saying what to write."""
    found = _QUARTER.fullmatch(text)
    if found is None:
        raise ValueError(
            translate(
                "Forecast", "“{text}” is not a quarter: write the year and the quarter, like 2026Q4."
            ).format(text=text.strip())
        )
    year = int(found.group(1) or found.group(4))
    number = int(found.group(2) or found.group(3))
    return Quarter(year, number, start_month)


def quarters_from(day: dt.date, start_month: int, count: int) -> list[Quarter]:
    """The quarter `day` falls in and the `count - 1` after it."""
    first = quarter_of(day, start_month)
    return [first.shifted(n) for n in range(count)]


def fiscal_start_month(value: Any) -> int:
    """The `fiscal_year_start_month` setting as a month 1-12 (1, January, when unset or unusable)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    return 1


def plan_start_month(plan: PlanDB) -> int:
    """The month (1-12) the plan's fiscal year starts in; 1 (calendar quarters) by default."""
    return fiscal_start_month(settings_repo.get_setting(plan, SETTING_FISCAL_START, 1))


def parse_day(text: str) -> dt.date:
    """'2026-11-26' -> a date; ValueError saying what to write."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"“{text}” is not a date like 2026-11-26") from None
