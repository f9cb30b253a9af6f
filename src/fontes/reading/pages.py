"""Pages and page furniture: the printed pages a digitised text shows, and what around the
author's words belongs to the page or to the edition.

Everything here is found by evidence that any book of its kind shows, never by the words of a
particular one:

- a digital edition's header and licence by their standard markers: Project Gutenberg's
  `*** START OF THE PROJECT GUTENBERG EBOOK ... ***` (everything before it, and the credits
  right after it) and `*** END OF ...` or `End of the Project Gutenberg EBook ...` (from
  there to the end);
- page breaks by form feeds and digitisers' page markers: HathiTrust's `## p. 7 (#9) ####`
  (the printed label, then the scan's sequence number) and `[Pg 42]`;
- printed page numbers: a line holding only a number, arabic or roman (or a number beside a
  running head), at the head or foot of a page, when it agrees with the marker's label or
  with the other pages' numbers; where the text shows no page breaks, such lines in a regular
  sequence (one more each time, a page's worth of text apart);
- running heads: short lines repeated at the head (or foot) of pages;
- signatures: a capital letter or two with a leaf number (`A 2`) at the foot of a page.

A paged source (a PDF, OCR output) ends each of its pages with a form feed, and gives the
printed number where it records one. A text with no such evidence has no pages and no
furniture. The furniture is claimed as apparatus, so that no later reader takes a header
line for a heading or a folio for a year.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from fontes.model import Document, Furniture, FurnitureKind, Page, PageRange, Span

_LINE = re.compile(r"[^\n]+")
_PG_START = re.compile(
    r"^[ \t]*\*{3}[ \t]*START OF (?:THIS|THE) PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b.*$"
    r"|^.*\*END\*[ \t]*THE SMALL PRINT!.*$",
    re.IGNORECASE | re.MULTILINE,
)
_PG_END = re.compile(
    r"^[ \t]*\*{3}[ \t]*END OF (?:THIS|THE) PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b"
    r"|^[ \t]*End of (?:the |this )?Project Gutenberg(?:'s)?\b",
    re.IGNORECASE | re.MULTILINE,
)
# An edition's header and licence are a few pages long (Project Gutenberg's full licence is
# some 20,000 characters): a marker further into the text belongs to something else.
_EDITION_CHARS = 50_000
# The producers' credits that follow Project Gutenberg's start marker.
_PG_CREDITS = re.compile(r"(?:Produced by|E-?text prepared by)\b", re.IGNORECASE)
# HathiTrust: `## p. 10 (#21) ######`, `## p. (#7) ####` where no label was printed.
_HATHI = re.compile(
    r"^[ \t]*## p\.[ \t]*(?P<label>[^\s()#]*)[ \t]*\(#\d+\)[ \t]*#*[ \t]*$", re.MULTILINE
)
_PG_PAGE = re.compile(
    r"\[(?:Pg|Page)\.?[ \t]*(?P<label>[0-9]{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})\]"
)
# A banner between files or parts joined into one text: `===== FILE: a.txt =====`.
_SEPARATOR = re.compile(r"^[ \t]*={5,}(?:[^\n]*={5,})?[ \t]*$", re.MULTILINE)
_NUMBER = r"[0-9]{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8}"
# A line that is only a folio, perhaps between dashes or brackets (`- 12 -`, `[xiv]`).
_FOLIO = re.compile(rf"[\[(-]?[ \t]*(?P<number>{_NUMBER})[ \t]*[\])-]?")
# A folio beside a running head, on either side: `42 THE STATE OF ENGLAND`, `PREFACE xiv`.
_FOLIO_HEAD = re.compile(
    rf"(?P<number>{_NUMBER})[ \t]+(?P<head>\S.*)|(?P<head2>.*\S)[ \t]+(?P<number2>{_NUMBER})"
)
# A printer's signature at a page's foot: letters for the gathering, a digit for the leaf.
_SIGNATURE = re.compile(r"(?:[A-Z]{1,2}|[A-Z][a-z])[ \t]?[1-9]|[B-HJKN-UWYZ]")
_HEAD_WORDS = 10
_HEAD_CHARS = 60
# Lines at a page's head or foot that may be furniture, counted from the page's edge.
_ZONE = 2
# Folios in a sequence without page breaks: at least this many, a page apart each time.
_CHAIN = 3
_PAGE_CHARS = 300
_PAGE_LINES = 5
# Earlier folios of the same number weighed as the one before each (a number of the text may
# stand alone on a line too).
_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class _Break:
    start: int
    end: int
    opens: bool  # a marker that opens the page after it; a form feed closes the one before
    label: str | None = None


@dataclass(slots=True)
class _Folio:
    """A number that may be a page's printed number, on a line at its head or foot."""

    start: int
    end: int
    label: str
    head: Span | None = None  # a running head on the same line
    capitals: bool = False  # that running head is in capitals, as running heads are
    repeated: bool = False  # that running head repeats on other pages


