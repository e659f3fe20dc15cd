"""The seller's preferences on this computer (QSettings): window layout, recent plans, theme,
language, paper, and whether the welcome was seen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from ui.i18n import LANGUAGES, SYSTEM
from ui.theme import Theme

if TYPE_CHECKING:
    from planner.exchange.pack import PaperSize

MAX_RECENT = 8
PAPER_SIZES = ("locale", "A4", "Letter")


class AppSettings:
    """Typed access to QSettings; a damaged value reads as the default, never as a crash."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _text(self, key: str, default: str) -> str:
        value = self._settings.value(key, default)
        return value if isinstance(value, str) else default

    def _flag(self, key: str) -> bool:
        # An INI file gives back "true"/"false" as text; anything else reads as False.
        value = self._settings.value(key, False)
        if isinstance(value, bool):
            return value
        return isinstance(value, str) and value.strip().lower() == "true"

    # Window -------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    # Plans --------------------------------------------------------------------------------
    def recent_plans(self) -> list[Path]:
        """Most recent first; files that no longer exist are left out."""
        value = self._settings.value("plans/recent", [])
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        return [Path(p) for p in items if isinstance(p, str) and p and Path(p).exists()]

    def add_recent_plan(self, path: Path) -> None:
        resolved = str(path.resolve())
        plans = [resolved] + [str(p) for p in self.recent_plans() if str(p) != resolved]
        self._settings.setValue("plans/recent", plans[:MAX_RECENT])

    def last_folder(self, kind: str) -> Path | None:
        """The folder a file dialog of `kind` was last answered in (ui.file_dialogs), while it exists."""
        value = self._text(f"folders/{kind}", "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self._settings.setValue(f"folders/{kind}", str(folder))

    # Appearance and output ----------------------------------------------------------------
    def theme(self) -> Theme:
        value = self._text("view/theme", Theme.SYSTEM.value)
        return Theme(value) if value in {t.value for t in Theme} else Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self._settings.setValue("view/theme", theme.value)

    def language(self) -> str:
        """A code of ui.i18n.LANGUAGES, or "system" (the default: follow the system's)."""
        value = self._text("view/language", SYSTEM)
        return value if value in LANGUAGES or value == SYSTEM else SYSTEM

    def set_language(self, language: str) -> None:
        self._settings.setValue("view/language", language if language in LANGUAGES else SYSTEM)

    def paper_size(self) -> str:
        value = self._text("export/paper", "locale")
        return value if value in PAPER_SIZES else "locale"

    def set_paper_size(self, paper: str) -> None:
        self._settings.setValue("export/paper", paper if paper in PAPER_SIZES else "locale")

    def export_paper(self) -> PaperSize | None:
        """The review pack's paper: "a4" or "letter", None to follow the locale."""
        papers: dict[str, PaperSize] = {"A4": "a4", "Letter": "letter"}
        return papers.get(self.paper_size())

    # First run ----------------------------------------------------------------------------
    def welcome_seen(self) -> bool:
        """Whether the welcome was shown once on this computer (it then stays in Help)."""
        return self._flag("welcome/seen")

    def set_welcome_seen(self, seen: bool = True) -> None:
        self._settings.setValue("welcome/seen", seen)

    # Review -------------------------------------------------------------------------------
    def reviewer_name(self) -> str:
        """The manager's name on the review notes written on this computer ('' until asked)."""
        return self._text("review/reviewer", "").strip()

    def set_reviewer_name(self, name: str) -> None:
        self._settings.setValue("review/reviewer", name.strip())

    def sync(self) -> None:
        self._settings.sync()
