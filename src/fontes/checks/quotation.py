"""Quotation checks."""

from __future__ import annotations

from collections.abc import Iterator

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, Severity


@rule("QU001", "elided-quotation", Category.QUOTATION, Severity.WARNING)
def elided_quotation(doc: Document) -> Iterator[Problem]:
    """Quoted words have been cut out at this point.

    Why it matters: what remains may say something the witness did not, or lose the very
    words a later claim rests on. Cuts marked with an ellipsis are at least declared; cuts
    shown only by a colon that introduces nothing are silent, typical of digitised texts
    whose quotations were stripped.

    Example: `the party secretly allied itself with: and also engaged in: that is, espionage.`
    """
    for quotation in doc.quotations:
        for elision in quotation.elisions:
            yield Problem(
                elision.start,
                elision.end,
                elision.reason,
                "restore the quotation from the source, or mark the cut with [...]",
            )
