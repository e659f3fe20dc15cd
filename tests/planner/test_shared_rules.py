"""Rules written once: the forecast, the pack and the rule engine agree on one deal's numbers and words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from planner import forecast, funnel, red_flags
from planner.exchange import pack_markdown
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.pack_markdown import render_markdown
from planner.model import ActionStatus, CompetitionKind, ConceptKind, Degree, Mode, Role
from planner.sheet import load_sheet, load_sheets
from planner.stages import probability
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY


def _override(plan: PlanDB, percent: int, count: int) -> set[int]:
    """Give `count` open deals the seller's own probability; their ids."""
    rows = plan.query(
        "SELECT o.id FROM opportunity o JOIN stage s ON s.id = o.stage_id"
        " WHERE s.level NOT IN ('won', 'lost', 'walked_away') ORDER BY o.id LIMIT ?",
        [count],
    )
    ids = {r[0] for r in rows}
    with plan.atomic():
        for deal_id in ids:
            plan.execute("UPDATE opportunity SET probability_override = ? WHERE id = ?", [percent, deal_id])
    return ids


def test_the_forecast_and_the_pack_give_each_deal_the_same_probability(demo_plan: PlanDB) -> None:
    overridden = _override(demo_plan, 65, 3)
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    in_pack = {d.id: d.probability for d in pack.deals}
    facts = forecast.load_plan_facts(demo_plan)
    snapshot = {row[0]: row[-1] for row in forecast.snapshot_rows(facts)}
    quarter = forecast.compute(facts, forecast.quarter_of(TODAY), TODAY)
    counted = {d.id: d.probability for d in quarter.deals if not d.level.is_closed}
    assert counted, "the demo plan has open deals closing this quarter"
    assert snapshot == in_pack
    assert counted == {deal_id: in_pack[deal_id] for deal_id in counted}
    assert {in_pack[i] for i in overridden} == {65}
    # Every other deal is at its stage's default.
    stages = {s.name: s for s in stage_repo.list_stages(demo_plan)}
    for deal in pack.deals:
        if deal.id not in overridden:
            assert deal.probability == stages[deal.stage].probability


def test_the_override_wins_and_zero_is_an_override() -> None:
    assert probability(None, 25) == 25
    assert probability(80, 25) == 80
    assert probability(0, 25) == 0


def test_the_pack_words_a_deals_warnings_as_the_funnel_rules_do(demo_plan: PlanDB) -> None:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    facts = red_flags.load_facts(demo_plan, [d.id for d in pack.deals])
    worded = 0
    for deal in pack.deals:
        one = facts[deal.id]
        status = funnel.status(one.timing, one.rule, TODAY)
        assert deal.warnings == tuple(funnel.status_words(status, deal.close_date, TODAY))
        worded += bool(deal.warnings)
    assert worded
    overdue = [d for d in pack.deals if d.overdue]
    assert overdue
    day = overdue[0].close_date
    assert day is not None
    assert funnel.overdue_reason(day, TODAY) in overdue[0].warnings
    # As the details panel words it (funnel.status_words), in the pack's warnings too.
    warned = [
        line
        for line in pack_markdown.render_markdown(pack).splitlines()
        if line.startswith("- **Warnings:**")
    ]
    assert any(funnel.overdue_reason(day, TODAY) in line for line in warned)


def test_every_rule_and_every_choice_has_one_label() -> None:
    for rule in red_flags.RULE_ORDER:
        assert red_flags.rule_label(rule) != rule, rule
    assert red_flags.rule_label("uncovered-influence:influence:12") == "Uncovered influence"
    assert red_flags.rule_label("not-a-rule") == "not-a-rule"
    for kind in (Role, Degree, Mode, ConceptKind, CompetitionKind, ActionStatus):
        labels = [member.label for member in kind]
        assert all(labels), kind
        assert len(set(labels)) == len(labels), kind


def test_the_pack_names_roles_and_modes_with_the_enums_labels(demo_plan: PlanDB) -> None:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    influence = next(bi for d in pack.deals for bi in d.influences)
    row = f"| {influence.role.label} | {influence.degree.label} | {influence.mode.label} |"
    assert row in render_markdown(pack)


def test_the_status_words_follow_the_red_flag_order() -> None:
    status = funnel.FunnelStatus(30, 21, 2, True, True, False, ("Shared budget range and timeline",))
    words = funnel.status_words(status, TODAY - dt.timedelta(days=3), TODAY)
    assert words == [
        "No customer commitment for 30 days (stage limit 21)",
        "The close date moved later 2 times",
        "The close date passed 3 days ago and the deal is still open",
        "Premature: never recorded: Shared budget range and timeline",
    ]


def test_the_sheet_and_the_engines_bulk_read_give_the_same_flags_and_status(demo_plan: PlanDB) -> None:
    ids = [r[0] for r in demo_plan.query("SELECT id FROM opportunity ORDER BY id")]
    sheets = load_sheets(demo_plan, ids, TODAY)
    assert list(sheets) == ids
    bulk = red_flags.evaluate_plan(demo_plan, TODAY, ids)
    facts = red_flags.load_facts(demo_plan, ids)
    for deal_id, sheet in sheets.items():
        assert list(sheet.flags) == bulk[deal_id], deal_id
        one = facts[deal_id]
        expected = None if one.stage.is_closed else funnel.status(one.timing, one.rule, TODAY)
        assert sheet.status == expected, deal_id
    assert any(sheet.red_flags for sheet in sheets.values())
    assert any(sheet.strengths for sheet in sheets.values())


def test_the_pack_shows_the_sheets_flags(demo_plan: PlanDB) -> None:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    sheets = load_sheets(demo_plan, [d.id for d in pack.deals], TODAY)
    for deal in pack.deals:
        sheet = sheets[deal.id]
        assert [f.reason for f in deal.red_flags] == [f.reason for f in sheet.red_flags]
        assert [bi.id for bi in deal.influences] == [bi.id for bi in sheet.influences]


def test_a_sheet_is_read_in_as_many_queries_for_one_deal_as_for_thirty(
    demo_plan: PlanDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [r[0] for r in demo_plan.query("SELECT id FROM opportunity ORDER BY id LIMIT 30")]
    queries: list[str] = []
    real_query = PlanDB.query

    def counted(self: PlanDB, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        queries.append(sql)
        return real_query(self, sql, params)

    # Plan-wide figures (the won cycle) are kept until the plan changes: read them once first,
    # so both counts below are of the per-deal reads alone.
    load_sheet(demo_plan, ids[0], TODAY)
    monkeypatch.setattr(PlanDB, "query", counted)
    load_sheet(demo_plan, ids[0], TODAY)
    one = len(queries)
    queries.clear()
    load_sheets(demo_plan, ids, TODAY)
    assert len(queries) == one
    assert one <= 20
