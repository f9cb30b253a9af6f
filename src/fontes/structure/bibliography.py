"""Bibliography or list of sources: one `Work` per entry.

Which text is a bibliography, and where each entry starts, is read by rules:

- everything after a heading such as `Bibliography`, `Works Cited in the Notes`,
  `# References and Further Reading` or `BIBLIOGRAPHY  251` (a running head), through its
  subheadings (`MANUSCRIPT SOURCES`, `Archival sources`) and an introduction, until a heading
  of another kind (`CHAPTER II`, `NOTES`, a Markdown heading of the same level) or three
  paragraphs in a row that are no entries;
- without a heading, a paragraph whose lines are mostly complete entries;
- an entry is a paragraph, a bullet (`- `), or in a paragraph of several a line at the
  left margin of a hanging indent, or a line that starts `Surname, Forename` after one
  that ends an entry.

What an entry says is read by the learned reference parser (`references.py`), with two
things a plain-text edition says that the parser never saw in training: a title set in
italics (`_Title_`, `*Title*`) or quotation marks, and a dash (`----`, `---.`) for the
author of the entry above. The layouts read by patterns before the parser shipped, which it
reads less well, stay with their patterns:

- `Author, First: 'Title'; Place; Year.` — with `(Ed.)` for editors, `--` for an anonymous
  work, extra parts such as `Volume 21` or a translated title in parentheses;
- `'Title', Volume 21; Place; Year.` — no author;
- `Author, First, Title (Place, Year).` — also `(Place: Publisher, Year)`;
- `Author, First. Title. Place: Publisher, Year.`

A short paragraph right after a bibliography that starts like an entry is read as one,
complete or not, so that an entry cut off by the end of the document is still found (and
reported as truncated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from fontes.model import Document, Span, Work
from fontes.structure.references import ParsedReference, default_parser, split_names
from fontes.text.markup import ITALIC, without_entities
from fontes.text.names import EDITOR_MARK, all_editors, is_editor, unique_id, without_editor
from fontes.text.periods import YEAR

_KEYWORDS = (
    r"(?:bibliograph(?:y|ies)|sources(?: and literature)?|works (?:cited|consulted)"
    r"|references|literature|further reading|list of (?:works|sources|authorities)"
    r"|authorities)"
)
# A heading that opens a bibliography: `Select Bibliography`, `Works Cited in the Notes`,
# `References and Further Reading`, `Archival sources` (which is also a subheading).
HEADINGS = re.compile(
    rf"(?:(?:a |the )?(?:select(?:ed)?|annotated|general|principal|printed|manuscript"
    rf"|primary|secondary|archival|published|unpublished|other)\s+)*{_KEYWORDS}"
    r"(?:\s+(?:and|in|on|for|of|to)\b[^.:;\n]{0,40})?\s*[:.]?",
    re.IGNORECASE,
)
# A heading that ends one: the next chapter, the notes, the index.
_OTHER_PART = re.compile(
    r"(?:chapter|part|book|appendix|index|notes|endnotes|footnotes|glossary|contents"
    r"|acknowledg(?:e)?ments|about the author)\b",
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*\s*")
# A page number beside a heading in a running head: `BIBLIOGRAPHY     251`, `252  INDEX`.
_RUNNING_NUMBER = re.compile(r"^\d{1,4}\s{2,}|\s{2,}\d{1,4}$")
# A line wholly in square brackets is an editor's: `[... cut: lines 12-40 ...]`.
_EDITORIAL_LINE = re.compile(r"\s*\[[^\]\n]*\]\s*")
# After this many paragraphs in a row that are neither entries nor subheadings, the
# bibliography has ended (before its first entry: its introduction may run longer).
_IDLE_AFTER_ENTRIES = 3
_IDLE_BEFORE_ENTRIES = 6
_SUBHEADING_WORDS = 8
_NAME = r"[^\W\d_][\w'\-]*(?: [^\W\d_][\w'\-]*)?, [^\W\d_][^:;,()\n]*?"
_ANONYMOUS = re.compile(r"(?:-{2,}|_{2,}|anon\.?|anonymous)", re.IGNORECASE)
_EDITED_NAME = rf"{_NAME}(?:\s*{EDITOR_MARK})?"
_WHO_COLON = re.compile(
    rf"(?P<who>-{{2,}}|_{{2,}}|anon\.?|anonymous|{_EDITED_NAME}"
    rf"(?:\s*(?:and|&|;)\s*{_EDITED_NAME})*)\s*:\s*(?=['\"])",
    re.IGNORECASE,
)
_TITLE_IMPRINT = re.compile(
    rf"(?P<who>{_NAME}(?:\s*{EDITOR_MARK})?),\s+(?P<title>['\"]?[A-Z0-9].+?)\s*"
    rf"\((?P<imprint>[^()]*?(?P<year>{YEAR})[a-z]?)\)\.?",
    re.IGNORECASE,
)
_CHICAGO = re.compile(
    rf"(?P<who>[^\W\d_][\w'\-]+, (?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.))*)\.?"
    rf"\s+(?P<title>[A-Z][^.]+?)\.\s+(?P<place>[^.:;]+?):\s*[^,.]+,\s*(?P<year>{YEAR})\.?"
)
_OPEN_QUOTE = re.compile(r"['\"](?=[^\W_])")
# What follows the quote mark that closes a title: punctuation, or nothing.
_AFTER_TITLE = re.compile(r"\s*(?:[;,.(:]|\Z)")
# An entry longer than this, its lines together, is running text that happens to start like
# one; re-reading it at each further line would cost its length squared.
LONGEST_ENTRY = 5_000
_VOLUME = re.compile(r"(?:vol(?:ume)?\.?|bd\.|tome)\s*(?P<number>[\w.]+)", re.IGNORECASE)


def read_bibliography(doc: Document) -> None:
    taken: set[str] = set()
    region = _Region()
    previous_was_bibliography = False
    for paragraph in doc.paragraphs:
        if doc.claimed(paragraph):
            region, previous_was_bibliography = _Region(), False
            continue
        text = doc.folded[paragraph.start : paragraph.end]
        heading = _heading(text)
        if heading is not None and HEADINGS.fullmatch(heading.title):
            region = _Region(open=True, level=heading.level)
            previous_was_bibliography = False
            continue
        if region.open and heading is not None and region.ends_at(heading):
            region, previous_was_bibliography = _Region(), False
            continue
        spans = _entry_spans(doc, paragraph)
        lines = text.strip().count("\n") + 1
        if not region.open and lines > 1 and 2 * len(spans) <= lines:
            previous_was_bibliography = False  # too few entries to be a list without a
            continue  # heading: not worth the parser's time (prose is most such paragraphs)
        entries = _entries(doc, spans, region.authors)
        if region.open:
            if entries:
                region.entries, region.idle = True, 0
            elif heading is None or (heading.level == 0 and not _is_subheading(heading)):
                region.idle += 1
                if region.idle > (_IDLE_AFTER_ENTRIES if region.entries else _IDLE_BEFORE_ENTRIES):
                    region = _Region()
                continue
            else:
                continue
        else:
            dated = sum(work.year is not None for work in entries)
            if not (
                (dated * 2 > lines and len(entries) > 1)
                or (dated == 1 == lines and _by_patterns(doc, entries[0]))
                or (previous_was_bibliography and len(entries) == lines and lines <= 3)
            ):
                previous_was_bibliography = False
                continue
        for work in entries:
            work_id = unique_id("work", f"{_id_name(work)} {work.year or ''}", taken)
            doc.works.append(replace(work, id=work_id))
        region.authors = entries[-1].authors + entries[-1].editors
        doc.apparatus.add(paragraph)
        previous_was_bibliography = True


@dataclass
class _Region:
    """Where the reader stands: inside a bibliography opened by a heading, or not."""

    open: bool = False
    level: int = 0  # the Markdown level of the heading that opened it; 0 for plain text
    entries: bool = False  # whether an entry has been read since
    idle: int = 0  # paragraphs in a row that were neither entries nor subheadings
    authors: list[str] = field(default_factory=list)  # the last entry's, for `----`

    def ends_at(self, heading: _Heading) -> bool:
        if heading.level:
            return heading.level <= self.level or self.level == 0
        return _OTHER_PART.match(heading.title) is not None


@dataclass(frozen=True)
class _Heading:
    title: str
    level: int  # Markdown `#` count, 0 for a plain line


def _heading(text: str) -> _Heading | None:
    """The paragraph as a heading (one short line, editorial lines aside), or None."""
    lines = [line for line in text.strip().split("\n") if not _EDITORIAL_LINE.fullmatch(line)]
    if len(lines) != 1:
        return None
    line = lines[0].strip()
    level = 0
    if markdown := _MARKDOWN_HEADING.fullmatch(line):
        level, line = len(markdown["hashes"]), markdown["title"]
    line = _RUNNING_NUMBER.sub("", line).strip(" *_")
    if not line or len(line) > 80 or (not level and line.endswith((".", ",", ";"))):
        return None
    return _Heading(line, level)


def _is_subheading(heading: _Heading) -> bool:
    """A short line that titles a group of entries: `BIOGRAPHIES`, `Published sources`."""
    words = heading.title.split()
    return len(words) <= _SUBHEADING_WORDS and heading.title[:1].isupper()


def _by_patterns(doc: Document, work: Work) -> bool:
    """Whether a lone line is an entry in one of the layouts the patterns read."""
    return parse_work(doc.folded[work.start : work.end]) is not None


def _id_name(work: Work) -> str:
    surnames = work.surnames
    return surnames[0] if surnames else work.title.split()[0] if work.title else "anonymous"


# How an entry starts: a bullet, a dash for the author above, a quoted or italic title, or
# a name before a comma or full stop (`Hart, E.`, `Le Grice, Anne`, `van Hoorn,`,
# `Truro Record Office.`).
_BULLET = re.compile(r"[-*\u2022+]\s+(?=\S)")
_SAME_AUTHOR = re.compile(r"(?:-{2,}|\u2014{1,3}|_{3,})\.?,?(?!\s*:)\s*")
_PARTICLE_WORDS = ("van", "von", "de", "del", "della", "der", "den", "di", "da", "du", "le", "la")
_PARTICLES = rf"(?:(?:{'|'.join(_PARTICLE_WORDS)})\s+)*"
_NAME_LEAD = re.compile(
    rf"\(?{_PARTICLES}[^\W\d_a-z][\w'\u2019\-]*"
    rf"(?:\s+(?:of|and|the|for|et|und|y|{_PARTICLES}[^\W\d_a-z][\w'\u2019.\-]*)){{0,5}}"
    r"(?:\s*\([^()\n]{1,20}\))?\)?[,.]"
)
_OPENS_TITLE = re.compile(r"[\"\u201c\u00ab'\u2018_*]\s?(?=[^\W_])")
# A line that starts a second entry inside a paragraph with no hanging indent: `Surname,
# Forename` or `Surname, I.` (not `However, the`), or a dash for the author above.
_NEW_ENTRY_LINE = re.compile(
    rf"(?:{_SAME_AUTHOR.pattern}|{_OPENS_TITLE.pattern}|{_PARTICLES}[^\W\d_a-z][\w'\u2019\-]*"
    r"(?:\s+[^\W\d_a-z][\w'\u2019\-]*)?,\s+(?:[^\W\d_a-z][\w'\u2019\-]*|[A-Z]\.))"
)
# A line that ends an entry: a full stop (not an initial's, `by T.`), a bracket, a URL.
_ENDS_ENTRY = re.compile(r"(?:(?<!\b[A-Z])\.|[)\]>]|\S/\S*)[\"'\u201d\u2019_*]*\s*$")


def _entries(doc: Document, spans: list[tuple[int, int]], authors: list[str]) -> list[Work]:
    """The entries of a paragraph (`_entry_spans`), or none when its first does not read as
    one."""
    works: list[Work] = []
    for start, end in spans:
        if end - start > LONGEST_ENTRY:
            return []
        before = works[-1].authors + works[-1].editors if works else authors
        work = read_entry(doc.folded[start:end], start, before)
        if work is None:
            if not works:
                return []
            continue
        works.append(work)
    return works


def _entry_spans(doc: Document, paragraph: Span) -> list[tuple[int, int]]:
    """Where each entry of the paragraph lies, by the rules in the module's docstring."""
    lines: list[tuple[int, int, int]] = []  # start, end, indent
    position = paragraph.start
    for line in doc.folded[paragraph.start : paragraph.end].split("\n"):
        indent = len(line) - len(line.lstrip())
        start, end = position + indent, position + len(line.rstrip())
        position += len(line) + 1
        if start < end:
            lines.append((start, end, indent))
    if not lines:
        return []
    if len(lines) > 1 and _is_group_label(doc.folded[lines[0][0] : lines[0][1]], lines):
        lines = lines[1:]  # `Cornwall` above `_The West Briton._`
    margin = lines[0][2]
    texts = [doc.folded[start:end] for start, end, _ in lines]
    if any(indent > margin for _, _, indent in lines[1:]):
        starts = [indent <= margin for _, _, indent in lines]
    else:
        starts = [bool(_BULLET.match(text)) for text in texts]
        line_entries = [
            _ENDS_ENTRY.search(texts[index - 1]) is not None
            and (
                _NEW_ENTRY_LINE.match(texts[index]) is not None
                or parse_work(texts[index]) is not None
            )
            for index in range(1, len(lines))
        ]
        if all(line_entries):  # an entry to a line; else one to the paragraph, or a bullet
            starts = [True] * len(lines)
    spans: list[tuple[int, int]] = []
    for (start, end, _), starts_entry in zip(lines, starts, strict=True):
        if starts_entry or not spans:
            spans.append((start, end))
        else:
            spans[-1] = (spans[-1][0], end)
    return spans


