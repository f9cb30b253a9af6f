"""TEI P5: an encoded edition's text, laid out as a plain-text edition of it would be, with
the edition's own markup kept as `Markup` records over the text they cover.

The text is that of `text` (front, body and back; the `teiHeader` is metadata, not text).
White space in TEI is not significant, so runs of it are one space; the layout comes from
the structure: paragraphs, headings, divisions, line groups and lists are blocks, separated
by a blank line; a verse line, a list item, a bibliography entry and an `lb` start a new
line; an `lb` that breaks a word (`@break="no"`) prints a hyphen at the line's end, as the
page did. A `pb` ends the page before it with a form feed, as a paged source does, and gives
the next page its printed number (`@n`).

Notes are laid out as `reading.notes` finds them in a printed book: an inline note leaves a
marker, `[3]`, right after the word it annotates, and its text is set after the paragraph
(or heading, or verse) that holds the marker, as a footnote, `[3] ...`, one note a line; the
notes of a division of notes (`div type="notes"`, as in a back) are a `Notes` section where
they stand, under their own heading, or under `Notes` where they have none.

The edition's reading is read where it gives two (`choice`): the correction, regularisation
or expansion, not the error, original spelling or abbreviation; an apparatus's lemma; never
what the source deleted (`del`), the printer's running heads and folios (`fw`), nor the
editors' descriptions of figures.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from fontes.model import Document, Markup, Source, SourcePage
from fontes.reading.source import InputError, read_bytes
from fontes.reading.xml import local_name, parse_xml

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# The edition's markup kept as records, for later stages to take as given.
MARKED = frozenset(
    {"persName", "placeName", "orgName", "name", "date", "time", "note", "bibl", "pb"}
    | {"quote", "q", "gap", "ref"}
)
# Elements whose text is not the edition's text.
_SKIPPED = frozenset(
    {"teiHeader", "fw", "del", "figDesc", "facsimile", "standOff", "sourceDoc"}
    | {"listPerson", "listPlace", "listOrg", "listEvent", "listRelation"}
    | {"interpGrp", "linkGrp", "spanGrp", "join", "link", "span"}
)
# Blocks: set off from what is around them by a blank line.
_BLOCKS = frozenset(
    {"p", "ab", "head", "lg", "list", "listBibl", "table", "figure", "sp", "speaker", "stage"}
    | {"opener", "closer", "postscript", "epigraph", "argument", "trailer", "castList"}
    | {"titlePage", "docTitle", "docImprint", "floatingText", "group", "front", "body", "back"}
    | {"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "text"}
)
# Containers: an element standing directly in one is a block too (a `quote` set off in a
# division, a `bibl` between paragraphs).
_CONTAINERS = frozenset(
    {"text", "front", "back", "body", "group", "floatingText", "div", "div1", "div2"}
    | {"div3", "div4", "div5", "div6", "div7"}
)
# Lines: each starts a line of its own within the block that lists them (a `bibl` within a
# paragraph is a citation in its text, one in a `listBibl` an entry of a bibliography).
_LINES = frozenset(
    {"item", "label", "row", "castItem", "bibl", "biblStruct", "salute", "signed"}
    | {"dateline", "address", "addrLine", "byline", "docAuthor", "docDate", "titlePart"}
)
_LISTS = frozenset(
    {"list", "listBibl", "lg", "table", "castList", "castGroup", "address", "opener"}
    | {"closer", "postscript", "titlePage", "docTitle", "docImprint", "argument", "epigraph"}
    | {"trailer"}
)
# Elements that stand for a point in the text, not a stretch of it.
_MILESTONES = frozenset({"pb", "lb", "cb", "milestone", "anchor", "gap", "ptr", "space"})
# Of the children of `choice` and `app`, the one read (the first of these there is).
_PREFERRED = ("corr", "reg", "expan", "lem", "rdg")
# A division of notes: a `Notes` section where it stands.
_NOTE_DIVISIONS = frozenset({"notes", "endnotes", "footnotes"})
# A note's own number, as `reading.notes` reads markers: digits, or a printer's symbol.
_NOTE_LABEL = re.compile(r"\d{1,3}|[*†‡§]")
_SPACE, _LINE, _BLOCK = 1, 2, 3
_BREAKS = {_SPACE: " ", _LINE: "\n", _BLOCK: "\n\n"}
_WORDS = re.compile(r"\S+")


def read(path: Path) -> Document:
    """The TEI file at `path` as a document, its pages and its markup in `doc.source`."""
    data = read_bytes(path)
    root = parse_xml(path, data, "TEI")
    if etree.QName(root).namespace != TEI_NS or local_name(root) not in ("TEI", "teiCorpus"):
        raise InputError(f"{path}: is XML but not TEI P5 (no TEI element in the TEI namespace)")
    texts = [
        element
        for element in root.iter(f"{{{TEI_NS}}}text")
        if (parent := element.getparent()) is not None and local_name(parent) == "TEI"
    ]
    if not texts:
        raise InputError(f"{path}: is TEI with no text element (a header alone has no text)")
    # Comments, processing instructions and unexpanded entities are not text; what follows
    # them is (a walk of the elements would pass over it).
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, etree.Entity, with_tail=False
    )
    layout = _Layout(_note_labels(texts))
    try:
        for text in texts:
            layout.walk(text)
            layout.breaks(_BLOCK)
        layout.footnotes()
    except RecursionError:  # a note or choice within another, hundreds deep
        raise InputError(f"{path}: nests notes or choices too deeply to read") from None
    source_text, pages, markup = layout.finish()
    if not source_text.strip():
        raise InputError(f"{path}: is TEI whose text element holds no text")
    digest = hashlib.sha256(data).hexdigest()
    source = Source("tei", pages=pages, markup=markup, folder=str(path.parent))
    return Document(source_text, path=str(path), sha256=digest, source=source)


def _note_labels(texts: list[etree._Element]) -> dict[etree._Element, str]:
    """Each note's label: its own number (`@n`) where it is one `reading.notes` reads, else
    the next of a count of the notes that have none."""
    labels: dict[etree._Element, str] = {}
    unnumbered = 0
    for text in texts:
        for note in text.iter(f"{{{TEI_NS}}}note"):
            number = (note.get("n") or "").strip(" ()[].")  # `1)`, `[2]`: the number
            if not _NOTE_LABEL.fullmatch(number):
                unnumbered += 1
                number = str(unnumbered)
            labels[note] = number
    return labels


@dataclass(eq=False)
class _Open:
    """A marked element being read: where its text starts (None until it has some)."""

    tag: str
    attributes: dict[str, str]
    # Its place among the marked elements in the file: of two over the same text, the one
    # that opens first is the outer one, and comes first.
    order: int
    start: int | None = None


@dataclass
class _Layout:
    """The text as it is laid out, with the pages and markup found on the way."""

    labels: dict[etree._Element, str]
    parts: list[str] = field(default_factory=list)
    length: int = 0
    # The break owed before the next visible character: none, a space, a line, a blank line.
    pending: int = 0
    # The widest break allowed (a note's paragraphs are lines, each note a line of its own).
    widest: int = _BLOCK
    last: str = ""
    markup: list[tuple[int, Markup]] = field(default_factory=list)
    waiting: list[_Open] = field(default_factory=list)
    marked: int = 0
    pages: list[SourcePage] = field(default_factory=list)
    page_start: int | None = None
    page_label: str | None = None
    page_image: str | None = None
    # Inline notes whose markers are in the block being read, to be set after it.
    inline_notes: list[etree._Element] = field(default_factory=list)
    opening_entry: bool = False
    note_divisions: set[etree._Element] = field(default_factory=set)
    ids: dict[str, etree._Element] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for note in self.labels:
            identifier = note.get(_XML_ID)
            if identifier:
                self.ids[identifier] = note

    def walk(self, top: etree._Element, as_entry: bool = False) -> None:
        """Lay out `top` and what it holds (not its tail); `as_entry`: `top` is a note laid
        out as its own text (its marker, or its number in a notes section, is elsewhere)."""
        opened: dict[etree._Element, _Open | None] = {}
        skipped: set[etree._Element] = set()
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, element in walker:
            name = local_name(element)
            if element in skipped:  # its end: only its tail is text
                skipped.discard(element)
                self.text(element.tail)
                continue
            if event == "start":
                if element is not top and name in _SKIPPED:
                    walker.skip_subtree()
                    skipped.add(element)
                    continue
                if element is top and as_entry:
                    opened[element] = self._open(element, name)
                    self.text(element.text)
                    continue
                opened[element] = self._start(element, name)
                if name in ("note", "choice", "app") and element is not top:
                    walker.skip_subtree()
                else:
                    self.text(element.text)
            else:
                record = opened.pop(element, None)
                if name in ("choice", "app") and element is not top:
                    self._read_preferred(element)
                self._end(element, name, record)
                if element is not top:
                    self.text(element.tail)

    def _start(self, element: etree._Element, name: str) -> _Open | None:
        """What an element does where it opens; the record of a marked one."""
        if name == "note":
            self._note(element)
            return None
        if name in _MILESTONES:
            self._milestone(element, name)
            return None
        self.breaks(_level(element, name, closing=False))
        if _is_note_division(element):
            self.note_divisions.add(element)
            if element.find(f"{{{TEI_NS}}}head") is None:
                self._visible("Notes")  # the heading a printed notes section has
                self.breaks(_BLOCK)
        return self._open(element, name)

    def _end(self, element: etree._Element, name: str, record: _Open | None) -> None:
        if record is not None:
            self._close(record)
        if name not in _MILESTONES and name != "note":
            level = _level(element, name, closing=True)
            self.breaks(level)
            if level == _BLOCK:
                self.footnotes()

    def _open(self, element: etree._Element, name: str) -> _Open | None:
        if name not in MARKED:
            return None
        record = _Open(name, _attributes(element), self._count())
        self.waiting.append(record)
        return record

    def _close(self, record: _Open) -> None:
        if any(waiting is record for waiting in self.waiting):
            self.waiting.remove(record)
        start = record.start if record.start is not None else self.length
        self.markup.append(
            (record.order, Markup(start, self.length, record.tag, record.attributes))
        )

    def _milestone(self, element: etree._Element, name: str) -> None:
        if name == "pb":
            if element.get("break") == "no" and self.last.isalnum():
                self._write("-")
            self.page(element.get("n"), element.get("facs"))
            self._point(element, name)
        elif name == "lb":
            if element.get("break") == "no" and self.last.isalnum():
                self._write("-")
            self.breaks(_LINE)
        elif name in ("cb", "space"):
            self.breaks(_SPACE)
        elif name == "ptr":
            note = self.ids.get((element.get("target") or "").removeprefix("#"))
            if note is not None:
                self._marker(self.labels[note])
        if name in MARKED and name != "pb":
            self._point(element, name)

    def _point(self, element: etree._Element, name: str) -> None:
        """The record of an element that marks a point: where the next character goes."""
        point = Markup(self.length, self.length, name, _attributes(element))
        self.markup.append((self._count(), point))

    def _count(self) -> int:
        self.marked += 1
        return self.marked

    def _note(self, note: etree._Element) -> None:
        """An inline note leaves its marker; one of a division of notes is an entry there."""
        if note.getparent() in self.note_divisions:
            self._entry(note)
        else:
            self._marker(self.labels[note])
            self.inline_notes.append(note)

    def _entry(self, note: etree._Element) -> None:
        """A note as a line of its own, `[3] ...`, its paragraphs the lines after it."""
        self.breaks(_LINE)
        self._visible(f"[{self.labels[note]}]")
        self.breaks(_SPACE)
        widest, self.widest = self.widest, _SPACE  # a paragraph opening it starts no line
        self.opening_entry = True
        self.walk(note, as_entry=True)
        self.widest, self.opening_entry = widest, False
        self.breaks(_LINE)

    def footnotes(self) -> None:
        """The inline notes of the block just ended, after it, as a printed book sets its
        footnotes: a block of their own, `[3] ...`, one note a line."""
        notes, self.inline_notes = self.inline_notes, []
        if notes:
            self.breaks(_BLOCK)
            for note in notes:
                self._entry(note)
            self.breaks(_BLOCK)

    def _read_preferred(self, element: etree._Element) -> None:
        """Of a `choice` or an `app`, the reading the edition prefers, else the first."""
        children = list(element)
        ranked = sorted(
            children,
            key=lambda child: (
                _PREFERRED.index(local_name(child))
                if local_name(child) in _PREFERRED
                else len(_PREFERRED)
            ),
        )
        if ranked:
            self.walk(ranked[0])

    def _marker(self, label: str) -> None:
        """A note's marker, right after the word before it: `harbour[3]`."""
        if self.pending > _SPACE or not self.length:
            self._visible(f"[{label}]")
        else:
            self._write(f"[{label}]")

    def text(self, value: str | None) -> None:
        """Character data: white space is a space between words, never more."""
        if not value:
            return
        position = 0
        for word in _WORDS.finditer(value):
            if word.start() > position:
                self.breaks(_SPACE)
            self._visible(word.group())
            position = word.end()
        if position < len(value):
            self.breaks(_SPACE)

    def breaks(self, level: int) -> None:
        self.pending = max(self.pending, min(level, self.widest))

    def _visible(self, value: str) -> None:
        if self.pending and self.last not in ("", "\f"):
            self._write(_BREAKS[self.pending])
        self.pending = 0
        for record in self.waiting:
            record.start = self.length
        self.waiting.clear()
        self._write(value)
        if self.opening_entry:  # the note's text has begun: its paragraphs are its lines
            self.widest, self.opening_entry = _LINE, False

    def _write(self, value: str) -> None:
        self.parts.append(value)
        self.length += len(value)
        self.last = value[-1]

    def page(self, label: str | None, image: str | None) -> None:
        """End the page before (if there is text before it), and start the next."""
        if self.page_start is not None or self.length:
            self._end_page()
        self.page_start = self.length
        self.page_label = label
        self.page_image = image

    def _end_page(self) -> None:
        start = self.page_start if self.page_start is not None else 0
        if self.last not in ("", "\n", "\f"):
            self._write("\n")
        self._write("\f")
        self.pending = 0
        index = len(self.pages) + 1
        self.pages.append(
            SourcePage(start, self.length, index, self.page_label, image=self.page_image)
        )

    def finish(self) -> tuple[str, list[SourcePage], list[Markup]]:
        """The text, ending as a text file does; the pages; the markup in text order."""
        if self.page_start is not None:
            self._end_page()
        elif self.last not in ("", "\n"):
            self._write("\n")
        ordered = sorted(self.markup, key=lambda item: (item[1].start, -item[1].end, item[0]))
        return "".join(self.parts), self.pages, [record for _, record in ordered]


