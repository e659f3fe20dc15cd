"""Amounts: the number style decided from the whole file, every locale's way of writing read back exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale

from planner.exchange.amounts import NumberStyle, decide_amounts, read_amount, written
from planner.exchange.import_plan import ImportOptions, build_preview
from planner.exchange.layouts import Field
from planner.exchange.problems import Severity
from planner.exchange.sources import load
from planner.storage.db import PlanDB, open_memory
from tests.planner.import_support import TODAY, deals, preview, run

POINT, COMMA = NumberStyle.POINT, NumberStyle.COMMA

# Qt's locale data (from CLDR) writes the amounts: an independent reference for how each locale
# groups and marks decimals, not our own idea of it. French groups with a narrow no-break space
# (and some tools with a plain one), Swiss with an apostrophe (ASCII or typographic), Indian in
# lakhs (12,34,567.00), Polish with a no-break space.
LOCALES = {
    "de": ("de_DE", None),
    "fr": ("fr_FR", None),
    "fr, plain spaces": ("fr_FR", ("\u202f", " ")),
    "ch": ("de_CH", None),
    "ch, typographic apostrophe": ("de_CH", ("'", "\u2019")),
    "en-IN": ("en_IN", None),
    "en": ("en_US", None),
    "en-GB": ("en_GB", None),
    "es": ("es_ES", None),
    "nl": ("nl_NL", None),
    "pt-BR": ("pt_BR", None),
    "pl": ("pl_PL", None),
}


def formatted(locale_key: str, cents: int, decimals: int, currency: bool) -> str:
    name, swap = LOCALES[locale_key]
    locale = QLocale(name)
    value = cents / 100
    text = (
        locale.toCurrencyString(value, locale.currencySymbol(), decimals)
        if currency
        else locale.toString(value, "f", decimals)
    )
    return text.replace(*swap) if swap else text


def comma_locale(locale_key: str) -> bool:
    return QLocale(LOCALES[locale_key][0]).decimalPoint() == ","


def expected(cents: int, decimals: int) -> float:
    assert decimals or cents % 100 == 0
    return float(Decimal(cents) / 100)


amounts = st.integers(min_value=0, max_value=100_000_000_000_000)  # up to 1,000,000,000,000.00, in cents
whole_amounts = amounts.map(lambda cents: cents // 100 * 100)  # written without decimals
days = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2028, 12, 31))


def _import_values(text: str) -> list[float | None]:
    """Every amount the import reads from a deals file written as `text`, in row order."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deals.csv"
        path.write_text(text, encoding="utf-8")
        plan = open_memory()
        try:
            seen = build_preview(plan, load([path]), None, TODAY)
        finally:
            plan.close()
    assert not [p.line() for p in seen.problems if p.severity is Severity.ERROR]
    assert [p.line() for r in seen.rows for p in r.problems] == []
    return [r.new_deal.amount if r.new_deal is not None else None for r in seen.rows]


@settings(max_examples=100, deadline=None)
# Every amount round, as in the German CRM file: only the file around them says which style.
@example(locale_key="de", rows=[(1_000_000, dt.date(2027, 1, 5)), (750_000, dt.date(2027, 2, 1))], decimals=0,
         currency=False)  # fmt: skip
