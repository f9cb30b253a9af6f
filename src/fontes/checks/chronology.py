"""Chronology checks: dates that cannot all be true."""

from __future__ import annotations

from collections.abc import Iterator

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, Severity


@rule("CH001", "inverted-lifespan", Category.CHRONOLOGY, Severity.ERROR)
def inverted_lifespan(doc: Document) -> Iterator[Problem]:
    """A lifespan whose death year comes before its birth year.

    Why it matters: every other date about the person is judged against the lifespan; an
    inverted one is a misprint or an OCR error, and it must not be silently corrected
    because the true year has to come from another source.

    Example: `HALLORAN, Bridget M., schoolteacher and organiser (1951-1897)`.
    """
    for entry in doc.glossary:
        span = entry.lifespan
        if span is not None and span.inverted:
            yield Problem(
                span.start,
                span.end,
                f"lifespan of {entry.name} ends ({span.last_year}) before it begins "
                f"({span.first_year})",
                "check both years against another source; one is misprinted",
            )


@rule("CH002", "inverted-range", Category.CHRONOLOGY, Severity.ERROR)
def inverted_range(doc: Document) -> Iterator[Problem]:
    """A period (of an office, an event, a section) that ends before it begins.

    Why it matters: the dates of an office or episode place it against everything else in
    the narrative; an inverted range is a misprint that can mislead every comparison.

    Example: `Secretary of the Dockers' Union (1912-08)`.
    """
    for entry in doc.glossary:
        for role in entry.roles:
            if role.period is not None and role.period.inverted:
                yield Problem(
                    role.period.start,
                    role.period.end,
                    f"'{role.title}' ({entry.name}) ends in {role.period.last_year}, "
                    f"before it begins in {role.period.first_year}",
                    "check the years against another source",
                )
    for section in doc.sections:
        if section.period is not None and section.period.inverted:
            yield Problem(
                section.period.start,
                section.period.end,
                f"section '{section.title}' ends in {section.period.last_year}, "
                f"before it begins in {section.period.first_year}",
                "check the heading's dates",
            )
