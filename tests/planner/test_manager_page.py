"""The manager's page in every format of the pack, read back, on the hand-built history of
tests/planner/since_support.py (the pack of 10 Nov 2026 remembered, exported on 26 Nov 2026)."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import openpyxl  # type: ignore[import-untyped]

from planner.exchange import pack_csv, pack_html, pack_json, pack_markdown, pack_xlsx
from planner.exchange.pack import Pack, PackOptions, PackScope, build_pack
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from tests.planner.pack_support import HTML_NAME, SCRIPT
from tests.planner.since_support import SINCE, TODAY, build_history

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schemas" / "opportunity-plan.schema.json").read_text())

# What each list says, written out from the history (see since_support and test_since_review).
EXPECTED_ROWS = {
    "Deals added": [("New warehouse", "New, now in Prospect; 12,000 EUR")],
    "Advanced": [("Depot fleet", "Qualified → Evaluating; customer commitment: Agreed to a trial")],
    "Moved back": [("Yard scanners", "Evaluating → Qualified")],
    "Pushed (close date later)": [("Port cranes", "1 Dec 2026 → 15 Jan 2027")],
    "Amount changed": [("Cold storage", "40,000 EUR → 55,000 EUR")],
    "Forecast category changed": [("Depot fleet", "Pipeline → Commit")],
    "Won": [("Old tender", "19 Nov 2026; 70,000 EUR; reason: Best price")],
    "Lost": [("Lost bid", "21 Nov 2026; 15,000 EUR; reason: Competitor won: Globex")],
    "Walked away": [("Walked", "13 Nov 2026; 8,000 EUR; reason: No budget")],
    "Red flags resolved": [("Port cranes", "Panic: Position -5: panic")],
}


def _history_pack(plan: PlanDB) -> Pack:
    build_history(plan)
    with plan.atomic():
        # 2026Q4 (Oct-Dec): target 200,000. Won in it: Old tender 70,000 (closed 19 Nov).
        # Commit: none closing in Q4 (Depot fleet closes 1 Feb 2027). Best case: Port cranes?
        # It closes 15 Jan 2027: not in Q4. Pipeline in Q4: Rail sensors 10,000 (30 Nov).
        settings_repo.set_setting(plan, "targets", {"2026Q4": 200_000})
    return build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)


def test_the_page_holds_the_quarter_and_the_changes_since_the_last_pack(plan: PlanDB) -> None:
    pack = _history_pack(plan)
    page = pack.manager
    assert page is not None
    q = page.quarter
    assert (q.quarter, q.target, q.won, q.commit, q.best_case, q.pipeline) == (
        "2026Q4",
        200_000,
        70_000,
        0,
        0,
        10_000,
    )
    # Gap = 200,000 - (70,000 + 0) = 130,000; coverage = (0 + 0 + 10,000) / (200,000 - 70,000).
    assert q.gap == 130_000
    assert q.coverage is not None
    assert abs(q.coverage - 10_000 / 130_000) < 1e-9
    # No day chosen: since the last pack the plan remembers (10 Nov 2026).
    assert page.since_source == "last_pack"
    assert page.since is not None
    assert page.since.since == SINCE
    assert page.forecast_call is not None  # no call recorded: tests/planner/test_manager_call.py
    assert page.accountability is not None  # tests/planner/test_manager_trend.py checks it


def test_a_chosen_day_replaces_the_last_pack(plan: PlanDB) -> None:
    build_history(plan)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(since=dt.date(2026, 11, 17)), TODAY)
    assert pack.manager is not None
    assert pack.manager.since_source == "chosen"
    assert pack.manager.since is not None
    assert [c.deal.title for c in pack.manager.since.won] == ["Old tender"]
    assert pack.manager.since.walked_away == ()  # 13 Nov: before the chosen day


class _Text(html.parser.HTMLParser):
    """The document's text, and its table rows as lists of cell text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def test_html_opens_with_the_page_and_every_list(plan: PlanDB, tmp_path: Path) -> None:
    pack = _history_pack(plan)
    path = pack_html.write_html(pack, tmp_path / "pack.html")
    parsed = _Text()
    parsed.feed(path.read_text(encoding="utf-8"))
    text = "".join(parsed.text)
    assert text.index("Manager's page") < text.index("Totals") < text.index("All deals")
    assert "Since the last review (10 Nov 2026)" in text
    for title, rows in EXPECTED_ROWS.items():
        assert f"{title} ({len(rows)})" in text
        for deal, detail in rows:
            assert [deal, "—", detail] in parsed.rows, (title, deal)  # no account: a dash
    assert [
        "Gap",
        "130,000 EUR",
        "Target - (won + commit): what Best Case and Pipeline must still bring (negative: ahead).",
    ] in parsed.rows


