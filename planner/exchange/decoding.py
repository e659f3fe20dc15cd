"""Bytes to text: BOMs, UTF-16 without a BOM, UTF-8, then Windows-1252; binary files refused by name.

Text is decoded line by line as the bytes arrive, so a file is never held whole (nor twice). A
file without a BOM is read as UTF-8 line by line; a line that is not UTF-8 is read as
Windows-1252 (what Excel on Windows saves). When most of the file's accented lines are UTF-8,
those other lines are reported (the reader says which), else the file is Windows-1252 as a whole.
A NUL byte anywhere refuses the file: no CSV a CRM or spreadsheet writes holds one.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

from planner.exchange.problems import FileError
from planner.i18n import format_number, translate

# Magic numbers of the files people pick by mistake, so the message can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel (.xls) or Word file; save it as .xlsx or CSV"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a bitmap image"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8 with BOM"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def describe_binary(head: bytes) -> str | None:
    """What a binary file is ('a PNG image'), or None when it may be text."""
    for magic, what in _MAGIC:
        # "BM" and "MZ" also start ordinary words: only call them binary when NULs follow.
        if head.startswith(magic) and (len(magic) > 2 or b"\x00" in head[:512]):
            return what
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    # ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(len(sample[0::2]), 1)
    odd = sample[1::2].count(0) / max(len(sample[1::2]), 1)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


# The beginning of a file that decides its encoding (BOM, binary magic, UTF-16 without a BOM).
_HEAD = 4096


def _binary_error(what: str) -> FileError:
    return FileError(
        translate("Import", "is not a CSV or spreadsheet file (it looks like {binary})").format(binary=what)
    )


def _nul_error(line: int) -> FileError:
    return FileError(
        translate(
            "Import", "is not a CSV or spreadsheet file (it contains binary data: a NUL byte on line {line})"
        ).format(line=format_number(line))
    )


def _byte_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks cut after each b"\\n" (a line of any length is built once, not copied per chunk)."""
    pending = bytearray()
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            if end < 0:
                pending += chunk[start:]
                break
            pending += chunk[start : end + 1]
            yield bytes(pending)
            pending.clear()
            start = end + 1
    if pending:
        yield bytes(pending)


def _text_lines(chunks: Iterable[str]) -> Iterator[str]:
    """Decoded text cut after each "\\n", as `_byte_lines` does for bytes."""
    pending: list[str] = []
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find("\n", start)
            if end < 0:
                if start < len(chunk):
                    pending.append(chunk[start:])
                break
            pending.append(chunk[start : end + 1])
            yield "".join(pending)
            pending.clear()
            start = end + 1
    if pending:
        yield "".join(pending)


class TextReader:
    """A text file's lines from its bytes (in chunks), decoded as they are read.

    `lines()` yields the lines as `str.splitlines(keepends=True)` cuts the whole text, and raises
    FileError when the bytes are not text. While reading, `fallbacks` holds the numbers (from 0,
    in the order `lines()` yields them) of the lines read as
    Windows-1252 so far; once every line is read, `label` names the encoding and `mixed` says
    whether those lines are exceptions in a UTF-8 file (and worth a warning each).
    """

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self.label = ""
        self.fallbacks: set[int] = set()
        self._yielded = 0  # lines yielded so far
        self._utf8_lines = 0  # lines with accents that are UTF-8

    @property
    def mixed(self) -> bool:
        """Mostly UTF-8, with the `fallbacks` lines in Windows-1252."""
        return 0 < len(self.fallbacks) <= self._utf8_lines

    def lines(self) -> Iterator[str]:
        head = bytearray()
        for chunk in self._chunks:
            head += chunk
            if len(head) >= _HEAD:
                break
        data = bytes(head)
        rest = self._chunks
        for bom, codec, label in _BOMS:
            if data.startswith(bom):
                self.label = label
                body = _chain(data[len(bom) :], rest)
                if codec == "utf-8":
                    yield from self._strict_utf8(body, label, len(bom))
                else:
                    yield from self._wide(body, codec, label)
                return
        binary = describe_binary(data[:512])
        if binary:
            raise _binary_error(binary)
        utf16 = _utf16_without_bom(data)
        if utf16:
            self.label = "UTF-16"
            yield from self._wide(_chain(data, rest), utf16, "UTF-16")
            return
        yield from self._eight_bit(_chain(data, rest))

    def _wide(self, chunks: Iterable[bytes], codec: str, label: str) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(codec)()
        offset = 0
        text_seen = False

        def decoded() -> Iterator[str]:
            nonlocal offset
            for chunk in chunks:
                try:
                    yield decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    raise _not_what_it_starts_as(label, offset + exc.start) from None
                offset += len(chunk)
            try:
                yield decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                raise _not_what_it_starts_as(label, offset + exc.start) from None

        for number, line in enumerate(_text_lines(decoded()), start=1):
            if "\x00" in line:
                raise _nul_error(number)
            text_seen = text_seen or bool(line.strip())
            yield from line.splitlines(keepends=True)
        if not text_seen:
            raise FileError(translate("Import", "is empty"))

    def _strict_utf8(self, chunks: Iterable[bytes], label: str, offset: int) -> Iterator[str]:
        text_seen = False
        for number, raw in enumerate(_byte_lines(chunks), start=1):
            if b"\x00" in raw:
                raise _nul_error(number)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _not_what_it_starts_as(label, offset + exc.start) from None
            offset += len(raw)
            text_seen = text_seen or bool(raw.strip())
            yield from line.splitlines(keepends=True)
        if not text_seen:
            raise FileError(translate("Import", "is empty"))

    def _eight_bit(self, chunks: Iterable[bytes]) -> Iterator[str]:
        offset = 0
        text_seen = False
        for number, raw in enumerate(_byte_lines(chunks), start=1):
            if b"\x00" in raw:
                raise _nul_error(number)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as utf8_error:
                try:
                    # Excel on Windows saves "CSV" in the ANSI code page, Windows-1252 in the West.
                    line = raw.decode("cp1252")
                except UnicodeDecodeError:
                    raise FileError(
                        translate(
                            "Import",
                            "is in an encoding the importer cannot read (byte 0x{byte:02X} at position "
                            "{start} is neither UTF-8, UTF-16 nor Windows-1252); save it as CSV UTF-8",
                        ).format(byte=raw[utf8_error.start], start=format_number(offset + utf8_error.start))
                    ) from None
                fallback = True
            else:
                fallback = False
                if not raw.isascii():
                    self._utf8_lines += 1
            offset += len(raw)
            text_seen = text_seen or bool(raw.strip())
            for piece in line.splitlines(keepends=True):
                if fallback:
                    self.fallbacks.add(self._yielded)
                self._yielded += 1
                yield piece
        if not text_seen:
            raise FileError(translate("Import", "is empty"))
        self.label = "UTF-8" if self.mixed or not self.fallbacks else "Windows-1252"


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _not_what_it_starts_as(label: str, start: int) -> FileError:
    return FileError(
        translate(
            "Import",
            "starts like {label} text but byte {start} is not {label}; save it again as CSV UTF-8",
        ).format(label=label, start=format_number(start))
    )


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding label) of a whole text file in memory; FileError when it is not text we can read."""
    reader = TextReader([data])
    text = "".join(reader.lines())
    return text, reader.label
