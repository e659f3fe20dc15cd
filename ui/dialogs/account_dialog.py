"""Create or edit an account: name, parent account, industry, notes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
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
        self.setWindowTitle("Edit account" if existing else "New account")
        self.setMinimumWidth(400)
        self.name = QLineEdit(self)
        self.name.setMaxLength(validation.MAX_TITLE)
        self.parent_account = QComboBox(self)
        self.parent_account.addItem("(none)", None)
        for account in accounts:
            if account.id not in excluded_parents:
                self.parent_account.addItem(account.name, account.id)
        self.industry = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Parent account", self.parent_account)
        form.addRow("&Industry", self.industry)
        form.addRow("N&otes", self.notes)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
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
        self.name.textChanged.connect(self._on_input_changed)
        self.notes.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    @Slot()
    def _on_input_changed(self) -> None:
        try:
            self.draft()
            self.error.setText("")
            ok = True
        except ValueError as exc:
            self.error.setText(str(exc).replace("Title", "Name"))
            ok = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def draft(self) -> AccountDraft:
        """The validated fields; raises ValueError with a message while invalid."""
        return AccountDraft(
            name=validation.check_title(self.name.text()),
            parent_id=self.parent_account.currentData(),
            industry=self.industry.text().strip(),
            notes=validation.check_text(self.notes.toPlainText(), "Notes"),
        )

    def accept(self) -> None:
        self._on_input_changed()
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()
