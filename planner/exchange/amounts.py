"""Amounts as CRMs and spreadsheets write them, and which number style a file writes them in.

`1.234,56` and `1,234.56` are one amount; `10.000` is ten thousand in the first style and ten
in the second. The style is decided once per file from everything in it (each amount, the
column delimiter, how dates are written, where currency signs stand), never cell by cell. A
file that does not say which is not guessed: the seller is asked. A cell written in the other
style than the rest of its column is reported, never silently converted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner import i18n
from planner.exchange.problems import quote
from planner.i18n import format_number, translate
from planner.model import MAX_AMOUNT


class NumberStyle(StrEnum):
    """Which mark separates the decimals: the point (1,234.56) or the comma (1.234,56)."""

    POINT = "point"
    COMMA = "comma"

    @property
    def label(self) -> str:
        """'1,234.56' or '1.234,56': the style shown by example, the same in every language."""
        return "1,234.56" if self is NumberStyle.POINT else "1.234,56"

    @property
    def other(self) -> NumberStyle:
        return NumberStyle.COMMA if self is NumberStyle.POINT else NumberStyle.POINT


# Longest first: "US$" before "$", so "US$ 99" is not read as "US" and a dollar sign.
_CURRENCY_SIGNS = {
    "US$": "USD", "R$": "BRL", "A$": "AUD", "C$": "CAD", "CHF": "CHF", "zł": "PLN", "kr": "SEK",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
}  # fmt: skip
# Signs written before the amount by point-style locales (en-US, en-GB, en-IN, ja, ko); the euro
# sign before the amount is Irish (point) and Dutch (comma) alike, so it says nothing.
_POINT_SIGNS_BEFORE = {"US$", "$", "A$", "C$", "£", "¥", "₹", "₩"}
_COMMA_SIGNS_BEFORE = {"R$", "kr", "zł"}
_CODE = re.compile(r"^([A-Z]{3})\s*|\s*([A-Z]{3})$")
# Thousands marks that are never decimal marks: spaces (no-break, narrow no-break and thin ones
# too: \s covers them), apostrophes (Swiss) and underscores. Written "g" once found.
_GROUP_MARKS = re.compile("[\\s'\u2019_]+")
_MINUS = ("-", "\u2212")  # hyphen-minus, and the minus sign of typeset reports


def _not_an_amount() -> ValueError:
    return ValueError(translate("Import", "not an amount (write it like 120000, 120,000.50 or 120.000,50 €)"))


# The digits of an amount in each style, with "g" for spaces and apostrophes: a whole part
# (plain; grouped by thousands, the first group without a leading zero; lakhs 12,34,567 with
# commas only), then the decimal mark and the decimals.
_SHAPES = {
    NumberStyle.POINT: re.compile(
        r"(?P<whole>\d+|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d?(?:,\d\d)+,\d{3}|[1-9]\d{0,2}(?:g\d{3})+)?"
        r"(?:\.(?P<fraction>\d*))?"
    ),
    NumberStyle.COMMA: re.compile(
        r"(?P<whole>\d+|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,2}(?:g\d{3})+)?(?:,(?P<fraction>\d*))?"
    ),
}
_NOT_DIGITS = re.compile(r"\D")


def _read(digits: str, style: NumberStyle) -> tuple[float, int] | None:
    """(value, decimal places) of `digits` read in `style`, or None when they are not written so."""
    match = _SHAPES[style].fullmatch(digits)
    if match is None:
        return None
    whole, fraction = match["whole"], match["fraction"]
    if not whole and not fraction:
        return None  # "." or ""
    return float(f"{_NOT_DIGITS.sub('', whole or '0')}.{fraction or '0'}"), len(fraction or "")


@dataclass(frozen=True, slots=True)
class Written:
    """What one amount cell says before its file's style is known.

    `readings` holds (value, decimal places) for each style the digits can be read in: both
    (equal) for '120000' or '10 000', one for '1.234,56' or '12.5', both different for '10.000'.
    """

    text: str
    readings: dict[NumberStyle, tuple[float, int]]
    currency: str | None
    negative: bool
    sign_place: str  # "before" or "after" a currency sign (not a code), else ""
    sign: str

    @property
    def only(self) -> NumberStyle | None:
        """The one style the cell can be read in, when it can be read in only one."""
        return next(iter(self.readings)) if len(self.readings) == 1 else None

    @property
    def either(self) -> bool:
        """Readable in both styles as different amounts ('10.000': ten thousand or ten)."""
        values = {value for value, _places in self.readings.values()}
        return len(values) == 2

    @property
    def grouping_style(self) -> NumberStyle:
        """For an `either` cell: the style its mark is a thousands mark in ('10.000': comma style)."""
        return next(s for s, (_v, places) in self.readings.items() if places == 0)


def written(text: str) -> Written:
    """The cell taken apart: sign, currency and every reading of its digits; ValueError when it is
    not an amount in either style."""
    value = text.strip()
    if value.isascii() and value.isdigit():  # most cells of most exports: nothing to take apart
        plain = (float(value), 0)
        return Written(text, {NumberStyle.POINT: plain, NumberStyle.COMMA: plain}, None, False, "", "")
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1].strip()
    currency: str | None = None
    if (value[:1].isalpha() or value[-1:].isalpha()) and (match := _CODE.search(value)):
        currency = match[1] or match[2]
        value = _CODE.sub("", value, count=1).strip()
    place = found = ""
    if not (value[:1].isdigit() and value[-1:].isdigit()):
        for sign, code in _CURRENCY_SIGNS.items():
            if value.startswith(sign) or value.endswith(sign):
                place = "before" if value.startswith(sign) else "after"
                currency, found = currency or code, sign
                value = value.removeprefix(sign).removesuffix(sign).strip()
                break
    if value[:1] in _MINUS:
        negative, value = True, value[1:].strip()
    elif value[-1:] in _MINUS:
        negative, value = True, value[:-1].strip()
    digits = _GROUP_MARKS.sub("g", value)
    readings = {s: r for s in NumberStyle if (r := _read(digits, s)) is not None}
    if not readings:
        raise _not_an_amount()
    return Written(text, readings, currency, negative, place, found)


def _checked(value: float, negative: bool) -> float:
    if negative and value:
        raise ValueError(translate("Import", "negative (an amount cannot be negative)"))
    if math.isinf(value) or value > MAX_AMOUNT:
        raise ValueError(translate("Import", "too large for an amount (at most 1,000,000,000,000)"))
    return value


def shown(value: float, places: int = 2) -> str:
    """An amount in a message: two decimals ('1.500' read with a decimal point is 1.50), more only
    when they are not zeros (1.234)."""
    return format_number(value, 2 if round(value, 2) == value else places)


@dataclass(frozen=True, slots=True)
class Signal:
    """Something in a file that says which style it writes amounts in, and how strongly."""

    style: NumberStyle
    weight: int
    label: str  # in the window's language, for the note that explains the decision


# A decision from signals needs this much more weight on one side than on the other.
_MARGIN = 2
_MEMO_LIMIT = 20_000
_UNSEEN = object()
_DOT_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}\b.*")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/\d{2,4}\b.*")


def file_signals(delimiter: str, dates: Iterable[str], signs: Iterable[tuple[str, str]]) -> list[Signal]:
    """What the file around the amounts says: its delimiter, its dates, where currency signs stand.

    A semicolon is what spreadsheets write where the comma is the decimal mark, and a comma
    where it is not (it would split every amount); 15.01.2027 is written where 1.234,56 is;
    10.000 € puts the sign after the amount as comma-style locales do, $10,000 before it as
    point-style ones do. Day-first slash dates say little (British and French alike), month-first
    ones say American.
    """
    signals: list[Signal] = []
    if delimiter == ";":
        signals.append(Signal(NumberStyle.COMMA, 2, translate("Import", "semicolons between columns")))
    elif delimiter == ",":
        signals.append(Signal(NumberStyle.POINT, 2, translate("Import", "commas between columns")))
    dotted = day_first = month_first = False
    for value in dates:
        text = value.strip()
        if _DOT_DATE.fullmatch(text):
            dotted = True
        elif match := _SLASH_DATE.fullmatch(text):
            first, second = int(match[1]), int(match[2])
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    if dotted:
        signals.append(Signal(NumberStyle.COMMA, 2, translate("Import", "dates written like 15.01.2027")))
    if day_first and not month_first:
        signals.append(Signal(NumberStyle.COMMA, 1, translate("Import", "day-first dates")))
    if month_first and not day_first:
        signals.append(Signal(NumberStyle.POINT, 2, translate("Import", "month-first dates")))
    after = before_point = before_comma = False
    for place, sign in signs:  # where each currency sign of the amounts stands, and which it is
        after |= place == "after"
        before_point |= place == "before" and sign in _POINT_SIGNS_BEFORE
        before_comma |= place == "before" and sign in _COMMA_SIGNS_BEFORE
    if after:
        signals.append(Signal(NumberStyle.COMMA, 2, translate("Import", "currency signs after the amounts")))
    if before_point:
        signals.append(Signal(NumberStyle.POINT, 1, translate("Import", "currency signs before the amounts")))
    if before_comma:
        signals.append(Signal(NumberStyle.COMMA, 1, translate("Import", "currency signs before the amounts")))
    return signals


def _weigh(signals: Iterable[Signal]) -> tuple[NumberStyle | None, int]:
    """The style the signals lean to (None when even), and by how much."""
    score = dict.fromkeys(NumberStyle, 0)
    for signal in signals:
        score[signal.style] += signal.weight
    margin = score[NumberStyle.COMMA] - score[NumberStyle.POINT]
    if margin == 0:
        return None, 0
    return (NumberStyle.COMMA if margin > 0 else NumberStyle.POINT), abs(margin)


@dataclass(frozen=True, slots=True)
class AmountReading:
    """How one file's amount column is read: the style, and whether the file proved it.

    `decided` False: nothing in the file says which style it is; the import asks (the window)
    or refuses (the command line) instead of guessing. `follow` False: cells that read as
    different amounts in the two styles and are not written like the column's other amounts
    ('1,000' among '1.234,56') are reported instead of read.
    """

    column: str
    style: NumberStyle
    decided: bool = True
    chosen: bool = False
    remembered: bool = False
    follow: bool = True
    mixed: bool = False
    ambiguous: int = 0  # cells that read as different amounts in the two styles
    example: str = ""  # one of them, to show both readings
    signals: tuple[Signal, ...] = ()  # what decided the style when the amounts alone did not

    def readings_of(self, text: str) -> dict[NumberStyle, str]:
        """`text` as each style would read it ('10.000 €' -> {point: '10.00', comma: '10,000.00'})."""
        try:
            cell = written(text)
        except ValueError:
            return {}
        return {style: shown(value, places) for style, (value, places) in cell.readings.items()}

    def question(self, file: str) -> str:
        """Why the file's amounts need the seller's word: the column and an amount read both ways."""
        readings = self.readings_of(self.example)
        return translate(
            "Import",
            "{file}: the amounts in “{column}” can be read two ways (“{example}” is {point} in the "
            "1,234.56 style and {comma} in the 1.234,56 style) and nothing else in the file says which",
        ).format(
            file=file,
            column=self.column,
            example=quote(self.example),
            point=readings.get(NumberStyle.POINT, "?"),
            comma=readings.get(NumberStyle.COMMA, "?"),
        )

    def note(self, file: str) -> str | None:
        """What the summary says about the decision, when there is something to say."""
        if not self.decided or self.chosen:
            return None
        if self.remembered:
            return translate(
                "Import",
                "{file}: amounts read in the {style} style, as chosen before for files like this one",
            ).format(file=file, style=self.style.label)
        if self.mixed:
            return translate(
                "Import",
                "{file}: “{column}” writes amounts in both the 1,234.56 and the 1.234,56 style; read in the "
                "{style} style like most of them, the others are listed as problems",
            ).format(file=file, column=self.column, style=self.style.label)
        if self.signals and self.ambiguous:
            amounts = i18n.plural(
                self.ambiguous,
                translate("Import", "{n} amount such as “{example}” reads"),
                translate("Import", "{n} amounts such as “{example}” read"),
            ).format(n=format_number(self.ambiguous), example=quote(self.example))
            reading = self.readings_of(self.example).get(self.style, "?")
            return translate(
                "Import",
                "{file}: {amounts} differently in the 1,234.56 and the 1.234,56 style; read in the {style} "
                "style (“{example}” is {reading}) from {signals}",
            ).format(
                file=file,
                amounts=amounts,
                style=self.style.label,
                example=quote(self.example),
                reading=reading,
                signals=", ".join(s.label for s in self.signals),
            )
        return None


def decide_amounts(
    values: Iterable[str],
    *,
    column: str = "",
    delimiter: str = "",
    dates: Iterable[str] = (),
    given: NumberStyle | None = None,
    remembered: NumberStyle | None = None,
) -> AmountReading:
    """The number style of one amount column, from all its values and the file around them.

    The amounts decide when any is written in one style only (1.234,56; 12.5; 1,234,567;
    1'234.56): the style fewer cells contradict wins, and cells of the other style are reported.
    When every amount could be either (10.000, 1,000), the file's delimiter, dates and currency
    signs decide if they clearly agree; else the style the seller chose before for files like
    this one; else nobody knows and `decided` is False. `given` (the seller's word) overrides.
    """
    only = dict.fromkeys(NumberStyle, 0)  # cells readable in this style only
    three = dict.fromkeys(NumberStyle, False)  # ... some with three decimals (1,234.567)
    grouping = dict.fromkeys(NumberStyle, 0)  # cells read both ways whose mark groups thousands in s
    example = ""
    signs: set[tuple[str, str]] = set()
    # Exports repeat amounts; a bounded memo keeps a million distinct ones from filling memory.
    memo: dict[str, Written | None] = {}
    for value in values:
        if not value.strip():
            continue
        cell = memo.get(value, _UNSEEN)
        if cell is _UNSEEN:
            try:
                cell = written(value)
            except ValueError:
                cell = None  # reported per row when the row is read
            if len(memo) < _MEMO_LIMIT:
                memo[value] = cell
        if not isinstance(cell, Written):
            continue
        if cell.sign_place:
            signs.add((cell.sign_place, cell.sign))
        if (style := cell.only) is not None:
            only[style] += 1
            three[style] |= cell.readings[style][1] == 3
        elif cell.either:
            grouping[cell.grouping_style] += 1
            example = example or cell.text
    ambiguous = sum(grouping.values())
    signals = file_signals(delimiter, dates, signs)

    def reading(
        style: NumberStyle,
        *,
        decided: bool = True,
        chosen: bool = False,
        from_before: bool = False,
        signals: Iterable[Signal] = (),
    ) -> AmountReading:
        other = style.other
        # '10.000' read as 10 (three decimals) is believable only where nothing else in the
        # column is written in either style, or where the column writes three decimals anyway.
        follow = three[style] or not (only[other] or only[style] or grouping[style])
        mixed = bool(only[other] or (grouping[other] and not follow))
        return AmountReading(
            column, style, decided, chosen, from_before, follow, mixed, ambiguous, example, tuple(signals)
        )

    if given is not None:
        return reading(given, chosen=True)
    if not any(only.values()) and not ambiguous:
        return reading(NumberStyle.POINT)  # nothing to decide: every amount reads the same either way
    if not any(only.values()) and not all(grouping.values()):
        # Every amount could be either way, all with the same mark: the file around them decides.
        lean = NumberStyle.POINT if grouping[NumberStyle.POINT] else NumberStyle.COMMA
        mark = translate("Import", "the amounts' own marks")
        weighed = [*signals, Signal(lean, 1, mark)]
        style, margin = _weigh(weighed)
        if style is not None and margin >= _MARGIN:
            return reading(style, signals=tuple(s for s in weighed if s.style is style))
        if remembered is not None:
            return reading(remembered, from_before=True)
        return reading(style or lean, decided=False)
    against = {
        s: only[s.other] + (0 if three[s] else grouping[s.other]) for s in NumberStyle
    }  # cells each style would have to report
    if against[NumberStyle.POINT] != against[NumberStyle.COMMA]:
        return reading(min(NumberStyle, key=lambda s: against[s]))
    style, _margin = _weigh(signals)
    if style is not None:
        return reading(style, signals=tuple(s for s in signals if s.style is style))
    if remembered is not None:
        return reading(remembered, from_before=True)
    return reading(NumberStyle.POINT, decided=False)


def read_amount(text: str, reading: AmountReading) -> tuple[float | None, str | None, str | None]:
    """(amount, currency it names or None, warning or None) of one cell of a column read so;
    '' -> (None, None, None); ValueError saying what is wrong (the amount is then left out).

    A cell that can only be read in the other style is read so, with a warning that says what was
    read; a cell that reads as different amounts in the two styles, in a column that writes both,
    is not guessed at.
    """
    if not text.strip():
        return None, None, None
    cell = written(text)
    style = reading.style
    warning: str | None = None
    if cell.only is style.other:
        value, places = cell.readings[style.other]
        warning = translate(
            "Import",
            "Amount is in the {written} style, but the file's amounts are in the {style} style; read as "
            "{amount}, check it",
        ).format(written=style.other.label, style=style.label, amount=shown(value, places))
    elif cell.either and cell.grouping_style is not style and not reading.follow:
        readings = {s: shown(v, p) for s, (v, p) in cell.readings.items()}
        raise ValueError(
            translate(
                "Import",
                "ambiguous in a column that writes amounts both ways ({point} in the 1,234.56 style, "
                "{comma} in the 1.234,56 style)",
            ).format(point=readings[NumberStyle.POINT], comma=readings[NumberStyle.COMMA])
        )
    else:
        value, places = cell.readings[style]
    return _checked(value, cell.negative), cell.currency, warning


def parse_amount(text: str, style: NumberStyle = NumberStyle.POINT) -> tuple[float | None, str | None]:
    """(amount, currency it names or None) of one cell in a file of `style`; '' -> (None, None);
    ValueError saying what is wrong. A cell written in one style only is read in that style."""
    if not text.strip():
        return None, None
    cell = written(text)
    value, _places = cell.readings.get(style) or cell.readings[style.other]
    return _checked(value, cell.negative), cell.currency
