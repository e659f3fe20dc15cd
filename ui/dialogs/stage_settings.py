"""Stage settings: name, funnel level, order, probability, stale-after days, exit commitments, and
each stage's value in the CRMs deals were imported from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.exchange.crm_export import CrmStageValues
from planner.i18n import plural
from planner.limits import MAX_STALE_DAYS
from planner.model import FunnelLevel, Stage
from planner.operations import OperationError, StageRow, validate_stage_rows
from planner.stages import StageSpec, ordered

translate = QCoreApplication.translate


class StageSettingsDialog(QDialog):
    """Edits a working copy of the stages; `rows()` and `reassign()` describe the change."""

    def __init__(
        self,
        stages: list[Stage],
        deal_counts: dict[int, int],
        parent: QWidget | None = None,
        crm: Sequence[CrmStageValues] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("StageSettingsDialog", "Stage settings"))
        self.setMinimumSize(720, 460)
        self._rows = [
            StageRow(
                s.id,
                StageSpec(s.name, s.level, s.probability, s.stale_after_days, s.exit_commitments),
            )
            for s in ordered(stages)
        ]
        self._names = {s.id: s.name for s in stages}
        self._deal_counts = deal_counts
        self._reassign: dict[int, int] = {}
        self._loading = False

        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("StageSettingsDialog", "Stages in order"))
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_button = QPushButton(translate("StageSettingsDialog", "&Add"), self)
        self.remove_button = QPushButton(translate("StageSettingsDialog", "&Remove…"), self)
        self.up_button = QPushButton(translate("StageSettingsDialog", "Move &up"), self)
        self.down_button = QPushButton(translate("StageSettingsDialog", "Move &down"), self)
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button.clicked.connect(self.remove_stage)
        self.up_button.clicked.connect(lambda: self.move_stage(-1))
        self.down_button.clicked.connect(lambda: self.move_stage(1))
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        left.addLayout(buttons)

        self.name = QLineEdit(self)
        self.level = QComboBox(self)
        for level in FunnelLevel:
            self.level.addItem(level.label, level)
        self.probability = QSpinBox(self)
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.stale = QSpinBox(self)
        self.stale.setRange(0, MAX_STALE_DAYS)  # 0 is "never"
        self.stale.setSpecialValueText(translate("StageSettingsDialog", "Never"))
        self.stale.setSuffix(translate("StageSettingsDialog", " days"))
        self.commitments = QPlainTextEdit(self)
        self.commitments.setPlaceholderText(
            translate(
                "StageSettingsDialog", "One customer commitment per line, e.g.\nShared decision criteria"
            )
        )
        form = QFormLayout()
        form.addRow(translate("StageSettingsDialog", "&Name"), self.name)
        form.addRow(translate("StageSettingsDialog", "Funnel &level"), self.level)
        form.addRow(translate("StageSettingsDialog", "Default &probability"), self.probability)
        form.addRow(translate("StageSettingsDialog", "S&tale after"), self.stale)
        form.addRow(translate("StageSettingsDialog", "Customer &exit commitments"), self.commitments)
        # The value the CRM-shaped export writes for the stage, per CRM deals were imported from:
        # automatic (an imported value, the CRM's closed value) unless the seller picks one.
        self._crm = list(crm)
        self._crm_chosen: list[dict[int, str]] = [dict(c.chosen) for c in self._crm]
        self.crm_values: list[QComboBox] = []
        for values in self._crm:
            combo = QComboBox(self)
            label = translate("StageSettingsDialog", "{crm} stage value").format(crm=values.source.label)
            combo.setAccessibleName(label)
            combo.currentIndexChanged.connect(self._on_crm_value_changed)
            self.crm_values.append(combo)
            form.addRow(label, combo)
        for signal in (
            self.name.textChanged,
            self.level.currentIndexChanged,
            self.probability.valueChanged,
            self.stale.valueChanged,
            self.commitments.textChanged,
        ):
            signal.connect(self._on_field_changed)

        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("StageSettingsDialog", "Validation message"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(form, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._refresh_list(0)

    # The working copy ---------------------------------------------------------------------
    def rows(self) -> list[StageRow]:
        """The stages in their new order."""
        return list(self._rows)

    def crm_choices(self) -> dict[str, dict[str, str]]:
        """Per CRM key: plan stage name (as renamed here) -> the chosen CRM stage value."""
        names = {row.id: row.spec.name for row in self._rows if row.id is not None}
        return {
            values.source.value: {names[i]: v for i, v in chosen.items() if i in names and v}
            for values, chosen in zip(self._crm, self._crm_chosen, strict=True)
        }

    def _load_crm_values(self, row: StageRow) -> None:
        for values, chosen, combo in zip(self._crm, self._crm_chosen, self.crm_values, strict=True):
            combo.clear()
            automatic = values.automatic.get(row.id, "") if row.id is not None else ""
            closed_by_status = values.source.closed_by_status and row.spec.level.is_closed
            if closed_by_status:
                first = translate("StageSettingsDialog", "Automatic: the status says won or lost")
            elif automatic:
                first = translate("StageSettingsDialog", "Automatic: {value}").format(value=automatic)
            else:
                first = translate("StageSettingsDialog", "None")
            combo.setToolTip(
                ""
                if automatic or closed_by_status
                else translate(
                    "StageSettingsDialog", "Without a value the export refuses deals in this stage."
                )
            )
            combo.addItem(first, "")
            for value in values.values:
                combo.addItem(value, value)
            current = chosen.get(row.id, "") if row.id is not None else ""
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            # A new stage has no id yet: its value can be chosen once it is saved.
            combo.setEnabled(row.id is not None and not closed_by_status)

    @Slot(int)
    def _on_crm_value_changed(self, _index: int) -> None:
        index = self.list.currentRow()
        if self._loading or not 0 <= index < len(self._rows):
            return
        stage_id = self._rows[index].id
        if stage_id is None:
            return
        for chosen, combo in zip(self._crm_chosen, self.crm_values, strict=True):
            chosen[stage_id] = str(combo.currentData() or "")

    def reassign(self) -> dict[int, int]:
        """Where the deals of each deleted stage go (stage id -> stage id)."""
        return dict(self._reassign)

    def _refresh_list(self, current: int) -> None:
        self._loading = True
        self.list.clear()
        for row in self._rows:
            self.list.addItem(self._item_text(row.spec))
        self._loading = False
        self.list.setCurrentRow(max(0, min(current, len(self._rows) - 1)))
        self._validate()

    @staticmethod
    def _item_text(spec: StageSpec) -> str:
        return translate("StageSettingsDialog", "{name}  ({level})").format(
            name=spec.name, level=spec.level.label
        )

    @Slot(int)
    def _on_list_current_row_changed(self, index: int) -> None:
        if self._loading or not 0 <= index < len(self._rows):
            return
        spec = self._rows[index].spec
        self._loading = True
        self.name.setText(spec.name)
        self.level.setCurrentIndex(max(self.level.findData(spec.level), 0))
        self.probability.setValue(spec.probability)
        self.stale.setValue(spec.stale_after_days or 0)
        self.commitments.setPlainText("\n".join(spec.exit_commitments))
        self._load_crm_values(self._rows[index])
        self._loading = False

    @Slot()
    def _on_field_changed(self) -> None:
        index = self.list.currentRow()
        if self._loading or not 0 <= index < len(self._rows):
            return
        level = FunnelLevel(self.level.currentData())  # Qt hands the enum back as its str value
        spec = StageSpec(
            name=self.name.text().strip(),
            level=level,
            probability=self.probability.value(),
            stale_after_days=None if level.is_closed or self.stale.value() == 0 else self.stale.value(),
            exit_commitments=tuple(
                line.strip() for line in self.commitments.toPlainText().splitlines() if line.strip()
            ),
        )
        self._rows[index] = replace(self._rows[index], spec=spec)
        item = self.list.item(index)
        if item is not None:
            item.setText(self._item_text(spec))
        self._validate()

    @Slot()
    def add_stage(self) -> None:
        index = self.list.currentRow() + 1
        name = translate("StageSettingsDialog", "New stage")
        taken = {row.spec.name for row in self._rows}
        n = 2
        while name in taken:
            name = translate("StageSettingsDialog", "New stage {n}").format(n=n)
            n += 1
        self._rows.insert(index, StageRow(None, StageSpec(name, FunnelLevel.IN, 50, 21, ())))
        self._refresh_list(index)
        self.name.setFocus()
        self.name.selectAll()

    def move_stage(self, step: int) -> None:
        index = self.list.currentRow()
        target = index + step
        if 0 <= index < len(self._rows) and 0 <= target < len(self._rows):
            self._rows[index], self._rows[target] = self._rows[target], self._rows[index]
            self._refresh_list(target)

    @Slot()
    def remove_stage(self) -> None:
        index = self.list.currentRow()
        if not 0 <= index < len(self._rows):
            return
        row = self._rows[index]
        deals = self._deal_counts.get(row.id, 0) if row.id is not None else 0
        if row.id is not None and deals:
            others = [r for r in self._rows if r is not row and r.id is not None]
            target = self.ask_target(row.spec.name, deals, [r.spec.name for r in others])
            if target is None:
                return  # cancelled: the stage stays
            self._reassign[row.id] = others[target].id  # type: ignore[assignment]
        del self._rows[index]
        self._refresh_list(index)

    def ask_target(self, name: str, deals: int, choices: list[str]) -> int | None:
        """Which stage the deals of a deleted stage go to (an index into `choices`), or None."""
        choice, ok = QInputDialog.getItem(
            self,
            translate("StageSettingsDialog", "Where do its deals go?"),
            plural(
                deals,
                translate("StageSettingsDialog", "{name} holds {n} deal. Move it to:"),
                translate("StageSettingsDialog", "{name} holds {n} deals. Move them to:"),
            ).format(name=name, n=deals),
            choices,
            0,
            False,
        )
        return choices.index(choice) if ok and choice in choices else None

    def _validate(self) -> bool:
        try:
            validate_stage_rows(self._rows)
        except OperationError as exc:
            self.error.setText(str(exc))
            self.list.setAccessibleDescription(str(exc))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self.error.setText("")
        self.list.setAccessibleDescription("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def accept(self) -> None:
        if self._validate():
            super().accept()
