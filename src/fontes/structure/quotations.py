"""Quotations, and the places where quoted words were cut out.

Inside quotation marks a cut is marked by an ellipsis (`...`, `…`, `[...]`). In digitised
documents whose quotations were stripped (for copyright, or lost in conversion) the cut shows
only as a colon that introduces nothing:

- a colon at the end of a paragraph, when the next paragraph is not the quotation;
- a colon right after a word that cannot end a sentence (`allied itself with:`, `been:`);
- a colon followed by a new clause (`: which`, `: and that`) or a new sentence (`: It was`);
- a short fragment between two colons (`: France:`);
- a paragraph that stops mid-sentence and a next one that goes on in lower case.

Colons in citations, headings, titles, bibliography and glossary entries are apparatus and
are skipped; so are times and verse references (`10:30`, `3:16`) and colons followed by a
list or explanation (`three aims: power, money and fame`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fontes.model import Document, Elision, ElisionCause, Quotation, Span
from fontes.structure.sections import is_title
from fontes.text.names import WORD

# Words after which an English sentence cannot stop: articles, prepositions, auxiliaries.
_CANNOT_END = frozenset(
    """
    a an the of with in on at to by for from into onto about against between under over
    through during without within among towards upon be been being was were is are am
    would will could should can may might must had has have did do does and or but nor
    that than his her its their our my your whose which
    """.split()
)
_AUXILIARIES = frozenset(
    "be been being was were is are am would will could should can may might must had has have "
    "did do does".split()
)
_COMPARISON = re.compile(r"\b(?:as|than|so|too|neither|nor|same)\b[^.;:]*$", re.IGNORECASE)


def _elliptical(word: str, before: str) -> bool:
    """`the same way as many of us do: as a weapon`: an auxiliary can end a comparison."""
    return word in _AUXILIARIES and _COMPARISON.search(before) is not None


# Words that open a clause of their own: after a colon they mean the clause before was cut.
_CLAUSE_OPENERS = frozenset(
    """
    which who whom whose and but or nor while whereas although though because since
    unless until whereupon that so yet
    """.split()
)
_PURPOSE = re.compile(r"in order (?:to|that)\b")
_DOUBLE_QUOTED = re.compile(r'"[^"\n]{2,}?"|"[^"]{2,}?"(?=\s)')
_SINGLE_QUOTED = re.compile(r"'(?<!\w')(?=\S)(?P<body>[^'\n]*?(?:\w'\w[^'\n]*?)*)(?<=\S)'(?!\w)")
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\.\s?\.\s?\.|…")
_QUOTE_OR_LIST = re.compile(r"""["'\-•*]|\d+[.)]\s|\(?[a-z][.)]\s""")
_MIN_QUOTATION_WORDS = 4
# Capitalised words after a character that does not end a sentence (`in France`, `to New York`).
_CAPITALISED = r"[A-Z\u00c0-\u00de\u0400-\u042f][\w'\-]*"
_MID_SENTENCE_CAPITALS = re.compile(
    rf"[^\s'\"(*.!?:][ '\"(*]+({_CAPITALISED}(?: +{_CAPITALISED})*)"
)


def read_quotations(doc: Document) -> None:
    """Find quoted passages and elisions in the body, outside the apparatus."""
    proper_nouns = _proper_nouns(doc)
    headings = {section.heading_start for section in doc.sections}
    found: list[Quotation] = []
    paragraphs = doc.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if doc.claimed(paragraph):
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        found.extend(_quoted_passages(doc, paragraph))
        found.extend(_colon_elisions(doc, paragraph, following, proper_nouns, headings))
        if following is not None and not doc.claimed(following):
            found.extend(_broken_paragraph(doc, paragraph, following))
    found.sort(key=lambda q: q.start)
    doc.quotations.extend(found)


def _quoted_passages(doc: Document, paragraph: Span) -> Iterator[Quotation]:
    text = doc.folded[paragraph.start : paragraph.end]
    for pattern in (_DOUBLE_QUOTED, _SINGLE_QUOTED):
        for match in pattern.finditer(text):
            inner = match[0][1:-1]
            if len(WORD.findall(inner)) < _MIN_QUOTATION_WORDS or is_title(inner):
                continue  # a name or a title in quotation marks, not quoted words
            start = paragraph.start + match.start()
            if doc.in_apparatus(start):
                continue
            quotation = Quotation(start=start, end=paragraph.start + match.end())
            for cut in _ELLIPSIS.finditer(match[0]):
                quotation.elisions.append(
                    Elision(
                        start=start + cut.start(),
                        end=start + cut.end(),
                        cause=ElisionCause.ELLIPSIS,
                        declared=True,
                    )
                )
            yield quotation


