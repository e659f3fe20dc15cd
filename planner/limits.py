"""The program's limits in one place: what the window's editors, the importers and the review files accept.

Files from others (CRM exports, ZIPs, plan bundles, review notes) are read within these bounds,
so a hostile or broken file is refused with one sentence instead of exhausting memory or
freezing the window; values are held to the same ranges the window's editors enforce, so a
file cannot put into a plan what the seller could not type.
"""

from __future__ import annotations

import datetime as dt

from planner.errors import OperationError
from planner.i18n import format_number, translate
from planner.model import MAX_AMOUNT, MAX_RATING, MIN_RATING
from planner.validation import MAX_TEXT, MAX_TITLE

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_AMOUNT",
    "MAX_BUNDLE_BYTES",
    "MAX_COMMITMENTS",
    "MAX_ID",
    "MAX_NOTE",
    "MAX_NOTES_FILE_BYTES",
    "MAX_PROBABILITY",
    "MAX_QUANTITY",
    "MAX_RATE",
    "MAX_RATING",
    "MAX_STAGES",
    "MAX_STALE_DAYS",
    "MAX_TABLE_BYTES",
    "MAX_TABLE_CELLS",
    "MAX_TABLE_ROWS",
    "MAX_TEXT",
    "MAX_TITLE",
    "MAX_UNPACKED_BYTES",
    "MAX_ZIP_ENTRIES",
    "MIN_RATING",
    "LimitError",
    "check_count",
    "check_date",
    "check_length",
    "check_range",
]

# --- Files --------------------------------------------------------------------------------------
# One CSV (a file, or a member of a ZIP), or one XLSX file: bytes actually read, not as declared.
# A seller's CRM export is tens of thousands of rows, a few megabytes to a few tens.
MAX_TABLE_BYTES = 100_000_000
# Rows of one table (blank ones count: they cost reading time too). Ten times the largest
# export a seller's CRM makes of their own deals; a million-row file is refused at this row,
# long before it costs memory.
MAX_TABLE_ROWS = 100_000
# Cells of one table (rows times columns): what its text costs in memory (about 60 bytes each).
MAX_TABLE_CELLS = 5_000_000
# All members of a ZIP together, as actually unpacked (a Salesforce export's unused files are
# only read from their first megabyte); for an XLSX workbook, its parts as declared (which
# Python's zipfile enforces: it never unpacks more than a part declares).
MAX_UNPACKED_BYTES = 200_000_000
# Entries of a ZIP's directory (a weekly export with attachments has a few thousand).
MAX_ZIP_ENTRIES = 10_000
# A plan bundle: about 6 KB a deal with its history, so some five thousand deals. Parsed JSON can
# cost some 20 times its bytes (a file of empty objects), so the bound is the memory's too.
MAX_BUNDLE_BYTES = 30_000_000
# A review-notes file: a thousand notes of the longest length fit.
MAX_NOTES_FILE_BYTES = 10_000_000

# --- Values -------------------------------------------------------------------------------------
# Record ids: positive and within SQLite's 64-bit INTEGER.
MAX_ID = 2**63 - 1
# A note, as the window's note editors take it (the seller's and the manager's).
MAX_NOTE = MAX_TEXT
# Stage settings: "Stale after" from 1 day to ten years (0 is "never"), probabilities in percent.
MAX_STALE_DAYS = 3650
MAX_PROBABILITY = 100
# Stages of a plan: the method's funnel has nine; a board of more columns is no funnel. A
# stage's customer exit commitments: one a line, a handful each.
MAX_STAGES = 50
MAX_COMMITMENTS = 20
# Quantities and exchange rates, as the deal dialog and the currency settings take them.
MAX_QUANTITY = 1e12
MAX_RATE = 1e9
# Dates anywhere in a plan: what the window's date fields take.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


class LimitError(OperationError):
    """A value or file beyond one of these limits; the message names where it is."""


def _where(where: str, problem: str) -> str:
    return f"{where}: {problem}" if where else problem


def _shown(value: int) -> str:
    text = str(value)
    return text if len(text) <= 40 else f"{text[:37]}…"


def check_range(value: int, low: int, high: int, where: str = "") -> int:
    """`value` when low <= value <= high; LimitError otherwise ("x.y: 800000 is more than 3650")."""
    if value > high:
        raise LimitError(
            _where(
                where,
                translate("Limits", "{value} is more than {limit}").format(value=_shown(value), limit=high),
            )
        )
    if value < low:
        raise LimitError(
            _where(
                where,
                translate("Limits", "{value} is less than {limit}").format(value=_shown(value), limit=low),
            )
        )
    return value


def check_length(text: str, limit: int, where: str = "") -> str:
    """`text` when it has at most `limit` characters; LimitError otherwise."""
    if len(text) > limit:
        raise LimitError(
            _where(
                where,
                translate("Limits", "{length} characters, more than {limit}").format(
                    length=format_number(len(text)), limit=format_number(limit)
                ),
            )
        )
    return text


def check_count(count: int, limit: int, where: str = "") -> int:
    """`count` (of items in a list) when at most `limit`; LimitError otherwise."""
    if count > limit:
        raise LimitError(
            _where(
                where,
                translate("Limits", "{count} items, more than {limit}").format(
                    count=format_number(count), limit=format_number(limit)
                ),
            )
        )
    return count


def check_date(value: dt.date, where: str = "") -> dt.date:
    """`value` when the window's date fields could hold it (1900 to 2200); LimitError otherwise."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise LimitError(
            _where(
                where,
                translate("Limits", "{date} is not between the years {first} and {last}").format(
                    date=value.isoformat(), first=EARLIEST_DATE.year, last=LATEST_DATE.year
                ),
            )
        )
    return value
