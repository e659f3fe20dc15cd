"""'Stalled for a known reason': a reason and an until-date that hide the stale badge."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.date_field import DateField

translate = QCoreApplication.translate


class SnoozeDialog(QDialog):
    """Reason and until-date; OK only with a reason and a date from today on."""

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
        self.until = DateField(self, allow_empty=False, minimum=today)
        self.until.set_value(today + dt.timedelta(days=14))
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
        self.reason.textChanged.connect(self._on_input_changed)
        self.until.textChanged.connect(self._on_input_changed)
        self._on_input_changed()

    def _is_complete(self) -> bool:
        return bool(self.reason.text().strip()) and self.until.is_valid()

    @Slot()
    def _on_input_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._is_complete())

    def values(self) -> tuple[dt.date, str]:
        until = self.until.value()
        assert until is not None  # the field takes no empty date
        return until, self.reason.text().strip()

    def accept(self) -> None:
        self.until.check()  # Enter accepts even while OK is disabled: say what is wrong with the date
        if self._is_complete():
            super().accept()
