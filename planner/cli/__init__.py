"""The `planner` command line: one parser and one `main` (program.py), one module per command group.

demo.py: `demo`; crm.py: `import` and `export --format crm-csv`; pack.py: the review pack's
`export` formats and `review`; reports.py: `forecast`, `hygiene` and `calls`. None needs Qt: the
program's entry point (ui/app.py) gives `main` the PDF writer and the window.
"""

from __future__ import annotations

from planner.cli.common import PROG, UsageError
from planner.cli.program import build_parser, main, parse, run_command

__all__ = ["PROG", "UsageError", "build_parser", "main", "parse", "run_command"]
