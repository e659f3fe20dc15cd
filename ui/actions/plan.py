"""Edits of the plan as a whole, and its files: open, new, import, export, review, restore, settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from planner.storage import opportunities as opportunity_repo
from ui import plain
from ui.app_settings import AppSettings
from ui.board.controller import BoardController
from ui.board.view import BoardWidget
from ui.session import EditSession

if TYPE_CHECKING:
    from planner import operations as ops

translate = QCoreApplication.translate

# The plan setting the review pack names the seller by (planner.exchange.pack).
SELLER = "seller"


class PlanActions(QObject):
    """The plan-wide edits and file flows of one window; dialogs open over `widget`."""

    # The seller chose a plan file to open (or to create): the window manager opens it.
    open_plan_requested = Signal(Path)
    # What the status bar should say after a flow finished.
    status_message = Signal(str)

    def __init__(
        self,
        session: EditSession,
        widget: QWidget,
        controller: BoardController,
        board: BoardWidget,
        settings: AppSettings,
    ) -> None:
        super().__init__(widget)
        self.session = session
        self.plan = session.plan
        self.widget = widget
        self.controller = controller
        self.board = board
        self.settings = settings

    @Slot()
    def new_plan(self) -> None:
        from ui.file_dialogs import FolderKind, save_file

        path = save_file(
            self.widget,
            FolderKind.PLANS,
            translate("MainWindow", "New plan"),
            translate("MainWindow", "my-plan.plan"),
            translate("MainWindow", "Plans (*.plan);;All files (*)"),
            settings=self.settings,
        )
        if path:
            if path.exists():
                plain.warning(
                    self.widget,
                    translate("MainWindow", "New plan"),
                    translate("MainWindow", "{path} already exists. Choose another name, or open it.").format(
                        path=path
                    ),
                )
                return
            self.open_plan_requested.emit(path)

    @Slot()
    def open_plan(self) -> None:
        from ui.file_dialogs import FolderKind, open_file

        path = open_file(
            self.widget,
            FolderKind.PLANS,
            translate("MainWindow", "Open plan"),
            translate("MainWindow", "Plans (*.plan);;All files (*)"),
            settings=self.settings,
        )
        if path:
            self.open_plan_requested.emit(path)

    @Slot()
    def restore_from_backup(self) -> None:
        from ui.dialogs.restore_dialog import run_restore_dialog

        path = run_restore_dialog(self.widget, self.plan, self.session.clock.now())
        if path is not None:
            self.open_plan_requested.emit(path)  # reopened: fresh models, empty undo stack

    @Slot()
    def save_copy(self) -> None:
        from ui.dialogs.restore_dialog import save_copy_dialog

        path = save_copy_dialog(self.widget, self.plan)
        if path is not None:
            self.open_plan_requested.emit(path)

    @Slot()
    def export_review_pack(self) -> None:
        from ui.dialogs.export_dialog import run_export_dialog

        self.ask_seller_name()
        selected = self.board.selected_id()
        written = run_export_dialog(self.widget, self.plan, [selected] if selected else [])
        if written:
            self.status_message.emit(
                translate("MainWindow", "Review pack written: {files}").format(
                    files=", ".join(str(p) for p in written)
                )
            )

    def ask_seller_name(self) -> None:
        """The seller's name on the pack ("Seller: Not set" otherwise): asked once, kept in the plan."""
        from planner.storage import settings as settings_repo

        if self.plan.read_only or settings_repo.get_setting(self.plan, SELLER, None):
            return
        from ui.review_window import ask_name

        name = ask_name(
            self.widget,
            translate("MainWindow", "Your name"),
            translate("MainWindow", "Your name, as your manager sees it on the review pack:"),
        )
        if name:
            settings_repo.set_setting(self.plan, SELLER, name)

    @Slot()
    def open_for_review(self) -> None:
        from ui.review_window import run_open_for_review

        run_open_for_review(self.widget)

    @Slot()
    def open_folder_for_review(self) -> None:
        from ui.review_window import run_open_folder_for_review

        run_open_folder_for_review(self.widget)

    @Slot()
    def import_review_notes(self) -> None:
        from planner import coaching
        from ui.commands import SwapCommand
        from ui.review_window import run_import_review_notes

        before = coaching.import_state(self.plan)
        change = run_import_review_notes(self.widget, self.plan)
        if change is None:
            return
        self.session.apply_change(change)
        after = coaching.import_state(self.plan, before)
        if not any(rows for _table, _columns, rows in after.added) and after.verdicts == before.verdicts:
            return  # nothing new: no undo step
        # Written already, as a CRM import: one undo step takes the notes, items and verdicts back
        # (without it, undoing an earlier edit of the deal would drop them unasked).
        self.session.push(
            lambda: SwapCommand(
                translate("MainWindow", "Import review notes"),
                lambda state: coaching.write_import_state(
                    self.plan, state, after if state is before else before
                ),
                before,
                after,
                self.session.apply_change,
            ),
            translate("MainWindow", "The review notes import could not be put on the undo stack"),
        )

    @Slot()
    def answer_coaching_items(self) -> None:
        from ui.actions.coaching import show_coaching_items

        show_coaching_items(self.session, self.widget)

    @Slot()
    def import_from_crm(self) -> None:
        from ui.dialogs.import_preview import ImportCommand
        from ui.dialogs.import_wizard import run_undoable_import

        done = run_undoable_import(self.widget, self.plan, self.session.clock.today)
        if done is None:
            return
        change, delta = done
        self.session.apply_change(change)  # stages too: an import may add pipelines
        # The import is written already: the command's first redo writes nothing, its undo
        # writes every changed row back.
        self.session.push(
            lambda: ImportCommand(self.plan, delta, self.session.apply_change),
            translate("MainWindow", "The import could not be put on the undo stack"),
        )

    @Slot()
    def edit_stage_settings(self) -> None:
        from planner.exchange.crm_export import crm_stage_choices, save_crm_stage_choices
        from ui.dialogs.stage_settings import StageSettingsDialog

        counts: dict[int, int] = {}
        for deal in opportunity_repo.list_opportunities(self.plan):
            counts[deal.stage_id] = counts.get(deal.stage_id, 0) + 1
        dialog = StageSettingsDialog(
            self.controller.stages, counts, self.widget, crm_stage_choices(self.plan)
        )
        if dialog.exec() == dialog.DialogCode.Accepted and self.save_stage_settings(
            dialog.rows(), dialog.reassign()
        ):
            save_crm_stage_choices(self.plan, dialog.crm_choices())

    def save_stage_settings(self, rows: list[ops.StageRow], reassign: dict[int, int]) -> bool:
        """Apply a stage-settings change (undoable)."""
        from planner import operations as ops
        from ui.commands import StageSettingsCommand

        def make() -> QUndoCommand:
            done = ops.apply_stage_settings(self.plan, rows, reassign, self.session.clock.today())
            self.session.apply_change(done.change)
            return StageSettingsCommand(
                translate("MainWindow", "Change stage settings"),
                self.plan,
                done.before,
                done.after,
                self.session.apply_change,
            )

        return self.session.push(make, translate("MainWindow", "The stage settings were not saved"))

    @Slot()
    def edit_close_reasons(self) -> None:
        from planner.close_reasons import reason_codes
        from ui.dialogs.close_reasons_dialog import CloseReasonsDialog

        dialog = CloseReasonsDialog(reason_codes(self.plan), self.widget)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_close_reasons(dialog.codes())

    def save_close_reasons(self, codes: list[str]) -> bool:
        """Set the plan's list of close reasons (undoable)."""
        from planner import operations as ops
        from planner.close_reasons import reason_codes
        from ui.commands import SwapCommand

        before = list(reason_codes(self.plan))
        if list(codes) == before:
            return False  # nothing changed: no undo entry

        def write(state: list[str]) -> ops.Change:
            return ops.set_close_reasons(self.plan, state)

        def make() -> QUndoCommand:
            self.session.apply_change(write(list(codes)))
            return SwapCommand(
                translate("MainWindow", "Change close reasons"),
                write,
                before,
                list(codes),
                self.session.apply_change,
            )

        return self.session.push(make, translate("MainWindow", "The close reasons were not saved"))

    @Slot()
    def edit_currencies(self) -> None:
        from ui.dialogs.currency_dialog import CurrencyDialog

        dialog = CurrencyDialog(self.controller.base_currency, self.controller.rates, self.widget)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_currencies(*dialog.values())

    def save_currencies(self, base: str, rates: dict[str, float]) -> bool:
        """Set the base currency and rates (undoable)."""
        from planner import operations as ops
        from ui.commands import CurrenciesCommand

        before = (self.controller.base_currency, dict(self.controller.rates))

        def make() -> QUndoCommand:
            self.session.apply_change(ops.set_currencies(self.plan, base, rates))
            return CurrenciesCommand(self.plan, before, (base, dict(rates)), self.session.apply_change)

        return self.session.push(make, translate("MainWindow", "The currencies were not saved"))
