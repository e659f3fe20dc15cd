"""The deal's next step: one rule for the card, the details, the Blue Sheet, the editor and the exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from planner.model import Action, ActionStatus

# Where a next step comes from: an open action of the Blue Sheet (planned in the planner), or
# the NextStep field the CRM gave on the last import (shown as the CRM's, never as a plan).
Source = Literal["action", "crm"]


@dataclass(frozen=True, slots=True)
class NextStep:
    """A deal's next step as data: the views and the exports each word it their own way."""

    text: str
    due: dt.date | None
    source: Source
    action_id: int | None = None  # the action it is (source "action")


def is_overdue(due: dt.date | None, today: dt.date) -> bool:
    """Whether an open action or a next step due on `due` is overdue: its day has passed (an
    action due today is not overdue yet)."""
    return due is not None and due < today


def _earliest_first(action: Action) -> tuple[bool, dt.date, int]:
    return (action.due is None, action.due or dt.date.min, action.id)


def next_action(actions: Iterable[Action]) -> Action | None:
    """The deal's next step among its actions: its earliest open action, or None.

    The rule, written down once:
    - open means not done: possible and planned actions both count;
    - the earliest due date comes first, and every dated open action comes before the undated ones;
    - a tie (the same date, or no date) goes to the action added first (the lower id).
    `storage.activities.list_actions` reads a deal's open actions in this same order.
    """
    open_actions = [a for a in actions if a.status is not ActionStatus.DONE]
    return min(open_actions, key=_earliest_first) if open_actions else None


def next_step(actions: Iterable[Action], crm_next_step: str = "") -> NextStep | None:
    """The deal's next step: its earliest open action (`next_action`); without one, the next step
    its CRM gave (`Opportunity.next_step`, source "crm"); None when there is neither."""
    action = next_action(actions)
    if action is not None:
        return NextStep(action.what, action.due, "action", action.id)
    crm = crm_next_step.strip()
    return NextStep(crm, None, "crm") if crm else None


def plain_text(step: NextStep | None) -> str:
    """The step as a CRM's NextStep field holds it: 'Send the proposal (due 2026-12-15)', the CRM's
    own text unchanged, '' for none. ISO dates: files are read by programs, in any language."""
    if step is None:
        return ""
    if step.due is None:
        return step.text
    return f"{step.text} (due {step.due.isoformat()})"


def export_text(step: NextStep | None) -> str:
    """The step as the review pack writes it (English): `plain_text`, and 'CRM: …' for a step that
    only the CRM gave, so a reader sees it is not a planned action."""
    if step is not None and step.source == "crm":
        return f"CRM: {step.text}"
    return plain_text(step)
