"""Read a PDF's text layer, page by page, with the box of every word on its page.

PDFium (through pypdfium2) gives each page's characters in the order the PDF draws them,
with the line breaks and spaces it infers from their positions, which is how a viewer copies
a page's text; the reading order is the PDF's own. Its hyphen marker (a hyphen at a line end
that it would join to the next line) is kept as a hyphen at the line end, so the pipeline's
reading view joins the word as it does in plain text. A paragraph is a run of lines with no
gap between them larger than the page's usual one; a line that starts above the one before
it (the next column) starts one too. A line that starts further in than its paragraph's
left edge (a bibliography's hanging indent, a paragraph's first line) is indented by as many
spaces as letters fit in the gap, as a plain text indents it. Boxes are in points from the
page's top-left corner.

Each page is opened, read and closed before the next, and the document itself is reopened
every hundred pages, so a long PDF costs no more memory than its text. Nothing is written;
the file is never modified.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from pathlib import Path

# pypdfium2 ships no type hints; what this module takes from it is typed here.
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from fontes.model import Box, Document
from fontes.reading.paged import PagedText, Word
from fontes.reading.source import InputError, os_reason, read_head

# A PDF's header may follow up to a kilobyte of other bytes, which readers tolerate.
_HEADER_WINDOW = 1024
# PDFium's marks for a hyphen at a line end that it joins to the next line (FPDFText_GetText
# gives U+FFFE, FPDFText_GetUnicode U+0002); it writes no line break after one.
_HYPHEN_MARKS = "\ufffe\x02"
# A line: up to PDFium's line break, or up to and including a hyphen mark.
_LINE = re.compile(f"[^\\r\\n{_HYPHEN_MARKS}]*[{_HYPHEN_MARKS}]|[^\\r\\n{_HYPHEN_MARKS}]+")
_WORD = re.compile(r"\S+")
_SOFT_HYPHEN = "\u00ad"
# A gap between two lines wider than the page's usual one by this share of the line's height
# is a paragraph break (a blank line, a paragraph's spacing, a heading's).
_PARAGRAPH_GAP = 0.5
# A line this many letters in from its block's left edge is indented (fewer: the slack of
# justified type); an indent is printed as that many spaces, up to the most.
_LEAST_INDENT = 2
_MOST_INDENT = 12
# Pages read before the document is opened afresh (what PDFium parsed is then let go).
_PAGES_PER_OPENING = 100


@dataclass(frozen=True, slots=True)
class _Line:
    box: Box
    words: Sequence[Word]  # a text layer gives no confidence


def read(path: Path) -> Document:
    """The text layer of the PDF at `path`, laid out as plain text, with its pages, blocks,
    lines and words. Raises `InputError` (one line) for a file that is not a PDF, is broken,
    needs a password, or has no text layer."""
    head = read_head(path, _HEADER_WINDOW)
    if b"%PDF-" not in head:
        raise InputError(f"{path}: is not a PDF (no %PDF- header)")
    sha256 = _digest(path)
    builder = PagedText("pdf")
    words = 0
    document = _open(path)
    try:
        for index in range(len(document)):
            if index and index % _PAGES_PER_OPENING == 0:
                # PDFium keeps what it parsed of a document (each page's content streams)
                # until the document is closed: reopening it keeps memory flat in its length.
                document.close()
                document = _open(path)
            try:
                words += _read_page(builder, document, index)
            except pdfium.PdfiumError:
                raise InputError(f"{path}: is damaged: page {index + 1} cannot be read") from None
    finally:
        document.close()
    if not words:
        raise InputError(
            f"{path}: has no text layer (a scan without OCR); run an OCR tool first, "
            "e.g. `ocrmypdf in.pdf out.pdf` or `tesseract page.png out pdf`"
        )
    return builder.build(str(path), sha256)


def _read_page(builder: PagedText, document: pdfium.PdfDocument, index: int) -> int:
    """Add a page's blocks, lines and words to `builder`; the number of words."""
    page = document.get_page(index)
    try:
        left, bottom, right, top = page.get_bbox()
        label = document.get_page_label(index) or None
        builder.page(label, width=right - left, height=top - bottom)
        textpage = page.get_textpage()
        try:
            lines = _lines(textpage, left, top)
        finally:
            textpage.close()
    finally:
        page.close()
    gaps = [line.box.top - before.box.bottom for before, line in pairwise(lines)]
    usual_gap = max(statistics.median(gaps), 0.0) if gaps else 0.0
    blocks: list[list[_Line]] = []
    for before, line in zip([None, *lines], lines, strict=False):
        if before is None or _starts_block(before.box, line.box, usual_gap):
            blocks.append([])
        blocks[-1].append(line)
    for block in blocks:
        builder.block()
        edge, width = min(line.box.left for line in block), _letter_width(block)
        for line in block:
            builder.line(line.box, _indent(line.box.left - edge, width))
            builder.words(line.words)
    return sum(len(line.words) for line in lines)


