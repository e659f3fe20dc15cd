"""How numbers, dates and cards read in the UI: one place, so board, dock and dialogs agree.

Numbers and dates follow QLocale's default, which ui.i18n sets with the language: "120,000 EUR"
and "15 Dec 2026" in English, "120.000 EUR" and "15. Dez. 2026" in German. The date pattern is
itself a translatable source, so each language writes dates its own way.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from planner import validation
from planner.funnel import FunnelStatus, days_in_stage, status_words
from planner.i18n import plural
from planner.money import Totals
from planner.next_step import NextStep, is_overdue

if TYPE_CHECKING:
    from ui.board.models import CardFace

translate = QCoreApplication.translate

# Spaces a seller or a locale puts between thousands (no-break and narrow no-break too).
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009_")


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


# A number followed by the unit it counts: "120 seats", "25 licences", "2,5 Lizenzen".
_COUNTED = re.compile(r"\s*(?P<number>.*\d)\s*(?P<unit>[^\W\d_][^\d]*)")


def parse_quantity(text: str) -> float | None:
    """A quantity typed in the window's own marks ('2,5' in German); ValueError says why.

    A unit after the number ("120 seats") is read and not kept: the plan stores how many, and
    the deal's product says what is counted.
    """
    locale = QLocale()
    counted = _COUNTED.fullmatch(text)
    number = counted.group("number") if counted else text
    return validation.check_quantity(number, locale.decimalPoint(), locale.groupSeparator())


def edit_rate(value: float) -> str:
    """An exchange rate as an editor shows it: every digit the float holds, no grouping, the
    locale's decimal mark ('1,08562345' in German). `parse_rate` reads it back exactly, so a rate
    nobody edited is saved unchanged."""
    # repr is the shortest text that reads back as the same float; Decimal writes it without an
    # exponent ('1e-05' -> '0.00001'). Imported here: the board paints without it (1.5 ms).
    from decimal import Decimal

    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")  # '2.0' -> '2'; repr has no other trailing zeros
    return text.replace(".", QLocale().decimalPoint())


def parse_rate(text: str) -> float | None:
    """An exchange rate typed in the window's marks ('1,0856' in German, '1.0856' in English);
    '' -> None; ValueError with a reason otherwise.

    Rates are often small decimals pasted from elsewhere, so the other language's decimal mark
    is read too where it cannot be a thousands separator ('1.0856', '0.92' in German). A lone
    separator before exactly three digits ('1.234' in German, '1,234' in English) could be
    either, and is refused rather than guessed.
    """
    locale = QLocale()
    point, group = locale.decimalPoint(), locale.groupSeparator()
    cleaned = text.strip().translate(_SPACES)
    if not cleaned:
        return None
    other = "," if point == "." else "."
    if point not in cleaned and cleaned.count(other) == 1:
        whole, fraction = cleaned.split(other)
        grouping = other == group and len(fraction) == 3 and fraction.isdigit()
        if grouping and whole.lstrip("+-") not in ("", "0"):
            raise ValueError(
                translate(
                    "Format",
                    "“{text}” could be read two ways: write the decimals after “{point}”, like {example}.",
                ).format(text=text.strip(), point=point, example=f"1{point}0856")
            )
        cleaned = f"{whole}{point}{fraction}"  # the other language's decimal mark
    try:
        return validation.read_number(cleaned, point, group)
    except ValueError:
        raise ValueError(
            translate("Format", "“{text}” is not a rate: write it like {example}.").format(
                text=text.strip(), example=f"1{point}0856"
            )
        ) from None


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


def date_pattern() -> str:
    """The window's pattern for dates a field shows for changing (`ui.date_field.DateField`).

    English keeps ISO ("2026-12-15"): it cannot be misread (the system's short format may be
    "12/15/26" or "15/12/26" with a two-digit year), and the plan files and exports write it.
    German writes "15.12.2026". `parse_date` reads it back, and ISO in every language.
    """
    # Qt's date pattern letters (d, M, yyyy): each translation orders them its own way.
    return translate("Format", "yyyy-MM-dd")


def edit_date(value: dt.date | None) -> str:
    """A date as a field shows it for changing ('2026-12-15', German '15.12.2026'); '' for none."""
    if not value:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_pattern())


def parse_date(text: str) -> dt.date | None:
    """A typed date; '' -> None. Every date field reads dates with this one rule.

    It reads the window's own pattern (`edit_date`), ISO (pasted from elsewhere), the locale's
    short format with a four-digit year ("12/15/2026" in the US, "15/12/2026" in Britain, German
    "15.12.2026"; where only the other order of day and month makes a date, as "31/01/2027" in the
    US, that one), and a day, month name and year as the window shows them ("15 Dec 2026",
    "15 December 2026", German "15. Dez. 2026"). Two-digit years are refused: "1/2/27" is guessed
    by nobody. ValueError with a reason otherwise (an impossible day like 30 February too).
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    locale = QLocale()
    for pattern in _typed_patterns(locale):
        typed = locale.toDate(cleaned, pattern)
        if typed.isValid():
            return _checked(typed)
    named = _named_month_date(cleaned, locale)
    if named is not None:
        return _checked(named)
    raise ValueError(
        translate("Format", "Date must look like {example} or {spoken}.").format(
            example=edit_date(dt.date(2026, 12, 15)), spoken=date(dt.date(2026, 12, 15))
        )
    )


