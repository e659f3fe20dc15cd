"""Backups in the window: File → Restore from backup…, a damaged plan's choices, Save a copy as…."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.storage import backup as backups
from planner.storage.backup import Backup, BackupSummary, Kind
from planner.storage.db import PlanDamagedError, PlanDB, PlanError
from planner.storage.salvage import salvage
from ui import format as fmt
from ui.file_dialogs import FolderKind, save_file
from ui.format import number
from ui.plain import plain_tooltip

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
# English sources; shown through translate("RestoreDialog", ...).
COLUMNS = (
    QT_TRANSLATE_NOOP("RestoreDialog", "Taken"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Why"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Deals"),
)
KIND_TEXT = {
    Kind.AUTO: QT_TRANSLATE_NOOP("RestoreDialog", "Automatic"),
    Kind.UPGRADE: QT_TRANSLATE_NOOP("RestoreDialog", "Before an upgrade"),
    Kind.RESTORE: QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
    Kind.DAMAGED: QT_TRANSLATE_NOOP("RestoreDialog", "Damaged plan, set aside"),
}
# Choices offered for a damaged plan.
RESTORE, SALVAGE, CANCEL = "restore", "salvage", "cancel"


def plans_filter() -> str:
    """The file dialogs' filter: plans, or every file."""
    return translate("RestoreDialog", "Plans (*.plan);;All files (*)")


def when(taken: dt.datetime) -> str:
    """A backup's time as the list and the messages show it."""
    return fmt.date_time(taken)


