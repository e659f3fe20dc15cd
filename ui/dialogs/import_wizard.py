"""File → Import from CRM…: files, what was found, columns, stages, owner, preview, then one transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.exchange.amounts import AmountReading, NumberStyle, read_amount
from planner.exchange.crm import PROFILES, by_key
from planner.exchange.deal_rows import amount_reading
from planner.exchange.import_plan import (
    Action,
    ImportOptions,
    ImportPreview,
    TableInfo,
    build_preview,
    remembered_style,
)
from planner.exchange.import_review import is_old_history, open_rows, outcomes
from planner.exchange.importer import ImportResult, ImportSummary, summarise
from planner.exchange.layouts import Field, FileKind, Layout, fields_for
from planner.exchange.pipeline_import import import_with_pipelines
from planner.exchange.problems import ImportCancelledError, Problem, Severity, quote
from planner.exchange.sources import Loaded, load
from planner.exchange.values import DateOrder, decide_date_order
from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.model import Stage
from planner.operations import Change
from planner.stages import ordered
from planner.storage import plan_delta
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, PlanError
from ui.dialogs.import_preview import OutcomesModel, ask_closed_history_only
from ui.file_dialogs import FolderKind, choose_folder, open_files
from ui.format import number
from ui.plain import keep_names_narrow, plain_tooltip
from ui.table_model import HeadedTableModel

translate = QCoreApplication.translate

# The role a ChoiceDelegate reads its (label, value) choices from.
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1
# The role of a row's key (file, row) in the problems model.
ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
# English source; shown through translate("ImportWizard", UNDO_NOTE).
UNDO_NOTE = QT_TRANSLATE_NOOP("ImportWizard", "Edit → Undo takes the whole import back.")
Index = QModelIndex | QPersistentModelIndex


class FilesModel(HeadedTableModel):
    """The files read: name, what each holds, whose layout, how many rows."""

    CONTEXT = "ImportWizard"

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportWizard", "File"),
        QT_TRANSLATE_NOOP("ImportWizard", "Holds"),
        QT_TRANSLATE_NOOP("ImportWizard", "Layout"),
        QT_TRANSLATE_NOOP("ImportWizard", "Rows"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tables: list[TableInfo] = []

    def set_tables(self, tables: Sequence[TableInfo]) -> None:
        self.beginResetModel()
        self._tables = list(tables)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._tables)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        table = self._tables[index.row()]
        return (table.name, table.kind.label, table.layout.label, number(table.rows))[index.column()]


class MappingModel(HeadedTableModel):
    """One file's columns: sample values, and the field each is mapped to (editable)."""

    CONTEXT = "ImportWizard"

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportWizard", "Column"),
        QT_TRANSLATE_NOOP("ImportWizard", "Sample values"),
        QT_TRANSLATE_NOOP("ImportWizard", "Field"),
    )
    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: TableInfo | None = None
        self._mapping: dict[str, Field | None] = {}
        self._amounts: AmountReading | None = None

    def set_table(self, table: TableInfo | None, mapping: dict[str, Field | None]) -> None:
        self.beginResetModel()
        self._table = table
        self._mapping = dict(mapping)
        self._amounts = None
        self.endResetModel()

    def set_amounts(self, reading: AmountReading | None) -> None:
        """How the amount column is read: its samples are shown as read ('10.000 € → 10,000.00')."""
        self._amounts = reading
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, 1))

    def _samples(self, header: str, field: Field | None) -> str:
        assert self._table is not None
        samples = self._table.samples.get(header, ())
        reading = self._amounts
        if field is not Field.AMOUNT or reading is None or not reading.decided:
            return " · ".join(samples)
        shown: list[str] = []
        for sample in samples:
            try:
                amount, _currency, _warning = read_amount(sample, reading)
            except ValueError:
                amount = None
            read = "?" if amount is None else number(amount, 2)
            shown.append(f"{sample} → {read}")
        return " · ".join(shown)

    @property
    def mapping(self) -> dict[str, Field | None]:
        """Every column of the file -> its field, or None when it is not imported."""
        return dict(self._mapping)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._table.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 2:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _choices(self) -> list[tuple[str, Field | None]]:
        kind = self._table.kind if self._table is not None else FileKind.UNUSED
        return [
            (translate("ImportWizard", "(not imported)"), None),
            *((f.label, f) for f in fields_for(kind)),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        header = self._table.headers[index.row()]
        field = self._mapping.get(header)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return header
            if index.column() == 1:
                return self._samples(header, field)
            return field.label if field is not None else translate("ImportWizard", "(not imported)")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            # The samples a narrow cell cuts: the file's own text, shown as text.
            return plain_tooltip("\n".join(self._table.samples.get(header, ())))
        if role == Qt.ItemDataRole.EditRole and index.column() == 2:
            return field.value if field is not None else ""
        if role == CHOICES_ROLE and index.column() == 2:
            return [(label, value.value if value is not None else "") for label, value in self._choices()]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != 2
            or self._table is None
        ):
            return False
        wanted: Field | None = None
        if value:
            try:
                wanted = Field(str(value))
            except ValueError:
                return False
            if wanted not in fields_for(self._table.kind):
                return False
        header = self._table.headers[index.row()]
        self._mapping[header] = wanted
        if wanted is not None:
            # One column per field: the column it was on before is no longer imported.
            for row, other in enumerate(self._table.headers):
                if other != header and self._mapping.get(other) is wanted:
                    self._mapping[other] = None
                    changed = self.index(row, 2)
                    self.dataChanged.emit(changed, changed)
        self.dataChanged.emit(index, index)
        self.mapping_changed.emit()
        return True


