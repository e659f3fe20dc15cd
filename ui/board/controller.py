"""Keeps the column models in step with the plan: loads cards, applies change records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from planner.funnel import FunnelStatus, StageRule, stage_rules, status
from planner.model import Card, Stage
from planner.money import Totals, totals
from planner.operations import Change
from planner.stages import open_stages
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.board import load_cards
from planner.storage.db import PlanDB
from ui.board.models import StageColumnModel


class BoardController(QObject):
    """The board's state: one StageColumnModel per open stage."""

    stages_reset = Signal()
    column_changed = Signal(int)  # stage id whose cards or totals changed

    def __init__(
        self,
        plan: PlanDB,
        parent: QObject | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.today = today
        self.rules: dict[int, StageRule] = {}
        # Set by the window: asked to move a dropped card (deal id, target stage id).
        self.drop_handler: Callable[[int, int], bool] | None = None
        self.stages: list[Stage] = []
        self.columns: list[Stage] = []
        self.models: dict[int, StageColumnModel] = {}
        self._stage_of: dict[int, int] = {}
        self._filter = ""
        self.base_currency = "EUR"
        self.rates: dict[str, float] = {}

    def load(self) -> None:
        """(Re)load stages, settings and every open card from the plan."""
        self.stages = stage_repo.list_stages(self.plan)
        self.columns = open_stages(self.stages)
        self.rules = stage_rules(self.stages)
        self.base_currency = settings_repo.get_setting(self.plan, "base_currency", "EUR")
        self.rates = dict(settings_repo.get_setting(self.plan, "rates", {}))
        by_stage: dict[int, list[Card]] = {s.id: [] for s in self.columns}
        self._stage_of = {}
        for card in load_cards(self.plan):
            by_stage.setdefault(card.stage_id, []).append(card)
            self._stage_of[card.id] = card.stage_id
        old = self.models
        self.models = {}
        for stage in self.columns:
            model = old.pop(stage.id, None) or StageColumnModel(
                stage.id, self, status_of=self.status, drop_handler=self._on_model_drop
            )
            model.set_cards(by_stage[stage.id])
            if self._filter:
                model.set_filter(self._filter)
            self.models[stage.id] = model
        for model in old.values():
            model.deleteLater()
        self.stages_reset.emit()

    def apply(self, change: Change) -> None:
        """Refresh only what an operation changed."""
        if change.stages_changed:
            self.load()
            return
        touched: set[int] = set()
        for opportunity_id in change.removed_opportunities | change.opportunities:
            stage_id = self._stage_of.pop(opportunity_id, None)
            if stage_id is not None and stage_id in self.models:
                self.models[stage_id].remove(opportunity_id)
                touched.add(stage_id)
        if change.opportunities:
            for card in load_cards(self.plan, sorted(change.opportunities)):
                model = self.models.get(card.stage_id)
                if model is None:
                    continue
                model.upsert(card)
                self._stage_of[card.id] = card.stage_id
                touched.add(card.stage_id)
        for stage_id in touched:
            self.column_changed.emit(stage_id)

    def set_filter(self, text: str) -> None:
        """Filter every column by title or account."""
        self._filter = text.strip()
        for stage_id, model in self.models.items():
            model.set_filter(self._filter)
            self.column_changed.emit(stage_id)

    def status(self, card: Card) -> FunnelStatus:
        """The funnel badges of a card, by the one implementation in planner.funnel."""
        return status(card, self.rules[card.stage_id], self.today())

    def status_of_id(self, opportunity_id: int) -> FunnelStatus | None:
        """The badges of an open deal by id (None for closed or unknown deals)."""
        cards = load_cards(self.plan, [opportunity_id])
        return self.status(cards[0]) if cards else None

    def stage(self, stage_id: int) -> Stage | None:
        """A stage by id (retired ones included)."""
        return next((s for s in self.stages if s.id == stage_id), None)

    def _on_model_drop(self, opportunity_id: int, stage_id: int) -> bool:
        return self.drop_handler(opportunity_id, stage_id) if self.drop_handler else False

    def stage_of(self, opportunity_id: int) -> int | None:
        """The stage whose column shows a card, or None (closed or unknown)."""
        return self._stage_of.get(opportunity_id)

    def totals(self, stage_id: int) -> Totals:
        """Count, sum and weighted sum of the visible cards of a column."""
        cards = self.models[stage_id].visible_cards
        return totals(((c.amount, c.currency, c.probability) for c in cards), self.base_currency, self.rates)
