"""Writes the hostile corpus: `python -m tests.hostile.make_corpus [FOLDER]`.

Every module of tests/hostile/ with a `make(folder: Path) -> list[Path]` function adds its
attack files. Files too large to keep in the repository (ZIP bombs, a million rows) are made
by the tests themselves, in a temporary folder, and only named here.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path

import tests.hostile

CORPUS = Path(__file__).resolve().parent.parent / "data" / "hostile"

Maker = Callable[[Path], list[Path]]


def makers() -> dict[str, Maker]:
    """Each area's generator, by module name."""
    found: dict[str, Maker] = {}
    for module in pkgutil.iter_modules(tests.hostile.__path__):
        if module.name == "make_corpus":
            continue
        loaded = importlib.import_module(f"tests.hostile.{module.name}")
        make = getattr(loaded, "make", None)
        if callable(make):
            found[module.name] = make
    return found


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else CORPUS
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in sorted(makers().items()):
        area = folder / name
        area.mkdir(exist_ok=True)
        for path in make(area):
            print(f"{name}: {path.relative_to(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
