"""Renders the search window over the board on the demo plan: `make screenshot`.

resources/screenshots/search.png (1366 x 768, the README's) and search-1280.png (1280 x 720): the
window as a laptop shows it, with Ctrl+K's search typed and its results listed by kind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication

from planner.demo import populate_demo
from planner.storage.db import open_plan
from ui.i18n import install_language
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
SIZES = (((1366, 768), "search.png"), ((1280, 720), "search-1280.png"))
TYPED = "cfo"


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_language(app, "en")
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan)
        try:
            for (width, height), name in SIZES:
                window = MainWindow(plan)
                window.resize(width, height)
                window.show()
                _settle()
                dialog = window.search.show_search()
                dialog.resize(min(760, width - 160), min(460, height - 200))
                dialog.edit.setText(TYPED)
                _settle()
                # Offscreen there is no window manager to draw one window over the other.
                picture = window.grab().toImage()
                painter = QPainter(picture)
                corner = QPoint((width - dialog.width()) // 2, 90)
                painter.drawImage(corner, dialog.grab().toImage())
                painter.setPen(QColor("#6b7280"))
                painter.drawRect(QRect(corner, dialog.size()).adjusted(-1, -1, 0, 0))
                painter.end()
                path = OUT / name
                picture.save(str(path))
                print(f"wrote {path}")
                dialog.close()
                window.close()
                window.deleteLater()
                _settle()
        finally:
            plan.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
