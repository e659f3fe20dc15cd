"""Stage mapping: won and lost by name, open stages by probability, else by order; remembered per source."""

from __future__ import annotations

from planner.exchange.import_plan import ImportOptions
from planner.exchange.stage_mapping import FileStage, closed_level, file_stages, suggest
from planner.model import FunnelLevel
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.import_support import DATA, deals, preview, run


def _names(plan: PlanDB, choices: dict[str, object]) -> dict[str, str]:
    names = {s.id: s.name for s in stage_repo.list_stages(plan)}
    return {stage: names[choice.stage_id] for stage, choice in choices.items()}  # type: ignore[attr-defined]


def test_closed_stages_by_name() -> None:
    assert closed_level("Closed Won") is FunnelLevel.WON
    assert closed_level("closedwon") is FunnelLevel.WON
    assert closed_level("Won") is FunnelLevel.WON
    assert closed_level("Closed Lost") is FunnelLevel.LOST
    assert closed_level("Disqualified") is FunnelLevel.WALKED_AWAY
    assert closed_level("Wonderful prospect") is None
    assert closed_level("Negotiation") is None


def test_open_stages_go_to_the_nearest_default_probability(plan: PlanDB) -> None:
    stages = file_stages(
        [("Discovery", 15), ("Discovery", 25), ("Solution", 55), ("Short list", 75), ("Won", 100)]
    )
    assert [(s.name, s.rows, s.probability) for s in stages] == [
        ("Discovery", 2, 20.0), ("Solution", 1, 55.0), ("Short list", 1, 75.0), ("Won", 1, 100.0),
    ]  # fmt: skip
    choices = suggest(stages, stage_repo.list_stages(plan))
    assert _names(plan, dict(choices)) == {
        "Discovery": "Qualified",  # 20 % is nearer Qualified's 25 % than Prospect's 10 %
        "Solution": "Evaluating",
        "Short list": "Committed",
        "Won": "Won",
    }
    assert choices["Solution"].reason == "probability 55 % is nearest Evaluating's 50 %"
    assert choices["Won"].reason == "same name"
    assert suggest([FileStage("Closed Won", 1)], stage_repo.list_stages(plan))["Closed Won"].reason == "won"


def test_without_probabilities_open_stages_go_by_order(plan: PlanDB) -> None:
    stages = [FileStage("Engaging", 5, None, 0), FileStage("Prospecting", 3, None, 1), FileStage("Lost", 2)]
    assert _names(plan, dict(suggest(stages, stage_repo.list_stages(plan)))) == {
        "Engaging": "Qualified",
        "Prospecting": "Prospect",
        "Lost": "Lost",
    }
    custom = [FileStage(name, 1, None, i) for i, name in enumerate(["Step A", "Step B", "Step C"])]
    assert list(_names(plan, dict(suggest(custom, stage_repo.list_stages(plan)))).values()) == [
        "Prospect", "Qualified", "Evaluating",
    ]  # fmt: skip


def test_stock_crm_stage_names_use_their_default_probabilities() -> None:
    # Only when the file gives no probability at all and every open stage is a stock one.
    stock = file_stages([("Prospecting", None), ("Negotiation/Review", None), ("Closed Won", None)])
    assert [s.probability for s in stock] == [10.0, 90.0, None]
    mixed = file_stages([("Prospecting", None), ("Engaging", None)])
    assert [s.probability for s in mixed] == [None, None]


def test_same_name_remembered_and_chosen_win(plan: PlanDB) -> None:
    stages = [FileStage("Qualified", 1, 80.0), FileStage("Pitch", 1, 10.0)]
    plan_stages = stage_repo.list_stages(plan)
    assert _names(plan, dict(suggest(stages, plan_stages))) == {"Qualified": "Qualified", "Pitch": "Prospect"}
    remembered = suggest(
        stages, plan_stages, remembered={"Pitch": "Evaluating"}, given={"Qualified": "Committed"}
    )
    assert _names(plan, dict(remembered)) == {"Qualified": "Committed", "Pitch": "Evaluating"}
    assert (remembered["Qualified"].reason, remembered["Pitch"].reason) == ("chosen", "remembered")
    # A remembered stage that no longer exists is ignored.
    gone = suggest(stages, plan_stages, remembered={"Pitch": "Deleted stage"})
    assert gone["Pitch"].reason.startswith("probability")


def test_stage_map_is_remembered_per_source_and_can_be_changed(plan: PlanDB) -> None:
    path = DATA / "hubspot_deals.csv"
    run(plan, [path], ImportOptions(stage_map={"Appointment Scheduled": "Prospect"}))
    assert deals(plan)["9001"]["stage"] == "Prospect"
    again = preview(plan, [path])
    assert again.stage_map["Appointment Scheduled"].reason == "remembered"
    assert _names(plan, dict(again.stage_map))["Appointment Scheduled"] == "Prospect"
    # Another source does not see HubSpot's choices.
    other = preview(plan, [DATA / "salesforce_opportunities.csv"])
    assert all(c.reason != "remembered" for c in other.stage_map.values())
    # Changing the mapping moves the deal on the next import, recorded in its history.
    moved = run(plan, [path], ImportOptions(stage_map={"Appointment Scheduled": "Qualified"}))
    (update,) = moved.summary.updated
    assert [(c.field, c.old, c.new) for c in update.changes] == [("Stage", "Prospect", "Qualified")]


def test_rows_without_a_mapped_stage_go_to_the_first_open_stage_with_a_warning(plan: PlanDB) -> None:
    seen = preview(plan, [DATA / "custom_columns.csv"])
    messages = {p.message for r in seen.rows for p in r.problems}
    assert "no stage; placed in Prospect" in messages


def test_names_come_before_probabilities_and_say_so(plan: PlanDB) -> None:
    # A Salesforce "Prospecting" stage at 20 % is nearer Qualified's 25 % than Prospect's 10 %,
    # but its name says where it belongs.
    stages = file_stages([("Prospecting", 20), ("Qualification", 45), ("Lead in", 30), ("Demo", 50)])
    choices = suggest(stages, stage_repo.list_stages(plan))
    assert _names(plan, dict(choices)) == {
        "Prospecting": "Prospect",
        "Qualification": "Qualified",
        "Lead in": "Prospect",
        "Demo": "Evaluating",
    }
    assert choices["Prospecting"].reason == "name like Prospect's"
    assert choices["Lead in"].reason == "the name says deals start there: Prospect, the earliest level"
    assert choices["Demo"].reason == "probability 50 % is nearest Evaluating's 50 %"
