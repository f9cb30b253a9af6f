"""Quotations, and the places where quoted words were cut out.

Inside quotation marks a cut is marked by an ellipsis (`...`, `…`, `[...]`). In digitised
documents whose quotations were stripped (for copyright, or lost in conversion) the cut shows
only as a colon that introduces nothing:

- a colon at the end of a paragraph, when the next paragraph is not the quotation;
- a colon right after a word that cannot end a sentence (`allied itself with:`, `been:`);
- a colon followed by a new clause (`: which`, `: and that`) or a new sentence (`: It was`);
- a short fragment between two colons (`: France:`);
- a paragraph that stops mid-sentence and a next one that goes on in lower case; in a
  hard-wrapped text (OCR output, a typescript) only where the paragraph's last line is short,
  as a paragraph's last line is: a full line before the break is the layout's (an OCR
  engine's block split, a page's column), not the author's.

Colons in citations, headings, titles, bibliography and glossary entries are apparatus and
are skipped; so are times and verse references (`10:30`, `3:16`), labels (`FOOTNOTES:`), OCR
specks (a colon alone on its line or glued to the next word) and colons followed by a list,
a table, code or an explanation (`three aims: power, money and fame`, `: namely`).

A colon before a new sentence or clause is also how much older prose runs on (`the garrison
wavered: and the townsmen fled`), so most of these are only evidence in a document whose
quotations were stripped. Some are specific on their own: a colon after an article, a
preposition or a possessive (`allied itself with:`), after an auxiliary with nothing or a new
clause after it (`had been: and`), and a speech verb with nothing after its colon (`Ramsay
testified:` ending a paragraph). The others are read only in a document with at least
`STRIPPED_DOCUMENT` specific ones, the sign that its quotations were stripped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fontes.model import Document, Elision, ElisionCause, Quotation, Span
from fontes.reading.layout import is_hard_wrapped
from fontes.structure.sections import is_title
from fontes.text.names import WORD
from fontes.text.speech import SPEECH_VERB

# A paragraph's last line this share of a full line's length or longer ran to the margin.
_FULL = 0.8
# Words after which an English sentence cannot stop: articles, prepositions, auxiliaries.
_CANNOT_END = frozenset(
    """
    a an the of with in on at to by for from into onto about against between under over
    through during without within among towards upon be been being was were is are am
    would will could should can may might must had has have did do does and or but nor
    that than his her its their our my your whose which
    """.split()
)
# The words of `_CANNOT_END` after which a colon shows a cut whatever follows it.
_ARTICLES_AND_PREPOSITIONS = frozenset(
    """
    a an the of with in on at to by for from into onto about against between under over
    through during without within among towards upon his her its their our my your whose
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
# Words that open an explanation of what comes before: the colon introduces it, nothing is cut.
_EXPLANATION = re.compile(r"(?:namely|viz\b|i\.\s?e\.|e\.\s?g\.|to wit\b)", re.IGNORECASE)
# A verb of speech or testimony at most four words before the colon: the words it introduces
# are quoted (`testified:`, `told the shareholders:`, `wrote to his brother in May:`), as are
# a document's (`the resolution read:`, `the notice ran:`).
_SPEECH = re.compile(
    rf"\b(?:{SPEECH_VERB}|read|ran|quoted)(?:[ \t\n]+[\w'\-]+){{0,4}}[ \t]*$", re.IGNORECASE
)
# A label on a line of its own (`FOOTNOTES:`, `NOTES:`): no quotation is expected after it.
_LABEL = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .]+$")
# A paragraph after a colon that is not prose: a table, code, a formula, a heading, a figure.
_BLOCK = re.compile(r"[|`$#{<!\[]|    ")
# With this many specific cuts a document shows that its quotations were stripped.
STRIPPED_DOCUMENT = 3
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
    colons: list[tuple[Quotation, bool]] = []
    paragraphs = doc.paragraphs
    full_line = _full_line(doc) if is_hard_wrapped(doc) else None
    for index, paragraph in enumerate(paragraphs):
        if doc.claimed(paragraph):
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        found.extend(_quoted_passages(doc, paragraph))
        colons.extend(_colon_elisions(doc, paragraph, following, proper_nouns, headings))
        if following is not None and not doc.claimed(following):
            found.extend(_broken_paragraph(doc, paragraph, following, full_line))
    stripped = sum(specific for _, specific in colons) >= STRIPPED_DOCUMENT
    found.extend(quotation for quotation, specific in colons if specific or stripped)
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
) -> Iterator[tuple[Quotation, bool]]:
    """Each colon that introduces nothing, and whether it shows the cut on its own."""
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
            quotation = Quotation(
                start=offset,
                end=offset + 1,
                elisions=[Elision(start=offset, end=offset + 1, cause=cause, word=word)],
            )
            before, after = text[max(0, index - 60) : index], text[index + 1 : index + 31]
            yield quotation, _specific(before, after, cause)


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
    if not before.rstrip(" \t")[-1:].strip() or after[:1].isalnum():
        return None  # an OCR speck: a colon alone on its line, or glued to the next word
    if _LABEL.search(before):
        return None  # `FOOTNOTES:`
    rest = after.lstrip(" *")
    if _EXPLANATION.match(rest):
        return None
    if not rest.strip():
        if following is not None and (
            _QUOTE_OR_LIST.match(opening := doc.folded[following.start : following.start + 4])
            or _BLOCK.match(opening)
        ):
            return None  # the quotation, a list or a block follows as its own paragraph
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


def _specific(before: str, after: str, cause: ElisionCause) -> bool:
    """Whether the colon shows a cut on its own, in any document (see the module docstring),
    from the text just before it and the 30 characters after it."""
    words = WORD.findall(before[-30:])
    last = words[-1].lower() if words else ""
    if last in _ARTICLES_AND_PREPOSITIONS and before.rstrip()[-1:].isalpha():
        return True
    nothing_after = cause in (ElisionCause.NOTHING_FOLLOWS, ElisionCause.BEFORE_HEADING)
    if last in _AUXILIARIES and (nothing_after or cause is ElisionCause.BREAKS_OFF):
        following = WORD.findall(after)
        return not following or following[0].lower() in _CLAUSE_OPENERS or nothing_after
    return nothing_after and _SPEECH.search(before) is not None


def _full_line(doc: Document) -> float:
    """How long a full line of a hard-wrapped text is: the median of the lines that some
    other line follows in their paragraph."""
    lengths = sorted(
        len(line.strip())
        for paragraph in doc.paragraphs
        for line in doc.folded[paragraph.start : paragraph.end].split("\n")[:-1]
    )
    return lengths[len(lengths) // 2] if lengths else 0.0


def _broken_paragraph(
    doc: Document, paragraph: Span, following: Span, full_line: float | None
) -> Iterator[Quotation]:
    """A paragraph that stops mid-sentence and a next one that goes on in lower case; in a
    hard-wrapped text (`full_line` its lines' length), not after a full line."""
    last_char = doc.folded[paragraph.end - 1]
    first_char = doc.folded[following.start]
    if full_line is not None:
        last_line = doc.folded[paragraph.start : paragraph.end].rsplit("\n", 1)[-1].strip()
        if len(last_line) >= _FULL * full_line:
            return
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
