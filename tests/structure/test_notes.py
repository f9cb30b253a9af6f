"""Numbered notes: the `Notes` section, the markers that point into it, their citations."""

from __future__ import annotations

import pytest

import fontes
from fontes.model import Document, Reference

NOTES = (
    "\n\nNotes\n\n"
    "1. Kerrow, A Harbour in Decline (Penzance, 1988), p. 45.\n"
    "[2] Ibid., p. 47.\n"
    "3. Kerrow, op. cit., p. 50.\n"
)


def rules(doc: Document, prefix: str) -> list[str]:
    return [f.rule for f in doc.findings if f.rule.startswith(prefix)]


def test_note_entries_numbered_with_a_period_or_brackets() -> None:
    doc = fontes.analyze("The board met.[1] It voted.[2] It adjourned.[3]" + NOTES)
    assert [(n.id, n.number) for n in doc.notes] == [
        ("note-1", "1"),
        ("note-2", "2"),
        ("note-3", "3"),
    ]
    assert [doc.text[n.text_start : n.end] for n in doc.notes] == [
        "Kerrow, A Harbour in Decline (Penzance, 1988), p. 45.",
        "Ibid., p. 47.",
        "Kerrow, op. cit., p. 50.",
    ]


@pytest.mark.parametrize("marker", ["[3]", "^3", "\u00b3"])
def test_each_marker_form_links_to_its_note(marker: str) -> None:
    body = f"The board met.[1] It voted.[2] A clerk kept a copy.{marker}"
    doc = fontes.analyze(body + NOTES)
    last = doc.note_markers[-1]
    assert (last.number, last.note) == ("3", "note-3")
    assert doc.text[last.start : last.end] == marker


def test_a_two_digit_superscript_marker() -> None:
    doc = fontes.analyze(
        "The board met.\u00b9\u00b2\n\nNotes\n\n"
        "12. Kerrow, A Harbour in Decline (Penzance, 1988).\n"
    )
    (marker,) = doc.note_markers
    assert (marker.number, marker.note) == ("12", "note-12")


def test_a_bracketed_number_after_a_space_is_not_a_marker() -> None:
    doc = fontes.analyze("The clauses [1] and [2] were struck out.[1]" + NOTES)
    assert [doc.text[m.start : m.end] for m in doc.note_markers] == ["[1]"]


def test_citations_in_notes_are_resolved_in_order() -> None:
    doc = fontes.analyze("The board met.[1] It voted.^2 A clerk kept a copy.\u00b3" + NOTES)
    assert [c.reference for c in doc.citations] == [
        Reference.FULL,
        Reference.IBID,
        Reference.OP_CIT,
    ]
    assert [c.note for c in doc.citations] == ["note-1", "note-2", "note-3"]
    assert [c.work for c in doc.citations] == ["work-kerrow-1988"] * 3
    assert [[(p.first, p.last) for p in c.pages] for c in doc.citations] == [
        [("45", "45")],
        [("47", "47")],
        [("50", "50")],
    ]
    assert rules(doc, "CI001") == []


def test_a_full_citation_in_a_note_becomes_a_work_when_there_is_no_bibliography() -> None:
    doc = fontes.analyze("The board met.[1] It voted.[2] It adjourned.[3]" + NOTES)
    (work,) = doc.all_works
    assert (work.title, work.year, work.listed) == ("A Harbour in Decline", 1988, False)
    assert rules(doc, "CI002") == []


def test_notes_without_a_heading_when_bracketed() -> None:
    doc = fontes.analyze(
        "The board met.[1] It voted.[2]\n\n"
        "[1] Kerrow, A Harbour in Decline (Penzance, 1988), p. 45.\n"
        "[2] Ibid., p. 47.\n"
    )
    assert [n.id for n in doc.notes] == ["note-1", "note-2"]
    assert [m.note for m in doc.note_markers] == ["note-1", "note-2"]


def test_a_numbered_list_in_the_body_is_not_notes() -> None:
    doc = fontes.analyze(
        "The board made two rules.\n\n1. No work on Sundays.\n2. No work at night.\n"
    )
    assert doc.notes == []


def test_a_wrapped_note_line_continues_the_note() -> None:
    doc = fontes.analyze(
        "The board met.[1]\n\nNotes\n\n"
        "1. Letter of the board to the guild, in the\ncounty archive at Penzance.\n"
    )
    (note,) = doc.notes
    assert doc.text[note.text_start : note.end] == (
        "Letter of the board to the guild, in the\ncounty archive at Penzance."
    )


def test_a_wrapped_note_line_starting_with_a_date_continues_the_note() -> None:
    doc = fontes.analyze(
        "The board met.[1] It voted.[2]\n\nNotes\n\n"
        "1. Kerrow, A Harbour in Decline (Penzance, 1988), p. 45.\n"
        "2. Letter of the board to the guild dated\n12 May 1921, in the county archive.\n"
    )
    assert [n.number for n in doc.notes] == ["1", "2"]
    assert rules(doc, "XR00") == []


def test_a_marker_without_a_note_is_reported() -> None:
    doc = fontes.analyze("The board met.[1] It voted.[2] It adjourned.[3] It sold up.[7]" + NOTES)
    marker = doc.note_markers[-1]
    assert (marker.number, marker.note) == ("7", None)
    (finding,) = [f for f in doc.findings if f.rule == "XR003"]
    assert doc.text[finding.start : finding.end] == "[7]"
    assert "note marker 7 has no note" in finding.message


def test_a_note_never_referenced_is_reported() -> None:
    doc = fontes.analyze("The board met.[1] It adjourned.[3]" + NOTES)
    (finding,) = [f for f in doc.findings if f.rule == "XR004"]
    assert "note 2 is never referenced" in finding.message
    assert doc.text[finding.start : finding.end] == "[2] "


def test_every_marker_and_note_matched_gives_no_cross_reference_findings() -> None:
    doc = fontes.analyze("The board met.[1] It voted.[2] It adjourned.[3]" + NOTES)
    assert rules(doc, "XR") == []


def test_numbering_that_restarts_per_chapter_gives_each_marker_its_own_chapters_note() -> None:
    doc = fontes.analyze(
        "The board met.[1] It voted.[2]\n\n"
        "Notes\n\n1. Minutes of the board, 3 May 1890.\n2. Ibid.\n\n"
        "The strike began in the autumn.[1]\n\n"
        "Notes\n\n1. Stanmouth Gazette, 9 October 1890.\n"
    )
    assert [n.id for n in doc.notes] == ["note-1", "note-2", "note-2-1"]
    assert [m.note for m in doc.note_markers] == ["note-1", "note-2", "note-2-1"]
    assert not [f for f in doc.findings if f.rule in ("XR003", "XR004")]


@pytest.mark.parametrize(
    "marker",
    ["[\u0663]", "^\u0663", "[\u09e9]", "\u00b3"],
    ids=["arabic", "caret", "bengali", "sup"],
)
def test_a_marker_in_other_digits_is_the_same_note_number(marker: str) -> None:
    doc = fontes.analyze(f"The board met.{marker} It voted.\n\nNotes\n\n3. Ibid., p. 4.\n")
    assert [(m.number, m.note) for m in doc.note_markers] == [("3", "note-3")]


def test_a_note_numbered_in_arabic_indic_digits() -> None:
    doc = fontes.analyze("The board met.[\u0663] It voted.\n\n[\u0663] Ibid., p. 4.\n")
    assert [n.id for n in doc.notes] == ["note-3"]
    assert [(m.number, m.note) for m in doc.note_markers] == [("3", "note-3")]
