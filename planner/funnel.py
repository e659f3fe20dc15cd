"""Funnel rules: stale, slipping, overdue and premature deals, and the direction of a move.

The one implementation: the board's badges, the red-flag engine, exports and the command line
all ask these functions. Evidence is the deal's commitment records (planner.storage.evidence):
the latest of any kind ends Stale; the checklist ones, matched by stage and text, end Premature.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple, cast

from planner.i18n import plural, translate
from planner.model import Card, CardDetails, Opportunity, Stage, StatusColumns
from planner.stages import open_stages
from planner.templates import Template, compile_template

# Moving the close date later this many times makes a deal "slipping" (docs/method.md).
SLIPPING_AFTER = 2


class EntryItem(NamedTuple):
    """One commitment a deal needs on record to sit in a stage (an exit of a stage before it)."""

    key: str  # the text as matching compares it (`checklist_key`)
    text: str  # as the stage settings write it
    stage_id: int  # the stage whose checklist it is on
    # The stages whose records of this text count for it: its own, and earlier ones a record
    # made before each item had its own names (a move recorded the stage the deal left).
    counted_from: frozenset[int]


# A recorded checklist commitment as the rules read it: (stage id, what the customer did).
Recorded = tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class StageRule:
    """What the rules need to know of a stage, precomputed once per board load."""

    position: int
    stale_after_days: int | None
    entry: tuple[EntryItem, ...] = ()  # the commitments that enter it (none: never premature)


class DealTiming(NamedTuple):
    """The dated evidence of one open deal."""

    close_date: dt.date | None
    stage_entered: dt.date | None
    created: dt.date | None
    last_commitment: dt.date | None  # the latest commitment of any kind
    recorded: Recorded  # the checklist commitments on record
    snooze_until: dt.date | None
    slips: int


class FunnelStatus(NamedTuple):
    """The badges of one card (a NamedTuple: 100,000 of them are built in one pass)."""

    stale_days: int | None  # days without a customer commitment, when over the stage limit
    stale_limit: int | None
    slips: int
    overdue: bool
    premature: bool
    snoozed: bool
    missing: tuple[str, ...] = ()  # the entry commitments never recorded (premature: not empty)

    @property
    def stale(self) -> bool:
        return self.stale_days is not None

    @property
    def slipping(self) -> bool:
        return self.slips >= SLIPPING_AFTER


def timing_of(card: Card, details: CardDetails) -> DealTiming:
    """A board card and its details as the rules read them."""
    return DealTiming(
        close_date=dt.date.fromisoformat(card.close_date) if card.close_date else None,
        stage_entered=dt.date.fromisoformat(card.stage_entered) if card.stage_entered else None,
        created=details.created,
        last_commitment=details.last_commitment,
        recorded=details.recorded,
        snooze_until=details.snooze_until,
        slips=details.slips,
    )


def timing_from(opportunity: Opportunity, details: CardDetails) -> DealTiming:
    """An opportunity and its details as the rules read them (Blue Sheet, exports, red flags)."""
    return DealTiming(
        close_date=opportunity.close_date,
        stage_entered=opportunity.stage_entered,
        created=details.created,
        last_commitment=details.last_commitment,
        recorded=details.recorded,
        snooze_until=details.snooze_until,
        slips=details.slips,
    )


def checklist_key(text: str) -> str:
    """A checklist commitment as matching compares it: case and spacing do not count."""
    return " ".join(text.casefold().split())


def said_keys(what: str) -> tuple[str, ...]:
    """The checklist items a recorded text may name: a move once recorded every ticked item in
    one text, joined by '; '."""
    return tuple(key for part in what.split(";") if (key := checklist_key(part)))


def checklists(stages: Sequence[Stage]) -> list[tuple[Stage, tuple[EntryItem, ...]]]:
    """Every open stage, in order, with its exit commitments as the rules match them."""
    columns = open_stages(stages)
    keys = [{checklist_key(text) for text in s.exit_commitments} for s in columns]
    result: list[tuple[Stage, tuple[EntryItem, ...]]] = []
    for index, owner in enumerate(columns):
        items: list[EntryItem] = []
        for text in owner.exit_commitments:
            key = checklist_key(text)
            counted = {owner.id}
            # A record naming an earlier stage counts for the first stage from there on whose
            # checklist has the text: a skip-ahead recorded before each item had its own record.
            for earlier in range(index - 1, -1, -1):
                if key in keys[earlier]:
                    break
                counted.add(columns[earlier].id)
            items.append(EntryItem(key, text, owner.id, frozenset(counted)))
        result.append((owner, tuple(items)))
    return result


def entry_items(stage: Stage, stages: Sequence[Stage]) -> tuple[EntryItem, ...]:
    """The commitments a deal needs on record to sit in `stage`: the exit commitments of every
    open stage before it (none for the first open stage, a closed or a retired one: nothing
    placed there is premature)."""
    found: list[EntryItem] = []
    for owner, items in checklists(stages):
        if owner.id == stage.id:
            return tuple(found)
        found.extend(items)
    return ()


def stage_rules(stages: Sequence[Stage]) -> dict[int, StageRule]:
    """StageRule per stage id (retired and closed stages included, with no evidence needed)."""
    rules = {s.id: StageRule(s.position, s.stale_after_days) for s in stages}
    entry: tuple[EntryItem, ...] = ()
    for stage, items in checklists(stages):
        rules[stage.id] = StageRule(stage.position, stage.stale_after_days, entry)
        entry += items
    return rules


def is_met(item: EntryItem, recorded: Iterable[tuple[int | None, str]]) -> bool:
    """Whether a record of the deal's says the customer made this commitment."""
    return any(stage_id in item.counted_from and item.key in said_keys(what) for stage_id, what in recorded)