@dataclass(slots=True)
class _Sheet:
    """A page being read: its extent, its label from a marker, the furniture it shows."""

    start: int
    end: int
    label: str | None
    lines: list[Span]
    folios: list[_Folio] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    number: str | None = None


def read_pages(doc: Document) -> None:
    """Find the edition's header and licence, the page breaks, the pages with their printed
    numbers, and the furniture on them; claim the furniture as apparatus."""
    furniture: list[Furniture] = []
    body_start, body_end = _edition(doc, furniture)
    breaks = list(_breaks(doc, body_start, body_end))
    furniture.extend(
        Furniture(b.start, b.end, FurnitureKind.PAGE_MARKER) for b in breaks if b.end > b.start
    )
    separators = [
        line
        for match in _SEPARATOR.finditer(doc.folded, body_start, body_end)
        if (line := _stripped(doc, match.start(), match.end()))
    ]
    furniture.extend(Furniture(s.start, s.end, FurnitureKind.SEPARATOR) for s in separators)
    # Lines that are furniture already, whatever page they are on.
    known = {(b.start, b.end) for b in breaks} | {(s.start, s.end) for s in separators}
    if breaks:
        sheets = _sheets(doc, breaks, body_start, body_end, known)
        _read_sheets(doc, sheets)
    else:
        sheets = _sequence(doc, body_start, body_end, known)
    for index, sheet in enumerate(sheets, start=1):
        doc.pages.append(Page(sheet.start, sheet.end, sheet.number or _given(doc, sheet), index))
        furniture.extend(sheet.furniture)
    furniture.sort(key=lambda item: (item.start, item.end))
    for item in furniture:
        doc.furniture.append(item)
        doc.apparatus.add(item)


def _given(doc: Document, sheet: _Sheet) -> str | None:
    """The printed number a paged source records for the page (ALTO's `PRINTED_IMG_NR`, a
    PDF's page label), where the page shows none that can be read."""
    page = doc.source.page_at(sheet.start) if doc.source.paged else None
    return page.label if page is not None else None


def _stripped(doc: Document, start: int, end: int) -> Span | None:
    chunk = doc.folded[start:end]
    inner = chunk.strip()
    if not inner:
        return None
    start += len(chunk) - len(chunk.lstrip())
    return Span(start, start + len(inner))


def _edition(doc: Document, furniture: list[Furniture]) -> tuple[int, int]:
    """Record the digital edition's header and licence; the body lies between them."""
    folded = doc.folded
    body_start, body_end = 0, len(folded)
    start = _PG_START.search(folded, 0, _EDITION_CHARS)
    if start is not None and (header := _stripped(doc, 0, start.end())):
        furniture.append(Furniture(header.start, header.end, FurnitureKind.HEADER))
        body_start = start.end()
        following = next((p for p in doc.paragraphs if p.start >= body_start), None)
        if following is not None and _PG_CREDITS.match(folded, following.start):
            furniture.append(Furniture(following.start, following.end, FurnitureKind.HEADER))
            body_start = following.end
    end = _PG_END.search(folded, max(body_start, len(folded) - _EDITION_CHARS))
    if end is not None and (licence := _stripped(doc, end.start(), len(folded))):
        furniture.append(Furniture(licence.start, licence.end, FurnitureKind.LICENCE))
        body_end = end.start()
    return body_start, body_end


