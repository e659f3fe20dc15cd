"""The quarter-end clean-up: open deals the rule engine flags, by value, and bulk actions on them."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from planner import funnel, red_flags
from planner.forecast import PlanFacts, load_plan_facts
from planner.i18n import translate
from planner.model import Card, FunnelLevel, StatusColumns
from planner.operations import Change, MoveDetails, OperationError, move_opportunity, snooze_opportunity
from planner.red_flags import Flag, RecordRef
from planner.stages import ordered
from planner.storage import blue_sheet
from planner.storage import opportunities as opportunity_repo
from planner.storage import snapshot as snapshots
from planner.storage import stages as stage_repo
from planner.storage.board import load_status_columns
from planner.storage.db import PlanDB

# Which of the engine's red flags put a deal on the clean-up list (docs/method.md: "stale, slipping,
# overdue, premature or missing information"). "Missing information" is `objective-incomplete`:
# a deal without an amount, a close date or a product cannot be forecast. A Best Few deal the
# Economic buyer has not confirmed (or that closes too far out) is forecast on hope, and a deal
# with no next step is going nowhere: both are clean-up too. The Blue Sheet's rules about
# people (`unknown`, `uncovered-influence`, `not-in-funnel-yet`, `single-threaded`) and about
# the plan's own actions (`flag-without-action`) and the seller's mood are left to the Blue
# Sheet: they flag most deals of a young plan and say nothing about whether the deal belongs in
# this quarter; reading them would also mean reading every Blue Sheet.
HYGIENE_RULES: tuple[str, ...] = (
    red_flags.OBJECTIVE_INCOMPLETE,
    red_flags.STALE,
    red_flags.SLIPPING,
    red_flags.OVERDUE,
    red_flags.PREMATURE,
    red_flags.BEST_FEW_UNCONFIRMED,
    red_flags.NO_NEXT_STEP,
)


class _Objective(NamedTuple):
    """What the SSO tests read (red_flags.ObjectiveFacts), without building an Opportunity."""

    title: str
    product: str
    amount: float | None
    quantity: float | None
    close_date: dt.date | None


class CleanupRow(NamedTuple):
    """One deal on the clean-up list, with the engine's flags that put it there.

    A NamedTuple (built in C) rather than a frozen dataclass: in a neglected 10,000-deal plan
    nearly every deal is listed, and the dataclass alone would cost 40 ms.
    """

    id: int
    title: str
    account: str
    stage_id: int
    stage: str
    close_date: dt.date | None
    amount: float | None
    currency: str
    value: float | None  # in the base currency; None without an amount or a rate
    flags: tuple[Flag, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(flag.rule for flag in self.flags)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the deal is listed, in the engine's words and order."""
        return tuple(flag.reason for flag in self.flags)


_row = partial(tuple.__new__, CleanupRow)
_objective = partial(tuple.__new__, _Objective)
_ref = partial(tuple.__new__, RecordRef)
_card = partial(tuple.__new__, Card)
_first_three = itemgetter(0, 1, 2)


@dataclass(frozen=True, slots=True)
class Cleanup:
    """The clean-up list: flagged open deals, most valuable first."""

    today: dt.date
    base_currency: str
    rows: tuple[CleanupRow, ...]
    open_deals: int  # how many open deals were rated

    @property
    def value(self) -> float:
        """What the listed deals are worth in the base currency (amounts without a rate left out)."""
        return sum(row.value or 0.0 for row in self.rows)


