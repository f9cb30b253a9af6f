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


# The forms of real editions: each test text is made up, in the shape the editions print.
FOOTNOTE_BLOCKS = (
    "The city had grown fast since the fire. [1] Its people were counted twice. [2]\n\n"
    "[3] Even the plague did not stop the building.\n\n"
    "[Footnote 1: Graunt, Observations on the Bills of Mortality, 1662.]\n\n"
    "[Footnote 2: The first count was made by the parishes;\n\n"
    "the second [a later one] by the hearth-tax collectors.]\n\n"
    "[Footnote 3: King, Natural and Political Observations, 1696.]\n"
)


def test_gutenberg_footnote_blocks_are_notes_and_spaced_markers_point_to_them() -> None:
    doc = fontes.analyze(FOOTNOTE_BLOCKS)
    assert [(n.id, n.number) for n in doc.notes] == [
        ("note-1", "1"),
        ("note-2", "2"),
        ("note-3", "3"),
    ]
    second = doc.text[doc.notes[1].text_start : doc.notes[1].end]
    assert second.startswith("The first count") and second.endswith("hearth-tax collectors.")
    # `[3] Even ...` opens a line of text: in an edition of blocks it is a marker, no note.
    assert [(m.number, m.note) for m in doc.note_markers] == [
        ("1", "note-1"),
        ("2", "note-2"),
        ("3", "note-3"),
    ]
    assert not rules(doc, "XR")


def test_a_footnote_block_without_a_number_is_a_note_no_marker_needs() -> None:
    doc = fontes.analyze("The harbour silted up.\n\n[Footnote: So the port books say.]\n")
    (note,) = doc.notes
    assert note.number == "" and doc.text[note.text_start : note.end] == "So the port books say."
    assert not rules(doc, "XR")


def test_footnotes_after_their_paragraph_with_symbols_and_a_marker_before_a_name() -> None:
    text = (
        "Emperors: [*]Conrad III. and Lothair.[+] The list runs on.[1]\n\n"
        "[*] Never crowned at Rome.\n"
        "[+] Never claimed the title.\n\n"
        "More of the history.[2]\n\n"
        "[1] Ducange, s.v.\n\n"
        "[2]\n\n"
        "    'Plaudentem cerne senatum.'\n"
    )
    doc = fontes.analyze(text)
    assert [n.number for n in doc.notes] == ["*", "+", "1", "2"]
    assert [(m.number, m.note) for m in doc.note_markers] == [
        ("*", "note-asterisk"),
        ("+", "note-dagger"),
        ("1", "note-1"),
        ("2", "note-2"),
    ]
    verse = doc.notes[-1]
    assert doc.text[verse.text_start : verse.end].strip() == "'Plaudentem cerne senatum.'"
    assert not rules(doc, "XR")


def test_markdown_footnotes() -> None:
    text = (
        "Hale County was organised in 1888.[^1] Its first court met in a store.[^court]\n\n"
        "[^1]: *History of Hale County, Texas*, p. 12.\n"
        "[^court]: Minutes of the Commissioners' Court,\n"
        "    vol. 1, p. 3.\n"
    )
    doc = fontes.analyze(text)
    assert [(n.id, n.number) for n in doc.notes] == [("note-1", "1"), ("note-court", "court")]
    assert doc.text[doc.notes[1].text_start : doc.notes[1].end].endswith("vol. 1, p. 3.")
    assert [(m.number, m.note) for m in doc.note_markers] == [
        ("1", "note-1"),
        ("court", "note-court"),
    ]
    assert "[^" not in " ".join(doc.excerpt(m) for m in doc.mentions)
    assert not rules(doc, "XR")


def test_notes_numbered_in_parentheses_in_a_notes_section() -> None:
    doc = fontes.analyze("The mill closed.[1] The men left.[2]\n\nNotes\n\n(1) Ibid.\n(2) Ibid.\n")
    assert [(m.number, m.note) for m in doc.note_markers] == [("1", "note-1"), ("2", "note-2")]


def test_chapter_endnotes_printed_together_go_to_their_own_chapter() -> None:
    text = (
        "CHAPTER I\n\nThe strike began.[1] It spread.[2]\n\n"
        "CHAPTER II\n\nThe owners gave way.[1]\n\n"
        "NOTES\n\nCHAPTER I\n\n"
        "1. Chapter one, first note.\n2. Chapter one, second note.\n\n"
        "Chapter II.\n\n1. Chapter two, first note.\n"
    )
    doc = fontes.analyze(text)
    assert [n.id for n in doc.notes] == ["note-1", "note-2", "note-2-1"]
    assert [m.note for m in doc.note_markers] == ["note-1", "note-2", "note-2-1"]


def test_markers_in_a_text_whose_notes_were_not_read_are_no_errors() -> None:
    # A page-foot note in a form not read: the marker alone proves no note is missing.
    doc = fontes.analyze("The colonus was bound to the soil.\u00b9 He paid in kind.\n")
    assert [m.number for m in doc.note_markers] == ["1"] and not doc.notes
    assert not rules(doc, "XR003")
    missing = fontes.analyze("The board met.[1] It voted.[7]" + NOTES)
    assert [doc_f.message for doc_f in missing.findings if doc_f.rule == "XR003"] == [
        "note marker 7 has no note"
    ]


def test_brackets_in_markdown_code_are_no_markers() -> None:
    text = (
        "Sort the files first.[^1]\n\n```python\nall_files.sort()\nall_files[0]\n```\n\n"
        "Then take `totals[1]` and ```GT4```[^2] on.\n\n[^1]: Lavin, *Analyzing Documents*, 3.\n"
        "[^2]: Romanello, GT4, 1.\n"
    )
    doc = fontes.analyze(text)
    assert [(m.number, m.note) for m in doc.note_markers] == [("1", "note-1"), ("2", "note-2")]
    assert not rules(doc, "XR")