def missing_entry(rule: StageRule, recorded: Iterable[tuple[int | None, str]]) -> tuple[str, ...]:
    """The entry commitments of the deal's stage that no record of the deal's names, in order."""
    records = list(recorded)
    return tuple(item.text for item in rule.entry if not is_met(item, records))


def days_in_stage(entered: dt.date | None, today: dt.date) -> int | None:
    """Whole days since the deal entered its stage (0 on the day it moved), or None."""
    if entered is None:
        return None
    return max((today - entered).days, 0)


def is_snoozed(snooze_until: dt.date | None, today: dt.date) -> bool:
    """A snooze hides the stale badge up to and including its until-date.

    The board's hot loop (`_rate`) compares the same ISO dates inline for speed.
    """
    return snooze_until is not None and today <= snooze_until


def status(timing: DealTiming, rule: StageRule, today: dt.date) -> FunnelStatus:
    """Every funnel badge of one open deal (the rules live in `statuses`)."""
    card = Card(
        0,
        0,
        "",
        None,
        None,
        "",
        timing.close_date.isoformat() if timing.close_date else None,
        timing.stage_entered.isoformat() if timing.stage_entered else None,
        None,
        "",
    )
    evidence = StatusColumns(
        created={0: timing.created.isoformat()} if timing.created else {},
        snooze_until={0: timing.snooze_until.isoformat()} if timing.snooze_until else {},
        slips={0: timing.slips},
        last_commitment={0: timing.last_commitment.isoformat()} if timing.last_commitment else {},
        recorded={0: timing.recorded} if timing.recorded else {},
    )
    return statuses([card], evidence, {0: rule}, today)[0]


def statuses(
    cards: Sequence[Card], evidence: StatusColumns, rules: Mapping[int, StageRule], today: dt.date
) -> list[FunnelStatus]:
    """The funnel rules for many open deals at once, in their order: the one implementation.

    Stale: no customer commitment (else since creation) for more than the stage's limit, unless
    snoozed up to and including the until-date. Overdue: the close date has passed. Premature:
    an entry commitment of the stage (an exit of any open stage before it) was never recorded,
    whatever stage the deal moved through since (moving back keeps the evidence). Slips:
    close-date moves later.

    Works on ISO text (ISO dates sort as text): the hygiene list, exports and the command line
    rate every open deal, and at 100,000 deals a date object per value costs more than the rules.
    """
    today_iso = today.isoformat()
    today_ordinal = today.toordinal()
    # Per stage: (rule, cutoff): a commitment before the cutoff day is more than `limit` days ago.
    stage_info = {
        stage_id: (
            rule,
            None
            if rule.stale_after_days is None
            else (today - dt.timedelta(days=rule.stale_after_days)).isoformat(),
        )
        for stage_id, rule in rules.items()
    }
    # The collector would otherwise walk the heap dozens of times while 100,000 tuples are
    # made (a fifth of the time here; more in the window, whose heap is larger).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _rate(cards, stage_info, evidence, today_iso, today_ordinal)
    finally:
        if enabled:
            gc.enable()


