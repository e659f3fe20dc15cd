"""`make sample-pack`: the demo plan's review pack in build/sample-pack/, and the README's page pictures."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.demo import populate_demo
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.pack_writers import PACK_FORMATS, write_pack
from planner.storage.db import open_memory
from ui.pack_pdf import PackLayout, ensure_application, write_pdf

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "sample-pack"
SCREENSHOTS = ROOT / "resources" / "screenshots"
RESOLUTION = 110  # dpi of the README's page pictures: A4 is about 910 x 1290 pixels


def _render(pdf: Path, page: int, target: Path) -> None:
    """One page of the PDF as a PNG, by poppler's pdftoppm (what a manager's viewer shows)."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(RESOLUTION),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        shutil.move(str(stem.with_suffix(".png")), target)
    print(f"wrote {target}")


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: run `make sysdeps` (it installs poppler-utils)", file=sys.stderr)
        return 1
    ensure_application()
    OUT.mkdir(parents=True, exist_ok=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    plan = open_memory()
    today = dt.date.today()
    populate_demo(plan, today)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(paper="a4"), today)
    for fmt in PACK_FORMATS:
        target = OUT / f"demo-review-pack.{fmt}"
        paths = [write_pdf(pack, target)] if fmt == "pdf" else write_pack(pack, fmt, target)
        for path in paths:
            print(f"wrote {path}")
    pdf = OUT / "demo-review-pack.pdf"
    layout = PackLayout(pack)
    # The manager's page, the cover, the table of all deals, and the first page of a deal with a
    # full Blue Sheet.
    first = {s.heading: s.first_page + 1 for s in layout.sections}
    deals = [s for s in layout.sections if s.heading.startswith("Deal ")]
    deal_section = next(
        (s for s, d in zip(deals, pack.deals, strict=True) if len(d.influences) >= 4),
        deals[0],
    )
    _render(pdf, first["Manager's page"], SCREENSHOTS / "pack-manager.png")
    _render(pdf, first["Cover"], SCREENSHOTS / "pack-cover.png")
    _render(pdf, first["All deals"], SCREENSHOTS / "pack-deals.png")
    _render(pdf, deal_section.first_page + 1, SCREENSHOTS / "pack-deal.png")
    plan.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
