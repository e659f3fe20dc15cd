"""Deal rows of a mapped table read into typed values, each unreadable cell reported, not fatal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from planner.exchange.amounts import AmountReading, NumberStyle, decide_amounts, read_amount
from planner.exchange.layouts import Field
from planner.exchange.problems import Problem, Severity
from planner.exchange.tables import Table
from planner.exchange.values import (
    DateOrder,
    DateReading,
    decide_date_order,
    decide_fraction,
    looks_like_formula,
    one_line,
    parse_date,
    parse_flag,
    parse_probability,
)
from planner.i18n import format_number, translate
from planner.model import ForecastCategory
from planner.validation import MAX_TEXT, MAX_TITLE, check_currency

# External ids longer than this are not ids (Salesforce's are 18 characters, HubSpot's ~12).
MAX_ID = 255
_FORECAST = {
    "pipeline": ForecastCategory.PIPELINE,
    "bestcase": ForecastCategory.BEST_CASE,
    "commit": ForecastCategory.COMMIT,
    "closed": ForecastCategory.CLOSED,
    "omitted": ForecastCategory.OMITTED,
}


@dataclass(slots=True)
class DealRow:
    """One row of a deals file with its values parsed; `None` means 'not in the file or unreadable'.

    `supplied` names the fields the file gives a usable value for (an empty cell of a mapped
    column is supplied as 'empty'; an unreadable one is not supplied at all).
    """

    file: str
    row: int
    external_id: str | None = None
    title: str = ""
    title_given: bool = False
    account: str | None = None
    account_id: str | None = None
    product: str = ""
    amount: float | None = None
    currency: str | None = None
    close_date: dt.date | None = None
    stage: str = ""
    status: str = ""
    is_won: bool | None = None
    is_closed: bool | None = None
    is_deleted: bool = False
    probability: int | None = None
    owner: str = ""
    next_step: str = ""
    forecast_category: ForecastCategory | None = None
    created: dt.date | None = None
    quantity: float | None = None
    lost_reason: str = ""
    contact: str = ""
    supplied: set[Field] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int]:
        return self.file, self.row

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True, slots=True)
class TableReading:
    """Per-file decisions taken from all of a file's values."""

    dates: DateReading
    amounts: AmountReading
    fraction: bool


def amount_reading(
    table: Table,
    columns: Mapping[Field, int],
    given: NumberStyle | None = None,
    remembered: NumberStyle | None = None,
) -> AmountReading:
    """The number style of the table's amounts, from its amounts, delimiter and dates."""
    index = columns.get(Field.AMOUNT)
    dates = [row[columns[f]] for f in (Field.CLOSE_DATE, Field.CREATED) if f in columns for row in table.rows]
    return decide_amounts(
        [row[index] for row in table.rows] if index is not None else [],
        column=table.headers[index] if index is not None else "",
        delimiter=table.delimiter,
        dates=dates,
        given=given,
        remembered=remembered,
    )


def decide(
    table: Table,
    columns: Mapping[Field, int],
    date_order: DateOrder | None,
    amount_style: NumberStyle | None = None,
    remembered_style: NumberStyle | None = None,
) -> TableReading:
    """Date order, number style and probability scale of one file, decided once from all its values.

    `amount_style` is the seller's word for this import, `remembered_style` their word for files
    like this one before (used only when the file itself does not say).
    """

    def values(*fields: Field) -> list[str]:
        return [row[columns[f]] for f in fields if f in columns for row in table.rows]

    dates = decide_date_order(values(Field.CLOSE_DATE, Field.CREATED))
    if date_order is not None:
        dates = DateReading(date_order, True)
    return TableReading(
        dates,
        amount_reading(table, columns, amount_style, remembered_style),
        decide_fraction(values(Field.PROBABILITY)),
    )


class _Memo:
    """Parse each distinct cell text once: CRM exports repeat the same dates and amounts a lot."""

    def __init__(self, parse: Callable[[str], object]) -> None:
        self.parse = parse
        self.cache: dict[str, object] = {}

    def __call__(self, text: str) -> object:
        try:
            result = self.cache[text]
        except KeyError:
            try:
                result = self.parse(text)
            except ValueError as exc:
                result = exc
            self.cache[text] = result
        if isinstance(result, ValueError):
            raise result
        return result