def _rate(
    cards: Sequence[Card],
    stage_info: Mapping[int, tuple[StageRule, str | None]],
    evidence: StatusColumns,
    today_iso: str,
    today_ordinal: int,
) -> list[FunnelStatus]:
    created, snoozes, slips = evidence.created, evidence.snooze_until, evidence.slips
    commitments, recorded = evidence.last_commitment, evidence.recorded
    from_iso = dt.date.fromisoformat
    # A C call instead of the NamedTuple's Python __new__ (one per card: a tenth of the loop).
    make = tuple.__new__
    status_type = FunnelStatus
    # Deals of a stage mostly hold the same records (the checklist's own texts): what is
    # missing is worked out once per stage and distinct records (10x faster at 100,000 deals).
    # Keyed by the records' identity first (the plan's loaders share one tuple between deals
    # with equal records), as hashing the records anew per card cost a fifth of the loop;
    # `recorded` keeps every tuple alive, so no id is reused while this runs.
    missing_of: dict[tuple[int, Recorded], tuple[str, ...]] = {}
    missing_by_id: dict[tuple[int, int], tuple[str, ...]] = {}
    # A plan holds a few hundred distinct dates: each day's age is worked out once.
    days_since: dict[str, int] = {}
    no_records: Recorded = ()
    shared: dict[tuple[int | None, int, int, bool, bool, int], FunnelStatus] = {}
    # The cards are rated in id order and each status put in its card's place: the evidence
    # dicts hold deals in id order, as the cards were made, and at 100,000 deals reading them
    # in the board's order (by close date) cost a cache miss per look-up, most of the time.
    ids = list(map(_card_id, cards))
    result = cast(list[FunnelStatus], [None] * len(ids))  # every place is filled below
    for position in sorted(range(len(ids)), key=ids.__getitem__):
        card = cards[position]
        deal = card[0]  # Card.id and Card.stage_id by index: the properties cost a call each
        stage_id = card[1]
        rule, cutoff = stage_info[stage_id]
        snoozed = False
        if snoozes:
            snooze = snoozes.get(deal)
            snoozed = snooze is not None and today_iso <= snooze
        stale = None
        if cutoff is not None and not snoozed:
            since = commitments.get(deal) or created.get(deal) or card[7]  # Card.stage_entered
            # ISO text compares as the dates do: a timestamp sorts after its own day, and the
            # cutoff is a day, so the whole text compares as its first ten characters would
            # (sliced only for the few stale deals: a slice per card is a new string).
            if since is not None and since < cutoff:
                day = since[:10]
                stale = days_since.get(day)
                if stale is None:
                    stale = days_since[day] = today_ordinal - from_iso(day).toordinal()
        missing: tuple[str, ...] = ()
        if rule.entry:
            records = recorded.get(deal, no_records)
            found = missing_by_id.get((stage_id, id(records)))
            if found is None:
                key = (stage_id, records)
                found = missing_of.get(key)
                if found is None:
                    found = missing_of[key] = missing_entry(rule, records)
                missing_by_id[stage_id, id(records)] = found
            missing = found
        close = card[6]  # Card.close_date
        slipped = slips.get(deal, 0)
        overdue = close is not None and close < today_iso
        # Equal badges share one FunnelStatus (immutable): at 100,000 deals, making a tuple per
        # card cost a third of the loop, and most cards of a stage look alike.
        # `missing` by identity: the tuples come from `missing_of`, which keeps them alive.
        badges = (stale, stage_id, slipped, overdue, snoozed, id(missing))
        found_status = shared.get(badges)
        if found_status is None:
            found_status = shared[badges] = make(
                status_type,
                (stale, rule.stale_after_days, slipped, overdue, bool(missing), snoozed, missing),
            )
        result[position] = found_status
    return result


# Card.id by index, for map() (the NamedTuple's property costs a call each).
_card_id = itemgetter(0)


