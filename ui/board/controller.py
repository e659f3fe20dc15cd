"""Keeps the column models in step with the plan: loads cards, applies change records."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from planner import board_order, coaching, funnel, red_flags
from planner.board_order import BoardOrder
from planner.funnel import FunnelStatus, StageRule
from planner.model import Card, Pipeline, Stage
from planner.money import CurrencySums, Totals
from planner.next_step import next_step
from planner.pipelines import BOARD_PIPELINE_KEY, board_columns, pipeline_name, pipeline_of_stage
from planner.stages import probability
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import pipelines as pipeline_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.board import (
    CurrencyTotals,
    account_names,
    filter_words,
    load_cards,
    load_column_totals,
    load_details,
    load_first_cards,
    load_ranks,
)
from planner.storage.db import PlanDB, PlanError
from ui import format as fmt
from ui.board.models import FACE_BATCH, CardFace, StageColumnModel

if TYPE_CHECKING:
    from planner.operations import Change  # the change records apply() reads

# A board not on screen reads the cards after its first screen this long after loading.
LOAD_REST_AFTER_MS = 1000


class BoardController(QObject):
    """The board's state: one StageColumnModel per open stage."""

    stages_reset = Signal()
    column_changed = Signal(int)  # stage id whose cards or totals changed
    # Around every change of the models (load, apply, filter): rows removed from a column move
    # its view's current index to a neighbour, which is not a choice the seller made. The board
    # ignores selection changes in between and shows the selected deal again after.
    change_started = Signal()
    change_finished = Signal()

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
        self.stages: list[Stage] = []
        self.columns: list[Stage] = []
        self.pipelines: list[Pipeline] = []
        # The pipeline the board shows, None for all (remembered in the plan's settings).
        self.pipeline_id: int | None = None
        # The seller's choice in this session (a one-tuple), which outlives a plan that cannot be written.
        self._chosen: tuple[int | None] | None = None
        self.rules: dict[int, StageRule] = {}
        self.models: dict[int, StageColumnModel] = {}
        # One dict shared with every model, updated in place when accounts change.
        self.accounts: dict[int, str] = {}
        # Deal id -> product and people's names, for the filter: read at its first keystroke.
        self.words: dict[int, str] = {}
        self._words_read = False
        self._stage_of_cache: dict[int, int] | None = None
        self._filter = ""
        self.base_currency = "EUR"
        self.rates: dict[str, float] = {}
        # Set by the window: asked to move a dropped card (deal id, target stage id).
        self.drop_handler: Callable[[int, int], bool] | None = None
        # Set by the window: asked to place a card dropped within its column (own order only).
        self.place_handler: Callable[[int, int | None], bool] | None = None
        # The columns' order (the plan's setting) and what orders other than the default read:
        # red-flag counts and the seller's ranks by deal id, updated in place by apply().
        self.order = BoardOrder.CLOSE_DATE
        self.flag_counts: dict[int, int] = {}
        self.ranks: dict[int, int] = {}
        self._changing = 0

    @contextlib.contextmanager
    def changing(self) -> Iterator[None]:
        """Bracket a change of the models with change_started / change_finished (nestable)."""
        self._changing += 1
        if self._changing == 1:
            self.change_started.emit()
        try:
            yield
        finally:
            self._changing -= 1
            if self._changing == 0:
                self.change_finished.emit()

    def load(self, first_screen: int = 0) -> None:
        """(Re)load stages, settings and every open card from the plan.

        With `first_screen`, each column gets only its first cards and SQLite's totals now, and
        the rest right after the next paint: at 100,000 deals the board paints in a tenth of the
        time. Anything but painting those first cards reads the rest first (StageColumnModel).
        """
        with self.changing():
            self._load(first_screen)

    def _load(self, first_screen: int) -> None:
        self.stages = stage_repo.list_stages(self.plan)
        self.pipelines = pipeline_repo.list_pipelines(self.plan)
        chosen = self._chosen[0] if self._chosen else settings_repo.get_setting(self.plan, BOARD_PIPELINE_KEY)
        known = {p.id for p in self.pipelines}
        self.pipeline_id = chosen if isinstance(chosen, int) and chosen in known else None
        self.columns = board_columns(self.stages, self.pipelines, self.pipeline_id)
        self.rules = funnel.stage_rules(self.stages)
        self.base_currency = settings_repo.get_setting(self.plan, "base_currency", "EUR")
        self.rates = dict(settings_repo.get_setting(self.plan, "rates", {}))
        self.order = BoardOrder.parse(settings_repo.get_setting(self.plan, board_order.SETTING))
        self.accounts.clear()
        self.accounts.update(account_names(self.plan))
        self._words_read = False
        self._stage_of_cache = None  # built on first use: 40 ms at 100,000 cards
        self._prepare_models()
        # Only the default order is the index's: another one sorts every card, read first.
        if first_screen and not self._filter and self.order is BoardOrder.CLOSE_DATE:
            self._load_first_screen(first_screen)
        else:
            self._load_cards()
        self.stages_reset.emit()

    def set_pipeline(self, pipeline_id: int | None) -> None:
        """Show one pipeline (None: all) and remember the choice in the plan when it can be written."""
        if pipeline_id == self.pipeline_id:
            return
        self._chosen = (pipeline_id,)
        with contextlib.suppress(PlanError):  # a read-only plan switches for this session only
            settings_repo.set_setting(self.plan, BOARD_PIPELINE_KEY, pipeline_id)
        self.load()

    def column_title(self, stage: Stage) -> str:
        """A column's heading: the stage, and its pipeline when the board shows several."""
        if self.pipeline_id is not None or len(self.pipelines) < 2:
            return stage.name
        return f"{stage.name} · {pipeline_name(stage, self.pipelines)}"

    def _load_cards(self) -> None:
        self._read_order_data(None)
        by_stage: dict[int, list[Card]] = {s.id: [] for s in self.columns}
        # Index 1 is Card.stage_id: the tuple index, not the property, in a loop over every
        # open deal (13 ms instead of 27 at 100,000). load_cards returns open stages' deals only.
        for card in load_cards(self.plan):
            by_stage.setdefault(card[1], []).append(card)
        for stage in self.columns:
            model = self.models[stage.id]
            model.set_cards(by_stage[stage.id])
            if self._filter:
                model.set_filter(self._filter)
        # Fold the filter keys once the event loop is idle, not on the seller's first keystroke
        # (which would wait 40 ms per 100,000 cards for it).
        QTimer.singleShot(0, self, self.prepare_filter)

    def _load_first_screen(self, count: int) -> None:
        first = load_first_cards(self.plan, [s.id for s in self.columns], count)
        totals: dict[int, list[CurrencyTotals]] = {s.id: [] for s in self.columns}
        for row in load_column_totals(self.plan):
            totals.setdefault(row.stage_id, []).append(row)
        for stage in self.columns:
            sums = CurrencySums.of_totals(totals[stage.id], stage.probability)
            model = self.models[stage.id]
            model.load_all = self.load_rest
            model.set_first_cards(first[stage.id], sums.count, sums)
        # The board view asks for the rest as soon as it has painted (BoardWidget.eventFilter);
        # this is for a board that is not shown (anything else reads the rest when it needs it).
        QTimer.singleShot(LOAD_REST_AFTER_MS, self, self.load_rest)

    def load_rest(self) -> None:
        """Read the cards the first screen left out (nothing when every column is complete)."""
        if self.plan.closed or all(model.complete for model in self.models.values()):
            return
        with self.changing():
            self._stage_of_cache = None
            self._load_cards()
            for stage_id in self.models:
                self.column_changed.emit(stage_id)

    def _prepare_models(self) -> None:
        """One model per open stage: kept where the stage stays, made for new ones, dropped for
        stages that closed or went."""
        old = self.models
        self.models = {}
        for stage in self.columns:
            model = old.pop(stage.id, None)
            if model is None:
                model = StageColumnModel(
                    stage.id,
                    self,
                    accounts=self.accounts,
                    words=self.words,
                    face_of=self.faces,
                    drop_handler=self._on_model_drop,
                )
            model.default_probability = stage.probability  # before set_cards: it sums the column
            model.place_handler = self._on_model_place if self.order is BoardOrder.OWN else None
            # Set before the cards, which are then sorted by it (set_cards).
            model.order = self._sort_key(stage)
            self.models[stage.id] = model
        for model in old.values():
            model.deleteLater()

    def _sort_key(self, stage: Stage) -> board_order.SortKey:
        return board_order.sort_key(
            self.order,
            default_probability=stage.probability,
            base_currency=self.base_currency,
            rates=self.rates,
            flags=self.flag_counts,
            ranks=self.ranks,
        )

    def _read_order_data(self, opportunity_ids: list[int] | None) -> None:
        """Read what the order needs besides the cards: of every deal, or of some (after an edit)."""
        if opportunity_ids is None:
            self.flag_counts.clear()
            self.ranks.clear()
        else:
            for opportunity_id in opportunity_ids:
                self.flag_counts.pop(opportunity_id, None)
                self.ranks.pop(opportunity_id, None)
        if self.order in board_order.NEEDS_FLAGS:
            flags = red_flags.evaluate_plan(self.plan, self.today(), opportunity_ids)
            self.flag_counts.update(
                (deal, sum(1 for flag in found if not flag.is_strength)) for deal, found in flags.items()
            )
        if self.order in board_order.NEEDS_RANKS:
            self.ranks.update(load_ranks(self.plan, opportunity_ids))

    def set_order(self, order: BoardOrder) -> None:
        """Order every column by `order`, and remember it in the plan (not undoable: a view choice)."""
        if order is self.order:
            return
        if not self.plan.read_only:
            settings_repo.set_setting(self.plan, board_order.SETTING, order.value)
        with self.changing():
            self.order = order
            self._read_order_data(None)
            for stage in self.columns:
                model = self.models[stage.id]
                model.place_handler = self._on_model_place if order is BoardOrder.OWN else None
                model.set_order(self._sort_key(stage))
                self.column_changed.emit(stage.id)

    def _on_model_place(self, opportunity_id: int, before: int | None) -> bool:
        return self.place_handler(opportunity_id, before) if self.place_handler else False

    def apply(self, change: Change) -> None:
        """Refresh only what an operation changed."""
        with self.changing():
            self._apply(change)

    def _apply(self, change: Change) -> None:
        if change.stages_changed or change.settings_changed:
            self.load()
            return
        if change.accounts_changed:
            self.accounts.clear()
            self.accounts.update(account_names(self.plan))
            for model in self.models.values():
                model.refresh_faces()
        touched: set[int] = set()
        for opportunity_id in change.removed_opportunities | change.opportunities:
            stage_id = self._stage_of.pop(opportunity_id, None)
            if stage_id is not None and stage_id in self.models:
                self.models[stage_id].remove(opportunity_id)
                touched.add(stage_id)
        reread = set(change.opportunities)
        if change.opportunities and self.order in board_order.NEEDS_FLAGS:
            # Other deals' red flags follow plan-wide figures (a won or reopened deal changes the
            # normal sales cycle): every card is rated again, and those whose count changed move.
            fresh = {
                deal: sum(1 for flag in found if not flag.is_strength)
                for deal, found in red_flags.evaluate_plan(self.plan, self.today(), None).items()
            }
            for deal, stage_id in list(self._stage_of.items()):
                if deal not in reread and fresh.get(deal, 0) != self.flag_counts.get(deal, 0):
                    self.models[stage_id].remove(deal)  # by its old key, before the counts change
                    touched.add(stage_id)
                    reread.add(deal)
            self.flag_counts.clear()
            self.flag_counts.update(fresh)
        if change.opportunities and self.order in board_order.NEEDS_RANKS:
            # After the removals above (which found the cards by their old keys).
            self._read_order_data(sorted(change.opportunities))
        if change.opportunities and self._words_read:
            # A renamed person or product, an influence added or removed: the filter follows.
            self.words.update(filter_words(self.plan, sorted(change.opportunities)))
        if reread:
            for card in load_cards(self.plan, sorted(reread)):
                target = self.models.get(card.stage_id)
                if target is None:
                    continue
                target.upsert(card)
                self._stage_of[card.id] = card.stage_id
                touched.add(card.stage_id)
        for stage_id in touched:
            self.column_changed.emit(stage_id)

    def prepare_filter(self) -> None:
        """Fold the filter keys ahead of the first keystroke (called once the cards are read)."""
        self._read_words()
        for model in self.models.values():
            model.prepare_filter()

    def _read_words(self) -> None:
        # Products and people are read when the filter first needs them: the board paints
        # without them (0.3 s at 100,000 deals). A closed window's late timer reads nothing.
        if self._words_read or self.plan.closed:
            return
        self.words.clear()
        self.words.update(filter_words(self.plan))
        self._words_read = True
        for model in self.models.values():
            model.forget_keys()

    def set_filter(self, text: str) -> None:
        """Filter every column by title, account, product or the names of the deal's people."""
        self._filter = text.strip()
        if self._filter:
            self._read_words()
        # When the change is finished, the board makes the faces of the cards the filter brings
        # into view, in one query and one rule-engine pass for every column (BoardWidget).
        with self.changing():
            for stage_id, model in self.models.items():
                model.set_filter(self._filter)
                self.column_changed.emit(stage_id)

    def prefetch_faces(self, per_column: int = FACE_BATCH, rows: Mapping[int, range] | None = None) -> None:
        """Make the faces of every column's top cards (or of the `rows` each column shows, by
        stage id) in one pass before the board paints: one query and one rule-engine pass
        instead of one per column and screen (10 ms less at start-up)."""
        if rows is None:
            wanted = {
                stage_id: model.top_without_faces(per_column) for stage_id, model in self.models.items()
            }
        else:
            wanted = {
                stage_id: self.models[stage_id].without_faces(shown.start, shown.stop)
                for stage_id, shown in rows.items()
                if stage_id in self.models
            }
        if not any(wanted.values()):
            return  # every top card has its face (a narrowing keystroke mostly keeps them)
        made = iter(self.faces([card for cards in wanted.values() for card in cards]))
        for stage_id, cards in wanted.items():
            self.models[stage_id].keep_faces([next(made) for _ in cards])

    def face(self, card: Card) -> CardFace:
        """What a card shows, with its badges from the one implementation in planner.funnel."""
        return self.faces([card])[0]

    def faces(self, cards: list[Card]) -> list[CardFace]:
        """The faces of several cards: one query and one rule-engine pass for the lot."""
        today = self.today()
        ids = [card.id for card in cards]
        details = load_details(self.plan, ids)
        actions = activity_repo.actions_of(self.plan, ids)
        flags = red_flags.evaluate_plan(self.plan, today, ids)
        verdicts = coaching.verdicts(self.plan, ids)
        result = []
        for card in cards:
            timing = funnel.timing_of(card, details[card.id])
            face = CardFace(
                card=card,
                account=self.accounts.get(card.account_id or 0, ""),
                close_date=timing.close_date,
                stage_entered=timing.stage_entered,
                next_step=next_step(actions.get(card.id, ()), details[card.id].crm_next_step),
                status=funnel.status(timing, self.rules[card.stage_id], today),
                red_flags=tuple(f.reason for f in flags.get(card.id, []) if not f.is_strength),
                sentence="",
                last_commitment=(details[card.id].last_what, timing.last_commitment)
                if timing.last_commitment is not None
                else None,
                verdict=verdicts.get(card.id),
            )
            result.append(dataclasses.replace(face, sentence=fmt.card_sentence(face, today)))
        return result

    def status(self, card: Card) -> FunnelStatus:
        """The funnel badges of a card."""
        model = self.models.get(card.stage_id)
        found = model.status(card) if model is not None else None
        return found if found is not None else self.face(card).status

    def status_of_id(self, opportunity_id: int) -> FunnelStatus | None:
        """The badges of an open deal by id (None for closed or unknown deals)."""
        stage_id = self._stage_of.get(opportunity_id)
        card = self.models[stage_id].card(opportunity_id) if stage_id in self.models else None
        return self.status(card) if card is not None else None

    def show_pipeline_of(self, opportunity_id: int) -> None:
        """Show the pipeline of an open deal the board does not show (it shows another one)."""
        if self.pipeline_id is None or self.stage_of(opportunity_id) is not None:
            return
        deal = opportunity_repo.get_opportunity(self.plan, opportunity_id)
        stage = self.stage(deal.stage_id) if deal is not None else None
        first = self.pipelines[0].id if self.pipelines else 0
        wanted = pipeline_of_stage(stage, first) if stage is not None else None
        if wanted is not None:
            self.set_pipeline(wanted)

    def stage(self, stage_id: int) -> Stage | None:
        """A stage by id (retired ones included)."""
        return next((s for s in self.stages if s.id == stage_id), None)

    def probability(self, card: Card) -> int:
        """The card's probability: the seller's override, else its stage's default."""
        stage = self.stage(card.stage_id)
        return probability(card.probability_override, stage.probability if stage else 0)

    def _on_model_drop(self, opportunity_id: int, stage_id: int) -> bool:
        return self.drop_handler(opportunity_id, stage_id) if self.drop_handler else False

    def stage_of(self, opportunity_id: int) -> int | None:
        """The stage whose column shows a card, or None (closed or unknown)."""
        return self._stage_of.get(opportunity_id)

    @property
    def _stage_of(self) -> dict[int, int]:
        if self._stage_of_cache is None:
            self._stage_of_cache = {
                card.id: stage_id for stage_id, model in self.models.items() for card in model.cards
            }
        return self._stage_of_cache

    def totals(self, stage_id: int) -> Totals:
        """Count, sum and weighted sum of the visible cards of a column."""
        return self.models[stage_id].sums.totals(self.base_currency, self.rates)
