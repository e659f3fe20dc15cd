"""How typed text is compared when a seller looks for something: case and accents ignored.

The board's filter finds "Zoë" by "zoe", as search does (its index folds accents: FTS5's
remove_diacritics 2, docs/search.md); people are matched as duplicates on the same letters
(planner.people.fold). Text is decomposed (NFKD) and its combining marks dropped;
text that is ASCII already, nearly all of it, skips that.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import compress
from operator import not_


def fold(text: str) -> str:
    """`text` without case and accents: 'Zoë Müller' -> 'zoe muller'."""
    folded = text.casefold()
    return folded if folded.isascii() else _without_marks(folded)


def fold_all(texts: Sequence[str]) -> list[str]:
    """`fold` of each text (a board column of 100,000 cards): case folded and ASCII tested in C,
    Python's step taken only for the texts with letters beyond ASCII."""
    folded = list(map(str.casefold, texts))
    for index in compress(range(len(folded)), map(not_, map(str.isascii, folded))):
        folded[index] = _without_marks(folded[index])
    return folded


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
