"""The CRM round trip for tests: a CRM's export, the seller's planning, our file, the CRM after loading it.

`CrmCase` describes one CRM's export file; `load_into_crm` plays the CRM's import tool: it writes
each non-empty cell of our file into the CRM's records (a blank cell leaves a value as it is, as
Data Loader, HubSpot, Pipedrive and Zoho do by default) and, like those CRMs, resets a moved deal's
probability to its new stage's default unless the file gave one. The CRM's next export is then the
same file with those records.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner.exchange.crm import Column, CrmProfile
from planner.exchange.crm_export import CONTACT_ROLE_COLUMNS, CrmExport, crm_stage_values


@dataclass(frozen=True)
class CrmCase:
    """One CRM's export: its files, and how its deals file writes ids, stages, dates, probabilities."""

    profile: CrmProfile
    files: Mapping[str, str]  # file name -> CSV text
    deals_file: str
    delimiter: str = ","
    date_format: str = "%Y-%m-%d"
    probability_scale: float = 1.0  # HubSpot writes 0.2 for 20 %
    shows: Mapping[str, str] = field(default_factory=dict)  # value imported -> value exported after

    def write(self, folder: Path) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, text in self.files.items():
            (folder / name).write_text(text, encoding="utf-8")
            paths.append(folder / name)
        return paths


def rows_of(data: bytes) -> list[dict[str, str]]:
    """Our file's rows as header -> cell."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8")))
    return list(reader)


def accepted(plan_values: tuple[str, ...], case: CrmCase, original_stages: set[str]) -> set[str]:
    """The stage values the CRM accepts: the file's own and its documented stock values."""
    profile = case.profile
    closed = set() if profile.closed_by_status else {profile.won, profile.lost}
    assert set(plan_values) <= original_stages | set(profile.stages)
    return original_stages | set(profile.stages) | closed


def file_stages(case: CrmCase, folder: Path) -> set[str]:
    """The stage values the CRM's deals file holds."""
    with (folder / case.deals_file).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=case.delimiter)
        stage = case.profile.column(Column.STAGE)
        return {row[stage] for row in reader if stage}


def check_values(export: CrmExport, case: CrmCase, folder: Path, plan_values: tuple[str, ...]) -> None:
    """Every value of our file is one the CRM accepts."""
    profile = case.profile
    stages = accepted(plan_values, case, file_stages(case, folder))
    for row in rows_of(export.data):
        stage = row[profile.column(Column.STAGE) or ""]
        assert stage in stages, stage
        if (status := profile.column(Column.STATUS)) is not None:
            assert row[status] in ("open", profile.won, profile.lost)
        if (column := profile.column(Column.PROBABILITY)) is not None and row[column]:
            assert 0 <= float(row[column]) * (100 if profile.probability_as_fraction else 1) <= 100
        if (column := profile.column(Column.FORECAST_CATEGORY)) is not None and row[column]:
            assert row[column] in ("Pipeline", "Best Case", "Commit", "Closed", "Omitted")
        if (column := profile.column(Column.CLOSE_DATE)) is not None and row[column]:
            dt.date.fromisoformat(row[column])


def load_into_crm(case: CrmCase, folder: Path, export: CrmExport) -> None:
    """The CRM after its import tool loaded our file, as its next export shows it."""
    profile = case.profile
    path = folder / case.deals_file
    records = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=case.delimiter))
    header = records[0]
    at = {name: i for i, name in enumerate(header)}
    id_column = profile.column(Column.ID) or ""
    stage_column = profile.column(Column.STAGE) or ""
    probability_column = profile.column(Column.PROBABILITY) or ""
    for values in rows_of(export.data):
        record = next(r for r in records[1:] if r[at[id_column]] == values[id_column])
        before = record[at[stage_column]]
        for column, value in values.items():
            if column not in at or value == "":
                continue
            if column == profile.column(Column.CLOSE_DATE):
                value = dt.date.fromisoformat(value).strftime(case.date_format)
            record[at[column]] = case.shows.get(value, value)
        stage = record[at[stage_column]]
        if probability_column in at and not values.get(probability_column) and stage != before:
            default = profile.probabilities.get(stage.casefold())
            if default is not None:
                record[at[probability_column]] = f"{default * case.probability_scale:g}"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=case.delimiter, lineterminator="\n").writerows(records)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    if export.contact_roles is not None:
        roles_path = folder / "OpportunityContactRole.csv"
        text = roles_path.read_text(encoding="utf-8")
        for n, row in enumerate(rows_of(export.contact_roles)):
            text += f"00KNEW{n},{','.join(row[c] for c in CONTACT_ROLE_COLUMNS[:3])}\n"
        roles_path.write_text(text, encoding="utf-8")


__all__ = ["CrmCase", "check_values", "crm_stage_values", "load_into_crm", "rows_of"]
