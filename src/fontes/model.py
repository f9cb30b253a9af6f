"""The document model: one immutable original text and the typed records found in it.

Every record carries `start`/`end` character offsets (Python str indices, end exclusive) into
`Document.text`. Stages add records to a `Document`; none copies or rewrites the text.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, ClassVar, NamedTuple

# Characters folded to a plain equivalent of the same length, so that readers can match one
# spelling while offsets stay those of the original.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\ufeff": " ",
        "\t": " ",
        "\f": "\n",
        "\v": "\n",
    }
)


def fold(text: str) -> str:
    """`text` with quotes, dashes and spaces folded as `Document.folded` folds them, each
    character to one (a form feed or vertical tab to a line break); same length."""
    return text.translate(_FOLD)


# Types that say more than `int` or `str` about a field, for the exports derived from the model
# (`export/dossier.py` writes the dossier, its JSON Schema and the CSV columns from these
# declarations): an offset into `Document.text`, a year printed with four digits, an EDTF date.
Offset = Annotated[int, "offset"]
Year = Annotated[int, "year"]
EDTF = Annotated[str, "edtf"]


def about(text: str) -> dict[str, str]:
    """Field metadata: a description that the dossier's JSON Schema carries."""
    return {"description": text}


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text, by offsets."""

    start: Offset
    end: Offset


class SpanSet:
    """Disjoint, sorted character ranges with logarithmic membership tests."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, span: Span | Record) -> None:
        start, end = span.start, span.end
        left = bisect.bisect_left(self._ends, start)
        right = bisect.bisect_right(self._starts, end)
        if left < right:  # merge with the ranges it touches
            start = min(start, self._starts[left])
            end = max(end, self._ends[right - 1])
        self._starts[left:right] = [start]
        self._ends[left:right] = [end]

    def __iter__(self) -> Iterator[Span]:
        return (Span(start, end) for start, end in zip(self._starts, self._ends, strict=True))

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def gaps(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The parts of `start..end` that no range covers, in order."""
        index = max(bisect.bisect_right(self._starts, start) - 1, 0)
        while start < end:
            while index < len(self._starts) and self._ends[index] <= start:
                index += 1
            if index == len(self._starts) or self._starts[index] >= end:
                yield start, end
                return
            if self._starts[index] > start:
                yield start, self._starts[index]
            start = self._ends[index]


class Document:
    """The original text (immutable) plus everything the pipeline finds in it.

    Each record kind in `KINDS` is a list that one stage of the pipeline assigns and no
    other writes (`pipeline.STAGES` declares which; the pipeline checks it as it runs).
    """

    KINDS: ClassVar[tuple[str, ...]] = (
        "paragraphs",
        "pages",
        "furniture",
        "sections",
        "glossary",
        "works",
        "cited_works",
        "notes",
        "note_markers",
        "citations",
        "quotations",
        "cross_references",
        "mentions",
        "entities",
        "garbles",
        "times",
        "events",
        "findings",
    )

    def __init__(
        self,
        text: str,
        path: str | None = None,
        sha256: str | None = None,
        source: Source | None = None,
    ) -> None:
        self._text = text
        self.path = path
        # The file's pages, lines, words and markup, where it has them (given with the text).
        self.source = source if source is not None else Source()
        # The digest of the file's bytes when read from disk; of the UTF-8 text otherwise.
        self.sha256 = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self.paragraphs: list[Span] = []
        # The printed pages, where the text shows them, and the furniture around the text:
        # a digital edition's header and licence, running heads, page numbers, page breaks.
        self.pages: list[Page] = []
        self.furniture: list[Furniture] = []
        self.sections: list[Section] = []
        self.glossary: list[GlossaryEntry] = []
        self.works: list[Work] = []
        # Works that no bibliography lists, known from a citation only (`Work.listed` False).
        self.cited_works: list[Work] = []
        self.notes: list[Note] = []
        self.note_markers: list[NoteMarker] = []
        self.citations: list[Citation] = []
        self.quotations: list[Quotation] = []
        self.cross_references: list[CrossReference] = []
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []
        self.garbles: list[Garble] = []
        self.times: list[TimeExpression] = []
        self.events: list[Event] = []
        self.findings: list[Finding] = []
        # Regions that belong to the apparatus (glossary, bibliography, notes, headings,
        # citations): prose readers such as the quotation reader skip them.
        self.apparatus = SpanSet()
        self._entries: dict[str, GlossaryEntry] = {}
        self._page_starts: tuple[int, ...] = ()
        self._furniture_starts: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return self._text

    @cached_property
    def folded(self) -> str:
        """The text with quotes, dashes, spaces and line ends folded; same length as `text`."""
        folded = fold(self._text)
        # CRLF: the CR becomes a space, so a CRLF line break still reads as one line break.
        folded = folded.replace("\r\n", " \n").replace("\r", "\n")
        assert len(folded) == len(self._text)
        return folded

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        folded = self.folded
        index = folded.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = folded.find("\n", index + 1)
        return starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset, as editors count them."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def excerpt(self, span: Span | Record) -> str:
        return self._text[span.start : span.end]

    def spoken(self, span: Span | Record) -> str:
        """The span's text as a reader would say it: a line break or run of spaces is one space."""
        return " ".join(self._text[span.start : span.end].split())

    def in_apparatus(self, offset: int) -> bool:
        return offset in self.apparatus

    def page_of(self, offset: int) -> Page | None:
        """The page an offset is printed on; None where the text shows no page."""
        if len(self._page_starts) != len(self.pages):  # rebuilt only while the pages grow
            self._page_starts = tuple(page.start for page in self.pages)
        index = bisect.bisect_right(self._page_starts, offset) - 1
        if index >= 0 and offset < self.pages[index].end:
            return self.pages[index]
        return None

    def page_label(self, offset: int) -> str | None:
        """The printed label (`42`) of the page an offset is on, for exports to cite it by."""
        page = self.page_of(offset)
        return page.number if page is not None else None

    def _furniture_at(self, offset: int) -> Furniture | None:
        if len(self._furniture_starts) != len(self.furniture):
            self._furniture_starts = tuple(item.start for item in self.furniture)
        index = bisect.bisect_right(self._furniture_starts, offset) - 1
        if index >= 0 and offset < self.furniture[index].end:
            return self.furniture[index]
        return None

    def without_furniture(self, span: Span | Record) -> Span | None:
        """The span less the page furniture and white space at either end (a running head
        that opens a paragraph, a page number that closes one); None when nothing is left."""
        folded = self.folded
        start, end = span.start, span.end
        while start < end:
            if folded[start].isspace():
                start += 1
            elif found := self._furniture_at(start):
                start = found.end
            else:
                break
        while end > start:
            if folded[end - 1].isspace():
                end -= 1
            elif found := self._furniture_at(end - 1):
                end = found.start
            else:
                break
        return Span(start, end) if start < end else None

    def claimed(self, paragraph: Span | Record) -> bool:
        """Whether a paragraph belongs to the apparatus: its first character that is not page
        furniture has been claimed, or it is nothing but furniture."""
        inner = self.without_furniture(paragraph)
        return inner is None or inner.start in self.apparatus

    @property
    def all_works(self) -> list[Work]:
        """The bibliography's works, then those known only from a citation."""
        return self.works + self.cited_works

    def glossary_entry(self, entry_id: str | None) -> GlossaryEntry | None:
        """The biographical note with this id, if there is one (one lookup for every reader)."""
        if len(self._entries) != len(self.glossary):  # rebuilt only while the glossary grows
            self._entries = {entry.id: entry for entry in self.glossary}
        return self._entries.get(entry_id) if entry_id else None


def display_surname(surname: str) -> str:
    """A surname as prose prints it: the glossary's capitals in title case (`HALLORAN` →
    `Halloran`, `O'KEEFFE` → `O'Keeffe`); any other spelling as it stands (`McBRIDE`)."""
    return surname.title() if surname.isupper() else surname


class Record:
    """Base for anything found in the text; subclasses are frozen dataclasses with start/end.

    A record is fixed once made, save its `ANNOTATIONS`: fields a later stage fills in, once
    (`annotate`), as spaCy's entity linker sets a span's `kb_id_`.
    """

    __slots__ = ()
    start: Offset
    end: Offset
    ANNOTATIONS: ClassVar[tuple[str, ...]] = ()


class AnnotationError(AttributeError):
    """A stage tried to change a record beyond filling in an empty annotation. A bug."""


def annotate(record: Record, **values: object) -> None:
    """Fill in annotation fields of a record another stage made, each once: only while it
    still holds its default (None or empty); every other field stays as it was made."""
    kind = type(record).__name__
    for name, value in values.items():
        if name not in type(record).ANNOTATIONS:
            raise AnnotationError(f"{kind}.{name} is no annotation: records are immutable")
        if getattr(record, name):
            raise AnnotationError(f"{kind}.{name} is annotated already")
        object.__setattr__(record, name, value)


@dataclass(frozen=True, slots=True)
class Period(Record):
    """A date or range as printed, normalised to EDTF."""

    start: Offset
    end: Offset
    edtf: EDTF
    first_year: int | None = None
    last_year: int | None = None

    @property
    def inverted(self) -> bool:
        return (
            self.first_year is not None
            and self.last_year is not None
            and self.last_year < self.first_year
        )


class TimeType(StrEnum):
    """TimeML's four kinds of temporal expression."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class TimeExpression(Record):
    """A date, time of day, duration or frequency in the running text, normalised.

    `value` is TimeML's TIMEX3 value, what temporal taggers exchange (`1930-12-08`, `193X`,
    `P2Y`, `PRESENT_REF`); `edtf` is the same date in EDTF where EDTF can say it (`1930-12-08`,
    `193X`, `1900~`, `1906/1909`), else None; `earliest` and `latest` bound the days it can
    mean, so dates of different precision can be compared; `mod` keeps what neither value
    says (TimeML's `START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`). A date completed
    from context (`On 8 December`, `two years later`) has `anchor`: the offset of the
    expression it was completed from.
    """

    start: Offset
    end: Offset
    type: TimeType
    value: str = field(metadata=about("TimeML TIMEX3 value."))
    edtf: EDTF | None = None
    earliest: date | None = None
    latest: date | None = None
    mod: str = field(
        default="", metadata=about("TimeML mod (START, MID, END, APPROX, BEFORE, AFTER...).")
    )
    anchor: Offset | None = field(
        default=None,
        metadata=about("Offset of the date a partial or relative date was completed from."),
    )


class FurnitureKind(StrEnum):
    """What a piece of page furniture is: text around the text, never the author's words."""

    HEADER = "header"  # a digital edition's own header before the text (`*** START OF ...`)
    LICENCE = "licence"  # its licence or colophon after the text (`*** END OF ...` onwards)
    RUNNING_HEAD = "running-head"  # a title repeated at the head (or foot) of the pages
    PAGE_NUMBER = "page-number"  # a printed page number (folio)
    PAGE_MARKER = "page-marker"  # a digitiser's page break: `## p. 7 (#9) ###`, a form feed
    SIGNATURE = "signature"  # a printer's signature mark at the foot of a page (`A 2`)
    SEPARATOR = "separator"  # a banner between joined files or parts (`===== FILE: ... =====`)


@dataclass(frozen=True, slots=True)
class Furniture(Record):
    """Page furniture: a stretch of the text that belongs to the page or the edition."""

    start: Offset
    end: Offset
    kind: FurnitureKind


@dataclass(frozen=True, slots=True)
class Page(Record):
    """A page of the printed original, as the digitised text shows its breaks."""

    start: Offset
    end: Offset
    number: str | None = field(
        default=None, metadata=about("The page label as printed (`42`, `xiv`), if printed.")
    )
    index: int = field(default=1, metadata=about("The page's place in the text, from 1."))


@dataclass(frozen=True, slots=True)
class Section(Record):
    title: str
    start: Offset
    end: Offset
    heading_start: Offset
    heading_end: Offset
    run_in: bool = False
    period: Period | None = None


@dataclass(frozen=True, slots=True)
class Role(Record):
    title: str
    start: Offset
    end: Offset
    period: Period | None = None

    @property
    def label(self) -> str:
        """`mayor of Tver (1905/1910)`: how the report and the tables list a role."""
        return f"{self.title} ({self.period.edtf})" if self.period else self.title


@dataclass(frozen=True, slots=True)
class GlossaryEntry(Record):
    """A biographical note: one person as the document's own apparatus describes them."""

    id: str
    surname: str
    forenames: str
    start: Offset
    end: Offset
    surname_start: Offset
    surname_end: Offset
    description: str = ""
    honorific: str = ""
    lifespan: Period | None = None
    roles: list[Role] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @property
    def born(self) -> int | None:
        return self.lifespan.first_year if self.lifespan else None

    @property
    def died(self) -> int | None:
        return self.lifespan.last_year if self.lifespan else None

    @property
    def name(self) -> str:
        """The name in reading order, as a historian would write it in prose."""
        surname = display_surname(self.surname)
        return f"{self.forenames} {surname}".strip()


@dataclass(frozen=True, slots=True)
class Work(Record):
    """A bibliography entry."""

    id: str
    start: Offset
    end: Offset
    title: str
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    place: str | None = None
    year: Year | None = None
    volume: str | None = None
    anonymous: bool = False
    complete: bool = True
    listed: bool = field(
        default=True, metadata=about("false for a work known only from a citation")
    )

    @property
    def surnames(self) -> list[str]:
        return [name.split(",")[0].strip() for name in self.authors + self.editors]

    def label(self) -> str:
        who = "; ".join(self.authors + self.editors) or "anonymous"
        title = " ".join(self.title.split())  # one line, wherever the text broke it
        titled = f"{who}: '{title}'" if title else who  # `(Marsh 1972)` names none
        return titled + (f" ({self.year})" if self.year else "")


@dataclass(frozen=True, slots=True)
class PageRange:
    """Pages as printed: `first` and `last` are labels (`102`, `12a`, `xiv`), not numbers."""

    first: str
    last: str

    # A roman numeral, strictly formed, as front matter is numbered (`iv`, `xiv`, `XLII`).
    _ROMAN: ClassVar[re.Pattern[str]] = re.compile(
        r"(?=[mdclxvi])m*(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})", re.IGNORECASE
    )
    _ROMAN_VALUES: ClassVar[dict[str, int]] = dict(i=1, v=5, x=10, l=50, c=100, d=500, m=1000)

    def __str__(self) -> str:
        """`102` for one page, `102-104` for a range: how the report and the tables print it."""
        return self.first if self.first == self.last else f"{self.first}-{self.last}"

    def sort_key(self) -> tuple[tuple[int, int, str, str], tuple[int, int, str, str]]:
        """Page order: roman front matter, then numbered pages by number, then other labels."""
        return self._label_key(self.first), self._label_key(self.last)

    @classmethod
    def _label_key(cls, label: str) -> tuple[int, int, str, str]:
        digits = len(label) - len(label.lstrip("0123456789"))
        if digits:  # `12a` sorts after `12` and before `13`
            return 1, int(label[:digits]), label[digits:].casefold(), label
        if cls._ROMAN.fullmatch(label):
            values = [cls._ROMAN_VALUES[c] for c in label.lower()]
            # A numeral smaller than the one after it is subtracted (`iv` is 4).
            value = sum(
                -v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True)
            )
            return 0, value, "", label
        return 2, 0, label.casefold(), label


