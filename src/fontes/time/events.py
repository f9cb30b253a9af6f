"""Events: the document's dated statements and biographical facts, on one timeline.

A sentence of the running text with a date in it is a statement event, its participants the
people, organisations and places it mentions. A biographical note gives a birth and a death
(the lifespan) and an event per dated office or episode (`evacuated to Constantinople
(1929)`); a note's `died in Paris (1939)`, or a sentence's `Pascoe died in 1921`, is a death
of its own, so that a check can compare it with the lifespan. A bibliography entry with a
year is a publication.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date

from fontes.model import (
    Document,
    EntityKind,
    Event,
    EventKind,
    GlossaryEntry,
    Mention,
    Period,
    Record,
    TimeType,
)
from fontes.text.deaths import DEATH_VERB, DEATH_WORD
from fontes.text.names import fold, possessive_at
from fontes.text.sentences import sentences

_DEATH = re.compile(rf"(?:{DEATH_WORD}|death)\b", re.I)
_BIRTH = re.compile(r"born\b", re.I)


def build_timeline(doc: Document) -> None:
    """Fill `doc.events`, ordered by date (undated-start events last) and then by position."""
    events: list[Event] = []
    for entry in doc.glossary:
        events.extend(_biography(entry))
    events.extend(_publications(doc))
    events.extend(_statements(doc))
    events.sort(key=lambda e: (e.earliest is None, e.earliest or date.min, e.start))
    doc.events.extend(events)


def _from_period(
    start: int, end: int, kind: EventKind, period: Period, participants: list[str]
) -> Event:
    first = period.first_year
    last = period.last_year if period.last_year is not None else first
    return Event(
        start=start,
        end=end,
        kind=kind,
        edtf=period.edtf,
        earliest=date(first, 1, 1) if first is not None else None,
        latest=date(last, 12, 31) if last is not None else None,
        date_start=period.start,
        date_end=period.end,
        participants=participants,
    )


def _year_event(
    start: int, end: int, kind: EventKind, year: int, span: Record, who: list[str]
) -> Event:
    return Event(
        start, end, kind, str(year), date(year, 1, 1), date(year, 12, 31), span.start, span.end, who
    )


def _biography(entry: GlossaryEntry) -> Iterator[Event]:
    life = entry.lifespan
    if life is not None:
        if life.first_year is not None:
            yield _year_event(
                entry.start, entry.end, EventKind.BIRTH, life.first_year, life, [entry.id]
            )
        if life.last_year is not None:
            yield _year_event(
                entry.start, entry.end, EventKind.DEATH, life.last_year, life, [entry.id]
            )
    for role in entry.roles:
        if role.period is None:
            continue
        kind = (
            EventKind.DEATH
            if _DEATH.match(role.title)
            else EventKind.BIRTH
            if _BIRTH.match(role.title)
            else EventKind.ROLE
        )
        yield _from_period(role.start, role.end, kind, role.period, [entry.id])


def _publications(doc: Document) -> Iterator[Event]:
    people = {fold(e.surname): e.id for e in doc.entities if e.surname}
    for work in doc.all_works:
        if work.year is None:
            continue
        authors = [people[fold(s)] for s in work.surnames if fold(s) in people]
        yield _year_event(work.start, work.end, EventKind.PUBLICATION, work.year, work, authors)


def _statements(doc: Document) -> Iterator[Event]:
    """One event per dated expression, spanning its sentence."""
    mention_starts = [m.start for m in doc.mentions]
    times = [t for t in doc.times if t.type is TimeType.DATE and t.edtf and t.earliest]
    if not times:
        return
    starts = [t.start for t in times]
    for paragraph in doc.paragraphs:
        first = bisect.bisect_left(starts, paragraph.start)
        if first == len(times) or times[first].start >= paragraph.end:
            continue
        for start, end in sentences(doc.folded, paragraph.start, paragraph.end):
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            if lo == hi:
                continue
            mentions = doc.mentions[
                bisect.bisect_left(mention_starts, start) : bisect.bisect_left(mention_starts, end)
            ]
            who = list(dict.fromkeys(m.entity for m in mentions if m.entity))
            for time in times[lo:hi]:
                kind, subject = _life_event(doc, mentions, start, time.start)
                yield Event(
                    start=start,
                    end=end,
                    kind=kind,
                    edtf=time.edtf or "",
                    earliest=time.earliest,
                    latest=time.latest,
                    date_start=time.start,
                    date_end=time.end,
                    participants=[subject] if subject else who,
                )


def _life_event(
    doc: Document, mentions: list[Mention], sentence_start: int, date_start: int
) -> tuple[EventKind, str | None]:
    """`Pascoe died in 1921`: a death (or birth) of the person named just before the verb.

    Only the nearest name, close before the verb, counts; when it names no one for certain
    (an ambiguous surname), the sentence stays a plain statement.
    """
    verb = _LIFE_VERB.search(doc.folded, max(sentence_start, date_start - 60), date_start)
    if verb is None:
        return EventKind.STATEMENT, None
    before = [m for m in mentions if m.end <= verb.start() and m.kind is EntityKind.PERSON]
    if not before or verb.start() - before[-1].end > 40 or before[-1].entity is None:
        return EventKind.STATEMENT, None
    if possessive_at(doc.folded, before[-1].end):  # `Pascoe's father died in 1890`
        return EventKind.STATEMENT, None
    kind = EventKind.BIRTH if verb["verb"].lower() == "born" else EventKind.DEATH
    return kind, before[-1].entity


_LIFE_VERB = re.compile(
    rf"\b(?P<verb>{DEATH_VERB}|born)\b"
    r"[^.;:]{0,30}?\b(?:in|on)\s+$",
    re.IGNORECASE,
)
