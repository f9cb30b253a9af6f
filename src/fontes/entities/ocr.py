"""OCR damage in running text: words no lexicon knows that one OCR slip away are words it does.

A word is suspected only when a correction exists: undoing a typical OCR confusion (`Ij`→`U`,
`rn`→`m`, `1`→`l`, a doubled letter, a stray `~` or `.`, a comma read for a space), or, for a
lower-case word, one edit, gives a common English word (wordfreq). Names the document uses
(its people, bodies and places) and words it uses more than once, such as transliterations and
foreign terms, are never suspected. Words are read from the reading view
(`text.reading_view`): without page furniture and italic marks, and whole where a line end
hyphenated them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from string import ascii_lowercase

from wordfreq import zipf_frequency

from fontes.model import Document, Garble, GarbleCause, fold
from fontes.text.markup import without_markup
from fontes.text.names import strip_possessive
from fontes.text.reading_view import reading_view
from fontes.text.spelling import OCR_CONFUSIONS

_TOKEN = re.compile(r"[^\W\d_]+,[^\W\d_]+|(?<![\w~^`.])[~^`_.]*[^\W_][\w']*[^\W_]")
_STRAY = re.compile(r"^[~^`_.]+")
_GLUED = re.compile(r"([a-z]+),([a-z]+)")
_MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?(?:in|ins|ft|yd|yds|mi|cm|mm|km|kg|lb|lbs|oz|st|nd|rd|th|am|pm|hrs|min|"
    r"sec|mph|kph|kw|hp|pc|bn)"
    # one letter (`10s`, `20m`) only after two digits: `1s` and `1t` are OCR for `is`, `it`
    r"|\d{2,}(?:[.,]\d+)?[a-z]",
    re.IGNORECASE,
)
# A correction must be an ordinary word, not a rare one a slip could produce by chance; the
# word itself must be rare enough that no dictionary-minded reader would know it.
COMMON = 2.5
RARE = 1.0
_GLUED_WORDS = 3.0
# No correction is this long (two glued common words included). A longer run (`0000…` in a
# table, OCR noise) is not suspected, since its candidates would cost its length squared.
LONGEST = 48


def find_garbles(doc: Document) -> None:
    # Names the document vouches for; a lone statistical guess (`the Ijniversity`) is no shield.
    names = {
        doc.folded[m.start : m.end].lower()
        for e in doc.entities
        for m in e.mentions
        if len(e.mentions) > 1 or e.glossary or m.source != "ner"
    }
    name_words = {word for name in names for word in name.split()}
    # Words as a reader reads them: without the page furniture, and a word hyphenated at a
    # line end whole again (`imme-`/`diately`: `diately` is no garble, `immediately` no word
    # to correct); each mapped back to its characters in the original.
    # Italic marks are markup, not stray marks (`_Ledgers_`).
    view = reading_view(without_markup(doc.text), [(f.start, f.end) for f in doc.furniture])
    tokens = [
        (match.start(), strip_possessive(match[0])) for match in _TOKEN.finditer(fold(view.text))
    ]
    counts = Counter(word for _, word in tokens)
    for start, word in tokens:
        if counts[word] > 1 or word.lower() in name_words:
            continue
        found = _correction(word)
        if found is not None:
            correction, cause, stray = found
            original_start, original_end = view.original_span(start, start + len(word))
            doc.garbles.append(Garble(original_start, original_end, correction, cause, stray))


def _correction(word: str) -> tuple[str, GarbleCause, str] | None:
    """The likely original of `word`, the slip it undoes and the stray mark before it, if any."""
    if len(word) > LONGEST:
        return None
    if _MEASURE.fullmatch(word):
        return None  # `8in`, `40cm`, `1930s`: a number and its unit, not a misread word
    if glued := _GLUED.fullmatch(word):
        left, right = glued.groups()
        if min(_zipf(left), _zipf(right)) >= _GLUED_WORDS:
            return f"{left} {right}", GarbleCause.COMMA_FOR_SPACE, ""
        return None
    found = _STRAY.match(word)
    stray = found[0] if found else ""
    core = word[len(stray) :]
    if _zipf(core) >= COMMON and stray:
        return core, GarbleCause.STRAY_MARK, stray
    if _zipf(core) >= RARE:
        return None
    best = max(_ocr_candidates(core), key=_zipf, default=None)  # `1s`: `is` before `ls`
    if best is not None and _zipf(best) >= COMMON:
        return best, GarbleCause.OCR_CONFUSION, stray
    if stray or (core.islower() and _zipf(core) == 0):
        best = max(_edits(core), key=_zipf, default=None)
        if best is not None and _zipf(best) >= COMMON:
            return _same_case(best, core), GarbleCause.ONE_LETTER, stray
    return None


def _ocr_candidates(word: str) -> Iterator[str]:
    for old, new, _ in OCR_CONFUSIONS:
        index = word.find(old)
        while index != -1:
            yield word[:index] + new + word[index + len(old) :]
            index = word.find(old, index + 1)
    for index in range(1, len(word)):
        if word[index] == word[index - 1]:  # a doubled letter
            yield word[:index] + word[index + 1 :]


def _edits(word: str) -> Iterator[str]:
    """Words one deletion, substitution or transposition away (letters only)."""
    lower = word.lower()
    for index in range(len(lower)):
        yield lower[:index] + lower[index + 1 :]
        for letter in ascii_lowercase:
            yield lower[:index] + letter + lower[index + 1 :]
        if index + 1 < len(lower):
            yield lower[:index] + lower[index + 1] + lower[index] + lower[index + 2 :]


def _same_case(candidate: str, model: str) -> str:
    return candidate.capitalize() if model[:1].isupper() else candidate


@cache
def _zipf(word: str) -> float:
    if any(ch.isdigit() for ch in word):
        return 0.0
    return zipf_frequency(word, "en")