def _breaks(doc: Document, start: int, end: int) -> Iterator[_Break]:
    """The page breaks in the body, in order: form feeds and digitisers' markers."""
    found: list[_Break] = []
    # A form feed with nothing after it ends the last page (pdftotext ends every page with
    # one, tesseract only those before another): no break, so the two read alike.
    last = len(doc.text[start:end].rstrip()) + start
    position = doc.text.find("\f", start, end)
    while position != -1:
        if position < last:
            found.append(_Break(position, position + 1, opens=False))
        position = doc.text.find("\f", position + 1, end)
    for match in _HATHI.finditer(doc.folded, start, end):
        line = _stripped(doc, match.start(), match.end())
        assert line is not None
        found.append(_Break(line.start, line.end, opens=True, label=match["label"] or None))
    for match in _PG_PAGE.finditer(doc.folded, start, end):
        found.append(_Break(match.start(), match.end(), opens=True, label=match["label"]))
    yield from sorted(found, key=lambda b: b.start)


def _lines(doc: Document, start: int, end: int, known: set[tuple[int, int]]) -> list[Span]:
    """The lines of text between `start` and `end`, stripped, but for known furniture."""
    return [
        line
        for match in _LINE.finditer(doc.folded, start, end)
        if (line := _stripped(doc, match.start(), match.end()))
        and (line.start, line.end) not in known
    ]


def _sheets(
    doc: Document,
    breaks: list[_Break],
    body_start: int,
    body_end: int,
    known: set[tuple[int, int]],
) -> list[_Sheet]:
    """The pages between the breaks. Text before a marker that opens the first page is no
    page of the book (a preamble), nor is blank text after the last form feed."""
    sheets: list[_Sheet] = []

    def add(start: int, end: int, label: str | None, blank_is_page: bool) -> None:
        lines = _lines(doc, start, end, known)
        if lines or blank_is_page:
            sheets.append(_Sheet(start, end, label, lines))

    first = breaks[0]
    if not first.opens:
        add(body_start, first.start, None, blank_is_page=False)
    for index, brk in enumerate(breaks):
        following = breaks[index + 1].start if index + 1 < len(breaks) else body_end
        start = brk.start if brk.opens else brk.end
        last = index + 1 == len(breaks)
        add(start, following, brk.label, blank_is_page=not last or brk.opens)
    return sheets


# A footnote's opening: a superscript number or a note symbol, then its text.
_NOTE_OPENING = re.compile(r"(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|[*\u2020\u2021\u00a7])\s+\S")


def _label_key(label: str) -> tuple[int, int]:
    """(0, value) for a roman numeral, (1, value) for an arabic one, (2, 0) otherwise."""
    system, value, _, _ = PageRange(label, label).sort_key()[0]
    return system, value


def _words_of_head(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _HEAD_WORDS
        and len(text) <= _HEAD_CHARS
        and any(ch.isalpha() for ch in text)
    )


def _head_key(text: str) -> str:
    """A running head as compared across pages: letters only, case folded."""
    return " ".join("".join(ch if ch.isalpha() else " " for ch in text).casefold().split())


def _folio(doc: Document, line: Span) -> _Folio | None:
    """The line as a folio, alone or beside a running head, if it can be one."""
    text = doc.folded[line.start : line.end]
    if match := _FOLIO.fullmatch(text):
        if _label_key(match["number"])[0] == 2:
            return None
        return _Folio(
            line.start + match.start("number"), line.start + match.end("number"), match["number"]
        )
    match = _FOLIO_HEAD.fullmatch(text)
    if match is None:
        return None
    number, head = ("number", "head") if match["number"] else ("number2", "head2")
    if _label_key(match[number])[0] == 2 or not _words_of_head(match[head]):
        return None
    head_span = Span(line.start + match.start(head), line.start + match.end(head))
    return _Folio(
        line.start + match.start(number),
        line.start + match.end(number),
        match[number],
        head_span,
        capitals=not any(ch.islower() for ch in match[head]),
    )


def _zone(sheet: _Sheet, foot: bool) -> list[Span]:
    """The lines at a page's head (or foot, from the bottom) that may be furniture."""
    lines = sheet.lines[::-1] if foot else sheet.lines
    return lines[:_ZONE]


