"""A reading view: the text as a reader reads it, with an exact map back to the original.

Printed lines are broken where the measure ran out, not where the sense does: a word is split
at a line end (`con-` / `spiracy`), a sentence runs on over a page's running head and folio.
The reading view joins what the layout split: it drops given spans (page furniture), joins a
word hyphenated at a line end when the joined form is a word, and joins the lines of a
paragraph with a space. Paragraph breaks (blank lines) stay.

Every character of the view is a character of the original (or a space or line break standing
for a line break of the original), in order, so `to_original[i]` is where view character `i`
came from and `original_span` takes a finding on the view back to the exact characters of the
original: `conspiracy` in the view is `con-\\nspiracy` there. One pass, linear in the text.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from wordfreq import zipf_frequency

from fontes.text.ocr_channel import foreign

# A line break as `Document.folded` reads one: CRLF, LF, CR, form feed, vertical tab.
_BREAK = re.compile(r"\r\n|[\n\r\f\v]")
# Characters that hyphenate a word at a line end: the hyphen-minus and Unicode's hyphens, the
# soft hyphen, and the signs Fraktur OCR gives for its double hyphen (`¬`, `⸗`). The soft
# hyphen and OCR's `¬` only ever break a word: never kept.
HYPHENS = frozenset("-\u00ad\u2010\u2011\u00ac\u2e17")
_BREAK_ONLY = frozenset("\u00ad\u00ac")
# A form at or above this Zipf frequency counts as a word (`conspiracy` 4.3, `twentyfive` 1.5).
WORD = 2.0

Segment = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ReadingView:
    """The view's text and, for each of its characters, the offset it came from."""

    text: str
    to_original: Sequence[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original's span for the view's `start..end`: from the first character's origin
        to just after the last one's, so everything between (a hyphen and line break that
        were joined, a dropped running head) belongs to it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"{start}..{end} is not a span of a view of {len(self.text)}")
        if start == end:
            if start < len(self.text):
                position = self.to_original[start]
            else:
                position = self.to_original[-1] + 1 if self.text else 0
            return position, position
        return self.to_original[start], self.to_original[end - 1] + 1


@dataclass(slots=True)
class _Line:
    segments: list[Segment]  # the line's kept characters, in stretches of the original
    break_first: int | None  # its line break's first character (`\r` of CRLF), if it has one
    break_last: int | None  # and its last (`\n`)


def reading_view(text: str, drop: Iterable[Segment] = (), *, lang: str = "en") -> ReadingView:
    """The reading view of `text` without the spans in `drop` (start, end offsets).

    A line that loses all its words to `drop` disappears with its line break. A line ending
    in a hyphen after a letter joins the next line when that starts with a lower-case letter:
    without the hyphen (`con-`/`spiracy` → `conspiracy`), unless the joined form is no word
    and the hyphenated one is (`self-`/`government` → `self-government`); `lang` is the
    language the words are looked up in (wordfreq), and a joined form that is a word of a
    language historians quote (`religio-`/`sas`, Spanish) loses its hyphen too. Other lines
    of a paragraph join with a space; a paragraph break (a blank line) stays, except where a
    dropped line stood in it and the next line goes on in lower case (a sentence running
    over a page break).
    """
    spans = _merged(drop, len(text))
    pieces: list[str] = []
    offsets = array("I" if len(text) < 2**32 else "Q")

    def emit(segments: list[Segment]) -> None:
        for a, b in segments:
            pieces.append(text[a:b])
            offsets.extend(range(a, b))

    def emit_char(char: str, position: int) -> None:
        pieces.append(char)
        offsets.append(position)

    held: _Line | None = None  # the last line of words, not yet written
    gap: list[int] = []  # the line breaks of blank lines since then
    gap_blank = gap_dropped = False
    for line, touched in _lines(text, spans):
        words = any(not text[a:b].isspace() for a, b in line.segments if b > a)
        if not words:
            if touched:
                gap_dropped = True  # furniture and its line break: gone
            else:
                gap_blank = True
                if line.break_last is not None:
                    gap.append(line.break_last)
            continue
        line.segments = _rstrip(text, line.segments)
        if held is None:
            for position in gap:
                emit_char("\n", position)
            held = line
        elif gap_blank and not (gap_dropped and _starts_lower(text, line.segments)):
            emit(held.segments)
            if held.break_last is not None:
                emit_char("\n", held.break_last)
            for position in gap:
                emit_char("\n", position)
            held = line
        else:
            line.segments = _lstrip(text, line.segments)
            joined = _hyphen_join(text, held.segments, line.segments, lang)
            if joined is None:
                emit(held.segments)
                if held.break_first is not None:
                    emit_char(" ", held.break_first)
            else:
                emit(joined)
            held = line
        gap, gap_blank, gap_dropped = [], False, False
    if held is not None:
        emit(held.segments)
        if held.break_last is not None:
            emit_char("\n", held.break_last)
    for position in gap:
        emit_char("\n", position)
    return ReadingView("".join(pieces), offsets)


