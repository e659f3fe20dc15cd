"""Cell values: dates, probabilities and flags as CRMs and spreadsheets write them (amounts: amounts.py)."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner.exchange.problems import plural
from planner.i18n import translate

# Formats that can be read two ways (03/04/2026) are decided once per file from all its
# values, never cell by cell: a file is written by one program with one locale.

# Day zero of Excel's serial dates (1900 system, after its 1900 leap-year bug: serials above 60).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serials of 1950-01-01 and 2200-12-31: a bare number outside is not taken for a date.
_SERIAL_RANGE = (18264, 110_957)
MIN_YEAR, MAX_YEAR = 1900, 2200


class DateOrder(StrEnum):
    """How a date with a two-number day and month (03/04/2026) is read."""

    MONTH_FIRST = "mdy"
    DAY_FIRST = "dmy"

    @property
    def label(self) -> str:
        """'month/day/year' or 'day/month/year', in the window's language."""
        if self is DateOrder.MONTH_FIRST:
            return translate("Import", "month/day/year")
        return translate("Import", "day/month/year")


@dataclass(frozen=True, slots=True)
class DateReading:
    """The per-file decision: the order, and whether the file's values proved it."""

    order: DateOrder
    proven: bool  # False: every value could be read either way (the default was taken)
    conflicting: bool = False  # some values need day-first and others month-first
    ambiguous_values: int = 0

    def note(self, file: str) -> str | None:
        """What the summary says about the decision, when there is something to say."""
        if self.conflicting:
            return translate(
                "Import", "{file}: some dates are day-first and others month-first; read as {order}"
            ).format(file=file, order=self.order.label)
        if not self.proven and self.ambiguous_values:
            dates = plural(
                self.ambiguous_values, translate("Import", "{n} date"), translate("Import", "{n} dates")
            )
            return translate(
                "Import",
                "{file}: {dates} could be read either way; read as {order} (change it on the mapping "
                "page, or in the mapping file)",
            ).format(file=file, dates=dates, order=self.order.label)
        return None


_ISO = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:[T ,]+\d{1,2}:\d{2}.*)?")
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
_MONTHS["sept"] = 9
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})[ \-.]+([A-Za-z]{3,9})\.?[ \-.,]+(\d{4})")
_MONTH_NAME_DAY = re.compile(r"([A-Za-z]{3,9})\.?[ \-.]+(\d{1,2})(?:st|nd|rd|th)?,?[ \-.]+(\d{4})")
_SERIAL = re.compile(r"\d{5,6}(?:\.\d+)?")


def decide_date_order(values: Iterable[str]) -> DateReading:
    """Decide day/month order for a file from every date value in it.

    A first number above 12 proves day-first, a second above 12 month-first. Unproven, slashes
    are read month-first (US CRMs) and dots or dashes day-first (European spreadsheets).
    """
    day_first = month_first = slashes = others = 0
    for value in values:
        match = _NUMERIC.fullmatch(value.strip())
        if match is None:
            continue
        first, separator, second = int(match[1]), match[2], int(match[3])
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first += 1
        elif first != second:
            if separator == "/":
                slashes += 1
            else:
                others += 1
    if day_first or month_first:
        order = DateOrder.DAY_FIRST if day_first >= month_first else DateOrder.MONTH_FIRST
        return DateReading(order, True, conflicting=bool(day_first and month_first))
    order = DateOrder.MONTH_FIRST if slashes >= others and slashes else DateOrder.DAY_FIRST
    return DateReading(order, False, ambiguous_values=slashes + others)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Two-digit years: 00-69 are this century, 70-99 the last (the POSIX convention).
        year += 2000 if year < 70 else 1900
    return year