def _typed_patterns(locale: QLocale) -> list[str]:
    """The numeric patterns `parse_date` tries, most likely meant first."""

    def lenient(pattern: str) -> str:
        # One or two digits for day and month alike: "1.2.2026" as well as "01.02.2026".
        return re.sub(r"(?<![dM])(dd|MM)(?![dM])", lambda m: m.group(1)[0], pattern)

    # The short format's "yy" becomes "yyyy": a two-digit year is never read.
    short = re.sub(r"y+", "yyyy", locale.dateFormat(QLocale.FormatType.ShortFormat))
    swapped = re.sub(r"d+|M+", lambda m: m.group(0).translate(str.maketrans("dM", "Md")), short)
    patterns = [date_pattern(), "yyyy-MM-dd", short, swapped]
    return list(dict.fromkeys(lenient(p) for p in patterns))


def _named_month_date(text: str, locale: QLocale) -> QDate | None:
    """'15 Dec 2026', 'December 15, 2026', '15. Dez 2026': one month name (the locale's, long or
    short, any case, with or without its dot), a day and a four-digit year; None otherwise."""
    words = re.findall(r"[^\W\d_]+", text)
    numbers = re.findall(r"\d+", text)
    if len(words) != 1 or len(numbers) != 2 or re.search(r"[^\w\s.,]", text):
        return None
    wanted = words[0].casefold()
    month = next(
        (
            m
            for m in range(1, 13)
            for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)
            for name in (locale.monthName(m, kind), locale.standaloneMonthName(m, kind))
            if name.casefold().rstrip(".") == wanted
        ),
        0,
    )
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if not month or len(years) != 1 or len(days) != 1:
        return None
    day = QDate(int(years[0]), month, int(days[0]))
    return day if day.isValid() else None


def _checked(day: QDate) -> dt.date | None:
    # The plan's own rule for dates (the years it keeps).
    return validation.parse_date(dt.date(day.year(), day.month(), day.day()).isoformat())


def date_time(value: dt.datetime) -> str:
    """A moment in the window's date pattern and time: '2026-11-26 09:30', German '26.11.2026, 09:30'."""
    shown = translate("Format", "{date} {time}")
    return shown.format(date=edit_date(value.date()), time=edit_time(value.time()))


def edit_time(value: dt.time) -> str:
    """A time of day as a field shows it: '09:30' (the window's pattern)."""
    return QLocale().toString(QTime(value.hour, value.minute), translate("Format", "HH:mm"))


