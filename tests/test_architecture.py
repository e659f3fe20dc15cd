"""The layering contract: planner/ never imports Qt or ui/ (import-linter), nor loads them by name."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
def test_planner_never_imports_qt_or_ui() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.slow
def test_contract_catches_a_qt_import(tmp_path: Path) -> None:
    # The same contract on a copy of the tree with one forbidden import must fail.
    for name in ("planner", "ui"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "planner" / "leak.py").write_text("from PySide6 import QtCore\n")
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": str(LINT_IMPORTS.parent)},
    )
    assert result.returncode != 0
    assert "planner.leak" in result.stdout


# The contract above sees `import` statements only. A module loaded by name (importlib,
# __import__, a "module:function" string handed to a loader) slips past it, so planner/ may
# not do that at all: what needs Qt is given to planner/ by ui/ (the PDF writer, the window).
_LOADERS = {"import_module", "__import__", "resolve_name", "find_spec", "load_entry_point"}
_QT_OR_UI_PATH = re.compile(r"(ui|PySide6|shiboken6)([.:][A-Za-z_]\w*)+|PySide6|shiboken6")


def string_imports(root: Path) -> list[str]:
    """Where a module under `root` loads modules by name, or names ui/ or Qt in a string."""
    found = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and {a.name for a in node.names} & (_LOADERS | {"*"}):
                found.append(f"{where}:{node.lineno}: from {node.module} import ...")
            elif isinstance(node, ast.Attribute | ast.Name):
                name = node.attr if isinstance(node, ast.Attribute) else node.id
                if name in _LOADERS:
                    found.append(f"{where}:{node.lineno}: {name}")
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _QT_OR_UI_PATH.fullmatch(node.value.strip())
            ):
                found.append(f"{where}:{node.lineno}: {node.value!r}")
    return found


def test_planner_never_loads_qt_or_ui_by_name() -> None:
    assert string_imports(ROOT / "planner") == []


@pytest.mark.parametrize(
    "leak",
    [
        'import importlib\nwriter = importlib.import_module("ui.pack_pdf")\n',
        'from importlib import import_module\nqt = import_module("PySide6.QtGui")\n',
        'qt = __import__("PySide6")\n',
        'DEFAULT_PDF_WRITER = "ui.pack_pdf:write_pdf_headless"\n',
    ],
)
def test_the_string_back_door_is_caught(tmp_path: Path, leak: str) -> None:
    (tmp_path / "planner").mkdir()
    (tmp_path / "planner" / "leak.py").write_text(leak)
    assert string_imports(tmp_path / "planner")
