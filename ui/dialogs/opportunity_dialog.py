"""Create or edit a deal, or a new account with it: fields checked inline, OK only when all are valid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QFocusEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
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
from planner.model import (
    Account,
    AccountDraft,
    ForecastCategory,
    Opportunity,
    OpportunityDraft,
    Pipeline,
    Stage,
)
from planner.next_step import NextStep
from ui import format as fmt
from ui.date_field import DateField
from ui.dialogs.pipeline_choice import PipelineChoice
from ui.plain import keep_names_narrow

translate = QCoreApplication.translate

_T = TypeVar("_T")

COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "CAD", "AUD")


class OpportunityDialog(QDialog):
    """The deal editor. `draft()`, `next_step_text()` and `new_account()` are valid once the
    dialog is accepted.

    Its Next step field is the deal's next step, the earliest open action of the Blue Sheet
    (`planner.next_step`): typing renames that action, or plans one when there is none. The
    CRM's NextStep is not edited here (imports write it): it shows as the field's placeholder.

    Every field is checked as it changes, but a field's problem is only shown once the seller
    typed in it or left it, or pressed OK: a new deal opens without an error. OK stays disabled
    while anything is invalid.
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
        pipelines: Sequence[Pipeline] = (),
        pipeline_id: int | None = None,
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
        self.account = self._account_combo(accounts)
        # Under the account while its name is none of the accounts (a typo would make a new one).
        self.account_note = QLabel(
            translate("OpportunityDialog", "A new account: OK creates it with the deal."), self
        )
        self.account_note.hide()
        self.product = QLineEdit(self)
        self.quantity = QLineEdit(self)
        self.quantity.setPlaceholderText(translate("OpportunityDialog", "e.g. 25 licences"))
        self.quantity.setToolTip(
            translate(
                "OpportunityDialog",
                "How many: a number, with its unit if you like (25 licences). "
                "The number is kept; Product says what is counted.",
            )
        )
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(translate("OpportunityDialog", "e.g. 120000"))
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setCurrentText(default_currency)
        self.close_date = DateField(self)
        self.stage = QComboBox(self)
        # Fills the stage box with the chosen pipeline's stages (all open ones with one pipeline).
        self.pipeline = PipelineChoice(self.stage, stages, pipelines, existing, pipeline_id, self)
        QWidget.setTabOrder(self.pipeline, self.stage)  # the pipeline first: it decides the stages
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
        form.addRow("", self.account_note)
        form.addRow(translate("OpportunityDialog", "&Product"), self.product)
        form.addRow(translate("OpportunityDialog", "&Quantity"), self.quantity)
        form.addRow(translate("OpportunityDialog", "A&mount"), self.amount)
        form.addRow(translate("OpportunityDialog", "C&urrency"), self.currency)
        form.addRow(translate("OpportunityDialog", "&Close date"), self.close_date)
        if self.pipeline.shown:
            form.addRow(translate("OpportunityDialog", "Pipe&line"), self.pipeline)
        else:
            self.pipeline.hide()
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
            self.account.setCurrentIndex(self.account.findData(default_account_id))
        self._draft: OpportunityDraft | None = None
        self._new_account: AccountDraft | None = None
        # The fields whose problems are shown: typed in or left; all of them once OK was pressed.
        self._touched: set[QWidget] = set()
        self._submitted = False
        account_edit = self.account.lineEdit()
        assert account_edit is not None  # an editable combo box has one
        currency_edit = self.currency.lineEdit()
        assert currency_edit is not None
        # The widget that has the focus -> the field whose problem shows once it is left.
        self._field_of: dict[QObject, QWidget] = {}
        for field, edit in (
            (self.title, self.title),
            (self.account, account_edit),
            (self.product, self.product),
            (self.quantity, self.quantity),
            (self.amount, self.amount),
            (self.currency, currency_edit),
            (self.close_date, self.close_date),
            (self.next_step, self.next_step),
        ):
            edit.textChanged.connect(partial(self._on_field_touched, field))
            self._field_of[edit] = field
            edit.installEventFilter(self)
        self._on_input_changed()

    def _account_combo(self, accounts: list[Account]) -> QComboBox:
        """Accounts to choose by typing any part of the name; a name that is none of them is new."""
        combo = QComboBox(self)
        keep_names_narrow(combo)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a new name is created on OK, not listed
        for account in accounts:
            combo.addItem(account.name, account.id)
        combo.setCurrentIndex(-1)  # empty: no account
        edit = combo.lineEdit()
        assert edit is not None
        edit.setMaxLength(validation.MAX_TITLE)
        edit.setPlaceholderText(translate("OpportunityDialog", "Type to find an account, or a new name"))
        # Any part of the name, any case, spaces and all ("wind gr" finds "Northwind Group").
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        return combo

    def _load(self, o: Opportunity) -> None:
        self.title.setText(o.title)
        self.account.setCurrentIndex(self.account.findData(o.account_id) if o.account_id else -1)
        self.product.setText(o.product)
        self.quantity.setText(fmt.edit_number(o.quantity))
        self.amount.setText(fmt.edit_number(o.amount))
        self.currency.setCurrentText(o.currency)
        self.close_date.set_value(o.close_date)
        self.stage.setCurrentIndex(max(self.stage.findData(o.stage_id), 0))
        self.probability.setValue(-1 if o.probability_override is None else o.probability_override)
        self.forecast.setCurrentIndex(max(self.forecast.findData(o.forecast_category), 0))

    def _on_field_touched(self, field: QWidget, *_args: object) -> None:
        self._touched.add(field)
        self._on_input_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Leaving a field counts as touching it, typed in or not (an empty title is then said);
        # a popup of the field's own (its completer, its calendar) is not leaving it.
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
            and watched in self._field_of
        ):
            self._on_field_touched(self._field_of[watched])
        return super().eventFilter(watched, event)

    @Slot()
    def _on_input_changed(self) -> None:
        problems: dict[QWidget, str] = {}
        self._draft, self._new_account = self._build(problems)
        shown = {f: m for f, m in problems.items() if self._submitted or f in self._touched}
        self.error.setText(next(iter(shown.values()), ""))
        fields = (
            self.title,
            self.account,
            self.product,
            self.quantity,
            self.amount,
            self.currency,
            self.close_date,
            self.next_step,
        )
        # A screen reader reads a field's problem with the field.
        for field in fields:
            field.setAccessibleDescription(shown.get(field, ""))
        if self.close_date in shown:
            self.close_date.check()  # the field's own red frame too
        self.account_note.setVisible(self._new_account is not None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._draft is not None)

    def _build(self, problems: dict[QWidget, str]) -> tuple[OpportunityDraft | None, AccountDraft | None]:
        """The draft (None while a field is invalid) and the account to create for it; each
        field's problem goes into `problems`, in the order of the form."""

        def read(field: QWidget, parse: Callable[[], _T]) -> _T | None:
            try:
                return parse()
            except ValueError as exc:
                problems[field] = str(exc)
                return None

        probability = self.probability.value()
        title = read(self.title, lambda: validation.check_title(self.title.text()))
        account = read(self.account, self._account_choice)
        product = read(
            self.product,
            lambda: validation.check_text(
                self.product.text().strip(), translate("OpportunityDialog", "Product")
            ),
        )
        quantity = read(self.quantity, lambda: fmt.parse_quantity(self.quantity.text()))
        amount = read(self.amount, lambda: fmt.parse_amount(self.amount.text()))
        currency = read(self.currency, lambda: validation.check_currency(self.currency.currentText()))
        close_date = read(self.close_date, self.close_date.value)
        read(self.next_step, self._check_next_step)
        # The account to create is said even while another field is still wrong.
        new_account = account[1] if account is not None else None
        if problems or title is None or account is None or currency is None:
            return None, new_account
        account_id = account[0]
        draft = OpportunityDraft(
            title=title,
            account_id=account_id,
            stage_id=int(self.stage.currentData()),
            product=product or "",
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
        return draft, new_account

    def _check_next_step(self) -> str:
        text = validation.check_text(
            self.next_step.text().strip(), translate("OpportunityDialog", "Next step")
        )
        if self._has_action and not text:
            raise ValueError(
                translate(
                    "OpportunityDialog",
                    "The next step cannot be left empty: to drop it, mark its action done or remove it "
                    "in the Blue Sheet.",
                )
            )
        return text

    def _account_choice(self) -> tuple[int | None, AccountDraft | None]:
        """(the chosen account's id, None), (None, the account to create) or (None, None)."""
        text = self.account.currentText().strip()
        if not text:
            return None, None
        index = self.account.currentIndex()
        if index < 0 or self.account.itemText(index).strip() != text:
            # Typed rather than picked: the account of that name, whatever its case.
            index = self.account.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return int(self.account.itemData(index)), None
        if len(text) > validation.MAX_TITLE:
            raise ValueError(
                translate(
                    "OpportunityDialog", "Account name is too long (at most {count} characters)."
                ).format(count=validation.MAX_TITLE)
            )
        return None, AccountDraft(name=text)

    def draft(self) -> OpportunityDraft:
        """The validated fields (only call after the dialog was accepted).

        Its account is None when `new_account()` names an account to create for it.
        """
        assert self._draft is not None
        return self._draft

    def next_step_text(self) -> str | None:
        """The next step typed in the dialog, or None when it was left as it was (or left empty)."""
        text = self.next_step.text().strip()
        if not text or text == self._initial_next_step.strip():
            return None
        return text

    def new_account(self) -> AccountDraft | None:
        """The account the seller typed a new name for (only call after the dialog was accepted)."""
        return self._new_account

    def accept(self) -> None:
        # Every problem is shown now; re-validated, as Enter in a field accepts even while OK is disabled.
        self._submitted = True
        self._on_input_changed()
        if self._draft is not None:
            super().accept()
