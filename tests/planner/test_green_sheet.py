"""The Green Sheet's operations: plan, edit, debrief and delete a call; every write undone exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest

from planner import green_sheet as gs
from planner import operations as ops
from planner.exchange import pack_html, pack_json, pack_markdown, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.model import ActionStatus, CallPlan, Mode, Opportunity, Stage
from planner.operations import OperationError
from planner.stages import open_stages
from planner.storage import activities as activity_repo
from planner.storage import evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.test_operations import dump

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schemas" / "opportunity-plan.schema.json").read_text())
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def _deal(plan: PlanDB) -> tuple[Opportunity, Stage]:
    """An open deal with buying influences, in the first open stage (which has a next one)."""
    first = open_stages(stage_repo.list_stages(plan))[0]
    deal = next(
        o
        for o in opportunity_repo.list_opportunities(plan)
        if o.stage_id == first.id and len(people_repo.list_influences(plan, o.id)) >= 2
    )
    return deal, first


def _call(deal: Opportunity, plan: PlanDB, **fields: object) -> CallPlan:
    influences = people_repo.list_influences(plan, deal.id)
    values: dict[str, object] = {
        "id": 0,
        "opportunity_id": deal.id,
        "meeting_at": dt.datetime(2026, 11, 24, 14, 30),
        "title": "Evaluation kick-off",
        "attendees": (influences[0].id, influences[1].id),
        "business_reason": "Agree the pilot's scope",
        "giving": "A reference from a peer fleet",
        "confirmation_questions": ("Is Q1 still the date?",),
        "new_information_questions": ("Who else evaluates?", "What does IT need?"),
        "attitude_questions": ("How do you feel about the pilot?",),
        "best_action": "CFO signs the pilot order",
        "minimum_action": "Introduce us to the CFO",
        "commit_by": dt.date(2026, 12, 1),
    }
    values.update(fields)
    return CallPlan(**values)  # type: ignore[arg-type]


def _undo_redo(plan: PlanDB, deal_id: int, operation: object) -> None:
    """Run an operation as the window does (whole-deal snapshots); undo and redo must be exact."""
    before = dump(plan)
    snap_before = ops.snapshot_opportunity(plan, deal_id)
    assert callable(operation)
    operation()
    after = dump(plan)
    assert after != before
    snap_after = ops.snapshot_opportunity(plan, deal_id)
    ops.revert_opportunity(plan, deal_id, snap_before)
    assert dump(plan) == before
    ops.revert_opportunity(plan, deal_id, snap_after)
    assert dump(plan) == after


def test_a_call_plan_is_created_tidied_and_edited_and_undo_is_exact(demo_plan: PlanDB) -> None:
    deal, _stage = _deal(demo_plan)
    messy = _call(
        deal,
        demo_plan,
        title="  Kick-off  ",
        confirmation_questions=(" Is Q1 still the date? ", "", "  "),
        meeting_at=dt.datetime(2026, 11, 24, 14, 30, 45),
    )
    made: list[int] = []
    _undo_redo(demo_plan, deal.id, lambda: made.append(gs.create_call_plan(demo_plan, messy)[1]))
    stored = evidence.get_call_plan(demo_plan, made[0])
    assert stored is not None
    assert stored.title == "Kick-off"
    assert stored.confirmation_questions == ("Is Q1 still the date?",)
    assert stored.meeting_at == dt.datetime(2026, 11, 24, 14, 30)
    assert not stored.debriefed

    edited = dataclasses.replace(stored, attitude_questions=("What worries you?",), debrief_commitment="x")
    _undo_redo(demo_plan, deal.id, lambda: gs.update_call_plan(demo_plan, edited))
    again = evidence.get_call_plan(demo_plan, made[0])
    assert again is not None
    assert again.attitude_questions == ("What worries you?",)
    assert again.debrief_commitment == ""  # the debrief changes only through debrief()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"attendees": (999_999,)}, "not a buying influence on this deal"),
        ({"title": "x" * 301}, "too long"),
        ({"meeting_at": dt.datetime(1800, 1, 1, 9, 0)}, "between the years 1900 and 2200"),
        ({"commit_by": dt.datetime(2026, 12, 1, 9, 0)}, "must be a date"),
        ({"confirmation_questions": tuple(f"Q{n}" for n in range(101))}, "at most 100 questions"),
        ({"opportunity_id": 999_999}, "no longer exists"),
    ],
)
def test_a_call_plan_the_plan_cannot_hold_is_refused_untouched(
    demo_plan: PlanDB, fields: dict[str, object], message: str
) -> None:
    deal, _stage = _deal(demo_plan)
    before = dump(demo_plan)
    with pytest.raises(OperationError, match=message):
        gs.create_call_plan(demo_plan, _call(deal, demo_plan, **fields))
    assert dump(demo_plan) == before


def test_the_debrief_records_the_commitment_updates_the_attendees_and_plans_the_follow_ups(
    demo_plan: PlanDB,
) -> None:
    deal, stage = _deal(demo_plan)
    _change, call_id = gs.create_call_plan(demo_plan, _call(deal, demo_plan))
    first, second = people_repo.list_influences(demo_plan, deal.id)[:2]
    actions_before = len(activity_repo.list_actions(demo_plan, deal.id))
    exit_commitment = stage.exit_commitments[0]
    news = (gs.AttendeeNews(first.id, Mode.TROUBLE, -2, "Avoid another failed rollout"),)
    follow_ups = (gs.FollowUp("Send the pilot proposal", "Sam", dt.date(2026, 12, 2)),)

    def debrief() -> None:
        gs.debrief(
            demo_plan, call_id, TODAY, exit_commitment, "Went well.\nCFO next.", news, follow_ups, today=TODAY
        )

    _undo_redo(demo_plan, deal.id, debrief)
    call = evidence.get_call_plan(demo_plan, call_id)
    assert call is not None
    assert (call.debriefed_on, call.debrief_commitment, call.debrief_notes) == (
        TODAY,
        exit_commitment,
        "Went well.\nCFO next.",
    )
    (recorded,) = [c for c in evidence.list_commitments(demo_plan, deal.id) if c.call_plan_id == call_id]
    assert recorded.what == exit_commitment
    assert recorded.stage_id == stage.id  # on the stage's checklist
    assert recorded.committed_on == dt.date(2026, 11, 24)  # the meeting's day, not the debrief's
    names = {p.id: p.name for p in people_repo.list_people(demo_plan, deal.account_id or 0)}
    assert recorded.who == f"{names[first.person_id]}, {names[second.person_id]}"
    updated = people_repo.get_influence(demo_plan, first.id)
    assert updated is not None
    assert (updated.mode, updated.rating, updated.concept) == (
        Mode.TROUBLE,
        -2,
        "Avoid another failed rollout",
    )
    assert updated.last_contact is not None
    assert updated.last_contact >= dt.date(2026, 11, 24)
    actions = activity_repo.list_actions(demo_plan, deal.id)
    assert len(actions) == actions_before + 1
    (planned,) = [a for a in actions if a.what == "Send the pilot proposal"]
    assert (planned.who, planned.due, planned.status) == ("Sam", dt.date(2026, 12, 2), ActionStatus.PLANNED)
    assert (
        gs.move_offered(demo_plan, deal.id, exit_commitment)
        == open_stages(stage_repo.list_stages(demo_plan))[1]
    )


def test_a_commitment_in_the_customers_words_is_off_the_checklist_and_offers_no_move(
    demo_plan: PlanDB,
) -> None:
    deal, _stage = _deal(demo_plan)
    _change, call_id = gs.create_call_plan(demo_plan, _call(deal, demo_plan))
    gs.debrief(demo_plan, call_id, TODAY, "Will call us back in January", today=TODAY)
    (recorded,) = [c for c in evidence.list_commitments(demo_plan, deal.id) if c.call_plan_id == call_id]
    assert recorded.stage_id is None
    assert gs.move_offered(demo_plan, deal.id, "Will call us back in January") is None
    # Debriefed again: the call's own commitment is replaced, never doubled; none at all removes it.
    gs.debrief(demo_plan, call_id, TODAY, "Agreed a workshop", today=TODAY)
    assert [c.what for c in evidence.list_commitments(demo_plan, deal.id) if c.call_plan_id == call_id] == [
        "Agreed a workshop"
    ]
    others = [c for c in evidence.list_commitments(demo_plan, deal.id) if c.call_plan_id != call_id]
    gs.debrief(demo_plan, call_id, TODAY, "", today=TODAY)
    assert [c for c in evidence.list_commitments(demo_plan, deal.id) if c.call_plan_id == call_id] == []
    assert [c for c in evidence.list_commitments(demo_plan, deal.id) if c.call_plan_id != call_id] == others


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (TODAY + dt.timedelta(days=1), "cannot be dated in the future"),
        (dt.date(2026, 11, 23), "debriefed on the day it was held or later"),
    ],
)
def test_a_debrief_dated_before_the_meeting_or_in_the_future_is_refused(
    demo_plan: PlanDB, day: dt.date, message: str
) -> None:
    deal, stage = _deal(demo_plan)
    _change, call_id = gs.create_call_plan(demo_plan, _call(deal, demo_plan))
    before = dump(demo_plan)
    with pytest.raises(OperationError, match=message):
        gs.debrief(demo_plan, call_id, day, stage.exit_commitments[0], today=TODAY)
    assert dump(demo_plan) == before


def test_a_debrief_with_a_bad_follow_up_writes_nothing(demo_plan: PlanDB) -> None:
    deal, stage = _deal(demo_plan)
    _change, call_id = gs.create_call_plan(demo_plan, _call(deal, demo_plan))
    before = dump(demo_plan)
    with pytest.raises(OperationError):
        gs.debrief(
            demo_plan, call_id, TODAY, stage.exit_commitments[0], follow_ups=(gs.FollowUp("  "),), today=TODAY
        )
    assert dump(demo_plan) == before  # one transaction: not the debrief, not the commitment


def test_deleting_a_call_keeps_its_commitment_and_undo_brings_the_call_back(demo_plan: PlanDB) -> None:
    deal, stage = _deal(demo_plan)
    _change, call_id = gs.create_call_plan(demo_plan, _call(deal, demo_plan))
    gs.debrief(demo_plan, call_id, TODAY, stage.exit_commitments[0], today=TODAY)
    _undo_redo(demo_plan, deal.id, lambda: gs.delete_call_plan(demo_plan, call_id))
    assert evidence.get_call_plan(demo_plan, call_id) is None
    kept = [c for c in evidence.list_commitments(demo_plan, deal.id) if c.what == stage.exit_commitments[0]]
    assert kept
    assert all(c.call_plan_id is None for c in kept)


def test_calls_are_listed_upcoming_soonest_first_then_past_latest_first(demo_plan: PlanDB) -> None:
    deal, _stage = _deal(demo_plan)
    existing = len(gs.list_calls(demo_plan, TODAY))
    ids = {}
    for name, moment in (
        ("last week", dt.datetime(2026, 11, 19, 9, 0)),
        ("yesterday", dt.datetime(2026, 11, 25, 9, 0)),
        ("today", dt.datetime(2026, 11, 26, 8, 0)),
        ("next week", dt.datetime(2026, 12, 3, 9, 0)),
    ):
        ids[name] = gs.create_call_plan(demo_plan, _call(deal, demo_plan, title=name, meeting_at=moment))[1]
    gs.debrief(demo_plan, ids["last week"], TODAY, "Agreed a workshop", today=TODAY)
    rows = [r for r in gs.list_calls(demo_plan, TODAY) if r.call.id in ids.values()]
    assert len(gs.list_calls(demo_plan, TODAY)) == existing + 4
    assert [(r.call.title, r.upcoming) for r in rows] == [
        ("today", True),
        ("next week", True),
        ("yesterday", False),
        ("last week", False),
    ]
    assert rows[0].deal == deal.title
    data = gs.calls_json(rows, TODAY)
    assert [c["title"] for c in data["upcoming"]] == ["today", "next week"]
    assert data["past"][1]["commitment"] == "Agreed a workshop"
    assert data["past"][1]["debriefed"] is True


# The pack ------------------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _debriefed_call(plan: PlanDB) -> tuple[Opportunity, int]:
    deal, stage = _deal(plan)
    call = _call(deal, plan, title=HOSTILE, attitude_questions=(HOSTILE,))
    _change, call_id = gs.create_call_plan(plan, call)
    gs.debrief(plan, call_id, TODAY, stage.exit_commitments[0], "Notes " + HOSTILE, today=TODAY)
    return deal, call_id


def test_the_packs_show_each_call_plan_after_its_deals_blue_sheet(demo_plan: PlanDB) -> None:
    deal, call_id = _debriefed_call(demo_plan)
    pack = build_pack(demo_plan, PackScope.selected([deal.id]), PackOptions(), TODAY)
    (shown,) = pack.deals
    assert [c.id for c in shown.call_plans] == [call_id]
    page = pack_html.render_html(pack)
    parser = _Text()
    parser.feed(page)
    assert "script" not in parser.tags  # the seller's text is never markup
    text = "".join(parser.text)
    assert f"Green Sheet: {HOSTILE}" in text
    assert text.index("Manager's coaching notes") < text.index("Green Sheet:")  # after the Blue Sheet
    for words in ("Who else evaluates?", "CFO signs the pilot order", "Introduce us to the CFO", HOSTILE):
        assert words in text
    markdown = pack_markdown.render_markdown(pack)
    assert "### Green Sheet: &lt;script&gt;" in markdown
    assert "<script>" not in markdown
    assert "- Who else evaluates?" in markdown


def test_the_json_bundle_carries_call_plans_and_the_review_reads_them(
    demo_plan: PlanDB, tmp_path: Path
) -> None:
    deal, call_id = _debriefed_call(demo_plan)
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    data = json.loads(pack_json.render_json(pack))
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    opportunity = next(o for o in data["opportunities"] if o["id"] == deal.id)
    (call,) = [c for c in opportunity["call_plans"] if c["id"] == call_id]
    assert call["meeting_at"] == "2026-11-24T14:30"
    assert call["debriefed_on"] == TODAY.isoformat()
    influences = people_repo.list_influences(demo_plan, deal.id)
    assert [a["influence_id"] for a in call["attendees"]] == [influences[0].id, influences[1].id]
    with_calls = tmp_path / "with.json"
    with_calls.write_text(json.dumps(data))
    bundle = review.load_bundle(with_calls)
    try:
        (read,) = [c for c in evidence.list_call_plans(bundle.plan, deal.id) if c.title == HOSTILE]
        assert read.debrief_commitment == call["debrief_commitment"]
        assert read.new_information_questions == ("Who else evaluates?", "What does IT need?")
        names = {
            people_repo.get_influence(bundle.plan, i).person_id  # type: ignore[union-attr]
            for i in read.attendees
        }
        assert len(names) == len(call["attendees"]) == 2  # the attendees are the bundle's influences
    finally:
        bundle.plan.close()
    # A bundle from before call plans (no such key) opens as before.
    for o in data["opportunities"]:
        del o["call_plans"]
    without = tmp_path / "without.json"
    without.write_text(json.dumps(data))
    older = review.load_bundle(without)
    try:
        assert evidence.list_call_plans(older.plan) == []
        assert deal.id in older.deals
    finally:
        older.plan.close()


def test_a_bundle_with_a_call_plan_that_is_not_one_is_refused_with_where(
    demo_plan: PlanDB, tmp_path: Path
) -> None:
    deal, _call_id = _debriefed_call(demo_plan)
    data = json.loads(
        pack_json.render_json(build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY))
    )
    opportunity = next(o for o in data["opportunities"] if o["id"] == deal.id)
    opportunity["call_plans"][0]["meeting_at"] = "next Tuesday"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(review.ReviewError, match=r"call_plans\[0\]\.meeting_at"):
        review.load_bundle(path)