class BackupListModel(QAbstractTableModel):
    """A plan's backups, newest first, with what each holds."""

    def __init__(self, rows: list[tuple[Backup, BackupSummary]], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return translate("RestoreDialog", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        backup, summary = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            deals = (
                number(summary.deals)
                if summary.deals is not None
                else translate("RestoreDialog", "cannot be read: {problem}").format(problem=summary.problem)
            )
            kind = translate("RestoreDialog", KIND_TEXT[backup.kind])
            text = (when(backup.taken), kind, deals)[index.column()]
            # The problem is another program's message (SQLite's): a tooltip takes it for markup.
            return text if role == Qt.ItemDataRole.DisplayRole else plain_tooltip(text)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def backup_at(self, row: int) -> Backup | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None


class RestoreDialog(QDialog):
    """The plan's backups with their date and deal count; Restore puts the chosen one back."""

    def __init__(self, plan_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RestoreDialog", "Restore from backup"))
        listed = [b for b in backups.list_backups(plan_path) if b.kind is not Kind.DAMAGED]
        self.model = BackupListModel([(b, backups.summarise(b.path)) for b in listed], self)
        intro = QLabel(
            translate(
                "RestoreDialog",
                "Choose the plan as it was at one of these times. The plan as it is now is kept "
                "as a backup first. Backups live in {folder}.",
            ).format(folder=backups.backup_dir(plan_path)),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(translate("RestoreDialog", "Backups"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            translate("RestoreDialog", "&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._on_table_selection_changed()
        self.resize(560, 360)

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None


def run_restore_dialog(parent: QWidget | None, plan: PlanDB, now: dt.datetime | None = None) -> Path | None:
    """File → Restore from backup…: the restored plan's path (the window reopens it), or None."""
    title = translate("RestoreDialog", "Restore from backup")
    if plan.path is None:
        return None
    if plan.read_only_reason is not None:
        QMessageBox.warning(
            parent,
            title,
            translate("RestoreDialog", "Nothing can be restored now. {reason}").format(
                reason=plan.read_only_reason
            ),
        )
        return None
    dialog = RestoreDialog(plan.path, parent)
    if not dialog.model.rowCount():
        QMessageBox.information(
            parent,
            title,
            translate("RestoreDialog", "This plan has no backup yet. One is taken each time it is opened."),
        )
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selected()
    if chosen is None:
        return None
    return restore_chosen(parent, plan, chosen, now or dt.datetime.now())


def restore_chosen(parent: QWidget | None, plan: PlanDB, chosen: Backup, now: dt.datetime) -> Path | None:
    """Ask, then restore `chosen` into the open plan; the plan's path, or None when not restored."""
    answer = QMessageBox.question(
        parent,
        translate("RestoreDialog", "Restore from backup"),
        translate(
            "RestoreDialog",
            "Replace the plan with the backup of {time}?\n\n"
            "The plan as it is now is kept as a backup first, so this can be reversed.",
        ).format(time=when(chosen.taken)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        backups.restore_backup(plan, chosen.path, now)
    except (PlanError, OSError) as exc:
        QMessageBox.warning(parent, translate("RestoreDialog", "The backup was not restored"), str(exc))
        return None
    return plan.path


def damaged_choice(parent: QWidget | None, error: PlanDamagedError, latest: Backup | None) -> str:
    """Ask what to do with a damaged plan: RESTORE (the latest good backup), SALVAGE or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("RestoreDialog", "The plan is damaged"))
    box.setText(
        translate(
            "RestoreDialog", "{file} is damaged, so it was not opened. Nothing was written to it."
        ).format(file=error.path.name)
    )
    options = []
    restore_button = None
    if latest is not None:
        options.append(
            translate(
                "RestoreDialog", "Restore the backup of {time}: the damaged file is kept in {folder}."
            ).format(time=when(latest.taken), folder=backups.backup_dir(error.path).name)
        )
        restore_button = box.addButton(
            translate("RestoreDialog", "Restore the backup of {time}").format(time=when(latest.taken)),
            QMessageBox.ButtonRole.AcceptRole,
        )
    else:
        options.append(translate("RestoreDialog", "There is no usable backup of this plan."))
    options.append(translate("RestoreDialog", "Copy what can still be read into a new plan, and open that."))
    box.setInformativeText(f"{error}\n\n" + "\n".join(options))
    salvage_button = box.addButton(
        translate("RestoreDialog", "Copy what can be read…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore_button or salvage_button)
    box.exec()
    clicked = box.clickedButton()
    if restore_button is not None and clicked is restore_button:
        return RESTORE
    if clicked is salvage_button:
        return SALVAGE
    return CANCEL


def run_damaged_dialog(
    parent: QWidget | None,
    error: PlanDamagedError,
    now: dt.datetime | None = None,
    release: Callable[[], object] | None = None,
) -> Path | None:
    """Offer the latest good backup or a salvage copy of a damaged plan; the plan to open, or None.

    Nothing is written to the damaged file: a restore moves it, unchanged, into the backups.
    `release` lets go of the damaged plan where it is open (in a window) once the seller chose
    a way out, before it is taken.
    """
    path = error.path
    latest = backups.latest_good_backup(path)
    choice = damaged_choice(parent, error, latest)
    if release is not None and choice != CANCEL:
        release()
        parent = None  # the window of the damaged plan is gone
    try:
        if choice == RESTORE and latest is not None:
            backups.restore_file(path, latest.path, now or dt.datetime.now())
            return path
        if choice == SALVAGE:
            return _salvage(parent, path)
    except (PlanError, OSError) as exc:
        QMessageBox.warning(parent, translate("RestoreDialog", "The plan was not recovered"), str(exc))
    return None


def _salvage(parent: QWidget | None, path: Path) -> Path | None:
    name = save_file(
        parent,
        FolderKind.PLANS,
        translate("RestoreDialog", "Save what can be read as"),
        translate("RestoreDialog", "{name}-recovered.plan").format(name=path.stem),
        plans_filter(),
        fallback=path.parent,
    )
    if name is None:
        return None
    report = salvage(path, name)
    copied = plural(
        report.copied,
        translate("RestoreDialog", "{n} record was copied into {file}."),
        translate("RestoreDialog", "{n} records were copied into {file}."),
    ).format(n=number(report.copied), file=name)
    lost = (
        ""
        if report.complete
        else " " + translate("RestoreDialog", "Some rows could not be read and are missing: check the plan.")
    )
    QMessageBox.information(parent, translate("RestoreDialog", "Copied what could be read"), copied + lost)
    return name


def save_copy_dialog(parent: QWidget | None, plan: PlanDB) -> Path | None:
    """Save a copy as…: everything the open plan holds, into a new file; its path, or None."""
    name = save_file(
        parent,
        FolderKind.PLANS,
        translate("RestoreDialog", "Save a copy as"),
        translate("RestoreDialog", "{name}-copy.plan").format(name=plan.path.stem)
        if plan.path
        else translate("RestoreDialog", "plan.plan"),
        plans_filter(),
        fallback=plan.path.parent if plan.path else None,
    )
    if name is None:
        return None
    try:
        backups.save_copy(plan, name)
    except PlanError as exc:
        QMessageBox.warning(parent, translate("RestoreDialog", "The copy was not saved"), str(exc))
        return None
    return name
