"""The window on laptop screens (1366x768 and 1280x720): `make screenshot` writes them.

Headless (offscreen). For each screen: the board with a deal selected and its Blue Sheet open
(laptop-board-WIDTH.png), the review window (laptop-review-WIDTH.png), and the import wizard's
Columns page over the board (laptop-import-WIDTH.png), loaded with a real CRM export from
../shared/data beside the repository, or with a small CSV written here when that is not there.
A window gets the screen less a title bar, as a maximised window does.
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
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from planner.demo import populate_demo
from planner.exchange import pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.storage.db import PlanDB, open_plan
from ui.dialogs.import_wizard import ImportWizard
from ui.i18n import install_language
from ui.main_window import TITLE_BAR, MainWindow
from ui.windows import open_review_window

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
SCREENS = ((1366, 768), (1280, 720))
# Real exports nobody on this project shaped (../shared/data/README.md), the first one found.
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
REAL_FILES = (
    SHARED / "crm-sales-opportunities" / "sales_pipeline.csv",
    SHARED / "salesforce-mock" / "opportunities.csv",
)
FALLBACK_CSV = "\n".join(
    (
        "Opportunity Name,Account Name,Stage,Amount,Close Date,Owner,Next Step",
        "Fleet telematics rollout for the northern depots,Umbrella Health,Qualification,89000,"
        "2026-12-02,Sam Seller,Agree the signature date with procurement",
        "Analytics suite pilot,Northwind Freight,Prospecting,116000,2027-01-04,Sam Seller,"
        "Workshop on decision criteria",
        "Support renewal with expanded coverage,Acme Manufacturing,Negotiation,15000,2027-01-11,"
        "Alex Other,Send the business case to the CFO",
        "",
    )
)


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def import_file(folder: Path) -> Path:
    """A real CRM export when ../shared/data is there; else a small one written into `folder`."""
    for path in REAL_FILES:
        if path.is_file():
            return path
    path = folder / "deals.csv"
    path.write_text(FALLBACK_CSV, encoding="utf-8")
    return path


def _board(plan: PlanDB, width: int, height: int) -> MainWindow:
    window = MainWindow(plan)
    window.resize(width, height - TITLE_BAR)
    window.show()
    _settle()
    first_stage = window.controller.columns[1].id
    window.board.select(window.controller.models[first_stage].cards[0].id)
    _settle()
    return window


def _save(image: QImage, name: str) -> None:
    path = OUT / name
    image.save(str(path))
    print(f"wrote {path}")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_language(app, "en")
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan)
        source = import_file(Path(folder))
        print(f"import file: {source}")
        bundle = pack_json.write_json(
            build_pack(plan, PackScope.all_open(), PackOptions(), dt.date.today()),
            Path(folder) / "bundle.json",
        )
        for width, height in SCREENS:
            window = _board(plan, width, height)
            _save(window.grab().toImage(), f"laptop-board-{width}.png")

            wizard = ImportWizard(plan, window)
            wizard.show()
            wizard.files_page.add_paths([source])
            wizard.next()
            wizard.next()
            _settle()
            assert wizard.currentId() == ImportWizard.MAPPING, wizard.currentId()
            # The wizard where a window manager puts a dialog: centred over its window.
            picture = window.grab().toImage()
            painter = QPainter(picture)
            corner = QPoint(
                (picture.width() - wizard.width()) // 2, (picture.height() - wizard.height()) // 2
            )
            painter.drawImage(corner, wizard.grab().toImage())
            painter.end()
            _save(picture, f"laptop-import-{width}.png")
            wizard.reject()
            wizard.deleteLater()
            window.close()
            window.deleteLater()
            _settle()

            review = open_review_window(bundle)
            review.resize(width, height - TITLE_BAR)
            _settle()
            first_stage = review.controller.columns[1].id
            review.board.select(review.controller.models[first_stage].cards[0].id)
            _settle()
            _save(review.grab().toImage(), f"laptop-review-{width}.png")
            review.close()
            _settle()
        plan.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
