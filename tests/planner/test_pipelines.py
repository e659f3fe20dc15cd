"""Pipelines: migration defaults, import of two CRM pipelines, board columns, and the plan delta's undo."""

from __future__ import annotations

from planner import search
from planner.exchange.pipeline_import import file_pipelines, import_with_pipelines
from planner.exchange.sources import load
from planner.model import FunnelLevel
from planner.pipelines import board_columns
from planner.storage import pipelines as pipeline_repo
from planner.storage import plan_delta
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from planner.storage.search_index import index_is_current
from tests.planner.import_support import DATA, fingerprint, preview

TWO = DATA / "hubspot_two_pipelines.csv"


def _deals_by_pipeline(plan: PlanDB) -> dict[str, set[str]]:
    names = {p.id: p.name for p in pipeline_repo.list_pipelines(plan)}
    result: dict[str, set[str]] = {}
    titles = dict(plan.query("SELECT id, title FROM opportunity"))
    for deal, pipeline in pipeline_repo.deal_pipelines(plan).items():
        result.setdefault(names[pipeline], set()).add(titles[deal])
    return result


def test_a_new_plan_has_one_pipeline_holding_every_open_stage(plan: PlanDB) -> None:
    pipelines = pipeline_repo.list_pipelines(plan)
    assert [p.name for p in pipelines] == ["Default pipeline"]
    stages = stage_repo.list_stages(plan)
    assert {s.pipeline_id for s in stages if not s.is_closed} == {pipelines[0].id}
    assert {s.pipeline_id for s in stages if s.is_closed} == {None}


def test_two_hubspot_pipelines_come_in_as_two_pipelines_with_their_own_stages(plan: PlanDB) -> None:
    loaded = load([TWO])
    shown = preview(plan, [TWO])
    assert {d.pipeline for d in file_pipelines(loaded, shown).values()} == {"Sales Pipeline", "Renewals"}
    import_with_pipelines(plan, loaded, shown)
    pipelines = pipeline_repo.list_pipelines(plan)
    assert [p.name for p in pipelines] == ["Sales Pipeline", "Renewals"]
    assert _deals_by_pipeline(plan) == {
        "Sales Pipeline": {"Website relaunch", "CRM integration", "Training days", "Support plan"},
        "Renewals": {"Hosting renewal", "Licence renewal", "Maintenance renewal"},
    }
    stages = stage_repo.list_stages(plan)
    renewals = board_columns(stages, pipelines, pipelines[1].id)
    assert [s.name for s in renewals] == sorted(
        ["Renewal Due", "Renewal Negotiation"], key=lambda n: next(s.position for s in stages if s.name == n)
    )
    in_stage = dict(plan.query("SELECT o.title, s.name FROM opportunity o JOIN stage s ON s.id = o.stage_id"))
    assert in_stage["Hosting renewal"] == "Renewal Due"
    assert in_stage["Licence renewal"] == "Renewal Negotiation"
    sales = {s.id for s in board_columns(stages, pipelines, pipelines[0].id)}
    assert not sales & {s.id for s in renewals}
    # All pipelines: every open stage, lined up by funnel level.
    every = board_columns(stages, pipelines, None)
    assert len(every) == len(sales) + len(renewals)
    levels = [s.level for s in every]
    assert levels == sorted(levels, key=list(FunnelLevel).index)


def test_reimport_finds_the_pipelines_and_stages_by_name(plan: PlanDB) -> None:
    import_with_pipelines(plan, load([TWO]), preview(plan, [TWO]))
    before = fingerprint(plan)
    again = preview(plan, [TWO])
    import_with_pipelines(plan, load([TWO]), again)
    after = fingerprint(plan)
    assert after["pipeline"] == before["pipeline"]
    assert after["stage"] == before["stage"]
    assert [r[:5] for r in after["opportunity"]] == [r[:5] for r in before["opportunity"]]


def test_the_plan_delta_takes_an_import_back_exactly_and_redoes_it(plan: PlanDB) -> None:
    before_rows = fingerprint(plan)
    before = plan_delta.capture(plan)
    import_with_pipelines(plan, load([TWO]), preview(plan, [TWO]))
    after_rows = fingerprint(plan)
    delta = plan_delta.difference(before, plan_delta.capture(plan))
    assert not delta.empty
    plan_delta.undo(plan, delta)
    assert fingerprint(plan) == before_rows
    plan_delta.redo(plan, delta)
    assert fingerprint(plan) == after_rows


def _found_titles(plan: PlanDB, text: str) -> set[str]:
    return {hit.title for hit in search.search(plan, text).hits}


def test_undo_and_redo_of_an_import_keep_the_search_index_current(plan: PlanDB) -> None:
    # The index is derived from the rows: the delta leaves it out, the triggers follow the rows.
    result, delta = plan_delta.recorded(
        plan, lambda: import_with_pipelines(plan, load([TWO]), preview(plan, [TWO]))
    )
    assert result.opportunities
    assert not any(part.table.startswith("search_index") for part in delta.tables)
    assert "Hosting renewal" in _found_titles(plan, "hosting")
    plan_delta.undo(plan, delta)
    assert index_is_current(plan.conn)
    assert "Hosting renewal" not in _found_titles(plan, "hosting")
    plan_delta.redo(plan, delta)
    assert index_is_current(plan.conn)
    assert "Hosting renewal" in _found_titles(plan, "hosting")
