"""The review pack as an Excel workbook: a Deals sheet, an Influences sheet and what the pack holds."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from planner.exchange import manager_words
from planner.exchange.files import neutralise
from planner.exchange.pack import Pack, human_date, private_notes_text, strip_controls
from planner.exchange.pack_csv import INFLUENCE_COLUMNS, Cell, deal_header, deal_rows, influence_rows
from planner.exchange.pack_files import write_bytes_atomic

# Excel refuses a cell longer than this; a longer note is cut with a mark saying so.
MAX_CELL = 32_767
_CUT = " […cut: see the PDF or HTML pack for the whole text]"
# Columns that hold long text: wrapped and wide.
_WIDE = {
    "Deal",
    "Next step",
    "Red flag reasons",
    "Strengths",
    "Close note",
    "Coaching notes",
    "Result",
    "Win",
    "Concept",
    "Evidence",
    "Value or what changed",
    "How it is counted",
}


def xlsx_value(value: Cell) -> Any:
    """A cell value openpyxl writes as data: neutralised text (never a formula), real dates."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        text = neutralise(strip_controls(value))
        return text if len(text) <= MAX_CELL else text[: MAX_CELL - len(_CUT)] + _CUT
    return value


def _sheet(book: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    sheet = book.create_sheet(title)
    sheet.append([xlsx_value(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row in rows:
        sheet.append([xlsx_value(v) for v in row])
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        wide = name in _WIDE or name.startswith("Notes")
        sheet.column_dimensions[letter].width = 48 if wide else max(10, min(len(name) + 2, 24))
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"  # ISO dates, and still real dates
            cell.alignment = wrap if wide else top
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def render_xlsx(pack: Pack) -> bytes:
    """The workbook's bytes."""
    import openpyxl  # type: ignore[import-untyped]  # no stubs; imported when used (slow import)

    book = openpyxl.Workbook()
    book.remove(book.active)
    if pack.manager is not None:  # the pack opens with the manager's page: the first sheet
        _sheet(book, "Manager's page", manager_words.TABLE_COLUMNS, manager_words.table_rows(pack.manager))
    _sheet(book, "Deals", deal_header(pack), deal_rows(pack))
    _sheet(book, "Influences", INFLUENCE_COLUMNS, influence_rows(pack))
    about: list[list[Cell]] = [
        ["Plan", pack.plan_name],
        ["Seller", pack.seller],
        ["Scope", pack.scope_text],
        ["Exported", f"{human_date(pack.today)} ({pack.exported_at:%Y-%m-%d %H:%M} UTC)"],
        ["Private notes", private_notes_text(pack)],
        ["Currency", pack.base_currency],
        ["Deals", len(pack.deals)],
    ]
    _sheet(book, "About this pack", ["", ""], about)
    book.properties.title = strip_controls(pack.title)
    book.properties.creator = "Opportunity Planner"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsx(pack: Pack, path: Path) -> Path:
    """Write the workbook atomically (readable by its owner only)."""
    return write_bytes_atomic(path, render_xlsx(pack))
