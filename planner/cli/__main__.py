"""`python -m planner.cli`: the commands without the window, and without the PDF writer (Qt)."""

from __future__ import annotations

import sys

from planner.cli.program import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
