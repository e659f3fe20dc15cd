"""Render the application icon's SVG into the committed PNG, ICO and ICNS files (--check compares)."""

from __future__ import annotations

import argparse
import functools
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "opportunity-planner.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO = ROOT / "packaging" / "windows" / "opportunity-planner.ico"
ICNS = ROOT / "packaging" / "macos" / "opportunity-planner.icns"

# The freedesktop hicolor sizes; Windows and macOS take their own subsets below.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # ICO stops at 256; Vista and later read PNG entries
# ICNS element types holding PNG data: (type, pixel size). ic11-ic14 are the @2x ("Retina") ones.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def png_path(size: int) -> Path:
    """Where the hicolor PNG of one size lives (the layout ~/.local/share/icons/hicolor expects)."""
    return HICOLOR / f"{size}x{size}" / "apps" / "opportunity-planner.png"


@functools.cache
def _gui() -> object:
    # Qt's painting wants a QGuiApplication; offscreen needs no display. Cached: it stays alive.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn by Qt's SVG renderer on a transparent size x size square, as PNG bytes."""
    _gui()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image.convertToFormat(QImage.Format.Format_ARGB32)):
        raise OSError(f"Qt could not encode the {size} px PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are whole PNGs (ICONDIR, one ICONDIRENTRY per size, the data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size == 256 else size  # a width/height byte of 0 means 256
        # width, height, palette colours, reserved, colour planes, bits per pixel, size, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file of PNG elements: 'icns' + big-endian length, then (type, length, data) items."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs() -> dict[Path, bytes]:
    """Every generated file and its content, rendered from the SVG."""
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(SVG, size) for size in sizes}
    files = {png_path(size): pngs[size] for size in PNG_SIZES}
    files[ICO] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICNS] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with --check report the stale ones and exit 1."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        shown = path.relative_to(ROOT)
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(shown)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {shown} ({len(data):,} bytes)")
    for shown in stale:
        print(f"out of date: {shown} (run: python packaging/render_icons.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
