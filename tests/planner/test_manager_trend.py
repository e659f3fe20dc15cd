"""The manager's page's accountability figures with their trend, in every format of the pack, read
back on the hand-built history of tests/planner/accountability_support.py (today 20 May 2026, the
pack's quarter 2026Q2 and the three before it), and equal to what `planner stats --json` gives.
Also: the closed deals "since the last review" show the structured close reason."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import openpyxl  # type: ignore[import-untyped]
import pytest

from planner.cli.program import main
from planner.exchange import pack_csv, pack_html, pack_json, pack_markdown, pack_xlsx
from planner.exchange.manager_trend import TITLE, TrendSection, trend
from planner.exchange.pack import Pack, PackOptions, PackScope, build_pack
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, open_plan
from tests.planner import accountability_support, since_support
from tests.planner.test_manager_page import SCHEMA, _Text

NO = "\u2013"  # no value, or no trend: an en dash
PERIODS = ["2025Q3", "2025Q4", "2026Q1", "2026Q2", "4 quarters"]
# Each figure in 2025Q3, 2025Q4, 2026Q1, 2026Q2 and the four together, as written, and its trend
# (2026Q2 against 2026Q1). The deals (accountability_support): 2025Q4 D8 lost (8,000 GBP, no rate);
# 2026Q1 D1 won 40,000 EUR, D2 won 20,000 USD = 10,000 EUR, D3 lost 30,000 EUR, D5 lost (no
# amount), D4 walked away; 2026Q2 D6 won 12,000 EUR (D7 closes after today). Nothing in 2025Q3.
EXPECTED: dict[str, tuple[list[str], str]] = {
    # won ÷ (won + lost): Q4 0/1; Q1 2/4; Q2 1/1; together 3/6.
    "Win rate (count)": ([NO, "0.0 %", "50.0 %", "100.0 %", "50.0 %"], "↑ up"),
    # Q4: D8 has no rate, nothing to compare; Q1 (40,000 + 10,000) / (50,000 + 30,000) = 62.5 %;
    # Q2 12,000 / 12,000; together 62,000 / 92,000 = 67.39 %.
    "Win rate (value)": ([NO, NO, "62.5 %", "100.0 %", "67.4 %"], "↑ up"),
    "Walked away": (["0", "0", "1", "0", "1"], "↓ down"),  # D4 in Q1; 0 < 1
    # Won deals' days from creation to close: D1 5 Jan - 1 Mar = 55, D2 10 Jan - 21 Mar = 70
    # (Q1: 62.5); D6 31 Dec - 11 Apr = 101; together (55 + 70 + 101) / 3 = 75.33.
    "Sales cycle": ([NO, NO, "62.5 days", "101.0 days", "75.3 days"], "↑ up"),
    # Q1 50,000 / 2; Q2 12,000; together 62,000 / 3 = 20,666.67.
    "Average deal size": ([NO, NO, "25,000 EUR", "12,000 EUR", "20,667 EUR"], "↓ down"),
    # decided * win rate * size ÷ cycle: Q4 nothing won: 0; Q1 4 * 0.5 * 25,000 / 62.5 = 800;
    # Q2 1 * 1 * 12,000 / 101 = 118.8; together 6 * 0.5 * 20,666.67 / 75.33 = 823.
    "Funnel velocity": (
        [NO, "0 EUR a day", "800 EUR a day", "119 EUR a day", "823 EUR a day"],
        "↓ down",
    ),
    # Slipped while open: D1, D3 of Q1's five; D6 of Q2's one; D8 none; together 3 / 7.
    "Slip rate": ([NO, "0.0 %", "40.0 %", "100.0 %", "42.9 %"], "↑ up"),
    # Entered Committed (Best Few): Q1 D1 (covered), D2 (not), D5 (last contact): 2 / 3; Q2 D6 (not).
    "Economic buyer met (Best Few)": ([NO, NO, "66.7 %", "0.0 %", "50.0 %"], "↓ down"),
    # Entered Prospect and went further: Q1 D1, D2, D3, D5 of five (D4 walked away); Q4 D8 lost.
    "Conversion: Prospect": ([NO, "0.0 %", "80.0 %", "100.0 %", "71.4 %"], "↑ up"),
    # Only Q1's deals entered Evaluating: D1 went on to Committed, D3 was lost: 1 / 2.
    "Conversion: Evaluating": ([NO, NO, "50.0 %", NO, "50.0 %"], NO),
    # Days in Committed: D1 14 Feb - 1 Mar = 15, D2 19 Feb - 21 Mar = 30, D5 1 Feb - 3 Mar = 30
    # (Q1: 75 / 3 = 25, median 30); D6 31 Mar - 11 Apr = 11; together 86 / 4 = 21.5, median 22.5.
    "Average days: Committed": ([NO, NO, "25.0 days", "11.0 days", "21.5 days"], "↓ down"),
    "Median days: Committed": ([NO, NO, "30.0 days", "11.0 days", "22.5 days"], "↓ down"),
}


@pytest.fixture
def pack(plan: PlanDB) -> Pack:
    accountability_support.build_history(plan)
    return build_pack(plan, PackScope.all_open(), PackOptions(paper="a4"), accountability_support.TODAY)


def _section(pack: Pack) -> TrendSection:
    assert pack.manager is not None
    assert pack.manager.accountability is not None
    return pack.manager.accountability


def test_the_trend_is_the_packs_quarter_against_the_one_before() -> None:
    assert (trend(50.0, 40.0), trend(40.0, 50.0), trend(1.0, 1.0)) == ("up", "down", "same")
    assert (trend(None, 1.0), trend(1.0, None)) == ("", "")


def test_the_section_holds_every_figure_per_quarter_with_its_trend(pack: Pack) -> None:
    section = _section(pack)
    assert section.title == TITLE
    assert list(section.columns) == PERIODS
    assert list(section.periods[:4]) == PERIODS[:4]
    rows = {r.label: r for r in section.rows}
    for label, (texts, arrow) in EXPECTED.items():
        assert list(rows[label].texts) == texts, label
        assert rows[label].trend_text == arrow, label
    # 8 figures, then conversion, average and median days for each of the 4 open stages.
    assert len(section.rows) == 8 + 3 * 4
    assert all(r.definition for r in section.rows)
    assert "2026Q2 is still running: counted up to 2026-05-20" in section.note


def test_the_values_are_the_ones_planner_stats_gives(
    pack: Pack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = accountability_support.history_plan(tmp_path)
    today = accountability_support.TODAY.isoformat()
    assert main(["stats", "--db", str(path), "--json", "--quarter", "2026Q2", "--today", today]) == 0
    printed = json.loads(capsys.readouterr().out)
    periods = [*printed["periods"], printed["trailing"]]
    data = json.loads(pack_json.write_json(pack, tmp_path / "pack.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    section = data["manager_page"]["accountability"]
    assert section["periods"] == [p["label"] for p in periods]
    assert len(section["rows"]) == 20
    for row in section["rows"]:
        if row["stage"]:
            stages = [next(s for s in p["stages"] if s["stage"] == row["stage"]) for p in periods]
            expected = [s[row["figure"]]["value"] for s in stages]
        else:
            expected = [p["figures"][row["figure"]]["value"] for p in periods]
        assert row["values"] == expected, row["label"]
        assert row["definition"] == printed["definitions"][row["figure"]]["definition"]
    win_rate = section["rows"][0]
    assert (win_rate["values"], win_rate["trend"]) == ([None, 0.0, 50.0, 100.0, 50.0], "up")


def _expected_table() -> list[list[str]]:
    return [[label, *texts, arrow] for label, (texts, arrow) in EXPECTED.items()]


def test_html_and_markdown_show_the_table_after_the_changes(pack: Pack, tmp_path: Path) -> None:
    parsed = _Text()
    parsed.feed(pack_html.write_html(pack, tmp_path / "pack.html").read_text(encoding="utf-8"))
    text = "".join(parsed.text)
    since, figures = text.index("Since the last review"), text.index(TITLE)
    assert since < figures < text.index("How each is counted") < text.index("Totals")
    assert ["Figure", *PERIODS, "Trend"] in parsed.rows
    for row in _expected_table():
        assert row in parsed.rows, row[0]
    assert "Trend: The pack's quarter against the quarter before it" in text
    assert "Win rate (count): Deals won ÷ deals won or lost" in text

    markdown = pack_markdown.render_markdown(pack)
    assert markdown.index("### Since the last review") < markdown.index(f"### {TITLE}")
    assert markdown.index(f"### {TITLE}") < markdown.index("## About this pack")
    cells = [
        [c.strip().replace("\\", "") for c in line.strip("|").split("|")]
        for line in markdown.splitlines()
        if line.startswith("| ")
    ]
    assert ["Figure", *PERIODS, "Trend"] in cells
    for row in _expected_table():
        assert row in cells, row[0]
    assert "- **Slip rate**: Share of the deals closed in the period" in markdown


def test_csv_and_the_workbook_carry_a_line_per_figure_and_quarter(pack: Pack, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(pack_xlsx.write_xlsx(pack, tmp_path / "pack.xlsx"))
    sheet = [[c.value or "" for c in row] for row in book["Manager's page"].iter_rows(min_row=2)]
    paths = pack_csv.write_csv(pack, tmp_path / "deals.csv")
    with paths[2].open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))[1:]
    for rows in (sheet, table):
        found = {r[1]: r[4] for r in rows if r[0] == TITLE}
        for label, (texts, arrow) in EXPECTED.items():
            assert [found[f"{label}, {p}"] for p in PERIODS] == texts, label
            assert found[f"{label}, trend"] == arrow
        # Every figure carries its definition; the section comes after the changes.
        titles = [r[0] for r in rows]
        assert titles.index(TITLE) > max(i for i, t in enumerate(titles) if t.startswith("Since"))
        line = next(r for r in rows if r[1] == "Slip rate, 2026Q1")
        assert line[5].startswith("Share of the deals closed in the period")


# ----------------------------------------------------------------------------------------------
# Since the last review: the structured close reason


def test_closed_deals_since_show_the_reason_from_the_list(plan: PlanDB, tmp_path: Path) -> None:
    ids = since_support.build_history(plan).ids
    with plan.atomic():
        opportunity_repo.set_closed(
            plan, ids["lost"], dt.date(2026, 11, 21), "they undercut us", reason_code="competitor",
            competitor="Contoso",
        )  # fmt: skip
        opportunity_repo.set_closed(plan, ids["walked"], dt.date(2026, 11, 13), "", reason_code="budget_cut")
        # A reason the seller added to the list is shown as named; no note, no competitor.
        opportunity_repo.set_closed(
            plan, ids["won"], dt.date(2026, 11, 19), "", reason_code="Fastest rollout"
        )
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), since_support.TODAY)
    expected = {
        "Old tender": "19 Nov 2026; 70,000 EUR; reason: Fastest rollout",
        "Lost bid": "21 Nov 2026; 15,000 EUR; reason: Competitor won (Contoso): they undercut us",
        "Walked": "13 Nov 2026; 8,000 EUR; reason: Budget cut",
    }
    parsed = _Text()
    parsed.feed(pack_html.write_html(pack, tmp_path / "pack.html").read_text(encoding="utf-8"))
    markdown = pack_markdown.render_markdown(pack)
    paths = pack_csv.write_csv(pack, tmp_path / "deals.csv")
    with paths[2].open(encoding="utf-8-sig", newline="") as handle:
        table = {(r[1], r[4]) for r in csv.reader(handle)}
    for deal, detail in expected.items():
        assert [deal, "—", detail] in parsed.rows
        assert f"| {deal} | — | {detail} |" in markdown
        assert (deal, detail) in table
    data = json.loads(pack_json.render_json(pack))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    lost = data["manager_page"]["since"]["lost"][0]
    assert (lost["reason"], lost["reason_code"], lost["competitor"]) == (
        "they undercut us",
        "competitor",
        "Contoso",
    )


def test_a_plan_file_closed_before_the_list_keeps_its_note(tmp_path: Path) -> None:
    # Closed without a code (imported, or before the list): the note alone, as before.
    plan = open_plan(tmp_path / "old.plan")
    try:
        since_support.build_history(plan)
        pack = build_pack(plan, PackScope.all_open(), PackOptions(), since_support.TODAY)
    finally:
        plan.close()
    data = json.loads(pack_json.render_json(pack))
    lost = data["manager_page"]["since"]["lost"][0]
    assert (lost["reason"], lost["reason_code"], lost["competitor"]) == ("Competitor won: Globex", "", "")
    assert "reason: Competitor won: Globex" in pack_markdown.render_markdown(pack)
