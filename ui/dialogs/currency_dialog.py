"""The plan's base currency and exchange rates; a currency without a rate is never added."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.validation import check_currency
from ui import format as fmt

translate = QCoreApplication.translate


class CurrencyDialog(QDialog):
    """Base currency plus one row per rate ('1 USD = 0.92 EUR')."""

    def __init__(self, base: str, rates: dict[str, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CurrencyDialog", "Currencies and rates"))
        self.setMinimumWidth(420)
        self.base = QLineEdit(base, self)
        self.base.setMaxLength(3)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(
            [translate("CurrencyDialog", "Currency"), translate("CurrencyDialog", "Worth in base currency")]
        )
        self.table.setAccessibleName(translate("CurrencyDialog", "Exchange rates"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for code, rate in sorted(rates.items()):
            # Every digit, in the window's decimal mark: an unedited rate is saved unchanged.
            self._add_row(code, fmt.edit_rate(rate))
        add = QPushButton(translate("CurrencyDialog", "&Add rate"), self)
        add.clicked.connect(lambda: self._add_row("", ""))
        remove = QPushButton(translate("CurrencyDialog", "&Remove rate"), self)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("CurrencyDialog", "Validation message"))
        note = QLabel(
            translate(
                "CurrencyDialog",
                "Column totals add deals in other currencies at these rates. A currency without a "
                "rate is shown beside the total, never added to it.",
            ),
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(translate("CurrencyDialog", "&Base currency"), self.base)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _add_row(self, code: str, rate: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(code))
        self.table.setItem(row, 1, QTableWidgetItem(rate))

    def values(self) -> tuple[str, dict[str, float]]:
        """The base currency and rates; ValueError with a message when a cell is wrong."""
        base = check_currency(self.base.text())
        rates: dict[str, float] = {}
        for row in range(self.table.rowCount()):
            code_item, rate_item = self.table.item(row, 0), self.table.item(row, 1)
            code = code_item.text().strip() if code_item else ""
            text = rate_item.text().strip() if rate_item else ""
            if not code and not text:
                continue
            code = check_currency(code)
            try:
                rate = fmt.parse_rate(text)
            except ValueError as exc:
                raise ValueError(
                    translate("CurrencyDialog", "The rate for {code}: {reason}").format(code=code, reason=exc)
                ) from None
            if rate is None:
                raise ValueError(
                    translate(
                        "CurrencyDialog", "The rate for {code} must be a number, like {example}."
                    ).format(code=code, example=fmt.number(0.92, 2))
                )
            if not 0 < rate < 1e9:
                raise ValueError(
                    translate("CurrencyDialog", "The rate for {code} must be a positive number.").format(
                        code=code
                    )
                )
            rates[code] = rate
        return base, rates

    @Slot()
    def accept(self) -> None:
        try:
            self.values()
        except ValueError as exc:
            message = str(exc)
            self.error.setText(message)
            # Announced with the field it is about.
            try:
                check_currency(self.base.text())
                base_wrong = False
            except ValueError:
                base_wrong = True
            self.base.setAccessibleDescription(message if base_wrong else "")
            self.table.setAccessibleDescription("" if base_wrong else message)
            return
        self.error.setText("")
        self.base.setAccessibleDescription("")
        self.table.setAccessibleDescription("")
        super().accept()
