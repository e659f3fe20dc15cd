"""Icons stay crisp at 200%: SVG renders at device pixels, PNG sizes exist, colours read in both themes."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication

from ui.icons import ACTION_ICONS, APP_ICON, app_icon, icon, icon_path

ICONS = Path(str(resources.files("resources").joinpath("icons")))
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Window colours the icons must stand out from (WCAG 1.4.11, non-text contrast 3:1): white, the
# Fusion style's light window, and two dark windows.
BACKGROUNDS = ("#ffffff", "#efefef", "#1e1e1e", "#323232")


def _image(pixmap: QPixmap) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _partial_alpha(image: QImage) -> int:
    """Pixels between transparent and opaque: the width of the blurred band along every edge."""
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if 0 < image.pixelColor(x, y).alpha() < 255
    )


def _nearest_upscale(image: QImage, factor: int) -> QImage:
    return image.scaled(
        image.width() * factor,
        image.height() * factor,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


def _png(size: int) -> QImage:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ICON}.png"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or unreadable"
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def test_the_app_icon_renders_at_200_percent_in_device_pixels(qapp: QApplication) -> None:
    pixmap = app_icon().pixmap(QSize(64, 64), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (128, 128)  # device pixels, not 64 scaled up
    assert pixmap.deviceIndependentSize().toSize() == QSize(64, 64)
    assert app_icon() is app_icon()  # loaded once


def test_the_app_icon_at_200_percent_is_sharper_than_the_64_px_png_scaled_up(qapp: QApplication) -> None:
    crisp = _image(app_icon().pixmap(QSize(64, 64), 2.0))
    blocky = _nearest_upscale(_png(64), 2)
    assert crisp != blocky
    # A true 128 px render has a one-pixel antialiased band on each edge; a 64 px image scaled
    # up has two-pixel bands (each soft pixel becomes four), so about twice as many soft pixels.
    assert _partial_alpha(crisp) < 0.7 * _partial_alpha(blocky)
    # And it is the same picture as the 128 px PNG rendered from the same SVG.
    reference = _png(128)
    worst = max(
        abs(crisp.pixelColor(x, y).alpha() - reference.pixelColor(x, y).alpha())
        for y in range(128)
        for x in range(128)
    )
    assert worst <= 8


@pytest.mark.parametrize("name", ACTION_ICONS)
def test_every_action_icon_is_an_svg_drawn_crisply_at_200_percent(qapp: QApplication, name: str) -> None:
    action = icon(name)
    assert not action.isNull()
    assert icon(name) is action  # loaded once
    crisp = _image(action.pixmap(QSize(24, 24), 2.0))
    assert (crisp.width(), crisp.height()) == (48, 48)
    blocky = _nearest_upscale(_image(action.pixmap(QSize(24, 24), 1.0)), 2)
    assert 0 < _partial_alpha(crisp) < 0.7 * _partial_alpha(blocky)


def test_an_unknown_action_icon_is_an_error_not_a_blank_button() -> None:
    with pytest.raises(KeyError, match="new-deal"):
        icon("new-dael")
    with pytest.raises(FileNotFoundError):
        icon_path("actions", "missing.svg")


@pytest.mark.parametrize("size", PNG_SIZES)
def test_every_hicolor_png_exists_with_its_size(size: int) -> None:
    image = _png(size)
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # a transparent corner: no background square


def _luminance(colour: str) -> float:
    channels = [QColor(colour).redF(), QColor(colour).greenF(), QColor(colour).blueF()]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


SVGS = [ICONS / f"{APP_ICON}.svg", *(ICONS / "actions" / f"{name}.svg" for name in ACTION_ICONS)]


@pytest.mark.parametrize("svg", SVGS, ids=lambda path: path.stem)
def test_icon_colours_stand_out_on_light_and_dark_windows(svg: Path) -> None:
    colours = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', svg.read_text()))
    assert colours, "flat colours written as #rrggbb"
    # White only marks a coloured badge (plus, check): it must stand out from that badge.
    marks = {c for c in colours if c.lower() == "#ffffff"}
    shapes = colours - marks
    for colour in shapes:
        for background in BACKGROUNDS:
            assert _contrast(colour, background) >= 3.0, f"{colour} on {background}"
    for mark in marks:
        assert all(_contrast(mark, shape) >= 3.0 for shape in shapes)
