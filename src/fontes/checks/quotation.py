"""Quotation checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, Elision, ElisionCause, Severity


@rule("QU001", "elided-quotation", Category.QUOTATION, Severity.WARNING)
def elided_quotation(doc: Document) -> Iterator[Problem]:
    """Quoted words have been cut out here, silently.

    Why it matters: what remains may say something the witness did not, or lose the very
    words a later claim rests on. A cut shown only by a colon that introduces nothing, or by
    a sentence that breaks off, is typical of digitised texts whose quotations were stripped;
    the reader is not told that anything is missing.

    Example: `the party secretly allied itself with: and also engaged in: that is, espionage.`

    Premise: a colon is a cut only where a quotation was due. It fires on its own where the
    colon follows an article, a preposition or a possessive, an auxiliary with nothing or a
    new clause after it, or a verb of speech with nothing after it; a colon merely followed
    by a new sentence or clause (`the garrison wavered: and the townsmen fled`) counts only in
    a document with at least three of those, the sign that its quotations were stripped.
    Also a paragraph that stops mid-sentence and resumes in lower case after a break.
    """
    for quotation in doc.quotations:
        for elision in quotation.elisions:
            if elision.declared:
                continue
            yield Problem(
                elision.start,
                elision.end,
                elision_reason(elision),
                "restore the quotation from the source, or mark the cut with [...]",
            )


@rule("QU002", "declared-elision", Category.QUOTATION, Severity.INFO)
def declared_elision(doc: Document) -> Iterator[Problem]:
    """A quotation whose cut is marked with an ellipsis.

    Why it matters: a declared cut is sound practice, but it is still a choice by the
    author; when a quotation carries a contested claim, the omitted words are worth reading
    in the source.

    Example: `"was a cattle market ... where a man learned to shove his neighbour aside"`.

    Premise: an ellipsis inside quotation marks around at least four words (a quoted
    passage, not a name or a title).
    """
    for quotation in doc.quotations:
        for elision in quotation.elisions:
            if elision.declared:
                yield Problem(
                    elision.start,
                    elision.end,
                    "words are left out of this quotation (marked with an ellipsis)",
                    "read the omitted words in the source before relying on the quotation",
                )


def elision_reason(elision: Elision) -> str:
    """What shows that words were cut (`Elision.cause`), in words.

    QU001 reports it for a silent cut, and the dossier publishes it as the elision's `reason`.
    """
    word = elision.word
    match elision.cause:
        case ElisionCause.ELLIPSIS:
            return "an ellipsis marks words left out of the quotation"
        case ElisionCause.NOTHING_FOLLOWS:
            return "nothing follows the colon: the quoted words are missing"
        case ElisionCause.BEFORE_HEADING:
            return "the colon introduces nothing before the heading: the quoted words are missing"
        case ElisionCause.BREAKS_OFF:
            return f"the sentence breaks off after '{word}': words were cut here"
        case ElisionCause.NEW_CLAUSE:
            return f"a new clause ('{word} ...') follows the colon: the words between were cut"
        case ElisionCause.FRAGMENT:
            return "only a fragment stands between two colons: the quoted words around it were cut"
        case ElisionCause.NEW_SENTENCE:
            return f"a new sentence ('{word} ...') follows the colon: the quoted words were cut"
        case ElisionCause.PARAGRAPH_BREAK:
            return (
                "the sentence stops at a paragraph break and resumes after it: words were cut here"
            )
        case unknown:
            assert_never(unknown)