class StageModel(HeadedTableModel):
    """The file's stage values, their deals and probability, and the plan stage each goes to (editable)."""

    CONTEXT = "ImportWizard"

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportWizard", "Stage in the file"),
        QT_TRANSLATE_NOOP("ImportWizard", "Deals"),
        QT_TRANSLATE_NOOP("ImportWizard", "Probability"),
        QT_TRANSLATE_NOOP("ImportWizard", "Plan stage"),
        QT_TRANSLATE_NOOP("ImportWizard", "Why"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, float | None]] = []
        self._targets: dict[str, int] = {}
        self._reasons: dict[str, str] = {}
        # The file stages whose plan stage the seller chose (the rest stay automatic).
        self._chosen: set[str] = set()
        self._stages: list[Stage] = []

    def set_stages(self, preview: ImportPreview, stages: Sequence[Stage], chosen: Sequence[str] = ()) -> None:
        """The preview's stages; `chosen` names the file stages the seller mapped earlier."""
        self.beginResetModel()
        self._rows = [(s.name, s.rows, s.probability) for s in preview.stages]
        self._targets = {name: choice.stage_id for name, choice in preview.stage_map.items()}
        self._reasons = {name: choice.reason for name, choice in preview.stage_map.items()}
        self._chosen = {
            name for name, choice in preview.stage_map.items() if choice.reason == "chosen" or name in chosen
        }
        self._stages = ordered(stages)
        self.endResetModel()

    def stage_map(self) -> dict[str, str]:
        """File stage -> plan stage name, for the stages the seller chose (the rest stay automatic)."""
        names = {s.id: s.name for s in self._stages}
        return {
            stage: names[target]
            for stage, target in self._targets.items()
            if target in names and stage in self._chosen
        }

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 3:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name, rows, probability = self._rows[index.row()]
        target = self._targets.get(name)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return name
            if index.column() == 1:
                return number(rows)
            if index.column() == 2:
                return (
                    ""
                    if probability is None
                    else translate("ImportWizard", "{n} %").format(n=number(probability))
                )
            if index.column() == 3:
                return next((s.name for s in self._stages if s.id == target), "")
            if name in self._chosen:
                return translate("ImportWizard", "chosen")
            return self._reasons.get(name, "")
        if role == Qt.ItemDataRole.EditRole and index.column() == 3:
            return target
        if role == CHOICES_ROLE and index.column() == 3:
            return [(s.name, s.id) for s in self._stages]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 3:
            return False
        if value not in {s.id for s in self._stages}:
            return False
        name = self._rows[index.row()][0]
        self._targets[name] = int(value)
        self._reasons[name] = "chosen"
        self._chosen.add(name)
        self.dataChanged.emit(self.index(index.row(), 3), self.index(index.row(), 4))
        return True


