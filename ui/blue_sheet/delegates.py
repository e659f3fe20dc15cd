"""Editors of the Blue Sheet tables (choices, ratings, dates, text) and a keyboard-first table view."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QListView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planner.model import MAX_RATING, MIN_RATING
from ui.blue_sheet import labels
from ui.blue_sheet.models import EDITOR_ROLE, RECORD_ID_ROLE, EditorSpec
from ui.date_field import DateField

Index = QModelIndex | QPersistentModelIndex
# The spin box's value for "Unknown": one below the scale, shown as the special value text.
UNKNOWN_RATING = MIN_RATING - 1

translate = QCoreApplication.translate


class RatingSpinBox(QSpinBox):
    """-5 .. +5 shown with signs, and Unknown below -5; anything off the scale cannot be typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(UNKNOWN_RATING, MAX_RATING)
        self.setSpecialValueText(labels.unknown())
        self.setAccessibleName(translate("RatingSpinBox", "Rating"))
        self.setToolTip(
            translate(
                "RatingSpinBox", "How well this base is covered, from {minus}5 to +5, or Unknown"
            ).format(minus=labels.MINUS)
        )

    def rating(self) -> int | None:
        return None if self.value() == UNKNOWN_RATING else self.value()

    def set_rating(self, value: int | None) -> None:
        on_scale = type(value) is int and MIN_RATING <= value <= MAX_RATING
        self.setValue(value if on_scale and value is not None else UNKNOWN_RATING)

    @staticmethod
    def _clean(text: str) -> str:
        return text.strip().replace(labels.MINUS, "-").replace("+", "")

    def textFromValue(self, value: int) -> str:
        return labels.unknown() if value == UNKNOWN_RATING else labels.rating(value)

    def valueFromText(self, text: str) -> int:
        try:
            return int(self._clean(text))
        except ValueError:
            return UNKNOWN_RATING

    @staticmethod
    def _unknown_words() -> tuple[str, ...]:
        # The word in the window's language, and English ("unknown" typed from habit).
        return tuple({labels.unknown().casefold(), "unknown"})

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        cleaned = self._clean(text)
        words = self._unknown_words()
        if cleaned.casefold() in words:
            return QValidator.State.Acceptable, text, pos
        if not cleaned or cleaned == "-" or any(w.startswith(cleaned.casefold()) for w in words):
            return QValidator.State.Intermediate, text, pos
        try:
            value = int(cleaned)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        state = QValidator.State.Acceptable if MIN_RATING <= value <= MAX_RATING else QValidator.State.Invalid
        return state, text, pos


class SheetDelegate(QStyledItemDelegate):
    """Builds the editor a cell's EditorSpec asks for; writes the typed value back through the model.

    A date cell's text is read when the editor closes: Enter or Tab on text that is not a date
    keep the editor open, marked, and `edit_refused` says why; leaving the cell any other way
    writes nothing and `edit_refused` says so (nothing typed is dropped without a word).
    """

    edit_refused = Signal(str)  # the sentence to show the seller

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spec = index.data(EDITOR_ROLE)
        if not isinstance(spec, EditorSpec):
            return super().createEditor(parent, option, index)
        name = str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        editor: QWidget
        if spec.kind == "choice":
            combo = QComboBox(parent)
            for label, value in spec.choices:
                combo.addItem(label, value)
            editor = combo
        elif spec.kind == "rating":
            editor = RatingSpinBox(parent)
        elif spec.kind == "date":
            field = DateField(parent)
            field.date_picked.connect(partial(self._on_field_date_picked, field))
            editor = field
        else:
            line = QLineEdit(parent)
            line.setMaxLength(spec.max_length)
            editor = line
        editor.setAccessibleName(name)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            row = editor.findData(value)
            editor.setCurrentIndex(max(row, 0))
        elif isinstance(editor, RatingSpinBox):
            editor.set_rating(value if type(value) is int else None)
        elif isinstance(editor, DateField):
            editor.set_value(value if isinstance(value, dt.date) else None)
        elif isinstance(editor, QLineEdit):
            editor.setText(value if isinstance(value, str) else "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, RatingSpinBox):
            editor.interpretText()
            value = editor.rating()
        elif isinstance(editor, DateField):
            try:
                value = editor.value()
            except ValueError as exc:
                column = str(model.headerData(index.column(), Qt.Orientation.Horizontal))
                self.edit_refused.emit(
                    translate("SheetDelegate", "{column} was not changed: {reason}").format(
                        column=column, reason=str(exc)
                    )
                )
                return
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            super().setModelData(editor, model, index)
            return
        if value == index.data(Qt.ItemDataRole.EditRole):
            return  # unchanged: no command on the undo stack for leaving a cell as it was
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, DateField):
            # The whole date beside its buttons: while open, the editor may cover the next cell.
            editor.resize(max(editor.width(), editor.fitting_width()), editor.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt would write and close on Enter or Tab whatever the text: a date it cannot read
        # keeps the editor open, marked, and the reason is said.
        if (
            isinstance(watched, DateField)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not watched.check()
        ):
            self.edit_refused.emit(
                translate("SheetDelegate", "{column}: {reason}").format(
                    column=watched.accessibleName(), reason=watched.error
                )
            )
            return True
        return super().eventFilter(watched, event)

    def _on_field_date_picked(self, field: DateField) -> None:
        # A day picked in the calendar is a finished edit: write it and close the editor.
        self.commitData.emit(field)
        self.closeEditor.emit(field, QAbstractItemDelegate.EndEditHint.NoHint)


class SheetTableView(QTableView):
    """A table driven from the keyboard: arrows and Tab move, F2 or Enter edits, Insert adds, Delete removes.

    The main window binds Delete and F2 to deleting and editing the selected deal; while this
    table has the focus those keys belong to it (it claims them in the ShortcutOverride event).
    """

    insert_requested = Signal()
    delete_requested = Signal()
    edit_refused = Signal(str)  # a typed value that was not written, and why

    _OWN_KEYS = frozenset(
        (Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        delegate = SheetDelegate(self)
        delegate.edit_refused.connect(self.edit_refused)
        self.setItemDelegate(delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)
        self.setAccessibleDescription(
            translate(
                "SheetTableView", "Arrow keys and Tab move; F2 or Enter edits; Insert adds; Delete removes."
            )
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self._OWN_KEYS
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        key = event.key()
        if not editing and key == Qt.Key.Key_Insert:
            self.insert_requested.emit()
            return
        if not editing and key == Qt.Key.Key_Delete:
            if self.currentIndex().isValid():
                self.delete_requested.emit()
            return
        if not editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                return
        super().keyPressEvent(event)

    def current_record(self) -> int:
        """The id of the current row's record (0: none)."""
        index = self.currentIndex()
        value = index.data(RECORD_ID_ROLE) if index.isValid() else None
        return int(value) if value else 0

    def select_record(self, record_id: int, column: int = -1) -> bool:
        """Make the record's row current (keeping the column unless one is given)."""
        model = self.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(RECORD_ID_ROLE) == record_id:
                current = self.currentIndex()
                col = column if column >= 0 else max(current.column(), 0)
                self.setCurrentIndex(model.index(row, col))
                return True
        return False


class SheetListView(QListView):
    """A list whose Delete key removes the selected item (the seller's own), not the selected deal."""

    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleDescription(
            translate("SheetListView", "Arrow keys move; Delete removes the selected entry if you wrote it.")
        )

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.currentIndex().isValid():
                self.delete_requested.emit()
            return
        super().keyPressEvent(event)
