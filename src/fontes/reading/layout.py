"""Paragraphs: runs of non-blank lines, the unit most apparatus is laid out in."""

from __future__ import annotations

import re

from fontes.model import Document, Span

_BLANK_LINES = re.compile(r"\n[ ]*\n(?:[ ]*\n)*")
_TERMINAL = set(".!?:;)\"'")


def find_paragraphs(doc: Document) -> None:
    """Split the text at blank lines; spans exclude surrounding whitespace."""
    folded = doc.folded
    position = 0
    for gap in _BLANK_LINES.finditer(folded):
        _add_paragraph(doc, position, gap.start())
        position = gap.end()
    _add_paragraph(doc, position, len(folded))


def _add_paragraph(doc: Document, start: int, end: int) -> None:
    chunk = doc.folded[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start += len(chunk) - len(chunk.lstrip())
    doc.paragraphs.append(Span(start, start + len(stripped)))


def is_hard_wrapped(doc: Document) -> bool:
    """True when lines break inside sentences, as in OCR output or typed manuscripts."""
    inner_line_ends = 0
    unpunctuated = 0
    for paragraph in doc.paragraphs:
        lines = doc.folded[paragraph.start : paragraph.end].split("\n")
        for line in lines[:-1]:
            inner_line_ends += 1
            stripped = line.rstrip()
            if stripped and stripped[-1] not in _TERMINAL:
                unpunctuated += 1
    return inner_line_ends >= 3 and unpunctuated / inner_line_ends > 0.5