class Reference(StrEnum):
    """How a citation points at its work."""

    FULL = "full"
    IBID = "ibid"
    OP_CIT = "op-cit"
    LOC_CIT = "loc-cit"
    IDEM = "idem"
    AUTHOR_DATE = "author-date"
    # An ancient or medieval author's work by book and chapter (`Tac. Ann. ii. 9`): `locus`.
    CLASSICAL = "classical"


class Unresolved(StrEnum):
    """Why a short-form citation (ibid., op. cit.) has no work; `checks.citation` words it."""

    NO_PRECEDING = "no-preceding"  # an ibid. with no citation before it
    PRECEDING_UNRESOLVED = "preceding-unresolved"  # an ibid. after an unresolved citation
    PRECEDING_SEVERAL = "preceding-several"  # an ibid. after a note citing several works
    NO_AUTHOR = "no-author"  # an op. cit. that names no author
    AMBIGUOUS = "ambiguous"  # an op. cit. whose author wrote several works (`candidates`)
    NO_WORK = "no-work"  # an op. cit. by an author of no work cited before it or listed
    NO_YEAR = "no-year"  # an author-date citation whose year none of the author's works has


@dataclass(frozen=True, slots=True)
class Citation(Record):
    """A reference to a work in the text or a note: in full, by a short form, or author-date."""

    start: Offset
    end: Offset
    reference: Reference
    author: str | None = None
    title: str | None = None
    year: Year | None = None
    contribution_author: str | None = None
    contribution_title: str | None = None
    pages: list[PageRange] = field(default_factory=list)
    note: str | None = None
    work: str | None = None
    unresolved: Unresolved | None = None
    # For an ambiguous op. cit. (`Unresolved.AMBIGUOUS`), the ids of the works it could mean.
    candidates: list[str] = field(default_factory=list)
    # Where in a classical work (`Reference.CLASSICAL`): book, chapter, line (`ii. 9`).
    locus: str | None = None


