"""Chronology checks: dates that cannot all be true."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

from fontes.checks.registry import Problem, rule
from fontes.model import Category, Document, EventKind, GlossaryEntry, Severity, TimeType
from fontes.text.deaths import DEATH_WORD
from fontes.text.names import fold
from fontes.time.expressions import find_time_expressions


@rule("CH001", "inverted-lifespan", Category.CHRONOLOGY, Severity.ERROR)
def inverted_lifespan(doc: Document) -> Iterator[Problem]:
    """A lifespan whose death year comes before its birth year.

    Why it matters: every other date about the person is judged against the lifespan; an
    inverted one is a misprint or an OCR error, and it must not be silently corrected
    because the true year has to come from another source.

    Example: `HALLORAN, Bridget M., schoolteacher and organiser (1951-1897)`.

    Premise: the entry prints a lifespan, birth then death; a floruit (`fl. 1650`, the years
    a person is found at work) is no lifespan and is never read as one.
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

    Premise: the range is printed as one period, its first year then its last; an
    abbreviated end that only the next century makes plausible (`1998-02`) is no inversion.
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
    for time in doc.times:
        first, slash, last = time.value.partition("/")
        if slash and first.isdigit() and last.isdigit() and int(last) < int(first):
            yield Problem(
                time.start,
                time.end,
                f"'{doc.spoken(time)}' ends in {last}, before it begins in {first}",
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


# Things that can happen to a person after death: a note may date them past the lifespan.
# A year that dates a publication or an edition (`pub. in 1860`, `ed. by Hill in 1860`) may
# be after the death even where the person is the subject of the sentence.
_POSTHUMOUS = re.compile(
    r"posthum|publish|(?<![a-z])pub\.|(?<![a-z])ed\.\s+by\b|\bedited|appeared|reprint|"
    r"re-?issue|commemorat|rehabilitat|buried|reburied|reinter|memorial|monument|honou?red|"
    r"named after|exhum|obituar|remembered|canoni[sz]",
    re.IGNORECASE,
)
# Words that make a statement about a dead person legitimate: it speaks of the death or
# the memory, not of the person acting.
_ABOUT_THE_DEAD = re.compile(
    rf"\b(?:{DEATH_WORD}|dead|death|late|memory|posthum\w*|buried|funeral|grave|widow\w*|"
    r"obituary|legacy|commemorat\w*|mourn\w*)\b",
    re.IGNORECASE,
)
# Words that make a sentence speak of a work, not of its author acting: an edition dated
# after the author's death (`Penhale's Works, ed. by Keast, 1802`) is no act of the author.
_ABOUT_A_WORK = re.compile(
    r"\b(?:ed\.\s+by|edited|edition|edit\.|re-?issue[ds]?|reprint\w*|translated)\b",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",?\s*(?:in|on|that is,?|i\.e\.,?|namely)?\s*")


def _lifespans(doc: Document) -> dict[str, tuple[GlossaryEntry, int | None, int | None]]:
    """Glossary id → (entry, birth year, death year), for lifespans that are not inverted."""
    out = {}
    for entry in doc.glossary:
        life = entry.lifespan
        if life is not None and not life.inverted:
            out[entry.id] = (entry, life.first_year, life.last_year)
    return out


def _at(doc: Document, offset: int) -> str:
    return f"line {doc.line_column(offset)[0]}"


def _lifespan_at(doc: Document, entry: GlossaryEntry) -> str:
    """`lifespan at line 49`: where the note that a message rests on gives the lifespan."""
    life = entry.lifespan
    return f"lifespan at {_at(doc, life.start)}" if life is not None else "no lifespan given"


@rule("CH003", "outside-lifespan", Category.CHRONOLOGY, Severity.ERROR)
def outside_lifespan(doc: Document) -> Iterator[Problem]:
    """An office or episode in a biographical note dated before the birth or after the death.

    Why it matters: a person cannot hold an office before being born, nor be evacuated
    after dying; one of the two dates is wrong, or the note confuses two people. Things
    that happen to the dead (a posthumous publication, a rehabilitation, a reburial) are
    not reported, nor is an office that ends the year its holder died.

    Example: `FARRAND, Thomas, shipowner (1850-1911); ... emigrated to Canada (1913)`.

    Premise: the note dates an act of the person: an office or episode in a note's list of
    roles, or, in the prose of a biographical dictionary, a sentence whose subject is the
    person (`In 1771 he opened a library`). Any other year in a dictionary entry dates a
    work, an edition, a biography of the person or someone else's act (a son's, an
    editor's), which may well fall after the death; those are never compared.
    """
    lives = _lifespans(doc)
    titles = {role.start: role.title for entry in doc.glossary for role in entry.roles}
    for event in doc.events:
        if event.kind is not EventKind.ROLE or not event.participants:
            continue
        entry, born, died = lives.get(event.participants[0], (None, None, None))
        if entry is None or event.earliest is None or event.latest is None:
            continue
        title = titles.get(event.start) or doc.text[event.start : event.date_start].rstrip(" (")
        told = doc.text[event.start : event.end]
        if died is not None and event.earliest.year > died and not _POSTHUMOUS.search(told):
            yield Problem(
                event.date_start,
                event.date_end,
                f"'{title}' is dated {event.edtf}, after {entry.name}'s death in {died} "
                f"({_lifespan_at(doc, entry)})",
                "check both years; one of them is misprinted, or the note mixes two people",
            )
        elif born is not None and event.latest.year < born:
            yield Problem(
                event.date_start,
                event.date_end,
                f"'{title}' is dated {event.edtf}, before {entry.name} was born in {born} "
                f"({_lifespan_at(doc, entry)})",
                "check both years; one of them is misprinted",
            )


@rule("CH004", "conflicting-dates", Category.CONSISTENCY, Severity.ERROR)
def conflicting_dates(doc: Document) -> Iterator[Problem]:
    """A birth or death dated twice, in two years that cannot both be right.

    A biographical note's `died in Lagos (1924)` that disagrees with the lifespan beside it
    is the usual case.

    Why it matters: a reader who takes one date and a reader who takes the other will
    place the person differently against every event; the apparatus contradicts itself.

    Example: `OKAFOR, Samuel, printer (1871-1926); ... died in Lagos (1924)`.

    Premise: the second date is stated as the birth or death itself (`died in Lagos
    (1924)`, `Okafor died in 1924`), not as a year near a word of death.
    """
    lives = _lifespans(doc)
    for event in doc.events:
        if event.kind not in (EventKind.DEATH, EventKind.BIRTH) or event.edtf.count("/"):
            continue
        entry, born, died = lives.get(event.participants[0], (None, None, None))
        if entry is None or entry.lifespan is None or event.earliest is None:
            continue
        if event.date_start == entry.lifespan.start:
            continue  # the lifespan itself
        year = event.earliest.year
        expected = died if event.kind is EventKind.DEATH else born
        if expected is not None and year != expected:
            what = "death" if event.kind is EventKind.DEATH else "birth"
            yield Problem(
                event.date_start,
                event.date_end,
                f"{entry.name}'s {what} is dated {year} here, but the lifespan "
                f"({entry.lifespan.edtf}, {_at(doc, entry.lifespan.start)}) gives {expected}",
                "find which year the sources support and correct the other",
            )


@rule("CH005", "relative-date-conflict", Category.CHRONOLOGY, Severity.WARNING)
def relative_date_conflict(doc: Document) -> Iterator[Problem]:
    """A relative date that disagrees with the explicit date beside it.

    `Two years later, in 1932` is checked against the date the narrative counts from.

    Why it matters: the narrative's own arithmetic is a check on its dates; when `two
    years later, in 1935` follows an event of 1930, either the count or the year is wrong,
    or the narrative has jumped without saying so.

    Example: `The strike ended in May 1911. Two years later, in 1914, the union split.`

    Premise: the explicit date stands in apposition to the relative one (`Two years later,
    in 1914`), so that both date the same event.
    """
    times = doc.times
    by_start = {t.start: t for t in times}
    for relative, explicit in itertools.pairwise(times):
        if relative.anchor is None or explicit.anchor is not None:
            continue
        if relative.earliest is None or relative.latest is None or explicit.earliest is None:
            continue
        gap = doc.folded[relative.end : explicit.start]
        if _APPOSITION.fullmatch(gap) is None:
            continue
        if (
            explicit.latest is None
            or explicit.earliest > relative.latest
            or (explicit.latest < relative.earliest)
        ):
            written = doc.text[relative.start : relative.end]
            anchor = by_start[relative.anchor]
            yield Problem(
                relative.start,
                explicit.end,
                f"'{written}' counts from {anchor.edtf} ({_at(doc, anchor.start)}) to "
                f"{relative.edtf}, but the text gives {explicit.edtf}",
                "check the count and the year against the sources",
            )


# A date in a title states the period treated only with its year or decade (`1889-1893`,
# `the Thirties`); `dated March 26` in a note's words gets its year from elsewhere.
_STATES_A_PERIOD = re.compile(r"\d{3,4}|\w+ties\b|centur", re.IGNORECASE)


@rule("CH006", "work-before-its-subject", Category.CHRONOLOGY, Severity.ERROR)
def work_before_its_subject(doc: Document) -> Iterator[Problem]:
    """A work dated before the period its title treats, or before its author could write.

    Why it matters: a book on the 1930s cannot appear in 1871; the year is a misprint
    (often of a reprint or a digit), and every citation of the work inherits it.

    Example: `Ellery, Jane: 'The Dock Strikes of the Nineties'; London; 1869.`

    Premise: the title states the period by its year or decade; a day and month alone
    (`dated March 26`) say nothing of the period treated. The author is the glossary's
    person only where one entry has that surname: with two (a father and a son, say) the
    author is unknown and the work is not compared with either lifespan.
    """
    lives = _lifespans(doc)
    surnames = Counter(fold(entry.surname) for entry in doc.glossary)
    authors = {
        fold(entry.surname): entry
        for entry, _, _ in lives.values()
        if surnames[fold(entry.surname)] == 1
    }
    years = sorted(t.earliest.year for t in doc.times if t.earliest is not None)
    # `the Thirties` in a title is read in the century the document itself is about.
    about = date(years[len(years) // 2], 1, 1) if years else None
    for work in doc.all_works:
        if work.year is None:
            continue
        treated = [
            (t.earliest, t)
            for t in find_time_expressions(work.title, anchor=about)
            if t.type is TimeType.DATE
            and t.earliest is not None
            and _STATES_A_PERIOD.search(work.title, t.start, t.end)
        ]
        earliest, subject = min(treated, key=lambda pair: pair[0], default=(None, None))
        if earliest is not None and subject is not None and earliest.year > work.year:
            span = work.title[subject.start : subject.end]
            yield Problem(
                work.start,
                work.end,
                f"'{work.title}' is dated {work.year}, before the period it treats "
                f"('{span}', {subject.edtf})",
                "check the year of publication (a misprint, or the year of another edition)",
            )
            continue
        for surname in work.surnames:
            entry = authors.get(fold(surname))
            if entry is None or entry.lifespan is None or entry.lifespan.first_year is None:
                continue
            if work.year < entry.lifespan.first_year + 10:
                yield Problem(
                    work.start,
                    work.end,
                    f"'{work.title}' is dated {work.year}, but its author {entry.name} was "
                    f"born in {entry.lifespan.first_year} ({_at(doc, entry.lifespan.start)})",
                    "check the year of publication and the author's lifespan",
                )


@rule("CH007", "named-after-death", Category.CHRONOLOGY, Severity.WARNING)
def named_after_death(doc: Document) -> Iterator[Problem]:
    """A person named in the events of a year after their death, as if still acting.

    Why it matters: a general who died in 1928 cannot command troops in plans of 1930;
    either the narrative confuses two people, a date is wrong, or the source attributes
    to the dead what others did. Sentences about the death or the memory of a person
    (`the late`, `died`, `in memory of`) are not reported.

    Example: `HALLORAN, Bridget (1851-1897) ... In March 1899 Halloran addressed the meeting.`

    Premise: the statement is running text, where the person is named as acting; the
    apparatus (notes, glossary, a dictionary's entries, which name the dead in their works
    and biographies) holds no statements, and a sentence about an edition, a reprint or a
    translation of someone's works dates the work, not an act of its author.
    """
    lives = _lifespans(doc)
    reported: set[tuple[str, int]] = set()
    for event in doc.events:
        if event.kind is not EventKind.STATEMENT or event.earliest is None:
            continue
        for person in event.participants:
            entry, _, died = lives.get(person, (None, None, None))
            if entry is None or died is None or event.earliest.year <= died:
                continue
            sentence = doc.folded[event.start : event.end]
            if _ABOUT_THE_DEAD.search(sentence) or _ABOUT_A_WORK.search(sentence):
                continue
            if (person, event.start) in reported:
                continue
            reported.add((person, event.start))
            yield Problem(
                event.date_start,
                event.date_end,
                f"{entry.name} is named in a statement dated {event.edtf}, after dying in "
                f"{died} ({_lifespan_at(doc, entry)})",
                "check whether this is the same person, and the dates of both",
            )
