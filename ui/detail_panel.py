"""The detail dock: the selected deal's real fields and its stage and close-date history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from planner import coaching
from planner.funnel import (
    FunnelStatus,
    days_in_stage,
    is_snoozed,
    status_words,
)
from planner.i18n import QT_TRANSLATE_NOOP
from planner.limits import MAX_NOTE
from planner.model import Commitment, Opportunity, Stage
from planner.next_step import next_step
from planner.reasons import shown_reason
from planner.stages import probability
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from ui import format as fmt
from ui.window_parts import in_view

translate = QCoreApplication.translate


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    # Plain text always: a title like "<b>x</b>" from a CRM file is shown, never rendered.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setText(text)
    return label


def _coaching_work(plan: PlanDB, opportunity_id: int) -> list[str]:
    """The manager's verdict on the deal and its coaching items, answered or not (planner.coaching)."""
    lines: list[str] = []
    verdict = coaching.verdicts(plan, [opportunity_id]).get(opportunity_id)
    if verdict is not None:
        text = translate("DetailPanel", "Verdict: {verdict}").format(verdict=verdict.kind.label)
        if verdict.reason:
            text += translate("DetailPanel", " ({reason})").format(reason=verdict.reason)
        lines.append(text)
    for item in coaching.items(plan, [opportunity_id]):
        text = translate("DetailPanel", "{kind}: {text}").format(kind=item.kind.label, text=item.text)
        if item.answered_on is not None:
            text += translate("DetailPanel", " (answered {date})").format(date=fmt.date(item.answered_on))
            if item.answer:
                text += translate("DetailPanel", ": {answer}").format(answer=item.answer)
        elif item.due is not None:
            text += translate("DetailPanel", " (due {date}, open)").format(date=fmt.date(item.due))
        else:
            text += translate("DetailPanel", " (open)")
        lines.append(text)
    return lines


