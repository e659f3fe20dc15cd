"""The People tab: everyone in the plan, the deals they influence, editing and merging people."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import people
from planner.i18n import plural
from planner.limits import MAX_TITLE
from planner.model import Account, Person
from planner.operations import Change
from planner.storage import accounts as account_repo
from planner.storage.db import PlanDB
from planner.storage.snapshot import TableRows
from ui import format as fmt
from ui.commands import Apply, PersonEditCommand, SwapCommand
from ui.plain import keep_names_narrow
from ui.session import EditSession
from ui.session_view import SessionView

translate = QCoreApplication.translate

DEAL_ROLE = Qt.ItemDataRole.UserRole + 1  # a deal item's opportunity id

Index = QModelIndex | QPersistentModelIndex


def deal_words(deal: people.PersonDeal) -> str:
    """'Fleet rollout: Economic, Growth, +3' (what the deal's Blue Sheet says of the person)."""
    rating = "—" if deal.rating is None else f"{deal.rating:+d}"
    return translate("PeopleView", "{deal}: {role}, {mode}, {rating}").format(
        deal=deal.title, role=deal.role.label, mode=deal.mode.label, rating=rating
    )


class PeopleModel(QAbstractTableModel):
    """One row per person; the text is the seller's and shown as text (DisplayRole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[people.PersonRow] = []

    @staticmethod
    def headers() -> list[str]:
        return [
            translate("PeopleView", "Name"),
            translate("PeopleView", "Account"),
            translate("PeopleView", "Title"),
            translate("PeopleView", "Last contact"),
            translate("PeopleView", "Met by"),
            translate("PeopleView", "Deals (role, mode, rating)"),
            translate("PeopleView", "Email"),
            translate("PeopleView", "Phone"),
        ]

    def set_rows(self, rows: list[people.PersonRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 8
        ):
            return self.headers()[section]
        return None

    def text(self, row: int, column: int) -> str:
        """What a cell shows (tests and the walk compare it with the plan)."""
        r = self.rows[row]
        p = r.person
        if column == 0:
            return p.name
        if column == 1:
            return r.account
        if column == 2:
            return p.title
        if column == 3:
            return fmt.date(r.last_contact) if r.last_contact else "—"
        if column == 4:
            return ", ".join(r.met_by) or "—"
        if column == 5:
            return "; ".join(deal_words(d) for d in r.deals) or translate("PeopleView", "No deal")
        if column == 6:
            return p.email
        return p.phone

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(index.row(), index.column())
            # A 5,000-character cell would make every row as tall as a page: the editor has it all.
            return text if len(text) <= 300 else text[:300] + "…"
        return None


class PersonDialog(QDialog):
    """A person's name, account, title and contact details (new or edited)."""

    def __init__(self, person: Person, accounts: list[Account], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.setWindowTitle(
            translate("PersonDialog", "Edit person") if person.id else translate("PersonDialog", "Add person")
        )
        self.name = QLineEdit(person.name, self)
        self.title_field = QLineEdit(person.title, self)
        self.email = QLineEdit(person.email, self)
        self.phone = QLineEdit(person.phone, self)
        for field in (self.name, self.title_field, self.email, self.phone):
            field.setMaxLength(MAX_TITLE)
        self.account = QComboBox(self)
        keep_names_narrow(self.account)
        for account in accounts:
            self.account.addItem(account.name, account.id)
        self.account.setCurrentIndex(max(self.account.findData(person.account_id), 0))
        self.notes = QPlainTextEdit(self)
        self.notes.setPlainText(person.notes)
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(translate("PersonDialog", "&Name"), self.name)
        form.addRow(translate("PersonDialog", "&Account"), self.account)
        form.addRow(translate("PersonDialog", "&Job title"), self.title_field)
        form.addRow(translate("PersonDialog", "&Email"), self.email)
        form.addRow(translate("PersonDialog", "&Phone"), self.phone)
        form.addRow(translate("PersonDialog", "N&otes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._on_name_text_changed(self.name.text())

    @Slot(str)
    def _on_name_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()) and self.account.count() > 0)

    def value(self) -> Person:
        """The person as the dialog holds it now."""
        return Person(
            self.person.id,
            int(self.account.currentData()),
            self.name.text(),
            self.title_field.text(),
            self.email.text(),
            self.phone.text(),
            self.notes.toPlainText(),
        )


class MergeDialog(QDialog):
    """Which record of a duplicate to keep; the others are merged into it."""

    def __init__(self, group: tuple[people.PersonRow, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MergeDialog", "Merge duplicates"))
        self.group = group
        intro = QLabel(
            translate(
                "MergeDialog",
                "These look like the same person. Keep one: the others' deals move to it, and their"
                " empty details are filled in from the others.",
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.choices = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        for n, row in enumerate(group):
            # A radio button's text is always plain (QAbstractButton never reads markup).
            text = translate("MergeDialog", "{name}, {title} ({deals}; {email})").format(
                name=row.person.name,
                title=row.person.title or "—",
                deals=plural(
                    len(row.deals),
                    translate("MergeDialog", "{n} deal"),
                    translate("MergeDialog", "{n} deals"),
                ).format(n=len(row.deals)),
                email=row.person.email or "—",
            )
            radio = QRadioButton(text[:300], self)
            self.choices.addButton(radio, n)
            self.radios.append(radio)
            layout.addWidget(radio)
        # The record on the most deals is most likely the one the seller has worked on.
        best = max(range(len(group)), key=lambda n: (len(group[n].deals), -group[n].person.id))
        self.radios[best].setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("MergeDialog", "&Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def keep(self) -> people.PersonRow:
        """The record chosen to keep."""
        return self.group[max(self.choices.checkedId(), 0)]


class PeopleCommand(SwapCommand):
    """People merged or added: the rows of the merge's scope, written back exactly."""

    def __init__(
        self,
        text: str,
        plan: PlanDB,
        scope: people.MergeScope,
        before: people.MergeState,
        after: people.MergeState,
        apply: Apply,
    ) -> None:
        super().__init__(text, partial(people.revert_merge, plan, scope), before, after, apply)


class PeopleView(SessionView):
    """Everyone in the plan, with their deals; edit a person once for every deal, merge duplicates."""

    opportunity_opened = Signal(int)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.groups: list[tuple[people.PersonRow, ...]] = []
        self.setAccessibleName(translate("PeopleView", "People"))

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(translate("PeopleView", "&Add person…"), self)
        self.edit_button = QPushButton(translate("PeopleView", "&Edit person…"), self)
        self.merge_button = QPushButton(translate("PeopleView", "&Merge duplicates…"), self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for button in (self.add_button, self.edit_button, self.merge_button):
            bar.addWidget(button)

        self.model = PeopleModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("PeopleView", "People"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.deals_title = QLabel(translate("PeopleView", "Their deals (double-click to open)"), self)
        self.deals = QListWidget(self)
        self.deals.setAccessibleName(translate("PeopleView", "Their deals"))
        self.deals.itemActivated.connect(self._on_deals_item_activated)
        self.duplicates_title = QLabel(
            translate("PeopleView", "Likely duplicates (same account, same name)"), self
        )
        self.duplicates = QListWidget(self)
        self.duplicates.setAccessibleName(translate("PeopleView", "Likely duplicates"))
        self.duplicates.currentRowChanged.connect(self._on_duplicates_current_row_changed)
        self.duplicates.itemActivated.connect(self._on_duplicates_item_activated)
        for label in (self.deals_title, self.duplicates_title):
            label.setTextFormat(Qt.TextFormat.PlainText)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.deals_title, self.deals, self.duplicates_title, self.duplicates):
            side_layout.addWidget(widget)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._update_buttons()
        if session.read_only_reason is not None:
            self.set_read_only(session.read_only_reason)

    # Showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read everyone again (the selected person stays selected while they exist)."""
        self._dirty = False
        keep = self.selected_person_id()
        rows = people.directory(self.plan)
        self.model.set_rows(rows)
        self.groups = people.duplicates(rows)
        self.summary.setText(
            translate("PeopleView", "{people}, {duplicates}").format(
                people=plural(
                    len(rows), translate("PeopleView", "{n} person"), translate("PeopleView", "{n} people")
                ).format(n=len(rows)),
                duplicates=plural(
                    len(self.groups),
                    translate("PeopleView", "{n} likely duplicate"),
                    translate("PeopleView", "{n} likely duplicates"),
                ).format(n=len(self.groups)),
            )
        )
        self.duplicates.clear()
        for group in self.groups:
            # Named as the record on the most deals is (the one the seller has worked with).
            first = max(group, key=lambda r: (len(r.deals), -r.person.id))
            self.duplicates.addItem(
                translate("PeopleView", "{name} at {account} ({count} records)").format(
                    name=first.person.name[:200], account=first.account[:200], count=len(group)
                )
            )
        if self.groups:
            self.duplicates.setCurrentRow(0)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        if keep:
            self.select_person(keep)
        self._show_deals()
        self._update_buttons()

    def select_person(self, person_id: int) -> bool:
        """Select a person's row; False when they are not listed."""
        for n, row in enumerate(self.model.rows):
            if row.person.id == person_id:
                self.table.selectRow(n)
                self.table.scrollTo(self.model.index(n, 0))
                return True
        return False

    def selected_person_id(self) -> int:
        """The selected person's id, or 0."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return 0
        return self.model.rows[rows[0].row()].person.id

    def _selected_row(self) -> people.PersonRow | None:
        person_id = self.selected_person_id()
        return next((r for r in self.model.rows if r.person.id == person_id), None)

    def _show_deals(self) -> None:
        self.deals.clear()
        row = self._selected_row()
        for deal in row.deals if row else ():
            item = QListWidgetItem(deal_words(deal)[:300])
            item.setData(DEAL_ROLE, deal.opportunity_id)
            self.deals.addItem(item)

    def set_read_only(self, reason: str | None) -> None:
        """Stop offering edits (None offers them again)."""
        self.read_only_reason = reason
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = self.read_only_reason is None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and bool(self.selected_person_id()))
        self.merge_button.setEnabled(writable and 0 <= self.duplicates.currentRow() < len(self.groups))

    @Slot()
    def _on_selection_changed(self) -> None:
        self._show_deals()
        self._update_buttons()

    @Slot(int)
    def _on_duplicates_current_row_changed(self, _row: int) -> None:
        self._update_buttons()

    @Slot(QListWidgetItem)
    def _on_deals_item_activated(self, item: QListWidgetItem) -> None:
        self.opportunity_opened.emit(int(item.data(DEAL_ROLE)))

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit_button_clicked()

    @Slot(QListWidgetItem)
    def _on_duplicates_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_merge_button_clicked()

    # Edits (each one transaction, one undo entry) -----------------------------------------
    def _apply(self, change: Change) -> None:
        # Undo and redo from the window's Edit menu come through here too; this view refreshes
        # once, from the session's `changed` (_on_session_changed), as for any other edit.
        self.session.apply_change(change, self)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        if self.read_only_reason is not None:
            return
        accounts = account_repo.list_accounts(self.plan)
        row = self._selected_row()
        account_id = row.person.account_id if row else (accounts[0].id if accounts else 0)
        dialog = PersonDialog(Person(0, account_id, ""), accounts, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_person(dialog.value())

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        row = self._selected_row()
        if row is None or self.read_only_reason is not None:
            return
        dialog = PersonDialog(row.person, account_repo.list_accounts(self.plan), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.value() != row.person:
            self.edit_person(dialog.value())

    @Slot()
    def _on_merge_button_clicked(self) -> None:
        n = self.duplicates.currentRow()
        if not 0 <= n < len(self.groups) or self.read_only_reason is not None:
            return
        group = self.groups[n]
        dialog = MergeDialog(group, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            keep = dialog.keep().person.id
            self.merge(keep, [r.person.id for r in group if r.person.id != keep])

    def add_person(self, person: Person) -> bool:
        """Add someone at an account (undoable)."""
        created: list[int] = []

        def make() -> PeopleCommand:
            change, new_id = people.add_person(self.plan, person)
            created.append(new_id)
            scope = people.people_scope((new_id,))
            after = people.capture_merge(self.plan, scope)
            before = tuple(TableRows(rows.table, rows.columns, ()) for rows in after)
            self._apply(change)
            text = translate("PeopleView", "Add {name}").format(name=person.name.strip())
            return PeopleCommand(text, self.plan, scope, before, after, self._apply)

        done = self.push(make, translate("PeopleView", "The person was not added"))
        if done:
            self.select_person(created[0])
        return done

    def edit_person(self, person: Person) -> bool:
        """Change a person once for every deal they are on (undoable)."""

        def make() -> PersonEditCommand:
            before = people.snapshot_person(self.plan, person.id)
            change = people.edit_person(self.plan, person)
            after = people.snapshot_person(self.plan, person.id)
            self._apply(change)
            text = translate("PeopleView", "Edit {name}").format(name=person.name.strip())
            return PersonEditCommand(text, self.plan, before, after, self._apply)

        return self.push(make, translate("PeopleView", "The person was not saved"))

    def merge(self, keep_id: int, drop_ids: list[int]) -> bool:
        """Merge the records `drop_ids` into `keep_id`, as one undoable step."""

        def make() -> PeopleCommand:
            scope = people.merge_scope(self.plan, keep_id, *drop_ids)
            before = people.capture_merge(self.plan, scope)
            with self.plan.atomic():
                for drop_id in drop_ids:
                    people.merge_people(self.plan, keep_id, drop_id)
            after = people.capture_merge(self.plan, scope)
            change = Change(opportunities=frozenset(scope.deals))
            self._apply(change)
            kept = next((r.person.name for r in self.model.rows if r.person.id == keep_id), "")
            text = translate("PeopleView", "Merge duplicates of {name}").format(name=kept)
            return PeopleCommand(text, self.plan, scope, before, after, self._apply)

        done = self.push(make, translate("PeopleView", "The people were not merged"))
        if done:
            self.select_person(keep_id)
        return done
