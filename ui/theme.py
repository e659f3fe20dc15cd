"""Light and dark themes: follow the system's colour scheme, or the seller's choice."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


class Theme(StrEnum):
    """The seller's choice in View → Theme."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def system_is_dark() -> bool:
    """Whether the platform asks for dark colours (Qt 6.5+ reports the colour scheme)."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """A dark palette whose text/background pairs pass WCAG AA (contrast 4.5:1 or more)."""
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#1f2226",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#2a2e33",
        QPalette.ColorRole.AlternateBase: "#33383e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#aab1b9",
        QPalette.ColorRole.Button: "#2f3338",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#4d90fe",
        QPalette.ColorRole.HighlightedText: "#0b0c0e",
        QPalette.ColorRole.ToolTipBase: "#2a2e33",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Mid: "#5f6670",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868e"))
    return palette


def light_palette() -> QPalette:
    """The Fusion style's light palette with darker secondary text (AA contrast)."""
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette()) if style is not None else QPalette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5f6368"))
    palette.setColor(QPalette.ColorRole.Mid, QColor("#a0a4a8"))
    # Fusion's highlight blue gives white text only 3.7:1; this one gives 6:1.
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f5fa8"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


def apply_theme(app: QApplication, theme: Theme) -> bool:
    """Apply a theme; returns whether the result is dark."""
    dark = system_is_dark() if theme is Theme.SYSTEM else theme is Theme.DARK
    # The same widgets and colours on every platform. Set once: setting a style again re-lays
    # out every window, and docks would jump to their widgets' preferred widths.
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else light_palette())
    return dark


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
