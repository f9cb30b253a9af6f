"""Truncation checks: text that stops before its sentence or entry is complete."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, Record, Severity

_UNFINISHED = ",;:-("
# A newspaper's jump line (`Continued on Page Two`, OCR'd `Pago`): the story goes on elsewhere.
_JUMP_LINE = re.compile(r"\bcontinued\s+on\s+(?:\w+\s+)?p[a-z]g[a-z]\b", re.IGNORECASE)
# OCR specks after the last words: lone letters or digits, words with capitals inside
# (`flavor. 5 1`, `Orders. -ApVlv jm t`); `a`, `of`, `I` are words, and a number with its full
# stop ends a list (`Wheal, 8, 9.`).
_SPECKS = re.compile(
    r"(?:\s+(?!(?:a|I|of|to|in|on|at|by|or|an|as|be|is|he|we|it|my|no|so|up)\b)"
    r"(?:[^\W_]{1,2}|[^\W\d_]*[a-z][A-Z][^\W\d_]*)[^\w\s.]*)+$"
)
# The last word of an unfinished sentence: one in lower case, or any word with a comma, a
# colon or a dash after it. A date, a sum, a name or a heading can close a notice.
_UNFINISHED_END = re.compile(r"(?:\b[a-z][^\W\d_]*|\w[,;:\-(])$")


@rule("TR001", "truncated-document", Category.TRUNCATION, Severity.ERROR)
def truncated_document(doc: Document) -> Iterator[Problem]:
    """The document ends in the middle of a sentence.

    Why it matters: the end of a chapter often carries its conclusion or its apparatus; a
    file that stops mid-sentence has lost them, in scanning, conversion or transfer.

    Example: a file whose last line is `...and the Committee resolved that the`.

    Premise: the last words are an unfinished sentence: a word in lower case, or a word with
    a comma, colon or dash after it. A date, a sum, a name or a heading may close a notice.
    A page number, a licence, a signature or OCR specks after the last words do not count;
    an unfinished note or entry is TR002's; a newspaper story that ends at `Continued on Page
    Two` says where the rest is.
    """
    # The last words of the text, not a licence, a page number or a signature after them.
    last = next(
        (inner for p in reversed(doc.paragraphs) if (inner := doc.without_furniture(p))), None
    )
    if last is None:
        return
    if doc.in_apparatus(last.start):
        return  # an unfinished apparatus entry is reported by TR002
    if _JUMP_LINE.search(doc.folded, max(last.start, last.end - 80), last.end):
        return
    tail = doc.folded[max(last.start, last.end - 80) : last.end]
    end = last.end - len(tail) + len(_SPECKS.sub("", tail))
    if _UNFINISHED_END.search(doc.folded, last.start, end):
        yield Problem(
            end - 1,
            end,
            "the document ends in the middle of a sentence",
            "compare with the original; the rest of the text may be lost",
        )


@rule("TR002", "truncated-entry", Category.TRUNCATION, Severity.WARNING)
def truncated_entry(doc: Document) -> Iterator[Problem]:
    """A bibliography or glossary entry that stops before it is complete.

    Why it matters: a source without its year and place, or a person without the rest of
    their note, cannot be identified; at the end of a file it means the file itself is cut.

    Example: a last bibliography line `'Western Mail` with no closing quote, place or year.

    Premise: a bibliography entry read without its title or year, or a glossary entry left
    with a bracket open or ending on a comma, semicolon, colon or dash.
    """
    text_end = doc.paragraphs[-1].end if doc.paragraphs else 0
    for work in doc.all_works:
        if work.listed and not work.complete:
            yield _problem(
                doc,
                work,
                "bibliography entry",
                text_end,
                "give the title, place and year of publication",
            )
    for entry in doc.glossary:
        excerpt = doc.folded[entry.start : entry.end]
        if excerpt.count("(") > excerpt.count(")") or excerpt.rstrip()[-1:] in _UNFINISHED:
            yield _problem(
                doc, entry, "glossary entry", text_end, "complete the entry from the original"
            )


def _problem(doc: Document, record: Record, what: str, text_end: int, suggestion: str) -> Problem:
    excerpt = doc.text[record.start : record.end].strip()
    where = " and the document ends inside it" if record.end >= text_end else ""
    return Problem(
        record.start, record.end, f"{what} '{excerpt[:60]}' is incomplete{where}", suggestion
    )
