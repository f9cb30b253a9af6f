"""Records carry codes; the checks word them: each code as the sentence a reader is shown."""

from __future__ import annotations

from enum import StrEnum

import pytest

from fontes.checks.citation import unresolved_reason
from fontes.checks.name_variant import canonical_reason
from fontes.checks.ocr import garble_reason
from fontes.checks.quotation import elision_reason
from fontes.model import (
    CanonicalBecause,
    Citation,
    Document,
    Elision,
    ElisionCause,
    Entity,
    EntityKind,
    Garble,
    GarbleCause,
    Reference,
    Unresolved,
    Work,
)

TWO_WORKS = ["work-tremayne-1961", "work-tremayne-1966"]
UNRESOLVED = [
    (None, None, [], None),
    (
        Unresolved.NO_PRECEDING,
        None,
        [],
        "no citation precedes it, so there is nothing for it to repeat",
    ),
    (
        Unresolved.PRECEDING_UNRESOLVED,
        None,
        [],
        "the citation it repeats could not be resolved either",
    ),
    (
        Unresolved.PRECEDING_SEVERAL,
        None,
        TWO_WORKS,
        "the note before it cites 2 works (Tremayne, Hilda: 'Wages and Tides' (1961); "
        "Tremayne, Hilda: 'Salt and Sail' (1966))",
    ),
    (Unresolved.NO_AUTHOR, None, [], "it names no author, so the work cannot be identified"),
    (
        Unresolved.AMBIGUOUS,
        "Tremayne",
        TWO_WORKS,
        "there are 2 works by Tremayne (Tremayne, Hilda: 'Wages and Tides' (1961); "
        "Tremayne, Hilda: 'Salt and Sail' (1966))",
    ),
    (Unresolved.NO_WORK, "Penrose", [], "no work by Penrose is cited before it or listed"),
    (
        Unresolved.NO_YEAR,
        "Tremayne",
        TWO_WORKS,
        "none of the 2 works by Tremayne (Tremayne, Hilda: 'Wages and Tides' (1961); "
        "Tremayne, Hilda: 'Salt and Sail' (1966)) is of 1963",
    ),
]
ELISIONS = [
    (ElisionCause.ELLIPSIS, "", "an ellipsis marks words left out of the quotation"),
    (ElisionCause.NOTHING_FOLLOWS, "", "nothing follows the colon: the quoted words are missing"),
    (
        ElisionCause.BEFORE_HEADING,
        "",
        "the colon introduces nothing before the heading: the quoted words are missing",
    ),
    (ElisionCause.BREAKS_OFF, "with", "the sentence breaks off after 'with': words were cut here"),
    (
        ElisionCause.NEW_CLAUSE,
        "which",
        "a new clause ('which ...') follows the colon: the words between were cut",
    ),
    (
        ElisionCause.FRAGMENT,
        "",
        "only a fragment stands between two colons: the quoted words around it were cut",
    ),
    (
        ElisionCause.NEW_SENTENCE,
        "It",
        "a new sentence ('It ...') follows the colon: the quoted words were cut",
    ),
    (
        ElisionCause.PARAGRAPH_BREAK,
        "",
        "the sentence stops at a paragraph break and resumes after it: words were cut here",
    ),
]
GARBLES = [
    (GarbleCause.COMMA_FOR_SPACE, "", "a comma stands where a space belongs"),
    (GarbleCause.STRAY_MARK, "~", "stray '~' before the word"),
    (GarbleCause.OCR_CONFUSION, "", "letters that OCR confuses"),
    (GarbleCause.OCR_CONFUSION, ".", "letters that OCR confuses"),
    (GarbleCause.ONE_LETTER, "", "one letter misread"),
    (GarbleCause.ONE_LETTER, "~.", "stray '~.' and one letter misread"),
]
CANONICAL = [
    (None, ""),
    (CanonicalBecause.GLOSSARY, "the glossary spells it so"),
    (CanonicalBecause.FIRST_WITH_FORENAMES, "its first mention with forenames"),
    (CanonicalBecause.FIRST_MENTION, "its first mention"),
    (CanonicalBecause.MOST_OFTEN, "the spelling used most often"),
]


def tremayne(year: int, title: str) -> Work:
    return Work(
        id=f"work-tremayne-{year}",
        start=0,
        end=0,
        title=title,
        authors=["Tremayne, Hilda"],
        year=year,
    )


@pytest.mark.parametrize(("code", "author", "candidates", "sentence"), UNRESOLVED)
def test_each_unresolved_code_reads_as_its_sentence(
    code: Unresolved | None, author: str | None, candidates: list[str], sentence: str | None
) -> None:
    doc = Document("")
    doc.works.extend([tremayne(1961, "Wages and Tides"), tremayne(1966, "Salt and Sail")])
    citation = Citation(
        0, 0, Reference.OP_CIT, author=author, year=1963, unresolved=code, candidates=candidates
    )
    assert unresolved_reason(doc, citation) == sentence


@pytest.mark.parametrize(("cause", "word", "sentence"), ELISIONS)
def test_each_elision_cause_reads_as_its_sentence(
    cause: ElisionCause, word: str, sentence: str
) -> None:
    assert elision_reason(Elision(0, 1, cause, word)) == sentence


@pytest.mark.parametrize(("cause", "stray", "sentence"), GARBLES)
def test_each_garble_cause_reads_as_its_sentence(
    cause: GarbleCause, stray: str, sentence: str
) -> None:
    assert garble_reason(Garble(0, 1, "the", cause, stray)) == sentence


@pytest.mark.parametrize(("because", "sentence"), CANONICAL)
def test_each_canonical_code_reads_as_its_sentence(
    because: CanonicalBecause | None, sentence: str
) -> None:
    entity = Entity("person-x", EntityKind.PERSON, "X", canonical_because=because)
    assert canonical_reason(entity) == sentence


@pytest.mark.parametrize(
    ("codes", "cases"),
    [
        (Unresolved, UNRESOLVED),
        (ElisionCause, ELISIONS),
        (GarbleCause, GARBLES),
        (CanonicalBecause, CANONICAL),
    ],
)
def test_every_code_has_a_sentence_above(
    codes: type[StrEnum], cases: list[tuple[object, ...]]
) -> None:
    assert {case[0] for case in cases} - {None} == set(codes)