def test_markdown_xlsx_and_csv_carry_the_same_lists(plan: PlanDB, tmp_path: Path) -> None:
    pack = _history_pack(plan)
    markdown = pack_markdown.render_markdown(pack)
    assert markdown.index("## Manager's page") < markdown.index("## Totals")
    for title, rows in EXPECTED_ROWS.items():
        assert f"#### {title} ({len(rows)})" in markdown
    assert "| Port cranes | — | 1 Dec 2026 → 15 Jan 2027 |" in markdown

    book = openpyxl.load_workbook(pack_xlsx.write_xlsx(pack, tmp_path / "pack.xlsx"))
    assert book.sheetnames[0] == "Manager's page"
    sheet_rows = [tuple(c.value for c in row) for row in book["Manager's page"].iter_rows(min_row=2)]
    paths = pack_csv.write_csv(pack, tmp_path / "deals.csv")
    with paths[2].open(encoding="utf-8-sig", newline="") as handle:
        csv_rows = list(csv.reader(handle))[1:]
    heading = "Since the last review (10 Nov 2026)"
    for title, rows in EXPECTED_ROWS.items():
        for deal, detail in rows:
            found = [r[4] for r in sheet_rows if r[0] == f"{heading}: {title}" and r[1] == deal]
            assert found == [detail], (title, deal)
            assert [f"{heading}: {title}", deal] == next(
                r[:2] for r in csv_rows if r[1] == deal and title in r[0]
            )
    assert sheet_rows[6][:5] == ("The quarter", "Gap", None, None, "130,000 EUR")


def test_json_carries_the_page_and_matches_the_schema(plan: PlanDB, tmp_path: Path) -> None:
    pack = _history_pack(plan)
    data = json.loads(pack_json.write_json(pack, tmp_path / "pack.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    page = data["manager_page"]
    assert page["quarter"]["target"] == 200_000
    assert page["quarter"]["gap"] == 130_000
    since = page["since"]
    assert (since["since"], since["review_on"], page["since_source"]) == (
        "2026-11-10",
        "2026-11-10",
        "last_pack",
    )
    assert [(p["deal"]["name"], p["old"], p["new"]) for p in since["pushed"]] == [
        ("Port cranes", "2026-12-01", "2027-01-15")
    ]
    assert [(c["deal"]["name"], c["old"], c["new"]) for c in since["categories"]] == [
        ("Depot fleet", "pipeline", "commit")
    ]
    assert [a["commitments"] for a in since["advanced"]] == [["Agreed to a trial"]]
    assert [(f["deal"]["name"], f["rule"]) for f in since["flags_resolved"]] == [("Port cranes", "panic")]
    assert page["forecast_call"]["rows"][0]["value"] == "No call recorded"
    assert page["accountability"]["title"] == "Accountability figures"


def test_without_an_earlier_pack_the_page_says_how_to_get_the_list(plan: PlanDB) -> None:
    build_history(plan, with_review=False)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)
    assert pack.manager is not None
    assert pack.manager.since is None
    markdown = pack_markdown.render_markdown(pack)
    assert "No pack has been exported from this plan yet" in markdown
    # A chosen day lists the changes, but red flags are unknown without a pack to compare with.
    pack = build_pack(plan, PackScope.all_open(), PackOptions(since=SINCE), TODAY)
    text = pack_markdown.render_markdown(pack)
    assert "Not known: no pack was exported on or before 10 Nov 2026" in text


def test_hostile_deal_names_are_text_on_the_page(plan: PlanDB, tmp_path: Path) -> None:
    build_history(plan)
    with plan.atomic():
        plan.execute("UPDATE opportunity SET title = ? WHERE title = 'Old tender'", [HTML_NAME])
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)
    document = pack_html.render_html(pack)
    assert SCRIPT not in document
    assert "<b>Bold</b>" not in document
    parsed = _Text()
    parsed.feed(document)
    assert [HTML_NAME, "—", "19 Nov 2026; 70,000 EUR; reason: Best price"] in parsed.rows
    assert "script" not in parsed.tags
    markdown = pack_markdown.render_markdown(pack)
    assert "<script>" not in markdown
    data = io.StringIO(pack_json.render_json(pack))
    assert json.load(data)["manager_page"]["since"]["won"][0]["deal"]["name"] == HTML_NAME