def _merged(drop: Iterable[Segment], length: int) -> list[Segment]:
    """The spans sorted, clipped to the text and merged where they overlap or touch."""
    merged: list[Segment] = []
    for start, end in sorted((max(0, a), min(length, b)) for a, b in drop):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _lines(text: str, spans: list[Segment]) -> Iterator[tuple[_Line, bool]]:
    """Each line's kept characters and line break, and whether any of it was dropped."""
    index = 0  # the first span that does not end before the line
    start = 0
    breaks = _BREAK.finditer(text)
    while start <= len(text):
        found = next(breaks, None)
        content_end, line_end = (found.start(), found.end()) if found else (len(text),) * 2
        if not found and start == len(text):
            return
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        segments: list[Segment] = []
        position, scan, touched = start, index, False
        while scan < len(spans) and spans[scan][0] < line_end:
            touched = True
            a, b = spans[scan]
            if a > position and position < content_end:
                segments.append((position, min(a, content_end)))
            position = max(position, b)
            scan += 1
        if position < content_end:
            segments.append((position, content_end))
        has_break = line_end > content_end
        yield (
            _Line(
                segments,
                content_end if has_break else None,
                line_end - 1 if has_break else None,
            ),
            touched,
        )
        start = line_end
        if not found:
            return


def _rstrip(text: str, segments: list[Segment]) -> list[Segment]:
    kept = list(segments)
    while kept:
        a, b = kept[-1]
        stripped = len(text[a:b].rstrip())
        if stripped:
            kept[-1] = (a, a + stripped)
            break
        kept.pop()
    return kept


def _lstrip(text: str, segments: list[Segment]) -> list[Segment]:
    for index, (a, b) in enumerate(segments):
        piece = text[a:b]
        stripped = len(piece) - len(piece.lstrip())
        if stripped < len(piece):
            return [(a + stripped, b), *segments[index + 1 :]]
    return []


def _starts_lower(text: str, segments: list[Segment]) -> bool:
    for a, b in segments:
        piece = text[a:b].lstrip()
        if piece:
            return piece[0].islower()
    return False


def _hyphen_join(
    text: str, before: list[Segment], after: list[Segment], lang: str
) -> list[Segment] | None:
    """`before` ready to run into `after` when it ends in a word hyphenated at the line end
    (without the hyphen, or with it for a compound); None when the lines join with a space."""
    if not before or not after:
        return None
    a, b = before[-1]
    if b - a < 2 or text[b - 1] not in HYPHENS or not text[b - 2].isalpha():
        return None
    first = text[after[0][0]]
    if not first.islower():
        return None
    left_start = b - 2
    while left_start > a and text[left_start - 1].isalpha():
        left_start -= 1
    right_start, right_end = after[0]
    right_stop = right_start
    while right_stop < right_end and text[right_stop].isalpha():
        right_stop += 1
    left, right = text[left_start : b - 1], text[right_start:right_stop]
    compound = text[b - 1] not in _BREAK_ONLY
    joined = left + right
    if (
        compound
        and _zipf(joined, lang) < WORD <= _zipf(f"{left}-{right}", lang)
        and foreign(joined.lower()) < 10 ** (WORD - 9)
    ):
        return before  # a compound broken at its own hyphen: `self-` / `government`, but
        # not a quoted language's word (`religio-` / `sas`, whose halves English knows)
    return [*before[:-1], (a, b - 1)] if b - 1 > a else before[:-1]


@cache
def _zipf(word: str, lang: str) -> float:
    return zipf_frequency(word.lower(), lang)