def _is_group_label(first: str, lines: list[tuple[int, int, int]]) -> bool:
    """A short first line above more-indented lines that each open a title: a place or a
    group of sources, not an entry."""
    indents = [indent for _, _, indent in lines]
    return (
        len(first.split()) <= 4
        and not _OPENS_TITLE.match(first)
        and all(indent > indents[0] for indent in indents[1:])
    )


def read_entry(text: str, offset: int = 0, authors_above: list[str] | None = None) -> Work | None:
    """One bibliography entry at `offset`, or None when `text` does not start like one;
    `authors_above` are the previous entry's, which a leading dash repeats."""
    text = without_entities(text)  # `«&nbsp;Analyse ...&nbsp;»`
    lead = bullet.end() if (bullet := _BULLET.match(text)) else 0
    by_patterns = _quoted_layouts(text[lead:], offset + lead)
    if by_patterns is not None and (by_patterns.complete or not _title_runs_on(by_patterns, text)):
        return by_patterns
    same = _SAME_AUTHOR.match(text, lead)
    if not same and not _NAME_LEAD.match(text, lead) and not _OPENS_TITLE.match(text, lead):
        return None
    learned = _learned(text, lead, same.end() if same else None, authors_above or [])
    if learned is None or (by_patterns is not None and not learned[1]):
        # an entry cut off inside its title, or one the parser finds no title in
        return by_patterns or _imprint_layouts(text[lead:], offset + lead)
    work, _ = learned
    return replace(work, start=offset + lead, end=offset + len(text.rstrip()))


