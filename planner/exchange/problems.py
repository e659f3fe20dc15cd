"""What is wrong with an imported file or row, worded so the seller can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planner import i18n
from planner.i18n import format_number, translate

# Values quoted in messages are cut to this length: a megabyte-long cell must not become a
# megabyte-long message.
QUOTE_LIMIT = 60


class Severity(StrEnum):
    """ERROR: the file or row is not imported. WARNING: imported, with something missing or adjusted."""

    ERROR = "error"
    WARNING = "warning"


def quote(value: str) -> str:
    """A cell value as a message shows it: one line, at most QUOTE_LIMIT characters."""
    flat = " ".join(value.split())
    if len(flat) > QUOTE_LIMIT:
        return translate("Import", "{start}… ({count} characters)").format(
            start=flat[: QUOTE_LIMIT - 1], count=format_number(len(value))
        )
    return flat


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: which file, row (as a spreadsheet numbers it) and column, the value, what is wrong.

    `row` is None for a problem with the whole file.
    """

    file: str
    row: int | None
    column: str
    value: str
    message: str
    severity: Severity = Severity.WARNING

    def line(self) -> str:
        """'deals.csv, row 12, Amount “-5”: Amount cannot be negative; imported without an amount.'

        In the window's language (the message is already: it was worded when the problem was found).
        """
        if self.row is None and not self.column and not self.value and self.message.startswith(self.file):
            return self.message  # a whole-file message names its file itself
        where = self.file
        if self.row is not None:
            row = translate("Import", "row {row}").format(row=self.row)
            where = f"{where}, {row}" if where else row
        if self.column:
            where += f", {self.column}"
        if self.value:
            where += f" “{quote(self.value)}”"
        return f"{where}: {self.message}" if where else self.message

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "value": quote(self.value),
            "message": self.message,
            "severity": self.severity.value,
        }


class FileError(Exception):
    """A file that cannot be read as a table at all; the message says why, for the seller."""


class ImportCancelledError(Exception):
    """The seller cancelled while the import was running; nothing was written."""


def plural(count: int, one: str, many: str) -> str:
    """'1 deal', '2 deals', '1,234 deals': `one` or `many`, translated sources with an `{n}`, filled
    with the count in the window's number marks ('1.234 Deals' in German)."""
    return i18n.plural(count, one, many).format(n=format_number(count))
