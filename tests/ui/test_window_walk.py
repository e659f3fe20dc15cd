"""The stateful window test: seeded walks through the real main window (tests/ui/window_walk.py).

`make test` walks a fixed budget of steps over several seeds; `make soak` walks thousands.
A failure names the seed and the shrunk sequence of steps that breaks an invariant.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.window_walk import draw_steps, report, run_walk

SEEDS = (1, 2, 3, 4, 5, 6)
STEPS = 40


@pytest.mark.parametrize("seed", SEEDS)
def test_window_walk(qtbot: QtBot, seed: int) -> None:
    steps = draw_steps(seed, STEPS)
    failure = run_walk(steps)
    if failure is not None:
        pytest.fail(report(seed, steps, failure), pytrace=False)
