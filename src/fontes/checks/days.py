"""Checks on days: days a month does not have, and a journal's entries out of order."""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
from collections.abc import Iterator

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, Severity, TimeExpression, TimeType
from fontes.text.markup import without_markup
from fontes.text.periods import MONTH_NAME, MONTHS

# A full month name and a day number, either way round: `June 31`, `31st of June`.
_MONTH_DAY = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAME})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>{MONTH_NAME}))\b(?!\d)"
)
# A day printed as a full date: the entry of a journal.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# How many paragraphs must open with a day's date for the document to be a journal.
_JOURNAL_ENTRIES = 3
# How far into its paragraph an entry's date may begin (after `_` or `[`).
_HEADING_AT = 2


@rule("CH008", "impossible-date", Category.CHRONOLOGY, Severity.WARNING)
def impossible_date(doc: Document) -> Iterator[Problem]:
    """A day the month does not have: `June 31`, `30th of February`.

    Why it matters: the day or the month is misprinted, misread by OCR or miscopied; which
    one cannot be known from the text, so every event dated by it is uncertain.

    Example: `_June 31._ Calm, and very hot.` in a journal.

    Premise: a full month name with a day number of 30 or 31 beside it, in the running text
    (not in notes or a bibliography); larger numbers are counts (`May 40 men`), not days.
    """
    text = without_markup(doc.folded)
    for paragraph in doc.paragraphs:
        if doc.claimed(paragraph):
            continue
        for match in _MONTH_DAY.finditer(text, paragraph.start, paragraph.end):
            month = MONTHS[(match["month"] or match["month_after"]).lower()]
            day = int(match["day"] or match["day_first"])
            longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
            if longest < day <= 31:
                yield Problem(
                    match.start(),
                    match.end(),
                    f"'{match[0]}' is no date: {calendar.month_name[month]} has {longest} days",
                    "check the day and the month against the original or another source",
                )


@rule("CH009", "entry-out-of-order", Category.CHRONOLOGY, Severity.WARNING)
def entry_out_of_order(doc: Document) -> Iterator[Problem]:
    """A journal's entry dated before the entry above it.

    Why it matters: a diary or a letter-book runs forward; an entry out of order has a
    misdated heading, or the pages were bound or transcribed out of place, and every event
    in it takes the wrong date.

    Example: `_May 12._ Still north-east ...`, then `_May 9._ The wind came round ...`.

    Premise: the document is a journal, at least three of its paragraphs opening with a
    day's date (`_May 4._`, `June 3.`, completed from the year stated above them); each such
    entry is compared with the one before it only.
    """
    entries = _entries(doc)
    if len(entries) < _JOURNAL_ENTRIES:
        return
    for before, after in itertools.pairwise(entries):
        if after.earliest and before.earliest and after.earliest < before.earliest:
            yield Problem(
                after.start,
                after.end,
                f"the entry dated {after.edtf} follows one dated {before.edtf}",
                "check the entry's date, and the order of the pages",
            )


def _entries(doc: Document) -> list[TimeExpression]:
    """The dates that open paragraphs, to the day: a journal's entries."""
    days = [t for t in doc.times if t.type is TimeType.DATE and _DAY.fullmatch(t.value)]
    starts = [t.start for t in days]
    entries = []
    for paragraph in doc.paragraphs:
        index = bisect.bisect_left(starts, paragraph.start)
        if index < len(days) and days[index].start - paragraph.start <= _HEADING_AT:
            entries.append(days[index])
    return entries
