"""The accountability figures on a hand-built history (tests/planner/accountability_support.py),
each with its arithmetic written out; `planner stats --json` gives the same values."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from planner import accountability as acc
from planner.accountability import Figure, Figures, PeriodFigures
from planner.calendar import Quarter
from planner.cli.program import main
from planner.storage.db import PlanDB, open_memory
from tests.planner.accountability_support import TODAY, build_history, history_plan

DOCS = Path(__file__).resolve().parents[2] / "docs" / "accountability.md"


@pytest.fixture
def result() -> Figures:
    plan = open_memory()
    try:
        build_history(plan)
        return acc.figures(plan, None, today=TODAY)
    finally:
        plan.close()


def _period(result: Figures, label: str) -> PeriodFigures:
    return next(p for p in result.periods if p.label == label)


def _value(period: PeriodFigures, key: str) -> float | None:
    return period.figure(key).value


def test_the_four_quarters_end_with_the_running_one(result: Figures) -> None:
    assert [p.label for p in result.quarters] == ["2025Q3", "2025Q4", "2026Q1", "2026Q2"]
    assert result.trailing.label == "2025Q3\u20132026Q2"
    # 2026Q2 runs: it counts up to today, so D7 (closed on 2026-06-15) is in no period yet.
    assert _period(result, "2026Q2").end == TODAY
    assert result.trailing.start == dt.date(2025, 7, 1)
    assert result.trailing.end == TODAY


def test_win_rates_count_won_against_lost_and_walk_aways_apart(result: Figures) -> None:
    q1 = _period(result, "2026Q1")
    # Closed in 2026Q1: D1, D2 won; D3, D5 lost; D4 walked away.
    assert (q1.won, q1.lost, q1.walked_away) == (2, 2, 1)
    assert q1.figure("win_rate_count") == Figure("win_rate_count", 50.0, 2, 4)  # 2 ÷ (2 + 2)
    # Won: D1 40,000 EUR + D2 20,000 USD * 0.5 = 10,000 EUR -> 50,000; lost: D3 30,000 (D5 has
    # no amount: left out) -> 50,000 ÷ 80,000 = 62.5 %.
    assert q1.figure("win_rate_value") == Figure("win_rate_value", 62.5, 50_000, 80_000)
    assert q1.without_value == 1
    assert q1.figure("walk_aways") == Figure("walk_aways", 1.0, 1, 5)
    q4 = _period(result, "2025Q4")
    # D8 lost, 8,000 GBP without a rate: 0 ÷ 1 by count, nothing to divide by value.
    assert _value(q4, "win_rate_count") == 0.0
    assert _value(q4, "win_rate_value") is None
    assert q4.without_value == 1
    trailing = result.trailing
    # Won D1, D2, D6; lost D3, D5, D8: 3 ÷ 6.
    assert _value(trailing, "win_rate_count") == 50.0
    # 40,000 + 10,000 + 12,000 = 62,000 won; 30,000 lost -> 62,000 ÷ 92,000 = 67.39 %.
    assert _value(trailing, "win_rate_value") == 67.4
    assert trailing.without_value == 2
    assert _value(trailing, "walk_aways") == 1.0


def test_sales_cycle_deal_size_and_velocity(result: Figures) -> None:
    q1 = _period(result, "2026Q1")
    # D1: 2026-01-05 -> 03-01 = 26 + 28 + 1 = 55 days; D2: 01-10 -> 03-21 = 21 + 28 + 21 = 70.
    assert q1.figure("sales_cycle") == Figure("sales_cycle", 62.5, 125, 2)  # (55 + 70) ÷ 2
    assert q1.figure("deal_size") == Figure("deal_size", 25_000.0, 50_000, 2)  # 50,000 ÷ 2
    # 4 decided * 50 % * 25,000 ÷ 62.5 days = 800 a day.
    assert _value(q1, "velocity") == 800.0
    q2 = _period(result, "2026Q2")
    # D6: 2025-12-31 -> 2026-04-11 = 31 + 28 + 31 + 11 = 101 days; 1 * 100 % * 12,000 ÷ 101 = 118.8.
    assert _value(q2, "sales_cycle") == 101.0
    assert _value(q2, "velocity") == 119.0
    # 2025Q4: a deal lost and none won: the funnel turned nothing into wins.
    assert _value(_period(result, "2025Q4"), "velocity") == 0.0
    assert _value(_period(result, "2025Q4"), "sales_cycle") is None
    trailing = result.trailing
    assert _value(trailing, "sales_cycle") == 75.3  # (55 + 70 + 101) ÷ 3 = 75.33
    assert _value(trailing, "deal_size") == 20_667.0  # 62,000 ÷ 3 = 20,666.67
    # 6 * 50 % * 20,666.67 ÷ 75.33 = 62,000 ÷ 75.33 = 823.0
    assert _value(trailing, "velocity") == 823.0


def test_slip_rate_counts_later_close_dates_while_open(result: Figures) -> None:
    q1 = _period(result, "2026Q1")
    # D1 (moved 02-15 -> 03-15 on 02-10) and D3 (02-01 -> 02-28 on 01-20) slipped; D2's move
    # to later was made on its closing day (closing sets the date): no slip. 2 of 5.
    assert q1.figure("slip_rate") == Figure("slip_rate", 40.0, 2, 5)
    assert _value(_period(result, "2026Q2"), "slip_rate") == 100.0  # D6, 1 of 1
    assert _value(result.trailing, "slip_rate") == 42.9  # D1, D3, D6: 3 of 7 = 42.86 %


def test_economic_buyer_met_before_best_few(result: Figures) -> None:
    q1 = _period(result, "2026Q1")
    # Entered Committed (Best Few): D1 (covered by Ana), D2 (no coverage), D5 (a last contact).
    assert q1.figure("economic_buyer_met") == Figure("economic_buyer_met", 66.7, 2, 3)
    assert _value(_period(result, "2026Q2"), "economic_buyer_met") == 0.0  # D6: no coverage
    assert _value(_period(result, "2025Q4"), "economic_buyer_met") is None  # none reached Best Few
    assert _value(result.trailing, "economic_buyer_met") == 50.0  # 2 of D1, D2, D5, D6


def test_stage_conversion_and_days(result: Figures) -> None:
    stages = {s.stage: s for s in _period(result, "2026Q1").stages}
    assert list(stages) == ["Prospect", "Qualified", "Evaluating", "Committed"]
    # Prospect: all five entered; D4 walked away from it, the others went on: 4 of 5.
    # Days: D1 10, D2 10, D3 10, D4 20, D5 10 -> 60 ÷ 5 = 12.0, median 10.
    p = stages["Prospect"]
    assert (p.entered, p.advanced, p.conversion.value) == (5, 4, 80.0)
    assert (p.average_days.value, p.median_days.value) == (12.0, 10.0)
    # Qualified: D1, D2, D3, D5 all went further (D2 and D5 skipped Evaluating): 4 of 4.
    # Days: D1 20 (01-15 -> 02-04), D2 30, D3 20, D5 20 -> 90 ÷ 4 = 22.5; median (20 + 20) ÷ 2.
    q = stages["Qualified"]
    assert (q.entered, q.advanced, q.conversion.value) == (4, 4, 100.0)
    assert (q.average_days.value, q.median_days.value) == (22.5, 20.0)
    # Evaluating: D1 won, D3 lost from it: 1 of 2; days D1 10, D3 20.
    e = stages["Evaluating"]
    assert (e.entered, e.advanced, e.conversion.value) == (2, 1, 50.0)
    assert (e.average_days.value, e.median_days.value) == (15.0, 15.0)
    # Committed: D1, D2 won, D5 lost: 2 of 3 = 66.7 %; days D1 15 (02-14 -> 03-01), D2 30, D5 30.
    c = stages["Committed"]
    assert (c.entered, c.advanced, c.conversion.value) == (3, 2, 66.7)
    assert (c.average_days.value, c.median_days.value) == (25.0, 30.0)
    trailing = {s.stage: s for s in result.trailing.stages}
    # Prospect adds D6 (90 days, went on) and D8 (45 days, lost): 5 of 7 = 71.4 %;
    # 10 + 10 + 10 + 20 + 10 + 90 + 45 = 195 ÷ 7 = 27.86; sorted 10 10 10 [10] 20 45 90.
    p = trailing["Prospect"]
    assert (p.entered, p.advanced, p.conversion.value) == (7, 5, 71.4)
    assert (p.average_days.value, p.median_days.value) == (27.9, 10.0)
    # Committed adds D6 (11 days, won): 3 of 4; 15 + 30 + 30 + 11 = 86 ÷ 4 = 21.5; median (15 + 30) ÷ 2.
    c = trailing["Committed"]
    assert (c.entered, c.advanced, c.conversion.value) == (4, 3, 75.0)
    assert (c.average_days.value, c.median_days.value) == (21.5, 22.5)


def test_an_empty_quarter_has_no_figures(result: Figures) -> None:
    q3 = _period(result, "2025Q3")
    assert (q3.won, q3.lost, q3.walked_away) == (0, 0, 0)
    for key in ("win_rate_count", "win_rate_value", "sales_cycle", "deal_size", "velocity", "slip_rate"):
        assert _value(q3, key) is None
    assert acc.figure_text(q3.figure("velocity"), "EUR") == "\u2013"


def test_a_chosen_quarter_and_count(plan: PlanDB) -> None:
    build_history(plan)
    one = acc.figures(plan, Quarter(2026, 1), 1, today=TODAY)
    assert [p.label for p in one.quarters] == ["2026Q1"]
    assert one.trailing.label == "2026Q1"
    assert _value(one.trailing, "win_rate_count") == 50.0
    with pytest.raises(ValueError, match="1 to 40 quarters"):
        acc.figures(plan, None, 0, today=TODAY)


def test_the_cli_json_holds_the_same_values(
    result: Figures, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = history_plan(tmp_path)
    assert main(["stats", "--db", str(path), "--json", "--today", TODAY.isoformat()]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(acc.figures_json(result)))
    q1 = printed["periods"][2]
    assert q1["label"] == "2026Q1"
    assert q1["figures"]["win_rate_value"] == {"value": 62.5, "part": 50_000, "whole": 80_000}
    assert q1["figures"]["velocity"]["value"] == 800
    assert printed["trailing"]["figures"]["slip_rate"]["value"] == 42.9
    assert printed["trailing"]["stages"][0]["stage_conversion"]["value"] == 71.4
    assert set(printed["definitions"]) == set(acc.DEFINITIONS)


def test_the_cli_table_and_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = history_plan(tmp_path)
    assert main(["stats", "--db", str(path), "--quarters", "2", "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Win rate \(value\)\s+62\.5 %\s+100\.0 %\s+67\.4 %", out), out
    assert re.search(r"Funnel velocity\s+800 EUR a day\s+119 EUR a day", out), out
    assert main(["stats", "--db", str(path), "--quarters", "x"]) == 2
    assert "not a number of quarters" in capsys.readouterr().err
    assert main(["stats", "--db", str(tmp_path / "missing.plan")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_every_definition_is_in_the_docs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for key, definition in acc.DEFINITIONS.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{key}` |")), None)
        assert row is not None, key
        assert f"| {definition.name} |" in row, key
        assert definition.text in row, key
