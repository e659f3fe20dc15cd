"""The weekly refresh: CRM changes update deals and their histories; the seller's planning stays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner import operations as ops
from planner.exchange.import_plan import Action
from planner.model import (
    AccountDraft,
    ActionStatus,
    BuyingInfluence,
    Degree,
    ManualFlag,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
)
from planner.model import Action as PlanAction
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.board import load_all_details
from planner.storage.db import PlanDB
from tests.planner.import_support import DATA, TODAY, deals, fingerprint, preview, run

SOURCE = DATA / "salesforce_opportunities.csv"
PLANNING_TABLES = ("buying_influence", "person", "manual_flag", "action", "note", "competitor")


def _edited(tmp_path: Path, replacements: dict[str, str], drop: str | None = None) -> Path:
    text = SOURCE.read_text()
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    lines = [line for line in text.splitlines() if drop is None or not line.startswith(drop)]
    path = tmp_path / "week2" / SOURCE.name
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def _plan_the_deal(plan: PlanDB, deal_id: int) -> None:
    """What a seller does in the planner: a Blue Sheet, a snooze, a probability, a position."""
    account_id = opportunity_repo.get_opportunity(plan, deal_id).account_id  # type: ignore[union-attr]
    assert account_id is not None
    with plan.atomic():
        person = people_repo.insert_person(plan, Person(0, account_id, "Maria Keller", "CFO"))
        influence = people_repo.insert_influence(
            plan, BuyingInfluence(0, deal_id, person, Role.ECONOMIC, Degree.HIGH, Mode.GROWTH, 3, win="Bonus")
        )
        activity_repo.insert_manual_flag(plan, ManualFlag(0, deal_id, False, "Budget frozen?", influence))
        activity_repo.insert_action(
            plan, PlanAction(0, deal_id, "Meet the CFO", "me", dt.date(2026, 12, 1), ActionStatus.PLANNED)
        )
        activity_repo.insert_note(
            plan, Note(0, "Coach says go", deal_id, created="2026-11-01T10:00:00+00:00")
        )
        opportunity_repo.set_snooze(plan, deal_id, dt.date(2026, 12, 20), "Budget round")
        plan.execute("UPDATE opportunity SET position = 3, probability_override = 35 WHERE id = ?", [deal_id])


def _planning(plan: PlanDB, deal_id: int) -> object:
    tables = {t: rows for t, rows in fingerprint(plan).items() if t in PLANNING_TABLES}
    columns = plan.query(
        "SELECT position, probability_override, snooze_until, snooze_reason FROM opportunity WHERE id = ?",
        [deal_id],
    )
    return tables, columns


def test_reimport_records_slips_and_stage_changes_and_keeps_the_planning(
    plan: PlanDB, tmp_path: Path
) -> None:
    run(plan, [SOURCE])
    fleet = deals(plan)["0065g00000AAAA1AAA"]["id"]
    pilot = deals(plan)["0065g00000AAAA2AAA"]["id"]
    _plan_the_deal(plan, fleet)
    planning = _planning(plan, fleet)
    week2 = _edited(
        tmp_path,
        {
            "2026-12-15,10": "2027-01-31,10",  # the fleet deal slips
            "Value Proposition,65000": "Negotiation/Review,70000",  # the pilot advances and grows
        },
        drop="0065g00000AAAA3AAA",  # the renewal vanished from the export
    )
    result = run(plan, [week2])
    summary = result.summary
    assert (summary.created, len(summary.updated), summary.unchanged) == (0, 2, 2)
    changes = {u.title: [(c.field, c.old, c.new) for c in u.changes] for u in summary.updated}
    assert changes == {
        "Fleet rollout": [("Close date", "2026-12-15", "2027-01-31")],
        # The CRM still says 50 % in a stage whose default is 80 %: the deal forecasts at the CRM's.
        "Analytics pilot": [
            ("Amount", "65,000", "70,000"),
            ("Stage", "Evaluating", "Committed"),
            ("Probability", "", "50 %"),
        ],
    }
    assert result.opportunities == {fleet, pilot}
    (slip,) = opportunity_repo.close_date_history(plan, fleet)
    assert (slip.old_date, slip.new_date, slip.is_slip) == (dt.date(2026, 12, 15), dt.date(2027, 1, 31), True)
    assert load_all_details(plan)[fleet].slips == 1
    moves = opportunity_repo.stage_history(plan, pilot)
    assert moves[-1].reason == "Changed in Salesforce: Negotiation/Review"
    assert moves[-1].commitment == ""  # the CRM records no customer commitment: premature stays visible
    # The seller's planning is exactly as it was.
    assert _planning(plan, fleet) == planning
    # The renewal is reported, never deleted.
    (missing,) = summary.missing
    assert (missing.external_id, missing.title) == ("0065g00000AAAA3AAA", "Support renewal")
    assert "0065g00000AAAA3AAA" in deals(plan)
    assert any("are not in these files (nothing was deleted)" in line for line in summary.lines())


def test_a_second_slip_makes_the_deal_slipping(plan: PlanDB, tmp_path: Path) -> None:
    run(plan, [SOURCE])
    run(plan, [_edited(tmp_path, {"2026-12-15,10": "2027-01-31,10"})])
    run(plan, [_edited(tmp_path, {"2026-12-15,10": "2027-03-31,10"})])
    fleet = deals(plan)["0065g00000AAAA1AAA"]["id"]
    assert load_all_details(plan)[fleet].slips == 2


def test_the_same_file_again_changes_nothing(plan: PlanDB) -> None:
    run(plan, [SOURCE])
    before = fingerprint(plan)
    again = run(plan, [SOURCE])
    assert (again.summary.created, len(again.summary.updated), again.summary.unchanged) == (0, 0, 5)
    assert again.opportunities == frozenset()
    assert fingerprint(plan) == before


def test_planner_edits_survive_unless_the_crm_changed_the_same_field(plan: PlanDB, tmp_path: Path) -> None:
    run(plan, [SOURCE])
    got = deals(plan)["0065g00000AAAA2AAA"]
    deal = opportunity_repo.get_opportunity(plan, got["id"])
    assert deal is not None
    # The seller replans in the planner: a new next step and a later close date.
    draft = OpportunityDraft(
        deal.title, deal.account_id, deal.stage_id, deal.product, None, deal.amount, deal.currency,
        dt.date(2027, 2, 28), None, deal.forecast_category, "Workshop with IT",
    )  # fmt: skip
    ops.update_opportunity(plan, deal.id, draft, TODAY)
    # The CRM did not change those fields: the weekly refresh keeps the seller's values.
    same = run(plan, [SOURCE])
    assert same.summary.updated == ()
    row = next(r for r in preview(plan, [SOURCE]).rows if r.external_id == "0065g00000AAAA2AAA")
    assert set(row.kept) == {"Close date", "Next step"}
    kept = deals(plan)["0065g00000AAAA2AAA"]
    assert (kept["next_step"], kept["close_date"]) == ("Workshop with IT", "2027-02-28")
    # The CRM then changes the next step too: its value wins, and the summary says it replaced ours.
    changed = run(plan, [_edited(tmp_path, {"Send the proposal": "Proposal sent; waiting"})])
    (update,) = changed.summary.updated
    (change,) = update.changes
    assert (change.field, change.old, change.new, change.replaced_planner_value) == (
        "Next step", "Workshop with IT", "Proposal sent; waiting", True,
    )  # fmt: skip
    assert "(replaces your planner edit)" in change.line()
    assert deals(plan)["0065g00000AAAA2AAA"]["close_date"] == "2027-02-28"


def test_hand_made_deal_is_matched_by_account_and_name(plan: PlanDB) -> None:
    _change, account = ops.create_account(plan, AccountDraft("Northwind Traders"))
    stage = stage_repo.list_stages(plan)[1].id
    _change, mine = ops.create_opportunity(plan, OpportunityDraft("Fleet rollout", account, stage), TODAY)
    result = run(plan, [SOURCE])
    assert result.summary.created == 4
    (update,) = result.summary.updated
    assert update.opportunity_id == mine
    assert ("CRM id", "", "0065g00000AAAA1AAA") in [(c.field, c.old, c.new) for c in update.changes]
    linked = opportunity_repo.get_opportunity(plan, mine)
    assert linked is not None
    assert (linked.external_id, linked.source) == ("0065g00000AAAA1AAA", "salesforce")
    assert plan.query("SELECT COUNT(*) FROM account WHERE name = 'Northwind Traders'") == [(1,)]


def test_closing_and_reopening_from_the_crm(plan: PlanDB, tmp_path: Path) -> None:
    run(plan, [SOURCE])
    won = run(plan, [_edited(tmp_path, {'Prospecting,"120,000.00"': 'Closed Won,"120,000.00"'})])
    (update,) = won.summary.updated
    fleet = deals(plan)["0065g00000AAAA1AAA"]
    assert (fleet["stage"], fleet["closed_on"], fleet["close_reason"]) == (
        "Won",
        "2026-12-15",
        "Won in Salesforce",
    )
    assert update.changes[0].new == "Won"
    reopened = run(plan, [SOURCE])
    assert [c.new for c in reopened.summary.updated[0].changes] == ["Prospect"]
    fleet = deals(plan)["0065g00000AAAA1AAA"]
    assert (fleet["stage"], fleet["closed_on"]) == ("Prospect", None)


def test_closed_deals_leaving_the_export_are_not_reported(plan: PlanDB, tmp_path: Path) -> None:
    run(plan, [SOURCE])
    result = run(plan, [_edited(tmp_path, {}, drop="0065g00000AAAA4AAA")])
    assert result.summary.missing == ()


def test_influences_from_contact_roles_are_added_once(plan: PlanDB) -> None:
    folder = DATA / "salesforce_export"
    run(plan, [folder])
    expansion = deals(plan)["006A0000001"]["id"]
    influences = people_repo.list_influences(plan, expansion)
    assert len(influences) == 2
    # The seller removes one (wrong person); the next refresh does not bring it back.
    with plan.atomic():
        plan.execute("DELETE FROM buying_influence WHERE id = ?", [influences[1].id])
    again = run(plan, [folder])
    assert again.summary.influences_created == 0
    assert len(people_repo.list_influences(plan, expansion)) == 1
    assert all(r.action is Action.UNCHANGED for r in preview(plan, [folder]).rows)
