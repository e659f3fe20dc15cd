"""Service functions: every user edit is one call here, one transaction, one change record.

The UI's undo commands call these (and their inverses); the command line calls them too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from planner import close_reasons, funnel, limits
from planner.changes import Change as Change  # defined there: light at start-up
from planner.errors import OperationError as OperationError  # defined there: light at start-up
from planner.i18n import translate
from planner.model import AccountDraft, Commitment, FunnelLevel, Opportunity, OpportunityDraft, Stage
from planner.reasons import CREATED, ENTRY_ON_RECORD, STAGE_DELETED
from planner.reasons import REOPENED as REOPENED  # re-exported, like the two below
from planner.reasons import SYSTEM_REASONS as SYSTEM_REASONS
from planner.reasons import shown_reason as shown_reason
from planner.stage_moves import move_bookkeeping
from planner.stages import StageSpec, open_stages
from planner.storage import accounts as account_repo
from planner.storage import blue_sheet as blue_sheet_repo
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage import snapshot as snapshots
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from planner.validation import check_amount, check_currency, check_probability, check_title


def validate_opportunity(plan: PlanDB, draft: OpportunityDraft) -> None:
    """Raise OperationError if the draft cannot be written (the editor validates first)."""
    try:
        check_title(draft.title)
        check_currency(draft.currency)
        check_probability(draft.probability_override)
        if draft.amount is not None:
            check_amount(draft.amount)
    except ValueError as exc:
        raise OperationError(str(exc)) from exc
    if stage_repo.get_stage(plan, draft.stage_id) is None:
        raise OperationError(translate("Operations", "That stage no longer exists."))
    if draft.account_id is not None and account_repo.get_account(plan, draft.account_id) is None:
        raise OperationError(translate("Operations", "That account no longer exists."))


def create_opportunity(
    plan: PlanDB, draft: OpportunityDraft, today: dt.date, *, opportunity_id: int | None = None
) -> tuple[Change, int]:
    """Add a deal; its first stage-history row records where it started."""
    validate_opportunity(plan, draft)
    with plan.atomic():
        new_id = opportunity_repo.insert_opportunity(
            plan, draft, stage_entered=today, opportunity_id=opportunity_id
        )
        opportunity_repo.add_stage_move(
            plan, new_id, None, draft.stage_id, commitment_date=None, reason=CREATED
        )
    return Change(opportunities=frozenset({new_id})), new_id


def update_opportunity(
    plan: PlanDB,
    opportunity_id: int,
    draft: OpportunityDraft,
    today: dt.date,
    move: MoveDetails | None = None,
) -> Change:
    """Save the editor's fields. A changed stage is a move through the same gate as a drag
    (`move_opportunity`, with `move`: the commitment or the reason), in the same transaction:
    without what the move needs, nothing is saved."""
    validate_opportunity(plan, draft)
    current = opportunity_repo.get_opportunity(plan, opportunity_id)
    if current is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    with plan.atomic():
        opportunity_repo.update_opportunity(
            plan, opportunity_id, dataclasses.replace(draft, stage_id=current.stage_id)
        )
        if draft.stage_id != current.stage_id:
            move_opportunity(plan, opportunity_id, draft.stage_id, move or MoveDetails(), today)
    return Change(opportunities=frozenset({opportunity_id}))


def delete_opportunity(plan: PlanDB, opportunity_id: int) -> tuple[Change, snapshots.Snapshot]:
    """Delete a deal; the snapshot lets `restore` undo it exactly."""
    snap = snapshots.capture_opportunity(plan, opportunity_id)
    opportunity_repo.delete_opportunity(plan, opportunity_id)
    return Change(removed_opportunities=frozenset({opportunity_id})), snap


def restore(plan: PlanDB, snap: snapshots.Snapshot) -> Change:
    """Undo a delete of a deal or an account."""
    snapshots.restore(plan, snap)
    ids = frozenset(row[0] for part in snap.tables if part.table == "opportunity" for row in part.rows)
    return Change(opportunities=ids, accounts_changed=snap.parent_id is not None)


def validate_account(plan: PlanDB, draft: AccountDraft, account_id: int | None = None) -> None:
    """Raise OperationError for an empty name or a parent that would make a cycle."""
    if not draft.name.strip():
        raise OperationError(translate("Operations", "Account name cannot be empty."))
    if draft.parent_id is not None:
        if account_repo.get_account(plan, draft.parent_id) is None:
            raise OperationError(translate("Operations", "The parent account no longer exists."))
        if account_id is not None and draft.parent_id in account_repo.descendants(plan, account_id):
            raise OperationError(
                translate("Operations", "An account cannot be its own parent or a subsidiary's subsidiary.")
            )


def create_account(plan: PlanDB, draft: AccountDraft, *, account_id: int | None = None) -> tuple[Change, int]:
    """Add an account."""
    validate_account(plan, draft)
    new_id = account_repo.insert_account(plan, draft, account_id=account_id)
    return Change(accounts_changed=True), new_id


def update_account(plan: PlanDB, account_id: int, draft: AccountDraft) -> Change:
    """Rename or re-parent an account; cards show the new name."""
    validate_account(plan, draft, account_id)
    account_repo.update_account(plan, account_id, draft)
    ids = frozenset(o.id for o in opportunity_repo.list_opportunities(plan, account_id=account_id))
    return Change(opportunities=ids, accounts_changed=True)


def delete_account(plan: PlanDB, account_id: int) -> tuple[Change, snapshots.Snapshot]:
    """Delete an account with its deals and people; the snapshot undoes it."""
    snap = snapshots.capture_account(plan, account_id)
    ids = frozenset(row[0] for part in snap.tables if part.table == "opportunity" for row in part.rows)
    account_repo.delete_account(plan, account_id)
    return Change(removed_opportunities=ids, accounts_changed=True), snap


def snapshot_opportunity(plan: PlanDB, opportunity_id: int) -> snapshots.Snapshot:
    """The whole record of a deal (empty when it does not exist), for undo."""
    return snapshots.capture_opportunity(plan, opportunity_id)


def revert_opportunity(plan: PlanDB, opportunity_id: int, snap: snapshots.Snapshot) -> Change:
    """Make a deal exactly what the snapshot holds; an empty snapshot removes the deal."""
    snapshots.replace_opportunity(plan, opportunity_id, snap)
    present = any(part.table == "opportunity" and part.rows for part in snap.tables)
    if present:
        return Change(opportunities=frozenset({opportunity_id}))
    return Change(removed_opportunities=frozenset({opportunity_id}))


def snapshot_account(plan: PlanDB, account_id: int) -> snapshots.Snapshot:
    """An account with everything in it, for undoing its creation or deletion."""
    return snapshots.capture_account(plan, account_id)


def snapshot_account_row(plan: PlanDB, account_id: int) -> snapshots.TableRows:
    """An account's own row, for undoing an edit of it."""
    return snapshots.capture_row(plan, "account", account_id)


