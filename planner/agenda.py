"""The seller's agenda: what is overdue, due today, this week and later, from every dated record.

One pure function, `agenda`, makes the list the Agenda tab, `planner agenda` and the calendar
export share. Its sources: open actions (their due date), call plans not debriefed (their day;
once the day has passed, the debrief is what is due), the close dates of open deals, snoozes
that end, and deals that turn stale within the week (the day planner.funnel's rule first calls
them stale). Coaching items from a manager come in through `extra` once the plan keeps them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner import funnel
from planner.funnel import StageRule
from planner.i18n import QT_TRANSLATE_NOOP, plural, translate
from planner.model import Card
from planner.storage.agenda import AgendaRows, load_agenda_rows
from planner.storage.coaching import coaching_action_ids
from planner.storage.db import PlanDB

# How far ahead the agenda looks unless told (days after today), and the calendar export.
DEFAULT_DAYS = 14
EXPORT_DAYS = 90
# "This week": today and the six days after it. Stale deals are looked for this far ahead.
WEEK_DAYS = 7


class Kind(StrEnum):
    """Where an agenda item comes from."""

    ACTION = "action"
    CALL = "call"
    CLOSE = "close"
    SNOOZE_ENDS = "snooze_ends"
    STALE = "stale"
    # The extension point for a manager's coaching items with a due date: a plan keeps none
    # yet. Whoever adds them reads them in planner.storage.agenda and passes them as `extra`.
    COACHING = "coaching"

    @property
    def label(self) -> str:
        """'Action', 'Call'... in the window's language."""
        return translate("Agenda", _KIND_LABELS[self])


_KIND_LABELS = {
    Kind.ACTION: QT_TRANSLATE_NOOP("Agenda", "Action"),
    Kind.CALL: QT_TRANSLATE_NOOP("Agenda", "Call"),
    Kind.CLOSE: QT_TRANSLATE_NOOP("Agenda", "Close date"),
    Kind.SNOOZE_ENDS: QT_TRANSLATE_NOOP("Agenda", "Snooze ends"),
    Kind.STALE: QT_TRANSLATE_NOOP("Agenda", "Turns stale"),
    Kind.COACHING: QT_TRANSLATE_NOOP("Agenda", "Coaching"),
}


class Section(StrEnum):
    """The agenda's sections, in order."""

    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"
    LATER = "later"

    @property
    def label(self) -> str:
        """'Overdue', 'Today', 'This week', 'Later' in the window's language."""
        return translate("Agenda", _SECTION_LABELS[self])