def _head_of(doc: Document, line: Span) -> tuple[_Folio | None, str | None]:
    """The line's folio, if it is one, and the text it may repeat as a running head."""
    folio = _folio(doc, line)
    if folio is None:
        text = doc.folded[line.start : line.end]
        if _NOTE_OPENING.match(text):  # `² Ibid., 99.` at every page's foot is a note
            return None, None
    elif folio.head is not None:
        text = doc.folded[folio.head.start : folio.head.end]
    else:
        return folio, None
    return folio, _head_key(text) if _words_of_head(text) else None


def _read_sheets(doc: Document, sheets: list[_Sheet]) -> None:
    """The furniture and printed number of each page between breaks."""
    folded = doc.folded
    for sheet in sheets:  # a signature is the last line of a page, below everything
        if sheet.lines:
            last = sheet.lines[-1]
            if _SIGNATURE.fullmatch(folded[last.start : last.end]):
                sheet.lines.pop()
                sheet.furniture.append(Furniture(last.start, last.end, FurnitureKind.SIGNATURE))
    heads = _running_heads(doc, sheets)
    for sheet in sheets:
        taken: set[int] = set()
        for foot in (False, True):
            for line in _zone(sheet, foot):  # from the page's edge inwards, while furniture
                if line.start in taken:
                    break
                folio, key = _head_of(doc, line)
                repeated = key is not None and key in heads[foot]
                if folio is None:
                    if not repeated:
                        break
                    sheet.furniture.append(
                        Furniture(line.start, line.end, FurnitureKind.RUNNING_HEAD)
                    )
                elif folio.head is not None and not (repeated or folio.capitals):
                    break
                else:
                    folio.repeated = repeated
                    sheet.folios.append(folio)
                taken.add(line.start)
    _number(sheets)


def _running_heads(doc: Document, sheets: list[_Sheet]) -> tuple[set[str], set[str]]:
    """Texts repeated at the head (and, apart, at the foot) of two pages or more."""
    found: tuple[set[str], set[str]] = (set(), set())
    for foot in (False, True):
        counts: Counter[str] = Counter()
        for sheet in sheets:
            keys = {key for line in _zone(sheet, foot) if (key := _head_of(doc, line)[1])}
            counts.update(keys)
        found[foot].update(key for key, count in counts.items() if count >= 2)
    return found


def _number(sheets: list[_Sheet]) -> None:
    """Each page's printed number: its marker's label, and the folio that agrees with it;
    for a page without one, a folio that agrees with another page's numbering. A number
    beside a running head that repeats is a folio whatever it says."""
    offsets: Counter[tuple[int, int]] = Counter()
    for index, sheet in enumerate(sheets):
        labels = [sheet.label] if sheet.label else [f.label for f in sheet.folios]
        for system, value in {_label_key(label) for label in labels}:
            if system < 2:
                offsets[system, value - index] += 1
    candidates = sum(1 for sheet in sheets if sheet.label or sheet.folios)
    for index, sheet in enumerate(sheets):
        sheet.number = sheet.label
        for folio in sheet.folios:
            if sheet.label is not None:
                agrees = _same_label(folio.label, sheet.label)
            else:
                system, value = _label_key(folio.label)
                agrees = offsets[system, value - index] >= 2 or (
                    candidates == 1 and len(sheets) <= 2
                )
            if not (agrees or folio.repeated):
                continue
            if sheet.number is None:
                sheet.number = folio.label
            sheet.furniture.append(Furniture(folio.start, folio.end, FurnitureKind.PAGE_NUMBER))
            if folio.head is not None:
                sheet.furniture.append(
                    Furniture(folio.head.start, folio.head.end, FurnitureKind.RUNNING_HEAD)
                )


def _same_label(printed: str, label: str) -> bool:
    return printed.casefold() == label.casefold()