def revert_account_row(plan: PlanDB, rows: snapshots.TableRows) -> Change:
    """Write an account's row back exactly (undo/redo of an account edit)."""
    snapshots.overwrite_row(plan, rows)
    account_id = rows.rows[0][0]
    ids = frozenset(o.id for o in opportunity_repo.list_opportunities(plan, account_id=account_id))
    return Change(opportunities=ids, accounts_changed=True)


@dataclass(frozen=True, slots=True)
class MoveDetails:
    """What the seller said about a move: the customer commitment, or the reason.

    Closing: `reason` is the seller's note, `reason_code` the reason from the plan's list
    (planner.close_reasons) and `competitor` who won (for a won deal, who we beat).
    """

    commitment: str = ""
    commitment_date: dt.date | None = None
    reason: str = ""
    closed_on: dt.date | None = None
    reason_code: str = ""
    competitor: str = ""


@dataclass(frozen=True, slots=True)
class MovePlan:
    """A move worked out once, before the seller is asked anything: the deal, where from and to,
    which way (planner.funnel.direction), the plan's stages and the deal's commitment records.
    The move dialog reads it; `apply_move` writes it without reading the deal again."""

    opportunity: Opportunity
    source: Stage
    target: Stage
    kind: str  # 'forward', 'backward', 'close', 'reopen' or 'none'
    stages: tuple[Stage, ...]
    commitments: tuple[Commitment, ...]

    @property
    def entry_missing(self) -> tuple[str, ...]:
        """The commitments that enter the target no record names (empty: a forward move needs
        no new one)."""
        rule = funnel.StageRule(self.target.position, None, funnel.entry_items(self.target, self.stages))
        return funnel.missing_entry(rule, [(c.stage_id, c.what) for c in self.commitments])


