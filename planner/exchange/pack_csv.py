"""The review pack as two CSV files: one row per deal, and one per buying influence."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from planner import close_reasons
from planner.exchange import manager_words
from planner.exchange.files import neutralise
from planner.exchange.pack import (
    DealPack,
    NoteInfo,
    Pack,
    strip_controls,
)
from planner.exchange.pack_files import write_files_atomic
from planner.red_flags import rule_label

Cell = str | int | float | bool | dt.date | None

# Column headers; the notes column says whether private notes are in (the pack must say so).
DEAL_COLUMNS: tuple[str, ...] = (
    "Deal id",
    "CRM id",
    "Deal",
    "Account",
    "Product",
    "Quantity",
    "Amount",
    "Currency",
    "Weighted amount",
    "Close date",
    "Stage",
    "Funnel level",
    "Probability %",
    "Forecast category",
    "Current position",
    "Next step",
    "Slips",
    "Days without commitment (stale)",
    "Last customer commitment",
    "Overdue",
    "Premature",
    "Red flags",
    "Red flag reasons",
    "Strengths",
    "Created",
    "In stage since",
    "Closed on",
    "Close reason",  # the reason from the plan's list (planner.close_reasons), in English
    "Close reason code",
    "Competitor",  # who won (for a won deal, who we beat)
    "Close note",  # the seller's own words
    "Coaching notes",
    "Coaching items",
)
NOTES_SHARED = "Notes (shared only)"
NOTES_ALL = "Notes (including private)"
INFLUENCE_COLUMNS: tuple[str, ...] = (
    "Deal id",
    "Deal",
    "Account",
    "Person",
    "Title",
    "Role",
    "Degree of influence",
    "Mode",
    "Rating",
    "Result",
    "Win",
    "Concept kind",
    "Concept",
    "Met by",
    "Last contact",
    "New in the job",
    "Reports to",
    "Evidence",
)


def _notes(notes: Sequence[NoteInfo]) -> str:
    return "\n\n".join(f"[{n.created[:10]}{' private' if n.private else ''}] {n.body}" for n in notes)


def _flags(deal: DealPack, strengths: bool) -> str:
    found = deal.strengths if strengths else deal.red_flags
    return "\n".join(f"{rule_label(f.rule)}: {f.reason}" for f in found)


def deal_header(pack: Pack) -> list[str]:
    """The deal table's header row."""
    return [*DEAL_COLUMNS, NOTES_ALL if pack.include_private_notes else NOTES_SHARED]


def deal_rows(pack: Pack) -> list[list[Cell]]:
    """One row per deal, in the pack's order (values typed: dates are dates)."""
    return [
        [
            d.id,
            d.external_id or "",
            d.title,
            d.account,
            d.product,
            d.quantity,
            d.amount,
            d.currency,
            None if d.weighted is None else round(d.weighted, 2),
            d.close_date,
            d.stage,
            d.level.label,
            d.probability,
            d.forecast_category.label if d.forecast_category else "",
            d.position,
            d.next_step_text,
            d.slips,
            d.stale_days,
            d.last_commitment,
            d.overdue,
            d.premature,
            len(d.red_flags),
            _flags(d, strengths=False),
            _flags(d, strengths=True),
            d.created,
            d.stage_entered,
            d.closed_on,
            "" if d.is_open else close_reasons.english_label(d.close_reason_code),
            d.close_reason_code,
            d.close_competitor,
            d.close_reason,
            _notes(d.coaching_notes),
            "\n".join(f"{i.kind.capitalize()}: {i.text} ({i.status()})" for i in d.coaching_items),
            _notes(d.notes),
        ]
        for d in pack.deals
    ]


def influence_rows(pack: Pack) -> list[list[Cell]]:
    """One row per buying influence of every deal."""
    return [
        [
            d.id,
            d.title,
            d.account,
            bi.name,
            bi.title,
            bi.role.label,
            bi.degree.label,
            bi.mode.label,
            bi.rating,
            bi.result,
            bi.win,
            bi.concept_kind.value if bi.concept_kind else "",
            bi.concept,
            bi.covered_by,
            bi.last_contact,
            bi.new_in_job,
            bi.reports_to,
            bi.evidence,
        ]
        for d in pack.deals
        for bi in d.influences
    ]


def csv_text(value: Cell) -> str:
    """A cell as CSV text: ISO dates, 'yes'/'no', and text that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    if isinstance(value, int):
        return str(value)
    return neutralise(strip_controls(value))


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheets read accents, emoji and right-to-left text)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(h) for h in header])
    writer.writerows([csv_text(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def influences_path(path: Path) -> Path:
    """Where the influences go beside the deal table: deals.csv -> deals-influences.csv."""
    return path.with_name(f"{path.stem}-influences{path.suffix or '.csv'}")


def manager_path(path: Path) -> Path:
    """Where the manager's page goes beside the deal table: deals.csv -> deals-manager.csv."""
    return path.with_name(f"{path.stem}-manager{path.suffix or '.csv'}")


def write_csv(pack: Pack, path: Path) -> list[Path]:
    """Write the deal table to `path`, the influences and the manager's page beside it; all or none."""
    path = Path(path)
    files = [
        (path, to_csv(deal_header(pack), deal_rows(pack))),
        (influences_path(path), to_csv(INFLUENCE_COLUMNS, influence_rows(pack))),
    ]
    if pack.manager is not None:
        rows = manager_words.table_rows(pack.manager)
        files.append((manager_path(path), to_csv(manager_words.TABLE_COLUMNS, rows)))
    return write_files_atomic(files)
