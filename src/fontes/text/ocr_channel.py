"""A noisy channel for OCR: which words a printed word may be a misreading of, and how likely.

Each candidate comes with log10 P(printed | meant), the chance that OCR turned the word meant
into the word printed: one or two of the confusions OCR makes (`text.spelling.OCR_CONFUSIONS`
and `WORD_CONFUSIONS`, each with its likelihood), a letter printed twice, or one letter
dropped, added, changed or swapped (rare slips, so unlikely). Spelling changes that are no
misreading (`meerly`, `apprized`, `shew`) are generic edits here, hence improbable.
Candidates are bounded per word (two confusions at most, one generic edit at most; `nearby`,
for a word surely damaged, two generic slips through an index of common words) and cached.

Word frequencies are wordfreq's: English, and the languages a historian quotes (a word common
in French or German is a word, not a garble).
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from string import ascii_lowercase

from rapidfuzz.distance import DamerauLevenshtein
from wordfreq import get_frequency_dict, zipf_frequency

from fontes.text.spelling import LIKELIEST, OCR_CONFUSIONS, Confusion

# log10 of the chance of each slip that is not one of OCR's shape confusions.
DOUBLED = math.log10(0.01)  # `Commissaar`: a letter printed twice
GENERIC = math.log10(0.001)  # a letter dropped, added or changed
SWAPPED = math.log10(0.0003)  # two letters swapped
# Letters one stroke apart (`u`/`n`, `h`/`b`, the long `s` read as `f`): common slips.
_STROKE = 0.02
# Letters alike only in worn type (`o`/`e`, `t`/`f`): rarer.
_WORN = 0.01
# Confusions only words are searched for: names' keys (`text.spelling.ocr_key`) must not fold
# them, or `Hall` and `Hull` would be one name.
WORD_CONFUSIONS = (
    Confusion("ii", "n", likelihood=LIKELIEST),
    Confusion("ii", "u", likelihood=LIKELIEST),
    Confusion("u", "n", likelihood=_STROKE),
    Confusion("n", "u", likelihood=_STROKE),
    Confusion("h", "b", likelihood=_STROKE),
    Confusion("b", "h", likelihood=_STROKE),
    Confusion("f", "s", likelihood=_STROKE),  # the long s
    Confusion("ri", "n", likelihood=_STROKE),
    Confusion("v", "y", likelihood=_STROKE),
    Confusion("v", "w", likelihood=_STROKE),
    Confusion("l", "t", likelihood=_WORN),
    Confusion("t", "l", likelihood=_WORN),
    Confusion("t", "f", likelihood=_WORN),
    Confusion("f", "t", likelihood=_WORN),
    Confusion("o", "e", likelihood=_WORN),
    Confusion("e", "o", likelihood=_WORN),
    Confusion("c", "o", likelihood=_WORN),
    Confusion("o", "c", likelihood=_WORN),
)
_CONFUSIONS = [
    (c.printed, c.meant, math.log10(c.likelihood)) for c in (*OCR_CONFUSIONS, *WORD_CONFUSIONS)
]
# No word is searched beyond this length: its candidates would cost its length squared.
LONGEST = 48
# A word surely damaged that no single slip explains is matched against the words this
# common (Zipf 3.5: `prisoner`, `carpenter`), two slips away at most; a longer word is not
# searched (its forms with two letters less grow with its length squared).
NEARBY_COMMON = 10 ** (3.5 - 9)
_NEARBY_LONGEST = 16
# Per-word caches stay this size whatever the corpus: a word's figure, a word's candidates.
_WORDS_CACHED = 2**16
_CANDIDATES_CACHED = 2**12
# Languages quoted in English historical writing; wordfreq has no Latin.
FOREIGN = ("fr", "de", "it", "es")


def english(word: str) -> float:
    """The word's frequency in English (0 for words wordfreq does not list). A word of small
    ASCII letters, as every candidate is, is looked up in wordfreq's table directly: its
    tokeniser would cost a hundred times the lookup, for the same figure."""
    if word.isascii() and word.isalpha() and word.islower():
        return _english_table().get(word, 0.0)
    return _english_by_wordfreq(word)


@cache
def _english_table() -> dict[str, float]:
    return get_frequency_dict("en")


@lru_cache(maxsize=_WORDS_CACHED)
def _english_by_wordfreq(word: str) -> float:
    if any(ch.isdigit() for ch in word):
        return 0.0
    return _frequency(zipf_frequency(word, "en"))


@lru_cache(maxsize=_WORDS_CACHED)
def foreign(word: str) -> float:
    """The word's highest frequency in a language a historian quotes."""
    if any(ch.isdigit() for ch in word):
        return 0.0
    return max(_frequency(zipf_frequency(word, lang)) for lang in FOREIGN)