def plan_move(plan: PlanDB, opportunity_id: int, to_stage_id: int) -> MovePlan:
    """Read what a move of the deal to the stage needs, once (raises for a gone deal or stage)."""
    current = opportunity_repo.get_opportunity(plan, opportunity_id)
    if current is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    stages = tuple(stage_repo.list_stages(plan))
    by_id = {s.id: s for s in stages}
    source = by_id.get(current.stage_id)
    target = by_id.get(to_stage_id)
    if source is None or target is None or target.retired:
        raise OperationError(translate("Operations", "That stage no longer exists."))
    records = tuple(evidence_repo.list_commitments(plan, opportunity_id))
    return MovePlan(current, source, target, funnel.direction(source, target), stages, records)


def move_opportunity(
    plan: PlanDB, opportunity_id: int, to_stage_id: int, details: MoveDetails, today: dt.date
) -> Change:
    """Move a deal to another stage and record why in the stage history (`plan_move`, then
    `apply_move`)."""
    return apply_move(plan, plan_move(plan, opportunity_id, to_stage_id), details, today)


def apply_move(plan: PlanDB, move: MovePlan, details: MoveDetails, today: dt.date) -> Change:
    """Write a planned move with what the seller said about it.

    Forward moves carry the customer commitment that caused them; backward moves a reason;
    closing records the actual close date and the reason; reopening returns to an open stage.
    """
    current, source, target, kind = move.opportunity, move.source, move.target, move.kind
    if kind == "none":
        raise OperationError(
            translate("Operations", "The deal is already in {target}.").format(target=target.name)
        )
    said = details.commitment.strip()
    reason = details.reason.strip()
    stages = list(move.stages)
    if kind == "forward" and not said:
        # No new commitment: enough when the customer's commitments to enter the target are all
        # on record already (recorded on the days they were made).
        if move.entry_missing:
            raise OperationError(
                translate("Operations", "Say which customer commitment moved the deal forward.")
            )
        reason = ENTRY_ON_RECORD
    code, competitor = details.reason_code.strip(), " ".join(details.competitor.split())
    if kind == "close":
        close_reasons.check_close(target.level, code, competitor, reason)
        # The history says why in one line; the deal keeps the reason, competitor and note apart.
        reason = close_reasons.describe(code, competitor, reason, english=True)
    else:
        code = competitor = ""
    if kind in ("backward", "close") and not reason:
        raise OperationError(translate("Operations", "Say why the deal moves back or closes."))
    day = details.commitment_date or today
    if said and day > today:
        raise OperationError(translate("Operations", "A commitment cannot be dated in the future."))
    writes = move_bookkeeping(
        current.id,
        source.id,
        target.id,
        kind,
        last_open_stage_id=current.last_open_stage_id,
        today=today,
        commitment=said,
        commitment_date=day,
        reason=reason,
        closed_on=details.closed_on,
        close_reason=details.reason.strip(),
        close_code=code,
        close_competitor=competitor,
    )
    before = plan.version()
    with plan.atomic():
        # The commitments are recorded below, one record per checklist item.
        opportunity_repo.write_stage_move(plan, writes, record_commitment=False)
        for commitment in _move_commitments(current.id, said, day, source, target, kind, stages):
            evidence_repo.insert_commitment(plan, commitment)
        if writes.closed is not None and kind == "close":
            closed_on = writes.closed[0]
            if current.close_date != closed_on:
                opportunity_repo.set_close_date(plan, current.id, current.close_date, closed_on)
    if FunnelLevel.WON not in (source.level, target.level):
        # No deal was won or un-won: every card's red flags keep the plan's normal sales cycle
        # (re-reading it costs about 6 ms per move at 100,000 deals).
        blue_sheet_repo.keep_won_cycle_days(plan, before)
    return Change(opportunities=frozenset({current.id}))


def _move_commitments(
    opportunity_id: int, said: str, day: dt.date, source: Stage, target: Stage, kind: str, stages: list[Stage]
) -> list[Commitment]:
    """The records a move's commitment makes: each ticked checklist item of the stages passed
    with the stage whose item it is, and the rest (the customer's own words) as one free text."""
    if not said:
        return []
    items: dict[str, tuple[int, str]] = {}
    if kind == "forward":
        for stage, text in funnel.checklist_between(source, target, stages):
            items.setdefault(funnel.checklist_key(text), (stage.id, text))
    found: list[Commitment] = []
    own: list[str] = []
    for part in said.split(";") if items else [said]:
        item = items.get(funnel.checklist_key(part))
        if item is None:
            own.append(part.strip())
        elif all(c.stage_id != item[0] or c.what != item[1] for c in found):
            found.append(Commitment(0, opportunity_id, item[1], day, stage_id=item[0]))
    words = "; ".join(part for part in own if part)
    if words:
        found.append(Commitment(0, opportunity_id, words, day))
    return found