@dataclass(frozen=True, slots=True)
class Note(Record):
    id: str
    number: str
    start: Offset
    end: Offset
    text_start: Offset


@dataclass(frozen=True, slots=True)
class NoteMarker(Record):
    number: str
    start: Offset
    end: Offset
    note: str | None = None


class ElisionCause(StrEnum):
    """What shows that words were cut (`Elision.cause`); `checks.quotation` words it."""

    ELLIPSIS = "ellipsis"  # an ellipsis in the quotation (declared)
    NOTHING_FOLLOWS = "nothing-follows"  # a colon at the end of a paragraph
    BEFORE_HEADING = "before-heading"  # a colon right before a heading
    BREAKS_OFF = "breaks-off"  # a colon after a word that cannot end a sentence (`word`)
    NEW_CLAUSE = "new-clause"  # a colon before a clause opener (`word`)
    FRAGMENT = "fragment"  # a short fragment between two colons
    NEW_SENTENCE = "new-sentence"  # a colon before a new sentence (`word`)
    PARAGRAPH_BREAK = "paragraph-break"  # a sentence that resumes after a paragraph break


@dataclass(frozen=True, slots=True)
class Elision(Record):
    """A place inside quoted or reported words where some were cut out."""

    start: Offset
    end: Offset
    cause: ElisionCause
    # The word the cause is about: the one before the colon, or the one opening what follows.
    word: str = ""
    # True when the text itself marks the cut (an ellipsis); False for a silent cut.
    declared: bool = False


