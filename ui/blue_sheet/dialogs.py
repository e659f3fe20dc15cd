"""Small dialogs of the Blue Sheet: add a buying influence (someone at the account or new), edit a person."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import plural
from planner.model import Person, Role
from planner.sheet_operations import NewPerson
from ui.blue_sheet import labels
from ui.plain import keep_names_narrow

NEW_PERSON = 0  # item data of the "New person…" entry

translate = QCoreApplication.translate


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AddInfluenceDialog(QDialog):
    """Pick one of the account's people (not yet on the deal) or name a new one, and their role."""

    def __init__(self, candidates: Sequence[Person], account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AddInfluenceDialog", "Add a buying influence"))
        self.person = QComboBox(self)
        keep_names_narrow(self.person)
        self.person.setAccessibleName(translate("AddInfluenceDialog", "Person"))
        for p in candidates:
            self.person.addItem(f"{p.name} — {p.title}" if p.title else p.name, p.id)
        self.person.addItem(translate("AddInfluenceDialog", "New person…"), NEW_PERSON)
        self.name = QLineEdit(self)
        self.name.setMaxLength(300)
        self.name.setPlaceholderText(translate("AddInfluenceDialog", "Full name"))
        self.title = QLineEdit(self)
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(translate("AddInfluenceDialog", "Job title, e.g. Head of Operations"))
        self.role = QComboBox(self)
        for role in labels.ROLE:
            self.role.addItem(labels.role(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.UNKNOWN.value))
        form = QFormLayout()
        form.addRow(translate("AddInfluenceDialog", "&Person"), self.person)
        form.addRow(translate("AddInfluenceDialog", "&Name"), self.name)
        form.addRow(translate("AddInfluenceDialog", "&Title"), self.title)
        form.addRow(translate("AddInfluenceDialog", "&Role"), self.role)
        self.name.setAccessibleName(translate("AddInfluenceDialog", "Name"))
        self.title.setAccessibleName(translate("AddInfluenceDialog", "Title"))
        self.role.setAccessibleName(translate("AddInfluenceDialog", "Role"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if account:
            text = translate(
                "AddInfluenceDialog",
                "People at {account} can be buying influences on several of its deals;"
                " a new person joins the account.",
            ).format(account=account)
        else:
            text = translate(
                "AddInfluenceDialog",
                "People at the account can be buying influences on several of its deals;"
                " a new person joins the account.",
            )
        layout.addWidget(_note(text, self))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.person.currentIndexChanged.connect(self._on_person_current_index_changed)
        self.name.textChanged.connect(self._on_name_text_changed)
        self._on_person_current_index_changed(self.person.currentIndex())

    def _is_new(self) -> bool:
        return bool(self.person.currentData() == NEW_PERSON)

    @Slot(int)
    def _on_person_current_index_changed(self, _index: int) -> None:
        new = self._is_new()
        self.name.setEnabled(new)
        self.title.setEnabled(new)
        self._update_ok()

    @Slot(str)
    def _on_name_text_changed(self, _text: str) -> None:
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self._is_new() or bool(self.name.text().strip()))

    def choice(self) -> tuple[int | NewPerson, Role]:
        """Who (a person id or a NewPerson) and in which role."""
        role = Role(self.role.currentData())
        if self._is_new():
            return NewPerson(self.name.text().strip(), self.title.text().strip()), role
        return int(self.person.currentData()), role


class PersonDialog(QDialog):
    """A person's name, title and contact details: shared by every deal of the account."""

    def __init__(self, person: Person, deals: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PersonDialog", "Edit person"))
        self._person = person
        self.name = QLineEdit(person.name, self)
        self.title = QLineEdit(person.title, self)
        self.email = QLineEdit(person.email, self)
        self.phone = QLineEdit(person.phone, self)
        for edit in (self.name, self.title, self.email, self.phone):
            edit.setMaxLength(300)
        form = QFormLayout()
        form.addRow(translate("PersonDialog", "&Name"), self.name)
        form.addRow(translate("PersonDialog", "&Title"), self.title)
        form.addRow(translate("PersonDialog", "&Email"), self.email)
        form.addRow(translate("PersonDialog", "&Phone"), self.phone)
        self.name.setAccessibleName(translate("PersonDialog", "Name"))
        self.title.setAccessibleName(translate("PersonDialog", "Title"))
        self.email.setAccessibleName(translate("PersonDialog", "Email"))
        self.phone.setAccessibleName(translate("PersonDialog", "Phone"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if deals > 1:
            layout.addWidget(
                _note(
                    plural(
                        deals,
                        translate(
                            "PersonDialog", "This person is a buying influence on {n} deal: it changes."
                        ),
                        translate(
                            "PersonDialog",
                            "This person is a buying influence on {n} deals: all of them change.",
                        ),
                    ).format(n=deals),
                    self,
                )
            )
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._on_name_text_changed)

    @Slot(str)
    def _on_name_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def person(self) -> Person:
        p = self._person
        return Person(
            p.id,
            p.account_id,
            self.name.text().strip(),
            self.title.text().strip(),
            self.email.text().strip(),
            self.phone.text().strip(),
            p.notes,
        )
