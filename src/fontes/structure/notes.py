"""Numbered notes: the `Notes` section and the markers (`[3]`, `^3`, `³`) that point into it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from fontes.model import Document, Note, NoteMarker, Span

HEADINGS = re.compile(r"(?:end|foot)?notes(?: and references)?\s*:?", re.IGNORECASE)
_NOTE_START = re.compile(
    r"(?:\[(?P<bracket>\d{1,3})\]|\^(?P<caret>\d{1,3})|(?P<plain>\d{1,3})[.)]?)\s+"
)
_BRACKETED = re.compile(r"(?:\[\d{1,3}\]|\^\d{1,3})\s+")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# One pattern a marker form: each starts with a fixed character, which the regex engine
# finds fast; a single alternation would be tried at every position of the text.
_MARKERS = (
    re.compile(r"\[(\d{1,3})\]"),
    re.compile(r"\^(\d{1,3})"),
    re.compile(rf"([{_SUPERSCRIPTS}]+)"),
)


def read_notes(doc: Document) -> None:
    """Read the notes section, then link the markers in the body to its notes."""
    in_notes = heading = False
    for paragraph in doc.paragraphs:
        text = doc.folded[paragraph.start : paragraph.end]
        if HEADINGS.fullmatch(text.strip()):
            in_notes = heading = True
            continue
        if doc.in_apparatus(paragraph.start):
            in_notes = False
            continue
        starts_note = _NOTE_START.match(text) if in_notes else _BRACKETED.match(text)
        if not starts_note:
            in_notes = False
            continue
        _read_note_paragraph(doc, paragraph, bracketed_only=not in_notes, restart=heading)
        heading = False
        doc.apparatus.add(paragraph)
    _name_series(doc.notes)
    _read_markers(doc)


def _read_note_paragraph(
    doc: Document, paragraph: Span, bracketed_only: bool, restart: bool = False
) -> None:
    """Read the notes of one paragraph; `restart`: it opens a notes section, whose first
    note may start the numbering again."""
    position = paragraph.start
    for line in doc.folded[paragraph.start : paragraph.end].split("\n"):
        lead = len(line) - len(line.lstrip())
        start = position + lead
        position += len(line) + 1
        pattern = _BRACKETED if bracketed_only else _NOTE_START
        match = pattern.match(line.lstrip())
        number = _ascii_digits(re.sub(r"\D", "", match[0])) if match else ""
        if match is None or (
            match.re is _NOTE_START
            and match["plain"]
            and not _follows(doc, number)
            and not (restart and start == paragraph.start and number == "1")
        ):
            if doc.notes:  # a wrapped line continues the note before
                doc.notes[-1] = replace(doc.notes[-1], end=start + len(line.strip()))
            continue
        doc.notes.append(
            Note(
                id=f"note-{number}",
                number=number,
                start=start,
                end=start + len(line.strip()),
                text_start=start + match.end(),
            )
        )


def _follows(doc: Document, number: str) -> bool:
    """A bare number starts a note only in sequence: `12 May` in a wrapped note does not."""
    return not doc.notes or int(number) == int(doc.notes[-1].number) + 1


def _name_series(notes: list[Note]) -> None:
    """Where numbering restarts (a chapter's own notes), ids carry the series: `note-2-1`."""
    series = 0
    for index in range(1, len(notes)):
        note = notes[index]
        if int(note.number) <= int(notes[index - 1].number):
            series += 1
        if series:
            notes[index] = replace(note, id=f"note-{series + 1}-{note.number}")


def _read_markers(doc: Document) -> None:
    # Each series of notes (numbering restarts per chapter) serves the markers before it.
    series: list[tuple[int, dict[str, str]]] = []
    for index, note in enumerate(doc.notes):
        if index == 0 or int(note.number) <= int(doc.notes[index - 1].number):
            series.append((note.start, {}))
        series[-1][1][note.number] = note.id
    matches = sorted(
        (match for pattern in _MARKERS for match in pattern.finditer(doc.folded)),
        key=lambda match: match.start(),
    )
    for match in matches:
        # A marker follows the word or punctuation it annotates, with no space between.
        if match.start() == 0 or doc.folded[match.start() - 1].isspace():
            continue
        if doc.in_apparatus(match.start()):
            continue
        number = _ascii_digits(match[1])
        notes = next((ids for start, ids in series if start > match.start()), None)
        notes = notes if notes is not None else (series[-1][1] if series else {})
        doc.note_markers.append(
            NoteMarker(number=number, start=match.start(), end=match.end(), note=notes.get(number))
        )


def _ascii_digits(digits: str) -> str:
    """`3`, `³` or `٣` (Arabic-Indic): the same note number, in ASCII digits."""
    return "".join(str(unicodedata.digit(ch)) for ch in digits)
