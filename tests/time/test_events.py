"""Events and the timeline: dated statements, lives, offices and publications."""

from __future__ import annotations

import fontes
from fontes.model import Document, EventKind
from fontes.time.events import sentences

TEXT = (
    "On 14 September 1889 Walter Pascoe* called the deal porters out. The strike ended on "
    "19 September, when the Dock Company gave way.\n\n"
    "PASCOE, Walter J., docker and organiser (1851-1921); secretary of the union (1889-95); "
    "died at Stanmouth (1921).\n\n"
    "BIBLIOGRAPHY\n\n"
    "Pascoe, Walter: 'Forty Years on the Quays'; Stanmouth; 1912.\n"
)


def timeline(doc: Document) -> list[tuple[str, str, str]]:
    return [(e.kind.value, e.edtf, doc.text[e.date_start : e.date_end]) for e in doc.events]


def test_dated_statements_lives_offices_and_works_are_on_one_timeline() -> None:
    doc = fontes.analyze(TEXT)
    assert (
        timeline(doc)
        == [
            ("birth", "1851", "1851-1921"),
            ("role", "1889/1895", "1889-95"),  # ordered by the first day each can mean
            ("statement", "1889-09-14", "14 September 1889"),
            ("statement", "1889-09-19", "19 September"),
            ("publication", "1912", TEXT[TEXT.index("Pascoe, Walter:") :].strip()),
            ("death", "1921", "1851-1921"),
            ("death", "1921", "1921"),
        ]
    )


def test_a_statement_spans_its_sentence_and_names_its_participants() -> None:
    doc = fontes.analyze(TEXT)
    first = next(e for e in doc.events if e.kind is EventKind.STATEMENT)
    assert doc.text[first.start : first.end] == (
        "On 14 September 1889 Walter Pascoe* called the deal porters out."
    )
    [pascoe] = [e for e in doc.entities if e.surname == "Pascoe"]
    assert first.participants == [pascoe.id]


def test_life_events_belong_to_the_glossary_person() -> None:
    doc = fontes.analyze(TEXT)
    [entry] = doc.glossary
    lives = [e for e in doc.events if e.kind in (EventKind.BIRTH, EventKind.DEATH)]
    assert all(e.participants == [entry.id] for e in lives)


def test_sentences_are_not_cut_at_initials_or_abbreviations() -> None:
    text = "Mr. W. J. Pascoe spoke (see p. 23). The men cheered. Then they left."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Mr. W. J. Pascoe spoke (see p. 23).",
        "The men cheered.",
        "Then they left.",
    ]