_SECTION_LABELS = {
    Section.OVERDUE: QT_TRANSLATE_NOOP("Agenda", "Overdue"),
    Section.TODAY: QT_TRANSLATE_NOOP("Agenda", "Today"),
    Section.WEEK: QT_TRANSLATE_NOOP("Agenda", "This week"),
    Section.LATER: QT_TRANSLATE_NOOP("Agenda", "Later"),
}
_SECTION_ORDER = {s: n for n, s in enumerate(Section)}
_KIND_ORDER = {k: n for n, k in enumerate(Kind)}


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One row of the agenda: what, which deal and account, who, when, and why it is there."""

    kind: Kind
    record_id: int  # the action's or call's id; the deal's for close dates, snoozes, stale deals
    deal_id: int
    day: dt.date
    section: Section
    what: str
    deal: str
    account: str
    who: str
    why: str
    at: dt.datetime | None = None  # a call's time

    @property
    def key(self) -> str:
        """Stable across loads and exports: 'action-12', 'call-3', 'close-7'..."""
        return f"{self.kind.value}-{self.record_id}"


def section_of(day: dt.date, today: dt.date) -> Section:
    """Overdue before today; This week for the six days after it; Later beyond."""
    if day < today:
        return Section.OVERDUE
    if day == today:
        return Section.TODAY
    if (day - today).days < WEEK_DAYS:
        return Section.WEEK
    return Section.LATER


def agenda(
    rows: AgendaRows, today: dt.date, days: int = DEFAULT_DAYS, extra: Iterable[AgendaItem] = ()
) -> list[AgendaItem]:
    """Every dated item up to `days` after today, and every overdue one, in section and day order.

    Stale deals are looked for within the week only: older ones are in the clean-up list.
    """
    horizon = today + dt.timedelta(days=max(days, 0))
    deals = rows.deals
    items: list[AgendaItem] = []

    def add(kind: Kind, record_id: int, deal_id: int, day: dt.date, what: str, who: str, why: str,
            at: dt.datetime | None = None) -> None:  # fmt: skip
        deal = deals.get(deal_id)
        if deal is None or day > horizon:
            return  # a closed deal's, or beyond the range
        section = section_of(day, today)
        items.append(
            AgendaItem(kind, record_id, deal_id, day, section, what, deal.title, deal.account, who, why, at)
        )

    # One reason per distinct day count, not per action: a large plan has tens of thousands.
    late: dict[int, str] = {}
    planned = translate("Agenda", "A planned action of the deal")
    for action in rows.actions:
        if action.due > horizon:
            continue
        overdue = (today - action.due).days
        why = planned if overdue <= 0 else late.get(overdue) or late.setdefault(overdue, _late(overdue))
        add(Kind.ACTION, action.id, action.deal_id, action.due, action.what, action.who, why)
    for call in rows.calls:
        day = call.meeting_at.date()
        title = call.title or translate("Agenda", "Meeting")
        why = (
            translate("Agenda", "The meeting was held: debrief it (what did the customer commit to?)")
            if day < today
            else translate("Agenda", "A customer meeting with a call plan")
        )
        add(Kind.CALL, call.id, call.deal_id, day, title, call.attendees, why, call.meeting_at)
    for deal_id in rows.closes:
        deal = deals.get(deal_id)
        if deal is not None and deal.close_date is not None:
            why = (
                funnel.overdue_reason(deal.close_date, today)
                if deal.close_date < today
                else translate("Agenda", "The day the customer is expected to decide")
            )
            add(Kind.CLOSE, deal.id, deal.id, deal.close_date, translate("Agenda", "Close date"), "", why)
    for deal_id in rows.snoozes:
        deal = deals.get(deal_id)
        if deal is not None and deal.snooze_until is not None and deal.snooze_until >= today:
            why = translate("Agenda", "Snoozed ({reason}): after this day the stale warning returns").replace(
                "{reason}", deal.snooze_reason or translate("Agenda", "no reason given")
            )
            add(Kind.SNOOZE_ENDS, deal.id, deal.id, deal.snooze_until, translate("Agenda", "Snooze ends"), "",
                why)  # fmt: skip
    week_end = min(horizon, today + dt.timedelta(days=WEEK_DAYS - 1))
    for deal_id, day, limit in turning_stale(rows, today, week_end):
        why = plural(
            limit,
            translate(
                "Agenda", "No customer commitment for more than {limit} day by then (the stage's limit)"
            ),
            translate(
                "Agenda", "No customer commitment for more than {limit} days by then (the stage's limit)"
            ),
        ).replace("{limit}", str(limit))
        add(Kind.STALE, deal_id, deal_id, day, translate("Agenda", "Turns stale"), "", why)
    items.extend(item for item in extra if item.day <= horizon)
    items.sort(key=_order)
    return items


def _order(item: AgendaItem) -> tuple[int, dt.date, dt.datetime, int, int]:
    return (_SECTION_ORDER[item.section], item.day, item.at or dt.datetime.min, _KIND_ORDER[item.kind],
            item.record_id)  # fmt: skip


def _late(days: int) -> str:
    """'Overdue by 3 days'."""
    return plural(
        days, translate("Agenda", "Overdue by {days} day"), translate("Agenda", "Overdue by {days} days")
    ).replace("{days}", str(days))


def turning_stale(rows: AgendaRows, today: dt.date, until: dt.date) -> list[tuple[int, dt.date, int]]:
    """(deal, the first day planner.funnel's rule calls it stale, the stage's limit) for the
    candidate deals that are not stale the day before today and turn stale up to `until`."""
    if not rows.cards or until < today:
        return []
    rules = {stage_id: StageRule(0, limit) for stage_id, limit in rows.stage_limits.items()}
    cards = [card for card in rows.cards if card.stage_id in rules]
    found: list[tuple[int, dt.date, int]] = []
    # Over a few days of the same records a deal once stale stays stale (its evidence only ages,
    # a snooze only ends): the ones that turn are not stale the day before today and stale on
    # the last day; only those are rated day by day.
    before = funnel.statuses(cards, rows.evidence, rules, today - dt.timedelta(days=1))
    after = funnel.statuses(cards, rows.evidence, rules, until)
    pending = [
        card for card, was, then in zip(cards, before, after, strict=True) if not was.stale and then.stale
    ]
    day = today
    while day <= until and pending:
        still: list[Card] = []
        for card, status in zip(pending, funnel.statuses(pending, rows.evidence, rules, day), strict=True):
            if status.stale:
                found.append((card.id, day, status.stale_limit or 0))
            else:
                still.append(card)
        pending = still
        day += dt.timedelta(days=1)
    return found


def load_agenda(plan: PlanDB, today: dt.date, days: int = DEFAULT_DAYS) -> list[AgendaItem]:
    """The whole agenda of a plan: its dated rows read, then `agenda`."""
    horizon = today + dt.timedelta(days=max(days, 0))
    week_end = min(horizon, today + dt.timedelta(days=WEEK_DAYS - 1))
    return _coaching(plan, agenda(load_agenda_rows(plan, today, horizon, week_end), today, days))


def _coaching(plan: PlanDB, items: list[AgendaItem]) -> list[AgendaItem]:
    """Actions that are a manager's coaching items (planner.coaching) say so in their reason."""
    mine = coaching_action_ids(plan, [i.record_id for i in items if i.kind is Kind.ACTION])
    if not mine:
        return items
    why = translate("Agenda", "Your manager's coaching item. {why}")
    return [
        dataclasses.replace(i, why=why.replace("{why}", i.why))
        if i.kind is Kind.ACTION and i.record_id in mine
        else i
        for i in items
    ]


