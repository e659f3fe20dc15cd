"""The plan's list of close reasons (planner.close_reasons): add, remove and order them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import close_reasons
from planner.errors import OperationError

translate = QCoreApplication.translate
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CloseReasonsDialog(QDialog):
    """The reasons Won, Lost and Walked away offer, in the order they are offered.

    Deals closed with a reason keep it when it leaves the list (the archive still shows it);
    "Other" is always offered and needs no entry.
    """

    def __init__(self, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CloseReasonsDialog", "Close reasons"))
        self.setMinimumWidth(420)
        note = QLabel(
            translate(
                "CloseReasonsDialog",
                "Closing a deal as won, lost or walked away asks for one of these reasons; “Other” "
                "is always offered too. Deals keep their reason when it leaves the list.",
            ),
            self,
        )
        note.setWordWrap(True)
        self.reasons = QListWidget(self)
        self.reasons.setAccessibleName(translate("CloseReasonsDialog", "Close reasons"))
        for code in codes:
            self._add_item(code)
        self.new_reason = QLineEdit(self)
        self.new_reason.setMaxLength(close_reasons.MAX_NAME)
        self.new_reason.setPlaceholderText(
            translate("CloseReasonsDialog", "A new reason, e.g. Reorganisation")
        )
        self.new_reason.setAccessibleName(translate("CloseReasonsDialog", "New reason"))
        self.new_reason.returnPressed.connect(self._on_add_clicked)
        add = QPushButton(translate("CloseReasonsDialog", "&Add"), self)
        add.setAutoDefault(False)
        add.clicked.connect(self._on_add_clicked)
        remove = QPushButton(translate("CloseReasonsDialog", "&Remove"), self)
        remove.clicked.connect(self._on_remove_clicked)
        up = QPushButton(translate("CloseReasonsDialog", "Move &up"), self)
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(translate("CloseReasonsDialog", "Move &down"), self)
        down.clicked.connect(lambda: self._move(1))
        for button in (remove, up, down):
            button.setAutoDefault(False)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("CloseReasonsDialog", "Validation message"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        adding = QHBoxLayout()
        adding.addWidget(self.new_reason, 1)
        adding.addWidget(add)
        order = QHBoxLayout()
        for button in (remove, up, down):
            order.addWidget(button)
        order.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.reasons, 1)
        layout.addLayout(order)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _add_item(self, code: str) -> None:
        # A reason the seller named is its own code: shown as typed, as text (never markup).
        item = QListWidgetItem(close_reasons.label(code))
        item.setData(CODE_ROLE, code)
        item.setToolTip(close_reasons.label(code))
        self.reasons.addItem(item)

    def codes(self) -> list[str]:
        """The list as it stands, in order."""
        return [str(self.reasons.item(row).data(CODE_ROLE)) for row in range(self.reasons.count())]

    @Slot()
    def _on_add_clicked(self) -> None:
        text = self.new_reason.text().strip()
        if not text:
            return
        code = close_reasons.code_for(text)
        try:
            close_reasons.check_codes([*self.codes(), code])
        except OperationError as error:
            self.error.setText(str(error))
            return
        self.error.clear()
        self._add_item(code)
        self.reasons.setCurrentRow(self.reasons.count() - 1)
        self.new_reason.clear()

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.reasons.currentRow()
        if row >= 0:
            self.reasons.takeItem(row)

    def _move(self, step: int) -> None:
        row = self.reasons.currentRow()
        if row < 0 or not 0 <= row + step < self.reasons.count():
            return
        item = self.reasons.takeItem(row)
        self.reasons.insertItem(row + step, item)
        self.reasons.setCurrentRow(row + step)

    def accept(self) -> None:
        try:
            close_reasons.check_codes(self.codes())
        except OperationError as error:
            self.error.setText(str(error))
            return
        super().accept()
