"""Cross-reference checks: asterisks, glossary entries and note markers that do not meet."""

from __future__ import annotations

from collections.abc import Iterator

from fontes.checks.registry import Problem, rule
from fontes.model import Category, CrossReference, Document, GlossaryEntry, Severity
from fontes.text.names import fold

# Asterisked names that reach the glossary: this many show the document's convention.
ASTERISK_CONVENTION = 2


def _entry_label(entry: GlossaryEntry) -> str:
    return f"{entry.surname}, {entry.forenames}"


def _marked(reference: CrossReference) -> str:
    """The name with its mark, as the text writes it: `Halloran*`, `Halloran (q.v.)`."""
    return f"{reference.name}*" if reference.mark == "*" else f"{reference.name} (q.v.)"


def _mark_name(reference: CrossReference) -> str:
    return "asterisk" if reference.mark == "*" else "'q.v.'"


def _alphabet(doc: Document) -> tuple[str, str]:
    """The first and last surnames of the glossary in alphabetical order: the part of the
    alphabet a dictionary (or a volume or extract of one) holds."""
    surnames = [fold(entry.surname) for entry in doc.glossary]
    return min(surnames), max(surnames)


@rule("XR001", "unknown-cross-reference", Category.CROSS_REFERENCE, Severity.ERROR)
def unknown_cross_reference(doc: Document) -> Iterator[Problem]:
    """A name marked for the glossary (`Harkin*`, `Harkin (q.v.)`) has no entry there.

    Why it matters: the mark promises the reader a biographical note. When none exists,
    the note was lost or never written, and the person cannot be identified from the
    document itself.

    Example: `Thomas Harkin*` in a text whose glossary has no entry near that name, under any
    close spelling.

    Premise: the document has a glossary of biographical notes; without one an asterisk is
    no cross-reference (an OCR speck, a Markdown emphasis, a footnote's mark). A `q.v.` counts
    only for a name inside the glossary's alphabet: a dictionary's volume or extract from
    `Mac-` to `Moir` cannot hold `Boswell (q.v.)`.
    """
    if not doc.glossary:
        return
    first, last = _alphabet(doc)
    for reference in doc.cross_references:
        if reference.target is None and reference.nearest is None:
            if reference.mark != "*" and not first <= fold(reference.name.split()[-1]) <= last:
                continue  # a name the glossary's part of the alphabet cannot hold
            yield Problem(
                reference.start,
                reference.end,
                f"'{_marked(reference)}' matches no glossary entry",
                f"add a glossary entry for {reference.name} or remove the {_mark_name(reference)}",
            )


@rule("XR005", "cross-reference-through-variant", Category.CROSS_REFERENCE, Severity.WARNING)
def cross_reference_through_variant(doc: Document) -> Iterator[Problem]:
    """A marked name (`Harkin*`, `Harkin (q.v.)`) reaches its entry only through a variant.

    Why it matters: the reader looking up the name finds nothing under that spelling; the
    name is misspelt (often by OCR) in the text or in the glossary.

    Example: `Thomas Harkin*` when the glossary has `HARKINS, Thomas J.`.

    Premise: no entry has the name's surname, and one has a spelling that the entity linker
    would also take for it (an OCR slip, a transliteration, a close misspelling of a rare
    name); `Volkov` is no variant of `Orlov`.
    """
    for reference in doc.cross_references:
        nearest = doc.glossary_entry(reference.nearest)
        if reference.target is None and nearest is not None:
            yield Problem(
                reference.start,
                reference.end,
                f"'{_marked(reference)}' has no glossary entry under that spelling; it reaches "
                f"'{_entry_label(nearest)}' only through a variant",
                f"if '{reference.name}' means {nearest.name}, spell it "
                f"'{nearest.surname.title()}'; otherwise add a glossary entry",
            )


@rule("XR002", "unreferenced-glossary-entry", Category.CROSS_REFERENCE, Severity.WARNING)
def unreferenced_glossary_entry(doc: Document) -> Iterator[Problem]:
    """A glossary entry that no asterisked name in the text points to.

    Why it matters: a biographical note nobody is sent to suggests that the passage mentioning
    the person was cut, or that the asterisk was lost; either way text and apparatus no longer
    match.

    Example: an entry `OAKES, Margaret L., ...` in a chapter that never marks `Oakes*`.

    Premise: the document sends readers to its glossary with asterisks (at least two
    asterisked names reach an entry). A biographical dictionary, or a book whose notes on
    persons are never asterisked, promises no such mark.
    """
    asterisked = [r for r in doc.cross_references if r.mark == "*" and (r.target or r.nearest)]
    if len(asterisked) < ASTERISK_CONVENTION:
        return
    referenced = {r.target or r.nearest for r in asterisked}
    for entry in doc.glossary:
        if entry.id not in referenced:
            yield Problem(
                entry.surname_start,
                entry.surname_end,
                f"glossary entry '{_entry_label(entry)}' is never referenced with an asterisk",
                f"mark a mention of {entry.name} with '*', or check whether the passage "
                "about this person was cut",
            )


@rule("XR003", "note-marker-without-note", Category.CROSS_REFERENCE, Severity.ERROR)
def note_marker_without_note(doc: Document) -> Iterator[Problem]:
    """A note marker in the text (`[3]`, `^3`, `³`) with no note of that number.

    Why it matters: the claim the note was meant to support is left without its source.

    Example: `...was dissolved in 1931.[7]` when the notes stop at 6.

    Premise: the document's notes were read (it has some), so a marker without one is a
    note that is missing, not one printed in a form fontes does not read.
    """
    if not doc.notes:
        return
    for marker in doc.note_markers:
        if marker.note is None:
            yield Problem(
                marker.start,
                marker.end,
                f"note marker {marker.number} has no note",
                f"restore note {marker.number} or remove the marker",
            )


@rule("XR004", "unreferenced-note", Category.CROSS_REFERENCE, Severity.WARNING)
def unreferenced_note(doc: Document) -> Iterator[Problem]:
    """A note that no marker in the text points to.

    Why it matters: the reader cannot tell which statement the note documents; usually the
    marker was lost in transcription or OCR.

    Example: note `4.` in the notes section, but no `[4]` anywhere in the text.

    Premise: the note has a number or symbol for a marker to give (an unnumbered
    `[Footnote: ...]` stands where its marker would be).
    """
    referenced = {marker.note for marker in doc.note_markers}
    for note in doc.notes:
        if note.number and note.id not in referenced:
            yield Problem(
                note.start,
                note.text_start,
                f"note {note.number} is never referenced in the text",
                f"restore the marker for note {note.number} where its claim is made",
            )