def _day(stamp: str) -> str:
    """An ISO timestamp's day as the window writes dates ('15 Dec 2026'); the text if it is none."""
    try:
        return fmt.date(dt.date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp[:10]


def _commitment_line(c: Commitment, stages: dict[int, Stage]) -> str:
    """'3 Dec 2026: Shared decision criteria and process (Evaluating), Maria Keller: minutes'."""
    line = translate("DetailPanel", "{date}: {what}").format(date=fmt.date(c.committed_on), what=c.what)
    stage = stages.get(c.stage_id) if c.stage_id is not None else None
    if stage is not None:
        line += translate("DetailPanel", " ({stage})").format(stage=stage.name)
    if c.who:
        line += translate("DetailPanel", ", {who}").format(who=c.who)
    if c.evidence:
        line += translate("DetailPanel", ": {evidence}").format(evidence=c.evidence)
    return line


class DetailPanel(QScrollArea):
    """Shows one deal as stored in the plan; `show_opportunity(0)` clears it."""

    # The keys of `values` (tests use them); shown as translate("DetailPanel", name).
    FIELDS = (
        QT_TRANSLATE_NOOP("DetailPanel", "Title"),
        QT_TRANSLATE_NOOP("DetailPanel", "Account"),
        QT_TRANSLATE_NOOP("DetailPanel", "Stage"),
        QT_TRANSLATE_NOOP("DetailPanel", "Amount"),
        QT_TRANSLATE_NOOP("DetailPanel", "Probability"),
        QT_TRANSLATE_NOOP("DetailPanel", "Forecast category"),
        QT_TRANSLATE_NOOP("DetailPanel", "Close date"),
        QT_TRANSLATE_NOOP("DetailPanel", "Product"),
        QT_TRANSLATE_NOOP("DetailPanel", "Quantity"),
        QT_TRANSLATE_NOOP("DetailPanel", "Next step"),
        QT_TRANSLATE_NOOP("DetailPanel", "In stage since"),
        QT_TRANSLATE_NOOP("DetailPanel", "Created"),
        QT_TRANSLATE_NOOP("DetailPanel", "Warnings"),
        QT_TRANSLATE_NOOP("DetailPanel", "Snoozed"),
        QT_TRANSLATE_NOOP("DetailPanel", "Closed"),
    )

    def __init__(
        self,
        plan: PlanDB,
        parent: QWidget | None = None,
        *,
        status_of: Callable[[int], FunnelStatus | None] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.status_of = status_of
        self.today = today  # the window's clock
        self.opportunity_id = 0
        self._stale = False  # the deal changed while the panel was out of view
        self.setWidgetResizable(True)
        self.setAccessibleName(translate("DetailPanel", "Deal details"))
        self.setAccessibleDescription(
            translate(
                "DetailPanel",
                "The selected deal's fields, its customer commitments, its stage history and its"
                " close-date changes",
            )
        )
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.placeholder = _label(inner)
        self.placeholder.setText(translate("DetailPanel", "Select a deal on the board to see its details."))
        layout.addWidget(self.placeholder)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name in self.FIELDS:
            shown = translate("DetailPanel", name)
            value = _label(inner)
            value.setAccessibleName(shown)
            self.values[name] = value
            self.form.addRow(translate("DetailPanel", "{field}:").format(field=shown), value)
        layout.addLayout(self.form)
        # What the customer committed to, on any day: the evidence Stale and Premature read.
        self.commitments_title = _heading(translate("DetailPanel", "Customer commitments"), inner)
        self.commitments = _label(inner)
        self.commitments.setAccessibleName(translate("DetailPanel", "Customer commitments"))
        self.history_title = _heading(translate("DetailPanel", "Stage history"), inner)
        self.history = _label(inner)
        self.history.setAccessibleName(translate("DetailPanel", "Stage history"))
        self.slips_title = _heading(translate("DetailPanel", "Close-date changes"), inner)
        self.slips = _label(inner)
        self.slips.setAccessibleName(translate("DetailPanel", "Close-date changes"))
        # The manager's coaching notes (imported from a review): shown, never edited here.
        self.coaching_title = _heading(translate("DetailPanel", "Manager's coaching notes"), inner)
        self.coaching = _label(inner)
        self.coaching.setAccessibleName(translate("DetailPanel", "Manager's coaching notes"))
        # Everything that happened to the deal, oldest first (planner.timeline).
        self.timeline_title = _heading(translate("DetailPanel", "Timeline"), inner)
        self.timeline = _label(inner)
        self.timeline.setAccessibleName(translate("DetailPanel", "Timeline"))
        for widget in (
            self.commitments_title,
            self.commitments,
            self.history_title,
            self.history,
            self.slips_title,
            self.slips,
            self.coaching_title,
            self.coaching,
            self.timeline_title,
            self.timeline,
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
        return status_words(status, close, today)

    def show_opportunity(self, opportunity_id: int) -> None:
        """Load and show a deal (0, or a deal that no longer exists, clears the panel).

        Behind the Blue Sheet's tab the panel only notes which deal it shows and fills itself
        when it comes into view (`catch_up`): reading and laying out a deal nobody sees took
        3 ms of every move and edit of the selected deal."""
        opportunity = opportunity_repo.get_opportunity(self.plan, opportunity_id) if opportunity_id else None
        self.opportunity_id = opportunity.id if opportunity else 0
        self._stale = not in_view(self)
        if self._stale:
            return
        self._fill(opportunity)

    def catch_up(self, in_view: bool = True) -> None:
        """The panel came into view (its dock's tab chosen, the dock shown): show the deal now."""
        if in_view and self._stale:
            self._stale = False
            shown = self.opportunity_id
            self._fill(opportunity_repo.get_opportunity(self.plan, shown) if shown else None)

    def showEvent(self, event: QShowEvent) -> None:
        self.catch_up()
        super().showEvent(event)

    def _fill(self, opportunity: Opportunity | None) -> None:
        visible = opportunity is not None
        self.placeholder.setVisible(not visible)
        for widget in (
            self.commitments_title,
            self.commitments,
            self.history_title,
            self.history,
            self.slips_title,
            self.slips,
            self.coaching_title,
            self.coaching,
            self.timeline_title,
            self.timeline,
        ):
            widget.setVisible(visible)
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, visible)
        if opportunity is None:
            return
        # Here, not at the top: the window opens with no deal chosen (docs/architecture.md,
        # "Opening a plan and background work").
        from planner.close_reasons import describe
        from planner.timeline import load_timeline

        stages = {s.id: s for s in stage_repo.list_stages(self.plan)}
        stage = stages[opportunity.stage_id]
        account = (
            account_repo.get_account(self.plan, opportunity.account_id) if opportunity.account_id else None
        )
        today = self.today()
        in_stage = days_in_stage(opportunity.stage_entered, today)
        percent = probability(opportunity.probability_override, stage.probability)
        snoozed = is_snoozed(opportunity.snooze_until, today)
        step = next_step(activity_repo.list_actions(self.plan, opportunity.id), opportunity.next_step)
        values = {
            "Title": opportunity.title,
            "Account": account.name if account else translate("DetailPanel", "No account"),
            "Stage": translate("DetailPanel", "{stage} ({level})").format(
                stage=stage.name, level=stage.level.label
            ),
            "Amount": fmt.amount(opportunity.amount, opportunity.currency),
            "Probability": (
                translate("DetailPanel", "{percent} % (set by you)")
                if opportunity.probability_override is not None
                else translate("DetailPanel", "{percent} % (stage default)")
            ).format(percent=fmt.number(percent)),
            "Forecast category": opportunity.forecast_category.label
            if opportunity.forecast_category
            else translate("DetailPanel", "From the stage"),
            "Close date": fmt.date(opportunity.close_date),
            "Product": opportunity.product or "—",
            "Quantity": "—"
            if opportunity.quantity is None
            else QLocale().toString(float(opportunity.quantity), "g", 12),
            "Next step": fmt.next_step(step, today) if step is not None else "—",
            "In stage since": translate("DetailPanel", "{date} ({days})").format(
                date=fmt.date(opportunity.stage_entered), days=fmt.days(in_stage)
            )
            if in_stage is not None
            else "—",
            "Created": _day(opportunity.created),
            "Warnings": "\n".join(self._warnings(opportunity.id, stage.name, opportunity.close_date, today))
            or translate("DetailPanel", "None"),
            "Snoozed": translate("DetailPanel", "Until {date}: {reason}").format(
                date=fmt.date(opportunity.snooze_until), reason=opportunity.snooze_reason
            )
            if snoozed
            else translate("DetailPanel", "No"),
            "Closed": translate("DetailPanel", "{date}: {reason}").format(
                date=fmt.date(opportunity.closed_on),
                reason=describe(
                    opportunity.close_reason_code, opportunity.close_competitor, opportunity.close_reason
                ),
            )
            if opportunity.closed_on
            else translate("DetailPanel", "Open"),
        }
        for name, text in values.items():
            self.values[name].setText(text)
        # In italics, as on the card: a step only the CRM gave is not a planned action.
        font = self.values["Next step"].font()
        font.setItalic(step is not None and step.source == "crm")
        self.values["Next step"].setFont(font)
        self.commitments.setText(
            "\n".join(
                _commitment_line(c, stages) for c in evidence_repo.list_commitments(self.plan, opportunity.id)
            )
            or translate("DetailPanel", "None recorded yet.")
        )
        moves = []
        self.form.setRowVisible(self.FIELDS.index("Snoozed"), snoozed)
        for move in opportunity_repo.stage_history(self.plan, opportunity.id):
            source = stages[move.from_stage_id].name if move.from_stage_id in stages else "—"
            target = stages[move.to_stage_id].name if move.to_stage_id in stages else "?"
            line = translate("DetailPanel", "{date}: {source} → {target}").format(
                date=_day(move.moved_at), source=source, target=target
            )
            if move.commitment:
                line += translate("DetailPanel", "; customer: {commitment}").format(
                    commitment=move.commitment
                )
            if move.reason:
                line += f"; {shown_reason(move.reason)}"  # the planner's own reasons translated
            moves.append(line)
        self.history.setText("\n".join(moves) or translate("DetailPanel", "No moves yet."))
        changes = [
            (
                translate("DetailPanel", "{date}: {old} → {new} (slip)")
                if c.is_slip
                else translate("DetailPanel", "{date}: {old} → {new}")
            ).format(date=_day(c.changed_at), old=fmt.date(c.old_date), new=fmt.date(c.new_date))
            for c in opportunity_repo.close_date_history(self.plan, opportunity.id)
        ]
        self.slips.setText("\n".join(changes) or translate("DetailPanel", "The close date never changed."))
        # A note longer than a note may be (imported before notes files were held to the limit)
        # is shown in part: laying out megabytes of text froze the window at every selection.
        coaching = [
            translate("DetailPanel", "{date}: {note}").format(
                date=_day(note.created),
                note=note.body if len(note.body) <= MAX_NOTE else note.body[:MAX_NOTE] + "…",
            )
            for note in activity_repo.list_notes(self.plan, opportunity.id)
            if note.author == "manager"
        ]
        self.coaching.setText(
            "\n\n".join(_coaching_work(self.plan, opportunity.id) + coaching)
            or translate("DetailPanel", "None yet.")
        )
        entries = load_timeline(
            self.plan, opportunity.id, date_text=fmt.date, money_text=fmt.amount, deal=opportunity
        )
        self.timeline.setText(
            "\n".join(
                translate("DetailPanel", "{date}: {what}").format(date=fmt.date(e.day), what=e.text)
                for e in entries
            )
        )
