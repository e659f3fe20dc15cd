"""One read model of a deal's Blue Sheet: the deal, its records, its funnel status and its red flags.

The Blue Sheet panel (one deal) and the review pack (many) read a deal through `load_sheet` /
`load_sheets`: one storage read (planner.storage.sheets), the funnel status from
planner.funnel and the red flags and strengths from the rule engine, evaluated on the very
records the sheet shows. (The board and the clean-up list evaluate thousands of deals through
the engine's own lighter bulk read, red_flags.load_facts.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner import funnel, red_flags
from planner.funnel import DealTiming, FunnelStatus
from planner.model import (
    Account,
    Action,
    ActionStatus,
    BuyingInfluence,
    CallPlan,
    CardDetails,
    CloseDateChange,
    Commitment,
    Competitor,
    ManualFlag,
    Note,
    Opportunity,
    Person,
    Stage,
    StageMove,
)
from planner.red_flags import DealFacts, Flag
from planner.storage.db import PlanDB
from planner.storage.sheets import SheetRecords, load_sheet_records

_NO_DETAILS = CardDetails("", None, None, 0, None, ())


@dataclass(frozen=True, slots=True)
class Sheet:
    """A deal's Blue Sheet as every reader shows it, read once."""

    opportunity: Opportunity
    account: Account | None
    stage: Stage
    stages: tuple[Stage, ...]  # every stage of the plan, retired ones too
    influences: tuple[BuyingInfluence, ...]  # in id order
    people: Mapping[int, Person]  # the account's people and anyone an influence names
    competitors: tuple[Competitor, ...]
    actions: tuple[Action, ...]  # open ones first, by due date
    manual_flags: tuple[ManualFlag, ...]
    notes: tuple[Note, ...]  # the seller's and the manager's, oldest first (hidden ones left out)
    commitments: tuple[Commitment, ...]  # the customer's commitments, the latest first
    call_plans: tuple[CallPlan, ...]  # by meeting time
    stage_moves: tuple[StageMove, ...]  # oldest first
    close_date_changes: tuple[CloseDateChange, ...]  # oldest first
    timing: DealTiming
    status: FunnelStatus | None  # None for a closed deal: the funnel rules judge open deals
    flags: tuple[Flag, ...]  # red flags and strengths, in the engine's order

    @property
    def account_name(self) -> str:
        return self.account.name if self.account else ""

    @property
    def red_flags(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if not f.is_strength)

    @property
    def strengths(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.is_strength)


def load_sheets(plan: PlanDB, opportunity_ids: Sequence[int], today: dt.date) -> dict[int, Sheet]:
    """The sheets of the given deals (open or closed), in the given order; unknown ids left out."""
    return sheets_from(load_sheet_records(plan, opportunity_ids), today)


def load_sheet(plan: PlanDB, opportunity_id: int, today: dt.date) -> Sheet | None:
    """One deal's sheet, or None when there is no such deal."""
    return load_sheets(plan, [opportunity_id], today).get(opportunity_id)


def sheets_from(found: SheetRecords, today: dt.date) -> dict[int, Sheet]:
    """Sheets of records already read: the facts the rules read are the records the sheet shows."""
    stages = {s.id: s for s in found.stages}
    rules = funnel.stage_rules(found.stages)
    context = red_flags.PlanContext(
        red_flags.decision_items(found.stages), red_flags.normal_cycle(found.won_cycle_days)
    )
    records = found.records
    facts: dict[int, DealFacts] = {}
    for deal_id, o in found.opportunities.items():
        actions = records.actions.get(deal_id, ())
        facts[deal_id] = DealFacts(
            o,
            stages[o.stage_id],
            rules[o.stage_id],
            funnel.timing_from(o, found.details.get(deal_id, _NO_DETAILS)),
            tuple(records.influences.get(deal_id, ())),
            records.people,
            tuple(found.manual_flags.get(deal_id, ())),
            found.accounts[o.account_id].name if o.account_id in found.accounts else "",
            frozenset(a.flag_ref for a in actions if a.status is not ActionStatus.DONE),
            tuple(found.commitments.get(deal_id, ())),
            context,
        )
    flags = red_flags.evaluate_all(facts, today)
    result: dict[int, Sheet] = {}
    for deal_id, o in found.opportunities.items():
        deal = facts[deal_id]
        account = found.accounts.get(o.account_id) if o.account_id is not None else None
        people = dict(records.people)
        if account is not None:
            people.update((p.id, p) for p in found.account_people.get(account.id, ()))
        result[deal_id] = Sheet(
            opportunity=o,
            account=account,
            stage=deal.stage,
            stages=found.stages,
            influences=tuple(records.influences.get(deal_id, ())),  # in id order (the query's)
            people=people,
            competitors=tuple(records.competitors.get(deal_id, ())),
            actions=tuple(records.actions.get(deal_id, ())),
            manual_flags=deal.manual_flags,
            notes=tuple(records.notes.get(deal_id, ())),
            commitments=tuple(found.commitments.get(deal_id, ())),
            call_plans=tuple(found.call_plans.get(deal_id, ())),
            stage_moves=tuple(records.stage_moves.get(deal_id, ())),
            close_date_changes=tuple(records.close_date_changes.get(deal_id, ())),
            timing=deal.timing,
            status=None if deal.stage.is_closed else funnel.status(deal.timing, deal.rule, today),
            flags=tuple(flags.get(deal_id, ())),
        )
    return result
