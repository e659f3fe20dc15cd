"""Renders the README's Blue Sheet pictures from the demo plan: `python -m tests.blue_sheet_screenshot`.

Headless (offscreen); writes resources/screenshots/blue-sheet.png (the panel's Objective,
Influences and Flags tabs side by side) and resources/screenshots/influence-map.png.
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

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from planner import red_flags
from planner.clock import FixedClock
from planner.demo import populate_demo
from planner.storage import people as people_repo
from planner.storage.db import PlanDB, open_plan
from ui.blue_sheet import BlueSheetPanel
from ui.i18n import install_language
from ui.session import EditSession

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
PANEL_SIZE = (600, 900)
GAP = 12


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def demo_deal(plan: PlanDB, today: dt.date) -> int:
    """The open demo deal that shows the most: many influences, a reporting line, flags and a strength."""
    flags = red_flags.evaluate_plan(plan, today)

    def score(deal_id: int) -> tuple[int, int, int, int]:
        influences = people_repo.list_influences(plan, deal_id)
        found = flags[deal_id]
        red = red_flags.red_flag_count(found)
        return (
            len(influences),
            sum(1 for bi in influences if bi.reports_to_id),
            int(len(found) - red > 0) + int(2 <= red <= 6),
            -abs(red - 4),
        )

    return max(flags, key=score)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_language(app, "en")
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan, today)
        session = EditSession(plan, FixedClock(today))
        panel = BlueSheetPanel(session)
        panel.resize(*PANEL_SIZE)
        panel.show()
        deal = demo_deal(plan, today)
        panel.show_opportunity(deal)
        first = panel.influence.model.influences[0]
        panel.select_influence(first.id)
        shots = []
        for tab in (panel.objective, panel.influence, panel.flag_section):
            panel.tabs.setCurrentWidget(tab)
            _settle()
            panel.influence.map.fit()
            _settle()
            shots.append(panel.grab().toImage())
        sheet = _side_by_side(shots)
        path = OUT / "blue-sheet.png"
        sheet.save(str(path))
        print(f"wrote {path} (deal {deal}: {panel.title.text()})")
        path = OUT / "influence-map.png"
        panel.render_map_png(path)
        print(f"wrote {path}")
        session.close()
        panel.close()
        plan.close()
    del app
    return 0


def _side_by_side(images: list[QImage]) -> QImage:
    width = sum(i.width() for i in images) + GAP * (len(images) + 1)
    height = max(i.height() for i in images) + 2 * GAP
    sheet = QImage(width, height, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#c9ced6"))
    painter = QPainter(sheet)
    x = GAP
    for image in images:
        painter.drawImage(QPoint(x, GAP), image)
        x += image.width() + GAP
    painter.end()
    return sheet


if __name__ == "__main__":
    raise SystemExit(main())
