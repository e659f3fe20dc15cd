"""Labels, forecast wording, import wording and locale numbers follow the window; the CLI stays English."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner import cli, i18n
from planner import forecast as fc
from planner.demo import populate_demo
from planner.exchange.layouts import Field, FileKind, check_mapping
from planner.exchange.stage_mapping import CHOSEN, FileStage, suggest
from planner.model import ForecastCategory, FunnelLevel
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan
from planner.validation import check_quantity, parse_amount
from tests.conftest import TODAY

GERMAN_MARKS = {"decimal_point": ",", "group_separator": "."}


@pytest.fixture
def german() -> Iterator[None]:
    i18n.install(lambda context, source: "DE:" + source)
    try:
        yield
    finally:
        i18n.install(None)


def test_labels_are_english_without_a_translation() -> None:
    assert [level.label for level in FunnelLevel] == [
        "Universe", "Above the Funnel", "In the Funnel", "Best Few", "Won", "Lost", "Walked away",
    ]  # fmt: skip
    assert [c.label for c in ForecastCategory] == ["Pipeline", "Best Case", "Commit", "Closed", "Omitted"]
    assert fc.ChangeKind.ADDED.label == "Added (new or reopened)"
    assert Field.CLOSE_DATE.label == "Close date"
    assert FileKind.HISTORY.label == "Stage history"
    assert fc.column_label("best_case") == "Best case"
    assert fc.Month(2026, 10).label == "Oct 2026"
    assert fc.Quarter(2026, 4).span == "Oct\u2013Dec 2026"
    assert fc.Quarter(2027, 1, 11).span == "Nov 2026\u2013Jan 2027"
    assert fc.deals_text(1) == "1 deal"


def test_labels_follow_the_installed_language(german: None) -> None:
    assert FunnelLevel.ABOVE.label == "DE:Above the Funnel"
    assert FunnelLevel.WALKED_AWAY.english_label == "Walked away"  # what the plan stores
    assert ForecastCategory.BEST_CASE.label == "DE:Best Case"
    assert fc.ChangeKind.SLIPPED.label == "DE:Close date slipped"
    assert Field.ACCOUNT.label == "DE:Account name"
    assert FileKind.DEALS.label == "DE:Deals"
    assert fc.column_label("won") == "DE:Won"
    assert fc.Month(2026, 10).label == "DE:{month} {year}".replace("{month}", "DE:Oct").replace(
        "{year}", "2026"
    )
    assert fc.deals_text(3) == "DE:3 deals"
    assert check_mapping(FileKind.DEALS, ["A"], {"B": Field.TITLE}) == ["DE:the file has no column “B”"]
    with i18n.english():
        assert FunnelLevel.ABOVE.label == "Above the Funnel"


def test_the_forecast_is_worded_in_the_installed_language(demo_plan: PlanDB, german: None) -> None:
    result = fc.load_forecast(demo_plan, None, TODAY)
    lines = fc.summary_lines(result)
    assert lines
    assert all(line.startswith("DE:") for line in lines), lines
    assert result.conversion.describe().startswith("DE:")
    assert all(d.title.startswith("DE:") and d.message.startswith("DE:") for d in result.diagnostics)
    facts = fc.load_plan_facts(demo_plan)
    for comparison in fc.comparisons(demo_plan, facts, TODAY):
        assert fc.comparison_heading(comparison).startswith("DE:")
    since = fc.comparisons(demo_plan, facts, TODAY)[0]
    assert since.label == "last week"  # the view's key stays English


def test_the_forecast_words_stay_as_they_were_in_english(demo_plan: PlanDB) -> None:
    result = fc.load_forecast(demo_plan, None, TODAY)
    for d in result.diagnostics:
        assert d.title in ("Dry top", "Jammed middle", "Best Few too small for the target")
    assert result.conversion.describe().endswith(")")
    assert fc.summary_lines(result)


def test_stage_mapping_reasons_follow_the_language_but_chosen_stays_a_key(plan: PlanDB, german: None) -> None:
    stages = stage_repo.list_stages(plan)
    in_file = [
        FileStage("Mine", 3, None, 0),
        FileStage(stages[0].name, 2, None, 1),
        FileStage("Odd", 1, 33.0, 2),
    ]
    choices = suggest(in_file, stages, given={"Mine": stages[1].name})
    assert choices["Mine"].reason == CHOSEN
    assert choices[stages[0].name].reason == "DE:same name"
    assert choices["Odd"].reason.startswith("DE:probability 33 % is nearest")


def test_the_command_line_forecast_stays_english(
    tmp_path: Path, german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.plan"
    plan = open_plan(path)
    try:
        populate_demo(plan, TODAY)
    finally:
        plan.close()
    for extra in ([], ["--json"]):
        args = cli.parse(["forecast", "--db", str(path), "--today", TODAY.isoformat(), *extra])
        assert cli.run_command(args) == 0
        out, err = capsys.readouterr()
        assert out.strip()
        assert "DE:" not in out + err
    assert json.loads(out)["funnel"][0]["label"] in ("Universe", "Above the Funnel")


def test_amounts_in_the_english_default_read_as_before() -> None:
    assert parse_amount("120,000.50") == 120000.5
    assert parse_amount("120 000") == 120000
    assert parse_amount("2,5") == 2.5  # a lone comma before other than three digits
    assert parse_amount("1.5e3") == 1500
    assert parse_amount("") is None
    assert check_quantity("2,5") == 25  # commas are thousands separators in English
    assert check_quantity("1,000") == 1000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("120.000", 120000.0),
        ("1.234,5", 1234.5),
        ("1.234.567,89", 1234567.89),
        ("120000", 120000.0),
        (" 120 000,50 ", 120000.5),
        ("120\u00a0000", 120000.0),
        ("0,5", 0.5),
        ("", None),
    ],
)
def test_amounts_with_german_marks(text: str, value: float | None) -> None:
    assert parse_amount(text, **GERMAN_MARKS) == value


@pytest.mark.parametrize("text", ["1.5", "1,234.5", "12.34.567", "1,2,3", "1.2345"])
def test_ambiguous_german_amounts_are_refused_not_misread(text: str) -> None:
    with pytest.raises(ValueError, match="could be read two ways") as raised:
        parse_amount(text, **GERMAN_MARKS)
    assert "120.000,50" in str(raised.value)


def test_german_quantities_and_bad_numbers() -> None:
    assert check_quantity("2,5", **GERMAN_MARKS) == 2.5
    assert check_quantity("1.000", **GERMAN_MARKS) == 1000
    assert check_quantity("", **GERMAN_MARKS) is None
    with pytest.raises(ValueError, match="could be read two ways"):
        check_quantity("2.5", **GERMAN_MARKS)
    with pytest.raises(ValueError, match="Quantity must be a positive number"):
        check_quantity("-2,5", **GERMAN_MARKS)
    with pytest.raises(ValueError, match=re.escape("Amount must be a number, like 120000 or 120.000,50.")):
        parse_amount("zwölf", **GERMAN_MARKS)
    with pytest.raises(ValueError, match="Amount cannot be negative"):
        parse_amount("-1,5", **GERMAN_MARKS)


def test_other_locales_marks() -> None:
    assert parse_amount("1\u2019234.5", decimal_point=".", group_separator="\u2019") == 1234.5  # Swiss
    assert parse_amount("1\u202f234,5", decimal_point=",", group_separator="\u202f") == 1234.5  # French


def test_a_day_in_words(german: None) -> None:
    assert fc._short(dt.date(2026, 11, 19)) == "DE:{day} {month} {year}".format(
        day=19, month="DE:Nov", year=2026
    )
