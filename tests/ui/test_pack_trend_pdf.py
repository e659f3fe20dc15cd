"""The PDF's manager page ends with the accountability figures and their trend, after the
changes since the last review (the history of tests/planner/accountability_support.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from planner.exchange.manager_trend import TITLE
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.storage.db import PlanDB
from tests.planner import accountability_support
from tests.planner.test_manager_trend import EXPECTED
from ui.pack_pdf import write_pdf


def test_the_pdf_shows_the_figures_after_the_changes(plan: PlanDB, tmp_path: Path) -> None:
    accountability_support.build_history(plan)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(paper="a4"), accountability_support.TODAY)
    path = write_pdf(pack, tmp_path / "pack.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    words = " ".join(lines)
    assert words.index("Since the last review") < words.index(TITLE) < words.index("Totals")
    assert "Figure 2025Q3 2025Q4 2026Q1 2026Q2 4 quarters Trend" in lines
    for label, (texts, arrow) in EXPECTED.items():
        if len(label) > 24:  # a long name wraps in its column
            continue
        assert " ".join([label, *texts, arrow]) in lines, label
    assert "Median days: The middle of the days the deals closed in the period spent in the stage" in words
