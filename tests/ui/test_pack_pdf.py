"""The PDF pack read back with poppler: searchable text, embedded fonts, paper, rows kept whole, previews."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSizeF
from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from planner.exchange.pack import Pack, PackError, PackOptions, PackScope, build_pack
from planner.storage.db import PlanDB, open_memory
from tests.conftest import TODAY
from tests.planner import pack_support as hostile
from ui import pack_pdf
from ui.pack_pdf import PackLayout, default_paper, write_pdf


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def hostile_plan() -> Iterator[PlanDB]:
    db = open_memory()
    hostile.hostile_plan(db)
    yield db
    db.close()


def _pack(plan: PlanDB, private: bool = False, paper: str | None = None) -> Pack:
    options = PackOptions(include_private_notes=private, paper="letter" if paper == "letter" else "a4")
    return build_pack(plan, PackScope.all_open(), options, TODAY)


def test_pdf_has_searchable_text_embedded_fonts_and_page_numbers(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path
) -> None:
    pack = _pack(demo_plan)
    path = write_pdf(pack, tmp_path / "pack.pdf")
    text = _text(path)
    pages = int(re.search(r"Pages:\s+(\d+)", _info(path)).group(1))  # type: ignore[union-attr]
    assert pages == PackLayout(pack).page_count
    assert pages > len(pack.deals)
    for needle in (
        "Review pack: Demo plan",
        "Sam Seller",
        "All open deals",
        "Funnel summary",
        "All deals",
        "Buying influences",
        "Influence map",
        "Red flags and strengths",
        "Best action plan",
        "Stage history",
        "Manager's coaching notes",
        f"Page 1 of {pages}",
        f"Page {pages} of {pages}",
    ):
        assert needle in text, needle
    for deal in pack.deals:
        assert deal.title in text
        for flag in deal.red_flags[:1]:
            assert " ".join(flag.reason.split()[:4]) in " ".join(text.split())
    # Names on the influence maps are text too: drawn as vectors, not pictures.
    first = pack.deals[0]
    assert all(bi.name in text for bi in first.influences)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    assert any("DejaVu" in row for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows), fonts  # "emb" column


def test_paper_follows_the_choice_and_the_locale(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> None:
    a4 = write_pdf(_pack(demo_plan), tmp_path / "a4.pdf", "a4")
    letter = write_pdf(_pack(demo_plan), tmp_path / "letter.pdf", "letter")
    assert "595.276 x 841.89 pts (A4)" in _info(a4) or "(A4)" in _info(a4)
    assert "612 x 792 pts (letter)" in _info(letter)
    assert default_paper(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "letter"
    assert default_paper(QLocale(QLocale.Language.French, QLocale.Country.Canada)) == "letter"
    assert default_paper(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "a4"


def test_hostile_text_reads_as_text_and_long_notes_wrap(
    qtbot: QtBot, hostile_plan: PlanDB, tmp_path: Path
) -> None:
    pack = _pack(hostile_plan)
    path = write_pdf(pack, tmp_path / "pack.pdf")
    text = _text(path)
    flat = " ".join(text.split())
    assert "Acme <b>Bold</b> & Sons <script>alert('x')</script>" in flat  # shown, never rendered
    assert hostile.FORMULA_TITLE in flat
    assert "Coaching matters." in flat
    assert flat.count("Coaching matters.") >= 550  # the 10,000-character note is all there
    assert text.count("W") >= 10_000  # and the 10,000-letter word, broken across lines
    assert max(len(line) for line in text.splitlines()) < 200  # wrapped, not run off the page
    assert "SHARED-NOTE" in flat
    assert "PRIVATE-SECRET" not in flat
    assert "Private notes are not included (1 left out)." in flat
    with_private = _text(write_pdf(_pack(hostile_plan, private=True), tmp_path / "private.pdf"))
    assert "PRIVATE-SECRET" in with_private
    assert "This pack includes the seller's private notes." in " ".join(with_private.split())


def _row_pages(doc: QTextDocument, height: float) -> Iterator[tuple[int, int, float]]:
    layout = doc.documentLayout()
    for table in pack_pdf._tables(doc):
        for row in range(table.format().headerRowCount(), table.rows()):
            tops, bottoms = [], []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
                bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
            top, bottom = min(tops), max(bottoms)
            yield int(top // height), int((bottom - 0.01) // height), bottom - top


def test_table_rows_never_split_and_headings_keep_their_text(qtbot: QtBot, demo_plan: PlanDB) -> None:
    for plan in (demo_plan, open_memory()):
        if plan is not demo_plan:
            hostile.hostile_plan(plan)
        layout = PackLayout(_pack(plan))
        height = layout.content.height()
        rows = 0
        for section in layout.sections:
            for first, last, size in _row_pages(section.doc, height):
                rows += 1
                if size < height * 0.85:
                    assert first == last, (section.heading, first, last)
            block = section.doc.begin()
            while block.isValid():
                if block.blockFormat().headingLevel() and block.next().isValid():
                    doc_layout = section.doc.documentLayout()
                    heading_page = int(doc_layout.blockBoundingRect(block).top() // height)
                    following = block.next()
                    table = QTextCursor(following).currentTable()
                    if table is not None:
                        cell = table.cellAt(min(1, table.rows() - 1), 0)
                        following = cell.lastCursorPosition().block()
                    next_page = int((doc_layout.blockBoundingRect(following).top() + 1) // height)
                    assert next_page == heading_page, (section.heading, block.text())
                block = block.next()
        assert rows > 50


def test_a_long_table_moves_rows_and_repeats_its_header(qtbot: QtBot) -> None:
    doc = QTextDocument()
    doc.setPageSize(QSizeF(400, 300))
    rows = "".join(f"<tr><td>row {n}</td><td>{'text ' * (n % 5 * 12)}</td></tr>" for n in range(40))
    doc.setHtml(f"<table><thead><tr><th>A</th><th>B</th></tr></thead>{rows}</table>")
    assert any(first != last for first, last, size in _row_pages(doc, 300) if size < 255)  # Qt splits rows
    moved = pack_pdf.keep_together(doc, 300)
    assert moved > 0
    assert all(first == last for first, last, size in _row_pages(doc, 300) if size < 255)


def test_a_preview_page_is_drawn(qtbot: QtBot, demo_plan: PlanDB) -> None:
    layout = PackLayout(_pack(demo_plan), max_deals=1)
    assert layout.page_count >= 3
    image = layout.page_image(0, 300)
    assert image.width() == 300
    assert image.height() > 400
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 100  # text, not a blank page


def test_the_panel_map_can_be_used(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> None:
    pack = _pack(demo_plan)
    layout = PackLayout(pack, max_deals=1, panel_maps=True)
    first_deal = next(s for s in layout.sections if s.heading.startswith("Deal 1 "))
    assert first_deal.handler.scenes  # the Blue Sheet panel's scene drew the map
    assert layout.page_image(2, 200).width() == 200


def test_an_unwritable_pdf_destination_is_refused(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> None:
    with pytest.raises(PackError, match="does not exist"):
        write_pdf(_pack(demo_plan), tmp_path / "missing" / "pack.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_pdf_deal_table_shows_the_day_of_the_last_commitment(
    qtbot: QtBot, plan: PlanDB, tmp_path: Path
) -> None:
    import datetime as dt

    from planner.model import Commitment
    from planner.storage import evidence as evidence_repo
    from tests.planner.forecast_support import add_deal

    deal = add_deal(plan, "Qualified", 50_000, TODAY + dt.timedelta(days=40), title="Depot fleet")
    add_deal(plan, "Prospect", 20_000, TODAY + dt.timedelta(days=50), title="Yard scanners")
    with plan.atomic():
        evidence_repo.insert_commitment(
            plan, Commitment(0, deal, "Shared the budget range", dt.date(2026, 11, 3))
        )
    text = _text(write_pdf(_pack(plan), tmp_path / "pack.pdf"))
    table = text[text.index("\nAll deals\n") :]  # the section's heading, not the cover's line
    assert "Last" in table.split("Depot fleet")[0]  # the column's header, above the rows
    row = next(line for line in table.splitlines() if "Depot fleet" in line)
    other = next(line for line in table.splitlines() if "Yard scanners" in line)
    assert "3 Nov 2026" in row
    assert "Nov 2026" not in other
