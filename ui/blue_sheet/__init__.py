"""The Blue Sheet panel of a deal: objective, position, buying influences and their map, flags, plan."""

from __future__ import annotations

from ui.blue_sheet.influence_map import build_map_scene, render_scene_png, render_scene_svg
from ui.blue_sheet.panel import BlueSheetPanel

__all__ = ["BlueSheetPanel", "build_map_scene", "render_scene_png", "render_scene_svg"]
