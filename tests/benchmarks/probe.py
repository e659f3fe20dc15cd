"""Detects "first paint done" in a benchmark child: the same probe for the app and the baseline."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaintProbe(QObject):
    """Calls `done(t)` once every watched widget has received a Paint event and the cycle ended.

    An event filter sees a Paint event *before* the widget paints. Offscreen (and on X11/Wayland)
    Qt paints every dirty widget of a window in one synchronous pass, then flushes the backing
    store, all from one event; a zero-timer armed at the last widget's Paint therefore fires when
    that pass and the flush have returned to the event loop. `t` is `time.monotonic()` then
    (CLOCK_MONOTONIC, comparable with the parent's clock).

    `ready()` is asked at that moment; if it says no (say, the views painted before their items
    were laid out), the probe waits for the next paint of any watched widget and asks again:
    only the views that were still empty paint a second time.
    """

    def __init__(
        self,
        widgets: Sequence[QWidget],
        done: Callable[[float], None],
        ready: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__()
        self._widgets = list(widgets)
        self._pending: set[QObject] = set(self._widgets)
        self._done = done
        self._ready = ready
        self._armed = False
        self.cycles = 0
        for widget in self._widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and (watched in self._pending or self.cycles):
            self._pending.discard(watched)
            if not self._pending and not self._armed:
                self._armed = True
                QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        painted = time.monotonic()
        self.cycles += 1
        self._armed = False
        if not self._ready():
            return  # `cycles` is now set: the next paint of any watched widget asks again
        for widget in self._widgets:
            widget.removeEventFilter(self)
        self._done(painted)