def cleanup_list(plan: PlanDB, today: dt.date, facts: PlanFacts | None = None) -> Cleanup:
    """Every open deal with a HYGIENE_RULES flag, each with the engine's reasons, by value.

    The flags are the engine's own (`red_flags.funnel_flags`, `red_flags.objective_flag`,
    `red_flags.best_few_flag`, `red_flags.next_step_flag`, worded as `red_flags.evaluate` words
    them), fed in bulk by `funnel.statuses` like the board's badges:
    the list rates every open deal without loading a single Blue Sheet. `facts` are the
    forecast's, when it has just read them (the deals are then not read twice).
    """
    facts = facts or load_plan_facts(plan)
    evidence: StatusColumns = load_status_columns(plan)
    stages, names, base, rates = facts.stages, facts.accounts, facts.base_currency, facts.rates
    rules = funnel.stage_rules(list(stages.values()))
    # What best-few-unconfirmed and no-next-step read, in three grouped queries.
    context = red_flags.load_context(plan, list(stages.values()))
    best_few = blue_sheet.commitments_in_level(plan, FunnelLevel.BEST_FEW)
    no_action = blue_sheet.deals_without_open_action(plan)
    best_few_stages = {s.id for s in stages.values() if s.level is FunnelLevel.BEST_FEW}
    open_ids = {s.id for s in stages.values() if not s.level.is_closed}
    deals = [d for d in facts.deals if d.stage_id in open_ids]
    cards = [
        _card(
            (
                d.id,
                d.stage_id,
                d.title,
                d.account_id,
                d.amount,
                d.currency,
                d.close_date,
                d.stage_entered,
                None,
                "",
            )
        )
        for d in deals
    ]
    statuses = funnel.statuses(cards, evidence, rules, today)
    dates: dict[str | None, dt.date | None] = {None: None}
    keyed: list[tuple[Any, ...]] = []
    objective_flag, funnel_flags = red_flags.objective_flag, red_flags.funnel_flags
    best_few_flag, next_step_flag = red_flags.best_few_flag, red_flags.next_step_flag
    slipping_after = funnel.SLIPPING_AFTER
    wording = red_flags.Wording()  # the reasons' sentences, translated once for every deal
    reasons = wording.funnel
    enabled = gc.isenabled()
    gc.disable()  # nothing here is garbage; 10,000 rows would set the collector off for nothing
    try:
        for deal, status in zip(deals, statuses, strict=True):  # the hot loop: few helper calls
            deal_id, close_text = deal.id, deal.close_date
            close = dates.get(close_text)
            if close is None and close_text is not None:
                close = dates[close_text] = dt.date.fromisoformat(close_text[:10])
            ref = _ref(("opportunity", deal_id))
            account = names.get(deal.account_id or 0, "")
            amount, currency = deal.amount, deal.currency
            objective = objective_flag(
                _objective((deal.title, deal.product, amount, deal.quantity, close)), account, ref, wording
            )
            if (
                status.stale_days is not None
                or status.slips >= slipping_after
                or status.overdue
                or status.premature
            ):
                flags = funnel_flags(status, stages[deal.stage_id].name, close, ref, today, reasons)
                if objective is not None:
                    flags.insert(0, objective)  # the engine's order: the objective first
            elif objective is not None:
                flags = [objective]
            else:
                flags = []
            if deal.stage_id in best_few_stages:
                unconfirmed = best_few_flag(best_few.get(deal_id, ()), close, context, ref, today, wording)
                if unconfirmed is not None:
                    flags.append(unconfirmed)
            crm_step = no_action.get(deal_id)
            if crm_step is not None:
                flags.append(next_step_flag(crm_step, ref, wording))
            if not flags:
                continue
            if amount is None:
                value = None
            elif currency == base:
                value = amount
            else:
                rate = rates.get(currency)
                value = None if rate is None else amount * rate
            # By value, highest first; deals whose currency has no rate next (by amount); no
            # amount last. Decorated with that key: tuples compare in C, a key function would not.
            if value is not None:
                key = (0, -value, deal_id)
            elif amount is not None:
                key = (1, -amount, deal_id)
            else:
                key = (2, 0.0, deal_id)
            keyed.append(
                key
                + _row(
                    (
                        deal_id,
                        deal.title,
                        account,
                        deal.stage_id,
                        stages[deal.stage_id].name,
                        close,
                        amount,
                        currency,
                        value,
                        tuple(flags),
                    )
                )
            )
    finally:
        if enabled:
            gc.enable()
    keyed.sort(key=_first_three)
    return Cleanup(today, base, tuple(_row(entry[3:]) for entry in keyed), len(deals))


def cleanup_json(cleanup: Cleanup) -> dict[str, Any]:
    """The list as plain JSON values (what `planner hygiene --json` prints)."""
    return {
        "today": cleanup.today.isoformat(),
        "base_currency": cleanup.base_currency,
        "open_deals": cleanup.open_deals,
        "listed": len(cleanup.rows),
        "value": cleanup.value,
        "deals": [
            {
                "id": row.id,
                "title": row.title,
                "account": row.account,
                "stage": row.stage,
                "close_date": row.close_date.isoformat() if row.close_date else None,
                "amount": row.amount,
                "currency": row.currency,
                "value": row.value,
                "flags": [{"rule": flag.rule, "reason": flag.reason} for flag in row.flags],
            }
            for row in cleanup.rows
        ],
    }


# ----------------------------------------------------------------------------------------------
# Bulk actions: one transaction each; undo puts every touched deal back from a snapshot.


