"""Create or edit a deal: every field validated inline, OK enabled only when all are valid."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QPalette
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
from planner.next_step import NextStep
from ui import format as fmt

translate = QCoreApplication.translate

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "CAD", "AUD")


class OpportunityDialog(QDialog):
    """The deal editor. `draft()` and `next_step_text()` are valid once the dialog is accepted.

    Its Next step field is the deal's next step, the earliest open action of the Blue Sheet
    (`planner.next_step`): typing renames that action, or plans one when there is none. The
    CRM's NextStep is not edited here (imports write it): it shows as the field's placeholder.
    """

    def __init__(
        self,
        accounts: list[Account],
        stages: list[Stage],
        existing: Opportunity | None = None,
        parent: QWidget | None = None,
        *,
        default_currency: str = "EUR",
        default_account_id: int | None = None,
        next_step: NextStep | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("OpportunityDialog", "Edit deal")
            if existing
            else translate("OpportunityDialog", "New deal")
        )
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(
            translate("OpportunityDialog", "What the customer buys, e.g. Fleet Telematics rollout")
        )
        self.title.setMaxLength(validation.MAX_TITLE)
        self.account = QComboBox(self)
        self.account.addItem(translate("OpportunityDialog", "(no account)"), None)
        for account in accounts:
            self.account.addItem(account.name, account.id)
        self.product = QLineEdit(self)
        self.quantity = QLineEdit(self)
        self.quantity.setPlaceholderText(translate("OpportunityDialog", "e.g. 25 licences"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(translate("OpportunityDialog", "e.g. 120000"))
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setCurrentText(default_currency)
        self.close_date = QLineEdit(self)
        self.close_date.setPlaceholderText(
            translate("OpportunityDialog", "e.g. {date}").format(date=fmt.edit_date(dt.date(2026, 12, 15)))
        )
        self.stage = QComboBox(self)
        for stage in stages:
            if not stage.is_closed or (existing is not None and existing.stage_id == stage.id):
                self.stage.addItem(stage.name, stage.id)
        self.probability = QSpinBox(self)
        self.probability.setRange(-1, 100)
        self.probability.setSuffix(" %")
        self.probability.setSpecialValueText(translate("OpportunityDialog", "Stage default"))
        self.probability.setValue(-1)
        self.forecast = QComboBox(self)
        self.forecast.addItem(translate("OpportunityDialog", "From the stage"), None)
        for category in ForecastCategory:
            self.forecast.addItem(category.label, category)
        self.next_step = QLineEdit(self)
        self.next_step.setMaxLength(validation.MAX_TEXT)
        self.next_step.setToolTip(
            translate(
                "OpportunityDialog",
                "The earliest open action of the Blue Sheet, shown on the card. Typing here renames it, "
                "or plans one when there is none; its date and status are set in the Blue Sheet.",
            )
        )
        # The step as the card shows it, under the field: with its date, which is set in the Blue Sheet.
        self.next_step_shown = QLabel(self)
        self.next_step_shown.setTextFormat(Qt.TextFormat.PlainText)
        self.next_step_shown.setWordWrap(True)
        self.next_step_shown.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.next_step_shown.setAccessibleName(translate("OpportunityDialog", "Next step on the card"))
        # The CRM's field goes back unchanged; the action the field shows is the one it renames.
        self._crm_next_step = existing.next_step if existing is not None else ""
        self._has_action = next_step is not None and next_step.source == "action"
        if next_step is not None and self._has_action:
            self.next_step.setText(next_step.text)
            self.next_step_shown.setText(
                translate("OpportunityDialog", "On the card: {step}").format(
                    step=fmt.next_step(next_step, today or dt.date.today())
                )
            )
        elif next_step is not None:
            self.next_step.setPlaceholderText(fmt.next_step(next_step, today or dt.date.today()))
        else:
            self.next_step.setPlaceholderText(
                translate("OpportunityDialog", "None planned: type it to add it to the action plan")
            )
        self.next_step_shown.setVisible(self._has_action)
        self._initial_next_step = self.next_step.text()
        form.addRow(translate("OpportunityDialog", "&Title"), self.title)
        form.addRow(translate("OpportunityDialog", "&Account"), self.account)
        form.addRow(translate("OpportunityDialog", "&Product"), self.product)
        form.addRow(translate("OpportunityDialog", "&Quantity"), self.quantity)
        form.addRow(translate("OpportunityDialog", "A&mount"), self.amount)
        form.addRow(translate("OpportunityDialog", "C&urrency"), self.currency)
        form.addRow(translate("OpportunityDialog", "&Close date"), self.close_date)
        form.addRow(translate("OpportunityDialog", "&Stage"), self.stage)
        form.addRow(translate("OpportunityDialog", "Pro&bability"), self.probability)
        form.addRow(translate("OpportunityDialog", "&Forecast category"), self.forecast)
        form.addRow(translate("OpportunityDialog", "&Next step"), self.next_step)
        form.addRow("", self.next_step_shown)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("OpportunityDialog", "Validation message"))
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
        # The field the validation message is about: a screen reader reads it with that field.
        self._invalid: QWidget | None = None
        self._on_input_changed()

    def _load(self, o: Opportunity) -> None:
        self.title.setText(o.title)
        self.account.setCurrentIndex(max(self.account.findData(o.account_id), 0))
        self.product.setText(o.product)
        self.quantity.setText(fmt.edit_number(o.quantity))
        self.amount.setText(fmt.edit_number(o.amount))
        self.currency.setCurrentText(o.currency)
        self.close_date.setText(fmt.edit_date(o.close_date))
        self.stage.setCurrentIndex(max(self.stage.findData(o.stage_id), 0))
        self.probability.setValue(-1 if o.probability_override is None else o.probability_override)
        self.forecast.setCurrentIndex(max(self.forecast.findData(o.forecast_category), 0))

    @Slot()
    def _on_input_changed(self) -> None:
        try:
            self._draft = self._build()
            message = ""
        except ValueError as exc:
            self._draft = None
            message = str(exc)
        self.error.setText(message)
        fields = (
            self.title,
            self.product,
            self.quantity,
            self.amount,
            self.currency,
            self.close_date,
            self.next_step,
        )
        for field in fields:
            field.setAccessibleDescription(message if field is self._invalid else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._draft is not None)

    def _build(self) -> OpportunityDraft:
        probability = self.probability.value()
        self._invalid = self.title
        title = validation.check_title(self.title.text())
        self._invalid = self.product
        product = validation.check_text(
            self.product.text().strip(), translate("OpportunityDialog", "Product")
        )
        self._invalid = self.quantity
        quantity = fmt.parse_quantity(self.quantity.text())
        self._invalid = self.amount
        amount = fmt.parse_amount(self.amount.text())
        self._invalid = self.currency
        currency = validation.check_currency(self.currency.currentText())
        self._invalid = self.close_date
        close_date = fmt.parse_date(self.close_date.text())
        self._invalid = self.next_step
        next_step = validation.check_text(
            self.next_step.text().strip(), translate("OpportunityDialog", "Next step")
        )
        if self._has_action and not next_step:
            raise ValueError(
                translate(
                    "OpportunityDialog",
                    "The next step cannot be left empty: to drop it, mark its action done or remove it "
                    "in the Blue Sheet.",
                )
            )
        self._invalid = None
        return OpportunityDraft(
            title=title,
            account_id=self.account.currentData(),
            stage_id=int(self.stage.currentData()),
            product=product,
            quantity=quantity,
            amount=amount,
            currency=currency,
            close_date=close_date,
            probability_override=None if probability < 0 else probability,
            # Qt hands enum item data back as its str value.
            forecast_category=ForecastCategory(category)
            if (category := self.forecast.currentData())
            else None,
            next_step=self._crm_next_step,
        )

    def draft(self) -> OpportunityDraft:
        """The validated fields (only call after the dialog was accepted)."""
        assert self._draft is not None
        return self._draft

    def next_step_text(self) -> str | None:
        """The next step typed in the dialog, or None when it was left as it was (or left empty)."""
        text = self.next_step.text().strip()
        if not text or text == self._initial_next_step.strip():
            return None
        return text

    def accept(self) -> None:
        # Re-validate: Enter in a field triggers accept even while OK is disabled.
        self._on_input_changed()
        if self._draft is not None:
            super().accept()
