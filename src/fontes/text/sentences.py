"""Sentences: where a full stop ends one, and where it only ends an abbreviation or initial."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fontes.text.names import EDITOR_WORDS

# A full stop that ends a sentence: not after an initial or a usual abbreviation. The
# closing quotes and brackets after it belong to the sentence it ends.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]*[A-Z0-9])")
_ABBREVIATIONS = EDITOR_WORDS | frozenset(
    "mr mrs ms dr st p pp cf op cit vol no gen col prof rev lt capt maj sgt jr sr "
    "co inc ltd ibid id c ca fig ch art sec".split()
)


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, cut after `.`, `!`, `?` that end a sentence."""
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\w+)$", text[max(begin, match.start() - 12) : match.start()])
        if word and (word[1].lower() in _ABBREVIATIONS or len(word[1]) == 1):
            continue
        yield begin, match.end()
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        yield begin, end
