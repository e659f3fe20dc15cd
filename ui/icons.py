"""SVG icons from the resources package: crisp at any size and device-pixel ratio, loaded once."""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon

# The actions (toolbar, menus, a date field's calendar) with an icon in resources/icons/actions/<name>.svg.
ACTION_ICONS = ("new-deal", "edit", "filter", "export", "import", "undo", "redo", "calendar")
APP_ICON = "opportunity-planner"

# as_file() gives an installed folder's own path; from a zip it writes a copy that must live as
# long as the QIcon (Qt's SVG engine reads the file each time it renders a new size).
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def icon_path(*parts: str) -> Path:
    """The file of resources/icons/<parts...> on disk; FileNotFoundError names a missing icon."""
    resource = resources.files("resources").joinpath("icons", *parts)
    if not resource.is_file():
        raise FileNotFoundError(f"No icon resources/icons/{'/'.join(parts)}")
    return _extracted.enter_context(resources.as_file(resource))


@functools.cache
def icon(name: str) -> QIcon:
    """The action icon `name` (one of ACTION_ICONS), drawn from its SVG at whatever size Qt asks."""
    if name not in ACTION_ICONS:
        raise KeyError(f"No action icon {name!r}; the icons are {', '.join(ACTION_ICONS)}")
    return QIcon(str(icon_path("actions", f"{name}.svg")))


@functools.cache
def app_icon() -> QIcon:
    """The application's icon (window, task bar, About box), from the same SVG as the PNGs."""
    return QIcon(str(icon_path(f"{APP_ICON}.svg")))
