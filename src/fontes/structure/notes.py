"""Notes and the markers that point into them, in the forms books and editions print them.

Note bodies: a `Notes` section (`1.`, `1)`, `(1)`, `[1]`, `^1` entries), footnotes after
their paragraph (`[10] Tac. Ann. ii. 9.`, `[*] ...`), Project Gutenberg's
`[Footnote 26: ...]` blocks (one or several paragraphs, numbered, lettered or not at all) and
Markdown's `[^9]: ...`. Markers: `[3]`, `[*]`, `[^9]`, `^3` and superscript digits after the
word they annotate (and `[26]` after a space, where an edition's notes are `[Footnote]`
blocks, which write it so). Each marker is linked to its note within its scope: the markers
of each run of numbering go to the notes of the matching run (a chapter's notes, wherever
printed), else to the nearest note of that number after them.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from fontes.model import Document, Note, NoteMarker, Span
from fontes.text.markup import italic_marks
from fontes.text.names import unique_id

HEADINGS = re.compile(
    r"(?:end|foot)?notes(?: and references| to (?:the )?[\w ]{1,40})?\s*:?", re.IGNORECASE
)
# The symbols printers use for notes, in their usual order, and how an id names them.
SYMBOLS = {"*": "asterisk", "+": "dagger", "†": "dagger", "‡": "double-dagger", "§": "section"}
_SYMBOL = "[*+†‡§]"
_NOTE_START = re.compile(
    r"(?:\[(?P<bracket>\d{1,3})\]|\^(?P<caret>\d{1,3})|\((?P<paren>\d{1,3})\)"
    r"|(?P<plain>\d{1,3})[.)]?)(?:\s+|$)"
)
# A footnote printed after its paragraph, at the start of a line: `[10] ...`, `[*] ...`.
_BRACKETED = re.compile(rf"(?:\[(?:\d{{1,3}}|{_SYMBOL})\]|\^\d{{1,3}})(?:\s+|$)")
# Project Gutenberg's note block, `[Footnote 26: ...]`, `[Footnote A: ...]`, `[Footnote: ...]`.
_FOOTNOTE_BLOCK = re.compile(
    rf"\[Foot[Nn]ote(?:\s+(?P<label>\d{{1,3}}|[A-Za-z]|{_SYMBOL}))?\s*:\s*"
)
# Its editorial kin, which are no notes but no prose either: margin headings, illustrations.
_EDITORIAL_BLOCK = re.compile(r"\[(?:Sidenote|Illustration|Transcriber's Note)\b[^\]\n]*")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A footnote opening a line at a page's foot: `¹ Keast, ...`, `1 The ...`, `* ...`.
_FOOT_NOTE = re.compile(
    rf"(?:(?P<superscript>[{_SUPERSCRIPTS}]{{1,3}})|\d{{1,2}}|[†‡§])\s+(?=[A-Z\"'(_*])"
)
# A footnote after its paragraph opened by a bare symbol, `* The three ships ...`, and the
# bare symbol that marks its word, `the Speedwell.*` (not `+`: sums and grades use it).
_SYMBOL_NOTE = re.compile(r"(?P<symbol>[*†‡§])[ \t]+(?=[A-Z\"'(_])")
_BARE_SYMBOL = re.compile(r"(?<=[\w.,;:!?'\")\]])([*†‡§])(?![\w*])")
# How many of a page's last lines may hold the notes OCR ran into its last paragraph.
_FOOT_LINES = 4
# `(1)` after a word, in an edition whose notes are numbered and marked no other way.
_PARENTHESISED = re.compile(r"(?<=\w[ \n])\((\d{1,3})\)(?=[\s.,;:])")
# Code in a Markdown edition: fenced blocks and inline spans, which hold no prose.
# An inline span opens and closes with the same run of backticks (```GT4HistComment```).
_CODE = re.compile(
    r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$|(?<!`)(`+)(?!`)[^\n]+?(?<!`)\2(?!`)",
    re.MULTILINE | re.DOTALL,
)
# Markdown's footnote definition, at the start of a line: `[^9]: ...`, `[^note]: ...`.
_MARKDOWN_NOTE = re.compile(r"^\[\^(?P<label>[^\]\s]{1,20})\]:[ \t]*", re.MULTILINE)
# A chapter's heading inside a notes section: its notes are numbered afresh.
_SUBHEADING = re.compile(
    r"(?:notes to\s+)?(?:chapter|book|part|lecture)\s+(?:\d{1,3}|[ivxlc]{1,7})\b[^\n]{0,60}",
    re.IGNORECASE,
)
# A note block longer than this has lost its closing bracket: it ends with its paragraph.
LONGEST_BLOCK = 20_000
# One pattern a marker form: each starts with a fixed character, which the regex engine
# finds fast; a single alternation would be tried at every position of the text.
_MARKERS = (
    re.compile(rf"\[(\d{{1,3}}|{_SYMBOL})\]"),
    re.compile(r"\[\^([^\]\s]{1,20})\]"),
    re.compile(r"\^(\d{1,3})"),
    re.compile(rf"([{_SUPERSCRIPTS}]+)"),
)


@dataclass(frozen=True, slots=True)
class _Body:
    """A note body as found, before it gets its id."""

    label: str
    start: int
    end: int
    text_start: int


def read_notes(doc: Document) -> None:
    """Read the note bodies in every form, then link the markers in the text to them."""
    blocks = list(_footnote_blocks(doc))
    bodies = blocks + list(_markdown_notes(doc))
    for body in bodies:
        doc.apparatus.add(Span(body.start, body.end))
    for start, end in _editorial_blocks(doc):
        doc.apparatus.add(Span(start, end))
    for code in _CODE.finditer(doc.folded):  # `all_files[0]` in code is no note marker
        doc.apparatus.add(Span(code.start(), code.end()))
    bodies += _page_foot_notes(doc)
    symbol_notes = _symbol_notes(doc)
    bodies += symbol_notes
    bodies += _section_and_paragraph_notes(doc, after_paragraphs=not blocks)
    bodies.sort(key=lambda body: body.start)
    doc.notes.extend(_named(bodies))
    _read_markers(
        doc,
        spaced=bool(blocks),
        parenthesised=_numbered_in_a_section(doc, bodies),
        bare_symbols=bool(symbol_notes),
    )


def _footnote_blocks(doc: Document) -> Iterator[_Body]:
    """`[Footnote 26: ...]`: the body runs to the bracket that closes the block."""
    text = doc.folded
    for match in _FOOTNOTE_BLOCK.finditer(text):
        close = _closing_bracket(text, match.end())
        if close is None:  # lost its bracket: the block ends with its paragraph
            close = text.find("\n\n", match.end())
            close = len(text.rstrip()) if close == -1 else close
        yield _Body(match["label"] or "", match.start(), close, match.end())


def _closing_bracket(text: str, start: int) -> int | None:
    """The `]` that closes a block opened before `start`, brackets inside it balanced."""
    depth = 0
    for index in range(start, min(len(text), start + LONGEST_BLOCK)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return index
            depth -= 1
    return None


def _editorial_blocks(doc: Document) -> Iterator[tuple[int, int]]:
    for match in _EDITORIAL_BLOCK.finditer(doc.folded):
        close = _closing_bracket(doc.folded, match.start() + 1)
        yield match.start(), (close + 1 if close is not None else match.end())


def _markdown_notes(doc: Document) -> Iterator[_Body]:
    """`[^9]: ...`: the body runs on through its indented or wrapped lines to a blank line
    or the next definition."""
    text = doc.folded
    matches = list(_MARKDOWN_NOTE.finditer(text))
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        position = last = match.end()
        while position < limit:
            line_end = text.find("\n", position)
            line_end = limit if line_end == -1 or line_end > limit else line_end
            if text[position:line_end].strip():
                last = line_end  # a wrapped line of the note
            elif not text[line_end + 1 : line_end + 2].isspace():
                break  # a blank line, and unindented text after it: the note has ended
            position = line_end + 1
        end = match.end() + len(text[match.end() : last].rstrip())
        yield _Body(match["label"], match.start(), end, match.end())


def _page_foot_notes(doc: Document) -> list[_Body]:
    """Footnotes at the foot of a printed page, as OCR gives them: `¹ Keast, ...` (a
    superscript opening a line is evidence enough), or `1 The 'tenant' ...` when the
    paragraph is the last of its page. Numbering may restart on every page."""
    bodies: list[_Body] = []
    paragraphs = doc.paragraphs
    for index, paragraph in enumerate(paragraphs):
        text = doc.folded[paragraph.start : paragraph.end]
        opening = _FOOT_NOTE.match(text)
        if doc.claimed(paragraph):
            continue
        if opening is not None and (
            opening["superscript"] or (_at_page_foot(doc, index) and _marked(doc, paragraph))
        ):
            _read_lines(doc, paragraph, bodies, _FOOT_NOTE)
            doc.apparatus.add(paragraph)
        elif _at_page_foot(doc, index) and (foot := _run_on_foot(doc, paragraph)) is not None:
            _read_lines(doc, foot, bodies, _FOOT_NOTE)
            doc.apparatus.add(foot)
    return bodies


def _run_on_foot(doc: Document, paragraph: Span) -> Span | None:
    """Notes that OCR ran into the page's last paragraph, with no blank line between:
    `...the quay dues⏎6⏎1 The 'tenant' in the lease book ...⏎A 2`. A line among the
    paragraph's last few that opens like a note whose number a marker on the page bears
    (`terms¹`) starts them."""
    lines = doc.folded[paragraph.start : paragraph.end].split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=paragraph.start))
    for number in range(max(1, len(lines) - _FOOT_LINES), len(lines)):
        start = starts[number]
        if _FOOT_NOTE.match(lines[number]) and _marked(doc, Span(start, paragraph.end)):
            return doc.without_furniture(Span(start, paragraph.end))  # not the `A 2` below
    return None


def _symbol_notes(doc: Document) -> list[_Body]:
    """Footnotes set after their paragraph with a bare symbol, `* The three ships ...`, where
    the paragraph before marks a word with that symbol (`the Speedwell.*`): a symbol alone
    opening a paragraph is otherwise a Markdown bullet or an ornament."""
    bodies: list[_Body] = []
    text = doc.folded
    previous: Span | None = None
    for paragraph in doc.paragraphs:
        opening = _SYMBOL_NOTE.match(text, paragraph.start, paragraph.end)
        if opening is None or doc.claimed(paragraph):
            previous = None if doc.claimed(paragraph) else paragraph
            continue
        if previous is not None and _bare_symbol_markers(doc, previous, opening["symbol"]):
            _read_lines(doc, paragraph, bodies, _SYMBOL_NOTE)
            doc.apparatus.add(paragraph)
        else:
            previous = paragraph
    return bodies


def _bare_symbol_markers(doc: Document, paragraph: Span, symbol: str) -> bool:
    italics = italic_marks(doc.folded, paragraph.start, paragraph.end)
    return any(
        match[1] == symbol and match.start() not in italics
        for match in _BARE_SYMBOL.finditer(doc.folded, paragraph.start, paragraph.end)
    )


def _marked(doc: Document, paragraph: Span) -> bool:
    """Whether the number opening a paragraph is a note's: no page furniture opens it (`12
    THE HISTORY ...` is a folio and a running head) and a marker earlier on its page gives
    that number (`terms¹` … `1 The ...`)."""
    inner = doc.without_furniture(paragraph)
    page = doc.page_of(paragraph.start)
    if inner is None or inner.start != paragraph.start or page is None:
        return False
    number = _label(doc.folded[paragraph.start : paragraph.start + 3].split()[0])
    return any(
        _ascii_digits(match[1]) == number
        for pattern in _MARKERS[2:]  # `^1`, `¹`: the forms OCR gives a footnote's marker
        for match in pattern.finditer(doc.folded, page.start, paragraph.start)
    )


def _at_page_foot(doc: Document, index: int) -> bool:
    """Whether the paragraph is the last of its printed page but for page furniture."""
    page = doc.page_of(doc.paragraphs[index].start)
    if page is None:
        return False
    for following in doc.paragraphs[index + 1 :]:
        if following.start >= page.end:
            return True
        if doc.without_furniture(following) is not None:
            return False
    return True


def _read_lines(
    doc: Document, paragraph: Span, bodies: list[_Body], pattern: re.Pattern[str]
) -> None:
    """Each line that `pattern` opens starts a note; any other line continues the one before."""
    position = paragraph.start
    for line in doc.folded[paragraph.start : paragraph.end].split("\n"):
        lead = len(line) - len(line.lstrip())
        start = position + lead
        position += len(line) + 1
        match = pattern.match(line.lstrip())
        if match is None:
            if bodies and line.strip():
                bodies[-1] = replace(bodies[-1], end=start + len(line.strip()))
            continue
        bodies.append(
            _Body(_label(match[0]), start, start + len(line.strip()), start + match.end())
        )


def _section_and_paragraph_notes(doc: Document, after_paragraphs: bool) -> list[_Body]:
    """Notes in a `Notes` section, and (unless the edition's notes are blocks, whose markers
    may open a line) footnotes printed after their paragraph."""
    bodies: list[_Body] = []
    in_notes = heading = False
    for paragraph in doc.paragraphs:
        text = doc.folded[paragraph.start : paragraph.end]
        if HEADINGS.fullmatch(text.strip()) or (in_notes and _SUBHEADING.fullmatch(text.strip())):
            in_notes = heading = True  # a chapter's notes, under their own heading, restart
            continue
        if doc.claimed(paragraph):
            in_notes = False
            continue
        if bodies and bodies[-1].text_start >= bodies[-1].end:  # `[48]` alone on its line:
            # its body is the paragraph after it (a quotation set off, verse)
            bodies[-1] = replace(bodies[-1], end=paragraph.end, text_start=paragraph.start)
            doc.apparatus.add(paragraph)
            continue
        starts_note = _NOTE_START.match(text) if in_notes else _BRACKETED.match(text)
        if not starts_note or not (in_notes or after_paragraphs):
            in_notes = False
            continue
        _read_note_paragraph(doc, paragraph, bodies, bracketed_only=not in_notes, restart=heading)
        heading = False
        doc.apparatus.add(paragraph)
    return bodies


def _read_note_paragraph(
    doc: Document, paragraph: Span, bodies: list[_Body], bracketed_only: bool, restart: bool
) -> None:
    """Read the notes of one paragraph into `bodies`; `restart`: it opens a notes section,
    whose first note may start the numbering again."""
    position = paragraph.start
    for line in doc.folded[paragraph.start : paragraph.end].split("\n"):
        lead = len(line) - len(line.lstrip())
        start = position + lead
        position += len(line) + 1
        pattern = _BRACKETED if bracketed_only else _NOTE_START
        match = pattern.match(line.lstrip())
        label = _label(match[0]) if match else ""
        if match is None or (
            match.re is _NOTE_START
            and match["plain"]
            and not _follows(bodies, label)
            and not (restart and start == paragraph.start and label == "1")
        ):
            if bodies:  # a wrapped line continues the note before
                bodies[-1] = replace(bodies[-1], end=start + len(line.strip()))
            continue
        bodies.append(_Body(label, start, start + len(line.strip()), start + match.end()))


def _label(opening: str) -> str:
    """The note's number in ASCII digits, or its symbol: `[3] ` → `3`, `[*] ` → `*`, `³` → `3`."""
    digits = "".join(ch for ch in opening if unicodedata.digit(ch, None) is not None)
    return _ascii_digits(digits) if digits else opening.strip(" []^()")


def _follows(bodies: list[_Body], number: str) -> bool:
    """A bare number starts a note only in sequence: `12 May` in a wrapped note does not."""
    numbered = [body.label for body in bodies if body.label.isdigit()]
    return not numbered or int(number) == int(numbered[-1]) + 1


def _named(bodies: list[_Body]) -> list[Note]:
    """Notes with ids: `note-3`; where numbering restarts (a chapter's own notes), the id
    carries the series, `note-2-1`; symbols by name, `note-asterisk`."""
    notes: list[Note] = []
    taken: set[str] = set()
    series, previous = 0, None
    for body in bodies:
        if body.label.isdigit():
            if previous is not None and int(body.label) <= previous:
                series += 1
            previous = int(body.label)
        name = SYMBOLS.get(body.label, body.label) or "unnumbered"
        prefix = f"note-{series + 1}" if series and body.label.isdigit() else "note"
        notes.append(
            Note(
                id=unique_id(prefix, name, taken),
                number=body.label,
                start=body.start,
                end=body.end,
                text_start=body.text_start,
            )
        )
    return notes


def _numbered_in_a_section(doc: Document, bodies: list[_Body]) -> bool:
    """Whether the notes are numbered entries of a notes section and the text marks them
    with nothing but `(1)`: then `trades (1).` is a marker, not an enumeration."""
    numbered = any(body.label.isdigit() for body in bodies)
    other = any(
        not doc.in_apparatus(match.start())
        for pattern in _MARKERS
        for match in pattern.finditer(doc.folded)
        if match[1].isdigit() or match[1][0] in _SUPERSCRIPTS
    )
    return numbered and not other


def _read_markers(doc: Document, spaced: bool, parenthesised: bool, bare_symbols: bool) -> None:
    """Markers in the text, each linked to its note. `spaced`: the edition writes markers
    after a space or at a line's start (`ministry. [26]`), as Project Gutenberg does;
    `parenthesised`: it writes them `(1)`; `bare_symbols`: `Speedwell.*`, `fish.†`."""
    patterns = (*_MARKERS, _PARENTHESISED) if parenthesised else _MARKERS
    patterns = (*patterns, _BARE_SYMBOL) if bare_symbols else patterns
    italics = italic_marks(doc.folded, 0, len(doc.folded)) if bare_symbols else set()
    matches = sorted(
        (match for pattern in patterns for match in pattern.finditer(doc.folded)),
        key=lambda match: match.start(),
    )
    found: list[tuple[int, int, str]] = []
    for match in matches:
        start = match.start()
        if found and start < found[-1][1]:  # `^1` inside `[^1]`
            continue
        # A marker follows the word or punctuation it annotates, with no space between, or
        # (a bracketed one, in a table) stands right before it: `[*]Conrad III.`.
        after_space = start == 0 or doc.folded[start - 1].isspace()
        bracketed = match[0].startswith(("[", "("))
        before_word = bracketed and doc.folded[match.end() : match.end() + 1].isalpha()
        spaced_form = match.re is _PARENTHESISED or (bracketed and (spaced or before_word))
        if after_space and not spaced_form:
            continue
        if doc.in_apparatus(start) or start in italics:
            continue
        label = match[1] if not match[1][0].isdigit() else _ascii_digits(match[1])
        found.append((start, match.end(), label))
    links = _links(doc.notes, [(start, label) for start, _, label in found])
    links = _within_pages(doc, [(start, label) for start, _, label in found], links)
    for (start, end, label), note in zip(found, links, strict=True):
        doc.note_markers.append(NoteMarker(number=label, start=start, end=end, note=note))


def _links(notes: list[Note], markers: list[tuple[int, str]]) -> list[str | None]:
    """The note each marker points to: by runs of numbering, else the nearest after it."""
    by_label: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        by_label[note.number].append(note)
    paired = _paired_runs(notes, markers)
    links: list[str | None] = []
    for index, (start, label) in enumerate(markers):
        if index in paired:
            links.append(paired[index])
            continue
        candidates = by_label.get(label, [])
        starts = [note.start for note in candidates]
        after = bisect.bisect_right(starts, start)
        if after < len(candidates):
            links.append(candidates[after].id)
        else:
            links.append(candidates[-1].id if candidates else None)
    return links


def _within_pages(
    doc: Document, markers: list[tuple[int, str]], links: list[str | None]
) -> list[str | None]:
    """Page-foot notes are the scope of the markers on their page: a marker on a page with
    notes at its foot goes to the note of its number there, or to none (`³` on a page
    whose foot has notes 1 and 2 is not the next page's note 3)."""
    if not doc.pages:
        return links
    on_page: dict[int, dict[str, str]] = defaultdict(dict)
    for note in doc.notes:
        if (page := doc.page_of(note.start)) is not None:
            on_page[page.start].setdefault(note.number, note.id)
    notes_at = {note.id: doc.page_of(note.start) for note in doc.notes}
    scoped = []
    for (start, label), link in zip(markers, links, strict=True):
        page = doc.page_of(start)
        here = on_page.get(page.start) if page is not None else None
        if here and (link is None or notes_at.get(link) != page):
            scoped.append(here.get(label))
        else:
            scoped.append(link)
    return scoped


def _runs(labels: list[str]) -> list[int]:
    """For each numeric label, the number of its run: a run ends where numbering restarts."""
    run, previous, runs = 0, 0, []
    for label in labels:
        number = int(label) if label.isdigit() else None
        if number is not None:
            if number < previous:
                run += 1
            previous = number
        runs.append(run)
    return runs


def _paired_runs(notes: list[Note], markers: list[tuple[int, str]]) -> dict[int, str]:
    """Where the markers restart their numbering as often as the notes do, and every run's
    notes follow its markers (each chapter's endnotes, wherever printed), the k-th run of
    markers goes to the k-th run of notes. Marker index → note id."""
    numbered = [note for note in notes if note.number.isdigit()]
    note_runs, marker_runs = _runs([n.number for n in numbered]), _runs([m[1] for m in markers])
    if not numbered or not markers or note_runs[-1] == 0 or note_runs[-1] != marker_runs[-1]:
        return {}
    series: dict[tuple[int, str], Note] = {}
    for note, run in zip(numbered, note_runs, strict=True):
        series.setdefault((run, note.number), note)
    paired = {}
    for index, ((start, label), run) in enumerate(zip(markers, marker_runs, strict=True)):
        target = series.get((run, label))
        if target is not None and target.start > start:
            paired[index] = target.id
    return paired


def _ascii_digits(digits: str) -> str:
    """`3`, `³` or `٣` (Arabic-Indic): the same note number, in ASCII digits."""
    return "".join(str(unicodedata.digit(ch)) for ch in digits)
