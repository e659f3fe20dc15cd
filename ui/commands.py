"""Undo commands: each is a redo()/undo() pair over planner.operations, nothing more.

The operation runs once before the command is pushed (so a failure never reaches the undo
stack); undo and redo then put the affected records back exactly as captured.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from planner import operations as ops
from planner import sheet_operations as sheet_ops
from planner.operations import Change
from planner.storage.db import PlanDB
from planner.storage.snapshot import Snapshot, TableRows

Apply = Callable[[Change], None]


class OpportunityCommand(QUndoCommand):
    """Any change to one deal (create, edit, delete): undo/redo swap whole-record snapshots."""

    def __init__(
        self, text: str, plan: PlanDB, opportunity_id: int, before: Snapshot, after: Snapshot, apply: Apply
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._id = opportunity_id
        self._before = before
        self._after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False  # already done by `run_opportunity_operation`
            return
        self._apply(ops.revert_opportunity(self._plan, self._id, self._after))

    def undo(self) -> None:
        self._apply(ops.revert_opportunity(self._plan, self._id, self._before))


def run_opportunity_operation(
    text: str,
    plan: PlanDB,
    opportunity_id: int | None,
    operation: Callable[[], tuple[Change, int]],
    apply: Apply,
) -> OpportunityCommand:
    """Run `operation` (raising on failure) and return the command that undoes it.

    `opportunity_id` is None when the operation creates the deal; its id comes back from it.
    """
    before = ops.snapshot_opportunity(plan, opportunity_id) if opportunity_id is not None else None
    change, affected = operation()
    after = ops.snapshot_opportunity(plan, affected)
    apply(change)
    if before is None:
        before = Snapshot(())
    return OpportunityCommand(text, plan, affected, before, after, apply)


class AccountEditCommand(QUndoCommand):
    """A renamed or re-parented account: undo/redo write the account row back."""

    def __init__(self, text: str, plan: PlanDB, before: TableRows, after: TableRows, apply: Apply) -> None:
        super().__init__(text)
        self._plan = plan
        self._before = before
        self._after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(ops.revert_account_row(self._plan, self._after))

    def undo(self) -> None:
        self._apply(ops.revert_account_row(self._plan, self._before))


class AccountPresenceCommand(QUndoCommand):
    """An account created or deleted (with its deals and people): undo/redo flip it."""

    def __init__(
        self, text: str, plan: PlanDB, account_id: int, snap: Snapshot, apply: Apply, *, created: bool
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._id = account_id
        self._snap = snap
        self._apply = apply
        self._created = created
        self._first = True

    def _set_present(self, present: bool) -> None:
        if present:
            self._apply(ops.restore(self._plan, self._snap))
        else:
            change, _snap = ops.delete_account(self._plan, self._id)
            self._apply(change)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._set_present(self._created)

    def undo(self) -> None:
        self._set_present(not self._created)


class StageSettingsCommand(QUndoCommand):
    """A stage-settings change: undo/redo swap the stage table and the deals it moved."""

    def __init__(
        self,
        text: str,
        plan: PlanDB,
        before: ops.StageSettingsSnapshot,
        after: ops.StageSettingsSnapshot,
        apply: Apply,
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._before = before
        self._after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(ops.revert_stage_settings(self._plan, self._after))

    def undo(self) -> None:
        self._apply(ops.revert_stage_settings(self._plan, self._before))


class CurrenciesCommand(QUndoCommand):
    """The base currency and rates: undo/redo write the old or new table."""

    def __init__(
        self,
        plan: PlanDB,
        before: tuple[str, dict[str, float]],
        after: tuple[str, dict[str, float]],
        apply: Apply,
    ) -> None:
        super().__init__("Change currencies and rates")
        self._plan = plan
        self._before = before
        self._after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(ops.set_currencies(self._plan, *self._after))

    def undo(self) -> None:
        self._apply(ops.set_currencies(self._plan, *self._before))


class PersonEditCommand(QUndoCommand):
    """A person renamed or retitled: shared by an account's deals, so the row has its own snapshot."""

    def __init__(self, text: str, plan: PlanDB, before: TableRows, after: TableRows, apply: Apply) -> None:
        super().__init__(text)
        self._plan = plan
        self._before = before
        self._after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(sheet_ops.revert_person(self._plan, self._after))

    def undo(self) -> None:
        self._apply(sheet_ops.revert_person(self._plan, self._before))


class InfluenceWithPersonCommand(QUndoCommand):
    """A buying influence added with a new person: undo removes both, redo puts both back."""

    def __init__(
        self,
        text: str,
        plan: PlanDB,
        opportunity_id: int,
        person_id: int,
        deals: tuple[Snapshot, Snapshot],
        person: TableRows,
        apply: Apply,
    ) -> None:
        super().__init__(text)
        self._plan = plan
        self._id = opportunity_id
        self._person_id = person_id
        self._before, self._after = deals
        self._person = person
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(
            sheet_ops.revert_with_person(self._plan, self._id, self._after, self._person_id, self._person)
        )

    def undo(self) -> None:
        absent = TableRows(self._person.table, self._person.columns, ())
        self._apply(sheet_ops.revert_with_person(self._plan, self._id, self._before, self._person_id, absent))
