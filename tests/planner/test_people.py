"""Everyone in the plan: the directory, likely duplicates, editing a person once, merging two."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from planner import people
from planner.errors import OperationError
from planner.model import BuyingInfluence, CallPlan, ManualFlag, Mode, Person, Role
from planner.storage import activities as activity_repo
from planner.storage import evidence as evidence_repo
from planner.storage import people as people_repo
from planner.storage.db import PlanDB


def every_table(plan: PlanDB) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the plan: 'exactly as before' means equal dumps (the search
    index is left out: FTS5 keeps it in shadow tables without a rowid, and rebuilds it from the rows)."""
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'"
        )
    ]
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in sorted(tables)}


def _aisha(plan: PlanDB) -> Person:
    found = [r.person for r in people.directory(plan) if r.person.name == "Aisha Rahman" and r.deals]
    return found[0]


def _duplicate(plan: PlanDB) -> tuple[Person, Person, int, int]:
    """Aisha and a second record of her (another import): on one of her deals and on one she is not on.

    Returns (Aisha, the duplicate, the shared deal, the duplicate's own deal).
    """
    aisha = _aisha(plan)
    dup_id = people_repo.insert_person(
        plan, Person(0, aisha.account_id, "  aisha RAHMAN ", "", "aisha@example.com", "+49 1", "From the CRM")
    )
    mine = people_repo.list_influences_of(plan, aisha.id)
    shared = mine[0].opportunity_id
    others = plan.query(
        "SELECT id FROM opportunity WHERE account_id = ? AND id NOT IN"
        " (SELECT opportunity_id FROM buying_influence WHERE person_id = ?) ORDER BY id",
        [aisha.account_id, aisha.id],
    )
    own = others[0][0] if others else 0
    with plan.atomic():
        shared_bi = people_repo.insert_influence(
            plan,
            BuyingInfluence(
                0, shared, dup_id, Role.COACH, mode=Mode.GROWTH, rating=3, win="Looks good", covered_by="Kim"
            ),
        )
        if own:
            people_repo.insert_influence(plan, BuyingInfluence(0, own, dup_id, Role.USER, rating=1))
        activity_repo.insert_manual_flag(plan, ManualFlag(0, shared, False, "Hard to reach", shared_bi))
        evidence_repo.insert_call_plan(
            plan, CallPlan(0, shared, dt.datetime(2026, 11, 20, 10), "Kick-off", (shared_bi, mine[0].id))
        )
        # Someone on the shared deal reports to the duplicate.
        other = next(
            bi for bi in people_repo.list_influences(plan, shared) if bi.person_id not in (aisha.id, dup_id)
        )
        people_repo.update_influence(plan, dataclasses.replace(other, reports_to_id=dup_id))
    dup = people_repo.get_person(plan, dup_id)
    assert dup is not None
    return aisha, dup, shared, own


def test_fold_ignores_case_accents_punctuation_and_spacing() -> None:
    assert people.fold("Dr. José  Müller") == people.fold("dr jose muller") == "dr jose muller"
    assert people.fold("Anna Schmidt") != people.fold("Anne Schmidt")


def test_directory_lists_deals_last_contact_and_who_met_them(demo_plan: PlanDB) -> None:
    rows = people.directory(demo_plan)
    assert len(rows) == demo_plan.query("SELECT COUNT(*) FROM person")[0][0]
    aisha = next(r for r in rows if r.person.name == "Aisha Rahman" and r.deals)
    stored = people_repo.list_influences_of(demo_plan, aisha.person.id)
    assert {d.opportunity_id for d in aisha.deals} == {bi.opportunity_id for bi in stored}
    assert aisha.last_contact == max(bi.last_contact for bi in stored if bi.last_contact)
    assert aisha.met_by == ("Sam Seller",)
    # Same name at other accounts: different people, not duplicates.
    assert people.duplicates(rows) == []


def test_duplicates_are_same_account_and_folded_name(demo_plan: PlanDB) -> None:
    aisha, dup, _shared, _own = _duplicate(demo_plan)
    groups = people.duplicates(people.directory(demo_plan))
    assert [{r.person.id for r in g} for g in groups] == [{aisha.id, dup.id}]


def test_edit_person_changes_every_deal_once(demo_plan: PlanDB) -> None:
    aisha = _aisha(demo_plan)
    change = people.edit_person(demo_plan, dataclasses.replace(aisha, name="Aisha R. Khan", phone="+44 20"))
    assert change.opportunities == set(people_repo.opportunities_of_person(demo_plan, aisha.id))
    row = next(r for r in people.directory(demo_plan) if r.person.id == aisha.id)
    assert (row.person.name, row.person.phone) == ("Aisha R. Khan", "+44 20")


