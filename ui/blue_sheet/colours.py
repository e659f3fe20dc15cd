"""The Blue Sheet's signal colours, derived from the palette: readable (WCAG AA) in light and dark themes.

The light theme keeps the sheet's own colours (they already pass AA on white); a dark palette
gets tinted backgrounds mixed from its Base, and inks lightened along their hue until they pass
against every background they are drawn on. Widgets keep a "tone" (`set_tone`) so that
`restyle` can recolour them when the theme changes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from ui.theme import contrast_ratio

AA = 4.5  # WCAG 2 AA for normal text

# The light theme's colours: pale backgrounds under dark text, dark inks on white.
UNKNOWN_BACKGROUND = QColor("#fff4ce")
OVERDUE_BACKGROUND = QColor("#fde7e9")
HOSTILE_TEXT = QColor("#b03a2e")
MUTED_TEXT = QColor("#5d6d7e")
PASSED_TEXT = QColor("#1e6b34")
COACHING_TEXT = QColor("#1a4f8b")
# The hues a dark palette's tinted backgrounds are mixed from (a quarter of the hue, the rest Base).
_UNKNOWN_HUE = QColor("#f0c000")
_OVERDUE_HUE = QColor("#e05050")
_TINT = 0.25

Role = QPalette.ColorRole


def app_palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(palette: QPalette) -> bool:
    """Light text on a dark base: the dark theme, or a dark system palette."""
    return palette.color(Role.Base).lightnessF() < palette.color(Role.Text).lightnessF()


def _mix(base: QColor, hue: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        base.redF() + (hue.redF() - base.redF()) * amount,
        base.greenF() + (hue.greenF() - base.greenF()) * amount,
        base.blueF() + (hue.blueF() - base.blueF()) * amount,
    )


def readable(ink: QColor, backgrounds: list[QColor], minimum: float = AA) -> QColor:
    """`ink`, made lighter (on dark backgrounds) or darker (on light ones) in its own hue until
    it reaches `minimum` contrast against every background."""

    def passes(colour: QColor) -> bool:
        return all(contrast_ratio(colour, b) >= minimum for b in backgrounds)

    if passes(ink):
        return ink
    dark = sum(b.lightnessF() for b in backgrounds) / max(len(backgrounds), 1) < 0.5
    hue, saturation, lightness = ink.hslHueF(), ink.hslSaturationF(), ink.lightnessF()
    steps = 100
    for step in range(1, steps + 1):
        target = lightness + (1.0 - lightness if dark else -lightness) * step / steps
        # Rounded to 8 bits per channel, as a style sheet writes it: what is drawn is what passes.
        candidate = QColor(QColor.fromHslF(max(hue, 0.0), saturation, min(max(target, 0.0), 1.0)).name())
        if passes(candidate):
            return candidate
    return QColor("#ffffff") if dark else QColor("#000000")


def unknown_background(palette: QPalette) -> QColor:
    """Behind a cell whose value is unknown (a red flag): pale yellow, or a dark yellow tint."""
    if not is_dark(palette):
        return UNKNOWN_BACKGROUND
    return _mix(palette.color(Role.Base), _UNKNOWN_HUE, _TINT)


def overdue_background(palette: QPalette) -> QColor:
    """Behind an overdue action: pale red, or a dark red tint."""
    if not is_dark(palette):
        return OVERDUE_BACKGROUND
    return _mix(palette.color(Role.Base), _OVERDUE_HUE, _TINT)


def _cell_backgrounds(palette: QPalette) -> list[QColor]:
    # Table cells: plain and alternate rows, and the tinted rows the inks are drawn on.
    return [
        palette.color(Role.Base),
        palette.color(Role.AlternateBase),
        overdue_background(palette),
        unknown_background(palette),
    ]


def _widget_backgrounds(palette: QPalette) -> list[QColor]:
    # Labels sit on the window, or on the base of a scroll area's viewport.
    return [palette.color(Role.Window), palette.color(Role.Base)]


def hostile_text(palette: QPalette) -> QColor:
    """An overdue date in the action table."""
    return readable(HOSTILE_TEXT, _cell_backgrounds(palette))


def muted_text(palette: QPalette) -> QColor:
    """Secondary text in a table cell ("Not linked")."""
    return readable(MUTED_TEXT, _cell_backgrounds(palette))


def coaching_text(palette: QPalette) -> QColor:
    """The manager's coaching notes in the notes list."""
    return readable(COACHING_TEXT, _cell_backgrounds(palette))


# Tones of labels: the ink on the window, and whether it is bold.
_TONES: dict[str, tuple[QColor, bool]] = {
    "passed": (PASSED_TEXT, False),
    "failed": (HOSTILE_TEXT, False),
    "warning": (HOSTILE_TEXT, True),
    "muted": (MUTED_TEXT, False),
    "coaching": (COACHING_TEXT, False),
}
TONE_PROPERTY = "blueSheetTone"


def tone_colour(tone: str, palette: QPalette) -> QColor:
    """The ink of a label's tone against `palette`'s window (AA)."""
    ink, _bold = _TONES[tone]
    return readable(ink, _widget_backgrounds(palette))


def tone_style(tone: str, palette: QPalette) -> str:
    """The style sheet of a tone ("" for none: the palette's own text)."""
    if tone not in _TONES:
        return ""
    weight = " font-weight: bold;" if _TONES[tone][1] else ""
    return f"color: {tone_colour(tone, palette).name()};{weight}"


def set_tone(widget: QWidget, tone: str, palette: QPalette | None = None) -> None:
    """Colour a label by its meaning ("passed", "failed", "warning", "muted", "coaching", "")."""
    widget.setProperty(TONE_PROPERTY, tone)
    widget.setStyleSheet(tone_style(tone, palette or app_palette()))


def restyle(root: QWidget, palette: QPalette | None = None) -> None:
    """Recolour every toned widget under `root` for `palette` (after the theme changed)."""
    for widget in root.findChildren(QWidget):
        tone = widget.property(TONE_PROPERTY)
        if isinstance(tone, str):
            style = tone_style(tone, palette or app_palette())
            if widget.styleSheet() != style:
                widget.setStyleSheet(style)