def _learned(
    text: str, lead: int, after_dash: int | None, authors_above: list[str]
) -> tuple[Work, bool] | None:
    """The entry as the parser reads it, title marks and dash aside, and whether its title
    was marked; None when it has no title."""
    body = lead if after_dash is None else after_dash
    plain = text.translate(_MARKUP)
    if after_dash is not None and authors_above:  # the parser reads the name the dash stands for
        name = f"{authors_above[0]}. "
        parsed = default_parser().parse(name + plain[body:], body - len(name))
    else:
        parsed = default_parser().parse(plain[body:], body)
    marked = _marked_title(text, body)
    named = _named_by_title(parsed) if not marked and not parsed.first("title") else None
    title_span = marked or _field_span(parsed, "title") or named
    if title_span is None or not (title := _clean_title(text[slice(*title_span)])):
        return None
    if named:
        authors, editors = [], []
    elif after_dash is not None:
        authors, editors = list(authors_above), list[str]()
    elif marked:
        if not _NAMES_ONLY.fullmatch(plain[body : marked[0]]):
            return None  # `Paul Keast, a son of the harbourmaster, said: "In my boyhood ..."`
        authors, editors = _people(plain[body : marked[0]])
    else:
        authors = _inverted_after_first(parsed.authors)
        editors = _inverted_after_first(parsed.editors)
    year = (_year_after(plain, title_span[1]) if marked else None) or parsed.year
    work = Work(
        id="",
        start=0,
        end=len(text),
        title=title,
        authors=authors,
        editors=editors,
        place=_one_line(parsed.place) if parsed.place else None,
        year=year or _year_after(plain, title_span[1]),
        volume=parsed.volume,
        complete=year is not None or _ENDS_ENTRY.search(text) is not None,
    )
    return work, marked is not None