def reopen_stage(plan: PlanDB, opportunity_id: int) -> int:
    """Where reopening a closed deal returns it: its last open stage, else the first one."""
    current = opportunity_repo.get_opportunity(plan, opportunity_id)
    if current is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    stages = stage_repo.list_stages(plan)
    columns = open_stages(stages)
    if not columns:
        raise OperationError(translate("Operations", "The plan has no open stage to return the deal to."))
    if current.last_open_stage_id in {s.id for s in columns}:
        return int(current.last_open_stage_id)
    return columns[0].id


def snooze_opportunity(
    plan: PlanDB, opportunity_id: int, until: dt.date | None, reason: str, today: dt.date
) -> Change:
    """'Stalled for a known reason': hide the stale badge until a date (None clears it)."""
    if until is not None:
        if not reason.strip():
            raise OperationError(translate("Operations", "Say why the deal is stalled."))
        if until < today:
            raise OperationError(translate("Operations", "The snooze must last until today or later."))
    if opportunity_repo.get_opportunity(plan, opportunity_id) is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    opportunity_repo.set_snooze(plan, opportunity_id, until, reason.strip() if until else "")
    return Change(opportunities=frozenset({opportunity_id}))


@dataclass(frozen=True, slots=True)
class StageRow:
    """One stage as the settings dialog edits it: an existing id, or None for a new stage."""

    id: int | None
    spec: StageSpec


@dataclass(frozen=True, slots=True)
class StageSettingsSnapshot:
    """The stage table and the deals a stage-settings change moved, for exact undo."""

    stages: snapshots.TableRows
    deals: tuple[tuple[int, snapshots.Snapshot], ...]


def validate_stage_rows(rows: list[StageRow]) -> None:
    """Raise OperationError unless the stages make a usable funnel."""
    names = [row.spec.name.strip() for row in rows]
    if any(not name for name in names):
        raise OperationError(translate("Operations", "Every stage needs a name."))
    if len(rows) > limits.MAX_STAGES:
        raise OperationError(
            translate("Operations", "A plan has at most {limit} stages.").format(limit=limits.MAX_STAGES)
        )
    for row in rows:
        if len(row.spec.name.strip()) > limits.MAX_TITLE:
            raise OperationError(
                translate("Operations", "A stage name is at most {limit} characters.").format(
                    limit=limits.MAX_TITLE
                )
            )
        commitments = row.spec.exit_commitments
        if len(commitments) > limits.MAX_COMMITMENTS or any(len(c) > limits.MAX_TITLE for c in commitments):
            raise OperationError(
                translate(
                    "Operations",
                    "A stage has at most {count} exit commitments of at most {limit} characters each.",
                ).format(count=limits.MAX_COMMITMENTS, limit=limits.MAX_TITLE)
            )
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise OperationError(
            translate("Operations", "Two stages are called {duplicates}.").format(duplicates=duplicates[0])
        )
    levels = {row.spec.level for row in rows}
    if not any(not level.is_closed for level in levels):
        raise OperationError(translate("Operations", "Keep at least one open stage."))
    for level in (FunnelLevel.WON, FunnelLevel.LOST, FunnelLevel.WALKED_AWAY):
        if level not in levels:
            raise OperationError(
                translate("Operations", "Keep a stage for {label}: closing a deal needs it.").format(
                    label=level.label
                )
            )
    for row in rows:
        if not 0 <= row.spec.probability <= 100:
            raise OperationError(translate("Operations", "Probabilities are between 0 and 100 %."))
        stale = row.spec.stale_after_days
        if stale is not None and not 0 < stale <= limits.MAX_STALE_DAYS:
            raise OperationError(translate("Operations", "Stale-after days are between 1 and 3650."))


def stage_settings_snapshot(plan: PlanDB, deal_ids: list[int]) -> StageSettingsSnapshot:
    """The current stages and the given deals, to undo or redo a stage-settings change."""
    return StageSettingsSnapshot(
        snapshots.capture_table(plan, "stage"),
        tuple((deal_id, snapshots.capture_opportunity(plan, deal_id)) for deal_id in deal_ids),
    )


def deals_in_stages(plan: PlanDB, stage_ids: list[int]) -> list[int]:
    """Ids of the deals that sit in any of the stages (a deleted stage's deals must go somewhere)."""
    return [o.id for o in opportunity_repo.list_opportunities(plan) if o.stage_id in stage_ids]