def _colon_elisions(
    doc: Document,
    paragraph: Span,
    following: Span | None,
    proper_nouns: set[str],
    headings: set[int],
) -> Iterator[Quotation]:
    text = doc.folded[paragraph.start : paragraph.end]
    if ":" not in text:
        return
    titles = [
        match.span()
        for pattern in (_DOUBLE_QUOTED, _SINGLE_QUOTED)
        for match in pattern.finditer(text)
        if is_title(match[0][1:-1])
    ]
    for colon in re.finditer(":", text):
        index = colon.start()
        offset = paragraph.start + index
        if doc.in_apparatus(offset) or any(start < index < end for start, end in titles):
            continue  # apparatus, or a title in quotation marks (`'Wages: A Plea'`)
        found = _colon_cause(doc, text, index, paragraph.start, following, proper_nouns, headings)
        if found is not None:
            cause, word = found
            yield Quotation(
                start=offset,
                end=offset + 1,
                elisions=[Elision(start=offset, end=offset + 1, cause=cause, word=word)],
            )


def _colon_cause(
    doc: Document,
    text: str,
    index: int,
    paragraph_start: int,
    following: Span | None,
    proper_nouns: set[str],
    headings: set[int],
) -> tuple[ElisionCause, str] | None:
    """Why the colon at `index` marks a cut, and the word that shows it; None for no cut."""
    before, after = text[max(0, index - 60) : index], text[index + 1 : index + 200]
    if before[-1:].isdigit() and after[:1].isdigit():
        return None  # 10:30, 3:16
    if after[:2] == "//":
        return None  # a URL
    rest = after.lstrip(" *")
    if not rest.strip():
        if following is not None and _QUOTE_OR_LIST.match(
            doc.folded[following.start : following.start + 4]
        ):
            return None  # the quotation or list follows as its own paragraph
        return ElisionCause.NOTHING_FOLLOWS, ""
    if rest[0] in "\"'":
        return None  # the quotation follows
    if paragraph_start + index + 1 + len(after) - len(rest) in headings:
        return ElisionCause.BEFORE_HEADING, ""
    previous_word = WORD.findall(before[-30:])
    if (
        previous_word
        and previous_word[-1].lower() in _CANNOT_END
        and before.rstrip()[-1:].isalpha()
        and not _elliptical(previous_word[-1].lower(), before)
    ):
        return ElisionCause.BREAKS_OFF, previous_word[-1]
    words = WORD.findall(rest[:60])
    if not words:
        return None
    first = words[0]
    if first.lower() in _CLAUSE_OPENERS or _PURPOSE.match(rest.lower()):
        return ElisionCause.NEW_CLAUSE, first
    fragment = rest.split(":", 1)
    if (
        len(fragment) == 2
        and "\n" not in fragment[0]
        and len(WORD.findall(fragment[0])) <= 3
        and "," not in fragment[0]
    ):
        return ElisionCause.FRAGMENT, ""
    if first[0].isupper() and first not in proper_nouns and rest.startswith(first):
        return ElisionCause.NEW_SENTENCE, first
    return None


def _broken_paragraph(doc: Document, paragraph: Span, following: Span) -> Iterator[Quotation]:
    """A paragraph that stops mid-sentence and a next one that goes on in lower case."""
    last_char = doc.folded[paragraph.end - 1]
    first_char = doc.folded[following.start]
    if last_char.isalpha() and last_char.islower() and first_char.islower():
        yield Quotation(
            start=paragraph.end,
            end=following.start,
            elisions=[
                Elision(
                    start=paragraph.end,
                    end=following.start,
                    cause=ElisionCause.PARAGRAPH_BREAK,
                )
            ],
        )


def _proper_nouns(doc: Document) -> set[str]:
    """Capitalised words the document uses inside sentences: names, not sentence starts."""
    nouns: set[str] = set()
    for paragraph in doc.paragraphs:
        if not doc.claimed(paragraph):
            for run in _MID_SENTENCE_CAPITALS.findall(doc.folded, paragraph.start, paragraph.end):
                nouns.update(run.split())
    return nouns
