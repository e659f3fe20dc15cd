"""The detail dock: the selected deal's real fields and its stage and close-date history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner.funnel import (
    FunnelStatus,
    days_in_stage,
    overdue_reason,
    premature_reason,
    slip_reason,
    stale_reason,
)
from planner.stages import probability
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.board import load_details
from planner.storage.db import PlanDB
from ui import format as fmt


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    # Plain text always: a title like "<b>x</b>" from a CRM file is shown, never rendered.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailPanel(QScrollArea):
    """Shows one deal as stored in the plan; `show_opportunity(0)` clears it."""

    FIELDS = (
        "Title",
        "Account",
        "Stage",
        "Amount",
        "Probability",
        "Forecast category",
        "Close date",
        "Product",
        "Quantity",
        "Next step",
        "In stage since",
        "Created",
        "Warnings",
        "Snoozed",
        "Closed",
    )

    def __init__(
        self,
        plan: PlanDB,
        parent: QWidget | None = None,
        *,
        status_of: Callable[[int], FunnelStatus | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.status_of = status_of
        self.opportunity_id = 0
        self.setWidgetResizable(True)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.placeholder = _label(inner)
        self.placeholder.setText("Select a deal on the board to see its details.")
        layout.addWidget(self.placeholder)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name in self.FIELDS:
            value = _label(inner)
            value.setAccessibleName(name)
            self.values[name] = value
            self.form.addRow(f"{name}:", value)
        layout.addLayout(self.form)
        self.history_title = QLabel("<b>Stage history</b>", inner)
        self.history = _label(inner)
        self.history.setAccessibleName("Stage history")
        self.slips_title = QLabel("<b>Close-date changes</b>", inner)
        self.slips = _label(inner)
        self.slips.setAccessibleName("Close-date changes")
        # The manager's coaching notes (imported from a review): shown, never edited here.
        self.coaching_title = QLabel("<b>Manager's coaching notes</b>", inner)
        self.coaching = _label(inner)
        self.coaching.setAccessibleName("Manager's coaching notes")
        for widget in (
            self.history_title,
            self.history,
            self.slips_title,
            self.slips,
            self.coaching_title,
            self.coaching,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setMinimumWidth(280)
        self.show_opportunity(0)

    def _warnings(
        self, opportunity_id: int, stage_name: str, close: dt.date | None, today: dt.date
    ) -> list[str]:
        status = self.status_of(opportunity_id) if self.status_of else None
        if status is None:
            return []
        lines = []
        if status.stale_days is not None:
            lines.append(stale_reason(status.stale_days, status.stale_limit))
        if status.slips:
            lines.append(slip_reason(status.slips))
        if status.premature:
            lines.append(premature_reason(stage_name))
        if status.overdue and close is not None:
            lines.append(overdue_reason(close, today))
        return lines

    def show_opportunity(self, opportunity_id: int) -> None:
        """Load and show a deal (0, or a deal that no longer exists, clears the panel)."""
        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        self.opportunity_id = opportunity.id if opportunity else 0
        visible = opportunity is not None
        self.placeholder.setVisible(not visible)
        for widget in (
            self.history_title,
            self.history,
            self.slips_title,
            self.slips,
            self.coaching_title,
            self.coaching,
        ):
            widget.setVisible(visible)
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, visible)
        if opportunity is None:
            return
        stages = {s.id: s for s in stage_repo.list_stages(self.plan)}
        stage = stages[opportunity.stage_id]
        account = (
            account_repo.get_account(self.plan, opportunity.account_id) if opportunity.account_id else None
        )
        today = dt.date.today()
        in_stage = days_in_stage(opportunity.stage_entered, today)
        override = " (set by you)" if opportunity.probability_override is not None else " (stage default)"
        values = {
            "Title": opportunity.title,
            "Account": account.name if account else "No account",
            "Stage": f"{stage.name} ({stage.level.label})",
            "Amount": fmt.amount(opportunity.amount, opportunity.currency),
            "Probability": f"{probability(opportunity, stage)} %{override}",
            "Forecast category": opportunity.forecast_category.label
            if opportunity.forecast_category
            else "From the stage",
            "Close date": fmt.date(opportunity.close_date),
            "Product": opportunity.product or "—",
            "Quantity": "—" if opportunity.quantity is None else f"{opportunity.quantity:g}",
            "Next step": load_details(self.plan, [opportunity.id])[opportunity.id].next_step or "—",
            "In stage since": f"{fmt.date(opportunity.stage_entered)} ({fmt.days(in_stage)})"
            if in_stage is not None
            else "—",
            "Created": opportunity.created[:10],
            "Warnings": "\n".join(self._warnings(opportunity.id, stage.name, opportunity.close_date, today))
            or "None",
            "Snoozed": f"Until {fmt.date(opportunity.snooze_until)}: {opportunity.snooze_reason}"
            if opportunity.snooze_until and opportunity.snooze_until >= today
            else "No",
            "Closed": f"{fmt.date(opportunity.closed_on)}: {opportunity.close_reason}"
            if opportunity.closed_on
            else "Open",
        }
        for name, text in values.items():
            self.values[name].setText(text)
        moves = []
        self.form.setRowVisible(self.FIELDS.index("Snoozed"), values["Snoozed"] != "No")
        for move in opportunity_repo.stage_history(self.plan, opportunity.id):
            source = stages[move.from_stage_id].name if move.from_stage_id in stages else "—"
            target = stages[move.to_stage_id].name if move.to_stage_id in stages else "?"
            line = f"{move.moved_at[:10]}: {source} → {target}"
            if move.commitment:
                line += f"; customer: {move.commitment}"
            if move.reason:
                line += f"; {move.reason}"
            moves.append(line)
        self.history.setText("\n".join(moves) or "No moves yet.")
        changes = [
            f"{c.changed_at[:10]}: {fmt.date(c.old_date)} → {fmt.date(c.new_date)}"
            + (" (slip)" if c.is_slip else "")
            for c in opportunity_repo.close_date_history(self.plan, opportunity.id)
        ]
        self.slips.setText("\n".join(changes) or "The close date never changed.")
        coaching = [
            f"{note.created[:10]}: {note.body}"
            for note in activity_repo.list_notes(self.plan, opportunity.id)
            if note.author == "manager"
        ]
        self.coaching.setText("\n\n".join(coaching) or "None yet.")