class ProblemsModel(HeadedTableModel):
    """Every problem, one per line; a row's lines carry one check box: import the row or skip it."""

    CONTEXT = "ImportWizard"

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportWizard", "Import"),
        QT_TRANSLATE_NOOP("ImportWizard", "File"),
        QT_TRANSLATE_NOOP("ImportWizard", "Row"),
        QT_TRANSLATE_NOOP("ImportWizard", "Column"),
        QT_TRANSLATE_NOOP("ImportWizard", "Value"),
        QT_TRANSLATE_NOOP("ImportWizard", "Problem"),
    )
    skipped_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._importable: set[tuple[str, int]] = set()
        self.skipped: set[tuple[str, int]] = set()

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        row_problems = [p for r in preview.rows for p in r.problems]
        self._problems = [*preview.problems, *row_problems]
        self._importable = {r.key for r in preview.rows if r.action is not Action.SKIP}
        self.skipped &= self._importable
        self.endResetModel()

    def _key(self, problem: Problem) -> tuple[str, int] | None:
        if problem.row is None:
            return None
        key = (problem.file, problem.row)
        return key if key in self._importable else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0 and self._key(self._problems[index.row()]) is not None:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        key = self._key(problem)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and key is not None:
            return Qt.CheckState.Unchecked if key in self.skipped else Qt.CheckState.Checked
        if role == ROW_KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                if problem.severity is Severity.ERROR:
                    if problem.row is not None:
                        return translate("ImportWizard", "skipped")
                    return translate("ImportWizard", "file")
                return ""
            return (
                "",
                problem.file,
                "" if problem.row is None else number(problem.row),
                problem.column,
                quote(problem.value),
                problem.message,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return plain_tooltip(problem.line())  # it quotes the file's cell
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        key = self._key(self._problems[index.row()])
        if key is None:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self.skipped.discard(key)
        else:
            self.skipped.add(key)
        # Every line of the same row shows the same box.
        for row, problem in enumerate(self._problems):
            if self._key(problem) == key:
                cell = self.index(row, 0)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
        self.skipped_changed.emit()
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor listing the (label, value) pairs the model gives in CHOICES_ROLE."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, value in index.data(CHOICES_ROLE) or []:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _table_view(parent: QWidget, model: QAbstractTableModel) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Widths from the first rows only: measuring thousands of problem lines would stall the page.
    header.setResizeContentsPrecision(50)
    model.modelReset.connect(view.resizeColumnsToContents)
    return view


def _label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FilesPage(QWizardPage):
    """Pick CSV or XLSX files, a folder, or a Salesforce weekly export ZIP."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Files to import"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "Exports of Salesforce, HubSpot or Pipedrive, or any CSV or XLSX file of deals. "
                "Several files, a folder or a Salesforce weekly Data Export ZIP are joined by their ids.",
            )
        )
        self.paths = QStringListModel(self)
        self.list = QListView(self)
        self.list.setModel(self.paths)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(translate("ImportWizard", "Files to import"))
        add_files = QPushButton(translate("ImportWizard", "Add &files…"), self)
        add_folder = QPushButton(translate("ImportWizard", "Add f&older…"), self)
        remove = QPushButton(translate("ImportWizard", "&Remove"), self)
        add_files.clicked.connect(self._on_add_files_clicked)
        add_folder.clicked.connect(self._on_add_folder_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        self.error = _label(self)
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QHBoxLayout()
        for button in (add_files, add_folder, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    def add_paths(self, paths: Sequence[Path | str]) -> None:
        """Add files or folders (the buttons' dialogs call this; so do tests)."""
        current = self.paths.stringList()
        self.paths.setStringList(current + [str(p) for p in paths if str(p) not in current])
        self.completeChanged.emit()

    @Slot()
    def _on_add_files_clicked(self) -> None:
        files = open_files(
            self,
            FolderKind.CRM_EXPORTS,
            translate("ImportWizard", "Import from CRM"),
            translate("ImportWizard", "CRM exports (*.csv *.tsv *.txt *.xlsx *.zip);;All files (*)"),
        )
        self.add_paths(files)

    @Slot()
    def _on_add_folder_clicked(self) -> None:
        folder = choose_folder(
            self, FolderKind.CRM_EXPORTS, translate("ImportWizard", "Import a folder of CRM exports")
        )
        if folder is not None:
            self.add_paths([folder])

    @Slot()
    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedIndexes()}, reverse=True)
        for row in rows:
            self.paths.removeRows(row, 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.paths.stringList())

    def validatePage(self) -> bool:
        with self._wizard.busy():
            loaded = load([Path(p) for p in self.paths.stringList()])
        if not loaded.tables:
            self.error.setText(
                "\n".join(p.line() for p in loaded.problems)
                or translate("ImportWizard", "Nothing could be read.")
            )
            return False
        self.error.setText("")
        self._wizard.set_loaded(loaded)
        return True


def _key(source: Layout | None) -> str | None:
    return source.value if source is not None else None


