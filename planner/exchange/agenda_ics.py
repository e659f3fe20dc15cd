"""The agenda as an iCalendar file (RFC 5545) that Thunderbird, Outlook and Google Calendar import.

One VEVENT per call plan (at its time, an hour long) and per dated action (all day), and an
all-day VEVENT per close date. Close dates are events, not VTODOs: Google Calendar does not
import VTODOs and Outlook files them as tasks apart from the calendar; all-day events marked
TRANSPARENT show on the day without blocking time.

A re-export updates instead of duplicating: each event's UID is derived from the plan's id and
the record's (`action-12@<plan id>`), and its SEQUENCE rises when what it says changed since the
last export. What was exported per UID is remembered in the plan's settings (`SETTING`).
Nothing is sent anywhere: the file is written where the seller says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from planner import i18n
from planner.agenda import EXPORT_DAYS, AgendaItem, Kind, load_agenda
from planner.exchange.files import write_private
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB, PlanError
from planner.storage.pack_queries import plan_id

# The plan's setting that remembers, per UID, the SEQUENCE and a digest of what was exported.
SETTING = "calendar_export"
PRODID = "-//Opportunity Planner//Agenda//EN"
EXPORTED_KINDS = (Kind.CALL, Kind.ACTION, Kind.CLOSE)
CALL_LENGTH = dt.timedelta(hours=1)  # a call plan has a start, not an end


def uid_of(item: AgendaItem, plan_identity: str) -> str:
    """Stable across exports of the same plan (and its copies): the record's kind and id."""
    return f"{item.key}@{plan_identity}.opportunity-planner"


def _summary(item: AgendaItem) -> str:
    if item.kind is Kind.CLOSE:
        return f"Close date: {item.deal}"
    return f"{item.what} — {item.deal}"


def _description(item: AgendaItem) -> str:
    lines = [f"Deal: {item.deal}"]
    if item.account:
        lines.append(f"Account: {item.account}")
    if item.who:
        lines.append(f"{'Attendees' if item.kind is Kind.CALL else 'Who'}: {item.who}")
    # Not the agenda's reason: it counts days from today, and an event that changes every day
    # would come back with a new SEQUENCE at each export.
    lines.append(_ABOUT[item.kind])
    return "\n".join(lines)


_ABOUT = {
    Kind.CALL: "A customer meeting with a call plan (Green Sheet) in Opportunity Planner.",
    Kind.ACTION: "An action of the deal's best action plan in Opportunity Planner.",
    Kind.CLOSE: "The day the customer is expected to decide, as the deal in Opportunity Planner says.",
}


def _times(item: AgendaItem) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    if item.kind is Kind.CALL and item.at is not None:
        # A call's time is the seller's wall-clock time: in UTC, every program shows it right.
        # (A naive time is the local one: astimezone reads it so.)
        start = item.at.astimezone(dt.UTC)
        return start, start + CALL_LENGTH
    return item.day, item.day + dt.timedelta(days=1)


def _digest(fields: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps(list(fields), ensure_ascii=False).encode()).hexdigest()[:32]


def _state(value: Any) -> dict[str, tuple[int, str]]:
    """The remembered exports as stored; anything unusable reads as none (a hand-edited plan)."""
    if not isinstance(value, dict):
        return {}
    result: dict[str, tuple[int, str]] = {}
    for uid, entry in value.items():
        if (
            isinstance(uid, str)
            and isinstance(entry, list)
            and len(entry) == 2
            and isinstance(entry[0], int)
            and not isinstance(entry[0], bool)
            and 0 <= entry[0] < 2**31
            and isinstance(entry[1], str)
        ):
            result[uid] = (entry[0], entry[1])
    return result


def build_calendar(
    items: Sequence[AgendaItem],
    plan_identity: str,
    plan_name: str,
    now: dt.datetime,
    previous: dict[str, tuple[int, str]],
) -> tuple[bytes, dict[str, tuple[int, str]]]:
    """The .ics bytes of the items that go into a calendar, and the remembered state after it."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Opportunity Planner: {plan_name}")
    state = dict(previous)
    stamp = now.astimezone(dt.UTC).replace(microsecond=0)
    for item in items:
        if item.kind not in EXPORTED_KINDS:
            continue
        uid = uid_of(item, plan_identity)
        start, end = _times(item)
        summary, description = _summary(item), _description(item)
        transparent = item.kind is not Kind.CALL
        digest = _digest([summary, description, start.isoformat(), end.isoformat(), str(transparent)])
        sequence, before = previous.get(uid, (0, digest))
        if before != digest:
            sequence += 1
        state[uid] = (sequence, digest)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", summary)
        event.add("description", description)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("transp", "TRANSPARENT" if transparent else "OPAQUE")
        event.add("categories", ["Opportunity Planner"])
        calendar.add_component(event)
    return calendar.to_ical(), state


def export_agenda(
    plan: PlanDB,
    path: Path,
    today: dt.date,
    days: int = EXPORT_DAYS,
    now: dt.datetime | None = None,
) -> tuple[int, bool]:
    """Write the plan's agenda up to `days` ahead to `path`; (events written, whether the plan
    remembered them). A plan open read-only cannot remember: the file is still written, and a
    later export may give a changed event the same SEQUENCE. OSError when the file cannot be
    written; nothing is remembered then.
    """
    with i18n.english():  # the planner's exports are in English, whatever the window's language
        items = load_agenda(plan, today, days)
    previous = _state(settings_repo.get_setting(plan, SETTING, {}))
    name = settings_repo.get_setting(plan, "plan_name", None) or (plan.path.stem if plan.path else "Plan")
    data, state = build_calendar(items, plan_id(plan), name, now or dt.datetime.now(dt.UTC), previous)
    write_private(path, data)
    written = sum(1 for item in items if item.kind in EXPORTED_KINDS)
    if plan.read_only:
        return written, False
    try:
        settings_repo.set_setting(plan, SETTING, {uid: list(entry) for uid, entry in sorted(state.items())})
    except (PlanError, sqlite3.Error):
        return written, False
    return written, True
