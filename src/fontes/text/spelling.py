"""How two spellings of a name can be the same name: transliteration and OCR confusions.

A name is reduced to keys: `transliteration_key` folds accents, scripts (via rigour) and the
usual romanisation variants of Slavic names (`y`/`i`, `iy`/`ii`, `-sky`/`-ski`, `kh`/`h`,
`ks`/`x`); `ocr_key` also folds the shapes OCR confuses (`rn`/`m`, `in`/`m`, `li`/`h`, `cl`/`d`,
`vv`/`w`, `Ij`/`U`, `e`/`c`, `1`/`l`, stray `~ . ,`). Equal keys mean the same name written
differently; a close but unequal key is a possible misspelling, trusted only for words that no
English lexicon knows, so that `Johnson` and `Johnston` stay two names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rigour.text import ascii_text
from wordfreq import zipf_frequency

_TRANSLITERATION = [
    ("iy", "i"),
    ("ii", "i"),
    ("yi", "i"),
    ("y", "i"),
    ("kh", "h"),
    ("ks", "x"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
]


class Confusion(NamedTuple):
    """A shape OCR misreads: it printed `printed` where the page had `meant`."""

    printed: str
    meant: str
    # Folded by `ocr_key`. Name keys fold one way only: a pair and its reverse cannot both be
    # folded, `1` folds to `l` (so not also to `i`), and folding `l`/`i` would make two real
    # names (`Bell`, `Beil`) one. Pairs in capitals never meet a key, which is lower case.
    in_names: bool = True
    # How often OCR prints `printed` where a word has `meant` (the noisy channel of
    # `text.ocr_channel`): set by hand, higher for shapes that are hard to tell apart in print.
    likelihood: float = 0.02


# Shapes that print almost nothing else (`Ij` is hardly ever English): the likeliest misreadings.
LIKELIEST = 0.05

# OCR's confusions, the one table for both readers that undo them: `ocr_key` folds a name's
# printed shapes to what was meant, `fontes.entities.ocr` tries each pair on a word no lexicon
# knows. The union of the two tables they once kept apart (`in`/`m` and `|`/`l` were only the
# names'; the capitals, the reverse pairs, `1`/`i`, `0`/`o`, `5`/`s` and `l`/`i` only the words').
OCR_CONFUSIONS = (
    Confusion("Ij", "U", likelihood=LIKELIEST),
    Confusion("IJ", "U", likelihood=LIKELIEST),
    Confusion("ij", "u", likelihood=LIKELIEST),
    Confusion("rn", "m", likelihood=LIKELIEST),
    Confusion("m", "rn", in_names=False),
    Confusion("in", "m"),
    Confusion("li", "h", likelihood=LIKELIEST),
    Confusion("cl", "d", likelihood=LIKELIEST),
    Confusion("d", "cl", in_names=False),
    Confusion("vv", "w", likelihood=LIKELIEST),
    Confusion("1", "l", likelihood=LIKELIEST),
    Confusion("1", "i", in_names=False),
    Confusion("|", "l", likelihood=LIKELIEST),
    Confusion("0", "o", likelihood=LIKELIEST),
    Confusion("5", "s"),
    Confusion("c", "e"),
    Confusion("e", "c", in_names=False),
    Confusion("l", "i", in_names=False),
    Confusion("i", "l", in_names=False),
    Confusion("I", "l"),
)
_OCR = [(c.printed, c.meant) for c in OCR_CONFUSIONS if c.in_names]
_STRAY = re.compile(r"[~.,'`^_*]")
_NON_LETTERS = re.compile(r"[^a-z0-9|]")
# Marks that OCR leaves on a word, as opposed to apostrophes and accents that belong to it.
_OCR_MARKS = re.compile(r"[~^`_]|[.,](?=[^\W\d_])")
# A close spelling is trusted as the same name only at this similarity and above.
CLOSE = 85.0
# Words at or above this Zipf frequency are ordinary English (or common names): not garbles.
KNOWN_WORD = 1.5


class Difference(StrEnum):
    SAME = "same"
    TRANSLITERATION = "transliteration"
    OCR = "ocr"
    MISSPELLING = "misspelling"


def _replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


@lru_cache(maxsize=65536)
def plain(name: str) -> str:
    """Lower-case ASCII letters only: `Poincaré` → `poincare`, `Вышинский` → `vyshinskii`."""
    return _NON_LETTERS.sub("", ascii_text(_STRAY.sub("", name)).lower())


@lru_cache(maxsize=65536)
def transliteration_key(name: str) -> str:
    return _replace_all(plain(name), _TRANSLITERATION)


@lru_cache(maxsize=65536)
def ocr_key(name: str) -> str:
    return _replace_all(_replace_all(plain(name), _OCR), _TRANSLITERATION)


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= KNOWN_WORD


def compare(a: str, b: str) -> Difference | None:
    """How spelling `b` relates to `a`, or None when they are different names."""
    if a == b:
        return Difference.SAME
    key_a, key_b = transliteration_key(a), transliteration_key(b)
    if not key_a or not key_b:
        return None
    if plain(a) == plain(b):
        marked = bool(_OCR_MARKS.search(a)) != bool(_OCR_MARKS.search(b))
        return Difference.OCR if marked else Difference.SAME
    if key_a == key_b:
        return Difference.TRANSLITERATION
    if ocr_key(a) == ocr_key(b):
        return Difference.OCR
    if (
        key_a[0] == key_b[0]
        and min(len(key_a), len(key_b)) >= 5
        and fuzz.ratio(key_a, key_b) >= CLOSE
        and not (is_known_word(a) and is_known_word(b))
    ):
        return Difference.MISSPELLING
    return None


class SpellingIndex:
    """Names seen so far, each with the names `compare` relates it to.

    A new name is compared once, and only with names whose key starts with the same letter;
    after that, asking for its relatives is a dictionary read. So linking costs grow with
    the number of distinct spellings, not with the number of mentions.
    """

    def __init__(self) -> None:
        self._by_letter: dict[str, list[str]] = defaultdict(list)
        self._relatives: dict[str, list[str]] = {}

    def relatives(self, name: str) -> list[str]:
        """Known names that may be `name` (itself included), in the order first seen."""
        if name not in self._relatives:
            bucket = self._by_letter[transliteration_key(name)[:1]]
            related = [known for known in bucket if compare(known, name) is not None]
            for known in related:
                self._relatives[known].append(name)
            self._relatives[name] = [*related, name]
            bucket.append(name)
        return self._relatives[name]
