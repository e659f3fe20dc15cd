"""Copy the Results and Targets tables of tests/benchmarks/results.md into README's Performance
section, with the run's date: `make bench` runs it after the benchmark, so the README shows the
figures of the last run (the prose around them is written by hand)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def table(results: str, section: str) -> str:
    block = results.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in block.splitlines() if line.startswith("|"))


def main() -> int:
    readme = ROOT / "README.md"
    results = (ROOT / "tests" / "benchmarks" / "results.md").read_text(encoding="utf-8")
    found = re.search(r"- Date: (\S+)", results)
    date = found.group(1)[:10] if found else "?"
    text = readme.read_text(encoding="utf-8")
    start = text.index("| Plan (cards on board) |")
    end = text.index("How the start is made")
    tables = f"{table(results, 'Results')}\n\n**Targets**\n\n{table(results, 'Targets')}\n\n"
    text = text[:start] + tables + text[end:]
    text = re.sub(r"in the same run\), on \S+,", f"in the same run), on {date},", text)
    readme.write_text(text, encoding="utf-8")
    print(f"README.md: Performance tables from the run of {date}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
