"""Text and workbooks to tables: delimiter and header-row detection, CSV quoting, XLSX cells."""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from planner.exchange.decoding import TextReader
from planner.exchange.problems import FileError, Problem
from planner.i18n import format_number, translate
from planner.limits import MAX_TABLE_BYTES, MAX_TABLE_CELLS, MAX_TABLE_ROWS

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


class TooLargeError(FileError):
    """A file beyond the importer's limits (planner.limits): refused whole, with the limit."""


def _too_many_rows() -> FileError:
    return TooLargeError(
        translate(
            "Import", "has more than {limit} rows; export fewer rows (at most {limit} per file)"
        ).format(limit=format_number(MAX_TABLE_ROWS))
    )


def _too_many_cells() -> FileError:
    return TooLargeError(
        translate(
            "Import", "has more than {limit} cells; export fewer rows or columns (at most {limit} per file)"
        ).format(limit=format_number(MAX_TABLE_CELLS))
    )


def table_from_records(
    name: str,
    records: Iterable[Sequence[str]],
    *,
    encoding: str | Callable[[], str] = "",
    delimiter: str = "",
    extra: Callable[[], Iterable[Problem]] = tuple,
) -> Table:
    """Find the header, pad rows to it and drop blank rows (numbers keep the spreadsheet's).

    `records` is read once, as it comes: the header is found in its first records, and a table
    of more than MAX_TABLE_ROWS rows or MAX_TABLE_CELLS cells is refused at the record that
    passes the limit. `encoding` may be a function, asked once every record is read (a text
    file's encoding is known at its end), and so may `extra` problems.
    """
    stream = iter(records)
    head = [record for _, record in zip(range(_HEADER_SEARCH), stream, strict=False)]
    if not head:
        raise FileError(translate("Import", "is empty"))
    start = find_header(head)
    headers = _unique_headers(head[start]) if head else ()
    width = len(headers)
    rows: list[Sequence[str]] = []
    numbers: list[int] = []
    problems: list[Problem] = []
    extra_cells = translate(
        "Import", "has {cells} cells but the header has {width}; the extra cells are ignored"
    )
    cells = 0
    read = 0
    for index, record in enumerate(_chain_records(head[start + 1 :], stream), start=start + 1):
        read += 1
        if read > MAX_TABLE_ROWS:
            raise _too_many_rows()
        cells += max(len(record), width)
        if cells > MAX_TABLE_CELLS:
            raise _too_many_cells()
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
    if not rows and not any(_filled(r) for r in head):
        raise FileError(translate("Import", "is empty"))
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
    label = encoding() if callable(encoding) else encoding
    return Table(name, headers, rows, numbers, label, delimiter, (*extra(), *problems))


def _chain_records(first: Sequence[Sequence[str]], rest: Iterator[Sequence[str]]) -> Iterator[Sequence[str]]:
    yield from first
    yield from rest


def _is_footer(record: Sequence[str]) -> bool:
    return bool(record[0].strip()) and not any(c.strip() for c in record[1:])


def parse_csv(name: str, text: str, encoding: str = "") -> Table:
    """A CSV (or TSV) text as a table; FileError for broken quoting, with the line."""
    return parse_lines(name, text.splitlines(keepends=True), encoding)


def read_csv(name: str, chunks: Iterable[bytes]) -> Table:
    """A CSV file from its bytes, decoded and parsed as they are read (never held whole).

    Lines of a mostly UTF-8 file that had to be read as Windows-1252 are reported per row.
    """
    reader = TextReader(chunks)
    fallback_rows: list[int] = []

    def not_utf8() -> list[Problem]:
        if not reader.mixed:
            return []
        message = translate(
            "Import",
            "is not UTF-8 like the rest of the file; it was read as Windows-1252: check its accented letters",
        )
        return [Problem(name, row, "", "", message) for row in fallback_rows]

    def read(record_index: int, lines: range) -> None:
        if any(line in reader.fallbacks for line in lines):
            fallback_rows.append(record_index + 1)

    return parse_lines(name, reader.lines(), lambda: reader.label, extra=not_utf8, on_record=read)


def parse_lines(
    name: str,
    lines: Iterable[str],
    encoding: str | Callable[[], str] = "",
    *,
    extra: Callable[[], Iterable[Problem]] = tuple,
    on_record: Callable[[int, range], None] | None = None,
) -> Table:
    """Lines of CSV (or TSV) text as a table, read once as they come; FileError for broken quoting.

    `on_record(index, lines)` is told each record's index and the numbers of its lines (from 0,
    as `lines` yields them): how a reader finds the rows of lines it had to decode another way.
    """
    stream = iter(lines)
    # The delimiter is sniffed from the first lines, kept to be parsed with the rest.
    head: list[str] = []
    size = filled = 0
    for line in stream:
        head.append(line)
        size += len(line)
        filled += bool(line.strip())
        if size >= 65536 or filled >= 40:
            break
    delimiter = sniff_delimiter("".join(head))
    # The limit is process-wide in the csv module; a megabyte-long cell is reported per row
    # by the importer instead of stopping the whole file here.
    csv.field_size_limit(MAX_TABLE_BYTES)
    if head and head[0].lower().startswith("sep="):
        head[0] = "\n"  # keep the line count: row numbers stay the spreadsheet's
    consumed = 0  # lines the csv reader took so far: it takes each record's lines, no more

    def counted() -> Iterator[str]:
        nonlocal consumed
        for line in _chain_lines(head, stream):
            consumed += 1
            yield line

    reader = csv.reader(counted(), delimiter=delimiter, strict=True)

    def records() -> Iterator[list[str]]:
        start = 1
        index = 0
        first_line = 0
        try:
            for record in reader:
                if on_record is not None:
                    on_record(index, range(first_line, consumed))
                    first_line = consumed
                yield record
                index += 1
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

    return table_from_records(name, records(), encoding=encoding, delimiter=delimiter, extra=extra)


def _chain_lines(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


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


def read_xlsx(name: str, data: bytes | IO[bytes]) -> list[Table]:
    """Every sheet with data of an XLSX workbook (openpyxl read-only: constant memory per row).

    A sheet beyond the limits of planner.limits refuses the workbook (TooLargeError), so the
    seller reads why rather than finding another sheet imported in its place.
    """
    import openpyxl  # type: ignore[import-untyped]  # no stubs; here, not at start-up (its import is slow)

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it does not read; so do we.
            warnings.simplefilter("ignore")
            source = io.BytesIO(data) if isinstance(data, bytes) else data
            book = openpyxl.load_workbook(source, read_only=True, data_only=True)
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
            records = ([_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True))
            label = name if len(sheets) == 1 else f"{name} [{sheet.title}]"
            try:
                tables.append(table_from_records(label, records, encoding="XLSX"))
            except TooLargeError as exc:
                if len(sheets) == 1:
                    raise
                raise TooLargeError(f"[{sheet.title}] {exc}") from None
            except FileError as exc:
                refusals.append(str(exc))
    except FileError:
        raise
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
