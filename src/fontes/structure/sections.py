"""Sections: headings on a line of their own, and headings run into the paragraph before.

Digitisation often loses the line break before a heading, leaving it at the end of the
previous paragraph: `...counter-revolution: The Growth of the Party (1928-30)`. Such a run-in
heading is recognised by its title case at the end of a line, after a sentence boundary, with
a period in parentheses or, for a short heading, a new line of text right after it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from fontes.model import Document, Record, Section, Span
from fontes.reading.layout import is_hard_wrapped
from fontes.text.names import WORD
from fontes.text.periods import YEAR, parse_period

_MINOR_WORDS = frozenset(
    """
    a an and as at by de del der des di du for from in into la le les of on or over the
    to under upon van von with
    """.split()
)
# A heading's period is a parenthesis with a year in it (`(1928-30)`); `(Form 3456)` is not.
_TRAILING_PERIOD = re.compile(rf"\s*\((?P<period>[^()]*{YEAR}[^()]*)\)\s*$")
_RUN_IN = re.compile(
    r"[.:;!?] (?P<title>[\"']?[A-Z][^.:;!?()\n]{0,100}?)\s*"
    rf"\((?P<period>[^()\n]*{YEAR}[^()\n]*)\)[ ]*$"
)
_RUN_IN_SHORT = re.compile(
    r"(?<=[.:!?] )(?P<title>[A-Z][\w'\-]*(?: [\w'\-]+){0,3})[ ]*\n(?=[A-Z\"'])"
)
_MAX_HEADING_WORDS = 14
# A numbered part of a book, which may end with a full stop as a sentence would not.
_NUMBERED = re.compile(
    r"(?:chapter|book|part|letter|section|canto|lecture|volume|vol\.)\s+"
    r"(?:[ivxlcdm]+|\d{1,3}|the\s+\w+|[a-z]+)\b",
    re.IGNORECASE,
)


def read_sections(doc: Document) -> None:
    """Find headings in the body and give each section its extent and stated period."""
    headings: list[Section] = []
    wrapped = is_hard_wrapped(doc)
    for paragraph in doc.paragraphs:
        if doc.claimed(paragraph):
            continue
        if heading := _standalone(doc, paragraph):
            headings.append(heading)
            continue
        headings.extend(_run_in(doc, paragraph, short=not wrapped))
    _close_sections(doc, headings)


def is_title(text: str) -> bool:
    """Title case: the first word and most words that matter are capitalised."""
    words = WORD.findall(text)
    if not words or not words[0][0].isupper():
        return False
    major = [word for word in words if word.lower() not in _MINOR_WORDS]
    capitalised = sum(word[0].isupper() for word in major)
    return bool(major) and capitalised / len(major) >= 0.75


def _standalone(doc: Document, paragraph: Span) -> Section | None:
    text = doc.folded[paragraph.start : paragraph.end]
    if "\n" in text or len(text) > 120:
        return None
    period_match = _TRAILING_PERIOD.search(text)
    title = text[: period_match.start()] if period_match else text
    if title.endswith(".") and (_NUMBERED.match(title) or title.isupper()):
        title = title[:-1]  # `CHAPTER IV.`, `Chapter VI: The Siege.--Part II.`, `THE FALL.`
    if not title or title[-1] in ".,;:!?*" or len(WORD.findall(title)) > _MAX_HEADING_WORDS:
        return None
    if title[0] in "([":  # a citation or an editor's note on a line of its own
        return None
    if not (is_title(title) or title.isupper()):
        return None
    return _heading(doc, paragraph.start, paragraph.end, title, period_match, run_in=False)


def _run_in(doc: Document, paragraph: Span, short: bool) -> list[Section]:
    text = doc.folded[paragraph.start : paragraph.end]
    sections = []
    for match in _run_in_matches(text):
        title = match["title"].replace(",", ", ")
        if is_title(title) and parse_period(match["period"]) is not None:
            start = paragraph.start + match.start("title")
            period = _TRAILING_PERIOD.search(text[match.start("title") : match.end()])
            sections.append(
                _heading(
                    doc, start, paragraph.start + match.end(), match["title"], period, run_in=True
                )
            )
    if short:
        for match in _RUN_IN_SHORT.finditer(text):
            if is_title(match["title"]) and match["title"].split()[0].lower() not in _MINOR_WORDS:
                start = paragraph.start + match.start("title")
                sections.append(
                    _heading(
                        doc,
                        start,
                        paragraph.start + match.end("title"),
                        match["title"],
                        None,
                        run_in=True,
                    )
                )
    return sections


def _run_in_matches(text: str) -> Iterator[re.Match[str]]:
    """Run-in headings with a period end their line with `)`: only such lines are searched."""
    line_start = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        # A heading is followed by a new sentence, not by the rest of its own one.
        continues = index + 1 < len(lines) and lines[index + 1].lstrip()[:1].islower()
        if line.rstrip().endswith(")") and not continues:
            match = _RUN_IN.search(text, line_start, line_start + len(line))
            if match is not None:
                yield match
        line_start += len(line) + 1


def _heading(
    doc: Document,
    start: int,
    end: int,
    title: str,
    period_match: re.Match[str] | None,
    run_in: bool,
) -> Section:
    period = None
    if period_match is not None:
        period = parse_period(period_match["period"], start + period_match.start("period"))
    clean = re.sub(r"\s+", " ", doc.text[start : start + len(title.rstrip())]).strip()
    return Section(
        title=clean,
        start=start,
        end=end,
        heading_start=start,
        heading_end=end,
        run_in=run_in,
        period=period,
    )


def _close_sections(doc: Document, headings: list[Section]) -> None:
    """A section runs to the next heading, or to where its content changes kind."""
    headings.sort(key=lambda section: section.start)
    starts = [paragraph.start for paragraph in doc.paragraphs]
    kinds = _paragraph_kinds(doc, starts)
    for index, section in enumerate(headings):
        limit = headings[index + 1].start if index + 1 < len(headings) else len(doc.text)
        doc.sections.append(replace(section, end=_section_end(doc, section, limit, starts, kinds)))
    for section in headings:
        doc.apparatus.add(Span(section.heading_start, section.heading_end))


def _paragraph_kinds(doc: Document, starts: list[int]) -> list[str]:
    kinds = ["body"] * len(starts)
    apparatus: dict[str, Sequence[Record]] = {
        "glossary": doc.glossary,
        "bibliography": [work for work in doc.works if work.listed],
        "notes": doc.notes,
    }
    for kind, records in apparatus.items():
        for record in records:
            kinds[bisect.bisect_right(starts, record.start) - 1] = kind
    return kinds


def _section_end(
    doc: Document, section: Section, limit: int, starts: list[int], kinds: list[str]
) -> int:
    # A section holds body text, or one kind of apparatus right under its heading (a `Notes`
    # heading and its notes); a glossary after the last chapter is not part of that chapter.
    end, content = section.heading_end, None
    for index in range(max(bisect.bisect_right(starts, section.heading_start) - 1, 0), len(starts)):
        paragraph = doc.paragraphs[index]
        if paragraph.start >= limit:
            break
        if paragraph.end <= section.heading_end:
            continue
        kind = kinds[index] if paragraph.start >= section.heading_end else "body"
        if content is None:
            content = kind
        elif kind != content:
            break
        end = min(paragraph.end, limit)
    return end
