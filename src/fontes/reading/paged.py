"""Paged sources laid out as plain text: one way for every format to turn pages, blocks, lines
and words into the text the pipeline reads, with the zones that say where each lies.

The text is what an OCR engine's plain-text output would be for the same page: the words of a
line joined by a space (after the line's indent, where the reader measures one), a line break
after each line, a blank line between blocks, and a form feed at the end of each page, so
that `reading.pages` finds the pages as it does in plain text. A word hyphenated at a line
end keeps its hyphen (`imme-` ⏎ `diately`), and is joined by the same reading view as in
plain text. Nothing in a word is changed but white space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fontes.model import Box, Document, Markup, Source, SourcePage, Zone

# A word as a reader gives it: its text, its box and the OCR engine's confidence in it.
Word = tuple[str, Box | None, float | None]

_SOFT_HYPHEN = "\u00ad"
_SPACE = re.compile(r"\s")


class PagedText:
    """Builds a `Document` and its `Source` from a reader's pages, blocks, lines and words, in
    reading order. Call `page`, then `block`, `line` and `word` as the source nests them; a
    block or line with no words leaves no trace."""

    def __init__(self, format: str) -> None:
        self.format = format
        self._parts: list[str] = []
        self._length = 0
        self._pages: list[SourcePage] = []
        self._blocks: list[Zone] = []
        self._lines: list[Zone] = []
        self._words: list[Zone] = []
        self.markup: list[Markup] = []
        self._page: tuple[int, str | None, float | None, float | None, str | None] | None = None
        self._block: tuple[int, Box | None] | None = None
        self._line: tuple[int, Box | None] | None = None
        self._line_words = 0
        self._indent = 0
        self._block_lines = 0
        self._page_blocks = 0

    @property
    def offset(self) -> int:
        """Where the next character of text will go."""
        return self._length

    def page(
        self,
        label: str | None = None,
        width: float | None = None,
        height: float | None = None,
        image: str | None = None,
    ) -> None:
        """Start a page (ending the one before it)."""
        self._end_page()
        self._page = (self._length, label, width, height, image)
        self._page_blocks = 0

    def block(self, box: Box | None = None) -> None:
        """Start a block (a paragraph or region) on the current page."""
        self._end_block()
        self._block = (self._length, box)
        self._block_lines = 0

    def line(self, box: Box | None = None, indent: int = 0) -> None:
        """Start a line in the current block, `indent` spaces in from the block's left edge
        (a hanging indent, a paragraph's first line), as a page's plain text shows it."""
        self._end_line()
        self._indent = indent
        if self._page is None:
            self.page()
        if self._block is None:
            self.block()
        self._line = (self._length, box)
        self._line_words = 0

    def word(self, text: str, box: Box | None = None, confidence: float | None = None) -> None:
        """Add a word to the current line; a soft hyphen at its end prints as a hyphen."""
        if _SPACE.search(text):
            text = "".join(text.split())
        if text.endswith(_SOFT_HYPHEN):
            text = text[:-1] + "-"
        if not text:
            return
        if self._line is None:
            self.line()
        assert self._line is not None and self._block is not None
        if self._line_words:  # the common case, kept short: a word a line already holds
            start = self._length + 1
            self._parts.append(" ")
            self._parts.append(text)
            self._length = start + len(text)
            self._words.append(Zone(start, self._length, len(self._pages) + 1, box, confidence))
            self._line_words += 1
            return
        if self._block_lines == 0 and self._page_blocks > 0:
            self._write("\n")  # a blank line between blocks
        self._write(" " * self._indent)
        if self._block_lines == 0:
            self._block = (self._length, self._block[1])
            self._page_blocks += 1
        self._line = (self._length, self._line[1])
        self._block_lines += 1
        start = self._length
        self._write(text)
        self._words.append(Zone(start, self._length, self._page_index, box, confidence))
        self._line_words += 1

    def words(self, words: Sequence[Word]) -> None:
        """Add a line's words at once, as `word` adds each (for readers of long documents:
        one call a line, not one a word)."""
        if not words:
            return
        first, *rest = words
        self.word(*first)
        if not self._line_words:  # the first word was only white space
            for word in rest:
                self.word(*word)
            return
        parts, zones, page = self._parts, self._words, len(self._pages) + 1
        length = self._length
        for text, box, confidence in rest:
            if " " in text or not text.isprintable():  # cheaper than a search, and as sure
                text = "".join(text.split())
            if text.endswith(_SOFT_HYPHEN):
                text = text[:-1] + "-"
            if text:
                parts.append(" ")
                parts.append(text)
                zones.append(Zone(length + 1, length + 1 + len(text), page, box, confidence))
                length += 1 + len(text)
                self._line_words += 1
        self._length = length

    def build(self, path: str, sha256: str, folder: str | None = None) -> Document:
        """The document, its text laid out as above, and its source."""
        self._end_page()
        source = Source(
            self.format,
            pages=self._pages,
            blocks=self._blocks,
            lines=self._lines,
            words=self._words,
            markup=self.markup,
            folder=folder,
        )
        return Document("".join(self._parts), path=path, sha256=sha256, source=source)

    @property
    def _page_index(self) -> int:
        return len(self._pages) + 1

    def _write(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def _end_line(self) -> None:
        if self._line is not None and self._line_words:
            start, box = self._line
            words = self._words[-self._line_words :]
            self._lines.append(Zone(start, self._length, self._page_index, box or _cover(words)))
            self._write("\n")
        self._line = None
        self._line_words = 0

    def _end_block(self) -> None:
        self._end_line()
        if self._block is not None and self._block_lines:
            start, box = self._block
            lines = self._lines[-self._block_lines :]
            self._blocks.append(Zone(start, lines[-1].end, self._page_index, box or _cover(lines)))
        self._block = None
        self._block_lines = 0

    def _end_page(self) -> None:
        self._end_block()
        if self._page is None:
            return
        start, label, width, height, image = self._page
        self._write("\f")
        self._pages.append(
            SourcePage(start, self._length, self._page_index, label, width, height, image)
        )
        self._page = None


def joined(word: Word, rest: Word) -> Word:
    """One word of two pieces (`Mon` `day`, a line-end `HYP`): their text, the box that
    covers both, the lower confidence."""
    boxes = [box for box in (word[1], rest[1]) if box is not None]
    scores = [score for score in (word[2], rest[2]) if score is not None]
    box = boxes[0].union(boxes[-1]) if boxes else None
    return word[0] + rest[0], box, min(scores) if scores else None


def _cover(zones: list[Zone]) -> Box | None:
    """The box that covers those of `zones` that have one."""
    boxes = [zone.box for zone in zones if zone.box is not None]
    if not boxes:
        return None
    return Box(
        min(box.left for box in boxes),
        min(box.top for box in boxes),
        max(box.right for box in boxes),
        max(box.bottom for box in boxes),
    )
