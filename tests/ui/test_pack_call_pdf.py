"""The PDF pack's manager page shows the last forecast call and its change, as text."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from tests.planner.test_manager_call import EXPECTED, TITLE, _calls_pack
from ui.pack_pdf import write_pdf


def test_the_pdf_shows_the_last_call_on_the_managers_page(qtbot: QtBot, plan: PlanDB, tmp_path: Path) -> None:
    pack = _calls_pack(plan)
    path = write_pdf(pack, tmp_path / "pack.pdf")
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = " ".join(first_page.split())
    assert words.index("The quarter") < words.index(TITLE) < words.index("Funnel balance")
    for label, value in EXPECTED:
        if label != "Comment":
            assert f"{label} {value}" in words, label
    # The seller's comment, as text (the table cell wraps it).
    assert "Comment Old tender is in; Acme <b>Bold</" in words
    assert "<script>alert('x')</" in words
