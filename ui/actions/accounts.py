"""Edits of accounts: new, edit and delete (with their deals), each undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from planner.i18n import plural
from planner.model import AccountDraft
from planner.storage import accounts as account_repo
from ui import format as fmt
from ui import plain
from ui.session import EditSession

if TYPE_CHECKING:
    from ui.dialogs.account_dialog import AccountDialog

translate = QCoreApplication.translate


class AccountActions(QObject):
    """The account edits of one window; dialogs open over `widget`."""

    # A new account was written (the window shows the accounts).
    account_created = Signal(int)

    def __init__(self, session: EditSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.plan = session.plan
        self.widget = widget

    def account_dialog(self, account_id: int | None = None) -> AccountDialog:
        from ui.dialogs.account_dialog import AccountDialog

        accounts = account_repo.list_accounts(self.plan)
        existing = account_repo.get_account(self.plan, account_id) if account_id else None
        excluded = frozenset(account_repo.descendants(self.plan, account_id)) if account_id else frozenset()
        return AccountDialog(accounts, existing, self.widget, excluded_parents=excluded)

    @Slot()
    def new_account(self) -> None:
        dialog = self.account_dialog()
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.create_account(dialog.draft())

    def create_account(self, draft: AccountDraft) -> int | None:
        """Create an account (undoable); returns its id."""
        from planner import operations as ops
        from ui.commands import AccountPresenceCommand

        created: list[int] = []

        def make() -> QUndoCommand:
            change, account_id = ops.create_account(self.plan, draft)
            created.append(account_id)
            snap = ops.snapshot_account(self.plan, account_id)
            self.session.apply_change(change)
            return AccountPresenceCommand(
                translate("MainWindow", "Create account “{name}”").format(name=draft.name),
                self.plan,
                account_id,
                snap,
                self.session.apply_change,
                created=True,
            )

        if not self.session.push(make, translate("MainWindow", "The account was not created")):
            return None
        self.account_created.emit(created[0])
        return created[0]

    @Slot(int)
    def edit_account(self, account_id: int) -> None:
        dialog = self.account_dialog(account_id)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.save_account(account_id, dialog.draft())

    def save_account(self, account_id: int, draft: AccountDraft) -> bool:
        """Write an edited account (undoable)."""
        from planner import operations as ops
        from ui.commands import AccountEditCommand

        def make() -> QUndoCommand:
            before = ops.snapshot_account_row(self.plan, account_id)
            change = ops.update_account(self.plan, account_id, draft)
            after = ops.snapshot_account_row(self.plan, account_id)
            self.session.apply_change(change)
            return AccountEditCommand(
                translate("MainWindow", "Edit account “{name}”").format(name=draft.name),
                self.plan,
                before,
                after,
                self.session.apply_change,
            )

        return self.session.push(make, translate("MainWindow", "The account was not saved"))

    @Slot(int)
    def delete_account(self, account_id: int) -> None:
        account = account_repo.get_account(self.plan, account_id)
        if account is None:
            return
        deals = account_repo.count_opportunities(self.plan, account_id)
        if deals:
            question = plural(
                deals,
                translate(
                    "MainWindow",
                    "Delete “{name}” and its {n} deal, with its people and notes?\n"
                    "You can undo this with Edit → Undo.",
                ),
                translate(
                    "MainWindow",
                    "Delete “{name}” and its {n} deals, with its people and notes?\n"
                    "You can undo this with Edit → Undo.",
                ),
            )
        else:
            question = translate(
                "MainWindow",
                "Delete “{name}”, with its people and notes?\nYou can undo this with Edit → Undo.",
            )
        if (
            plain.question(
                self.widget,
                translate("MainWindow", "Delete account"),
                question.format(name=account.name, n=fmt.number(deals)),
            )
            == plain.Button.Yes
        ):
            self.remove_account(account_id)

    def remove_account(self, account_id: int) -> bool:
        """Delete an account with everything in it (undoable)."""
        from planner import operations as ops
        from ui.commands import AccountPresenceCommand

        account = account_repo.get_account(self.plan, account_id)
        name = account.name if account else str(account_id)

        def make() -> QUndoCommand:
            change, snap = ops.delete_account(self.plan, account_id)
            self.session.apply_change(change)
            return AccountPresenceCommand(
                translate("MainWindow", "Delete account “{name}”").format(name=name),
                self.plan,
                account_id,
                snap,
                self.session.apply_change,
                created=False,
            )

        return self.session.push(make, translate("MainWindow", "The account was not deleted"))