@dataclass(frozen=True, slots=True)
class Quotation(Record):
    start: Offset
    end: Offset
    elisions: list[Elision] = field(default_factory=list)

    @property
    def elided(self) -> bool:
        return bool(self.elisions)


@dataclass(frozen=True, slots=True)
class CrossReference(Record):
    """A name marked as described in the glossary: `Mary Halloran*` or `Mary Halloran (q.v.)`."""

    name: str
    start: Offset
    end: Offset
    target: str | None = None
    nearest: str | None = None
    # How the text marks it: "*" after the name, or "q.v." (which see).
    mark: str = "*"


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A stretch of text naming a person, organisation or place."""

    start: Offset
    end: Offset
    kind: EntityKind
    # What found it: ner, glossary, cross-reference, alias, gazetteer, kinship, title, signature,
    # edition (an encoded edition's own markup).
    source: str
    forenames: str = ""
    surname: str = ""
    entity: str | None = None
    # Entities a bare surname could name when the context does not decide between them.
    candidates: list[str] = field(default_factory=list)
    # For a kinship mention (`his brother Ivan`), the entity of the person it is kin to.
    relative: str | None = None
    # What the linking stage fills in: the entity, the candidates, the kin, and the surname a
    # kinship mention takes from the person it is kin to.
    ANNOTATIONS: ClassVar[tuple[str, ...]] = ("entity", "candidates", "relative", "surname")


class CanonicalBecause(StrEnum):
    """Why an entity's name is its canonical spelling; `checks.name_variant` words it."""

    GLOSSARY = "glossary"  # the glossary spells it so
    FIRST_WITH_FORENAMES = "first-with-forenames"  # a person's first mention with forenames
    FIRST_MENTION = "first-mention"  # a person named only by surname
    MOST_OFTEN = "most-often"  # an organisation's or place's commonest spelling


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place, however the text spells it."""

    id: str
    kind: EntityKind
    name: str = field(metadata=about("the canonical spelling"))
    forenames: str = ""
    surname: str = ""
    glossary: str | None = None
    # Why `name` is the canonical spelling, for the reader of a name-variant finding.
    canonical_because: CanonicalBecause | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


class EventKind(StrEnum):
    STATEMENT = "statement"  # a dated sentence of the running text
    BIRTH = "birth"
    DEATH = "death"
    ROLE = "role"  # an office or episode in a biographical note
    PUBLICATION = "publication"


@dataclass(frozen=True, slots=True)
class Event(Record):
    """Something that happened at a date, placed on the document's timeline.

    `start`/`end` cover the statement (a sentence, or a clause of a biographical note);
    `date_start`/`date_end` the date printed in it. `edtf`, `earliest` and `latest` as in
    `TimeExpression`; `participants` are entity (or glossary) ids.
    """

    start: Offset
    end: Offset
    kind: EventKind
    edtf: EDTF
    earliest: date | None = field(metadata=about("First day the date can mean (ISO 8601)."))
    latest: date | None = field(metadata=about("Last day the date can mean (ISO 8601)."))
    date_start: Offset
    date_end: Offset
    participants: list[str] = field(default_factory=list)


class GarbleCause(StrEnum):
    """Which OCR slip a correction undoes (`Garble.cause`); `checks.ocr` words it."""

    COMMA_FOR_SPACE = "comma-for-space"  # `of,the`: two words glued by a comma
    STRAY_MARK = "stray-mark"  # `~the`: a mark before a word
    OCR_CONFUSION = "ocr-confusion"  # `Ijniversity`: letters OCR confuses
    ONE_LETTER = "one-letter"  # one letter misread (after a stray mark, if `stray`)


@dataclass(frozen=True, slots=True)
class Garble(Record):
    """A word or name that OCR has probably damaged, with the likely original."""

    start: Offset
    end: Offset
    correction: str
    cause: GarbleCause
    # The stray mark found before the word (`~`, `.`), if any.
    stray: str = ""
    # How likely the word is damaged (0-1): the posterior under OCR's noisy channel, given how
    # noisy the document is (`fontes.entities.ocr`).
    score: float = 1.0


class Category(StrEnum):
    CHRONOLOGY = "chronology"
    OCR = "ocr"
    NAME_VARIANT = "name-variant"
    CROSS_REFERENCE = "cross-reference"
    CITATION = "citation"
    QUOTATION = "quotation"
    TRUNCATION = "truncation"
    SOURCE_DEPENDENCE = "source-dependence"
    CONSISTENCY = "consistency"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding(Record):
    rule: str
    category: Category
    severity: Severity
    message: str
    start: Offset
    end: Offset
    line: int
    column: int
    suggestion: str | None = None
    fingerprint: str = field(
        default="",
        metadata=about(
            "The rule and a digest of the words around the finding, with its rank among those of "
            "the same digest: it stays the same when the document is edited elsewhere."
        ),
    )
    confidence: float | None = field(
        default=None,
        metadata=about(
            "How sure the rule is that this is a problem (0-1), where it weighs its evidence "
            "(OC001: how likely the word is damaged); null where it does not."
        ),
    )


class Box(NamedTuple):
    """A rectangle on a page, as the source measures it, from the page's top-left corner:
    pixels of the scan for OCR output (ALTO, PAGE, hOCR), points for a PDF. A tuple, as
    immutable as a record and made at half the cost: a book has one for every word."""

    left: float
    top: float
    right: float
    bottom: float

    def union(self, other: Box) -> Box:
        """The smallest box that covers both."""
        return Box(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True, slots=True)
class SourcePage(Record):
    """A page as a paged source (a PDF, an OCR engine's output) declares it, with its text."""

    start: Offset
    end: Offset
    index: int = field(metadata=about("The page's place in the source, from 1."))
    label: str | None = field(
        default=None,
        metadata=about("The printed page number the source records (`87`, `xiv`), if any."),
    )
    width: float | None = field(default=None, metadata=about("The page's width, in box units."))
    height: float | None = field(default=None, metadata=about("Its height, in box units."))
    image: str | None = field(
        default=None, metadata=about("The page image's file, as the source names it.")
    )


class Zone(NamedTuple):
    """A block, line or word of a paged source: where its text lies on which page. A tuple
    like `Box`, for the same reason; `page` is the `SourcePage.index` of the page it is on,
    `confidence` the OCR engine's in a word (0-1), where the source gives it."""

    start: Offset
    end: Offset
    page: int
    box: Box | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Markup(Record):
    """An element of an encoded edition (TEI `persName`, `date`, `note`, `pb`), as given."""

    start: Offset
    end: Offset
    tag: str
    attributes: dict[str, str] = field(default_factory=dict)


class Source:
    """What a reader took from the file besides its text: the pages, blocks, lines and words
    of a paged source, with their boxes and the OCR engine's confidence in each word, and an
    edition's own markup. Given once, with the text, and as fixed as the text: plain text has
    none of them. Zones are in text order; lookups by offset are logarithmic."""

    def __init__(
        self,
        format: str = "text",
        pages: list[SourcePage] | None = None,
        blocks: list[Zone] | None = None,
        lines: list[Zone] | None = None,
        words: list[Zone] | None = None,
        markup: list[Markup] | None = None,
        folder: str | None = None,
    ) -> None:
        self.format = format
        self.pages: tuple[SourcePage, ...] = tuple(pages or ())
        self.blocks: tuple[Zone, ...] = tuple(blocks or ())
        self.lines: tuple[Zone, ...] = tuple(lines or ())
        self.words: tuple[Zone, ...] = tuple(words or ())
        self.markup: tuple[Markup, ...] = tuple(markup or ())
        # The folder the source's page images are named from (the file's own).
        self.folder = folder
        self._page_starts = [page.start for page in self.pages]
        self._line_starts = [line.start for line in self.lines]
        self._word_starts = [word.start for word in self.words]

    @property
    def paged(self) -> bool:
        return bool(self.pages)

    def image_path(self, page: SourcePage) -> Path | None:
        """The page's image as the source names it, from the source's folder; None if unnamed
        or named by a URL (an image elsewhere, which fontes never fetches)."""
        if not page.image or "://" in page.image:
            return None
        return Path(self.folder or ".") / page.image

    def missing_images(self) -> list[str]:
        """The page images the source names that are not there (each named once)."""
        missing: dict[str, None] = {}
        for page in self.pages:
            path = self.image_path(page)
            if page.image and path is not None and not path.is_file():
                missing[page.image] = None
        return list(missing)

    def page_at(self, offset: int) -> SourcePage | None:
        """The source page an offset lies on (the one before it, between two pages)."""
        index = bisect.bisect_right(self._page_starts, offset) - 1
        return self.pages[index] if index >= 0 else None

    def line_at(self, offset: int) -> tuple[int, int] | None:
        """1-based line on its page and column of an offset, as the page image shows them."""
        page = self.page_at(offset)
        index = bisect.bisect_right(self._line_starts, offset) - 1
        if page is None or index < 0:
            return None
        first = bisect.bisect_left(self._line_starts, page.start)
        line = self.lines[index]
        if line.page != page.index:
            return None
        return index - first + 1, offset - line.start + 1

    def words_in(self, start: int, end: int) -> list[Zone]:
        """The words that overlap `start..end`, in order."""
        first = max(bisect.bisect_right(self._word_starts, start) - 1, 0)
        found = []
        for word in self.words[first:]:
            if word.start >= max(end, start + 1):
                break
            if word.end > start:
                found.append(word)
        return found

    def box_of(self, start: int, end: int) -> tuple[int, Box] | None:
        """The page and the box that cover the words of `start..end` on the page where it
        starts (for a span between words, such as a paragraph break, the words either side
        of it); None where no word with a box lies there."""
        box: Box | None = None
        page: int | None = None
        words = self.words_in(start, end)
        if not words:
            after = bisect.bisect_left(self._word_starts, end)
            words = list(self.words[max(after - 1, 0) : after + 1])
        for word in words:
            if word.box is None or (page is not None and word.page != page):
                continue
            page = word.page
            box = word.box if box is None else box.union(word.box)
        return (page, box) if page is not None and box is not None else None

    def confidence_of(self, start: int, end: int) -> float | None:
        """The lowest OCR confidence of the words of `start..end`, if the source gives any."""
        scores = [w.confidence for w in self.words_in(start, end) if w.confidence is not None]
        return min(scores) if scores else None