def test_a_person_on_deals_keeps_their_account(demo_plan: PlanDB) -> None:
    aisha = _aisha(demo_plan)
    other = demo_plan.query("SELECT id FROM account WHERE id != ? ORDER BY id", [aisha.account_id])[0][0]
    before = every_table(demo_plan)
    with pytest.raises(OperationError, match="take them off"):
        people.edit_person(demo_plan, dataclasses.replace(aisha, account_id=other, name="Changed"))
    assert every_table(demo_plan) == before
    loose = next(r.person for r in people.directory(demo_plan) if not r.deals)
    people.edit_person(demo_plan, dataclasses.replace(loose, account_id=other))
    moved = people_repo.get_person(demo_plan, loose.id)
    assert moved is not None
    assert moved.account_id == other


def test_merge_moves_deals_folds_shared_ones_and_undoes_exactly(demo_plan: PlanDB) -> None:
    aisha, dup, shared, own = _duplicate(demo_plan)
    kept_bi = next(bi for bi in people_repo.list_influences(demo_plan, shared) if bi.person_id == aisha.id)
    before = every_table(demo_plan)
    scope = people.merge_scope(demo_plan, aisha.id, dup.id)
    state_before = people.capture_merge(demo_plan, scope)

    change = people.merge_people(demo_plan, aisha.id, dup.id)

    assert shared in change.opportunities
    assert people_repo.get_person(demo_plan, dup.id) is None
    merged = people_repo.get_person(demo_plan, aisha.id)
    assert merged is not None
    assert merged.email == "aisha@example.com"  # empty on the kept record: taken from the other
    assert "From the CRM" in merged.notes
    on_shared = [bi for bi in people_repo.list_influences(demo_plan, shared) if bi.person_id == aisha.id]
    assert [bi.id for bi in on_shared] == [kept_bi.id]  # one influence per deal, the kept one
    assert on_shared[0].win == kept_bi.win or (not kept_bi.win and on_shared[0].win == "Looks good")
    if own:
        assert [
            bi.person_id for bi in people_repo.list_influences(demo_plan, own) if bi.role is Role.USER
        ] == [aisha.id]
    assert demo_plan.query("SELECT COUNT(*) FROM buying_influence WHERE reports_to_id = ?", [dup.id]) == [
        (0,)
    ]
    flags = activity_repo.list_manual_flags(demo_plan, shared)
    assert [f.influence_id for f in flags if f.text == "Hard to reach"] == [kept_bi.id]
    (call,) = [c for c in evidence_repo.list_call_plans(demo_plan, shared) if c.title == "Kick-off"]
    assert call.attendees == (kept_bi.id,)
    after = every_table(demo_plan)
    state_after = people.capture_merge(demo_plan, scope)

    people.revert_merge(demo_plan, scope, state_before)
    assert every_table(demo_plan) == before
    people.revert_merge(demo_plan, scope, state_after)
    assert every_table(demo_plan) == after


def test_merge_refuses_other_accounts_and_writes_nothing(demo_plan: PlanDB) -> None:
    rows = [r.person for r in people.directory(demo_plan) if r.person.name == "Aisha Rahman"]
    before = every_table(demo_plan)
    with pytest.raises(OperationError, match="same account"):
        people.merge_people(demo_plan, rows[0].id, rows[1].id)
    assert every_table(demo_plan) == before


def test_add_person_is_checked_and_undone(demo_plan: PlanDB) -> None:
    account = demo_plan.query("SELECT id FROM account ORDER BY id")[0][0]
    before = every_table(demo_plan)
    with pytest.raises(OperationError):
        people.add_person(demo_plan, Person(0, account, "   "))
    assert every_table(demo_plan) == before
    _change, new_id = people.add_person(demo_plan, Person(0, account, "<b>Kim</b>", "CFO"))
    scope = people.people_scope((new_id,))
    added = people.capture_merge(demo_plan, scope)
    people.revert_merge(demo_plan, scope, tuple(dataclasses.replace(t, rows=()) for t in added))
    assert every_table(demo_plan) == before
    people.revert_merge(demo_plan, scope, added)
    assert people_repo.get_person(demo_plan, new_id) == Person(new_id, account, "<b>Kim</b>", "CFO")
