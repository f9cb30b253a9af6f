"""Cross-references: marked names pointing into the glossary.

Two marks are read: an asterisk after the surname (`Mary Halloran*`, outside the apparatus)
and *quod vide* (`Mary Halloran (q.v.)`, `Halloran, _q.v._`), the biographical dictionary's
mark, read in its entries too. The forenames before the surname are kept for the record and
used to choose between glossary entries that share a surname. A name that matches no entry
keeps the nearest spelling among the entries, for the check to suggest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fontes.model import CrossReference, Document, GlossaryEntry
from fontes.text.markup import italic_marks
from fontes.text.names import TITLES, fold
from fontes.text.spelling import SpellingIndex

# The word right before the asterisk, ending in a letter: not `Wayne\n*` (`$` would allow the
# line break), `Plen-*` (a word broken at the line end) or `FI'*` (OCR noise).
_WORD_BEFORE = re.compile(r"[^\W\d_](?:[\w'\-]*[^\W\d_])?\Z")
_FORENAME = re.compile(r"(?:[^\W\d_][\w'\-]*\.?|[^\W\d_]\.)$")
# A capitalised surname, then `(q.v.)`, `(_q.v._)` or `, q.v.`.
_QUOD_VIDE = re.compile(
    r"(?P<surname>[A-Z\u00c0-\u00de][\w'\-]*[^\W\d_])(?:[ \t]*,)?\s*"
    r"(?P<mark>\(\s*[_*]?q\.\s?v\.[_*]?\s*\)|[_*]?q\.\s?v\.[_*]?)"
)


def read_cross_references(doc: Document) -> None:
    by_surname: dict[str, list[GlossaryEntry]] = {}
    for entry in doc.glossary:
        by_surname.setdefault(fold(entry.surname), []).append(entry)
    spellings = SpellingIndex()
    for surname in by_surname:
        spellings.relatives(surname)
    marked = [
        (surname_start, asterisk, asterisk + 1, "*")
        for surname_start, asterisk in _asterisked_words(doc.folded)
        if not doc.in_apparatus(surname_start)
    ]
    marked += [
        (found.start("surname"), found.end("surname"), found.end(), "q.v.")
        for found in _QUOD_VIDE.finditer(doc.folded)
    ]
    for surname_start, surname_end, end, mark in sorted(marked):
        surname = doc.folded[surname_start:surname_end]
        if not surname[0].isupper():
            continue
        start = _forenames_start(doc.folded, surname_start)
        candidates = by_surname.get(fold(surname), [])
        target = nearest = None
        if candidates:
            target = _choose(candidates, doc.folded[start:surname_start]).id
        else:
            # Only a spelling the entity linker would also accept (OCR, transliteration, a
            # close misspelling of a rare name): `Volkov` is not a variant of `Orlov`.
            variants = [s for s in spellings.relatives(fold(surname)) if s in by_surname]
            if variants:
                nearest = by_surname[variants[0]][0].id
        doc.cross_references.append(
            CrossReference(
                name=doc.text[start:surname_end],
                start=start,
                end=end,
                target=target,
                nearest=nearest,
                mark=mark,
            )
        )


def _asterisked_words(text: str) -> Iterator[tuple[int, int]]:
    """(word start, asterisk offset) for each lone asterisk right after a word: not one that
    closes an italic span (`*Optical Character Recognition*`) or runs into the next word
    (`GRE*g*ORI`)."""
    italics = italic_marks(text)
    asterisk = text.find("*")
    while asterisk != -1:
        after = text[asterisk + 1 : asterisk + 2]
        lone = (
            text[asterisk - 1 : asterisk] != "*"
            and after != "*"
            and not after.isalnum()
            and asterisk not in italics
        )
        window_start = max(0, asterisk - 60)
        word = _WORD_BEFORE.search(text, window_start, asterisk) if lone else None
        if word is not None:
            yield word.start(), asterisk
        asterisk = text.find("*", asterisk + 1)


def _forenames_start(text: str, surname_start: int) -> int:
    """Walk back over up to three capitalised forenames or initials, stopping at titles."""
    window_start = max(0, surname_start - 80)
    window = text[window_start:surname_start]
    start = len(window)
    for _ in range(3):
        before = window[:start].rstrip(" ")
        if len(before) == start:
            break
        match = _FORENAME.search(before)
        if match is None or not match[0][0].isupper() or fold(match[0].rstrip(".")) in TITLES:
            break
        start = match.start()
    return window_start + start


def _choose(candidates: list[GlossaryEntry], forenames: str) -> GlossaryEntry:
    """Among entries sharing a surname, the one whose forenames agree with the text's."""
    initials = {fold(word)[0] for word in forenames.split() if word}
    for entry in candidates:
        if initials and fold(entry.forenames)[:1] in initials:
            return entry
    return candidates[0]
