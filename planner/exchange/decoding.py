"""Bytes to text: BOMs, UTF-16 without a BOM, UTF-8, then Windows-1252; binary files refused by name."""

from __future__ import annotations

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


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding label) of a text file; FileError when it is not text we can read."""
    if not data.strip():
        raise FileError(translate("Import", "is empty"))
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise FileError(
                    translate(
                        "Import",
                        "starts like {label} text but byte {start} is not {label}; save it again as "
                        "CSV UTF-8",
                    ).format(label=label, start=format_number(exc.start))
                ) from None
    binary = describe_binary(data[:512])
    if binary:
        raise FileError(
            translate("Import", "is not a CSV or spreadsheet file (it looks like {binary})").format(
                binary=binary
            )
        )
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), "UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise FileError(translate("Import", "is not a CSV or spreadsheet file (it contains binary data)"))
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        try:
            # Excel on Windows saves "CSV" in the ANSI code page, Windows-1252 in the West.
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            byte = data[utf8_error.start]
            raise FileError(
                translate(
                    "Import",
                    "is in an encoding the importer cannot read (byte 0x{byte:02X} at position "
                    "{start} is neither UTF-8, UTF-16 nor Windows-1252); save it as CSV UTF-8",
                ).format(byte=byte, start=format_number(utf8_error.start))
            ) from None


def decode_head(data: bytes) -> str:
    """The beginning of a file as text, to read its header before deciding to read it all."""
    cut = data
    try:
        return decode(cut)[0]
    except FileError:
        # The cut may fall inside a multi-byte character: drop the last partial line and retry.
        newline = cut.rfind(b"\n")
        if newline <= 0:
            raise
        return decode(cut[:newline])[0]