def _frequency(zipf: float) -> float:
    return 10 ** (zipf - 9) if zipf else 0.0


def confusions(word: str) -> dict[str, float]:
    """Words one or two OCR confusions (or a doubled letter) away, lower case, with log10
    P(word | candidate); `word` keeps its case, since some confusions are of capitals (`Ij`)."""
    first = _confused(word)
    if word != word.lower():  # `laFt`: a capital misread as the letters it stands among
        first = {**_confused(word.lower()), **first}
    found = dict(first)
    if len(word) <= LONGEST // 2:
        for once, cost in first.items():
            for twice, more in _confused(once).items():
                if cost + more > found.get(twice, -math.inf):
                    found[twice] = cost + more
    return {candidate.lower(): cost for candidate, cost in found.items()}


@lru_cache(maxsize=_CANDIDATES_CACHED)
def _confused(word: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for printed, meant, cost in _CONFUSIONS:
        index = word.find(printed)
        while index != -1:
            candidate = word[:index] + meant + word[index + len(printed) :]
            found[candidate] = max(cost, found.get(candidate, -math.inf))
            index = word.find(printed, index + 1)
    for index in range(1, len(word)):
        if word[index] == word[index - 1]:
            candidate = word[:index] + word[index + 1 :]
            found[candidate] = max(DOUBLED, found.get(candidate, -math.inf))
    return found


@lru_cache(maxsize=_CANDIDATES_CACHED)
def edits(word: str) -> dict[str, float]:
    """Words one generic slip away (letters only, lower case), with log10 P(word | candidate)."""
    lower = word.lower()
    found: dict[str, float] = {}
    for index in range(len(lower) + 1):
        for letter in ascii_lowercase:
            found[lower[:index] + letter + lower[index:]] = GENERIC  # OCR dropped a letter
        if index < len(lower):
            found[lower[:index] + lower[index + 1 :]] = GENERIC  # OCR added one
            for letter in ascii_lowercase:
                found[lower[:index] + letter + lower[index + 1 :]] = GENERIC  # or changed it
    for index in range(len(lower) - 1):
        swapped = lower[:index] + lower[index + 1] + lower[index] + lower[index + 2 :]
        found.setdefault(swapped, SWAPPED)
    found.pop(lower, None)
    return found


@lru_cache(maxsize=_CANDIDATES_CACHED)
def nearby(word: str) -> dict[str, float]:
    """Common words (`NEARBY_COMMON`) two generic slips from `word` or fewer, lower case, with
    log10 P(word | candidate): found through the forms of both with up to two letters less
    (as SymSpell does), never by trying every pair of edits."""
    lower = word.lower()
    if len(lower) > _NEARBY_LONGEST:
        return {}
    index = _deletion_index()
    found: dict[str, float] = {}
    for form in _fewer_letters(lower):
        for candidate in index.get(form, ()):
            slips = DamerauLevenshtein.distance(lower, candidate, score_cutoff=2)
            if 0 < slips <= 2:
                found[candidate] = slips * GENERIC
    return found


@cache
def _deletion_index() -> dict[str, list[str]]:
    """The common words, each under every form of it with up to two letters less."""
    index: dict[str, list[str]] = {}
    for word, frequency in get_frequency_dict("en").items():
        if frequency >= NEARBY_COMMON and word.isascii() and word.isalpha():
            for form in _fewer_letters(word):
                index.setdefault(form, []).append(word)
    return index


def _fewer_letters(word: str) -> set[str]:
    """`word` and its forms with one or two letters less."""
    once = {word[:index] + word[index + 1 :] for index in range(len(word))}
    twice = {form[:index] + form[index + 1 :] for form in once for index in range(len(form))}
    return {word} | once | twice