# "16:45", "16.45", "16h45", "16", "4:45 pm": hours, then minutes after a separator, then AM/PM.
_TYPED_TIME = re.compile(r"(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(\D+)?")
# "1645", "930": hours and minutes without a separator.
_TYPED_DIGITS = re.compile(r"(\d{1,2})(\d{2})")


def parse_time(text: str) -> dt.time:
    """A typed time of day; the one rule of every time field. ValueError with a reason otherwise.

    It reads 24-hour times with ':' (or '.', 'h') between hours and minutes, the hours alone,
    four or three digits ('1645', '930'), and 12-hour times with am/pm (or the locale's own
    words for them): '16:45', '4:45 pm' and '1645' are the same time.
    """
    cleaned = " ".join(text.split()).casefold()
    digits = _TYPED_DIGITS.fullmatch(cleaned)
    typed = _TYPED_TIME.fullmatch(cleaned)
    if digits is not None:
        hour, minute, half = int(digits[1]), int(digits[2]), None
    elif typed is not None:
        hour, minute, half = int(typed[1]), int(typed[2] or 0), typed[3]
        half = None if half == "h" else half  # "16h": French for 16:00
    else:
        raise ValueError(_time_hint())
    if half is not None:
        locale = QLocale()
        words = half.replace(".", "")
        if words in ("am", locale.amText().casefold().replace(".", "")) and 1 <= hour <= 12:
            hour = 0 if hour == 12 else hour
        elif words in ("pm", locale.pmText().casefold().replace(".", "")) and 1 <= hour <= 12:
            hour = 12 if hour == 12 else hour + 12
        else:
            raise ValueError(_time_hint())
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(_time_hint())
    return dt.time(hour, minute)


def _time_hint() -> str:
    example = dt.time(14, 30)
    return translate("Format", "Time must look like {example}.").format(example=edit_time(example))


def days(n: int) -> str:
    """'1 day', '34 days'."""
    return plural(n, translate("Format", "{n} day"), translate("Format", "{n} days")).format(n=n)


def next_step(step: NextStep, today: dt.date) -> str:
    """A deal's next step as the card, the details, the Blue Sheet and the editor all show it.

    "Send the proposal (due 15 Dec 2026)", "… (overdue since 15 Dec 2026)", the text alone for an
    undated action, and "CRM: call back Tuesday" for what only the CRM gave (not a planned action).
    """
    if step.source == "crm":
        return translate("Format", "CRM: {step}").format(step=step.text)
    if step.due is None:
        return step.text
    if is_overdue(step.due, today):
        wording = translate("Format", "{step} (overdue since {date})")
    else:
        wording = translate("Format", "{step} (due {date})")
    return wording.format(step=step.text, date=date(step.due))


def card_sentence(face: CardFace, today: dt.date) -> str:
    """A card read as one sentence, for screen readers and tooltips.

    "Acme renewal, Acme, 120,000 EUR, closes 15 Dec 2026, 12 days in this stage,
    next step: Send the proposal (due 4 Dec 2026), last customer commitment: Shared decision
    criteria, 3 Oct 2026, no customer commitment for 34 days"
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
    if face.next_step is not None:
        parts.append(translate("Format", "next step: {step}").format(step=next_step(face.next_step, today)))
    else:
        parts.append(translate("Format", "no next step"))
    if face.last_commitment is not None:
        what, day = face.last_commitment
        parts.append(
            translate("Format", "last customer commitment: {what}, {date}").format(what=what, date=date(day))
        )
    else:
        parts.append(translate("Format", "no customer commitment recorded"))
    parts.extend(badge_reasons(face.status))
    if face.red_flags:
        count = len(face.red_flags)
        flags = plural(count, translate("Format", "{n} red flag"), translate("Format", "{n} red flags"))
        parts.append(flags.format(n=count))
    return translate("Format", ", ").join(parts)


def badge_reasons(status: FunnelStatus) -> list[str]:
    """The card's badges in words, lower-case so they read inside a sentence."""
    # The sentence says the close date itself, so the funnel's words without overdue.
    return [_lower_first(words) for words in status_words(status)]


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
