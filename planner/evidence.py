"""Customer commitments: recorded on any day, and the stage checklists they meet (docs/method.md).

The method's core: the customer, not the seller, moves a deal. Whatever the customer committed
to is a record (planner.storage.evidence); the latest of any kind ends Stale, the checklist ones
let a deal enter a stage without being Premature (planner.funnel matches them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner import funnel
from planner.errors import OperationError
from planner.i18n import format_number, translate
from planner.model import Commitment, Stage
from planner.operations import Change
from planner.stages import open_stages
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# What the customer did fits in a sentence or two; the evidence note may be longer.
MAX_WHAT = 500
MAX_WHO = 200
MAX_EVIDENCE = 10_000


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One commitment of a stage's checklist, and the day it was first recorded (None: not yet)."""

    stage_id: int
    text: str
    met_on: dt.date | None


@dataclass(frozen=True, slots=True)
class StageChecklist:
    """A stage's exit commitments as met or not by a deal's records."""

    stage: Stage
    items: tuple[ChecklistItem, ...]
    current: bool  # the deal's own stage (its items let it leave); the others' let it enter

    @property
    def open_items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for item in self.items if item.met_on is None)


def _met_on(item: funnel.EntryItem, commitments: Sequence[Commitment]) -> dt.date | None:
    days = [
        c.committed_on
        for c in commitments
        if c.stage_id in item.counted_from and item.key in funnel.said_keys(c.what)
    ]
    return min(days, default=None)


def stage_checklists(
    stage_id: int, stages: Sequence[Stage], commitments: Sequence[Commitment]
) -> list[StageChecklist]:
    """The checklists of the deal's stage and of every open stage before it, in order.

    A closed deal (or one in a stage that is not a column) gets every open stage's checklist.
    """
    result: list[StageChecklist] = []
    reaches = any(s.id == stage_id for s in open_stages(stages))
    for stage, items in funnel.checklists(stages):
        result.append(
            StageChecklist(
                stage,
                tuple(ChecklistItem(stage.id, item.text, _met_on(item, commitments)) for item in items),
                stage.id == stage_id,
            )
        )
        if reaches and stage.id == stage_id:
            break
    return result


def passed_checklist(
    source: Stage, target: Stage, stages: Sequence[Stage], commitments: Sequence[Commitment]
) -> list[ChecklistItem]:
    """The checklist items a forward move from `source` to `target` passes (the exits of
    `source` and of every open stage between), each with the day it was met, if it was."""
    result: list[ChecklistItem] = []
    collecting = False
    for stage, items in funnel.checklists(stages):
        if stage.id == target.id:
            break
        collecting = collecting or stage.id == source.id
        if collecting:
            result += [ChecklistItem(stage.id, item.text, _met_on(item, commitments)) for item in items]
    return result


def missing_to_enter(
    target: Stage, stages: Sequence[Stage], commitments: Sequence[Commitment]
) -> tuple[str, ...]:
    """The commitments that enter `target` no record names (empty: a move needs no new one)."""
    rule = funnel.StageRule(target.position, None, funnel.entry_items(target, stages))
    return funnel.missing_entry(rule, [(c.stage_id, c.what) for c in commitments])


def _text(value: str, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise OperationError(translate("Operations", "{what} must be text.").format(what=what))
    if len(value) > limit:
        raise OperationError(
            translate("Operations", "{what} is too long (at most {limit} characters).").format(
                what=what, limit=format_number(limit)
            )
        )
    return value.strip()


def record_commitment(
    plan: PlanDB,
    opportunity_id: int,
    what: str,
    committed_on: dt.date,
    stage_id: int | None = None,
    who: str = "",
    evidence: str = "",
    call_plan_id: int | None = None,
    *,
    today: dt.date | None = None,
) -> Change:
    """Record that the customer did `what` on `committed_on`, with or without a stage move.

    `stage_id` names the stage whose checklist item `what` is (None: in the customer's own
    words); `call_plan_id` the call whose debrief it came from. With `today`, a day after it is
    refused (a commitment is something that happened).
    """
    words = _text(what, translate("Operations", "The commitment"), MAX_WHAT)
    if not words:
        raise OperationError(translate("Operations", "Say what the customer committed to."))
    if not isinstance(committed_on, dt.date) or isinstance(committed_on, dt.datetime):
        raise OperationError(translate("Operations", "The commitment needs the day it was made."))
    if today is not None and committed_on > today:
        raise OperationError(translate("Operations", "A commitment cannot be dated in the future."))
    if opportunity_repo.get_opportunity(plan, opportunity_id) is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    if stage_id is not None and stage_repo.get_stage(plan, stage_id) is None:
        raise OperationError(translate("Operations", "That stage no longer exists."))
    if call_plan_id is not None:
        call = evidence_repo.get_call_plan(plan, call_plan_id)
        if call is None or call.opportunity_id != opportunity_id:
            raise OperationError(translate("Operations", "That call plan no longer exists."))
    evidence_repo.insert_commitment(
        plan,
        Commitment(
            0,
            opportunity_id,
            words,
            committed_on,
            stage_id=stage_id,
            who=_text(who, translate("Operations", "Who committed"), MAX_WHO),
            evidence=_text(evidence, translate("Operations", "The evidence"), MAX_EVIDENCE),
            call_plan_id=call_plan_id,
        ),
    )
    return Change(opportunities=frozenset({opportunity_id}))


def remove_commitment(plan: PlanDB, commitment_id: int) -> Change:
    """Delete a commitment record (a mistaken one): the deal may become stale or premature again."""
    found = evidence_repo.get_commitment(plan, commitment_id)
    if found is None:
        raise OperationError(translate("Operations", "That commitment no longer exists."))
    evidence_repo.delete_commitment(plan, commitment_id)
    return Change(opportunities=frozenset({found.opportunity_id}))
