"""The influence map's look as plain data: shape is the role, colour the mode, the badge the rating.

The window's map (ui/blue_sheet/influence_map.py) and the review pack's drawing
(planner/exchange/pack_charts.py) both draw from here, so the app, the PDF and the HTML read
alike: hex colours, shape names (each drawer knows how to outline them) and the legend's words.
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import Mode, Role
from planner.red_flags import HOSTILE_AT_MOST, STRONG_COACH_AT_LEAST

# Pale fills under dark text (contrast above 7:1): receptive modes (Growth, Trouble) in greens and
# blues, unreceptive ones (Even Keel, Overconfident) in grey and red.
MODE_FILL: dict[Mode, str] = {
    Mode.GROWTH: "#d5f0d8",
    Mode.TROUBLE: "#d6e6fb",
    Mode.EVEN_KEEL: "#e6e6e6",
    Mode.OVERCONFIDENT: "#f9d7d3",
    Mode.UNKNOWN: "#ffffff",
}
MODE_EDGE: dict[Mode, str] = {
    Mode.GROWTH: "#2e7d32",
    Mode.TROUBLE: "#1f5fa8",
    Mode.EVEN_KEEL: "#6b6b6b",
    Mode.OVERCONFIDENT: "#b03a2e",
    Mode.UNKNOWN: "#8a6d00",
}
# Shape per role: "hexagon", "rounded", "rectangle", "notched" (cut corners), "dashed".
ROLE_SHAPE: dict[Role, str] = {
    Role.ECONOMIC: "hexagon",
    Role.USER: "rounded",
    Role.TECHNICAL: "rectangle",
    Role.COACH: "notched",
    Role.UNKNOWN: "dashed",
}
WHITE = "#ffffff"
LINE = "#7a7a7a"  # reports-to lines and the dashed box of someone not on the deal
HOSTILE = "#b03a2e"  # a hostile rating's badge, and a reports-to loop
STRONG = "#2e7d32"  # the badge of a rating of +3 or more
MINUS = "\u2212"

# Sources of the legend's words (context "InfluenceMap"), translated by the functions below.
_SHAPE_WORDS = {
    "hexagon": QT_TRANSLATE_NOOP("InfluenceMap", "hexagon"),
    "rounded": QT_TRANSLATE_NOOP("InfluenceMap", "rounded"),
    "rectangle": QT_TRANSLATE_NOOP("InfluenceMap", "rectangle"),
    "notched": QT_TRANSLATE_NOOP("InfluenceMap", "cut corners"),
    "dashed": QT_TRANSLATE_NOOP("InfluenceMap", "dashed"),
}
_COLOUR_WORDS = {
    Mode.GROWTH: QT_TRANSLATE_NOOP("InfluenceMap", "green"),
    Mode.TROUBLE: QT_TRANSLATE_NOOP("InfluenceMap", "blue"),
    Mode.EVEN_KEEL: QT_TRANSLATE_NOOP("InfluenceMap", "grey"),
    Mode.OVERCONFIDENT: QT_TRANSLATE_NOOP("InfluenceMap", "red"),
    Mode.UNKNOWN: QT_TRANSLATE_NOOP("InfluenceMap", "white"),
}


def shape_of(role: Role) -> str:
    """The shape of a role; a stored value that is not one of the roles draws as unknown (dashed)."""
    return ROLE_SHAPE.get(role, "dashed")


def fill_of(mode: Mode) -> str:
    """The fill of a mode; a stored value that is not one of the modes fills as unknown."""
    return MODE_FILL.get(mode, WHITE)


def edge_of(mode: Mode) -> str:
    """The outline of a mode; a stored value that is not one of the modes outlines as unknown."""
    return MODE_EDGE.get(mode, MODE_EDGE[Mode.UNKNOWN])


def badge_colours(rating: int | None) -> tuple[str, str | None]:
    """(fill, ink) of the rating's badge: white on red for hostile, white on green from +3, else
    white with ink None (the drawer's own text colour)."""
    if rating is not None and rating <= HOSTILE_AT_MOST:
        return HOSTILE, WHITE
    if rating is not None and rating >= STRONG_COACH_AT_LEAST:
        return STRONG, WHITE
    return WHITE, None


def shape_title() -> str:
    return translate("InfluenceMap", "Shape: role")


def colour_title() -> str:
    return translate("InfluenceMap", "Colour: mode")


def badge_note() -> str:
    """The legend's last line: how the badge and the grey boxes read."""
    return translate(
        "InfluenceMap",
        "Badge: rating from {minus}5 to +5 (? unknown; red: hostile, green: +3 or more)."
        " Dashed grey: reported to, not on this deal.",
    ).format(minus=MINUS)


def legend_text() -> str:
    """The whole legend in one paragraph, for a page that shows no swatches (the review pack)."""
    item = translate("InfluenceMap", "{look} {meaning}")
    shapes = ", ".join(
        item.format(look=translate("InfluenceMap", _SHAPE_WORDS[shape]), meaning=role.label)
        for role, shape in ROLE_SHAPE.items()
    )
    colours = ", ".join(
        item.format(look=translate("InfluenceMap", _COLOUR_WORDS[mode]), meaning=mode.label)
        for mode in MODE_FILL
    )
    group = translate("InfluenceMap", "{title} ({items}).")
    return " ".join(
        (
            group.format(title=shape_title(), items=shapes),
            group.format(title=colour_title(), items=colours),
            badge_note(),
        )
    )
