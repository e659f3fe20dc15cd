"""Benchmark child: runs the real `planner --db PLAN` start with probes, measures, prints JSON."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Any

# Diagnostics only: the start is timed by the parent, from right before it spawns this process.
# Imports the planner itself does not need wait until the board is painted.
MARKS: dict[str, float] = {"python_ready": time.monotonic()}

import atexit  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402

# Every measured start is a first start: no window layout saved by an earlier run (a layout
# narrower than the board would leave some columns unexposed, and never painted).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-bench-config-")
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], ignore_errors=True)
# ...but not the welcome of a first start on this computer, which measures itself, not the board.
_settings = os.path.join(os.environ["XDG_CONFIG_HOME"], "Opportunity Planner", "Opportunity Planner.conf")
os.makedirs(os.path.dirname(_settings))
with open(_settings, "w", encoding="utf-8") as _file:
    _file.write("[welcome]\nseen=true\n")

import ui.app as planner_app  # noqa: E402 - what the `planner` console script imports

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from planner.storage.db import PlanDB
    from ui.main_window import MainWindow

PROBES: list[Any] = []
SELECTIONS = 20
NEVER_PAINTED_S = 60
SELECTION_SEED = 7
# Typed one key at a time; "\b" clears the field (select all, Backspace): every key is one sample.
# Broad first letters over every card, narrowing queries, fresh queries and misses.
KEYSTROKES = ("acme", "\b", "pilot", "\b", "ber", "\b", "zq", "\b", "data", "\b")


def main(argv: list[str]) -> int:
    """`python -m tests.benchmarks.child_board --db PLAN`: one measured start of the planner.

    Runs `ui.app.main(argv)` itself, the console script's entry point, so the start is the app's
    own. Three hooks watch it: after `open_or_create` (stamp; patch MainWindow, whose module
    run_gui imports next anyway), around `MainWindow.__init__` (stamps) and in `MainWindow.show`
    (the paint probe goes in before the real show). Once the board is painted the callback
    measures selections and filter keys inside the running event loop, then quits it.
    """
    result: dict[str, Any] = {"kind": "board"}
    opened = planner_app.open_or_create
    preload = planner_app._import_window_modules

    imported = threading.Event()

    def import_window_modules() -> None:
        MARKS["preload_started"] = time.monotonic()
        try:
            preload()
        finally:
            MARKS["preload_done"] = time.monotonic()
            imported.set()

    planner_app._import_window_modules = import_window_modules

    def open_or_create(*args: Any, **kwargs: Any) -> PlanDB:
        plan = opened(*args, **kwargs)
        MARKS["plan_opened"] = time.monotonic()
        # As the planner itself does (ui.app._open_and_run): no Qt in this thread while the
        # other one still imports PySide6, or the two can deadlock.
        imported.wait()
        _patch_window(result)
        return plan

    planner_app.open_or_create = open_or_create
    code = planner_app.main(argv)
    if "painted" not in result:
        result.setdefault("error", f"the planner exited ({code}) without painting its board")
    result["marks"] = MARKS
    print(json.dumps(result))
    return 1 if code or "error" in result else 0


def _patch_window(result: dict[str, Any]) -> None:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QTimer, qVersion
    from PySide6.QtWidgets import QApplication, QMainWindow

    from tests.benchmarks.probe import FirstPaintProbe
    from ui.main_window import MainWindow

    MARKS["ui_imported"] = time.monotonic()
    # A seller's own plan lands on the Agenda tab (ui/actions/agenda.py `greet`); this child
    # measures the board, so the window stays on it. The agenda's own opening is measured by
    # tests/benchmarks/bench_agenda.py.
    from ui.actions.agenda import AgendaActions

    AgendaActions.greet = lambda self: None  # type: ignore[method-assign]
    build = MainWindow.__init__

    def init(self: MainWindow, *args: Any, **kwargs: Any) -> None:
        MARKS["window_init"] = time.monotonic()
        build(self, *args, **kwargs)
        MARKS["window_built"] = time.monotonic()

    def show(window: MainWindow) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        delegate = window.board.delegate
        painted_cards = [0]
        delegate_class = type(delegate)
        paint_card = delegate_class.paint

        # The columns that still have to paint a card (their proxy models, which Python made:
        # no viewport() here, whose first call costs PySide 8 ms that the app itself avoids).
        pending = {id(c.proxy) for c in window.board.columns.values() if c.proxy.rowCount()}
        armed = [False]

        def counting_paint(self: Any, *args: Any) -> None:
            painted_cards[0] += 1
            paint_card(self, *args)
            pending.discard(id(args[2].model()))
            if not pending and not armed[0] and "painted" not in result:
                # As FirstPaintProbe: a zero-timer armed in the paint pass fires once the pass
                # and the backing store's flush have returned to the event loop.
                armed[0] = True
                QTimer.singleShot(0, lambda: painted(time.monotonic()))

        # On the class: Qt's virtual call finds the override there whatever else wraps the object.
        setattr(delegate_class, "paint", counting_paint)  # noqa: B010
        cards = sum(m.rowCount() for m in window.controller.models.values())
        result.update(cards=cards, pyside=pyside_version, qt=qVersion())

        def painted(at: float) -> None:
            import resource

            MARKS["painted"] = at
            result["painted"] = at
            result["cards_painted_first"] = painted_cards[0]
            result["paint_cycles"] = PROBES[-1].cycles if PROBES else 1
            try:
                # The board paints each column's first screen and reads the rest right after:
                # the interactions are measured on the whole board, once it is read.
                deadline = time.monotonic() + 60
                while not all(m.complete for m in window.controller.models.values()):
                    if time.monotonic() > deadline:
                        raise TimeoutError("the board never read the cards after its first screen")
                    app.processEvents()
                    time.sleep(0.001)
                MARKS["all_cards_read"] = time.monotonic()
                _interact(app, window, result)
            except Exception as exc:
                result["error"] = f"{type(exc).__name__}: {exc}"
            result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            app.quit()

        def never_painted() -> None:
            # A column never exposed (a window narrower than the board) never paints: say so
            # at once rather than leave the parent waiting for its timeout.
            if "painted" not in result:
                result["error"] = f"{len(pending)} column(s) never painted a card in {NEVER_PAINTED_S} s"
                app.quit()

        QTimer.singleShot(NEVER_PAINTED_S * 1000, never_painted)
        if not pending:  # an empty board: the window's own first paint
            probe = FirstPaintProbe([window], painted)
            # Held here: otherwise only a reference cycle keeps it, and the collector may
            # delete it (and its event filter) before the first paint.
            PROBES.append(probe)
        QMainWindow.show(window)
        MARKS["show_returned"] = time.monotonic()

    # Class attributes: run_gui's WindowManager builds and shows the window from Python.
    MainWindow.__init__ = init  # type: ignore[method-assign]
    MainWindow.show = show  # type: ignore[method-assign,assignment]


def _interact(app: QApplication, window: MainWindow, result: dict[str, Any]) -> None:
    """Selections and filter keystrokes, each timed until the event loop has painted the result."""
    import random
    import statistics

    from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
    from PySide6.QtGui import QKeyEvent

    from ui.board.models import ID_ROLE

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    settle()
    # (b) Select a card: set the current index as a click or arrow key does; the board's signal
    # fills the detail dock synchronously, processEvents() paints the view and the dock.
    rng = random.Random(SELECTION_SEED)
    columns = [c for c in window.board.columns.values() if c.proxy.rowCount()]
    select_ms: list[float] = []
    select_set_ms: list[float] = []
    for n in range(SELECTIONS if columns else 0):
        column = columns[n % len(columns)]
        index = column.proxy.index(rng.randrange(column.proxy.rowCount()), 0)
        wanted = int(index.data(ID_ROLE))
        started = time.perf_counter()
        column.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        set_done = time.perf_counter()
        app.processEvents()
        done = time.perf_counter()
        if window.details.opportunity_id != wanted:
            raise RuntimeError(f"detail shows {window.details.opportunity_id}, expected {wanted}")
        select_set_ms.append((set_done - started) * 1000)
        select_ms.append((done - started) * 1000)
    result["select_ms"] = select_ms
    result["select_set_ms"] = select_set_ms

    # (c) Filter keystrokes, sent as key events to the filter field the seller types into.
    edit = window.filter_edit
    edit.setFocus()
    settle()
    samples: list[dict[str, Any]] = []
    for query in KEYSTROKES:
        for char in query:
            if char == "\b":
                edit.selectAll()
                key, text = Qt.Key.Key_Backspace, ""
            else:
                key, text = Qt.Key(ord(char.upper())), char
            before = edit.text()
            started = time.perf_counter()
            app.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
            app.sendEvent(edit, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text))
            app.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            visible = sum(m.rowCount() for m in window.controller.models.values())
            samples.append({"from": before, "to": edit.text(), "ms": elapsed, "visible": visible})
    if samples[-1]["to"] != "" or samples[0]["to"] != KEYSTROKES[0][0]:
        raise RuntimeError(f"the filter field did not follow the keys: {samples}")
    result["filter"] = samples
    result["filter_ms"] = [s["ms"] for s in samples]
    result["filter_median_ms"] = statistics.median(result["filter_ms"])
    settle()
    # Peak memory of the board itself, before the extra work below loads every deal's details.
    import resource

    result["board_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _moves(app, window, result)
    _status_all(window, result)


MOVES = 20


def _moves(app: QApplication, window: MainWindow, result: dict[str, Any]) -> None:
    """(d) Move one card: write + history + undo entry + repaint, as a confirmed drop does.

    `move_ms`: the card is selected first (untimed), as the press that starts a drag, the
    right-click of the "Move to" menu or the keyboard's Ctrl+Right selects it: the docks already
    show the deal. `move_unselected_ms`: a card other than the selected one, so the docks also
    switch to another deal (a selection's work on top of the move's).
    """
    from planner.operations import MoveDetails

    columns = window.controller.columns
    if len(columns) < 2 or not window.controller.models[columns[0].id].rowCount():
        return
    source, target = columns[0], columns[1]
    for key, select_first in (("move_ms", True), ("move_unselected_ms", False)):
        move_ms: list[float] = []
        for n in range(MOVES):
            card = window.controller.models[source.id].visible_cards[n]
            if select_first:
                window.board.select(card.id)
                app.processEvents()
            depth = window.undo_stack.index()  # the first loop's undone moves stay above it
            started = time.perf_counter()
            window.deals.move_opportunity(
                card.id, target, MoveDetails(commitment="Agreed to a discovery meeting")
            )
            app.processEvents()
            move_ms.append((time.perf_counter() - started) * 1000)
            if window.controller.stage_of(card.id) != target.id or window.undo_stack.index() != depth + 1:
                raise RuntimeError(f"card {card.id} did not move to {target.name} with an undo entry")
        result[key] = move_ms
        # Leave the cached plan as it was for the next run.
        for _ in move_ms:
            window.undo_stack.undo()


def _status_all(window: MainWindow, result: dict[str, Any]) -> None:
    """(e) Stale, slip and premature status of every open card by planner.funnel, 5 times.

    `status_all_ms` rates cards and evidence already in memory (the rules themselves);
    `status_all_load_ms` also reads them from the plan first, as the hygiene list does.
    """
    from planner import funnel
    from planner.storage.board import load_cards, load_status_columns

    plan, rules, today = window.plan, window.controller.rules, window.controller.today()
    compute: list[float] = []
    total: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        cards = load_cards(plan)
        evidence = load_status_columns(plan)
        loaded = time.perf_counter()
        statuses = funnel.statuses(cards, evidence, rules, today)
        done = time.perf_counter()
        compute.append((done - loaded) * 1000)
        total.append((done - started) * 1000)
        if len(statuses) != len(cards):
            raise RuntimeError("statuses() lost cards")
    result["status_all_ms"] = compute
    result["status_all_load_ms"] = total


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
