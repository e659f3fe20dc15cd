"""Create or edit an account: name, parent account, industry, notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner import validation
from planner.model import Account, AccountDraft
from ui.plain import keep_names_narrow

translate = QCoreApplication.translate


class AccountDialog(QDialog):
    """The account editor; an account cannot become its own parent."""

    def __init__(
        self,
        accounts: list[Account],
        existing: Account | None = None,
        parent: QWidget | None = None,
        *,
        excluded_parents: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("AccountDialog", "Edit account")
            if existing
            else translate("AccountDialog", "New account")
        )
        self.setMinimumWidth(400)
        self.name = QLineEdit(self)
        self.name.setMaxLength(validation.MAX_TITLE)
        self.parent_account = QComboBox(self)
        keep_names_narrow(self.parent_account)
        self.parent_account.addItem(translate("AccountDialog", "(none)"), None)
        for account in accounts:
            if account.id not in excluded_parents:
                self.parent_account.addItem(account.name, account.id)
        self.industry = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        form = QFormLayout()
        form.addRow(translate("AccountDialog", "&Name"), self.name)
        form.addRow(translate("AccountDialog", "&Parent account"), self.parent_account)
        form.addRow(translate("AccountDialog", "&Industry"), self.industry)
        form.addRow(translate("AccountDialog", "N&otes"), self.notes)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("AccountDialog", "Validation message"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if existing is not None:
            self.name.setText(existing.name)
            self.parent_account.setCurrentIndex(max(self.parent_account.findData(existing.parent_id), 0))
            self.industry.setText(existing.industry)
            self.notes.setPlainText(existing.notes)
        self._invalid: QWidget | None = None
        self.name.textChanged.connect(self._on_input_changed)
        self.notes.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    @Slot()
    def _on_input_changed(self) -> None:
        message = ""
        try:
            self.draft()
        except ValueError as exc:
            message = str(exc)
        self.error.setText(message)
        # A screen reader reads the message with the field it is about.
        self.name.setAccessibleDescription(message if self._invalid is self.name else "")
        self.notes.setAccessibleDescription(message if self._invalid is self.notes else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)

    def _check_name(self) -> str:
        text = self.name.text()
        try:
            return validation.check_title(text)
        except ValueError:
            if not text.strip():
                raise ValueError(translate("AccountDialog", "Name cannot be empty.")) from None
            raise ValueError(
                translate("AccountDialog", "Name is too long (at most {count} characters).").format(
                    count=validation.MAX_TITLE
                )
            ) from None

    def draft(self) -> AccountDraft:
        """The validated fields; raises ValueError with a message while invalid."""
        self._invalid = self.name
        name = self._check_name()
        self._invalid = self.notes
        notes = validation.check_text(self.notes.toPlainText(), translate("AccountDialog", "Notes"))
        self._invalid = None
        return AccountDraft(
            name=name,
            parent_id=self.parent_account.currentData(),
            industry=self.industry.text().strip(),
            notes=notes,
        )

    def accept(self) -> None:
        self._on_input_changed()
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()
