"""The manager's page's last forecast call and its change since the previous one, in every format
of the pack, read back (the history of tests/planner/since_support.py, exported on 26 Nov 2026)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import openpyxl  # type: ignore[import-untyped]

from planner import calendar
from planner import forecast_calls as calls_api
from planner.exchange import pack_csv, pack_html, pack_json, pack_markdown, pack_xlsx
from planner.exchange.pack import Pack, PackOptions, PackScope, build_pack
from planner.forecast_calls import CallEntry
from planner.storage.db import PlanDB
from tests.planner.pack_support import HTML_NAME, SCRIPT
from tests.planner.since_support import TODAY, build_history
from tests.planner.test_manager_page import SCHEMA, _Text

Q4 = calendar.Quarter(2026, 4)  # the page's quarter: today (26 Nov 2026) is in it
Q1 = calendar.Quarter(2027, 1)
TITLE = "Last forecast call"
COMMENT = "Old tender is in; " + HTML_NAME

# The rows written out: the last call for 2026Q4 is the one of 23 Nov 2026 (the 2027Q1 call
# recorded later that day is another quarter's). The call before it is that of 9 Nov 2026.
#   Commit change    = 95,000 - 80,000   = +15,000 EUR: "up 15,000 EUR"
#   Best Case change = 110,000 - 120,000 = -10,000 EUR: "down 10,000 EUR"
EXPECTED = [
    ("Called on", "23 Nov 2026"),
    ("Commit", "95,000 EUR"),
    ("Best Case", "110,000 EUR"),
    ("Comment", COMMENT),
    ("Previous call", "9 Nov 2026"),
    ("Commit change", "up 15,000 EUR"),
    ("Best Case change", "down 10,000 EUR"),
]


def _calls_pack(plan: PlanDB) -> Pack:
    build_history(plan)
    calls_api.record_calls(
        plan, [CallEntry(Q4, 80_000, 120_000, "First")], dt.date(2026, 11, 9), "2026-11-09T09:00:00+00:00"
    )
    calls_api.record_calls(
        plan,
        [CallEntry(Q4, 95_000, 110_000, COMMENT), CallEntry(Q1, 50_000, 60_000, "Next")],
        dt.date(2026, 11, 23),
        "2026-11-23T09:00:00+00:00",
    )
    return build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)


def test_the_page_holds_the_last_call_and_its_change(plan: PlanDB) -> None:
    page = _calls_pack(plan).manager
    assert page is not None
    assert page.forecast_call is not None
    assert page.forecast_call.title == TITLE
    assert [(r.label, r.value) for r in page.forecast_call.rows] == EXPECTED
    assert all(r.definition for r in page.forecast_call.rows)
    change = calls_api.last_change(plan, Q4)
    assert change is not None
    assert change.previous is not None
    assert (change.commit_change, change.best_case_change) == (15_000, -10_000)


def test_a_quarter_without_calls_says_so_and_a_first_call_has_no_change(plan: PlanDB) -> None:
    build_history(plan)
    page = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY).manager
    assert page is not None
    assert page.forecast_call is not None
    assert [(r.label, r.value) for r in page.forecast_call.rows] == [("Last call", "No call recorded")]
    calls_api.record_calls(plan, [CallEntry(Q4, 80_000, 120_000)], dt.date(2026, 11, 9))
    page = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY).manager
    assert page is not None
    assert page.forecast_call is not None
    rows = {r.label: r.value for r in page.forecast_call.rows}
    assert (rows["Comment"], rows["Previous call"]) == ("none", "none")
    assert rows["Commit change"] == rows["Best Case change"] == "— (the quarter's first call)"


def test_html_markdown_xlsx_and_csv_show_the_call(plan: PlanDB, tmp_path: Path) -> None:
    pack = _calls_pack(plan)
    document = pack_html.render_html(pack)
    assert SCRIPT not in document  # the seller's comment is text, never markup
    parsed = _Text()
    parsed.feed(document)
    text = "".join(parsed.text)
    assert text.index("The quarter") < text.index(TITLE) < text.index("Funnel balance")
    for label, value in EXPECTED:
        assert [label, value] in [r[:2] for r in parsed.rows], label

    markdown = pack_markdown.render_markdown(pack)
    assert f"### {TITLE}" in markdown
    assert "<script>" not in markdown
    lines = markdown.splitlines()
    for label, value in [*EXPECTED[:3], *EXPECTED[4:]]:  # the comment is escaped (below)
        assert any(line.startswith(f"| {label} | {value} |") for line in lines), label
    assert "| Comment | Old tender is in; Acme &lt;b&gt;Bold&lt;/b&gt;" in markdown

    book = openpyxl.load_workbook(pack_xlsx.write_xlsx(pack, tmp_path / "pack.xlsx"))
    sheet = [tuple(c.value for c in row) for row in book["Manager's page"].iter_rows(min_row=2)]
    assert [(r[1], r[4]) for r in sheet if r[0] == TITLE] == EXPECTED
    paths = pack_csv.write_csv(pack, tmp_path / "deals.csv")
    with paths[2].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [(r[1], r[4]) for r in rows if r[0] == TITLE] == EXPECTED


def test_json_carries_the_call_and_matches_the_schema(plan: PlanDB, tmp_path: Path) -> None:
    pack = _calls_pack(plan)
    data = json.loads(pack_json.write_json(pack, tmp_path / "pack.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    section = data["manager_page"]["forecast_call"]
    assert section["title"] == TITLE
    assert [(r["label"], r["value"]) for r in section["rows"]] == EXPECTED