def _level(element: etree._Element, name: str, closing: bool) -> int:
    """The break an element makes where it opens or closes: a verse line is a line wherever
    it stands; anything else standing in a division is a block; an item shares the line of
    the label before it."""
    parent = element.getparent()
    if name == "l":
        return _LINE
    if name in _BLOCKS or (parent is not None and local_name(parent) in _CONTAINERS):
        return _BLOCK
    if name == "label" and closing and _next_is_item(element):
        return _SPACE
    if name == "item" and not closing and _after_label(element):
        return _SPACE
    if name in _LINES and parent is not None and local_name(parent) in _LISTS:
        return _LINE
    return _SPACE if name == "cell" else 0


def _attributes(element: etree._Element) -> dict[str, str]:
    """The attributes by their local names (`xml:id` as `id`)."""
    return {etree.QName(key).localname: value for key, value in element.attrib.items()}


def _is_note_division(element: etree._Element) -> bool:
    """A division that is the edition's notes: typed so, or holding nothing but notes."""
    if local_name(element) not in _CONTAINERS:
        return False
    if (element.get("type") or "").lower() in _NOTE_DIVISIONS:
        return True
    names = {local_name(child) for child in element}
    return "note" in names and names <= {"note", "head", "pb"}


def _after_label(item: etree._Element) -> bool:
    """An `item` right after its `label` (`<label>1.</label><item>...`) shares its line."""
    previous = item.getprevious()
    return previous is not None and local_name(previous) == "label"


def _next_is_item(label: etree._Element) -> bool:
    following = label.getnext()
    return following is not None and local_name(following) == "item"