def _make_date(year: int, month: int, day: int) -> dt.date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            translate("Import", "outside the years {first} to {last}").format(first=MIN_YEAR, last=MAX_YEAR)
        )
    if not 1 <= month <= 12:
        raise ValueError(
            translate("Import", "not a real date (there is no month {month})").format(month=month)
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        raise ValueError(
            translate("Import", "not a real date ({month_name} {year} has {days} days)").format(
                month_name=month_name, year=year, days=days
            )
        )
    return dt.date(year, month, day)


def parse_date(text: str, order: DateOrder = DateOrder.MONTH_FIRST) -> dt.date | None:
    """A date as CRMs write it; '' -> None; ValueError saying what is wrong otherwise.

    ISO dates and timestamps (Salesforce's '2023-09-26 15:15:00.000000 UTC' keeps its date as
    written), M/D/YYYY or D/M/YYYY by `order`, D.M.YYYY, DD-MM-YY, '15 Mar 2026', 'Mar 15, 2026'
    and Excel serial numbers.
    """
    value = text.strip()
    if not value:
        return None
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return _in_range(dt.date.fromisoformat(value))
        except ValueError:
            pass  # fall through for the precise message
    if match := _ISO.fullmatch(value):
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(value):
        first, second, year = int(match[1]), int(match[3]), _year(match[4])
        if order is DateOrder.MONTH_FIRST:
            return _make_date(year, first, second)
        return _make_date(year, second, first)
    if match := _DAY_MONTH_NAME.fullmatch(value):
        month = _MONTHS.get(match[2].lower())
        if month:
            return _make_date(int(match[3]), month, int(match[1]))
    if match := _MONTH_NAME_DAY.fullmatch(value):
        month = _MONTHS.get(match[1].lower())
        if month:
            return _make_date(int(match[3]), month, int(match[2]))
    if _SERIAL.fullmatch(value):
        serial = float(value)
        if _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(serial))
    raise ValueError(translate("Import", "not a date (write it like 2026-12-15 or 12/15/2026)"))


def _in_range(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(
            translate("Import", "outside the years {first} to {last}").format(first=MIN_YEAR, last=MAX_YEAR)
        )
    return value


def decide_fraction(values: Iterable[str]) -> bool:
    """Whether a probability column holds fractions (0.25) rather than percentages (25)."""
    top = 0.0
    for value in values:
        text = value.strip()
        if not text:
            continue
        if text.endswith("%"):
            return False
        try:
            top = max(top, float(text.replace(",", ".")))
        except ValueError:
            continue
    return 0 < top <= 1


def parse_probability(text: str, fraction: bool) -> int | None:
    """A probability in percent (0..100); '' -> None; ValueError saying what is wrong."""
    value = text.strip().removesuffix("%").strip()
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise ValueError(translate("Import", "not a probability (write it like 25, 25 % or 0.25)")) from None
    if fraction and not text.strip().endswith("%"):
        number *= 100
    if math.isnan(number) or not 0 <= number <= 100:
        raise ValueError(translate("Import", "not a probability between 0 and 100 %"))
    return round(number)


_TRUE = {"true", "yes", "y", "1", "x", "won", "closed", "wahr", "oui", "ja"}
_FALSE = {"false", "no", "n", "0", "", "open", "falsch", "non", "nein"}


def parse_flag(text: str) -> bool | None:
    """A yes/no cell (Salesforce's true/false, 1/0, yes/no) or None when it is neither."""
    value = text.strip().casefold()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def looks_like_formula(text: str) -> bool:
    """A cell a spreadsheet would run as a formula ('=HYPERLINK(...)', '+cmd|...', '@SUM(...)')."""
    value = text.lstrip()
    if not value:
        return False
    if value[0] == "=":
        return True
    return value[0] in "+-@" and any(c in value for c in "(!|")


def one_line(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces (titles and names are one line)."""
    return " ".join(text.split())


_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?")


def stamp_of(text: str, order: DateOrder = DateOrder.MONTH_FIRST) -> str | None:
    """A timestamp cell as the plan stores moments ('2023-09-26T15:15:00+00:00'), or None.

    Salesforce writes its timestamps in UTC; a date without a time is taken as midnight UTC.
    """
    value = text.strip()
    if match := _STAMP.match(value):
        try:
            moment = dt.datetime(
                int(match[1]), int(match[2]), int(match[3]), int(match[4]), int(match[5]), int(match[6] or 0)
            )
        except ValueError:
            return None
        return moment.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")
    try:
        day = parse_date(value, order)
    except ValueError:
        return None
    return None if day is None else f"{day.isoformat()}T00:00:00+00:00"
