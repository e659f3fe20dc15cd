"""The deal's next step: one rule (the earliest open action, else the CRM's), used by every reader."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import operations as ops
from planner import sheet_operations as sheet
from planner.exchange import pack_csv, pack_json
from planner.exchange.crm_export import crm_csv
from planner.exchange.layouts import Layout
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.model import Action, ActionStatus, OpportunityDraft
from planner.next_step import NextStep, export_text, next_action, next_step, plain_text
from planner.operations import OperationError
from planner.storage import activities, stages
from planner.storage.board import load_all_details, load_details
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.import_support import DATA, deals, run
from tests.planner.test_operations import dump

D = dt.date
OPEN, PLANNED, DONE = ActionStatus.POSSIBLE, ActionStatus.PLANNED, ActionStatus.DONE


def _action(action_id: int, what: str, due: dt.date | None, status: ActionStatus = PLANNED) -> Action:
    return Action(action_id, 1, what, due=due, status=status)


# The rule ----------------------------------------------------------------------------------------


def test_the_earliest_dated_open_action_is_the_next_step() -> None:
    actions = [
        _action(1, "Undated", None),
        _action(2, "Later", D(2026, 12, 9)),
        _action(3, "Done sooner", D(2026, 12, 1), DONE),
        _action(4, "Sooner", D(2026, 12, 3), OPEN),  # a possible action counts: it is not done
        _action(5, "Same day, added later", D(2026, 12, 3)),
    ]
    assert next_step(actions, "Call back Tuesday") == NextStep("Sooner", D(2026, 12, 3), "action", 4)
    assert next_action(actions) == actions[3]


def test_undated_open_actions_come_after_dated_ones_then_by_when_they_were_added() -> None:
    actions = [_action(7, "Second undated", None), _action(3, "First undated", None)]
    assert next_step(actions) == NextStep("First undated", None, "action", 3)
    dated = [*actions, _action(9, "Dated", D(2030, 1, 1))]
    assert next_step(dated) == NextStep("Dated", D(2030, 1, 1), "action", 9)


def test_without_an_open_action_the_crm_gives_the_next_step() -> None:
    done = [_action(1, "Sent the proposal", D(2026, 11, 1), DONE)]
    assert next_step(done, "  Call back Tuesday ") == NextStep("Call back Tuesday", None, "crm")
    assert next_step(done, "   ") is None
    assert next_step([]) is None


_actions = st.lists(
    st.builds(
        _action,
        st.integers(1, 50),
        st.sampled_from(["a", "b", "c"]),
        st.one_of(st.none(), st.dates(D(2026, 1, 1), D(2026, 1, 10))),
        st.sampled_from(list(ActionStatus)),
    ),
    max_size=8,
    unique_by=lambda a: a.id,
)


@given(_actions, st.randoms())
def test_the_rule_does_not_depend_on_the_order_actions_arrive_in(
    actions: list[Action], rng: random.Random
) -> None:
    shuffled = list(actions)
    rng.shuffle(shuffled)
    found = next_action(shuffled)
    open_ones = [a for a in actions if a.status is not DONE]
    assert (found is None) == (not open_ones)
    if found is not None:
        assert found.status is not DONE
        # Nothing open is due before it; an undated one only when no open action is dated.
        assert all(a.due is None or (found.due is not None and found.due <= a.due) for a in open_ones)
        assert found == next_action(actions)


def test_the_storage_reads_open_actions_in_the_rules_order(plan: PlanDB) -> None:
    # The rule's docstring says list_actions orders open actions as it does: keep them agreeing.
    stage = stages.list_stages(plan)[1].id
    _c, deal = ops.create_opportunity(plan, OpportunityDraft("Fleet", None, stage), TODAY)
    for what, due, status in [
        ("Undated", None, PLANNED),
        ("Later", D(2026, 12, 9), OPEN),
        ("Done", D(2026, 11, 1), DONE),
        ("Sooner", D(2026, 12, 3), PLANNED),
    ]:
        sheet.add_action(plan, deal, what, TODAY, due=due, status=status)
    listed = activities.list_actions(plan, deal)
    assert next_action(listed) == listed[0]
    assert [a.what for a in listed] == ["Sooner", "Later", "Undated", "Done"]
    assert activities.actions_of(plan, [deal]) == {deal: listed}


def test_the_board_reads_the_crm_field_raw_never_a_worded_next_step(plan: PlanDB) -> None:
    stage = stages.list_stages(plan)[1].id
    draft = OpportunityDraft("Fleet", None, stage, next_step="Call back Tuesday")
    _c, deal = ops.create_opportunity(plan, draft, TODAY)
    sheet.add_action(plan, deal, "Send the proposal", TODAY, due=D(2026, 12, 15), status=PLANNED)
    assert load_details(plan, [deal])[deal].crm_next_step == "Call back Tuesday"
    assert load_all_details(plan)[deal].crm_next_step == "Call back Tuesday"


# The words of the exports (English, ISO dates) ---------------------------------------------------


def test_exports_word_the_step_in_english_and_label_the_crms() -> None:
    planned = NextStep("Send the proposal", D(2026, 12, 15), "action", 4)
    assert plain_text(planned) == export_text(planned) == "Send the proposal (due 2026-12-15)"
    crm = NextStep("Call back Tuesday", None, "crm")
    assert (plain_text(crm), export_text(crm)) == ("Call back Tuesday", "CRM: Call back Tuesday")
    assert plain_text(None) == export_text(None) == ""


def test_the_review_pack_uses_the_rule(plan: PlanDB) -> None:
    stage = stages.list_stages(plan)[1].id
    crm_draft = OpportunityDraft("Only the CRM's", None, stage, next_step="Call back Tuesday")
    _c, crm_deal = ops.create_opportunity(plan, crm_draft, TODAY)
    _c, planned = ops.create_opportunity(plan, dataclasses.replace(crm_draft, title="Planned"), TODAY)
    sheet.add_action(plan, planned, "Send the proposal", TODAY, due=D(2026, 12, 15), status=PLANNED)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)
    rows = list(
        csv.reader(
            io.StringIO(pack_csv.to_csv(pack_csv.deal_header(pack), pack_csv.deal_rows(pack)).decode())
        )
    )
    column = rows[0].index("Next step")
    shown = {row[rows[0].index("Deal")]: row[column] for row in rows[1:]}
    assert shown == {
        "Only the CRM's": "CRM: Call back Tuesday",
        "Planned": "Send the proposal (due 2026-12-15)",
    }
    bundle = {d["name"]: d for d in json.loads(pack_json.render_json(pack))["opportunities"]}
    assert (bundle["Only the CRM's"]["next_step"], bundle["Only the CRM's"]["next_step_source"]) == (
        "Call back Tuesday",
        "crm",
    )
    assert bundle["Planned"]["next_step_source"] == "action"
    assert {crm_deal, planned} == {d.id for d in pack.deals}


def test_the_crm_export_sends_the_planned_next_step(plan: PlanDB) -> None:
    run(plan, [DATA / "salesforce_opportunities.csv"])
    deal = deals(plan)["0065g00000AAAA1AAA"]["id"]
    sheet.add_action(plan, deal, "Send the proposal", TODAY, due=D(2026, 12, 15), status=PLANNED)
    rows = list(csv.reader(io.StringIO(crm_csv(plan, Layout.SALESFORCE).data.decode())))
    assert rows[1:] == [
        ["0065g00000AAAA1AAA", "Prospecting", "2026-12-15", "", "", "", "Send the proposal (due 2026-12-15)"]
    ]


# The deal editor's next step ---------------------------------------------------------------------


def _deal(plan: PlanDB, crm: str = "Call back Tuesday") -> int:
    stage = stages.list_stages(plan)[1].id
    _c, deal = ops.create_opportunity(plan, OpportunityDraft("Fleet", None, stage, next_step=crm), TODAY)
    return deal


def test_the_editors_next_step_renames_the_earliest_open_action(plan: PlanDB) -> None:
    deal = _deal(plan)
    _c, later = sheet.add_action(plan, deal, "Later", TODAY, due=D(2026, 12, 20), status=PLANNED)
    _c, first = sheet.add_action(plan, deal, "Send the proposal", TODAY, due=D(2026, 12, 15))
    sheet.set_next_step(plan, deal, "  Send the revised proposal ", TODAY)
    by_id = {a.id: a for a in activities.list_actions(plan, deal)}
    assert (by_id[first].what, by_id[first].due, by_id[first].status) == (
        "Send the revised proposal",
        D(2026, 12, 15),
        OPEN,
    )
    assert by_id[later].what == "Later"
    # The CRM's own field is the CRM's: the editor never writes it.
    assert load_details(plan, [deal])[deal].crm_next_step == "Call back Tuesday"


def test_without_an_open_action_the_editors_next_step_plans_one(plan: PlanDB) -> None:
    deal = _deal(plan)
    sheet.add_action(plan, deal, "Sent the brochure", TODAY, status=DONE)
    sheet.set_next_step(plan, deal, "Book the demo", TODAY)
    step = next_step(activities.list_actions(plan, deal), "Call back Tuesday")
    assert step is not None
    assert (step.text, step.due, step.source) == ("Book the demo", None, "action")
    assert [a.status for a in activities.list_actions(plan, deal) if a.what == "Book the demo"] == [PLANNED]


def test_an_empty_next_step_is_refused_and_nothing_is_written(plan: PlanDB) -> None:
    deal = _deal(plan)
    before = dump(plan)
    with pytest.raises(OperationError, match="The next step cannot be empty"):
        sheet.set_next_step(plan, deal, "  ", TODAY)
    assert dump(plan) == before


def test_saving_the_editor_is_one_edit_that_one_snapshot_undoes(plan: PlanDB) -> None:
    deal = _deal(plan)
    sheet.add_action(plan, deal, "Send the proposal", TODAY, due=D(2026, 12, 15))
    before_dump = dump(plan)
    before = ops.snapshot_opportunity(plan, deal)
    draft = OpportunityDraft(
        "Fleet, renamed", None, stages.list_stages(plan)[1].id, next_step="Call back Tuesday"
    )
    sheet.save_deal(plan, deal, draft, "Send the revised proposal", TODAY)
    assert [a.what for a in activities.list_actions(plan, deal)] == ["Send the revised proposal"]
    ops.revert_opportunity(plan, deal, before)
    assert dump(plan) == before_dump
    # A failing next step writes none of the deal's fields either.
    with pytest.raises(OperationError):
        sheet.save_deal(plan, deal, draft, " ", TODAY)
    assert dump(plan) == before_dump


def test_a_new_deal_with_a_typed_next_step_starts_with_it_planned(plan: PlanDB) -> None:
    stage = stages.list_stages(plan)[1].id
    _c, deal = sheet.create_deal(plan, OpportunityDraft("Fleet", None, stage), "Book the demo", TODAY)
    assert [(a.what, a.due, a.status) for a in activities.list_actions(plan, deal)] == [
        ("Book the demo", None, PLANNED)
    ]
    _c, bare = sheet.create_deal(plan, OpportunityDraft("Pilot", None, stage), None, TODAY)
    assert activities.list_actions(plan, bare) == []
