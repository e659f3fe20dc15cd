"""changes_since on a hand-built history: every list written out by hand (tests/planner/since_support.py)."""

from __future__ import annotations

import datetime as dt

from planner.model import ForecastCategory
from planner.since_review import changes_since, last_review_day, record_review
from planner.storage import funnel_snapshots as snapshot_repo
from planner.storage import review_marks as mark_repo
from planner.storage.db import PlanDB
from tests.planner.since_support import NEW_DEAL_FLAGS, SINCE, TODAY, build_history


def test_every_list_since_the_last_review(plan: PlanDB) -> None:
    ids = build_history(plan).ids
    found = changes_since(plan, SINCE, TODAY)

    # Created 18 Nov (on or after 10 Nov): New warehouse, in Prospect.
    assert [(a.deal.title, a.deal.stage, a.reopened) for a in found.added] == [
        ("New warehouse", "Prospect", False)
    ]
    # Depot fleet: Qualified on 10 Nov (its first move since left from there), Evaluating now,
    # with the commitment of that move. Forward and back: Qualified then and now, in neither list.
    assert [(c.deal.title, c.from_stage, c.to_stage, c.commitments) for c in found.advanced] == [
        ("Depot fleet", "Qualified", "Evaluating", ("Agreed to a trial",))
    ]
    assert [(c.deal.title, c.from_stage, c.to_stage) for c in found.moved_back] == [
        ("Yard scanners", "Evaluating", "Qualified")
    ]
    # Port cranes: 1 Dec 2026 on 10 Nov (the first change since left from it), 15 Jan 2027 now.
    # Rail sensors went 10 Dec -> 30 Nov on 10 Nov: pulled in, not pushed; its earlier push (1 Nov)
    # was before the review.
    assert [(p.deal.title, p.old, p.new) for p in found.pushed] == [
        ("Port cranes", dt.date(2026, 12, 1), dt.date(2027, 1, 15))
    ]
    # Cold storage: 40,000 on 10 Nov (35,000 -> 40,000 on 2 Nov was before), 55,000 now.
    assert [(a.deal.title, a.old_amount, a.new_amount) for a in found.amounts] == [
        ("Cold storage", 40_000, 55_000)
    ]
    # Depot fleet: Pipeline in the pack of 10 Nov, committed since.
    assert [(c.deal.title, c.old, c.new) for c in found.categories] == [
        ("Depot fleet", ForecastCategory.PIPELINE, ForecastCategory.COMMIT)
    ]
    # Closed on 19, 21 and 13 Nov with their reasons; Lost long ago closed on 1 Oct.
    assert [(c.deal.title, c.closed_on, c.reason) for c in found.won] == [
        ("Old tender", dt.date(2026, 11, 19), "Best price")
    ]
    assert [(c.deal.title, c.reason) for c in found.lost] == [("Lost bid", "Competitor won: Globex")]
    assert [(c.deal.title, c.reason) for c in found.walked_away] == [("Walked", "No budget")]
    # Port cranes: No Coach now but not in the pack (raised), Panic in the pack but not now
    # (resolved). New warehouse was in no pack: its three flags are raised.
    raised = sorted((f.deal.title, f.rule) for f in found.flags_raised)
    assert raised == sorted([("Port cranes", "no-coach")] + [("New warehouse", r) for r in NEW_DEAL_FLAGS])
    assert [(f.deal.title, f.rule, f.label) for f in found.flags_resolved] == [
        ("Port cranes", "panic", "Panic")
    ]
    assert found.review_on == SINCE
    assert found.snapshot_on is None
    assert found.flags_known
    assert found.categories_known
    assert not found.empty
    assert ids["port"] in {f.deal.id for f in found.flags_raised}


def test_a_later_day_sees_fewer_changes(plan: PlanDB) -> None:
    build_history(plan)
    # From 17 Nov: Depot fleet's move (12 Nov), Yard scanners' (15 Nov), Cold storage's amount
    # (14 Nov) and Walked (13 Nov) are before; Port cranes' second push (20 Nov: 20 Dec -> 15 Jan),
    # New warehouse (18 Nov), Old tender (19 Nov) and Lost bid (21 Nov) are after.
    found = changes_since(plan, dt.date(2026, 11, 17), TODAY)
    assert [a.deal.title for a in found.added] == ["New warehouse"]
    assert found.advanced == ()
    assert found.moved_back == ()
    assert found.amounts == ()
    assert [(p.old, p.new) for p in found.pushed] == [(dt.date(2026, 12, 20), dt.date(2027, 1, 15))]
    assert [c.deal.title for c in found.won + found.lost] == ["Old tender", "Lost bid"]
    assert found.walked_away == ()


def test_without_a_remembered_pack_flags_are_unknown_and_categories_come_from_a_snapshot(
    plan: PlanDB,
) -> None:
    ids = build_history(plan, with_review=False).ids
    found = changes_since(plan, SINCE, TODAY)
    assert not found.flags_known
    assert found.flags_raised == ()
    assert found.flags_resolved == ()
    assert not found.categories_known
    assert found.categories == ()
    # A weekly snapshot of 9 Nov held Depot fleet as Pipeline.
    snapshot_repo.save_snapshot(
        plan,
        dt.date(2026, 11, 9),
        [
            snapshot_repo.SnapshotDeal(
                ids["depot"], "Depot fleet", 2, 1, "in", 30_000, "EUR", "2027-02-01", "pipeline", 25
            )
        ],
    )
    found = changes_since(plan, SINCE, TODAY)
    assert found.snapshot_on == dt.date(2026, 11, 9)
    assert found.categories_known
    assert [(c.deal.title, c.old, c.new) for c in found.categories] == [
        ("Depot fleet", ForecastCategory.PIPELINE, ForecastCategory.COMMIT)
    ]


def test_recording_a_review_remembers_every_open_deal(plan: PlanDB) -> None:
    ids = build_history(plan, with_review=False).ids
    assert last_review_day(plan) is None
    record_review(plan, TODAY)
    assert last_review_day(plan) == TODAY
    mark = mark_repo.latest_review(plan)
    assert mark is not None
    remembered = mark_repo.load_review_deals(plan, mark.id)
    # Seven open deals (Depot fleet, Yard scanners, Port cranes, Rail sensors, Cold storage,
    # Forward and back, New warehouse); the four closed ones are not remembered.
    assert sorted(remembered) == sorted(
        ids[k] for k in ("depot", "yard", "port", "rail", "cold", "back", "new")
    )
    assert remembered[ids["depot"]].forecast_category == "commit"
    assert {f.rule for f in remembered[ids["new"]].red_flags} == set(NEW_DEAL_FLAGS)
    # Compared with itself, nothing about flags or categories changed.
    found = changes_since(plan, TODAY, TODAY)
    assert found.flags_raised == ()
    assert found.flags_resolved == ()
    assert found.categories == ()
