"""One read of the Blue Sheets of some deals: every record planner.sheet puts in its read model.

A fixed number of grouped queries per 500 deals, whatever the number of deals or records, so
the Blue Sheet panel (one deal) and the review pack (hundreds) read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.model import (
    Account,
    CallPlan,
    CardDetails,
    Commitment,
    ManualFlag,
    Opportunity,
    Person,
    Stage,
)
from planner.storage import accounts as account_repo
from planner.storage import blue_sheet
from planner.storage import evidence as evidence_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.board import load_details
from planner.storage.db import PlanDB
from planner.storage.opportunities import _COLUMNS as _OPPORTUNITY_COLUMNS
from planner.storage.opportunities import _opportunity
from planner.storage.pack_queries import PackRecords, load_pack_records

CHUNK = 500


@dataclass(frozen=True, slots=True)
class SheetRecords:
    """The records of a set of deals, grouped by opportunity id, each list in display order."""

    opportunities: dict[int, Opportunity]  # in the caller's order; unknown ids left out
    accounts: dict[int, Account]  # the deals' accounts
    stages: tuple[Stage, ...]  # every stage of the plan, retired ones too
    records: PackRecords  # influences, people they name, competition, actions, notes, histories
    account_people: dict[int, list[Person]]  # by account id, by name: whom an influence may name
    manual_flags: dict[int, list[ManualFlag]]
    commitments: dict[int, list[Commitment]]  # the latest first
    call_plans: dict[int, list[CallPlan]]  # by meeting time
    details: dict[int, CardDetails]  # the dated evidence the funnel rules read
    won_cycle_days: list[int]  # the plan's won deals, for the Best Few rule's normal cycle


def load_sheet_records(plan: PlanDB, opportunity_ids: Sequence[int]) -> SheetRecords:
    """The records of the given deals (open or closed)."""
    wanted = list(dict.fromkeys(opportunity_ids))
    opportunities: dict[int, Opportunity] = {}
    flags: dict[int, list[ManualFlag]] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for r in plan.query(f"SELECT {_OPPORTUNITY_COLUMNS} FROM opportunity WHERE id IN ({marks})", chunk):
            opportunities[r[0]] = _opportunity(r)
        for r in plan.query(
            "SELECT id, opportunity_id, is_strength, text, influence_id FROM manual_flag"
            f" WHERE opportunity_id IN ({marks}) ORDER BY opportunity_id, id",
            chunk,
        ):
            flags.setdefault(r[1], []).append(ManualFlag(r[0], r[1], bool(r[2]), r[3], r[4]))
    ids = [i for i in wanted if i in opportunities]
    opportunities = {i: opportunities[i] for i in ids}
    account_ids = sorted({o.account_id for o in opportunities.values() if o.account_id is not None})
    accounts = {a.id: a for a in account_repo.accounts_of(plan, account_ids)}
    account_people: dict[int, list[Person]] = {a: [] for a in account_ids}
    for start in range(0, len(account_ids), CHUNK):
        chunk = account_ids[start : start + CHUNK]
        for r in plan.query(
            f"SELECT {people_repo._PERSON} FROM person WHERE account_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY name COLLATE NOCASE, id",
            chunk,
        ):
            person = people_repo._person(r)
            account_people[person.account_id].append(person)
    return SheetRecords(
        opportunities,
        accounts,
        tuple(stage_repo.list_stages(plan)),
        load_pack_records(plan, ids),
        account_people,
        flags,
        evidence_repo.commitments_of(plan, ids),
        evidence_repo.call_plans_of(plan, ids),
        load_details(plan, ids),
        blue_sheet.won_cycle_days(plan),
    )
