"""The review pack's file formats and `write_pack`, which writes one of them; the PDF writer is given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planner import i18n

if TYPE_CHECKING:
    from planner.exchange.pack import Pack

PACK_FORMATS: tuple[str, ...] = ("pdf", "html", "md", "csv", "xlsx", "json")
# Writes a pack's PDF and returns its path. The PDF needs Qt, which planner/ never imports: the
# program's entry point (ui/app.py) passes ui.pack_pdf's writer down to here.
PdfWriter = Callable[["Pack", Path], Path]
NO_PDF_WRITER = (
    "This command line cannot write PDF (it needs the planner's window libraries): "
    "run the installed “planner” command, or choose html, md, csv, xlsx or json."
)


def write_pack(pack: Pack, fmt: str, out: Path, *, pdf_writer: PdfWriter | None = None) -> list[Path]:
    """Write one format of a pack; returns the files written (CSV writes two). In English, even
    from a translated window (see `build_pack`). PDF needs `pdf_writer` (PackError without)."""
    with i18n.english():
        return _write_pack(pack, fmt, out, pdf_writer=pdf_writer)


def _write_pack(pack: Pack, fmt: str, out: Path, *, pdf_writer: PdfWriter | None) -> list[Path]:
    from planner.exchange.pack import PackError

    if fmt == "html":
        from planner.exchange.pack_html import write_html

        return [write_html(pack, out)]
    if fmt == "md":
        from planner.exchange.pack_markdown import write_markdown

        return [write_markdown(pack, out)]
    if fmt == "csv":
        from planner.exchange.pack_csv import write_csv

        return write_csv(pack, out)
    if fmt == "xlsx":
        from planner.exchange.pack_xlsx import write_xlsx

        return [write_xlsx(pack, out)]
    if fmt == "json":
        from planner.exchange.pack_json import write_json

        return [write_json(pack, out)]
    if fmt == "pdf":
        if pdf_writer is None:
            raise PackError(NO_PDF_WRITER)
        return [pdf_writer(pack, out)]
    raise PackError(f"Unknown format “{fmt}”; use one of {', '.join(PACK_FORMATS)}.")
