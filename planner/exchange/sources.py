"""The files the seller picked, as classified tables: CSVs, XLSX sheets, folders and export ZIPs."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from planner.exchange.decoding import decode
from planner.exchange.layouts import FileKind, Layout, classify, detect_layout
from planner.exchange.problems import FileError, Problem, Severity
from planner.exchange.tables import Table, parse_csv, read_csv, read_xlsx
from planner.i18n import format_number, translate
from planner.limits import MAX_TABLE_BYTES, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
# Files in a ZIP larger than this are classified from their first bytes before being read in
# full, so a weekly export's Task.csv or EmailMessage.csv costs nothing when it is not used.
_HEAD_BYTES = 1_000_000
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 16
# The end of a ZIP's directory: its signature, and how far from the end it may sit (a comment).
_END_OF_DIRECTORY = b"PK\x05\x06"
_END_SEARCH = 22 + 65_535
# A directory entry is at least 46 bytes and a name; zipfile reads the whole directory at once.
_DIRECTORY_BYTES = MAX_ZIP_ENTRIES * 400


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


def _too_large() -> str:
    return translate("Import", "is larger than {size} MB; export fewer rows").format(
        size=format_number(MAX_TABLE_BYTES // 1_000_000)
    )


class _ArchiveTooLargeError(Exception):
    """A ZIP's members together unpack to more than MAX_UNPACKED_BYTES."""


class _Budget:
    """What a ZIP's members may still unpack, all together."""

    def __init__(self) -> None:
        self.left = MAX_UNPACKED_BYTES

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise _ArchiveTooLargeError


def _chunks(handle: IO[bytes], budget: _Budget | None = None, first: bytes = b"") -> Iterator[bytes]:
    """`first`, then the rest of a file's bytes in chunks, counted as read: FileError past
    MAX_TABLE_BYTES (whatever its size claimed), _ArchiveTooLargeError when the ZIP's `budget`
    runs out."""
    read = 0
    chunk = first or handle.read(_CHUNK)
    while chunk:
        read += len(chunk)
        if read > MAX_TABLE_BYTES:
            raise FileError(_too_large())
        if budget is not None:
            budget.take(len(chunk))
        yield chunk
        chunk = handle.read(_CHUNK)


