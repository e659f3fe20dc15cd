"""What the three PyInstaller specs share: the modules left out of every build."""

from __future__ import annotations

# Qt modules the planner never imports (tests/test_packaging_files.py checks it). PyInstaller
# only bundles what is imported, so these guard against a stray import (a test helper, a hook)
# dragging in hundreds of megabytes.
# QtNetwork is pulled in by PySide6's own hook otherwise (+4 MB with its TLS plugins): take it
# out of this list the day the planner uses it (QLocalServer for a single instance, say).
QT_EXCLUDES = [
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtDataVisualization", "QtDesigner", "QtGraphs",
        "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
        "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
        "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
        "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
        "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
        "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
        "QtWebEngineWidgets", "QtWebSockets", "QtWebView",
    )
]  # fmt: skip
# Development tools that must never ride along, and Tk (Python's own GUI toolkit, unused).
PYTHON_EXCLUDES = ["tkinter", "pytest", "pytestqt", "hypothesis", "mypy", "ruff", "tests"]
