"""Text and workbooks to tables: delimiter and header-row detection, CSV quoting, XLSX cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from planner.exchange.problems import FileError, Problem, Severity
from planner.i18n import translate

# The largest file the importer reads (CSV text or one workbook): far above any CRM export of
# one seller, far below what would exhaust memory.
MAX_FILE_BYTES = 200_000_000
_DELIMITERS = (",", ";", "\t", "|")
# How many leading records may precede the header (report titles, "Filtered by" lines).
_HEADER_SEARCH = 30


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet of data: its header cells and rows of text cells (rows padded to the header).

    `numbers` gives each row's number as a spreadsheet shows it (the header of a plain CSV is row 1).
    """

    name: str
    headers: tuple[str, ...]
    rows: Sequence[Sequence[str]]
    numbers: Sequence[int]
    encoding: str = ""
    delimiter: str = ""
    problems: tuple[Problem, ...] = field(default=())


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, and most regular, columns."""
    lines = [line for line in text[:65536].splitlines()[:40] if line.strip()]
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) == 5:
        return lines[0][4]
    best, best_score = ",", -1.0
    for delimiter in _DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        # Regular rows matter more than wide ones: a comma inside text must not win over tabs.
        score = count / len(widths) * 100 + width
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _filled(record: Sequence[str]) -> int:
    return sum(1 for cell in record if cell.strip())


def _looks_numeric(cell: str) -> bool:
    text = cell.strip().replace(",", "").replace(".", "").replace("-", "").replace("/", "")
    return text.isdigit()


def find_header(records: Sequence[Sequence[str]]) -> int:
    """Index of the header record: the first wide row of mostly words (titles above it are skipped)."""
    head = records[:_HEADER_SEARCH]
    widest = max((_filled(r) for r in head), default=0)
    need = max(2, (widest + 1) // 2) if widest >= 2 else 1
    for index, record in enumerate(head):
        if _filled(record) < need:
            continue
        words = [c for c in record if c.strip()]
        if sum(_looks_numeric(c) for c in words) * 2 > len(words):
            continue
        return index
    return 0


def _unique_headers(cells: Sequence[str]) -> tuple[str, ...]:
    seen: Counter[str] = Counter()
    result: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = " ".join(cell.replace("\ufeff", "").split()) or f"Column {position}"
        seen[name] += 1
        result.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(result)


def table_from_records(
    name: str, records: Sequence[Sequence[str]], *, encoding: str = "", delimiter: str = ""
) -> Table:
    """Find the header, pad rows to it and drop blank rows (numbers keep the spreadsheet's)."""
    if not records or not any(_filled(r) for r in records):
        raise FileError(translate("Import", "is empty"))
    start = find_header(records)
    headers = _unique_headers(records[start])
    width = len(headers)
    rows: list[Sequence[str]] = []
    numbers: list[int] = []
    problems: list[Problem] = []
    extra_cells = translate(
        "Import", "has {cells} cells but the header has {width}; the extra cells are ignored"
    )
    for index in range(start + 1, len(records)):
        record = records[index]
        filled = _filled(record)
        if not filled:
            continue
        number = index + 1
        if len(record) > width and any(c.strip() for c in record[width:]):
            problems.append(
                Problem(
                    name,
                    number,
                    "",
                    "",
                    extra_cells.format(cells=len(record), width=width),
                )
            )
        if len(record) < width:
            record = [*record, *([""] * (width - len(record)))]
        elif len(record) > width:
            record = record[:width]
        rows.append(record)
        numbers.append(number)
    # Report footers ("Grand Totals (8 records)", "Copyright (c) salesforce.com") fill only the
    # first cell of the last rows; such a row in the middle of the data is kept as data.
    while rows and width >= 3 and _is_footer(rows[-1]):
        problems.append(
            Problem(
                name,
                numbers[-1],
                "",
                rows[-1][0],
                translate("Import", "is not a data row (only one cell filled); ignored"),
            )
        )
        rows.pop()
        numbers.pop()
    if not rows:
        raise FileError(translate("Import", "has a header row but no data rows"))
    return Table(name, headers, rows, numbers, encoding, delimiter, tuple(problems))


def _is_footer(record: Sequence[str]) -> bool:
    return bool(record[0].strip()) and not any(c.strip() for c in record[1:])


def parse_csv(name: str, text: str, encoding: str = "") -> Table:
    """A CSV (or TSV) text as a table; FileError for broken quoting, with the line."""
    delimiter = sniff_delimiter(text)
    # The limit is process-wide in the csv module; a megabyte-long cell is reported per row
    # by the importer instead of stopping the whole file here.
    csv.field_size_limit(MAX_FILE_BYTES)
    lines = text.splitlines(keepends=True)
    if lines and lines[0].lower().startswith("sep="):
        lines = ["\n", *lines[1:]]  # keep the line count: row numbers stay the spreadsheet's
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    start = 1
    try:
        for record in reader:
            records.append(record)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileError(
            translate(
                "Import",
                "cannot be read as CSV: in the row starting on line {start}, a quoted cell is "
                "not closed or text follows its closing quote ({error}); save the file again "
                "from the spreadsheet",
            ).format(start=start, error=exc)
        ) from None
    return table_from_records(name, records, encoding=encoding, delimiter=delimiter)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def read_xlsx(name: str, data: bytes) -> list[Table]:
    """Every sheet with data of an XLSX workbook (openpyxl read-only: constant memory per row)."""
    import openpyxl  # type: ignore[import-untyped]  # no stubs; here, not at start-up (its import is slow)

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it does not read; so do we.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, key errors) for broken files
        raise FileError(
            translate("Import", "cannot be read as an XLSX workbook ({kind}: {error})").format(
                kind=type(exc).__name__, error=exc
            )
        ) from None
    tables: list[Table] = []
    refusals: list[str] = []
    try:
        sheets = list(book.worksheets)
        for sheet in sheets:
            records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            label = name if len(sheets) == 1 else f"{name} [{sheet.title}]"
            try:
                tables.append(table_from_records(label, records, encoding="XLSX"))
            except FileError as exc:
                refusals.append(str(exc))
    except Exception as exc:
        raise FileError(
            translate("Import", "cannot be read as an XLSX workbook ({kind}: {error})").format(
                kind=type(exc).__name__, error=exc
            )
        ) from None
    finally:
        book.close()
    if not tables:
        raise FileError(refusals[0] if refusals else translate("Import", "is empty"))
    return tables


def blank_problem(name: str, message: str) -> Problem:
    """A whole-file error."""
    return Problem(name, None, "", "", message, Severity.ERROR)