# Markup of plain-text editions, read as spaces by the parser (which never saw it).
_MARKUP = str.maketrans({"_": " ", "*": " ", "\r": " "})
_QUOTED = re.compile(
    r"(?<!\w)(?:\"(?P<straight>[^\"]{2,600})\"|\u201c(?P<curly>[^\u201d]{2,600})\u201d"
    r"|\u00ab(?P<guillemets>[^\u00bb]{2,600})\u00bb)"
)
_WORDS_IN_A_NAMED_TITLE = 6
# What may stand before a marked title: names (capitalised words, initials, particles,
# connectives, `et al.`, `eds.`, `(pseudonym)`), a year, punctuation.
_NAMES_ONLY = re.compile(
    rf"(?:[^\W\d_a-z][\w'\u2019.\-]*|{'|'.join(_PARTICLE_WORDS)}|and|&|et|al\.?|eds?\.?|of|the|for"
    rf"|\(?pseud(?:onym)?\.?\)?|\(?eds?\.\)?|{YEAR}[a-z]?|[\s.,;:()\"'\u201c\u2018\u00ab-])*"
)
# Words before a marked title beyond which it is not the entry's own title but a later part.
_WORDS_BEFORE_TITLE = 14
_YEAR_IN_TEXT = re.compile(rf"(?<![\d/.-])(?P<year>{YEAR})(?![\d/])")
_RANGE_AFTER = re.compile(r"\s*[-\u2013]\s*\d")
_NOT_A_NAME = re.compile(
    r"\((?:pseud(?:onym)?|ed|eds|comp|trans)\.?\)|\b(?:jr|sr|junior|senior)\b\.?"
    rf"|(?<![\w-]){YEAR}[a-z]?\b",
    re.IGNORECASE,
)


