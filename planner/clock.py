"""What day and time it is, from one object the window and its views share (tests set it)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Where the planner reads the date and time: the system's, or one a test sets."""

    def today(self) -> dt.date:
        """The local date."""
        ...

    def now(self) -> dt.datetime:
        """The local date and time (naive, as `datetime.now()`)."""
        ...


class SystemClock:
    """The computer's clock."""

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return dt.datetime.now()


class FixedClock:
    """A clock that stays where it is set: `set()` and `advance()` move it."""

    def __init__(self, when: dt.datetime | dt.date) -> None:
        self._now = _as_datetime(when)

    def today(self) -> dt.date:
        return self._now.date()

    def now(self) -> dt.datetime:
        return self._now

    def set(self, when: dt.datetime | dt.date) -> None:
        """Put the clock at `when` (a date means its midnight)."""
        self._now = _as_datetime(when)

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock on by `delta`."""
        self._now += delta


def _as_datetime(when: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(when, dt.datetime):
        return when
    return dt.datetime.combine(when, dt.time())


def until_next_day(clock: Clock) -> dt.timedelta:
    """How long from the clock's now until its next midnight."""
    now = clock.now()
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=now.tzinfo)
    return midnight - now