def test_parenthesised_markers_where_the_notes_are_a_numbered_section() -> None:
    text = (
        "Her father owned four brigs (1). The house was let\n(2). It burned.\n\n"
        "NOTES TO THE INTRODUCTION\n\n1. Pickering, Annals, p. 212.\n2. Ibid., p. 213.\n"
    )
    doc = fontes.analyze(text)
    assert [(m.number, m.note) for m in doc.note_markers] == [("1", "note-1"), ("2", "note-2")]
    # Where notes are marked `[n]`, a `(1)` in the prose stays an enumeration.
    marked = fontes.analyze("Two causes: (1) wages and (2) rents.[1]" + NOTES)
    assert [m.number for m in marked.note_markers] == ["1"]


def test_page_foot_notes_numbered_afresh_on_each_page() -> None:
    page = (
        "The pans were boiled down until the {what} fell.\u00b9 The trade lived on small\n"
        "coal, and paid well.\u00b2\n\n"
        "\u00b9 Ellison, The Coal and Salt Trades (Newcastle, 1934), {first}.\n"
        "\u00b2 Ibid., {second}.\n\n"
        "                 {number}\n"
    )
    text = page.format(what="salt", first=97, second=99, number=41) + "\f"
    text += page.format(what="brine", first=12, second=14, number=42)
    doc = fontes.analyze(text)
    assert [n.id for n in doc.notes] == ["note-1", "note-2", "note-2-1", "note-2-2"]
    assert [m.note for m in doc.note_markers] == ["note-1", "note-2", "note-2-1", "note-2-2"]
    assert not rules(doc, "XR")


def test_a_numbered_line_is_a_page_foot_note_only_at_a_page_foot() -> None:
    foot = (
        "The colonus was bound.\u00b9 He paid.\n\n1 The colonus in the Digest.\n\n"
        "  7\n\fNext page.\n"
    )
    assert [n.number for n in fontes.analyze(foot).notes] == ["1"]
    prose = "The board met.\n\n12 May was wet. The men stayed home.\n\nThey came back.\n"
    assert fontes.analyze(prose).notes == []


def test_bare_symbol_notes_after_their_paragraph() -> None:
    doc = fontes.analyze(
        "The Volunteer sailed with the Henrietta.* My father watched her go.\n\n"
        "* The two ships sailed for the fishery in company.\n\n"
        "She came back in September with four fish.\u2020 The town was glad.\n\n"
        "The owners met in October.\n"
    )
    assert [(n.number, doc.text[n.text_start : n.end]) for n in doc.notes] == [
        ("*", "The two ships sailed for the fishery in company.")
    ]
    # the dagger marks a word but no note follows: a marker with no note, reported
    assert [(m.number, m.note) for m in doc.note_markers] == [
        ("*", "note-asterisk"),
        ("\u2020", None),
    ]


def test_a_markdown_bullet_is_no_symbol_note() -> None:
    doc = fontes.analyze("We read *The Quays of Truro* closely.\n\n* The first point.\n")
    assert doc.notes == [] and doc.note_markers == []


def test_a_marker_on_a_page_goes_to_a_note_at_that_pages_foot() -> None:
    doc = fontes.analyze(
        "The quay was rebuilt\u00b9 after the storm of that winter.\u00b3\n\n"
        "\u00b9 Keast, Quays, 4.\n\u00b2 Ibid., 5.\n\n\f\n"
        "The pilots came in\u00b9 from the Manacles at dawn.\u00b3\n\n"
        "\u00b9 Keast, Quays, 9.\n\u00b2 Ibid., 11.\n\u00b3 Ibid., 12.\n"
    )
    assert [(m.number, m.note) for m in doc.note_markers] == [
        ("1", "note-1"),
        ("3", None),  # its page has notes 1 and 2 only: not the next page's note 3
        ("1", "note-2-1"),
        ("3", "note-2-3"),
    ]


def test_a_page_foot_note_that_ocr_ran_into_the_last_paragraph() -> None:
    doc = fontes.analyze(
        "The coloni of the second century were free tenants, and 'colonus' and\n"
        "'conductor' are still interchangeable terms\u00b9, and the colonate is\n"
        "still an institution of private law. A century later they are bound\n"
        "to the soil and carefully distinguished from\n"
        "6\n"
        "1 The 'colonus' in the Digest holds under a lease, Dig. 19. 2. 9.\n"
        "\f"
        "the free tenants of the older law, whose leases ran for five years.\n"
    )
    assert [doc.text[n.text_start : n.end] for n in doc.notes] == [
        "The 'colonus' in the Digest holds under a lease, Dig. 19. 2. 9."
    ]
    assert [(m.number, m.note) for m in doc.note_markers] == [("1", "note-1")]


def test_a_markdown_note_wrapped_over_lines() -> None:
    doc = fontes.analyze(
        "The ship came in late.[^1] The owners met.[^2]\n\n"
        "[^1]: Her arrival is given as 29 August in Tremayne,\n"
        "p. 52, and as 30 August in Rosewarne.\n\n"
        "[^2]: Minutes of the owners,\n    kept at Truro.\n\n"
        "The season ended in October.\n"
    )
    assert [doc.text[n.text_start : n.end] for n in doc.notes] == [
        "Her arrival is given as 29 August in Tremayne,\np. 52, and as 30 August in Rosewarne.",
        "Minutes of the owners,\n    kept at Truro.",
    ]