class LayoutPage(QWizardPage):
    """What was found in each file, and which CRM the files come from."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "What the files hold"))
        self.model = FilesModel(self)
        self.view = _table_view(self, self.model)
        self.view.setAccessibleName(translate("ImportWizard", "Files read"))
        self.source = QComboBox(self)
        self.source.addItem(translate("ImportWizard", "Recognise from the headers"), None)
        for crm in PROFILES:
            label = crm.label if crm is not Layout.GENERIC else translate("ImportWizard", "Other (CSV/XLSX)")
            self.source.addItem(label, crm.value)
        self.source.currentIndexChanged.connect(self._on_source_current_index_changed)
        self.detected = _label(self)
        self.problems = _label(self)
        self.problems.setStyleSheet("color: #c0392b;")
        row = QHBoxLayout()
        source_label = QLabel(translate("ImportWizard", "&Source:"), self)
        source_label.setBuddy(self.source)
        row.addWidget(source_label)
        row.addWidget(self.source, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.detected)
        box.addWidget(self.view, 1)
        box.addLayout(row)
        box.addWidget(self.problems)

    def initializePage(self) -> None:
        # New files reset the choices: the combo follows (without recomputing the preview twice).
        self.source.blockSignals(True)
        self.source.setCurrentIndex(max(self.source.findData(_key(self._wizard.import_options.source)), 0))
        self.source.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        preview = self._wizard.preview
        if preview is None:
            return
        self.model.set_tables(preview.tables)
        if preview.source is Layout.GENERIC:
            self.detected.setText(
                translate(
                    "ImportWizard",
                    "Not a known CRM layout: columns are matched by their names (check them next).",
                )
            )
        else:
            self.detected.setText(
                translate(
                    "ImportWizard", "Recognised as {crm} exports; deals and accounts keep their {crm} ids."
                ).format(crm=preview.source.label)
            )
        errors = [p.line() for p in preview.problems if p.severity is Severity.ERROR]
        self.problems.setText("\n".join(errors[:10]))

    @Slot(int)
    def _on_source_current_index_changed(self, _index: int) -> None:
        data = self.source.currentData()  # a profile's key, or None to recognise it from the headers
        self._wizard.options_changed(source=by_key(str(data)) if data else None)
        self.refresh()


class MappingPage(QWizardPage):
    """Which column is which field, per file (suggested; what the seller sets is remembered)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Columns"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "Check which field each column is. Your choices are remembered for files like this one.",
            )
        )
        self.table_choice = QComboBox(self)
        self.table_choice.currentIndexChanged.connect(self._on_table_choice_current_index_changed)
        self.model = MappingModel(self)
        self.view = _table_view(self, self.model)
        self.view.setAccessibleName(translate("ImportWizard", "Columns of the file"))
        # Field beside the column's name, the samples last: long samples pushed the Field
        # column, the one to set, past the wizard's edge. The samples stretch into what is left.
        self.view.horizontalHeader().moveSection(2, 1)
        self.view.setItemDelegateForColumn(2, ChoiceDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.dates = QComboBox(self)
        self.dates.addItem(translate("ImportWizard", "Read from the file's dates"), None)
        self.dates.addItem(
            translate("ImportWizard", "Month first (03/04/2026 is 4 March)"), DateOrder.MONTH_FIRST
        )
        self.dates.addItem(
            translate("ImportWizard", "Day first (03/04/2026 is 3 April)"), DateOrder.DAY_FIRST
        )
        self.date_note = _label(self)
        # How the file writes amounts: asked when nothing in the file says (10.000: ten or ten thousand?).
        self.amounts = QComboBox(self)
        self.amount_note = _label(self)
        # The readings of every deals file, so Next waits until each one's amounts are decided.
        self._readings: dict[str, AmountReading] = {}
        self.model.mapping_changed.connect(self._on_model_mapping_changed)
        self.dates.currentIndexChanged.connect(self._on_model_mapping_changed)
        self.amounts.currentIndexChanged.connect(self._on_model_mapping_changed)
        top = QHBoxLayout()
        file_label = QLabel(translate("ImportWizard", "&File:"), self)
        file_label.setBuddy(self.table_choice)
        top.addWidget(file_label)
        top.addWidget(self.table_choice, 1)
        dates = QHBoxLayout()
        dates_label = QLabel(translate("ImportWizard", "&Dates:"), self)
        dates_label.setBuddy(self.dates)
        dates.addWidget(dates_label)
        dates.addWidget(self.dates, 1)
        amounts = QHBoxLayout()
        amounts_label = QLabel(translate("ImportWizard", "&Amounts in this file use:"), self)
        amounts_label.setBuddy(self.amounts)
        amounts.addWidget(amounts_label)
        amounts.addWidget(self.amounts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(dates)
        layout.addWidget(self.date_note)
        layout.addLayout(amounts)
        layout.addWidget(self.amount_note)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        for table in preview.tables:
            if table.kind is not FileKind.UNUSED:
                self.table_choice.addItem(
                    translate("ImportWizard", "{file} ({holds})").format(
                        file=table.name, holds=table.kind.label
                    ),
                    table.name,
                )
        self.table_choice.blockSignals(False)
        self._readings = {
            t.name: t.amounts for t in preview.tables if t.kind is FileKind.DEALS and t.amounts is not None
        }
        deals = next((i for i, t in enumerate(preview.tables) if t.kind is FileKind.DEALS), 0)
        names = [self.table_choice.itemData(i) for i in range(self.table_choice.count())]
        wanted = preview.tables[deals].name if preview.tables else None
        self.table_choice.setCurrentIndex(names.index(wanted) if wanted in names else 0)
        self._show_table()

    def _show_table(self) -> None:
        preview = self._wizard.preview
        name = self.table_choice.currentData()
        table = preview.table(name) if preview is not None and name else None
        if table is None:
            self.model.set_table(None, {})
            return
        mapping: dict[str, Field | None] = {h: table.mapping.get(h) for h in table.headers}
        self.model.set_table(table, mapping)
        order = self._wizard.import_options.date_orders.get(table.name)
        self.dates.blockSignals(True)
        self.dates.setCurrentIndex(max(self.dates.findData(order), 0))
        self.dates.blockSignals(False)
        note = table.dates.note(table.name) if table.dates is not None else None
        self.date_note.setText(note or "")
        style = self._wizard.import_options.number_styles.get(table.name)
        self._show_amounts(table.name, self._wizard.amount_reading(table.name, mapping, style))

    def _show_amounts(self, name: str, reading: AmountReading | None) -> None:
        """The amounts choice of file `name`: each style with the file's example read so, and
        what the file's own signals say (or that they do not say)."""
        if reading is not None:
            self._readings[name] = reading
        else:
            self._readings.pop(name, None)
        self.model.set_amounts(reading)
        self.view.resizeColumnToContents(1)  # the samples as read are longer than as written
        chosen = reading.style if reading is not None and reading.chosen else None
        example = reading.example if reading is not None else ""
        readings = reading.readings_of(example) if reading is not None else {}
        self.amounts.blockSignals(True)
        self.amounts.clear()
        self.amounts.addItem(translate("ImportWizard", "Read from the file's amounts"), None)
        for style in NumberStyle:
            text = style.label
            if style in readings:
                text = translate("ImportWizard", "{style} (“{example}” is {amount})").format(
                    style=style.label, example=quote(example), amount=readings[style]
                )
            self.amounts.addItem(text, style.value)
        self.amounts.setCurrentIndex(max(self.amounts.findData(chosen.value if chosen else None), 0))
        self.amounts.setEnabled(reading is not None)
        self.amounts.blockSignals(False)
        if reading is None:
            note = ""
        elif not reading.decided:
            note = translate("ImportWizard", "{question}. Choose how this file writes amounts.").format(
                question=reading.question(name)
            )
        elif reading.chosen:
            note = translate("ImportWizard", "Amounts are read in the {style} style.").format(
                style=reading.style.label
            )
        else:
            note = reading.note(name) or ""
        self.amount_note.setText(note)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(r.decided for r in self._readings.values())

    @Slot(int)
    def _on_table_choice_current_index_changed(self, _index: int) -> None:
        self._show_table()

    @Slot()
    def _on_model_mapping_changed(self) -> None:
        name = self.table_choice.currentData()
        if not name:
            return
        # Combo boxes hand enum data back as plain strings.
        data = self.dates.currentData()
        order = DateOrder(data) if data else None
        chosen = self.amounts.currentData()
        style = NumberStyle(chosen) if chosen else None
        self._wizard.set_mapping(name, self.model.mapping, order, style)
        self.date_note.setText(self._wizard.date_note(name, self.model.mapping, order))
        self._show_amounts(name, self._wizard.amount_reading(name, self.model.mapping, style))

    def validatePage(self) -> bool:
        self._wizard.recompute()
        return True


class StagePage(QWizardPage):
    """Where each of the file's stages goes in the plan (remembered per source)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Stages"))
        self.setSubTitle(
            translate(
                "ImportWizard",
                "Won and lost are recognised by name; open stages by probability, else by order.",
            )
        )
        self.model = StageModel(self)
        self.view = _table_view(self, self.model)
        self.view.setAccessibleName(translate("ImportWizard", "Stages in the files"))
        self.view.setItemDelegateForColumn(3, ChoiceDelegate(self.view))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.model.set_stages(preview, self._wizard.stages, list(self._wizard.import_options.stage_map))

    def validatePage(self) -> bool:
        self._wizard.options_changed(stage_map=self.model.stage_map())
        return True


class OwnerPage(QWizardPage):
    """Whose deals to import, when the files say who owns each deal."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Whose deals"))
        self.setSubTitle(
            translate(
                "ImportWizard", "The files name an owner or sales agent for each deal. Import only yours?"
            )
        )
        self.owner = QComboBox(self)
        keep_names_narrow(self.owner)
        owner_label = QLabel(translate("ImportWizard", "&Import the deals of:"), self)
        owner_label.setBuddy(self.owner)
        layout = QVBoxLayout(self)
        layout.addWidget(owner_label)
        layout.addWidget(self.owner)
        layout.addStretch(1)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        current = self._wizard.import_options.owner
        self.owner.clear()
        total = sum(count for _name, count in preview.owners)
        self.owner.addItem(
            plural(
                total,
                translate("ImportWizard", "Everyone ({n} deal)"),
                translate("ImportWizard", "Everyone ({n} deals)"),
            ).format(n=number(total)),
            None,
        )
        for name, count in preview.owners:
            text = plural(
                count,
                translate("ImportWizard", "{owner} ({n} deal)"),
                translate("ImportWizard", "{owner} ({n} deals)"),
            )
            self.owner.addItem(text.format(owner=name, n=number(count)), name)
        seller = str(settings_repo.get_setting(self._wizard.plan, "seller", "") or "")
        wanted = current or seller
        self.owner.setCurrentIndex(max(self.owner.findData(wanted), 0) if wanted else 0)

    def validatePage(self) -> bool:
        self._wizard.options_changed(owner=self.owner.currentData())
        return True


