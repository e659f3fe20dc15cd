"""The files the seller picked, as classified tables: CSVs, XLSX sheets, folders and export ZIPs."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.exchange.decoding import decode, decode_head
from planner.exchange.layouts import FileKind, Layout, classify, detect_layout
from planner.exchange.problems import FileError, Problem, Severity
from planner.exchange.tables import MAX_FILE_BYTES, Table, parse_csv, read_xlsx
from planner.i18n import translate

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
# Files in a ZIP larger than this are classified from their first bytes before being read in
# full, so a weekly export's Task.csv or EmailMessage.csv costs nothing when it is not used.
_HEAD_BYTES = 1_000_000
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class SourceTable:
    """A table with what it holds and which CRM's layout it has."""

    table: Table
    kind: FileKind
    layout: Layout


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything read from the picked files: tables, and per-file problems."""

    tables: tuple[SourceTable, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...]

    def of_kind(self, kind: FileKind) -> list[SourceTable]:
        return [t for t in self.tables if t.kind is kind]


class _Reader:
    def __init__(self) -> None:
        self.tables: list[SourceTable] = []
        self.problems: list[Problem] = []
        self.files: list[str] = []
        self._names: set[str] = set()

    def name(self, wanted: str) -> str:
        # Two files called deals.csv in different folders must not share a name in messages.
        name, n = wanted, 1
        while name in self._names:
            n += 1
            name = f"{wanted} ({n})"
        self._names.add(name)
        self.files.append(name)
        return name

    def refuse(self, name: str, message: str) -> None:
        sentence = translate("Import", "{file} {problem}.").format(file=name, problem=message)
        self.problems.append(Problem(name, None, "", "", sentence, Severity.ERROR))

    @staticmethod
    def _too_large() -> str:
        return translate("Import", "is larger than {size} MB; export fewer rows").format(
            size=MAX_FILE_BYTES // 1_000_000
        )

    def path(self, path: Path, label: str | None = None) -> None:
        label = label or path.name or str(path)
        try:
            if path.is_dir():
                self.folder(path, label)
                return
            size = path.stat().st_size
        except OSError as exc:
            self.refuse(self.name(label), self._os_message(exc))
            return
        name = self.name(label)
        if size > MAX_FILE_BYTES:
            self.refuse(name, self._too_large())
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.refuse(name, self._os_message(exc))
            return
        self.data(name, data)

    @staticmethod
    def _os_message(exc: OSError) -> str:
        if isinstance(exc, FileNotFoundError):
            return translate("Import", "does not exist")
        return translate("Import", "cannot be read: {error}").format(error=exc.strerror or exc)

    def folder(self, folder: Path, label: str) -> None:
        try:
            children = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        except OSError as exc:
            self.refuse(self.name(label), self._os_message(exc))
            return
        found = False
        for child in children:
            if child.is_file() and child.suffix.lower() in (*TABLE_SUFFIXES, ".zip"):
                found = True
                self.path(child, f"{label}/{child.name}")
        if not found:
            self.refuse(self.name(label), translate("Import", "holds no CSV, XLSX or ZIP file"))

    def data(self, name: str, data: bytes) -> None:
        if data.startswith(_ZIP_MAGIC):
            try:
                archive = zipfile.ZipFile(io.BytesIO(data))
            except zipfile.BadZipFile as exc:
                self.refuse(name, translate("Import", "is a damaged ZIP file ({error})").format(error=exc))
                return
            with archive:
                members = set(archive.namelist())
                if "xl/workbook.xml" in members:
                    self.workbook(name, data)
                else:
                    self.archive(name, archive)
            return
        self.text(name, data)

    def workbook(self, name: str, data: bytes) -> None:
        try:
            tables = read_xlsx(name, data)
        except FileError as exc:
            self.refuse(name, str(exc))
            return
        for table in tables:
            self.add(table)

    def archive(self, name: str, archive: zipfile.ZipFile) -> None:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and Path(info.filename).suffix.lower() in TABLE_SUFFIXES
        ]
        if not members:
            self.refuse(name, translate("Import", "is a ZIP file without CSV or XLSX files in it"))
            return
        for info in sorted(members, key=lambda i: i.filename):
            member = self.name(f"{name}/{info.filename}")
            if info.file_size > MAX_FILE_BYTES:
                self.refuse(member, self._too_large())
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                self.refuse(member, translate("Import", "cannot be unpacked ({error})").format(error=exc))
                continue
            if data.startswith(_ZIP_MAGIC):
                self.workbook(member, data)
            elif not (len(data) > _HEAD_BYTES and self._unused_by_head(member, data)):
                self.text(member, data)

    def text(self, name: str, data: bytes) -> None:
        try:
            text, encoding = decode(data)
            table = parse_csv(name, text, encoding)
        except FileError as exc:
            self.refuse(name, str(exc))
            return
        self.add(table)

    def _unused_by_head(self, name: str, data: bytes) -> bool:
        try:
            head = parse_csv(name, decode_head(data[:_HEAD_BYTES]))
        except FileError:
            return False  # read it all; the full read reports what is wrong
        if classify(head.headers, name) is not FileKind.UNUSED:
            return False
        self.tables.append(SourceTable(head, FileKind.UNUSED, detect_layout(head.headers)))
        return True

    def add(self, table: Table) -> None:
        self.tables.append(
            SourceTable(table, classify(table.headers, table.name), detect_layout(table.headers))
        )
        self.problems.extend(table.problems)


def load(paths: Sequence[Path]) -> Loaded:
    """Read every file, folder or ZIP; what cannot be read becomes a per-file problem, never an error.

    When no file is recognised as deals, the largest unrecognised table is offered as the deals
    file, for the seller to map its columns by hand.
    """
    reader = _Reader()
    for path in paths:
        reader.path(Path(path))
    tables = reader.tables
    if not any(t.kind is FileKind.DEALS for t in tables):
        unused = [t for t in tables if t.kind is FileKind.UNUSED]
        if unused:
            biggest = max(unused, key=lambda t: len(t.table.rows))
            tables = [SourceTable(t.table, FileKind.DEALS, t.layout) if t is biggest else t for t in tables]
    return Loaded(tuple(tables), tuple(reader.problems), tuple(reader.files))