class _RowReader:
    """Reads one row at a time; problems name the file, row, column and value."""

    def __init__(
        self, table: Table, columns: Mapping[Field, int], reading: TableReading, users: Mapping[str, str]
    ) -> None:
        self.table = table
        self.columns = columns
        self.users = users
        order = reading.dates.order
        self.dates = _Memo(lambda text: parse_date(text, order))
        self.amounts = _Memo(lambda text: read_amount(text, reading.amounts))
        self.probabilities = _Memo(lambda text: parse_probability(text, reading.fraction))
        self.deal = DealRow(table.name, 0)
        self.cells: Sequence[str] = ()
        self.say = _wording()

    def cell(self, f: Field) -> str | None:
        index = self.columns.get(f)
        return None if index is None else self.cells[index]

    def problem(self, f: Field, value: str, message: str, severity: Severity = Severity.WARNING) -> None:
        column = self.table.headers[self.columns[f]]
        self.deal.problems.append(Problem(self.table.name, self.deal.row, column, value, message, severity))

    def text(self, f: Field, limit: int, what: str) -> str | None:
        """The cell of `f`, or None when it is missing or too long; `what` is a key of the wording."""
        value = self.cell(f)
        if value is None:
            return None
        if len(value) > limit:
            message = self.say["too long"].format(
                what=self.say[what], length=format_number(len(value)), limit=format_number(limit)
            )
            self.problem(f, value, message)
            return None
        if looks_like_formula(value):
            self.problem(f, value, self.say["formula"])
        return value.strip()

    def read(self, number: int, cells: Sequence[str]) -> DealRow:
        self.deal = deal = DealRow(self.table.name, number)
        self.cells = cells
        self._ids_and_names()
        self._money_and_dates()
        self._stage()
        if (raw := self.cell(Field.OWNER)) is not None:
            owner = one_line(raw)[:MAX_TITLE]
            deal.owner = self.users.get(owner, owner)
        if (step := self.text(Field.NEXT_STEP, MAX_TEXT, "next step")) is not None:
            deal.next_step = step
            deal.supplied.add(Field.NEXT_STEP)
        if (raw := self.cell(Field.FORECAST_CATEGORY)) is not None:
            category = _FORECAST.get("".join(ch for ch in raw.casefold() if ch.isalnum()))
            if category is None and raw.strip():
                self.problem(
                    Field.FORECAST_CATEGORY,
                    raw,
                    self.say["forecast category"],
                )
            else:
                deal.forecast_category = category
                deal.supplied.add(Field.FORECAST_CATEGORY)
        if (reason := self.text(Field.LOST_REASON, MAX_TEXT, "lost reason")) is not None:
            deal.lost_reason = one_line(reason)
        if (contact := self.text(Field.CONTACT, MAX_TITLE, "contact name")) is not None:
            deal.contact = one_line(contact)
        return deal

    def _ids_and_names(self) -> None:
        deal = self.deal
        if (raw := self.cell(Field.EXTERNAL_ID)) is not None and raw.strip():
            if len(raw.strip()) > MAX_ID:
                self.problem(
                    Field.EXTERNAL_ID,
                    raw,
                    self.say["long id"].format(limit=MAX_ID),
                    Severity.ERROR,
                )
            else:
                deal.external_id = raw.strip()
        if (raw := self.cell(Field.TITLE)) is not None:
            title = one_line(raw)
            if len(title) > MAX_TITLE:
                self.problem(
                    Field.TITLE,
                    raw,
                    self.say["long name"].format(
                        length=format_number(len(title)), limit=format_number(MAX_TITLE)
                    ),
                    Severity.ERROR,
                )
            else:
                if looks_like_formula(title):
                    self.problem(Field.TITLE, raw, self.say["formula"])
                if title != raw.strip():
                    self.problem(Field.TITLE, raw, self.say["joined"])
                deal.title = title
                deal.title_given = bool(title)
        if (account := self.text(Field.ACCOUNT, MAX_TITLE, "account name")) is not None:
            deal.account = one_line(account) or None
            deal.supplied.add(Field.ACCOUNT)
        if (raw := self.cell(Field.ACCOUNT_ID)) is not None:
            deal.account_id = raw.strip()[:MAX_ID] or None
            deal.supplied.add(Field.ACCOUNT_ID)
        if (product := self.text(Field.PRODUCT, MAX_TITLE, "product")) is not None:
            deal.product = one_line(product)
            deal.supplied.add(Field.PRODUCT)

    def _money_and_dates(self) -> None:
        deal = self.deal
        if (raw := self.cell(Field.AMOUNT)) is not None:
            try:
                read: tuple[float | None, str | None, str | None] = self.amounts(raw)  # type: ignore[assignment]
                deal.amount, deal.currency, warning = read
                deal.supplied.add(Field.AMOUNT)
                if deal.currency:
                    deal.supplied.add(Field.CURRENCY)
                if warning:
                    self.problem(Field.AMOUNT, raw, warning)
            except ValueError as exc:
                self.problem(Field.AMOUNT, raw, self.say["amount"].format(error=exc))
        if (raw := self.cell(Field.CURRENCY)) is not None and raw.strip():
            try:
                deal.currency = check_currency(raw)
                deal.supplied.add(Field.CURRENCY)
            except ValueError:
                self.problem(Field.CURRENCY, raw, self.say["currency"])
        if (raw := self.cell(Field.CLOSE_DATE)) is not None:
            try:
                deal.close_date = self.dates(raw)  # type: ignore[assignment]
                deal.supplied.add(Field.CLOSE_DATE)
            except ValueError as exc:
                self.problem(Field.CLOSE_DATE, raw, self.say["close date"].format(error=exc))
        if (raw := self.cell(Field.CREATED)) is not None:
            try:
                deal.created = self.dates(raw)  # type: ignore[assignment]
            except ValueError as exc:
                self.problem(Field.CREATED, raw, self.say["created"].format(error=exc))
        if (raw := self.cell(Field.QUANTITY)) is not None and raw.strip():
            try:
                quantity = float(raw.replace(",", "").strip())
            except ValueError:
                quantity = -1.0
            if 0 < quantity <= 1e12:
                deal.quantity = quantity
                deal.supplied.add(Field.QUANTITY)
            else:
                self.problem(Field.QUANTITY, raw, self.say["quantity"])

    def _stage(self) -> None:
        deal = self.deal
        if (raw := self.cell(Field.STAGE)) is not None:
            deal.stage = one_line(raw)[:MAX_TITLE]
        if (raw := self.cell(Field.STATUS)) is not None:
            deal.status = raw.strip().casefold()
        for f in (Field.IS_WON, Field.IS_CLOSED, Field.IS_DELETED):
            if (raw := self.cell(f)) is not None:
                flag = parse_flag(raw)
                if flag is None:
                    self.problem(f, raw, self.say["flag"])
                if f is Field.IS_WON:
                    deal.is_won = flag
                elif f is Field.IS_CLOSED:
                    deal.is_closed = flag
                else:
                    deal.is_deleted = bool(flag)
        if (raw := self.cell(Field.PROBABILITY)) is not None:
            try:
                deal.probability = self.probabilities(raw)  # type: ignore[assignment]
                deal.supplied.add(Field.PROBABILITY)
            except ValueError as exc:
                self.problem(Field.PROBABILITY, raw, self.say["probability"].format(error=exc))


