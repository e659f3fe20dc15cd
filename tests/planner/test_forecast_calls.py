"""Forecast calls: recorded with the deals behind them, one per quarter and day, and their accuracy
week by week on a hand-built quarter (the arithmetic written out)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from planner import calendar
from planner import forecast_calls as calls_api
from planner.exchange import pack_json, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.forecast_calls import CallEntry, DifferenceKind
from planner.model import ForecastCategory
from planner.operations import OperationError
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.planner.forecast_support import add_deal, stage

Q4 = calendar.Quarter(2026, 4)  # Thu 1 Oct 2026 - Thu 31 Dec 2026: weeks from Mon 28 Sep to Mon 28 Dec
Q1 = calendar.Quarter(2027, 1)
SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "resources" / "schemas" / "opportunity-plan.schema.json"
    ).read_text()
)


def _close(plan: PlanDB, deal_id: int, stage_name: str, day: dt.date) -> None:
    target = stage(plan, stage_name)
    opportunity_repo.set_stage(plan, deal_id, target.id, entered=day, last_open_stage_id=None)
    opportunity_repo.set_closed(plan, deal_id, day, "Because")


def _quarter_plan(plan: PlanDB) -> dict[str, int]:
    """Six deals in EUR (the base currency), as they stand in early October."""
    with plan.atomic():
        return {
            "A": add_deal(
                plan, "Committed", 100_000, dt.date(2026, 11, 15), title="A", category=ForecastCategory.COMMIT
            ),
            "B": add_deal(
                plan, "Committed", 50_000, dt.date(2026, 12, 10), title="B", category=ForecastCategory.COMMIT
            ),
            "C": add_deal(
                plan, "Evaluating", 30_000, dt.date(2026, 12, 20), title="C", category=ForecastCategory.COMMIT
            ),
            "D": add_deal(
                plan,
                "Evaluating",
                40_000,
                dt.date(2026, 12, 1),
                title="D",
                category=ForecastCategory.BEST_CASE,
            ),
            "E": add_deal(
                plan, "Prospect", 20_000, dt.date(2026, 12, 15), title="E", category=ForecastCategory.PIPELINE
            ),
            "F": add_deal(
                plan, "Won", 10_000, dt.date(2026, 10, 5), title="F", closed_on=dt.date(2026, 10, 5)
            ),
        }


def _record(
    plan: PlanDB, day: dt.date, commit: float, best_case: float, stamp: str, comment: str = ""
) -> None:
    calls_api.record_calls(plan, [CallEntry(Q4, commit, best_case, comment)], day, recorded_at=stamp)


def test_a_call_is_proposed_from_the_categories_and_keeps_its_deals(plan: PlanDB) -> None:
    _quarter_plan(plan)
    proposal = calls_api.propose(plan, Q4, dt.date(2026, 10, 7))
    # Won 10,000 (F); Commit = won + A 100,000 + B 50,000 + C 30,000 = 190,000;
    # Best Case = Commit + D 40,000 = 230,000. E is Pipeline: in neither.
    assert (proposal.won, proposal.commit, proposal.best_case) == (10_000, 190_000, 230_000)
    _record(plan, dt.date(2026, 10, 7), 180_000, 230_000, "2026-10-07T09:00:00+00:00", "B is a stretch")
    (call,) = calls_api.calls(plan, Q4)
    assert (call.commit, call.best_case, call.proposed_commit, call.proposed_best_case, call.won) == (
        180_000,
        230_000,
        190_000,
        230_000,
        10_000,
    )
    assert call.comment == "B is a stretch"
    assert call.called_on == dt.date(2026, 10, 7)
    assert sorted((d.title, d.category.value, d.value) for d in call.deals) == [
        ("A", "commit", 100_000),
        ("B", "commit", 50_000),
        ("C", "commit", 30_000),
        ("D", "best_case", 40_000),
        ("F", "closed", 10_000),
    ]
    assert calls_api.calls(plan, Q1) == ()
    assert calls_api.last_call(plan, Q1) is None


def test_a_second_call_on_the_same_day_replaces_the_first(plan: PlanDB) -> None:
    _quarter_plan(plan)
    day = dt.date(2026, 11, 2)
    _record(plan, day, 190_000, 230_000, "2026-11-02T09:00:00+00:00")
    before = calls_api.day_state(plan, day)
    _record(plan, day, 185_000, 225_000, "2026-11-02T16:00:00+00:00")
    (call,) = calls_api.calls(plan, Q4)
    assert (call.commit, call.best_case) == (185_000, 225_000)
    # What undo does: the day's calls as they were, with their ids and deals.
    calls_api.restore_day(plan, day, before)
    (call,) = calls_api.calls(plan, Q4)
    assert (call.commit, call.best_case, len(call.deals)) == (190_000, 230_000, 5)
    calls_api.restore_day(plan, day, calls_api.day_state(plan, dt.date(2026, 11, 3)))  # an empty day
    assert calls_api.calls(plan, Q4) == ()
    assert plan.query("SELECT count(*) FROM forecast_call_deal") == [(0,)]


@pytest.mark.parametrize(
    ("commit", "best_case", "message"),
    [(-1.0, 10.0, "between 0"), (float("nan"), 10.0, "between 0"), (200.0, 100.0, "cannot be lower")],
)
def test_impossible_calls_are_refused(plan: PlanDB, commit: float, best_case: float, message: str) -> None:
    with pytest.raises(OperationError, match=message):
        calls_api.record_calls(plan, [CallEntry(Q4, commit, best_case)], dt.date(2026, 10, 7))
    assert calls_api.calls(plan, Q4) == ()


def test_accuracy_per_week_and_the_deals_that_made_the_difference(plan: PlanDB) -> None:
    deals = _quarter_plan(plan)
    # Week of Mon 5 Oct: two calls, the Friday one is the week's last word.
    _record(plan, dt.date(2026, 10, 7), 180_000, 230_000, "2026-10-07T09:00:00+00:00")
    _record(plan, dt.date(2026, 10, 9), 170_000, 220_000, "2026-10-09T09:00:00+00:00")
    # Week of Mon 2 Nov: one call, re-recorded the same day (the second replaces the first).
    _record(plan, dt.date(2026, 11, 2), 190_000, 230_000, "2026-11-02T09:00:00+00:00")
    _record(plan, dt.date(2026, 11, 2), 185_000, 225_000, "2026-11-02T15:00:00+00:00")
    # What then happened: A won for 95,000 (not 100,000), B lost, C's close date moved into
    # January, D (Best Case) won, E (Pipeline) won.
    with plan.atomic():
        a = opportunity_repo.get_opportunity(plan, deals["A"])
        assert a is not None
        plan.execute("UPDATE opportunity SET amount = 95000 WHERE id = ?", [deals["A"]])
        _close(plan, deals["A"], "Won", dt.date(2026, 11, 20))
        _close(plan, deals["B"], "Lost", dt.date(2026, 12, 5))
        opportunity_repo.set_close_date(plan, deals["C"], dt.date(2026, 12, 20), dt.date(2027, 1, 15))
        _close(plan, deals["D"], "Won", dt.date(2026, 12, 2))
        _close(plan, deals["E"], "Won", dt.date(2026, 12, 15))

    result = calls_api.accuracy(plan, Q4, dt.date(2027, 1, 10))
    assert result.ended
    # Won in Q4: F 10,000 + A 95,000 + D 40,000 + E 20,000 = 165,000 (4 deals).
    assert (result.won, result.won_count) == (165_000, 4)
    assert [c.commit for c in result.calls] == [180_000, 170_000, 185_000]
    # 14 weeks: Mondays 28 Sep ... 28 Dec.
    assert len(result.weeks) == 14
    assert result.weeks[0].week == dt.date(2026, 9, 28)
    assert result.weeks[-1].week == dt.date(2026, 12, 28)
    called = {w.week: w for w in result.weeks if w.call is not None}
    assert sorted(called) == [dt.date(2026, 10, 5), dt.date(2026, 11, 2)]

    october = called[dt.date(2026, 10, 5)]
    assert october.call is not None
    assert october.call.called_on == dt.date(2026, 10, 9)
    # Commit: 165,000 - 170,000 = -5,000; 165,000 / 170,000 = 97.06 %.
    assert october.commit_difference == -5_000
    assert october.commit_percent == pytest.approx(97.0588, abs=1e-3)
    # Best Case: 165,000 - 220,000 = -55,000; 165,000 / 220,000 = 75 %.
    assert october.best_case_difference == -55_000
    assert october.best_case_percent == pytest.approx(75.0)
    assert sorted((d.kind, d.title, d.called, d.won, d.effect) for d in october.differences) == sorted(
        [
            (DifferenceKind.COMMITTED_LOST, "B", 50_000, 0, -50_000),
            (DifferenceKind.SLIPPED_OUT, "C", 30_000, 0, -30_000),
            (DifferenceKind.WON_OUTSIDE, "D", 0, 40_000, 40_000),
            (DifferenceKind.WON_OUTSIDE, "E", 0, 20_000, 20_000),
        ]
    )
    # The seller called 170,000 where the deals said 190,000: an adjustment of -20,000.
    # Other = difference - deals' effects + adjustment = -5,000 - (-20,000) + (-20,000) = -5,000:
    # A, committed at 100,000, won for 95,000.
    assert october.adjustment == -20_000
    assert october.other == -5_000

    november = called[dt.date(2026, 11, 2)]
    assert november.call is not None
    assert november.call.commit == 185_000
    # 165,000 - 185,000 = -20,000; 165,000 / 185,000 = 89.19 %; adjustment 185,000 - 190,000 = -5,000;
    # other = -20,000 - (-20,000) + (-5,000) = -5,000.
    assert november.commit_difference == -20_000
    assert november.commit_percent == pytest.approx(89.189, abs=1e-3)
    assert (november.adjustment, november.other) == (-5_000, -5_000)
    assert result.last_week is november
    # The won amount by day: F 5 Oct 10,000; A 20 Nov 105,000; D 2 Dec 145,000; E 15 Dec 165,000.
    assert result.won_by_day == (
        (dt.date(2026, 10, 5), 10_000),
        (dt.date(2026, 11, 20), 105_000),
        (dt.date(2026, 12, 2), 145_000),
        (dt.date(2026, 12, 15), 165_000),
    )
    as_json = calls_api.accuracy_json(result)
    assert as_json["won"] == 165_000
    assert [w["commit_percent"] for w in as_json["weeks"] if w["call_id"]] == [97.1, 89.2]


def test_before_the_quarter_ends_accuracy_counts_won_so_far(plan: PlanDB) -> None:
    _quarter_plan(plan)
    _record(plan, dt.date(2026, 10, 7), 180_000, 230_000, "2026-10-07T09:00:00+00:00")
    result = calls_api.accuracy(plan, Q4, dt.date(2026, 10, 20))
    assert not result.ended
    week = result.weeks[1]
    # Only F is won so far: 10,000 - 180,000 = -170,000; the committed deals are still open.
    assert (week.won, week.commit_difference) == (10_000, -170_000)
    assert {d.kind for d in week.differences} == {DifferenceKind.COMMITTED_OPEN}


# The review bundle ------------------------------------------------------------------------------


def _without_ids(value: Any) -> Any:
    """A call's id is the plan's own: the review plan numbers the calls it reads anew."""
    if isinstance(value, dict):
        # A deal's id stays (it names the seller's deal); a call's is dropped.
        keep = "category" in value or "funnel_level" in value or "kind" in value
        return {k: _without_ids(v) for k, v in value.items() if keep or k not in ("id", "call_id")}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_the_bundle_carries_the_calls_and_last_quarters_accuracy(plan: PlanDB, tmp_path: Path) -> None:
    deals = _quarter_plan(plan)
    _record(plan, dt.date(2026, 10, 9), 170_000, 220_000, "2026-10-09T09:00:00+00:00", "<b>B</b> & co")
    with plan.atomic():
        plan.execute("UPDATE opportunity SET amount = 95000 WHERE id = ?", [deals["A"]])
        _close(plan, deals["A"], "Won", dt.date(2026, 11, 20))
        _close(plan, deals["B"], "Lost", dt.date(2026, 12, 5))
        opportunity_repo.set_close_date(plan, deals["C"], dt.date(2026, 12, 20), dt.date(2027, 1, 15))
        _close(plan, deals["D"], "Won", dt.date(2026, 12, 2))
        _close(plan, deals["E"], "Won", dt.date(2026, 12, 15))
    today = dt.date(2027, 1, 12)  # 2027Q1: 2026Q4 is last quarter
    calls_api.record_calls(plan, [CallEntry(Q1, 5_000, 7_000, "new year")], today)
    # The pack holds only the open deals (C): the won and lost ones are not in it.
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), today)
    assert [d.title for d in pack.deals] == ["C"]
    data = pack_json.bundle(pack)
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    path = pack_json.write_json(pack, tmp_path / "bundle.json")
    loaded = review.load_bundle(path)
    try:
        for quarter in (Q4, Q1):
            mine = calls_api.accuracy_json(calls_api.accuracy(plan, quarter, today))
            theirs = calls_api.accuracy_json(calls_api.accuracy(loaded.plan, quarter, today))
            assert _without_ids(theirs) == _without_ids(mine)
        last = calls_api.last_call(loaded.plan, Q4)
        assert last is not None
        assert (last.commit, last.comment) == (170_000, "<b>B</b> & co")
        reviewed = calls_api.accuracy(loaded.plan, Q4, today)
        assert reviewed.won == 165_000  # though no won deal is in the bundle
        assert reviewed.last_week is not None
        assert reviewed.last_week.commit_percent == pytest.approx(165_000 / 170_000 * 100)
    finally:
        loaded.plan.close()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda calls: calls[0].update(commit=-5), "forecast_calls.calls[0].commit"),
        (lambda calls: calls[0].update(called_on="someday"), "forecast_calls.calls[0].called_on"),
        (
            lambda calls: calls[0]["deals"][0].update(category="maybe"),
            "forecast_calls.calls[0].deals[0].category",
        ),
    ],
)
def test_a_bad_call_in_a_bundle_is_refused_in_one_line(
    plan: PlanDB, tmp_path: Path, change: Any, where: str
) -> None:
    _quarter_plan(plan)
    _record(plan, dt.date(2026, 10, 9), 170_000, 220_000, "2026-10-09T09:00:00+00:00")
    data = pack_json.bundle(build_pack(plan, PackScope.all_open(), PackOptions(), dt.date(2026, 10, 20)))
    change(data["forecast_calls"]["calls"])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(review.ReviewError) as caught:
        review.load_bundle(path)
    assert where in str(caught.value)
    assert "\n" not in str(caught.value)
