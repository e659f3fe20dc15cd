"""Keeps resources/translations/planner_<lang>.ts and .qm in step with the sources.

    python packaging/translations.py build            # lupdate, merge new wording, lrelease
    python packaging/translations.py missing FILE...  # sources in FILEs with no translation yet

`build` runs Qt's lupdate over planner/ and ui/ (it keeps every translation already in the .ts
and drops sources that are gone), fills unfinished messages from resources/translations/
incoming/<lang>/*.json ({"Context": {"source": "translation"}}, a convenient way to write many
translations at once), and compiles the .qm with lrelease. Both the .ts and the .qm are
committed; tests check that the .qm matches the .ts and that nothing is left unfinished.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de",)


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: run `make test` once to set up the venv")
    return found


def sources() -> list[Path]:
    return sorted(p for folder in ("planner", "ui") for p in (ROOT / folder).rglob("*.py"))


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"planner_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"planner_{language}.qm"


def lupdate(files: list[Path], ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *map(str, files), "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def incoming(language: str) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((TRANSLATIONS / "incoming" / language).glob("*.json")):
        for context, table in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(table)
    return merged


def messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) of every message."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") == "unfinished"
            text = None if unfinished or translation is None else (translation.text or "")
            found.append((name, message.findtext("source") or "", text))
    return found


def fill(ts: Path, table: dict[str, dict[str, str]]) -> int:
    """Write `table`'s translations into unfinished messages of `ts`; returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        wording = table.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            if translation is not None and translation.get("type") == "unfinished" and source in wording:
                translation.text = wording[source]
                del translation.attrib["type"]
                filled += 1
    if filled:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return filled


def build() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        ts = ts_path(language)
        if not ts.exists():
            header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            ts.write_text(f'{header}<TS version="2.1" language="{language}"/>\n', encoding="utf-8")
        lupdate(sources(), ts)
        filled = fill(ts, incoming(language))
        lupdate(sources(), ts)  # lupdate's own layout again, so the file diffs cleanly
        lrelease(ts, qm_path(language))
        left = [(c, s) for c, s, t in messages(ts) if t is None]
        total = len(messages(ts))
        print(f"{ts.relative_to(ROOT)}: {total} messages, {filled} filled now, {len(left)} unfinished")
        for context, source in left[:50]:
            print(f"  unfinished: [{context}] {source!r}")
        status = status or (1 if left else 0)
    return status


def missing(files: list[Path], language: str) -> int:
    """Print the sources of `files` that neither the .ts nor incoming/ translates."""
    known = (
        {(c, s) for c, s, t in messages(ts_path(language)) if t is not None}
        if ts_path(language).exists()
        else set()
    )
    table = incoming(language)
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "check.ts"
        ts.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1"/>\n', encoding="utf-8"
        )
        lupdate([f.resolve() for f in files], ts)
        left = [(c, s) for c, s, _ in messages(ts) if (c, s) not in known and s not in table.get(c, {})]
    for context, source in left:
        print(f"[{context}] {source!r}")
    print(f"{len(left)} without a translation", file=sys.stderr)
    return 1 if left else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build")
    check = sub.add_parser("missing")
    check.add_argument("files", nargs="+", type=Path)
    check.add_argument("--language", default="de")
    args = parser.parse_args()
    return build() if args.command == "build" else missing(args.files, args.language)


if __name__ == "__main__":
    raise SystemExit(main())