@dataclass(frozen=True, slots=True)
class DealsSnapshot:
    """Several deals, each with its whole record, to put back exactly (multi-deal undo)."""

    deals: tuple[tuple[int, snapshots.Snapshot], ...]

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(deal_id for deal_id, _ in self.deals)


def snapshot_deals(plan: PlanDB, opportunity_ids: Iterable[int]) -> DealsSnapshot:
    """The whole record of each deal (histories, Blue Sheet), for undo and redo."""
    unique = list(dict.fromkeys(opportunity_ids))
    return DealsSnapshot(tuple((deal_id, snapshots.capture_opportunity(plan, deal_id)) for deal_id in unique))


def revert_deals(plan: PlanDB, snap: DealsSnapshot) -> Change:
    """Make every deal exactly what the snapshot holds, in one transaction."""
    present: set[int] = set()
    with plan.atomic():
        for deal_id, deal in snap.deals:
            snapshots.replace_opportunity(plan, deal_id, deal)
            if any(part.table == "opportunity" and part.rows for part in deal.tables):
                present.add(deal_id)
    return Change(opportunities=frozenset(present), removed_opportunities=snap.ids - present)


def _open_deals(plan: PlanDB, opportunity_ids: Sequence[int]) -> list[int]:
    if not opportunity_ids:
        raise OperationError(translate("Operations", "Choose one or more deals first."))
    stages = {s.id: s for s in stage_repo.list_stages(plan)}
    for deal_id in opportunity_ids:
        deal = opportunity_repo.get_opportunity(plan, deal_id)
        if deal is None:
            raise OperationError(translate("Operations", "One of the deals no longer exists."))
        if stages[deal.stage_id].is_closed:
            raise OperationError(
                translate("Operations", "“{title}” is already closed.").format(title=deal.title)
            )
    return list(dict.fromkeys(opportunity_ids))


def change_close_dates(
    plan: PlanDB, opportunity_ids: Sequence[int], new_date: dt.date, today: dt.date
) -> Change:
    """Give open deals a new close date (each change goes into the close-date history)."""
    ids = _open_deals(plan, opportunity_ids)
    if new_date < today:
        raise OperationError(
            translate(
                "Operations", "A new close date is today or later: an earlier one would be overdue at once."
            )
        )
    changed: set[int] = set()
    with plan.atomic():
        for deal_id in ids:
            deal = opportunity_repo.get_opportunity(plan, deal_id)
            assert deal is not None
            if deal.close_date != new_date:
                opportunity_repo.set_close_date(plan, deal_id, deal.close_date, new_date)
                changed.add(deal_id)
    return Change(opportunities=frozenset(changed))


def snooze_deals(
    plan: PlanDB, opportunity_ids: Sequence[int], until: dt.date, reason: str, today: dt.date
) -> Change:
    """'Stalled for a known reason': snooze the stale warning of open deals until a date."""
    ids = _open_deals(plan, opportunity_ids)
    with plan.atomic():
        for deal_id in ids:
            snooze_opportunity(plan, deal_id, until, reason, today)
    return Change(opportunities=frozenset(ids))


def walk_away_stage(plan: PlanDB) -> int:
    """The stage walking away moves a deal to: the first Walked away stage on the board."""
    for stage in ordered(stage_repo.list_stages(plan)):
        if stage.level is FunnelLevel.WALKED_AWAY:
            return stage.id
    raise OperationError(
        translate("Operations", "The plan has no Walked away stage: add one in the stage settings.")
    )


def walk_away(
    plan: PlanDB,
    opportunity_ids: Sequence[int],
    reason: str,
    today: dt.date,
    closed_on: dt.date | None = None,
    *,
    reason_code: str = "",
    competitor: str = "",
) -> Change:
    """Walk away from open deals with one reason: each moves to Walked away (into the archive)
    with the reason's code from the plan's list (planner.close_reasons), the competitor who won
    and the note `reason`; a code alone says why."""
    if not reason.strip() and not reason_code.strip():
        raise OperationError(
            translate("Operations", "Say why you walk away: the reason stays with the deal in the archive.")
        )
    ids = _open_deals(plan, opportunity_ids)
    target = walk_away_stage(plan)
    details = MoveDetails(
        reason=reason.strip(), closed_on=closed_on or today, reason_code=reason_code, competitor=competitor
    )
    with plan.atomic():
        for deal_id in ids:
            move_opportunity(plan, deal_id, target, details, today)
    return Change(opportunities=frozenset(ids))
