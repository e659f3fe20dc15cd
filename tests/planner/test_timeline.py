"""A deal's timeline: one chronological list of what happened, read from the plan's records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from planner import operations as ops
from planner import timeline as tl
from planner.exchange.pack import human_date, money_text
from planner.model import (
    Action,
    ActionStatus,
    CallPlan,
    Note,
    OpportunityDraft,
)
from planner.storage import activities as activity_repo
from planner.storage import evidence as evidence_repo
from planner.storage import imports
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.import_support import DATA, deals, run


def _load(plan: PlanDB, deal_id: int) -> list[tl.TimelineEntry]:
    return tl.load_timeline(plan, deal_id, date_text=human_date, money_text=money_text)


def _deal(plan: PlanDB) -> int:
    first = stage_repo.list_stages(plan)[0].id
    _change, deal_id = ops.create_opportunity(
        plan, OpportunityDraft("Fleet <b>rollout</b>", None, first, amount=50_000.0), TODAY
    )
    return deal_id


def _edit(plan: PlanDB, deal_id: int, **fields: object) -> None:
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    draft = OpportunityDraft(
        deal.title,
        deal.account_id,
        deal.stage_id,
        amount=deal.amount,
        currency=deal.currency,
        close_date=deal.close_date,
    )
    ops.update_opportunity(plan, deal_id, dataclasses.replace(draft, **fields), TODAY)  # type: ignore[arg-type]


def test_an_amount_edit_is_recorded_and_is_the_last_amount_entry(plan: PlanDB) -> None:
    deal_id = _deal(plan)
    _edit(plan, deal_id, amount=65_000.0)
    _edit(plan, deal_id, amount=65_000.0, currency="USD")
    _edit(plan, deal_id, amount=65_000.0, currency="USD")  # nothing changed: nothing recorded
    (first, second) = opportunity_repo.amount_history(plan, deal_id)
    assert (first.old_amount, first.new_amount, first.source) == (50_000.0, 65_000.0, "")
    assert (second.old_currency, second.new_currency) == ("EUR", "USD")
    amounts = [e.text for e in _load(plan, deal_id) if e.kind == "amount"]
    assert amounts == ["Amount 50,000 EUR → 65,000 EUR", "Amount 65,000 EUR → 65,000 USD"]


def test_everything_that_happened_in_order(plan: PlanDB) -> None:
    deal_id = _deal(plan)
    stages = stage_repo.list_stages(plan)
    with plan.atomic():
        opportunity_repo.add_close_date_change(
            plan, deal_id, dt.date(2026, 12, 1), dt.date(2027, 1, 15), changed_at="2026-11-27T09:00:00+00:00"
        )
        evidence_repo.insert_call_plan(
            plan,
            CallPlan(
                0,
                deal_id,
                dt.datetime(2026, 11, 28, 14, 30),
                "Kick-off",
                debriefed_on=dt.date(2026, 11, 29),
                debrief_commitment="Pilot agreed",
            ),
        )
        activity_repo.insert_action(
            plan,
            Action(
                0, deal_id, "Send the =HYPERLINK(x)", status=ActionStatus.DONE, done_on=dt.date(2026, 11, 30)
            ),
        )
        activity_repo.insert_action(plan, Action(0, deal_id, "Not done yet"))
        activity_repo.insert_note(plan, Note(0, "x" * 5000, deal_id, created="2026-12-01T08:00:00+00:00"))
        activity_repo.insert_note(
            plan, Note(0, "Ask about budget", deal_id, author="manager", created="2026-12-02T08:00:00+00:00")
        )
    ops.move_opportunity(
        plan, deal_id, stages[1].id, ops.MoveDetails(commitment="Shared their process"), dt.date(2026, 12, 3)
    )
    with plan.atomic():  # the records' own stamps say when; pinned so the test reads the same any day
        plan.execute("UPDATE opportunity SET created = '2026-11-26T08:00:00+00:00'")
        plan.execute(
            "UPDATE stage_history SET moved_at = '2026-11-26T08:00:00+00:00' WHERE from_stage_id IS NULL"
        )
        plan.execute(
            "UPDATE stage_history SET moved_at = '2026-12-03T10:00:00+00:00' WHERE from_stage_id IS NOT NULL"
        )
    entries = _load(plan, deal_id)
    kinds = [e.kind for e in entries]
    assert kinds[0] == "created"
    assert entries[0].text == f"Created in {stages[0].name}"
    assert kinds[1:] == ["close_date", "call", "debrief", "action", "note", "coaching", "stage"]
    texts = [e.text for e in entries]
    assert texts[1] == "Close date 1 Dec 2026 → 15 Jan 2027 (slip)"
    assert texts[2:5] == [
        "Call: Kick-off",
        "Debrief of Kick-off: Pilot agreed",
        "Done: Send the =HYPERLINK(x)",
    ]
    assert len(texts[5]) == len("Note: ") + tl.MAX_WORDS  # a long note is cut, never dropped
    assert texts[6] == "Coaching: Ask about budget"
    # The move's commitment is told once, with the move (its commitment record is not repeated).
    assert texts[7] == f"Moved {stages[0].name} → {stages[1].name}; customer: Shared their process"
    assert evidence_repo.list_commitments(plan, deal_id)


def test_imports_that_changed_the_deal(plan: PlanDB, tmp_path: Path) -> None:
    source = DATA / "salesforce_opportunities.csv"
    run(plan, [source])
    pilot = deals(plan)["0065g00000AAAA2AAA"]["id"]
    week2 = tmp_path / "week2" / source.name
    week2.parent.mkdir()
    week2.write_text(source.read_text().replace("Value Proposition,65000", "Negotiation/Review,70000"))
    run(plan, [week2])
    entries = _load(plan, pilot)
    imports = [e.text for e in entries if e.kind == "import"]
    # The CRM's probability for the new stage comes along with it.
    changed = "Import from Salesforce changed amount, probability, stage"
    assert imports == ["Imported from Salesforce", changed]
    amounts = [e.text for e in entries if e.kind == "amount"]
    assert amounts == ["Amount 65,000 EUR → 70,000 EUR (import from Salesforce)"]


def test_every_column_an_import_writes_has_words() -> None:
    # A column an import may write without words would reach the seller as its column name.
    written = (imports.UPDATABLE - imports._BOOKKEEPING) | {"close_date", "stage"}
    assert written <= tl._FIELD_WORDS.keys()
