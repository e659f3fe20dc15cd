"""Edits of deals: new, edit, delete, move, reopen, commitments and snoozes, each undoable."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from planner.errors import OperationError
from planner.funnel import is_snoozed
from planner.model import AccountDraft, OpportunityDraft, Stage
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from ui import format as fmt
from ui import plain
from ui.board.controller import BoardController
from ui.board.view import BoardWidget
from ui.session import EditSession

if TYPE_CHECKING:
    # Edits are imported on the first edit: the board paints without them (start-up time).
    from planner.operations import Change, MoveDetails, MovePlan
    from ui.commands import GuardedCommand, OpportunityCommand
    from ui.dialogs.commitment_dialog import CommitmentDraft
    from ui.dialogs.move_dialog import MoveDialog
    from ui.dialogs.opportunity_dialog import OpportunityDialog

translate = QCoreApplication.translate


class DealActions:
    """The deal edits of one window: dialogs open over `widget`, cards are the board's."""

    def __init__(
        self,
        session: EditSession,
        widget: QWidget,
        controller: BoardController,
        board: BoardWidget,
        selected_account: Callable[[], int | None],
    ) -> None:
        self.session = session
        self.plan = session.plan
        self.widget = widget
        self.controller = controller
        self.board = board
        # The accounts panel's selection: a new deal's default account.
        self.selected_account = selected_account

    def confirm(self, title: str, message: str) -> bool:
        return plain.question(self.widget, title, message) == plain.Button.Yes

    def opportunity_dialog(self, opportunity_id: int | None = None) -> OpportunityDialog:
        """The editor for a new (None) or existing deal; tests drive it directly."""
        from planner.next_step import next_step
        from planner.storage import activities as activity_repo
        from ui.dialogs.opportunity_dialog import OpportunityDialog

        existing = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        step = (
            next_step(activity_repo.list_actions(self.plan, existing.id), existing.next_step)
            if existing is not None
            else None
        )
        return OpportunityDialog(
            account_repo.list_accounts(self.plan),
            self.controller.stages,
            existing,
            self.widget,
            default_currency=self.controller.base_currency,
            default_account_id=self.selected_account(),
            next_step=step,
            today=self.controller.today(),
            pipelines=self.controller.pipelines,
            pipeline_id=self.controller.pipeline_id,
        )

    def new_opportunity(self) -> None:
        dialog = self.opportunity_dialog()
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.create_opportunity(dialog.draft(), dialog.next_step_text(), dialog.new_account())

    def create_opportunity(
        self,
        draft: OpportunityDraft,
        next_step: str | None = None,
        new_account: AccountDraft | None = None,
    ) -> int | None:
        """Create a deal (undoable), with a planned action for `next_step` when one is given, and
        select its card; returns its id.

        With `new_account` the deal is for that account, created with it (`_with_new_account`).
        """
        from planner import sheet_operations as sheet_ops
        from ui.commands import run_opportunity_operation

        created: list[int] = []
        text = translate("MainWindow", "Create “{title}”").format(title=draft.title)

        def make_deal(account_id: int | None) -> OpportunityCommand:
            deal = draft if account_id is None else dataclasses.replace(draft, account_id=account_id)

            def operation() -> tuple[Change, int]:
                change, new_id = sheet_ops.create_deal(self.plan, deal, next_step, self.session.clock.today())
                created.append(new_id)
                return change, new_id

            return run_opportunity_operation(text, self.plan, None, operation, self.session.apply_change)

        def make() -> QUndoCommand:
            if new_account is None:
                return make_deal(None)
            return self._with_new_account(new_account, draft.title, make_deal)

        if not self.session.push(make, translate("MainWindow", "The deal was not created")):
            return None
        self.board.select(created[0])
        return created[0]

    def _with_new_account(
        self, account: AccountDraft, title: str, deal_step: Callable[[int], GuardedCommand]
    ) -> QUndoCommand:
        """Create `account`, then run `deal_step` (which creates or saves the deal) for it.

        One transaction, so a deal that cannot be written leaves no account behind, and one
        undo step, so Undo takes back both.
        """
        from planner import operations as ops
        from ui.commands import AccountPresenceCommand, SequenceCommand

        with self.plan.atomic():
            change, account_id = ops.create_account(self.plan, account)
            # The account alone, taken before the deal joins it: redo restores the deal itself.
            snap = ops.snapshot_account(self.plan, account_id)
            deal_command = deal_step(account_id)
        self.session.apply_change(change)
        account_command = AccountPresenceCommand(
            translate("MainWindow", "Create account “{name}”").format(name=account.name),
            self.plan,
            account_id,
            snap,
            self.session.apply_change,
            created=True,
        )
        return SequenceCommand(
            translate("MainWindow", "“{title}” for the new account “{name}”").format(
                title=title, name=account.name
            ),
            [account_command, deal_command],
        )

    def edit_selected(self) -> None:
        if selected := self.board.selected_id():
            self.edit_opportunity(selected)

    def edit_opportunity(self, opportunity_id: int) -> None:
        dialog = self.opportunity_dialog(opportunity_id)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_opportunity(
                opportunity_id, dialog.draft(), dialog.next_step_text(), dialog.new_account()
            )

    def save_opportunity(
        self,
        opportunity_id: int,
        draft: OpportunityDraft,
        next_step: str | None = None,
        new_account: AccountDraft | None = None,
    ) -> bool:
        """Write an edited deal and, when `next_step` is given, rename its next step's action (or
        plan one): one undoable edit; with `new_account`, for that account, created with it.

        A changed stage goes through the same gate as a drag: the move dialog asks for the
        customer's commitment (forward) or the reason (back, closing), and the edits and the
        move are one undoable step. Cancelling it saves nothing.
        """
        from planner import sheet_operations as sheet_ops
        from ui.commands import run_opportunity_operation

        current = opportunity_repo.get_opportunity(self.plan, opportunity_id)
        move: MoveDetails | None = None
        if current is not None and draft.stage_id != current.stage_id:
            from planner import operations as ops

            try:
                move = self.move_details(ops.plan_move(self.plan, opportunity_id, draft.stage_id))
            except OperationError:
                move = None  # the stage went meanwhile: nothing to ask
            if move is None:
                return False  # the move was cancelled: the deal stays as it was

        def make_edit(account_id: int | None) -> OpportunityCommand:
            edited = draft if account_id is None else dataclasses.replace(draft, account_id=account_id)

            def operation() -> tuple[Change, int]:
                today = self.session.clock.today()
                return sheet_ops.save_deal(
                    self.plan, opportunity_id, edited, next_step, today, move
                ), opportunity_id

            target = self.controller.stage(draft.stage_id) if move is not None else None
            text = (
                translate("MainWindow", "Edit “{title}” and move it to {stage}").format(
                    title=draft.title, stage=target.name
                )
                if target is not None
                else translate("MainWindow", "Edit “{title}”").format(title=draft.title)
            )
            return run_opportunity_operation(
                text,
                self.plan,
                opportunity_id,
                operation,
                self.session.apply_change,
            )

        def make() -> QUndoCommand:
            if new_account is None:
                return make_edit(None)
            return self._with_new_account(new_account, draft.title, make_edit)

        return self.session.push(make, translate("MainWindow", "The deal was not saved"))

    def delete_selected(self) -> None:
        opportunity_id = self.board.selected_id()
        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        if opportunity is None:
            return
        if self.confirm(
            translate("MainWindow", "Delete deal"),
            translate(
                "MainWindow",
                "Delete “{title}” with its Blue Sheet and history?\nYou can undo this with Edit → Undo.",
            ).format(title=opportunity.title),
        ):
            self.delete_opportunity(opportunity_id)

    def delete_opportunity(self, opportunity_id: int) -> bool:
        """Delete a deal (undoable)."""
        from planner import operations as ops
        from ui.commands import run_opportunity_operation

        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id)
        title = opportunity.title if opportunity else str(opportunity_id)

        def operation() -> tuple[Change, int]:
            change, _snap = ops.delete_opportunity(self.plan, opportunity_id)
            return change, opportunity_id

        return self.session.push(
            lambda: run_opportunity_operation(
                translate("MainWindow", "Delete “{title}”").format(title=title),
                self.plan,
                opportunity_id,
                operation,
                self.session.apply_change,
            ),
            translate("MainWindow", "The deal was not deleted"),
        )

    # Moves ----------------------------------------------------------------------------------
    def move_dialog(self, move: MovePlan) -> MoveDialog | None:
        """The dialog a planned move needs (None for a reopen, which needs no answer)."""
        from ui.dialogs.move_dialog import MoveDialog

        if move.kind in ("none", "reopen"):
            return None
        from planner import evidence

        passed = (
            evidence.passed_checklist(move.source, move.target, move.stages, move.commitments)
            if move.kind == "forward"
            else []
        )
        from planner.close_reasons import reason_codes
        from planner.storage.close_reasons import competitor_names

        closing = move.kind == "close"
        return MoveDialog(
            move.kind,
            move.opportunity.title,
            move.source,
            move.target,
            [item.text for item in passed],
            self.session.clock.today(),
            self.widget,
            recorded={item.text: item.met_on for item in passed if item.met_on is not None},
            entry_missing=move.entry_missing,
            reasons=reason_codes(self.plan) if closing else (),
            competitors=competitor_names(self.plan, move.opportunity.id) if closing else (),
        )

    def move_details(self, move: MovePlan) -> MoveDetails | None:
        """What a planned move needs, asked of the seller (None: cancelled, or no move at all)."""
        from planner import operations as ops
        from planner.operations import MoveDetails

        if move.kind == "none":
            return None
        if move.kind == "reopen":
            # Stored in English like the planner's other reasons; shown translated (shown_reason).
            return MoveDetails(reason=ops.REOPENED)
        dialog = self.move_dialog(move)
        if dialog is None or dialog.exec() != dialog.DialogCode.Accepted:
            return None  # cancelled: nothing is written
        return dialog.details()

    def request_move(self, opportunity_id: int, target_id: int) -> bool:
        """Move a deal (drag and drop, keyboard, menu): plan it once, ask why, write it undoably."""
        from planner import operations as ops

        try:
            move = ops.plan_move(self.plan, opportunity_id, target_id)
        except OperationError:
            return False  # the deal or the stage went meanwhile: nothing to ask
        details = self.move_details(move)
        return details is not None and self._apply_move(move, details)

    def move_opportunity(self, opportunity_id: int, target: Stage, details: MoveDetails) -> bool:
        """Write a move with its commitment or reason (undoable)."""
        from planner import operations as ops

        try:
            move = ops.plan_move(self.plan, opportunity_id, target.id)
        except OperationError as error:
            plain.warning(self.widget, translate("MainWindow", "The deal was not moved"), str(error))
            return False
        return self._apply_move(move, details)

    def _apply_move(self, move: MovePlan, details: MoveDetails) -> bool:
        from planner import operations as ops
        from ui.commands import run_opportunity_operation

        opportunity_id, target = move.opportunity.id, move.target

        def operation() -> tuple[Change, int]:
            return ops.apply_move(self.plan, move, details, self.session.clock.today()), opportunity_id

        done = self.session.push(
            lambda: run_opportunity_operation(
                translate("MainWindow", "Move “{title}” to {stage}").format(
                    title=move.opportunity.title, stage=target.name
                ),
                self.plan,
                opportunity_id,
                operation,
                self.session.apply_change,
            ),
            translate("MainWindow", "The deal was not moved"),
        )
        if done and not target.is_closed:
            self.board.select(opportunity_id)
        return done

    def place_deal(self, opportunity_id: int, before: int | None) -> bool:
        """Place a deal before another of its column (None: at the end) in the seller's own
        order, as one undoable edit of the ranks it changes (planner.board_order)."""
        from planner import board_order
        from ui.commands import SwapCommand

        stage_id = self.controller.stage_of(opportunity_id)
        model = self.controller.models.get(stage_id) if stage_id is not None else None
        if model is None or self.controller.order is not board_order.BoardOrder.OWN:
            return False
        ranks = self.controller.ranks
        after = board_order.placed_ranks(list(model.cards), ranks, opportunity_id, before)
        if not after:
            return False  # dropped where it was
        previous: dict[int, int | None] = {deal: ranks.get(deal) for deal in after}
        title = model.card(opportunity_id)
        text = translate("MainWindow", "Place “{title}”").format(title=title.title if title else "")

        def write(state: dict[int, int | None]) -> Change:
            return board_order.write_ranks(self.plan, state)

        def make() -> QUndoCommand:
            self.session.apply_change(write(dict(after)))
            return SwapCommand(text, write, previous, after, self.session.apply_change)

        done = self.session.push(make, translate("MainWindow", "The deal was not placed"))
        if done:
            self.board.select(opportunity_id)
        return done

    def _move_selected(self, step: int) -> None:
        opportunity_id = self.board.selected_id()
        stage_id = self.controller.stage_of(opportunity_id) if opportunity_id else None
        columns = [s.id for s in self.controller.columns]
        if stage_id is None or stage_id not in columns:
            return
        position = columns.index(stage_id) + step
        if 0 <= position < len(columns):
            self.request_move(opportunity_id, columns[position])

    def move_selected_forward(self) -> None:
        self._move_selected(1)

    def move_selected_back(self) -> None:
        self._move_selected(-1)

    def reopen(self, opportunity_id: int) -> bool:
        """Return a closed deal to its last open stage (undoable)."""
        from planner import operations as ops

        try:
            target_id = ops.reopen_stage(self.plan, opportunity_id)
        except OperationError as exc:
            self.session.write_failed.emit(translate("MainWindow", "The deal was not reopened"), str(exc))
            return False
        return self.request_move(opportunity_id, target_id)

    def record_commitment_selected(self) -> None:
        if opportunity_id := self.board.selected_id():
            self.ask_commitment(opportunity_id)

    def ask_commitment(self, opportunity_id: int) -> bool:
        """Ask what the customer committed to, and when, and record it (undoable)."""
        from ui.dialogs.commitment_dialog import commitment_dialog

        dialog = commitment_dialog(self.plan, opportunity_id, self.session.clock.today(), self.widget)
        if dialog is None or dialog.exec() != dialog.DialogCode.Accepted:
            return False
        return self.record_commitment(opportunity_id, dialog.draft())

    def record_commitment(self, opportunity_id: int, draft: CommitmentDraft) -> bool:
        """Record a customer commitment on a deal (undoable): its Stale badge counts from it."""
        from ui.dialogs.commitment_dialog import record_command

        return self.session.push(
            lambda: record_command(
                self.plan, opportunity_id, draft, self.session.clock.today(), self.session.apply_change
            ),
            translate("MainWindow", "The commitment was not recorded"),
        )

    def snooze_selected(self) -> None:
        opportunity_id = self.board.selected_id()
        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        if opportunity is None:
            return
        if is_snoozed(opportunity.snooze_until, self.session.clock.today()):
            if self.confirm(
                translate("MainWindow", "Snoozed"),
                translate("MainWindow", "Snoozed until {date}: {reason}\n\nClear the snooze?").format(
                    date=fmt.date(opportunity.snooze_until), reason=opportunity.snooze_reason
                ),
            ):
                self.snooze(opportunity_id, None, "")
            return
        from ui.dialogs.snooze_dialog import SnoozeDialog

        dialog = SnoozeDialog(opportunity.title, self.session.clock.today(), self.widget)
        if dialog.exec() == dialog.DialogCode.Accepted:
            until, reason = dialog.values()
            self.snooze(opportunity_id, until, reason)

    def snooze(self, opportunity_id: int, until: dt.date | None, reason: str) -> bool:
        """Snooze (or, with None, un-snooze) a deal's stale warning (undoable)."""
        from planner import operations as ops
        from ui.commands import run_opportunity_operation

        def operation() -> tuple[Change, int]:
            change = ops.snooze_opportunity(
                self.plan, opportunity_id, until, reason, self.session.clock.today()
            )
            return change, opportunity_id

        text = (
            translate("MainWindow", "Snooze stale warning")
            if until
            else translate("MainWindow", "Clear snooze")
        )
        return self.session.push(
            lambda: run_opportunity_operation(
                text, self.plan, opportunity_id, operation, self.session.apply_change
            ),
            translate("MainWindow", "The snooze was not saved"),
        )