@example(locale_key="en", rows=[(1_000_000, dt.date(2027, 1, 5))], decimals=0, currency=False)
@example(locale_key="en-IN", rows=[(1_000_000, dt.date(2027, 1, 5))], decimals=0, currency=True)
@given(
    locale_key=st.sampled_from(sorted(LOCALES)),
    rows=st.lists(st.tuples(amounts, days), min_size=1, max_size=8),
    decimals=st.sampled_from([0, 2]),
    currency=st.booleans(),
)
def test_a_file_written_in_one_locale_imports_its_amounts_exactly(
    locale_key: str, rows: list[tuple[int, dt.date]], decimals: int, currency: bool
) -> None:
    if not decimals:
        rows = [(cents // 100 * 100, day) for cents, day in rows]
    # The file as that locale's spreadsheet writes it: its delimiter, its dates, its amounts.
    locale = QLocale(LOCALES[locale_key][0])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if comma_locale(locale_key) else ",", lineterminator="\n")
    writer.writerow(["id", "name", "account", "stage", "amount", "close date"])
    for number, (cents, day) in enumerate(rows, start=1):
        date = locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
        writer.writerow(
            [
                f"R-{number}",
                f"Deal {number}",
                "Acme",
                "Prospect",
                formatted(locale_key, cents, decimals, currency),
                date,
            ]
        )
    assert _import_values(out.getvalue()) == [expected(cents, decimals) for cents, _day in rows]


@settings(max_examples=200, deadline=None)
@given(
    locale_key=st.sampled_from(sorted(LOCALES)),
    whole=st.lists(whole_amounts, max_size=6),
    with_cents=st.lists(amounts, min_size=1, max_size=3),
    delimiter=st.sampled_from([",", ";", "\t", ""]),
    currency=st.booleans(),
)
def test_one_amount_with_decimals_decides_whatever_the_file_around_it_says(
    locale_key: str, whole: list[int], with_cents: list[int], delimiter: str, currency: bool
) -> None:
    # Even with a delimiter that says the other style: 1.234,50 is only ever 1,234.50.
    values = [formatted(locale_key, c, 0, currency) for c in whole]
    values += [formatted(locale_key, c, 2, currency) for c in with_cents]
    reading = decide_amounts(values, delimiter=delimiter)
    assert reading.decided
    assert reading.style is (COMMA if comma_locale(locale_key) else POINT)
    got = [read_amount(v, reading)[0] for v in values]
    assert got == [expected(c, 0) for c in whole] + [expected(c, 2) for c in with_cents]


@given(st.integers(min_value=1_000, max_value=999_999), st.sampled_from(["de", "en"]))
def test_a_round_amount_is_never_read_without_the_file_saying_which(
    cents_whole: int, locale_key: str
) -> None:
    # '12.000' alone, with nothing else in the file: ten-something or twelve thousand? Asked.
    value = formatted(locale_key, cents_whole * 100, 0, False)
    assert value in (f"{cents_whole:,}", f"{cents_whole:,}".replace(",", "."))
    assert not decide_amounts([value], column="Amount").decided


# Real-world amount columns: (values, delimiter, dates, the amounts read; None: the seller is asked).
SAMPLES = [
    # Salesforce report export (US): grouped with two decimals.
    (["120,000.00", "65,000.00", "8,500.50"], ",", ["12/15/2026"], [120000.0, 65000.0, 8500.5]),
    # Salesforce Data Export: plain floats.
    (["350000.0", "500000.0", "0.0"], ",", ["2023-10-30"], [350000.0, 500000.0, 0.0]),
    # HubSpot: grouped and plain mixed; 8000.50 decides.
    (["12,500", "30000", "8000.50"], ",", ["12/15/2026"], [12500.0, 30000.0, 8000.5]),
    # Pipedrive in German: 12.500,50 decides, so 8.000 is eight thousand.
    (["12.500,50", "8.000", "45.000"], ";", ["15.12.2026"], [12500.5, 8000.0, 45000.0]),
    # German CRM, every amount round: semicolons, dotted dates and € after decide.
    (
        ["10.000 €", "25.000 €", "150.000 €", "7.500 €"],
        ";",
        ["15.01.2027"],
        [10000.0, 25000.0, 150000.0, 7500.0],
    ),
    # A German export that happens to use ISO dates still writes semicolons.
    (["1.500", "2.000"], ";", ["2027-01-15"], [1500.0, 2000.0]),
    # SAP: millions with two dots.
    (["1.234.567,89", "12.000,00"], ";", [], [1234567.89, 12000.0]),
    (["1.234.567", "12.000"], "", [], [1234567.0, 12000.0]),
    # French: narrow no-break spaces and a comma; round amounts are plain.
    (["10\u202f000,00 €", "2\u202f500 €", "1 234,56 €"], ";", ["03/04/2026"], [10000.0, 2500.0, 1234.56]),
    # Swiss: apostrophes, ASCII or typographic, and CHF first.
    (["CHF 1'234.50", "CHF 10'000", "1\u2019500.00"], ";", ["15.01.27"], [1234.5, 10000.0, 1500.0]),
    # Indian: lakhs and crores.
    (["₹12,34,567.00", "₹1,00,000", "₹10,000"], ",", ["15/01/27"], [1234567.0, 100000.0, 10000.0]),
    (["1,00,00,000", "25,000"], "\t", [], [10000000.0, 25000.0]),
    # British: £ before, day-first dates, round thousands.
    (["£10,000", "£2,500"], ",", ["15/01/2027"], [10000.0, 2500.0]),
    # Brazilian and Dutch: the sign before, the comma for decimals.
    (["R$ 1.234,56", "R$ 10.000"], ";", ["15/01/2027"], [1234.56, 10000.0]),
    (["€ 1.234,56", "€ 10.000"], ";", ["15-01-2027"], [1234.56, 10000.0]),
    # Polish: no-break spaces and zł after.
    (["1\u00a0234,56 zł", "10\u00a0000 zł"], ";", ["15.01.2027"], [1234.56, 10000.0]),
    # Kuwaiti dinars have three decimals: 1,234.500 says the column writes three.
    (["1,234.500", "10.000", "12.250"], ",", [], [1234.5, 10.0, 12.25]),
    # Round amounts and nothing else: asked.
    (["1.500", "2.000", "12.000"], ",", ["2027-01-15"], None),
    (["1,000", "25,000"], "\t", [], None),
    (["10.000"], "", [], None),
]


@pytest.mark.parametrize(("values", "delimiter", "dates", "read"), SAMPLES)
def test_real_world_amounts(
    values: list[str], delimiter: str, dates: list[str], read: list[float] | None
) -> None:
    reading = decide_amounts(values, column="Amount", delimiter=delimiter, dates=dates)
    if read is None:
        assert not reading.decided
        return
    assert reading.decided
    assert [read_amount(v, reading)[0] for v in values] == read
    assert all(read_amount(v, reading)[2] is None for v in values)  # no warnings: one style throughout


@pytest.mark.parametrize(
    ("text", "point", "comma"),
    [
        ("1.234,56", None, 1234.56),
        ("1,234.56", 1234.56, None),
        ("1.234.567", None, 1234567.0),  # two group marks
        ("1,234,567", 1234567.0, None),
        ("12.5", 12.5, None),  # a mark followed by other than three digits
        ("12,5", None, 12.5),
        ("1234.567", 1234.567, None),  # more than three digits before a thousands mark cannot be
        ("0,500", None, 0.5),  # nor a leading zero
        ("10.000", 10.0, 10000.0),  # either
        ("1,000", 1000.0, 1.0),
        ("10 000", 10000.0, 10000.0),  # the same both ways
        ("1'234.56", 1234.56, None),
        ("1 234,567", None, 1234.567),  # spaces group, so the comma is the decimal mark
        ("12,34,567.89", 1234567.89, None),
    ],
)
def test_what_a_cell_says_before_the_file_decides(
    text: str, point: float | None, comma: float | None
) -> None:
    readings = written(text).readings
    assert (readings.get(POINT, (None,))[0], readings.get(COMMA, (None,))[0]) == (point, comma)


def test_a_style_the_seller_gives_wins_and_the_other_styles_cells_are_reported() -> None:
    reading = decide_amounts(["1.500", "2.000", "1,234.56"], given=COMMA)
    assert (reading.decided, reading.chosen, reading.style, reading.follow) == (True, True, COMMA, False)
    assert read_amount("1.500", reading) == (1500.0, None, None)
    value, _currency, warning = read_amount("1,234.56", reading)
    assert value == 1234.56
    assert warning == (
        "Amount is in the 1,234.56 style, but the file's amounts are in the 1.234,56 style; read as "
        "1,234.56, check it"
    )
    # A round amount written the other way in a column that shows both styles is not guessed at.
    mixed = decide_amounts(["1.234,56", "2.500", "1,000"])
    assert mixed.style is COMMA
    assert mixed.mixed
    with pytest.raises(ValueError, match=r"ambiguous .* \(1,000.00 in the 1,234.56 style, 1.00 in"):
        read_amount("1,000", mixed)


def test_a_remembered_style_settles_only_what_the_file_leaves_open() -> None:
    assert decide_amounts(["10.000"], remembered=COMMA).style is COMMA
    assert decide_amounts(["10.000"], remembered=COMMA).remembered
    assert decide_amounts(["12.50", "10,000"], remembered=COMMA).style is POINT  # the file proves it


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deals.csv"
    path.write_text(text, encoding="utf-8")
    return path


AMBIGUOUS = "id,name,amount\nA-1,Alpha,1.500\nA-2,Beta,2.000\n"


def test_an_undecided_file_imports_nothing_and_says_which_column(plan: PlanDB, tmp_path: Path) -> None:
    seen = preview(plan, [_write(tmp_path, AMBIGUOUS)])
    assert not seen.importable
    assert [p.line() for p in seen.problems] == [
        "deals.csv: the amounts in “amount” can be read two ways (“1.500” is 1.50 in the 1,234.56 style "
        "and 1,500.00 in the 1.234,56 style) and nothing else in the file says which; nothing is imported "
        "from it until you say which style it uses"
    ]
    info = seen.table("deals.csv")
    assert info is not None
    assert info.amounts is not None
    assert not info.amounts.decided


def test_the_sellers_style_is_remembered_for_files_like_this_one(plan: PlanDB, tmp_path: Path) -> None:
    path = _write(tmp_path, AMBIGUOUS)
    run(plan, [path], ImportOptions(number_styles={"*": COMMA}))
    assert {k: d["amount"] for k, d in deals(plan).items()} == {"A-1": 1500.0, "A-2": 2000.0}
    again = preview(plan, [path])
    assert again.importable
    assert "deals.csv: amounts read in the 1.234,56 style, as chosen before for files like this one" in (
        again.notes
    )
    # A new choice replaces the remembered one.
    run(plan, [path], ImportOptions(number_styles={"*": POINT}))
    assert {k: d["amount"] for k, d in deals(plan).items()} == {"A-1": 1.5, "A-2": 2.0}


def test_a_mapped_amount_column_of_another_name_is_decided_too(plan: PlanDB, tmp_path: Path) -> None:
    path = _write(
        tmp_path, "Ref;Titel;Betrag;Fällig\nB-1;Eins;10.000;15.01.2027\nB-2;Zwei;2.500;16.01.2027\n"
    )
    mapping = {
        "Ref": Field.EXTERNAL_ID,
        "Titel": Field.TITLE,
        "Betrag": Field.AMOUNT,
        "Fällig": Field.CLOSE_DATE,
    }
    run(plan, [path], ImportOptions(mappings={"*": mapping}))
    assert {k: d["amount"] for k, d in deals(plan).items()} == {"B-1": 10000.0, "B-2": 2500.0}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="0123456789.,'\u2019\u202f\u00a0 -()$€£₹CHFEURkrzł", max_size=16), max_size=8),
    st.sampled_from([",", ";", "\t", ""]),
    st.sampled_from([None, POINT, COMMA]),
)
def test_any_column_is_decided_or_asked_and_each_cell_read_or_refused(
    values: list[str], delimiter: str, given_style: NumberStyle | None
) -> None:
    reading = decide_amounts(values, delimiter=delimiter, given=given_style)
    assert reading.decided or not reading.chosen
    for value in values:
        try:
            amount, _currency, _warning = read_amount(value, reading)
        except ValueError as exc:
            message, amount = str(exc), None
        else:
            message = "ok"
        assert message  # a refusal says why
        assert amount is None or 0 <= amount <= 1e12