class Reasons:
    """The funnel reasons in the window's language, each template translated once.

    The red-flag engine and the clean-up list word thousands of reasons per evaluation: they
    make one `Reasons()` per call and word every deal with it, so no template is looked up per
    deal. The module's `stale_reason` and friends translate just their own (a card's tooltip).
    """

    __slots__ = ("_filled", "_overdue", "_premature", "_slip_many", "_slip_once", "_stale", "_stale_limit")

    def __init__(self) -> None:
        # (one, many) per plural sentence; `_filled` makes each translated text a function once.
        self._stale = (
            translate("Funnel", "No customer commitment for {days} day"),
            translate("Funnel", "No customer commitment for {days} days"),
        )
        self._stale_limit = (
            translate("Funnel", "No customer commitment for {days} day (stage limit {limit})"),
            translate("Funnel", "No customer commitment for {days} days (stage limit {limit})"),
        )
        self._overdue = (
            translate("Funnel", "The close date passed {days} day ago and the deal is still open"),
            translate("Funnel", "The close date passed {days} days ago and the deal is still open"),
        )
        self._slip_once = translate("Funnel", "The close date moved later once")
        self._slip_many = compile_template(
            translate("Funnel", "The close date moved later {slips} times"), "slips"
        )
        self._premature = compile_template(
            translate("Funnel", "Premature: never recorded: {missing}"), "missing"
        )
        self._filled: dict[str, Template] = {
            text: compile_template(text, "days", "limit")
            for text in (*self._stale, *self._stale_limit, *self._overdue)
        }

    def stale(self, days: int, limit: int | None) -> str:
        """'No customer commitment for 34 days (stage limit 21)'."""
        if limit is None:
            return self._filled[plural(days, *self._stale)](days=days, limit=None)
        return self._filled[plural(days, *self._stale_limit)](days=days, limit=limit)

    def slip(self, slips: int) -> str:
        """'The close date moved later 2 times'."""
        return self._slip_once if slips == 1 else self._slip_many(slips=slips)

    def premature(self, missing: Sequence[str]) -> str:
        """Why a deal is premature: the entry commitments never recorded."""
        return self._premature(missing=missing_text(missing))

    def overdue(self, close_date: dt.date, today: dt.date) -> str:
        """Why a deal is overdue."""
        days = (today - close_date).days
        return self._filled[plural(days, *self._overdue)](days=days, limit=None)


def stale_reason(days: int, limit: int | None) -> str:
    """'No customer commitment for 34 days (stage limit 21)'."""
    if limit is None:
        return plural(
            days,
            translate("Funnel", "No customer commitment for {days} day"),
            translate("Funnel", "No customer commitment for {days} days"),
        ).format(days=days)
    return plural(
        days,
        translate("Funnel", "No customer commitment for {days} day (stage limit {limit})"),
        translate("Funnel", "No customer commitment for {days} days (stage limit {limit})"),
    ).format(days=days, limit=limit)


def slip_reason(slips: int) -> str:
    """'The close date moved later 2 times'."""
    if slips == 1:
        return translate("Funnel", "The close date moved later once")
    return translate("Funnel", "The close date moved later {slips} times").format(slips=slips)


def missing_text(missing: Sequence[str]) -> str:
    """The commitments never recorded, in one line ('A; B'), as the seller's stages write them."""
    return "; ".join(" ".join(text.split()) for text in missing)


def premature_reason(missing: Sequence[str]) -> str:
    """Why a deal is premature: 'Premature: never recorded: Shared budget range and timeline; …'."""
    return translate("Funnel", "Premature: never recorded: {missing}").format(missing=missing_text(missing))


def overdue_reason(close_date: dt.date, today: dt.date) -> str:
    """Why a deal is overdue."""
    days = (today - close_date).days
    return plural(
        days,
        translate("Funnel", "The close date passed {days} day ago and the deal is still open"),
        translate("Funnel", "The close date passed {days} days ago and the deal is still open"),
    ).format(days=days)


def status_words(
    status: FunnelStatus, close_date: dt.date | None = None, today: dt.date | None = None
) -> list[str]:
    """A deal's funnel warnings in words, in the red-flag engine's order: stale, slipping,
    overdue, premature. The one wording the details panel, the review pack and a card's sentence
    share (the board's chips show short names and these sentences as tooltips). Overdue needs
    the close date and today; without them it is left to the caller (a card says its close date).
    """
    words = []
    if status.stale_days is not None:
        words.append(stale_reason(status.stale_days, status.stale_limit))
    if status.slips:
        words.append(slip_reason(status.slips))
    if status.overdue and close_date is not None and today is not None:
        words.append(overdue_reason(close_date, today))
    if status.premature:
        words.append(premature_reason(status.missing))
    return words


def direction(source: Stage, target: Stage) -> str:
    """'forward', 'backward', 'close' (to a closed stage), 'reopen' or 'none' for a move."""
    if source.id == target.id:
        return "none"
    if target.is_closed:
        return "none" if source.is_closed else "close"
    if source.is_closed:
        return "reopen"
    return "forward" if (target.position, target.id) > (source.position, source.id) else "backward"


def checklist_between(source: Stage, target: Stage, stages: Sequence[Stage]) -> tuple[tuple[Stage, str], ...]:
    """The exit commitments of every open stage from `source` up to the one before `target`,
    each with its stage: what a forward move from `source` to `target` passes."""
    result: list[tuple[Stage, str]] = []
    collecting = False
    for stage in open_stages(stages):
        if stage.id == target.id:
            break
        if stage.id == source.id:
            collecting = True
        if collecting:
            result.extend((stage, text) for text in stage.exit_commitments)
    return tuple(result)