@dataclass(frozen=True, slots=True)
class StageSettingsDone:
    """What a stage-settings change did, and how to undo and redo it exactly."""

    change: Change
    before: StageSettingsSnapshot
    after: StageSettingsSnapshot


def apply_stage_settings(
    plan: PlanDB, rows: list[StageRow], reassign: dict[int, int], today: dt.date
) -> StageSettingsDone:
    """Rename, reorder, add and delete stages in one transaction.

    History refers to stages by id, so renaming or reordering keeps it intact. A deleted
    stage's deals move to the stage `reassign` names (recorded in their history, with the
    bookkeeping of any other move); the stage is then deleted, or retired when history still
    names it. The result carries the snapshots an undo needs, of the stages and of the very
    deals that moved.
    """
    validate_stage_rows(rows)
    current = {s.id: s for s in stage_repo.list_stages(plan) if not s.retired}
    kept = {row.id for row in rows if row.id is not None}
    if kept - current.keys():
        raise OperationError(translate("Operations", "A stage changed meanwhile; reopen the stage settings."))
    removed = [stage_id for stage_id in current if stage_id not in kept]
    moved = deals_in_stages(plan, removed)
    before = stage_settings_snapshot(plan, moved)
    with plan.atomic():
        ids: list[int] = []
        for position, row in enumerate(rows):
            if row.id is None:
                ids.append(stage_repo.insert_stage(plan, row.spec, position))
            else:
                stage_repo.update_stage(plan, row.id, row.spec, position)
                ids.append(row.id)
        after_stages = {s.id: s for s in stage_repo.list_stages(plan)}
        for deal_id in moved:
            deal = opportunity_repo.get_opportunity(plan, deal_id)
            assert deal is not None
            target = reassign.get(deal.stage_id)
            if target is None or target not in ids:
                raise OperationError(
                    translate("Operations", "Say where the deals of {name} go.").format(
                        name=current[deal.stage_id].name
                    )
                )
            why = STAGE_DELETED.format(name=current[deal.stage_id].name)
            kind = funnel.direction(current[deal.stage_id], after_stages[target])
            opportunity_repo.write_stage_move(
                plan,
                move_bookkeeping(
                    deal_id,
                    deal.stage_id,
                    target,
                    kind,
                    last_open_stage_id=deal.last_open_stage_id,
                    today=today,
                    reason=why,
                    close_reason=why,
                ),
            )
        for stage_id in removed:
            if stage_repo.stage_in_use(plan, stage_id):
                stage_repo.retire_stage(plan, stage_id)
            else:
                stage_repo.delete_stage(plan, stage_id)
    change = Change(opportunities=frozenset(moved), stages_changed=True)
    return StageSettingsDone(change, before, stage_settings_snapshot(plan, moved))


def revert_stage_settings(plan: PlanDB, snap: StageSettingsSnapshot) -> Change:
    """Make the stages and the moved deals exactly what the snapshot holds."""
    with plan.atomic():
        # Stages first (a deleted one comes back), then its deals, then drop added stages.
        snapshots.upsert_rows(plan, snap.stages)
        for deal_id, deal in snap.deals:
            snapshots.replace_opportunity(plan, deal_id, deal)
        snapshots.delete_rows_not_in(plan, snap.stages)
    return Change(opportunities=frozenset(d for d, _ in snap.deals), stages_changed=True)


def set_currencies(plan: PlanDB, base_currency: str, rates: dict[str, float]) -> Change:
    """The plan's base currency and exchange rates (units of base per unit of currency)."""
    from planner.validation import check_currency

    try:
        base = check_currency(base_currency)
        clean = {check_currency(code): float(rate) for code, rate in rates.items()}
    except ValueError as exc:
        raise OperationError(str(exc)) from exc
    for code, rate in clean.items():
        if not 0 < rate < 1e9 or rate != rate:
            raise OperationError(
                translate("Operations", "The rate for {code} must be a positive number.").format(code=code)
            )
    clean.pop(base, None)
    with plan.atomic():
        settings_repo.set_setting(plan, "base_currency", base)
        settings_repo.set_setting(plan, "rates", clean)
    return Change(settings_changed=True)


def set_close_reasons(plan: PlanDB, codes: list[str]) -> Change:
    """The plan's list of close reasons (planner.close_reasons); closed deals keep theirs."""
    close_reasons.save_reason_codes(plan, codes)
    # Nothing on the board changes; the views that show reasons read them again.
    return Change()
