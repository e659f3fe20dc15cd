"""Translatable sentences of the domain (red-flag reasons, clean-up reasons, labels), without Qt.

planner never imports Qt, so it cannot call QCoreApplication.translate itself. It calls
`translate(context, source)` here instead: the window installs Qt's lookup with `install`, and
the command line and the exports keep the English source (the review pack is in English;
`english()` holds the lookup off while one is written from a translated window).

Numbers inside sentences go through `format_number`, which writes the marks the window
installed with `install_number_format` ("120.000 EUR" in German, where "120,000" reads as 120).

`pyside6-lupdate` finds these calls like Qt's own (it matches any call named `translate` with
two string literals), so planner's sentences land in the same .ts files as the window's.
Sources use str.format fields ("{name}"), never f-strings: the translator sees the whole
sentence and may move the fields.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

Lookup = Callable[[str, str], str]


def _identity(context: str, source: str) -> str:
    return source


_lookup: Lookup = _identity
_held = 0
# The number marks of the window's language: "." and "," (120,000.50) until the window installs
# its own (German 120.000,50). `_marks` is None for the English ones: nothing to swap.
ENGLISH_DECIMAL_POINT = "."
ENGLISH_GROUP_SEPARATOR = ","
_marks: dict[int, str] | None = None


def translate(context: str, source: str) -> str:
    """The sentence `source` in the window's language (English when none is installed)."""
    if _held:
        return source
    return _lookup(context, source)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks a source for the .ts files where it is stored untranslated (a table, a constant).

    Call `translate(context, value)` where the text is shown, never at import time: the
    translation is installed after the modules are imported.
    """
    return source


def plural(count: int, one: str, many: str) -> str:
    """`one` for 1, else `many`: the rule of both English and German (lupdate's Python parser
    does not see Qt's %n plural forms, so each form is its own translatable source)."""
    return one if count == 1 else many


def install(lookup: Lookup | None) -> None:
    """Use `lookup` for every later `translate`; None goes back to English."""
    global _lookup
    _lookup = lookup or _identity


def install_number_format(
    decimal_point: str = ENGLISH_DECIMAL_POINT, group_separator: str = ENGLISH_GROUP_SEPARATOR
) -> None:
    """Use these marks in every later `format_number` (the defaults go back to English's)."""
    global _marks
    if (decimal_point, group_separator) == (ENGLISH_DECIMAL_POINT, ENGLISH_GROUP_SEPARATOR):
        _marks = None
    else:
        _marks = {ord(ENGLISH_DECIMAL_POINT): decimal_point, ord(ENGLISH_GROUP_SEPARATOR): group_separator}


def format_number(value: float, decimals: int = 0) -> str:
    """`value` with `decimals` places and thousands grouped, in the installed marks: "120,000"
    in English, "120.000" in German (English inside `english()`, whatever is installed)."""
    text = f"{value:,.{decimals}f}"
    if _marks is None or _held:
        return text
    return text.translate(_marks)


@contextlib.contextmanager
def english() -> Iterator[None]:
    """Inside: every `translate` returns the English source and `format_number` writes English
    marks (exports, the command line)."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1
