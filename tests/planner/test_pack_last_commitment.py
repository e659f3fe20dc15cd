"""The deal table's "Last commitment" column, read back from every format that has the table."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

from planner.exchange import pack_csv, pack_html, pack_json, pack_markdown, pack_xlsx
from planner.exchange.pack import Pack, PackOptions, PackScope, build_pack
from planner.model import Commitment
from planner.storage import evidence as evidence_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.forecast_support import add_deal

EARLIER = dt.date(2026, 10, 2)
LATEST = dt.date(2026, 11, 3)


def _pack(plan: PlanDB) -> tuple[Pack, int, int]:
    """A pack of two open deals: one with two commitments (the latest on LATEST), one with none."""
    with_evidence = add_deal(plan, "Qualified", 50_000, TODAY + dt.timedelta(days=40), title="Depot fleet")
    without = add_deal(plan, "Prospect", 20_000, TODAY + dt.timedelta(days=50), title="Yard scanners")
    with plan.atomic():
        for day, what in ((EARLIER, "Agreed to a discovery meeting"), (LATEST, "Shared the budget range")):
            evidence_repo.insert_commitment(plan, Commitment(0, with_evidence, what, day))
    return build_pack(plan, PackScope.all_open(), PackOptions(), TODAY), with_evidence, without


class _Table(html.parser.HTMLParser):
    """The cells of every table row, as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _column(rows: list[list[str]], header: str, first_cell: str) -> dict[str, str]:
    """The deal title in `first_cell`'s column -> the cell under `header`, from the table whose
    header row has both."""
    head = next(r for r in rows if header in r and first_cell in r)
    start = rows.index(head)
    where, title = head.index(header), head.index(first_cell)
    return {r[title]: r[where] for r in rows[start + 1 :] if len(r) == len(head)}


def test_html_and_markdown_show_the_day_of_the_last_commitment(plan: PlanDB) -> None:
    pack, _with, _without = _pack(plan)
    parsed = _Table()
    parsed.feed(pack_html.render_html(pack))
    cells = _column(parsed.rows, "Last commitment", "Deal")
    assert cells == {"Depot fleet": "3 Nov 2026", "Yard scanners": "—"}

    lines = pack_markdown.render_markdown(pack).splitlines()
    table = [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in lines[lines.index("## All deals") :]
        if line.startswith("|") and not line.startswith("| -") and not line.startswith("|-")
    ]
    cells = _column(table, "Last commitment", "Deal")
    assert cells == {"Depot fleet": "3 Nov 2026", "Yard scanners": "—"}


def test_csv_xlsx_and_json_give_the_day_as_a_date(plan: PlanDB, tmp_path: Path) -> None:
    pack, with_evidence, without = _pack(plan)
    text = pack_csv.to_csv(pack_csv.deal_header(pack), pack_csv.deal_rows(pack)).decode("utf-8-sig")
    rows = {r["Deal"]: r["Last customer commitment"] for r in csv.DictReader(io.StringIO(text))}
    assert rows == {"Depot fleet": "2026-11-03", "Yard scanners": ""}

    book = openpyxl.load_workbook(pack_xlsx.write_xlsx(pack, tmp_path / "pack.xlsx"))
    sheet = book["Deals"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    title, day = header.index("Deal"), header.index("Last customer commitment")
    values = {row[title].value: row[day].value for row in sheet.iter_rows(min_row=2)}
    assert values["Yard scanners"] is None
    assert values["Depot fleet"].date() == LATEST  # a real date cell, not text

    data = json.loads(pack_json.render_json(pack))
    by_id = {d["id"]: d["status"]["last_commitment"] for d in data["opportunities"]}
    assert by_id == {with_evidence: "2026-11-03", without: None}
