"""Item models of the Blue Sheet panel: influences, competition, actions, flags and notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from planner.i18n import QT_TRANSLATE_NOOP
from planner.model import (
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Competitor,
    ConceptKind,
    Degree,
    Mode,
    Note,
    Person,
    Role,
)
from planner.next_step import is_overdue, next_action
from planner.red_flags import HOSTILE_AT_MOST, MANUAL, Flag
from planner.sheet_operations import find_flag, flag_ref, parse_flag_ref
from ui import format as fmt
from ui.blue_sheet import colours, labels
from ui.blue_sheet.colours import HOSTILE_TEXT, MUTED_TEXT, OVERDUE_BACKGROUND, UNKNOWN_BACKGROUND
from ui.plain import plain_tooltip

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
# How the delegate edits a cell (an EditorSpec); the id of the row's record.
EDITOR_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
FLAG_ROLE = Qt.ItemDataRole.UserRole + 3
NOTE_ROLE = Qt.ItemDataRole.UserRole + 4

# Cell colours follow the palette (ui.blue_sheet.colours): the light theme's UNKNOWN_BACKGROUND,
# OVERDUE_BACKGROUND, HOSTILE_TEXT and MUTED_TEXT, or AA-readable ones derived from a dark palette.
__all__ = ["HOSTILE_TEXT", "MUTED_TEXT", "OVERDUE_BACKGROUND", "UNKNOWN_BACKGROUND"]
# The badges are drawn with their own white marks (contrast above 4.5:1 on both), in any theme.
RED_FLAG = QColor("#c0392b")
STRENGTH = QColor("#1e8449")

# The delegate stores "no value" as 0 (reports-to nobody) or "" (concept kind unknown, no link):
# an empty QVariant cannot be told apart from "no data" in a combo box.
NOBODY = 0


@dataclass(frozen=True, slots=True)
class EditorSpec:
    """The editor a cell needs: free text, a choice of (label, value), a rating or a date."""

    kind: str  # "text", "choice", "rating", "date"
    choices: tuple[tuple[str, object], ...] = ()
    max_length: int = 10_000


TEXT = EditorSpec("text")
SHORT_TEXT = EditorSpec("text", max_length=300)
RATING = EditorSpec("rating")
DATE = EditorSpec("date")


# The choices are built when an editor opens: their labels are in the window's language.
def role_choices() -> EditorSpec:
    return EditorSpec("choice", tuple((labels.role(role), role.value) for role in labels.ROLE))


def degree_choices() -> EditorSpec:
    return EditorSpec("choice", tuple((labels.degree(d), d.value) for d in labels.DEGREE))


def mode_choices() -> EditorSpec:
    return EditorSpec("choice", tuple((labels.mode(m), m.value) for m in labels.MODE))


def concept_choices() -> EditorSpec:
    return EditorSpec(
        "choice", tuple((labels.concept_kind(k), k.value if k else "") for k in labels.CONCEPT_KIND)
    )


def competition_choices() -> EditorSpec:
    return EditorSpec("choice", tuple((labels.competition(k), k.value) for k in labels.COMPETITION))


def status_choices() -> EditorSpec:
    return EditorSpec("choice", tuple((labels.status(s), s.value) for s in labels.STATUS))


def not_linked() -> str:
    """An action that removes no red flag and uses no strength."""
    return translate("BlueSheetTable", "Not linked")


# Asked to write an edit: (record id, column, typed value) -> True when it was written.
EditHandler = Callable[[int, int, object], bool]


class RecordTableModel(QAbstractTableModel):
    """Rows of records with an `id`; edits go to `edit_handler`, never into the rows.

    The rows change only when the panel reloads them after the edit was written (and after
    undo or redo). Same ids in the same order: the cells change in place (an editor moving
    on with Tab keeps its place); otherwise the model resets.
    """

    # English sources, marked for the catalogue (context "BlueSheetTable"): `column_title` translates.
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []
        self.edit_handler: EditHandler | None = None
        self.editable = True

    # Loading -----------------------------------------------------------------------------
    def _set_records(self, records: Sequence[Any]) -> None:
        new = list(records)
        old_ids = [r.id for r in self._records]
        new_ids = [r.id for r in new]
        if new_ids == old_ids:
            self._records = new
        elif sorted(new_ids) == sorted(old_ids):
            # Reordered (an action's new due date): a layout change keeps the current cell and
            # any open editor on their record, where a reset would close the editor mid-commit.
            self.layoutAboutToBeChanged.emit()
            row_of = {record_id: row for row, record_id in enumerate(new_ids)}
            self._records = new
            for index in self.persistentIndexList():
                row = row_of[old_ids[index.row()]]
                self.changePersistentIndex(index, self.index(row, index.column()))
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._records = new
            self.endResetModel()
            return
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(self.COLUMNS) - 1))

    def record_id(self, row: int) -> int:
        return int(self._records[row].id) if 0 <= row < len(self._records) else 0

    def row_of(self, record_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == record_id:
                return row
        return -1

    # Qt interface ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.column_title(section)
        return None

    def column_title(self, column: int) -> str:
        """A column's heading in the window's language."""
        return translate("BlueSheetTable", self.COLUMNS[column]) if 0 <= column < len(self.COLUMNS) else ""

    # The columns as words inside a sentence ("Set role of Anna"), context "BlueSheetFields".
    FIELD_WORDS: tuple[str, ...] = ()

    def field_word(self, column: int) -> str:
        """A column's name inside a sentence, in the window's language ('role' in English)."""
        if 0 <= column < len(self.FIELD_WORDS):
            return translate("BlueSheetFields", self.FIELD_WORDS[column])
        return self.column_title(column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        record = self._records[index.row()]
        if role == RECORD_ID_ROLE:
            return record.id
        return self.cell(record, index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.editable and self.can_edit(self._records[index.row()], index.column()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.edit_handler is None or not self.editable:
            return False
        if role not in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.CheckStateRole):
            return False
        record = self._records[index.row()]
        typed = self.convert(record, index.column(), value, role)
        if typed is _REFUSED:
            return False
        return self.edit_handler(record.id, index.column(), typed)

    # For subclasses ----------------------------------------------------------------------
    def cell(self, record: Any, column: int, role: int) -> Any:
        return None

    def can_edit(self, record: Any, column: int) -> bool:
        return False

    def convert(self, record: Any, column: int, value: Any, role: int) -> object:
        """The value an editor gave, as the planner's type; _REFUSED when it cannot be one."""
        return value