def _directory_problem(handle: IO[bytes]) -> str | None:
    """Why a ZIP's directory is too large to read, or None (zipfile reports a damaged one itself).

    Read from its end record before zipfile builds an object per entry: a small ZIP can claim
    millions of entries.
    """
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - _END_SEARCH))
    tail = handle.read()
    # Where zipfile looks: the last 22 bytes first (no comment), then the last signature.
    at = len(tail) - 22 if tail[-22:-18] == _END_OF_DIRECTORY else tail.rfind(_END_OF_DIRECTORY)
    handle.seek(0)
    if at < 0 or len(tail) - at < 22:
        return None
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    # 0xFFFF and 0xFFFFFFFF mean "see the ZIP64 record": far beyond the limits either way.
    if entries > MAX_ZIP_ENTRIES or directory > _DIRECTORY_BYTES:
        return translate(
            "Import", "is a ZIP file of more than {limit} files; unpack the files you need"
        ).format(limit=format_number(MAX_ZIP_ENTRIES))
    return None


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

    def path(self, path: Path, label: str | None = None) -> None:
        label = label or path.name or str(path)
        try:
            if path.is_dir():
                self.folder(path, label)
                return
            handle = path.open("rb")
        except OSError as exc:
            self.refuse(self.name(label), self._os_message(exc))
            return
        name = self.name(label)
        with handle:
            try:
                self.stream(name, handle)
            except OSError as exc:
                self.refuse(name, self._os_message(exc))

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

    def stream(self, name: str, handle: IO[bytes]) -> None:
        """A picked file: a workbook or a ZIP of tables (read in place), else text (read as it comes)."""
        magic = handle.read(len(_ZIP_MAGIC))
        if magic != _ZIP_MAGIC:
            if _size(handle) > MAX_TABLE_BYTES:  # refused before reading, when its size is known
                self.refuse(name, _too_large())
                return
            try:
                self.add(read_csv(name, _chunks(handle, first=magic)))
            except FileError as exc:
                self.refuse(name, str(exc))
            return
        self.zip(name, handle)

    def zip(self, name: str, handle: IO[bytes]) -> None:
        problem = _directory_problem(handle)
        if problem:
            self.refuse(name, problem)
            return
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.refuse(name, translate("Import", "is a damaged ZIP file ({error})").format(error=exc))
            return
        with archive:
            if len(archive.infolist()) > MAX_ZIP_ENTRIES:
                self.refuse(
                    name,
                    translate(
                        "Import", "is a ZIP file of more than {limit} files; unpack the files you need"
                    ).format(limit=format_number(MAX_ZIP_ENTRIES)),
                )
            elif "xl/workbook.xml" in archive.namelist():
                self.workbook(name, archive, handle)
            else:
                self.archive(name, archive)

    def workbook(self, name: str, archive: zipfile.ZipFile, handle: IO[bytes]) -> None:
        # zipfile never unpacks more of a part than it declares (it stops there, and then finds
        # the checksum wrong), so the declared sizes bound what openpyxl can be made to read.
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            self.refuse(name, _unpacks_too_much())
            return
        handle.seek(0)
        try:
            tables = read_xlsx(name, handle)
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
        # Everything this ZIP adds, so that a ZIP beyond the limit adds nothing but its refusal.
        kept = len(self.tables), len(self.problems), len(self.files)
        budget = _Budget()
        try:
            for info in sorted(members, key=lambda i: i.filename):
                self.member(name, archive, info, budget)
        except _ArchiveTooLargeError:
            del self.tables[kept[0] :], self.problems[kept[1] :], self.files[kept[2] :]
            self.refuse(name, _unpacks_too_much())

    def member(self, name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> None:
        member = self.name(f"{name}/{info.filename}")
        if info.file_size > MAX_TABLE_BYTES:
            self.refuse(member, _too_large())
            return
        try:
            with archive.open(info) as handle:
                chunks = _chunks(handle, budget)
                head = _first(chunks, _HEAD_BYTES)
                if head.startswith(_ZIP_MAGIC):
                    data = b"".join(_chain(head, chunks))
                    self.nested(member, data)
                    return
                more = _peek(chunks)
                if more is not None and self._unused_by_head(member, head):
                    return
                rest = _chain(more, chunks) if more is not None else iter(())
                self.add(read_csv(member, _chain(head, rest)))
        except FileError as exc:
            self.refuse(member, str(exc))
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
            self.refuse(member, translate("Import", "cannot be unpacked ({error})").format(error=exc))

    def nested(self, name: str, data: bytes) -> None:
        """A workbook inside a ZIP (already within the ZIP's limits as it was unpacked)."""
        handle = io.BytesIO(data)
        problem = _directory_problem(handle)
        if problem:
            self.refuse(name, problem)
            return
        try:
            inner = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.refuse(name, translate("Import", "is a damaged ZIP file ({error})").format(error=exc))
            return
        with inner:
            self.workbook(name, inner, handle)

    def _unused_by_head(self, name: str, data: bytes) -> bool:
        try:
            text, _encoding = decode(_whole_lines(data))
            head = parse_csv(name, text)
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


def _unpacks_too_much() -> str:
    return translate(
        "Import", "unpacks to more than {size} MB; export fewer rows or unpack the files you need"
    ).format(size=format_number(MAX_UNPACKED_BYTES // 1_000_000))


def _size(handle: IO[bytes]) -> int:
    """The size of an open regular file (0 for a pipe or device: those are counted as read)."""
    try:
        status = os.fstat(handle.fileno())
    except (OSError, io.UnsupportedOperation):
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _first(chunks: Iterator[bytes], size: int) -> bytes:
    """At least `size` bytes from `chunks` (fewer at the end)."""
    head = bytearray()
    while len(head) < size:
        chunk = next(chunks, None)
        if chunk is None:
            break
        head += chunk
    return bytes(head)


def _peek(chunks: Iterator[bytes]) -> bytes | None:
    """The next chunk, or None at the end."""
    return next(chunks, None)


def _whole_lines(head: bytes) -> bytes:
    """The first bytes of a file without its last, maybe cut, line (a character may be cut too)."""
    newline = head.rfind(b"\n")
    return head[: newline + 1] if newline > 0 else head


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