class PreviewPage(QWizardPage):
    """Counts and problems before anything is written; the Import button writes it all at once."""

    import_progressed = Signal(int, int)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Preview"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportWizard", "&Import"))
        self.counts = _label(self)
        self.outcomes = OutcomesModel(self)
        self.outcomes_view = _table_view(self, self.outcomes)
        self.outcomes_view.setAccessibleName(translate("ImportWizard", "Deals the import changes"))
        self.model = ProblemsModel(self)
        self.model.skipped_changed.connect(self._on_model_skipped_changed)
        self.view = _table_view(self, self.model)
        self.view.setAccessibleName(translate("ImportWizard", "Problems found"))
        self.skip_flagged = QCheckBox(translate("ImportWizard", "&Skip every row with a warning"), self)
        self.skip_flagged.toggled.connect(self._on_model_skipped_changed)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(translate("ImportWizard", "Import progress"))
        self.cancel_button = QPushButton(translate("ImportWizard", "S&top the import"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.request_cancel)
        self.note = _label(
            self,
            translate("ImportWizard", "The import is written in one go: all accepted rows or nothing.")
            + " "
            + translate("ImportWizard", UNDO_NOTE),
        )
        self.error = _label(self)
        self.error.setStyleSheet("color: #c0392b;")
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.outcomes_view, 1)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.skip_flagged)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        self._cancel = False
        self.running = False

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.model.set_preview(preview)
        self.error.setText("")
        self._show_counts()

    def summary(self) -> ImportSummary:
        preview = self._wizard.preview
        assert preview is not None
        return summarise(preview, self.skipped(), self.skip_flagged.isChecked())

    def skipped(self) -> set[tuple[str, int]]:
        """The rows left out: by the seller, and the open deals when only closed history comes in."""
        return set(self.model.skipped) | self._wizard.history_only_skips()

    def _show_counts(self) -> None:
        s = self.summary()
        parts = [
            translate("ImportWizard", "{n} to create").format(n=number(s.created)),
            translate("ImportWizard", "{n} to update").format(n=number(len(s.updated))),
            translate("ImportWizard", "{n} unchanged").format(n=number(s.unchanged)),
            translate("ImportWizard", "{n} to skip").format(n=number(s.skipped)),
        ]
        if s.filtered_out:
            parts.append(
                translate("ImportWizard", "{n} of other owners left out").format(n=number(s.filtered_out))
            )
        if s.missing:
            missing = plural(
                len(s.missing),
                translate("ImportWizard", "{n} open deal no longer in the files (it stays)"),
                translate("ImportWizard", "{n} open deals no longer in the files (they stay)"),
            )
            parts.append(missing.format(n=number(len(s.missing))))
        self.counts.setText(translate("ImportWizard", "{counts}.").format(counts=", ".join(parts)))
        preview = self._wizard.preview
        assert preview is not None
        self.outcomes.set_lines(outcomes(preview, self.skipped(), self.skip_flagged.isChecked()))
        self.completeChanged.emit()

    @Slot()
    def _on_model_skipped_changed(self) -> None:
        self._show_counts()

    def isComplete(self) -> bool:
        return not self.running and self.summary().imported > 0

    @Slot()
    def request_cancel(self) -> None:
        """Stop a running import: the transaction is rolled back and nothing is written."""
        self._cancel = True

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.import_progressed.emit(done, total)
        QCoreApplication.processEvents()
        if self._cancel:
            raise ImportCancelledError

    def validatePage(self) -> bool:
        preview = self._wizard.preview
        assert preview is not None
        self._cancel = False
        self.running = True
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._wizard.set_buttons_enabled(False)
        loaded = self._wizard.loaded
        assert loaded is not None
        try:
            result, delta = plan_delta.recorded(
                self._wizard.plan,
                lambda: import_with_pipelines(
                    self._wizard.plan,
                    loaded,
                    preview,
                    self.skipped(),
                    self.skip_flagged.isChecked(),
                    self._on_progress,
                ),
            )
        except ImportCancelledError:
            self.error.setText(translate("ImportWizard", "The import was stopped; nothing was written."))
            return False
        except (sqlite3.Error, OSError, PlanError) as exc:
            self.error.setText(
                translate(
                    "ImportWizard", "Nothing was imported: the plan could not be written ({error})."
                ).format(error=exc)
            )
            return False
        finally:
            self.running = False
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            self._wizard.set_buttons_enabled(True)
        self._wizard.finished_import(result, delta)
        return True