def _wording() -> dict[str, str]:
    """A row's problems in the window's language, read once per file (not once per row)."""
    return {
        "too long": translate(
            "Import", "{what} is too long ({length} characters; at most {limit}); not imported"
        ),
        "next step": translate("Import", "The next step"),
        "lost reason": translate("Import", "The lost reason"),
        "contact name": translate("Import", "The contact name"),
        "account name": translate("Import", "The account name"),
        "product": translate("Import", "The product"),
        "formula": translate("Import", "looks like a spreadsheet formula; imported as plain text"),
        "forecast category": translate(
            "Import", "is not a forecast category (Pipeline, Best Case, Commit, Closed, Omitted); ignored"
        ),
        "long id": translate("Import", "is too long for an id (at most {limit} characters)"),
        "long name": translate(
            "Import", "The deal name is too long ({length} characters; at most {limit}); the row is skipped"
        ),
        "joined": translate("Import", "had line breaks or repeated spaces; joined into one line"),
        "amount": translate("Import", "Amount is {error}; imported without an amount"),
        "currency": translate("Import", "is not a three-letter currency code such as EUR or USD; ignored"),
        "close date": translate("Import", "Close date is {error}; imported without a close date"),
        "created": translate("Import", "Created date is {error}; ignored"),
        "quantity": translate("Import", "is not a positive quantity; ignored"),
        "flag": translate("Import", "is neither true nor false; ignored"),
        "probability": translate("Import", "Probability is {error}; ignored"),
    }


def read_deal_rows(
    table: Table, columns: Mapping[Field, int], reading: TableReading, users: Mapping[str, str]
) -> list[DealRow]:
    """Every data row of a deals table, values parsed and problems attached (never raises)."""
    reader = _RowReader(table, columns, reading, users)
    return [reader.read(number, cells) for number, cells in zip(table.numbers, table.rows, strict=True)]
