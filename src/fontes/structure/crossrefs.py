"""Cross-references: asterisked names (`Mary Halloran*`) pointing into the glossary.

The asterisk follows the surname; the forenames before it are kept for the record and used
to choose between glossary entries that share a surname. A name that matches no entry keeps
the nearest spelling among the entries, for the check to suggest.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from fontes.model import CrossReference, Document, GlossaryEntry
from fontes.structure.names import TITLES, fold

_ASTERISKED = re.compile(r"(?P<surname>[^\W\d_][\w'\-]*)\*(?!\*)")
_FORENAME = re.compile(r"(?:[^\W\d_][\w'\-]*\.?|[^\W\d_]\.)$")
_NEAREST_SCORE = 70


def read_cross_references(doc: Document) -> None:
    by_surname: dict[str, list[GlossaryEntry]] = {}
    for entry in doc.glossary:
        by_surname.setdefault(fold(entry.surname), []).append(entry)
    for match in _ASTERISKED.finditer(doc.folded):
        if doc.in_apparatus(match.start()) or not match["surname"][0].isupper():
            continue
        start = _forenames_start(doc.folded, match.start())
        reference = CrossReference(
            name=doc.text[start : match.end() - 1], start=start, end=match.end()
        )
        candidates = by_surname.get(fold(match["surname"]), [])
        if candidates:
            reference.target = _choose(candidates, doc.folded[start : match.start()]).id
        elif by_surname:
            nearest = process.extractOne(
                fold(match["surname"]),
                list(by_surname),
                scorer=fuzz.ratio,
                score_cutoff=_NEAREST_SCORE,
            )
            if nearest is not None:
                reference.nearest = by_surname[nearest[0]][0].id
        doc.cross_references.append(reference)


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
