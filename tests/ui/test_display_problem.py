"""ui.app.display_problem: a readable hint instead of Qt's abort when no display can be used."""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Callable

import pytest

from ui.app import display_problem


def _libraries(*missing: str) -> Callable[[str], str | None]:
    """A find_library stand-in that knows every library except `missing`."""

    def find_library(name: str) -> str | None:
        return None if name in missing else f"lib{name}.so.0"

    return find_library


def _no_library_lookup(name: str) -> str | None:
    raise AssertionError(f"find_library({name!r}) should not be needed here")


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Linux with no display variables and every X11 library present; tests set what they need."""
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", _libraries())
    return monkeypatch


@pytest.mark.parametrize("platform", [None, ""])
def test_no_display_suggests_offscreen(linux: pytest.MonkeyPatch, platform: str | None) -> None:
    if platform is not None:
        linux.setenv("QT_QPA_PLATFORM", platform)
    linux.setattr(ctypes.util, "find_library", _no_library_lookup)
    problem = display_problem()
    assert problem is not None
    assert "QT_QPA_PLATFORM=offscreen" in problem
    assert "DISPLAY and WAYLAND_DISPLAY are unset" in problem


def test_missing_xcb_cursor_names_the_package(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("DISPLAY", ":0")
    linux.setattr(ctypes.util, "find_library", _libraries("xcb-cursor"))
    problem = display_problem()
    assert problem is not None
    assert problem.endswith("sudo apt install libxcb-cursor0")


def test_every_missing_package_is_named(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("DISPLAY", ":0")
    linux.setattr(ctypes.util, "find_library", _libraries("xcb-cursor", "xkbcommon-x11"))
    problem = display_problem()
    assert problem is not None
    assert problem.endswith("sudo apt install libxcb-cursor0 libxkbcommon-x11-0")


def test_x11_with_every_library_is_fine(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("DISPLAY", ":0")
    assert display_problem() is None


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "offscreen:fontengine=freetype"])
def test_screenless_platforms_need_nothing(linux: pytest.MonkeyPatch, platform: str) -> None:
    linux.setenv("QT_QPA_PLATFORM", platform)
    linux.setattr(ctypes.util, "find_library", _no_library_lookup)
    assert display_problem() is None


def test_wayland_session_needs_no_x11_libraries(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("WAYLAND_DISPLAY", "wayland-0")
    linux.setattr(ctypes.util, "find_library", _no_library_lookup)
    assert display_problem() is None


def test_forced_xcb_needs_display_even_in_a_wayland_session(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("QT_QPA_PLATFORM", "xcb")
    linux.setenv("WAYLAND_DISPLAY", "wayland-0")
    problem = display_problem()
    assert problem is not None
    assert "QT_QPA_PLATFORM=xcb but DISPLAY is unset" in problem


def test_forced_wayland_needs_wayland_display(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("QT_QPA_PLATFORM", "wayland")
    linux.setenv("DISPLAY", ":0")
    problem = display_problem()
    assert problem is not None
    assert "WAYLAND_DISPLAY is unset" in problem


def test_xcb_options_still_check_libraries(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("QT_QPA_PLATFORM", "xcb:nograb")
    linux.setenv("DISPLAY", ":0")
    linux.setattr(ctypes.util, "find_library", _libraries("xcb-icccm"))
    problem = display_problem()
    assert problem is not None
    assert problem.endswith("sudo apt install libxcb-icccm4")


def test_other_systems_are_left_to_qt(linux: pytest.MonkeyPatch) -> None:
    linux.setattr(sys, "platform", "darwin")
    linux.setattr(ctypes.util, "find_library", _no_library_lookup)
    assert display_problem() is None
