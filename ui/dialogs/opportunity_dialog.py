"""Create or edit a deal: every field validated inline, OK enabled only when all are valid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner import validation
from planner.model import Account, ForecastCategory, Opportunity, OpportunityDraft, Stage

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "CAD", "AUD")


class OpportunityDialog(QDialog):
    """The deal editor. `draft()` is valid once the dialog is accepted."""

    def __init__(
        self,
        accounts: list[Account],
        stages: list[Stage],
        existing: Opportunity | None = None,
        parent: QWidget | None = None,
        *,
        default_currency: str = "EUR",
        default_account_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit deal" if existing else "New deal")
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("What the customer buys, e.g. Fleet Telematics rollout")
        self.title.setMaxLength(validation.MAX_TITLE)
        self.account = QComboBox(self)
        self.account.addItem("(no account)", None)
        for account in accounts:
            self.account.addItem(account.name, account.id)
        self.product = QLineEdit(self)
        self.quantity = QLineEdit(self)
        self.quantity.setPlaceholderText("e.g. 25 licences")
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText("e.g. 120000")
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setCurrentText(default_currency)
        self.close_date = QLineEdit(self)
        self.close_date.setPlaceholderText("YYYY-MM-DD")
        self.stage = QComboBox(self)
        for stage in stages:
            if not stage.is_closed or (existing is not None and existing.stage_id == stage.id):
                self.stage.addItem(stage.name, stage.id)
        self.probability = QSpinBox(self)
        self.probability.setRange(-1, 100)
        self.probability.setSuffix(" %")
        self.probability.setSpecialValueText("Stage default")
        self.probability.setValue(-1)
        self.forecast = QComboBox(self)
        self.forecast.addItem("From the stage", None)
        for category in ForecastCategory:
            self.forecast.addItem(category.label, category)
        self.next_step = QLineEdit(self)
        self.next_step.setMaxLength(500)
        form.addRow("&Title", self.title)
        form.addRow("&Account", self.account)
        form.addRow("&Product", self.product)
        form.addRow("&Quantity", self.quantity)
        form.addRow("A&mount", self.amount)
        form.addRow("C&urrency", self.currency)
        form.addRow("&Close date", self.close_date)
        form.addRow("&Stage", self.stage)
        form.addRow("Pro&bability", self.probability)
        form.addRow("&Forecast category", self.forecast)
        form.addRow("&Next step", self.next_step)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Validation message")
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
            self._load(existing)
        elif default_account_id is not None:
            self.account.setCurrentIndex(max(self.account.findData(default_account_id), 0))
        for edit in (self.title, self.amount, self.close_date, self.quantity, self.product, self.next_step):
            edit.textChanged.connect(self._on_input_changed)
        self.currency.currentTextChanged.connect(self._on_input_changed)
        self._draft: OpportunityDraft | None = None
        self._on_input_changed()

    def _load(self, o: Opportunity) -> None:
        self.title.setText(o.title)
        self.account.setCurrentIndex(max(self.account.findData(o.account_id), 0))
        self.product.setText(o.product)
        self.quantity.setText("" if o.quantity is None else f"{o.quantity:g}")
        self.amount.setText("" if o.amount is None else f"{o.amount:.2f}".removesuffix(".00"))
        self.currency.setCurrentText(o.currency)
        self.close_date.setText(o.close_date.isoformat() if o.close_date else "")
        self.stage.setCurrentIndex(max(self.stage.findData(o.stage_id), 0))
        self.probability.setValue(-1 if o.probability_override is None else o.probability_override)
        self.forecast.setCurrentIndex(max(self.forecast.findData(o.forecast_category), 0))
        self.next_step.setText(o.next_step)

    @Slot()
    def _on_input_changed(self) -> None:
        try:
            self._draft = self._build()
            self.error.setText("")
        except ValueError as exc:
            self._draft = None
            self.error.setText(str(exc))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._draft is not None)

    def _build(self) -> OpportunityDraft:
        probability = self.probability.value()
        return OpportunityDraft(
            title=validation.check_title(self.title.text()),
            account_id=self.account.currentData(),
            stage_id=int(self.stage.currentData()),
            product=validation.check_text(self.product.text().strip(), "Product"),
            quantity=validation.check_quantity(self.quantity.text()),
            amount=validation.parse_amount(self.amount.text()),
            currency=validation.check_currency(self.currency.currentText()),
            close_date=validation.parse_date(self.close_date.text()),
            probability_override=None if probability < 0 else probability,
            # Qt hands enum item data back as its str value.
            forecast_category=ForecastCategory(category)
            if (category := self.forecast.currentData())
            else None,
            next_step=validation.check_text(self.next_step.text().strip(), "Next step"),
        )

    def draft(self) -> OpportunityDraft:
        """The validated fields (only call after the dialog was accepted)."""
        assert self._draft is not None
        return self._draft

    def accept(self) -> None:
        # Re-validate: Enter in a field triggers accept even while OK is disabled.
        self._on_input_changed()
        if self._draft is not None:
            super().accept()
