"""'Stalled for a known reason': a reason and an until-date that hide the stale badge."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui import format as fmt
from ui.dialogs.move_dialog import from_qdate, to_qdate

translate = QCoreApplication.translate


class SnoozeDialog(QDialog):
    """Reason and until-date; OK only with a reason."""

    def __init__(self, title: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SnoozeDialog", "Snooze the stale warning"))
        heading = QLabel(
            translate("SnoozeDialog", "“{title}” is stalled for a known reason.").format(title=title), self
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(
            translate("SnoozeDialog", "e.g. the customer's budget round ends in January")
        )
        self.reason.setMaxLength(2000)
        self.until = QDateEdit(to_qdate(today + dt.timedelta(days=14)), self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(fmt.date_pattern())
        self.until.setMinimumDate(to_qdate(today))
        form = QFormLayout()
        form.addRow(translate("SnoozeDialog", "&Reason"), self.reason)
        form.addRow(translate("SnoozeDialog", "&Until"), self.until)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self._on_reason_text_changed()

    @Slot()
    def _on_reason_text_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    def values(self) -> tuple[dt.date, str]:
        return from_qdate(self.until.date()), self.reason.text().strip()

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()