def _sequence(
    doc: Document, body_start: int, body_end: int, known: set[tuple[int, int]]
) -> list[_Sheet]:
    """Pages from folios alone, where the text shows no breaks: lines holding only a number
    (or one beside a running head in capitals) that count up one page at a time, each about
    a page's worth of text after the last."""
    lines = _lines(doc, body_start, body_end, known)
    folios: list[tuple[int, _Folio]] = []
    for number, line in enumerate(lines):
        folio = _folio(doc, line)
        if folio is not None and (folio.head is None or folio.capitals):
            folios.append((number, folio))
    chain = _longest_chain(folios)
    if len(chain) < _CHAIN:
        return []
    # A folio with a running head, or a sequence that begins soon and ends late, heads its
    # page; else it is printed at the page's foot.
    gaps = [b.start - a.start for (_, a), (_, b) in pairwise(chain)]
    page = statistics.median(gaps)
    before = chain[0][1].start - body_start
    after = body_end - chain[-1][1].end
    at_head = sum(f.head is not None for _, f in chain) * 2 > len(chain) or before < min(
        after, page
    )
    # A running head on the line after a folio at the head (before one at the foot).
    beside = {number: number + 1 if at_head else number - 1 for number, _ in chain}
    keys = {
        number: key
        for number, other in beside.items()
        if 0 <= other < len(lines) and (key := _head_of(doc, lines[other])[1])
    }
    repeated = {key for key, count in Counter(keys.values()).items() if count >= 2}
    sheets: list[_Sheet] = []
    for position, (number, folio) in enumerate(chain):
        line = lines[number]
        if at_head:
            start = line.start
            end = lines[chain[position + 1][0]].start if position + 1 < len(chain) else body_end
        else:
            start = lines[chain[position - 1][0]].end if position else body_start
            end = line.end
        sheet = _Sheet(start, end, None, [], number=folio.label)
        sheet.furniture.append(Furniture(folio.start, folio.end, FurnitureKind.PAGE_NUMBER))
        if folio.head is not None:
            sheet.furniture.append(
                Furniture(folio.head.start, folio.head.end, FurnitureKind.RUNNING_HEAD)
            )
        if keys.get(number) in repeated:
            head = lines[beside[number]]
            sheet.furniture.append(Furniture(head.start, head.end, FurnitureKind.RUNNING_HEAD))
        sheets.append(sheet)
    return sheets


def _longest_chain(folios: list[tuple[int, _Folio]]) -> list[tuple[int, _Folio]]:
    """The longest run of folios counting up by one page (or two, one unnumbered between),
    each at least a page's worth of lines and characters after the last, evenly spaced; of
    runs as long, the one whose pages are most alike in length."""
    seen: dict[tuple[int, int], list[int]] = {}  # (system, value) → the folios, latest last
    previous: list[int | None] = []
    length: list[int] = []
    for index, (number, folio) in enumerate(folios):
        system, value = _label_key(folio.label)
        previous.append(None)
        length.append(1)
        best: tuple[int, float] = (1, 0.0)
        for step in (1, 2):
            for earlier in seen.get((system, value - step), [])[-_CANDIDATES:]:
                line_before, before = folios[earlier]
                if (
                    number - line_before < _PAGE_LINES * step
                    or folio.start - before.end < _PAGE_CHARS * step
                ):
                    continue
                page = (folio.start - before.start) / step
                last = previous[earlier]
                unlike = abs(page - _page_size(folios, last, earlier)) if last is not None else 0
                score = (length[earlier] + 1, -unlike)
                if score > best:
                    best, previous[index], length[index] = score, earlier, length[earlier] + 1
        seen.setdefault((system, value), []).append(index)
    if not length:
        return []
    end: int | None = max(range(len(length)), key=length.__getitem__)
    chain = []
    while end is not None:
        chain.append(folios[end])
        end = previous[end]
    chain.reverse()
    if len(chain) < _CHAIN or not _even(chain):
        return []
    return chain


def _page_size(folios: list[tuple[int, _Folio]], first: int, second: int) -> float:
    """The characters a page holds between two folios of a run."""
    a, b = folios[first][1], folios[second][1]
    return (b.start - a.start) / (_label_key(b.label)[1] - _label_key(a.label)[1])


def _even(chain: list[tuple[int, _Folio]]) -> bool:
    """Most pages of a book hold about as much text as the others."""
    sizes = [
        (b.start - a.start) / (_label_key(b.label)[1] - _label_key(a.label)[1])
        for (_, a), (_, b) in pairwise(chain)
    ]
    middle = statistics.median(sizes)
    even = sum(0.6 * middle <= size <= 1.5 * middle for size in sizes)
    return even * 4 >= len(sizes) * 3