def _title_runs_on(work: Work, text: str) -> bool:
    """Whether the patterns took the rest of the entry for its title, having missed the
    quote that closes it (`"Fire at the Mill." 1921. The Courier`)."""
    return " ".join(text.split()).rstrip(" .").endswith(" ".join(work.title.split()).rstrip(" ."))


def _marked_title(text: str, body: int) -> tuple[int, int] | None:
    """The title an edition marks: the first quoted or italic span (a quoted one before an
    italic one is an article in a journal), when it comes early enough to be the entry's own."""
    italic = ITALIC.search(text, body)
    quoted = _QUOTED.search(text, body)
    if quoted and (italic is None or quoted.start() < italic.start()):
        group = next(name for name, value in quoted.groupdict().items() if value is not None)
        found = quoted.span(group)
    elif italic:
        found = italic.span("inner")
    else:
        return None
    if len(text[body : found[0]].split()) > _WORDS_BEFORE_TITLE:
        return None
    return found


def _named_by_title(parsed: ParsedReference) -> tuple[int, int] | None:
    """An entry that is a short name alone, with no comma (`Harbour Pamphlet.`): a title the
    parser takes for an author's name."""
    if len(parsed.fields) != 1 or parsed.fields[0].label != "author":
        return None
    name = parsed.text_of(parsed.fields[0])
    if "," in name or len(name.split()) > _WORDS_IN_A_NAMED_TITLE:
        return None
    return parsed.fields[0].start, parsed.fields[0].end


def _field_span(parsed: ParsedReference, label: str) -> tuple[int, int] | None:
    found = parsed.first(label)
    return (found.start, found.end) if found is not None else None


def _clean_title(title: str) -> str:
    return _one_line(title.translate(_MARKUP)).strip(" .,;:\"'\u201c\u201d")


def _one_line(field: str) -> str:
    """A field as one line: a word hyphenated at a line end joined (`Dur-⏎ham`), runs of
    white space one space."""
    return " ".join(re.sub(r"(?<=[^\W\d_])-\s*\n\s*(?=[a-z])", "", field).split())


def _people(who: str) -> tuple[list[str], list[str]]:
    """Authors and editors before a marked title: `Bondi, Marina, and Mike Scott, eds.`."""
    editors_only = re.search(r"\beds?\.?[\s.,]*$|\(eds?\.\)", who, re.IGNORECASE)
    who = _NOT_A_NAME.sub(" ", who).strip(" .,:;()\"'\u201c\u2018")
    names = _inverted_after_first(split_names(who))
    return ([], names) if editors_only else (names, [])


def _inverted_after_first(names: list[str]) -> list[str]:
    """Names as `Surname, Forenames`: a list that inverts its first name prints the others
    in direct order (`Tremayne, Hilda, and Jory Rosewarne`)."""
    names = [name.strip(" ()") for name in names if name.strip(" ().")]
    if not names or "," not in names[0]:
        return names
    inverted = names[:1]
    for name in names[1:]:
        words = name.split()
        if "," in name or len(words) < 2:
            inverted.append(name)
            continue
        cut = len(words) - 1
        while cut > 1 and words[cut - 1] in _PARTICLE_WORDS:
            cut -= 1
        inverted.append(f"{' '.join(words[cut:])}, {' '.join(words[:cut])}")
    return inverted


