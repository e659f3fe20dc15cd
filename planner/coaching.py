"""A manager's coaching in the seller's plan: coaching items (questions, actions) and verdicts.

Review notes (planner.exchange.review) bring them in; this module reads them for the window, the
pack and the other parts of the manager's side, and answers an item. Definitions (docs/coaching.md):
- A coaching item is a question to answer or an action with a due date; an item on a deal is also
  one of the deal's actions, so it is in the Agenda and on the Blue Sheet.
- An item is answered when the seller marked it answered (a question with an answer), or did the
  action it became: its day is the day it was answered or done.
- A verdict is the manager's word on a committed deal: agree, or challenge with a reason. A deal
  has at most one; a later review's replaces an earlier one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.changes import Change
from planner.errors import OperationError
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.storage import coaching as repo
from planner.storage.db import PlanDB


class ItemKind(StrEnum):
    """What a coaching item asks of the seller."""

    QUESTION = "question"
    ACTION = "action"

    @property
    def label(self) -> str:
        """'Question', 'Action' in the window's language."""
        return translate("Coaching", _ITEM_LABELS[self])


_ITEM_LABELS = {
    ItemKind.QUESTION: QT_TRANSLATE_NOOP("Coaching", "Question"),
    ItemKind.ACTION: QT_TRANSLATE_NOOP("Coaching", "Action"),
}


class VerdictKind(StrEnum):
    """The manager's word on a committed deal."""

    AGREE = "agree"
    CHALLENGE = "challenge"

    @property
    def label(self) -> str:
        """'Agreed', 'Challenged' in the window's language."""
        return translate("Coaching", _VERDICT_LABELS[self])


_VERDICT_LABELS = {
    VerdictKind.AGREE: QT_TRANSLATE_NOOP("Coaching", "Agreed"),
    VerdictKind.CHALLENGE: QT_TRANSLATE_NOOP("Coaching", "Challenged"),
}


@dataclass(frozen=True, slots=True)
class CoachingItem:
    """One coaching item in the seller's plan."""

    id: int
    note_id: str  # the review note's stable id it came with
    opportunity_id: int | None  # None: on the whole plan
    deal: str  # the deal's title ("" on the whole plan)
    action_id: int | None  # the deal's action it became (None on the plan, or deleted)
    kind: ItemKind
    text: str
    due: dt.date | None
    reviewer: str
    created: str  # when the manager wrote it (ISO timestamp)
    answered_on: dt.date | None
    answer: str  # the seller's answer to a question

    @property
    def answered(self) -> bool:
        return self.answered_on is not None


@dataclass(frozen=True, slots=True)
class Verdict:
    """A deal's verdict."""

    opportunity_id: int
    deal: str
    verdict_id: str
    kind: VerdictKind
    reason: str
    reviewer: str
    given: str  # when the manager gave it (ISO timestamp)


def _item(row: repo.ItemRow) -> CoachingItem:
    kind = ItemKind(row.kind) if row.kind in _KINDS else ItemKind.ACTION
    return CoachingItem(
        row.id,
        row.note_id,
        row.opportunity_id,
        row.deal,
        row.action_id,
        kind,
        row.text,
        row.due,
        row.reviewer,
        row.created,
        row.answered_on,
        row.answer,
    )


_KINDS = frozenset(k.value for k in ItemKind)
_VERDICTS = frozenset(v.value for v in VerdictKind)


def items(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> list[CoachingItem]:
    """Every coaching item (or those of the given deals): the plan's first, then by due date."""
    return [_item(r) for r in repo.list_items(plan, opportunity_ids)]


def open_items(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> list[CoachingItem]:
    """The items not answered yet."""
    return [i for i in items(plan, opportunity_ids) if not i.answered]


def answered_items(plan: PlanDB, since: dt.date | None = None) -> list[CoachingItem]:
    """The items answered (on or after `since`, when given)."""
    return [i for i in items(plan) if i.answered_on is not None and (since is None or i.answered_on >= since)]


def verdicts(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> dict[int, Verdict]:
    """Deal id -> its verdict, for the deals that have one."""
    return {
        r.opportunity_id: Verdict(
            r.opportunity_id, r.deal, r.verdict_id, VerdictKind(r.verdict), r.reason, r.reviewer, r.given
        )
        for r in repo.list_verdicts(plan, opportunity_ids)
        if r.verdict in _VERDICTS
    }


def item_state(plan: PlanDB, item_id: int) -> repo.ItemState:
    """What answering the item changes, as it stands (undo writes it back)."""
    state = repo.item_state(plan, item_id)
    if state is None:
        raise OperationError(translate("Coaching", "That coaching item no longer exists."))
    return state


def answer_item(plan: PlanDB, item_id: int, answer: str, today: dt.date) -> Change:
    """Mark an item answered today (with the answer, for a question); its action is done too."""
    before = item_state(plan, item_id)
    text = answer.strip()
    item = repo.get_item(plan, item_id)
    if item is not None and item.kind == ItemKind.QUESTION and not text:
        raise OperationError(translate("Coaching", "Write your answer to the question first."))
    from planner.limits import MAX_TEXT

    if len(text) > MAX_TEXT:
        raise OperationError(
            translate("Coaching", "The answer is too long (at most {limit} characters).").format(
                limit=MAX_TEXT
            )
        )
    after = repo.ItemState(
        before.item_id,
        today,
        text,
        before.action_id,
        "done" if before.action_status is not None else None,
        today if before.action_status is not None else None,
    )
    return write_item_state(plan, after)


def write_item_state(plan: PlanDB, state: repo.ItemState) -> Change:
    """Make the item hold `state` (answer and undo both write through here)."""
    deal = repo.write_item_state(plan, state)
    return Change(opportunities=frozenset({deal}) if deal is not None else frozenset())


def coaching_action_ids(plan: PlanDB, action_ids: Sequence[int]) -> set[int]:
    """Which of the given actions came from the manager's coaching items."""
    return repo.coaching_action_ids(plan, action_ids)


def import_state(plan: PlanDB, before: repo.ImportState | None = None) -> repo.ImportState:
    """The review-note records before an import, or (given the state before) what it added."""
    return repo.import_state(plan, before)


def write_import_state(plan: PlanDB, state: repo.ImportState, other: repo.ImportState) -> Change:
    """Undo or redo an import of review notes: the plan holds `state` again (`other` is the state
    it leaves, so the deals of both are refreshed)."""
    repo.write_import_state(plan, state)
    return Change(opportunities=frozenset(state.deals() | other.deals()))