# How many rows of each section the Agenda tab lists: more is not read at a glance, and a large
# plan's overdue actions run into tens of thousands (the tab says how many more there are).
PAGE = 300


@dataclass(frozen=True, slots=True)
class AgendaPage:
    """The first `limit` items of each section, and how many each section holds in all."""

    items: list[AgendaItem]
    counts: dict[Section, int]

    @property
    def more(self) -> dict[Section, int]:
        """The items of each section not listed."""
        listed = counts(self.items)
        return {section: self.counts[section] - listed[section] for section in Section}


def load_agenda_page(plan: PlanDB, today: dt.date, days: int = DEFAULT_DAYS, limit: int = PAGE) -> AgendaPage:
    """The agenda's first `limit` items per section (as `load_agenda` lists them) and the counts."""
    horizon = today + dt.timedelta(days=max(days, 0))
    week_end = min(horizon, today + dt.timedelta(days=WEEK_DAYS - 1))
    rows = load_agenda_rows(plan, today, horizon, week_end, week_end=today + dt.timedelta(days=WEEK_DAYS - 1),
                            limit=limit)  # fmt: skip
    items = _coaching(plan, agenda(rows, today, days))
    found = counts(items)
    listed: list[AgendaItem] = []
    shown = dict.fromkeys(Section, 0)
    for item in items:  # in section order: each section's first `limit`
        if shown[item.section] < limit:
            shown[item.section] += 1
            listed.append(item)
    total = {section: found[section] + rows.left_out[section.value] for section in Section}
    return AgendaPage(listed, total)


def counts(items: Sequence[AgendaItem]) -> dict[Section, int]:
    """How many items each section holds."""
    found = dict.fromkeys(Section, 0)
    for item in items:
        found[item.section] += 1
    return found


def summary(items: Sequence[AgendaItem] | dict[Section, int]) -> str:
    """'3 overdue, 5 due today' (what the status bar says when a plan opens), from the items or
    from each section's count."""
    n = items if isinstance(items, dict) else counts(items)
    overdue = plural(
        n[Section.OVERDUE], translate("Agenda", "{n} overdue"), translate("Agenda", "{n} overdue")
    ).replace("{n}", str(n[Section.OVERDUE]))
    due = plural(
        n[Section.TODAY], translate("Agenda", "{n} due today"), translate("Agenda", "{n} due today")
    ).replace("{n}", str(n[Section.TODAY]))
    return translate("Agenda", "{overdue}, {today}").replace("{overdue}", overdue).replace("{today}", due)
