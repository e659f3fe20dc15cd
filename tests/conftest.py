"""Shared fixtures: headless Qt, in-memory plans, the demo plan."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.demo import populate_demo
from planner.storage.db import PlanDB, open_memory

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True, scope="session")
def private_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Preferences written by tests go to a temporary folder, never the user's own."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    # The planner started in a subprocess (CLI tests) keeps its preferences there too.
    os.environ["XDG_CONFIG_HOME"] = folder
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)


@pytest.fixture(autouse=True, scope="session")
def english_window(qapp: object) -> None:
    """The window in English with US formats, whatever this machine's locale (tests read texts)."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_language

    assert isinstance(qapp, QApplication)
    install_language(qapp, "en")


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    """The window in German for one test, back in English after it."""
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_language

    assert isinstance(qapp, QApplication)
    try:
        assert install_language(qapp, "de")
        yield
    finally:
        install_language(qapp, "en")


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    # An empty QT_QPA_PLATFORM would make Qt look for a display and abort.
    return ["planner-tests", "-platform", "offscreen"]


@pytest.fixture
def plan() -> Iterator[PlanDB]:
    db = open_memory()
    yield db
    db.close()


@pytest.fixture
def demo_plan() -> Iterator[PlanDB]:
    db = open_memory()
    populate_demo(db, TODAY)
    yield db
    db.close()
