"""Undo commands: each is a redo()/undo() pair over planner.operations, nothing more.

The operation runs once before the command is pushed (so a failure never reaches the undo
stack); undo and redo then put the affected records back exactly as captured.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from planner import operations as ops
from planner import sheet_operations as sheet_ops
from planner.operations import Change
from planner.storage.db import PlanDB
from planner.storage.snapshot import Snapshot, TableRows

translate = QCoreApplication.translate

# What a command calls after each redo and undo: tells the views what changed
# (EditSession.apply_change, or its `applier` for a view's own edits).
Apply = Callable[[Change], None]


# The most characters of a command the Undo and Redo menu items show (the history shows all).
MENU_TEXT = 80


class GuardedCommand(QUndoCommand):
    """An undo command that records a failed write instead of raising it.

    Qt calls undo()/redo() from C++, where a Python exception cannot reach the caller; the
    window reads `failure` after every undo or redo, says what happened and shows the plan as
    the database holds it.
    """

    failure: Exception | None = None

    def __init__(self, text: str) -> None:
        # The undo history lists the text as written; the Undo and Redo menu items and buttons
        # read what follows the line break (QUndoCommand.actionText), where a "&" of a deal's
        # title is doubled: the menu would take it for an Alt-key mark ("Smith & Sons" read
        # "Smith _Sons"). There a long title is cut short: the Edit menu grew as wide as it.
        line = text.replace("\n", " ")
        short = line if len(line) <= MENU_TEXT else line[: MENU_TEXT - 1].rstrip() + "…"
        super().__init__(f"{line}\n{short.replace('&', '&&')}")

    def _guard(self, write: Callable[[], None]) -> None:
        self.failure = None
        try:
            write()
        except Exception as exc:  # reported by the window: nothing is swallowed silently
            self.failure = exc


class SwapCommand(GuardedCommand):
    """An edit already written: undo writes back the state captured before it, redo the one after.

    `write(state)` makes the plan hold exactly that state and says what changed. The first
    redo() (QUndoStack.push calls it) does nothing: the edit was made before the push, so a
    failure never reached the stack.
    """

    def __init__(
        self, text: str, write: Callable[[Any], Change], before: object, after: object, apply: Apply
    ) -> None:
        super().__init__(text)
        self._write = write
        self._before = before
        self._after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._guard(lambda: self._apply(self._write(self._after)))

    def undo(self) -> None:
        self._guard(lambda: self._apply(self._write(self._before)))


class SequenceCommand(GuardedCommand):
    """Commands made together, as one undo step: redo runs them in order, undo in reverse.

    Each was made by running its operation; QUndoStack.push's first redo() reaches each, which
    skips it as its own push would. The first failure stops the sequence and is reported.
    """

    def __init__(self, text: str, commands: list[GuardedCommand]) -> None:
        super().__init__(text)
        self._commands = commands

    def redo(self) -> None:
        self.failure = None
        for command in self._commands:
            command.redo()
            if command.failure is not None:
                self.failure = command.failure
                return

    def undo(self) -> None:
        self.failure = None
        for command in reversed(self._commands):
            command.undo()
            if command.failure is not None:
                self.failure = command.failure
                return


class OpportunityCommand(SwapCommand):
    """Any change to one deal (create, edit, delete, move...): whole-record snapshots."""

    def __init__(
        self, text: str, plan: PlanDB, opportunity_id: int, before: Snapshot, after: Snapshot, apply: Apply
    ) -> None:
        super().__init__(text, partial(ops.revert_opportunity, plan, opportunity_id), before, after, apply)


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


class AccountEditCommand(SwapCommand):
    """A renamed or re-parented account: the account row, written back."""

    def __init__(self, text: str, plan: PlanDB, before: TableRows, after: TableRows, apply: Apply) -> None:
        super().__init__(text, partial(ops.revert_account_row, plan), before, after, apply)


class AccountPresenceCommand(GuardedCommand):
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
        self._guard(lambda: self._set_present(self._created))

    def undo(self) -> None:
        self._guard(lambda: self._set_present(not self._created))


class StageSettingsCommand(SwapCommand):
    """A stage-settings change: the stage table and the deals it moved."""

    def __init__(
        self,
        text: str,
        plan: PlanDB,
        before: ops.StageSettingsSnapshot,
        after: ops.StageSettingsSnapshot,
        apply: Apply,
    ) -> None:
        super().__init__(text, partial(ops.revert_stage_settings, plan), before, after, apply)


class CurrenciesCommand(SwapCommand):
    """The base currency and rates."""

    def __init__(
        self,
        plan: PlanDB,
        before: tuple[str, dict[str, float]],
        after: tuple[str, dict[str, float]],
        apply: Apply,
    ) -> None:
        def write(state: tuple[str, dict[str, float]]) -> Change:
            return ops.set_currencies(plan, *state)

        super().__init__(
            translate("CurrenciesCommand", "Change currencies and rates"), write, before, after, apply
        )


class PersonEditCommand(SwapCommand):
    """A person renamed or retitled: shared by an account's deals, so the row has its own snapshot."""

    def __init__(self, text: str, plan: PlanDB, before: TableRows, after: TableRows, apply: Apply) -> None:
        super().__init__(text, partial(sheet_ops.revert_person, plan), before, after, apply)


class InfluenceWithPersonCommand(GuardedCommand):
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
        self._guard(
            lambda: self._apply(
                sheet_ops.revert_with_person(self._plan, self._id, self._after, self._person_id, self._person)
            )
        )

    def undo(self) -> None:
        absent = TableRows(self._person.table, self._person.columns, ())
        self._guard(
            lambda: self._apply(
                sheet_ops.revert_with_person(self._plan, self._id, self._before, self._person_id, absent)
            )
        )