def _letter_width(block: list[_Line]) -> float:
    """The block's mean width of a letter, to measure its lines' indents in letters."""
    letters = sum(len(text) for line in block for text, _, _ in line.words)
    width = sum(box.right - box.left for line in block for _, box, _ in line.words if box)
    return width / letters if letters else 0.0


def _indent(offset: float, letter: float) -> int:
    """An offset from the block's left edge in spaces: a hanging indent (a bibliography's
    entries), a paragraph's first line; none under `_LEAST_INDENT` letters (justification)."""
    if letter <= 0 or offset < _LEAST_INDENT * letter:
        return 0
    return min(round(offset / letter), _MOST_INDENT)


def _lines(textpage: pdfium.PdfTextPage, left: float, top: float) -> list[_Line]:
    """The page's lines and their words, each with its box from the page's top-left: the
    box of a word covers the loose boxes (the font's full height) of its first and last
    characters."""
    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:
        # PDFium gave the text without some characters (rare): read them one by one, so that
        # an offset in the text is a character's index.
        text = "".join(map(chr, _unicode_points(textpage, count)))
    first, last = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    char_box = partial(pdfium_c.FPDFText_GetLooseCharBox, textpage.raw)
    lines = []
    for line in _LINE.finditer(text):
        words: list[Word] = []
        boxes: list[Box] = []
        for word in _WORD.finditer(text, *line.span()):
            start, end = word.span()
            char_box(start, first)
            char_box(end - 1, last)
            box = Box(
                min(first.left, last.left) - left,
                top - max(first.top, last.top),
                max(first.right, last.right) - left,
                top - min(first.bottom, last.bottom),
            )
            printed = text[start:end]
            if _SOFT_HYPHEN in printed or printed[-1] in _HYPHEN_MARKS:
                printed = _printed(printed)
            words.append((printed, box, None))
            boxes.append(box)
        if words:
            lefts, tops, rights, bottoms = zip(*boxes, strict=True)
            lines.append(_Line(Box(min(lefts), min(tops), max(rights), max(bottoms)), words))
    return lines


def _unicode_points(textpage: pdfium.PdfTextPage, count: int) -> list[int]:
    return [pdfium_c.FPDFText_GetUnicode(textpage, index) for index in range(count)]


def _printed(word: str) -> str:
    """A word as printed: PDFium's hyphen mark as a hyphen, soft hyphens inside the word
    (which do not print) left out; one at its end prints as a hyphen (`PagedText.word`)."""
    if word[-1] in _HYPHEN_MARKS:
        word = word[:-1] + "-"
    return word[:-1].replace(_SOFT_HYPHEN, "") + word[-1]


def _starts_block(before: Box, line: Box, usual_gap: float) -> bool:
    """A line starts a paragraph when it is further below the line before than usual, or
    above it (the top of the next column)."""
    if line.top < before.top:
        return True
    height = line.bottom - line.top
    return line.top - before.bottom > usual_gap + _PARAGRAPH_GAP * height


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise InputError(_load_failure(path, error)) from None


def _digest(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({os_reason(error)})") from None


def _load_failure(path: Path, error: pdfium.PdfiumError) -> str:
    code = getattr(error, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return (
            f"{path}: is encrypted; decrypt it first, e.g. "
            f"`qpdf --decrypt --password=PASSWORD {path} decrypted.pdf`"
        )
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return f"{path}: uses an unsupported security handler; decrypt it first with its tool"
    if code == pdfium_c.FPDF_ERR_FILE:
        return f"{path}: cannot be read"
    return f"{path}: is a broken PDF (damaged or truncated); PDFium cannot open it"
