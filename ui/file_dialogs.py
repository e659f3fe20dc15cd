"""File dialogs that start where the seller last chose that kind of file, else in Documents."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.app_settings import AppSettings


class FolderKind(Enum):
    """What a dialog chooses: each kind remembers its own folder (the key in the app settings)."""

    PLANS = "plans"  # open, new, save a copy, salvage
    CRM_EXPORTS = "crm-exports"  # the import wizard's files and folders
    EXPORTS = "exports"  # the review pack's folder, influence map pictures
    REVIEWS = "reviews"  # plan bundles and review notes


def start_folder(kind: FolderKind, settings: AppSettings | None = None, fallback: Path | None = None) -> Path:
    """The folder last chosen for `kind`, else `fallback` (the folder of the file at hand), else
    Documents, else home; only folders that still exist."""
    remembered = (settings or AppSettings()).last_folder(kind.value)
    if remembered is not None:
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (fallback, Path(documents) if documents else None):
        if folder is not None and folder.is_dir():
            return folder
    return Path.home()


def remember(kind: FolderKind, folder: Path, settings: AppSettings | None = None) -> None:
    """Start the next dialog of `kind` in `folder`."""
    (settings or AppSettings()).set_last_folder(kind.value, folder.absolute())


def open_file(
    parent: QWidget | None,
    kind: FolderKind,
    caption: str,
    filters: str,
    *,
    settings: AppSettings | None = None,
) -> Path | None:
    """One existing file, or None when the seller cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(kind, settings)), filters)
    if not path:
        return None
    remember(kind, Path(path).parent, settings)
    return Path(path)


def open_files(
    parent: QWidget | None,
    kind: FolderKind,
    caption: str,
    filters: str,
    *,
    settings: AppSettings | None = None,
) -> list[Path]:
    """Existing files (none when the seller cancels)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, str(start_folder(kind, settings)), filters)
    if paths:
        remember(kind, Path(paths[0]).parent, settings)
    return [Path(p) for p in paths]


def save_file(
    parent: QWidget | None,
    kind: FolderKind,
    caption: str,
    name: str,
    filters: str,
    *,
    fallback: Path | None = None,
    settings: AppSettings | None = None,
) -> Path | None:
    """Where to write a new file, suggested as `name`; None when the seller cancels."""
    suggested = start_folder(kind, settings, fallback) / name
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    if not path:
        return None
    remember(kind, Path(path).parent, settings)
    return Path(path)


def choose_folder(
    parent: QWidget | None,
    kind: FolderKind,
    caption: str,
    *,
    start: Path | None = None,
    settings: AppSettings | None = None,
) -> Path | None:
    """An existing folder, starting in `start` when it exists; None when the seller cancels."""
    folder = start if start is not None and start.is_dir() else start_folder(kind, settings)
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(folder))
    if not chosen:
        return None
    remember(kind, Path(chosen), settings)
    return Path(chosen)