class _Refused:
    """The marker of an editor value that cannot be converted (nothing is written)."""


_REFUSED = _Refused()


_E = TypeVar("_E", Role, Degree, Mode, ConceptKind, CompetitionKind, ActionStatus)


def _enum_value(kind: type[_E], value: object, default: _E | None = None) -> _E | _Refused | None:
    # Qt hands enum item data back as plain str: convert with the enum's own constructor.
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        return _REFUSED
    try:
        return kind(value)
    except ValueError:
        return _REFUSED


def _as_date(value: object) -> dt.date | _Refused | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    to_python = getattr(value, "toPython", None)  # a QDate
    if callable(to_python):
        result = to_python()
        return result if isinstance(result, dt.date) else None
    return _REFUSED


def _checked(value: object) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value in (2, True) or value == Qt.CheckState.Checked.value


# ----------------------------------------------------------------------------------------------
# Buying influences


class InfluenceTableModel(RecordTableModel):
    """The Blue Sheet's buying-influences table, one row per person on this deal."""

    (
        PERSON,
        TITLE,
        ROLE,
        DEGREE,
        MODE,
        RATING,
        WIN,
        RESULT,
        CONCEPT_KIND,
        CONCEPT,
        COVERED_BY,
        LAST_CONTACT,
        NEW_IN_JOB,
        REPORTS_TO,
        EVIDENCE,
    ) = range(15)
    COLUMNS = (
        QT_TRANSLATE_NOOP("BlueSheetTable", "Person"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Title"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Role"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Degree"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Mode"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Rating"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Win"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Result"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Concept kind"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Concept"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Covered by"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Last contact"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "New in job"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Reports to"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Evidence"),
    )
    FIELD_WORDS = (
        QT_TRANSLATE_NOOP("BlueSheetFields", "person"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "title"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "role"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "degree"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "mode"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "rating"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "win"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "result"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "concept kind"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "concept"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "covered by"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "last contact"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "new in job"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "reports to"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "evidence"),
    )
    # Columns that belong to the person (shared by every deal of the account), not the influence.
    PERSON_COLUMNS = frozenset((PERSON, TITLE))
    _FIELDS: ClassVar[dict[int, str]] = {
        ROLE: "role",
        DEGREE: "degree",
        MODE: "mode",
        RATING: "rating",
        WIN: "win",
        RESULT: "result",
        CONCEPT_KIND: "concept_kind",
        CONCEPT: "concept",
        COVERED_BY: "covered_by",
        LAST_CONTACT: "last_contact",
        NEW_IN_JOB: "new_in_job",
        REPORTS_TO: "reports_to_id",
        EVIDENCE: "evidence",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._people: Mapping[int, Person] = {}

    def set_influences(self, influences: Sequence[BuyingInfluence], people: Mapping[int, Person]) -> None:
        """The deal's influences, and the people they and their reports-to name."""
        self._people = people
        self._set_records(influences)

    def influence(self, row: int) -> BuyingInfluence | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    @property
    def influences(self) -> list[BuyingInfluence]:
        return list(self._records)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Each row is headed by its person: the table shows these headings while the Person
        # column is scrolled out of view, so the name stays beside the cell being edited.
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and (bi := self.influence(section)) is not None
        ):
            return self.person_name(bi.person_id)
        return super().headerData(section, orientation, role)

    def field_name(self, column: int) -> str:
        """The BuyingInfluence field a column edits ('' for the person's own columns)."""
        return self._FIELDS.get(column, "")

    def person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        person = self._people.get(person_id)
        if person is not None:
            return person.name
        return translate("BlueSheetTable", "Person #{id}").format(id=person_id)

    def cell(self, record: Any, column: int, role: int) -> Any:
        bi: BuyingInfluence = record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(bi, column, role)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(bi, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.NEW_IN_JOB:
            return Qt.CheckState.Checked if bi.new_in_job else Qt.CheckState.Unchecked
        if role == EDITOR_ROLE:
            return self._editor(bi, column)
        if role == Qt.ItemDataRole.BackgroundRole and self._unknown(bi, column):
            return QBrush(colours.unknown_background(colours.app_palette()))
        hostile = column == self.RATING and bi.rating is not None and bi.rating <= HOSTILE_AT_MOST
        if role == Qt.ItemDataRole.ForegroundRole and hostile:
            return QBrush(colours.hostile_text(colours.app_palette()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(bi, column)
        return None

    def _unknown(self, bi: BuyingInfluence, column: int) -> bool:
        if column == self.ROLE:
            return bi.role is Role.UNKNOWN
        if column == self.DEGREE:
            return bi.degree is Degree.UNKNOWN
        if column == self.MODE:
            return bi.mode is Mode.UNKNOWN
        if column == self.RATING:
            return not labels.on_scale(bi.rating)
        return False

    def _display(self, bi: BuyingInfluence, column: int, role: int) -> Any:
        person = self._people.get(bi.person_id)
        values: dict[int, str] = {
            self.PERSON: self.person_name(bi.person_id),
            self.TITLE: person.title if person else "",
            self.ROLE: labels.role(bi.role),
            self.DEGREE: labels.degree(bi.degree),
            self.MODE: labels.mode(bi.mode),
            self.RATING: labels.rating(bi.rating),
            self.WIN: bi.win,
            self.RESULT: bi.result,
            self.CONCEPT_KIND: labels.concept_kind(bi.concept_kind),
            self.CONCEPT: bi.concept,
            self.COVERED_BY: bi.covered_by,
            self.LAST_CONTACT: fmt.date(bi.last_contact) if bi.last_contact else "",
            self.REPORTS_TO: self.person_name(bi.reports_to_id),
            self.EVIDENCE: bi.evidence,
        }
        if column == self.NEW_IN_JOB:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                if bi.new_in_job:
                    return translate("BlueSheetTable", "New in the job")
                return translate("BlueSheetTable", "Not new in the job")
            return None
        text = values.get(column, "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return translate("BlueSheetTable", "{column}: {value}").format(
                column=self.column_title(column), value=text or translate("BlueSheetTable", "empty")
            )
        # One line per cell: a pasted paragraph shows whole in the editor and the tooltip.
        return text.replace("\n", " ")

    def _edit_value(self, bi: BuyingInfluence, column: int) -> Any:
        person = self._people.get(bi.person_id)
        if column == self.PERSON:
            return person.name if person else ""
        if column == self.TITLE:
            return person.title if person else ""
        if column == self.ROLE:
            return bi.role.value
        if column == self.DEGREE:
            return bi.degree.value
        if column == self.MODE:
            return bi.mode.value
        if column == self.CONCEPT_KIND:
            return bi.concept_kind.value if bi.concept_kind else ""
        if column == self.REPORTS_TO:
            return bi.reports_to_id or NOBODY
        if column == self.NEW_IN_JOB:
            return bi.new_in_job
        return getattr(bi, self._FIELDS[column])

    def _editor(self, bi: BuyingInfluence, column: int) -> EditorSpec | None:
        if column in (self.PERSON, self.TITLE, self.COVERED_BY):
            return SHORT_TEXT
        specs = {
            self.ROLE: role_choices(),
            self.DEGREE: degree_choices(),
            self.MODE: mode_choices(),
            self.CONCEPT_KIND: concept_choices(),
            self.RATING: RATING,
            self.LAST_CONTACT: DATE,
        }
        if column in specs:
            return specs[column]
        if column == self.REPORTS_TO:
            others = sorted(
                (p for p in self._people.values() if p.id != bi.person_id), key=lambda p: p.name.casefold()
            )
            nobody = translate("BlueSheetTable", "Nobody")
            return EditorSpec("choice", ((nobody, NOBODY), *((p.name, p.id) for p in others)))
        if column == self.NEW_IN_JOB:
            return None
        return TEXT

    def _tooltip(self, bi: BuyingInfluence, column: int) -> str | None:
        if self._unknown(bi, column):
            return translate("BlueSheetTable", "Unknown: missing information is a red flag.")
        if column in self.PERSON_COLUMNS:
            person = self._people.get(bi.person_id)
            text = f"{person.name}\n{person.title}".strip() if person else ""
            shared = translate(
                "BlueSheetTable", "(Changing the person changes them on every deal of the account.)"
            )
            return plain_tooltip(f"{text}\n{shared}")
        if column == self.NEW_IN_JOB:
            return translate("BlueSheetTable", "New in the job or reorganised: check their role again.")
        text = self._display(bi, column, Qt.ItemDataRole.DisplayRole)
        full = getattr(bi, self._FIELDS.get(column, ""), text) if column in self._FIELDS else text
        return plain_tooltip(full if isinstance(full, str) else text) or None

    def can_edit(self, record: Any, column: int) -> bool:
        return column != self.NEW_IN_JOB  # a check box: toggled, not edited

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.NEW_IN_JOB and self.editable:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def convert(self, record: Any, column: int, value: Any, role: int) -> object:
        if column == self.NEW_IN_JOB:
            return _checked(value) if role == Qt.ItemDataRole.CheckStateRole else _REFUSED
        if role != Qt.ItemDataRole.EditRole:
            return _REFUSED
        if column == self.ROLE:
            return _enum_value(Role, value, Role.UNKNOWN)
        if column == self.DEGREE:
            return _enum_value(Degree, value, Degree.UNKNOWN)
        if column == self.MODE:
            return _enum_value(Mode, value, Mode.UNKNOWN)
        if column == self.CONCEPT_KIND:
            return _enum_value(ConceptKind, value)
        if column == self.RATING:
            return value if value is None or type(value) is int else _REFUSED
        if column == self.LAST_CONTACT:
            return _as_date(value)
        if column == self.REPORTS_TO:
            if type(value) is not int:
                return _REFUSED
            return value or None
        return value if isinstance(value, str) else _REFUSED


# ----------------------------------------------------------------------------------------------
# Competition


class CompetitorTableModel(RecordTableModel):
    """Competitors and alternatives: other vendors, internal resources, budget elsewhere, doing nothing."""

    NAME, KIND, NOTES = range(3)
    COLUMNS = (
        QT_TRANSLATE_NOOP("BlueSheetTable", "Name"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Type"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Notes"),
    )

    def set_competitors(self, competitors: Sequence[Competitor]) -> None:
        self._set_records(competitors)

    def competitor(self, row: int) -> Competitor | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def cell(self, record: Any, column: int, role: int) -> Any:
        c: Competitor = record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (c.name, labels.competition(c.kind), c.notes)[column]
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(text) or None
            return text.replace("\n", " ")
        if role == Qt.ItemDataRole.EditRole:
            return (c.name, c.kind.value, c.notes)[column]
        if role == EDITOR_ROLE:
            return (SHORT_TEXT, competition_choices(), TEXT)[column]
        return None

    def can_edit(self, record: Any, column: int) -> bool:
        return True

    def convert(self, record: Any, column: int, value: Any, role: int) -> object:
        if column == self.KIND:
            return _enum_value(CompetitionKind, value, CompetitionKind.VENDOR)
        return value if isinstance(value, str) else _REFUSED


# ----------------------------------------------------------------------------------------------
# Actions


class ActionTableModel(RecordTableModel):
    """Possible actions and the best action plan; overdue ones highlighted, the next step in bold."""

    # The link comes before who and when it was done: in a narrow dock it is what a seller reads.
    WHAT, DUE, STATUS, LINK, WHO, DONE_ON = range(6)
    COLUMNS = (
        QT_TRANSLATE_NOOP("BlueSheetTable", "What"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Due"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Status"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Removes / uses"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Who"),
        QT_TRANSLATE_NOOP("BlueSheetTable", "Done on"),
    )
    FIELD_WORDS = (
        QT_TRANSLATE_NOOP("BlueSheetFields", "what"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "due"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "status"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "removes / uses"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "who"),
        QT_TRANSLATE_NOOP("BlueSheetFields", "done on"),
    )
    FIELDS: ClassVar[dict[int, str]] = {
        WHAT: "what",
        DUE: "due",
        STATUS: "status",
        LINK: "flag_ref",
        WHO: "who",
        DONE_ON: "done_on",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._flags: list[Flag] = []
        self.today = dt.date.today()
        self._next_id = 0

    def set_actions(self, actions: Sequence[Action], flags: Sequence[Flag], today: dt.date) -> None:
        self._flags = list(flags)
        self.today = today
        step = next_action(actions)
        self._next_id = step.id if step else 0
        self._set_records(actions)

    def action(self, row: int) -> Action | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def is_overdue(self, a: Action) -> bool:
        return a.status is not ActionStatus.DONE and is_overdue(a.due, self.today)

    def link_text(self, ref: str) -> str:
        """'Removes: No Coach on this deal', 'Uses: …', or the rule's name once no longer raised."""
        if not ref:
            return not_linked()
        flag = find_flag(self._flags, ref)
        if flag is not None:
            if flag.is_strength:
                return translate("BlueSheetTable", "Uses: {reason}").format(reason=flag.reason)
            return translate("BlueSheetTable", "Removes: {reason}").format(reason=flag.reason)
        parsed = parse_flag_ref(ref)
        name = labels.rule(parsed[0]) if parsed else ref
        return translate("BlueSheetTable", "{rule} (no longer raised)").format(rule=name)

    def link_choices(self, current: str) -> EditorSpec:
        choices: list[tuple[str, object]] = [(not_linked(), "")]
        choices += [(self.link_text(flag_ref(f)), flag_ref(f)) for f in self._flags]
        if current and all(value != current for _label, value in choices):
            choices.append((self.link_text(current), current))
        return EditorSpec("choice", tuple(choices))

    def cell(self, record: Any, column: int, role: int) -> Any:
        a: Action = record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = {
                self.WHAT: a.what,
                self.WHO: a.who,
                self.DUE: fmt.date(a.due) if a.due else "",
                self.STATUS: labels.status(a.status),
                self.DONE_ON: fmt.date(a.done_on) if a.done_on else "",
                self.LINK: self.link_text(a.flag_ref),
            }
            return values[column].replace("\n", " ")
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(a, self.FIELDS[column])
            return value.value if isinstance(value, ActionStatus) else value
        if role == EDITOR_ROLE:
            if column == self.LINK:
                return self.link_choices(a.flag_ref)
            editors = {self.WHAT: TEXT, self.WHO: SHORT_TEXT, self.DUE: DATE, self.DONE_ON: DATE}
            return editors.get(column) or status_choices()
        if role == Qt.ItemDataRole.BackgroundRole and self.is_overdue(a):
            return QBrush(colours.overdue_background(colours.app_palette()))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.LINK and not a.flag_ref:
                return QBrush(colours.muted_text(colours.app_palette()))
            if self.is_overdue(a) and column == self.DUE:
                return QBrush(colours.hostile_text(colours.app_palette()))
        if role == Qt.ItemDataRole.FontRole and a.id == self._next_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(a, column)
        return None

    def _tooltip(self, a: Action, column: int) -> str | None:
        notes = []
        if a.id == self._next_id:
            notes.append(
                translate("BlueSheetTable", "The next step: the earliest open action (shown on the card).")
            )
        if self.is_overdue(a) and a.due is not None:
            days = (self.today - a.due).days
            notes.append(
                translate("BlueSheetTable", "Overdue: it was due {days} ago.").format(days=fmt.days(days))
            )
        if column == self.LINK and not a.flag_ref:
            notes.append(
                translate("BlueSheetTable", "Link it to the red flag it removes or the strength it uses.")
            )
        if column == self.WHAT:
            notes.insert(0, a.what)
        return plain_tooltip("\n".join(notes)) or None

    def can_edit(self, record: Any, column: int) -> bool:
        if column == self.DONE_ON:
            return bool(record.status is ActionStatus.DONE)
        return True

    def convert(self, record: Any, column: int, value: Any, role: int) -> object:
        if column in (self.DUE, self.DONE_ON):
            return _as_date(value)
        if column == self.STATUS:
            return _enum_value(ActionStatus, value, ActionStatus.POSSIBLE)
        return value if isinstance(value, str) else _REFUSED


# ----------------------------------------------------------------------------------------------
# Red flags and strengths; notes


_BADGES: dict[bool, QIcon] = {}


def _badge(is_strength: bool) -> QIcon:
    """A small round badge: white "!" on red for a red flag, white tick on green for a strength."""
    icon = _BADGES.get(is_strength)
    if icon is None:
        size = 32  # drawn large, shown at the view's icon size: sharp on high-DPI screens too
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STRENGTH if is_strength else RED_FLAG)
        painter.drawEllipse(2, 2, size - 4, size - 4)
        pen = QPen(QColor("#ffffff"), 4.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        if is_strength:
            painter.drawPolyline([QPointF(9, 17), QPointF(14, 22), QPointF(23, 11)])
        else:
            painter.drawLine(QPointF(16, 8), QPointF(16, 18))
            painter.drawPoint(QPointF(16, 24))
        painter.end()
        icon = _BADGES[is_strength] = QIcon(pixmap)
    return icon


class FlagListModel(QAbstractListModel):
    """The rule engine's results for the deal, red flags first, each with the reason a seller reads."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._flags: list[Flag] = []

    def set_flags(self, flags: Sequence[Flag]) -> None:
        new = list(flags)
        if new == self._flags:
            return
        if len(new) == len(self._flags) and new:
            self._flags = new
            self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, 0))
            return
        self.beginResetModel()
        self._flags = new
        self.endResetModel()

    @property
    def flags_shown(self) -> list[Flag]:
        return list(self._flags)

    def flag(self, row: int) -> Flag | None:
        return self._flags[row] if 0 <= row < len(self._flags) else None

    def row_of(self, flag: Flag) -> int:
        try:
            return self._flags.index(flag)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._flags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._flags):
            return None
        flag = self._flags[index.row()]
        if flag.is_strength:
            kind = translate("FlagListModel", "Strength")
        else:
            kind = translate("FlagListModel", "Red flag")
        if role == Qt.ItemDataRole.DisplayRole:
            return flag.reason.replace("\n", " ")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return translate("FlagListModel", "{kind}: {reason}").format(kind=kind, reason=flag.reason)
        if role == Qt.ItemDataRole.DecorationRole:
            return _badge(flag.is_strength)
        if role == Qt.ItemDataRole.ToolTipRole:
            if flag.rule == MANUAL:
                heading = translate("FlagListModel", "{kind} (your own)").format(kind=kind)
            else:
                heading = translate("FlagListModel", "{kind} ({rule})").format(
                    kind=kind, rule=labels.rule(flag.rule)
                )
            return plain_tooltip(f"{heading}\n{flag.reason}")
        if role == FLAG_ROLE:
            return flag
        return None


class NoteListModel(QAbstractListModel):
    """A deal's notes, oldest first: the seller's (private or shareable) and the manager's coaching."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []

    def set_notes(self, notes: Sequence[Note]) -> None:
        new = list(notes)
        if [n.id for n in new] == [n.id for n in self._notes]:
            self._notes = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, 0))
            return
        self.beginResetModel()
        self._notes = new
        self.endResetModel()

    def note(self, row: int) -> Note | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def row_of(self, note_id: int) -> int:
        return next((row for row, n in enumerate(self._notes) if n.id == note_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._notes)

    @staticmethod
    def heading(note: Note) -> str:
        if note.author == "manager":
            kind = translate("NoteListModel", "Manager's coaching note (read-only)")
        elif note.private:
            kind = translate("NoteListModel", "Private note")
        else:
            kind = translate("NoteListModel", "Shareable note")
        try:
            written = fmt.date(dt.date.fromisoformat(note.created[:10]))
        except ValueError:
            written = note.created[:10]
        return f"{kind} · {written}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            body = note.body if len(note.body) <= 400 else note.body[:400] + "…"
            return f"{self.heading(note)}\n{body}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(note.body)
        if role == Qt.ItemDataRole.ForegroundRole and note.author == "manager":
            return QBrush(colours.coaching_text(colours.app_palette()))
        if role == NOTE_ROLE:
            return note
        return None
