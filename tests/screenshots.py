"""Renders the README's screenshots from the demo plan: `make screenshot`.

Headless (offscreen); the demo plan is dated relative to today, so the pictures stay current.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Pictures of a first start: the default layout, and the seller's own preferences untouched.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from planner import forecast, forecast_operations
from planner import forecast_calls as fcalls
from planner import operations as ops
from planner.demo import populate_demo
from planner.exchange import pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan
from tests.forecast_screenshot import a_usual_week
from ui.i18n import install_language
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language(app, "en")
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan)
        window = MainWindow(plan)
        window.resize(1500, 860)
        window.show()
        _settle()
        first_stage = window.controller.columns[1].id
        first_card = window.controller.models[first_stage].cards[0].id
        window.board.select(first_card)
        _settle()
        from ui.theme import Theme, apply_theme

        apply_theme(app, Theme.LIGHT)
        _settle()
        path = OUT / "board.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        apply_theme(app, Theme.DARK)
        _settle()
        path = OUT / "board-dark.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        apply_theme(app, Theme.LIGHT)
        _dialogs(window)
        _close_dialog(window)
        window.close()
        window.deleteLater()
        _settle()
        # The same board in German: the translation, and numbers and dates in German formats.
        install_language(app, "de")
        window = MainWindow(plan)
        window.resize(1500, 860)
        window.show()
        _settle()
        window.board.select(first_card)
        _settle()
        path = OUT / "board-de.png"
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()
        install_language(app, "en")
        plan.close()
        _manager_side(Path(folder))
    del app
    return 0


def _dialogs(window: MainWindow) -> None:
    """The first-run welcome and the preferences, as a seller first sees them."""
    from ui.dialogs.preferences_dialog import PreferencesDialog

    welcome = window.help_actions.show_welcome()
    _settle()
    welcome.adjustSize()
    _settle()
    path = OUT / "welcome.png"
    welcome.grab().save(str(path))
    print(f"wrote {path}")
    welcome.close()
    preferences = PreferencesDialog(window.settings, window)
    preferences.show()
    _settle()
    path = OUT / "preferences.png"
    preferences.grab().save(str(path))
    print(f"wrote {path}")
    preferences.close()


def _close_dialog(window: MainWindow) -> None:
    """Moving a committed deal to Lost: the reason from the plan's list, the competitor, a note."""
    from PySide6.QtCore import QTimer

    from planner import close_reasons
    from ui.dialogs.move_dialog import MoveDialog

    committed = window.controller.columns[-1].id
    deal = window.controller.models[committed].cards[0].id
    lost = next(s for s in stage_repo.list_stages(window.plan) if s.is_closed and s.name == "Lost")

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MoveDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.reason_choice.setCurrentIndex(dialog.reason_choice.findData(close_reasons.COMPETITOR))
        dialog.competitor.setText("Contoso")
        dialog.reason.setText("Contoso came in 15 % lower; the economic buyer was never met")
        _settle()
        path = OUT / "close-dialog.png"
        dialog.grab().save(str(path))
        print(f"wrote {path}")
        dialog.reject()

    QTimer.singleShot(0, answer)
    window.deals.request_move(deal, lost.id)
    _settle()


def _with_calls(plan: PlanDB, today: dt.date) -> None:
    """The seller's usual week (tests/forecast_screenshot.py) and a forecast call every fortnight."""
    a_usual_week(plan, today)
    for days in (42, 28, 14, 3):
        day = today - dt.timedelta(days=days)
        entries = []
        for quarter in fcalls.call_quarters(plan, day):
            proposal = fcalls.propose(plan, quarter, day)
            # A seller calls a little under what the categories say until the deals are signed.
            entries.append(fcalls.CallEntry(quarter, round(proposal.commit * 0.97, -3), proposal.best_case))
        fcalls.record_calls(plan, entries, day)


TEAM = (
    ("Anna Berg", 1_100_000.0),
    ("Ben Okafor", 800_000.0),
    ("Chloe Martin", 950_000.0),
    ("David Kim", 0.0),
)


def _team_bundles(folder: Path, today: dt.date) -> list[Path]:
    """Four sellers' bundles: the demo plan, a different quarter of its deals left out for each."""
    paths = []
    for n, (name, target) in enumerate(TEAM):
        plan = open_plan(folder / f"team-{n}.plan")
        populate_demo(plan, today)
        settings_repo.set_setting(plan, "seller", name)
        settings_repo.set_setting(plan, "plan_name", f"{name}'s plan")
        if target:
            forecast_operations.set_targets(plan, {forecast.quarter_of(today).label: target})
        for deal in opportunity_repo.list_opportunities(plan)[n::4]:
            ops.delete_opportunity(plan, deal.id)
        pack = build_pack(plan, PackScope.all_open(), PackOptions(), today)
        paths.append(pack_json.write_json(pack, folder / f"{name.split()[0].lower()}.json"))
        plan.close()
    return paths


def _manager_side(folder: Path) -> None:
    """The Performance tab, the forecast calls, the team window and the pack's manager page."""
    from PySide6.QtTest import QTest

    from tests.sample_pack import _render
    from ui.pack_pdf import PackLayout, write_pdf
    from ui.team_window import open_team

    today = dt.date.today()
    plan = open_plan(folder / "manager.plan")
    populate_demo(plan, today)
    _with_calls(plan, today)
    window = MainWindow(plan)
    window.resize(1500, 860)
    window.show()
    # The deal docks (no deal chosen) closed, as a seller does to read the figures at full width.
    window.blue_sheet_dock.close()
    window.details_dock.close()
    _settle()
    window.tabs.setCurrentWidget(window.performance_tab)
    _settle()
    path = OUT / "performance.png"
    window.grab().save(str(path))
    print(f"wrote {path}")
    view = window.show_forecast()
    view.sections.setCurrentWidget(view.calls_panel)
    _settle()
    path = OUT / "forecast-calls.png"
    window.grab().save(str(path))
    print(f"wrote {path}")
    window.close()
    window.deleteLater()
    _settle()

    team = open_team(_team_bundles(folder, today), None)
    assert team is not None
    team.resize(1366, 736)
    while not team.checked:
        QTest.qWait(50)
    _settle()
    path = OUT / "team-review.png"
    team.grab().save(str(path))
    print(f"wrote {path}")
    team.close()
    _settle()

    # The last two weeks of the demo's history, as a seller picks "Changes since" for a fortnightly
    # one-to-one: the page then lists what moved.
    since = today - dt.timedelta(days=14)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(paper="a4", since=since), today)
    pdf = write_pdf(pack, folder / "pack.pdf")
    first = {s.heading: s.first_page + 1 for s in PackLayout(pack).sections}
    _render(pdf, first["Manager's page"], OUT / "pack-manager.png")
    plan.close()


if __name__ == "__main__":
    raise SystemExit(main())