def _year_after(text: str, position: int) -> int | None:
    """The year printed after the title, not one of a range that ends the title
    (`_The Negro in Ohio_, 1802-1870. (Cleveland, 1896.)` is of 1896), else the first."""
    years = list(_YEAR_IN_TEXT.finditer(text, position))
    alone = [year for year in years if not _RANGE_AFTER.match(text, year.end())]
    chosen = alone[0] if alone else years[0] if years else None
    return int(chosen["year"]) if chosen else None


def parse_work(text: str, offset: int = 0) -> Work | None:
    """Read one bibliography entry by the patterns, or None when none of them fits `text`."""
    return _quoted_layouts(text, offset) or _imprint_layouts(text, offset)


def _quoted_layouts(text: str, offset: int) -> Work | None:
    """`Author, First: 'Title'; Place; Year.` and `'Title', Volume 21; Place; Year.`"""
    text = text.replace("\n", " ")
    end = offset + len(text.rstrip())
    if match := _WHO_COLON.match(text):
        return _with_people(_quoted(text, match.end(), offset, end), match["who"])
    if _OPEN_QUOTE.match(text):
        return _quoted(text, 0, offset, end)
    return None


def _imprint_layouts(text: str, offset: int) -> Work | None:
    """`Author, First, Title (Place, Year).` and `Author, First. Title. Place: Publisher,
    Year.`: read by the learned parser first, by these patterns where it finds no title."""
    text = text.replace("\n", " ")
    end = offset + len(text.rstrip())
    if match := _TITLE_IMPRINT.fullmatch(text.rstrip()):
        work = Work(
            id="",
            start=offset,
            end=end,
            title=match["title"].strip(" '\""),
            year=int(match["year"]),
            place=_one_line(match["imprint"].split(":")[0].split(",")[0]) or None,
        )
        return _with_people(work, match["who"])
    if match := _CHICAGO.fullmatch(text.rstrip()):
        work = Work(
            id="",
            start=offset,
            end=end,
            title=match["title"].strip(),
            year=int(match["year"]),
            place=_one_line(match["place"]),
        )
        return _with_people(work, match["who"])
    return None


def _quoted(text: str, at: int, offset: int, end: int) -> Work:
    """An entry whose title is in quotation marks starting at `at`."""
    quote = text[at]
    close = _closing_quote(text, at + 1, quote)
    if close is None:
        return Work(id="", start=offset, end=end, title=text[at + 1 :].strip(), complete=False)
    year, volume, place = None, None, None
    for part in _imprint_parts(text[close + 1 :]):
        if re.fullmatch(YEAR + r"[a-z]?", part):
            year = int(part[:4])
        elif number := _VOLUME.fullmatch(part):
            volume = number["number"]
        elif part[0].isupper() and place is None and year is None:
            place = _one_line(part.split(":")[0])
    title = text[at + 1 : close].strip()
    return Work(
        id="",
        start=offset,
        end=end,
        title=title,
        year=year,
        volume=volume,
        place=place,
        complete=year is not None,
    )


def _closing_quote(text: str, start: int, quote: str) -> int | None:
    """The quote mark that ends the title: one followed by punctuation or the end."""
    index = text.find(quote, start)
    while index != -1 and not _AFTER_TITLE.match(text, index + 1):
        index = text.find(quote, index + 1)
    return index if index != -1 else None


def _imprint_parts(rest: str) -> list[str]:
    rest = re.sub(r"\([^()]*\)", " ", rest)
    return [part.strip(" .") for part in re.split(r"[;,]", rest) if part.strip(" .")]


def _with_people(work: Work, who: str) -> Work:
    """The work with the authors and editors (or the anonymity) that `who` names."""
    who = who.strip()
    if _ANONYMOUS.fullmatch(who):
        return replace(work, anonymous=True)
    every_one = all_editors(who)  # `A and B (Eds.)`
    authors: list[str] = []
    editors: list[str] = []
    for name in re.split(r"\s*(?:;|\band\b|&)\s*", who):
        if not name:
            continue
        editor = every_one or is_editor(name)
        (editors if editor else authors).append(without_editor(name).strip(" ,"))
    return replace(work, authors=authors, editors=editors)
