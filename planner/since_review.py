"""What changed in a plan since the last review: the one-to-one pack's "since the last review".

Decided here (docs/one-to-one.md says the same, and tests hold it):
- `since` is a day, and it is included: a change stamped on that day or later counts. The last
  review is the day the last pack was exported from the window, so edits made later that day
  are not lost (edits made earlier that day are listed again, the lesser harm).
- The whole plan, whatever the pack's scope: a won deal is not in an "all open deals" pack but
  belongs in its review. A deal added since is listed as added only (with the stage it reached),
  a deal closed since as won, lost or walked away only: neither is also "advanced" or "pushed".
- Advanced and moved back compare the stage a deal was in on `since` (where its first move since
  then left from) with its stage now: a deal moved forward and back again is in neither list.
  Pushed compares the close date it had on `since` with today's: pulled in is not pushed. The
  amount likewise (amount history is kept since migration 0010).
- The plan keeps no history of forecast categories or red flags. Each pack the window exports
  is remembered (`record_review`) with every open deal's category and red flags; changes are
  found against the newest pack exported on or before `since`. Without one, categories are
  compared with the newest weekly funnel snapshot on or before `since`, and red flags are not
  known (the page says so). A flag is "the same" when its rule and the record it points to are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from planner.forecast import effective_category
from planner.model import ForecastCategory, FunnelLevel, Stage
from planner.red_flags import evaluate_plan, rule_label
from planner.storage import funnel_snapshots as snapshot_repo
from planner.storage import review_marks as mark_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from planner.storage.review_marks import DealNow, MarkedDeal, MarkedFlag


@dataclass(frozen=True, slots=True)
class DealRef:
    """A deal as the lists name it (as it stands today)."""

    id: int
    title: str
    account: str
    stage: str
    amount: float | None
    currency: str


@dataclass(frozen=True, slots=True)
class Added:
    """A deal created on or after `since`, or reopened since (it was closed then)."""

    deal: DealRef
    reopened: bool


@dataclass(frozen=True, slots=True)
class StageChange:
    """A deal's stage on `since` and now; `commitments`: what the customer committed to on the
    forward moves since (the moves' commitments, oldest first)."""

    deal: DealRef
    from_stage: str
    to_stage: str
    commitments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pushed:
    """A close date later now than on `since` (`new` None: the date was taken away)."""

    deal: DealRef
    old: dt.date
    new: dt.date | None


@dataclass(frozen=True, slots=True)
class AmountChange:
    """A deal's amount on `since` and now."""

    deal: DealRef
    old_amount: float | None
    old_currency: str
    new_amount: float | None
    new_currency: str


@dataclass(frozen=True, slots=True)
class CategoryChange:
    """A deal's effective forecast category then (the baseline's) and now."""

    deal: DealRef
    old: ForecastCategory
    new: ForecastCategory


@dataclass(frozen=True, slots=True)
class Closed:
    """A deal won, lost or walked away from on or after `since`, with its reason as stored: the
    seller's note, the reason's code from the plan's list and the competitor (planner.close_reasons)."""

    deal: DealRef
    closed_on: dt.date | None
    reason: str
    reason_code: str = ""
    competitor: str = ""


@dataclass(frozen=True, slots=True)
class FlagChange:
    """A red flag raised or resolved: its rule, the rule's name and the flag's sentence."""

    deal: DealRef
    rule: str
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class SinceReview:
    """Every change since a day, each list ordered by deal title.

    `review_on`: the day of the remembered pack that categories and red flags were compared with
    (None: no pack on or before `since`); `snapshot_on`: the funnel snapshot categories were
    compared with instead (None when a pack was, or when neither exists). `flags_known` is False
    without a pack: `flags_raised` and `flags_resolved` are then empty because they are unknown.
    """

    since: dt.date
    today: dt.date
    added: tuple[Added, ...]
    advanced: tuple[StageChange, ...]
    moved_back: tuple[StageChange, ...]
    pushed: tuple[Pushed, ...]
    amounts: tuple[AmountChange, ...]
    categories: tuple[CategoryChange, ...]
    won: tuple[Closed, ...]
    lost: tuple[Closed, ...]
    walked_away: tuple[Closed, ...]
    flags_raised: tuple[FlagChange, ...]
    flags_resolved: tuple[FlagChange, ...]
    review_on: dt.date | None
    snapshot_on: dt.date | None

    @property
    def flags_known(self) -> bool:
        return self.review_on is not None

    @property
    def categories_known(self) -> bool:
        return self.review_on is not None or self.snapshot_on is not None

    @property
    def empty(self) -> bool:
        """Nothing changed (as far as is known)."""
        return not any(
            (
                self.added,
                self.advanced,
                self.moved_back,
                self.pushed,
                self.amounts,
                self.categories,
                self.won,
                self.lost,
                self.walked_away,
                self.flags_raised,
                self.flags_resolved,
            )
        )


FlagKey = tuple[str, str, int]


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _ref(deal: DealNow, stages: Mapping[int, Stage]) -> DealRef:
    stage = stages.get(deal.stage_id)
    return DealRef(deal.id, deal.title, deal.account, stage.name if stage else "", deal.amount, deal.currency)


def _category(deal: DealNow, level: FunnelLevel) -> ForecastCategory:
    try:
        chosen = ForecastCategory(deal.forecast_category) if deal.forecast_category else None
    except ValueError:  # a value an old or hand-edited file holds
        chosen = None
    return effective_category(level, chosen)


_Listed = TypeVar("_Listed", Added, StageChange, Pushed, AmountChange, CategoryChange, Closed, FlagChange)


def _by_title(items: list[_Listed]) -> tuple[_Listed, ...]:
    return tuple(sorted(items, key=lambda item: (item.deal.title.casefold(), item.deal.id)))


def changes_since(plan: PlanDB, since: dt.date, today: dt.date) -> SinceReview:
    """Every change of the plan on `since` or later, up to `today` (see the module's decisions)."""
    stages = {s.id: s for s in stage_repo.list_stages(plan)}
    deals = {d.id: d for d in mark_repo.deals_now(plan)}
    refs = {i: _ref(d, stages) for i, d in deals.items()}
    first = since.isoformat()

    def level(stage_id: int | None) -> FunnelLevel | None:
        stage = stages.get(stage_id) if stage_id is not None else None
        return stage.level if stage else None

    def is_open(deal: DealNow) -> bool:
        found = level(deal.stage_id)
        return found is not None and not found.is_closed

    # Closed since: won, lost, walked away (by the day they closed).
    closed: dict[FunnelLevel, list[Closed]] = {lv: [] for lv in FunnelLevel if lv.is_closed}
    closed_since: set[int] = set()
    for deal in deals.values():
        found = level(deal.stage_id)
        if found is not None and found.is_closed and deal.closed_on and deal.closed_on[:10] >= first:
            closed[found].append(
                Closed(
                    refs[deal.id],
                    _day(deal.closed_on),
                    deal.close_reason,
                    deal.close_reason_code,
                    deal.close_competitor,
                )
            )
            closed_since.add(deal.id)

    # Stage moves since: where each deal stood on `since` is where its first move left from.
    moves = mark_repo.moves_since(plan, since)
    stood: dict[int, int | None] = {}
    commitments: dict[int, list[str]] = {}
    for move in moves:
        stood.setdefault(move.opportunity_id, move.from_stage_id)
        before, after = stages.get(move.from_stage_id or -1), stages.get(move.to_stage_id)
        if move.commitment.strip() and (before is None or after is None or after.position > before.position):
            commitments.setdefault(move.opportunity_id, []).append(move.commitment)

    added: list[Added] = []
    new: set[int] = set()
    for deal in deals.values():
        if not is_open(deal) and deal.id not in closed_since:
            continue
        if deal.created[:10] >= first:
            added.append(Added(refs[deal.id], reopened=False))
            new.add(deal.id)
        elif deal.id in stood and is_open(deal):
            then = level(stood[deal.id])
            if then is not None and then.is_closed:
                added.append(Added(refs[deal.id], reopened=True))
                new.add(deal.id)

    # Only deals open now that were there on `since` can have moved, slipped or changed.
    followed = {i: d for i, d in deals.items() if is_open(d) and i not in new}
    advanced: list[StageChange] = []
    moved_back: list[StageChange] = []
    for deal_id, from_id in stood.items():
        stays = followed.get(deal_id)
        if stays is None or from_id is None:
            continue
        before, now = stages.get(from_id), stages.get(stays.stage_id)
        if before is None or now is None or before.position == now.position:
            continue
        change = StageChange(refs[deal_id], before.name, now.name, tuple(commitments.get(deal_id, ())))
        (advanced if now.position > before.position else moved_back).append(change)

    pushed: list[Pushed] = []
    old_dates: dict[int, str | None] = {}
    for moved in mark_repo.close_dates_since(plan, since):
        old_dates.setdefault(moved.opportunity_id, moved.old_date)
    for deal_id, old_text in old_dates.items():
        stays = followed.get(deal_id)
        old = _day(old_text)
        if stays is None or old is None:
            continue
        new_date = _day(stays.close_date)
        if new_date is None or new_date > old:
            pushed.append(Pushed(refs[deal_id], old, new_date))

    amounts: list[AmountChange] = []
    old_amounts: dict[int, tuple[float | None, str]] = {}
    for amount in mark_repo.amounts_since(plan, since):
        old_amounts.setdefault(amount.opportunity_id, (amount.old_amount, amount.old_currency))
    for deal_id, (old_amount, old_currency) in old_amounts.items():
        stays = followed.get(deal_id)
        if stays is None:
            continue
        old_currency = old_currency or stays.currency
        if (old_amount, old_currency) != (stays.amount, stays.currency):
            amounts.append(
                AmountChange(refs[deal_id], old_amount, old_currency, stays.amount, stays.currency)
            )

    # Categories and red flags: against the newest pack on or before `since` (else a snapshot).
    mark = mark_repo.latest_review(plan, since)
    marked: dict[int, MarkedDeal] = mark_repo.load_review_deals(plan, mark.id) if mark else {}
    then_categories: dict[int, str] = {i: d.forecast_category for i, d in marked.items()}
    snapshot_on = None
    if mark is None:
        snapshot = snapshot_repo.latest_on_or_before(plan, since)
        if snapshot is not None:
            snapshot_on = snapshot.taken_on
            then_categories = {
                d.opportunity_id: d.forecast_category
                for d in snapshot_repo.load_snapshot_deals(plan, snapshot.id)
            }
    categories: list[CategoryChange] = []
    for deal_id, deal in followed.items():
        then_text = then_categories.get(deal_id)
        found = level(deal.stage_id)
        if then_text is None or found is None:
            continue
        try:
            old_category = ForecastCategory(then_text)
        except ValueError:
            continue
        now_category = _category(deal, found)
        if now_category is not old_category:
            categories.append(CategoryChange(refs[deal_id], old_category, now_category))

    raised: list[FlagChange] = []
    resolved: list[FlagChange] = []
    if mark is not None:
        flags_now = evaluate_plan(plan, today)  # every open deal
        for deal_id, flags in flags_now.items():
            if deal_id not in refs:
                continue
            showed: dict[FlagKey, MarkedFlag] = {
                (f.rule, f.ref_kind, f.ref_id): f
                for f in (marked[deal_id].red_flags if deal_id in marked else ())
            }
            current = {(f.rule, f.ref.kind, f.ref.id): f for f in flags if not f.is_strength}
            raised += [
                FlagChange(refs[deal_id], f.rule, rule_label(f.rule), f.reason)
                for key, f in current.items()
                if key not in showed
            ]
            resolved += [
                FlagChange(refs[deal_id], f.rule, rule_label(f.rule), f.reason)
                for key, f in showed.items()
                if key not in current
            ]

    return SinceReview(
        since=since,
        today=today,
        added=_by_title(added),
        advanced=_by_title(advanced),
        moved_back=_by_title(moved_back),
        pushed=_by_title(pushed),
        amounts=_by_title(amounts),
        categories=_by_title(categories),
        won=_by_title(closed[FunnelLevel.WON]),
        lost=_by_title(closed[FunnelLevel.LOST]),
        walked_away=_by_title(closed[FunnelLevel.WALKED_AWAY]),
        flags_raised=_by_title(raised),
        flags_resolved=_by_title(resolved),
        review_on=mark.exported_on if mark else None,
        snapshot_on=snapshot_on,
    )


def last_review_day(plan: PlanDB) -> dt.date | None:
    """The day the last pack was exported from the window (None: never)."""
    mark = mark_repo.latest_review(plan)
    return mark.exported_on if mark else None


def record_review(plan: PlanDB, today: dt.date) -> int:
    """Remember that a pack was exported today, with every open deal's forecast category and red
    flags, for the next pack's "since the last review"; the review's id."""
    stages = {s.id: s for s in stage_repo.list_stages(plan)}
    flags = evaluate_plan(plan, today)
    rows: list[MarkedDeal] = []
    for deal in mark_repo.deals_now(plan):
        stage = stages.get(deal.stage_id)
        if stage is None or stage.level.is_closed:
            continue
        rows.append(
            MarkedDeal(
                deal.id,
                deal.title,
                _category(deal, stage.level).value,
                tuple(
                    MarkedFlag(f.rule, f.ref.kind, f.ref.id, f.reason)
                    for f in flags.get(deal.id, ())
                    if not f.is_strength
                ),
            )
        )
    return mark_repo.record_review(plan, today, rows)