class DonePage(QWizardPage):
    """What was imported, and the reminder that an import is not on the undo stack."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(translate("ImportWizard", "Imported"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(translate("ImportWizard", "What was imported"))
        self.note = _label(self, translate("ImportWizard", UNDO_NOTE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        if result is not None:
            self.text.setPlainText("\n".join(result.summary.lines()))


class ImportWizard(QWizard):
    """The import wizard; `change` says what it wrote once it finished (None when nothing was)."""

    FILES, LAYOUT, MAPPING, STAGES, OWNER, PREVIEW, DONE = range(7)

    def __init__(
        self, plan: PlanDB, parent: QWidget | None = None, *, today: Callable[[], dt.date] | None = None
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        # The window's clock: new deals' days and the old-history question count from its day.
        self.today = today
        self.setWindowTitle(translate("ImportWizard", "Import from CRM"))
        # After the import there is nothing left to cancel.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(760, 520)
        self.stages = stage_repo.list_stages(plan)
        self.loaded: Loaded | None = None
        self.preview: ImportPreview | None = None
        self.import_options = ImportOptions()
        self.import_result: ImportResult | None = None
        self.change: Change | None = None
        # What the import wrote, row by row: Edit → Undo takes it back (ui.dialogs.import_preview).
        self.delta: plan_delta.PlanDelta | None = None
        # None until asked: whether an old file brings in its closed deals only.
        self.closed_history_only: bool | None = None
        self.files_page = FilesPage(self)
        self.layout_page = LayoutPage(self)
        self.mapping_page = MappingPage(self)
        self.stage_page = StagePage(self)
        self.owner_page = OwnerPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page_id, page in enumerate(
            (
                self.files_page,
                self.layout_page,
                self.mapping_page,
                self.stage_page,
                self.owner_page,
                self.preview_page,
                self.done_page,
            )
        ):
            self.setPage(page_id, page)

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.STAGES and self.preview is not None and not self.preview.owners:
            return self.PREVIEW  # no owner column: nothing to choose
        return super().nextId()

    @contextmanager
    def busy(self) -> Iterator[None]:
        """A wait cursor, and no buttons, while the files are read or the preview is computed."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # The preview keeps painting (processEvents): a second click on Next must not re-enter it.
        self.set_buttons_enabled(False)
        try:
            yield
        finally:
            self.set_buttons_enabled(True)
            QGuiApplication.restoreOverrideCursor()

    def set_loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.closed_history_only = None
        self.import_options = ImportOptions()
        self.recompute()

    def recompute(self) -> None:
        """Compute the preview again with the current choices (reads the plan, writes nothing)."""
        if self.loaded is None:
            return
        with self.busy():
            self.preview = build_preview(
                self.plan,
                self.loaded,
                self.import_options,
                today=self.today() if self.today is not None else None,
                progress=self._on_preview_progress,
            )

    def _on_preview_progress(self, _done: int, _total: int) -> None:
        QCoreApplication.processEvents()  # keep painting while a large file is matched

    def options_changed(self, **changes: Any) -> None:
        """Replace some choices and compute the preview again."""
        self.import_options = replace(self.import_options, **changes)
        self.recompute()

    def set_mapping(
        self,
        table: str,
        mapping: dict[str, Field | None],
        order: DateOrder | None,
        style: NumberStyle | None = None,
    ) -> None:
        """The seller's mapping (date order, number style) for one file; the preview follows on Next."""
        orders = {k: v for k, v in self.import_options.date_orders.items() if k != table}
        if order is not None:
            orders[table] = order
        styles = {k: v for k, v in self.import_options.number_styles.items() if k != table}
        if style is not None:
            styles[table] = style
        mappings = {**self.import_options.mappings, table: mapping}
        self.import_options = replace(
            self.import_options, mappings=mappings, date_orders=orders, number_styles=styles
        )

    def amount_reading(
        self, table_name: str, mapping: dict[str, Field | None], style: NumberStyle | None
    ) -> AmountReading | None:
        """How a deals file's amounts are read with this mapping (None for other files): cheap,
        so it follows every edit."""
        info = self.preview.table(table_name) if self.preview is not None else None
        source = (
            next((t.table for t in self.loaded.tables if t.table.name == table_name), None)
            if self.loaded
            else None
        )
        if info is None or source is None or info.kind is not FileKind.DEALS:
            return None
        columns = {f: source.headers.index(h) for h, f in mapping.items() if f is not None}
        return amount_reading(source, columns, style, remembered_style(self.plan, info.layout_key))

    def date_note(self, table_name: str, mapping: dict[str, Field | None], order: DateOrder | None) -> str:
        """How the file's dates are read with this mapping: cheap, so it follows every edit."""
        if order is not None:
            return translate("ImportWizard", "Dates are read as {order}.").format(order=order.label)
        source = (
            next((t.table for t in self.loaded.tables if t.table.name == table_name), None)
            if self.loaded
            else None
        )
        if source is None:
            return ""
        columns = [
            source.headers.index(h) for h, f in mapping.items() if f in (Field.CLOSE_DATE, Field.CREATED)
        ]
        reading = decide_date_order(row[i] for i in columns for row in source.rows)
        return reading.note(table_name) or ""

    def set_buttons_enabled(self, enabled: bool) -> None:
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.CancelButton,
        ):
            widget = self.button(button)
            if widget is not None:
                widget.setEnabled(enabled)

    def finished_import(self, result: ImportResult, delta: plan_delta.PlanDelta | None = None) -> None:
        self.import_result = result
        self.delta = delta
        # Stages too: an import may add pipelines and their stages.
        self.change = Change(opportunities=result.opportunities, accounts_changed=True, stages_changed=True)

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        # Asked once, before the preview: years-old close dates would fill the board with cards
        # nobody will work on.
        if (
            self.nextId() == self.PREVIEW
            and self.closed_history_only is None
            and self.preview is not None
            and is_old_history(self.preview, self.preview.today)
        ):
            self.closed_history_only = ask_closed_history_only(self)
        return True

    def history_only_skips(self) -> set[tuple[str, int]]:
        """The rows of open deals, when the seller chose to bring in closed history only."""
        if not self.closed_history_only or self.preview is None:
            return set()
        return open_rows(self.preview, {s.id for s in stage_repo.list_stages(self.plan) if s.is_closed})

    def reject(self) -> None:
        if self.preview_page.running:
            self.preview_page.request_cancel()  # closing mid-import stops it; the rollback follows
            return
        super().reject()


def run_import_wizard(parent: QWidget, plan: PlanDB) -> Change | None:
    """Run the import wizard on `plan`; the Change to apply to the views, or None when nothing was written."""
    wizard = ImportWizard(plan, parent)
    wizard.exec()
    change = wizard.change
    wizard.deleteLater()
    return change


def run_undoable_import(
    parent: QWidget, plan: PlanDB, today: Callable[[], dt.date] | None = None
) -> tuple[Change, plan_delta.PlanDelta] | None:
    """Run the import wizard; what it wrote (to show, and to undo), or None when nothing was written."""
    wizard = ImportWizard(plan, parent, today=today)
    wizard.exec()
    done = (wizard.change, wizard.delta) if wizard.change is not None and wizard.delta is not None else None
    wizard.deleteLater()
    return done
